/**
 * The indicator grid of a declaration as both outputs print it (the Excel sheet and the PDF): the 实施期
 * and 年度 indicators side by side under shared 一级 cells, 二级 cells merged down the indicators they head.
 */
import type { Indicator } from '../document/schema';

/** Consecutive indicators under one 一级 of one side. */
export interface Run {
  readonly level1: Indicator['level1'];
  readonly items: readonly Indicator[];
}

/** One 一级 block of the grid: its indicators on each side, side by side. */
export interface Block {
  readonly level1: Indicator['level1'];
  readonly sides: readonly (readonly Indicator[])[];
}

export function runsOf(list: readonly Indicator[]): Run[] {
  const runs: { level1: Indicator['level1']; items: Indicator[] }[] = [];
  for (const item of list) {
    const last = runs.at(-1);
    if (last?.level1 === item.level1) last.items.push(item);
    else runs.push({ level1: item.level1, items: [item] });
  }
  return runs;
}

/**
 * Lines up the 实施期 and 年度 indicators under shared 一级 cells: runs with the same 一级 side by side, a run
 * the other side has no partner for on its own. Each side keeps its order, so the grid reads back as written.
 */
export function blocksOf(lists: readonly (readonly Indicator[])[]): Block[] {
  const [left = [], right = []] = lists.map(runsOf);
  const blocks: Block[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = left[i];
    const b = right[j];
    if (a && b && a.level1 === b.level1) {
      blocks.push({ level1: a.level1, sides: [a.items, b.items] });
      i++;
      j++;
    } else if (a && !right.slice(j).some((run) => run.level1 === a.level1)) {
      blocks.push({ level1: a.level1, sides: [a.items, []] });
      i++;
    } else if (b) {
      blocks.push({ level1: b.level1, sides: [[], b.items] });
      j++;
    }
  }
  return blocks;
}

/** Whether `next` shares the 二级 cell of `head` (merged down): same 二级, and something of its own typed. */
export function continuesRun(next: Indicator | undefined, head: Indicator): boolean {
  return next !== undefined && next.level2 === head.level2 && (next.name !== '' || next.value !== '');
}
