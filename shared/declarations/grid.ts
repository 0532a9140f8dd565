/**
 * The indicator grid of a declaration as both outputs print it (the Excel sheet and the PDF): the 实施期
 * and 年度 indicators side by side under shared 一级 cells, 二级 cells merged down the indicators they head.
 */
import type { Indicator } from '../document/schema';
import { INDICATOR_HEADERS } from './form';

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

/**
 * Where a grid's columns are in its form's table, counted from the form's label column (0; the
 * workbook's column A): the shared 一级 column and a group per side (the project form's 实施期 and 年度,
 * the 整体 form's one).
 */
export interface GridColumns {
  readonly level1: number;
  readonly sides: readonly GridSide[];
}

export interface GridSide {
  readonly level2: number;
  readonly name: number;
  /** The columns 三级指标 spans. */
  readonly nameCols: number;
  readonly value: number;
}

export const OVERALL_GRID: GridColumns = {
  level1: 1,
  sides: [{ level2: 2, name: 3, nameCols: 2, value: 5 }],
};
export const PROJECT_GRID: GridColumns = {
  level1: 1,
  sides: [
    { level2: 2, name: 3, nameCols: 1, value: 4 },
    { level2: 5, name: 6, nameCols: 1, value: 7 },
  ],
};

/** One cell of a grid, as both outputs print it. */
export interface GridCell {
  /** Counted from the grid's header row. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly kind: 'label' | 'center' | 'text';
  readonly rows: number;
  readonly cols: number;
  /** A 一级 or 二级 name, in a narrow column (the PDF breaks it by the column's width). */
  readonly level: boolean;
}

/**
 * The grid's cells from its header row: 一级 spanning its block, 二级 spanning the indicators it heads
 * (continuesRun). An indicator with neither 三级 nor 指标值 heads its own 二级 cell, so that an import can
 * tell it from a row someone inserted; an empty grid still shows a row to fill in.
 */
export function gridCells(columns: GridColumns, lists: readonly (readonly Indicator[])[]): GridCell[] {
  const cells: GridCell[] = [];
  const cell = (
    row: number,
    col: number,
    text: string,
    kind: GridCell['kind'],
    more: Partial<GridCell> = {},
  ) => cells.push({ row, col, text, kind, rows: 1, cols: 1, level: false, ...more });
  // 三级 and 指标值 of one side (and a blank 二级 when the side has no indicator on this row).
  const sideRow = (row: number, side: GridSide, item: Indicator | null) => {
    if (!item) cell(row, side.level2, '', 'center');
    cell(row, side.name, item?.name ?? '', 'text', { cols: side.nameCols });
    cell(row, side.value, item?.value ?? '', 'center');
  };
  cell(0, columns.level1, INDICATOR_HEADERS.level1, 'label', { level: true });
  for (const side of columns.sides) {
    cell(0, side.level2, INDICATOR_HEADERS.level2, 'label');
    cell(0, side.name, INDICATOR_HEADERS.name, 'label', { cols: side.nameCols });
    cell(0, side.value, INDICATOR_HEADERS.value, 'label');
  }
  const blocks = blocksOf(lists);
  if (blocks.length === 0) {
    cell(1, columns.level1, '', 'center');
    for (const side of columns.sides) sideRow(1, side, null);
    return cells;
  }
  let row = 1;
  for (const block of blocks) {
    const height = Math.max(1, ...block.sides.map((items) => items.length));
    cell(row, columns.level1, block.level1, 'center', { rows: height, level: true });
    columns.sides.forEach((side, k) => {
      const items = block.sides[k] ?? [];
      let i = 0;
      while (i < height) {
        const item = items[i];
        if (!item) {
          sideRow(row + i, side, null);
          i++;
          continue;
        }
        let span = 1;
        while (continuesRun(items[i + span], item)) span++;
        cell(row + i, side.level2, item.level2, 'center', { rows: span, level: true });
        for (let n = 0; n < span; n++) sideRow(row + i + n, side, items[i + n] ?? null);
        i += span;
      }
    });
    row += height;
  }
  return cells;
}
