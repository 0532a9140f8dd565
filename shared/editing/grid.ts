/**
 * What the form grid does with cells, as plain functions over a computed form (FormGrid): where a cell
 * is, what a copied range reads as, what a paste or a Delete would change. Positions are (row, column)
 * indexes into `grid.rows` and `row.cells`; the grid component only maps keys and clicks onto these.
 */
import { inputKey, type InputRef } from '../document/inputs';
import { cellKey, type CellRef, type FormCell, type FormGrid } from '../forms/types';
import { formatPlain, parseAmountInput, type Amount } from '../money';

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** A rectangle of cells, corners included, in any order. */
export interface CellRange {
  readonly anchor: CellPosition;
  readonly focus: CellPosition;
}

export function rangeBounds(range: CellRange): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.column, range.focus.column),
    right: Math.max(range.anchor.column, range.focus.column),
  };
}

export function cellAt(grid: FormGrid, position: CellPosition): FormCell | undefined {
  return grid.rows[position.row]?.cells[position.column];
}

const positionIndexes = new WeakMap<FormGrid, Map<string, CellPosition>>();

/** Amount cells by cell key, and typed cells also by `in:` + input key. */
function positions(grid: FormGrid): Map<string, CellPosition> {
  let index = positionIndexes.get(grid);
  if (!index) {
    const built = new Map<string, CellPosition>();
    grid.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (cell.type !== 'amount') return;
        built.set(cellKey(cell.ref), { row: r, column: c });
        if (cell.input) built.set(`in:${inputKey(cell.input)}`, { row: r, column: c });
      });
    });
    positionIndexes.set(grid, built);
    index = built;
  }
  return index;
}

/** Where an amount cell is shown in a grid (undefined: not in this grid). */
export function positionOf(grid: FormGrid, ref: CellRef): CellPosition | undefined {
  return positions(grid).get(cellKey(ref));
}

/** Where the cell typing an input is shown in a grid (undefined: not in this grid). */
export function positionOfInput(grid: FormGrid, input: InputRef): CellPosition | undefined {
  return positions(grid).get(`in:${inputKey(input)}`);
}

/** A cell as copied: amounts without separators (Excel and WPS read them as numbers), texts as shown. */
function copiedText(cell: FormCell | undefined): string {
  if (!cell) return '';
  if (cell.type === 'text') return cell.text;
  return cell.value === null ? '' : formatPlain(cell.value);
}

/** A range as tab-separated lines, as Excel and WPS put it on the clipboard. */
export function copyRange(grid: FormGrid, range: CellRange): string {
  const { top, bottom, left, right } = rangeBounds(range);
  const lines: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const values: string[] = [];
    for (let c = left; c <= right; c++) values.push(copiedText(cellAt(grid, { row: r, column: c })));
    lines.push(values.join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Clipboard text as rows of cells. Excel and WPS separate cells by tabs and rows by CRLF, end with a
 * line break, and quote a cell that holds a line break or a quote ("a""b").
 */
export function parseTabular(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface PlannedAmount {
  readonly input: InputRef;
  readonly amount: Amount;
  readonly position: CellPosition;
}

export type PastePlan =
  | { readonly ok: true; readonly changes: readonly PlannedAmount[]; readonly range: CellRange }
  | { readonly ok: false; readonly message: string; readonly position: CellPosition };

/** `第3行第2列`: a cell of the pasted block, counted from 1, as the user sees it in the source. */
function blockCell(r: number, c: number): string {
  return `第${r + 1}行第${c + 1}列`;
}

/**
 * What pasting a block at a cell would change. A paste is all or nothing: a value that is not an
 * amount, or a value landing on a computed cell or outside the table, refuses the whole block with a
 * message naming the cell, and nothing is changed. A single value pasted on a selected range fills it.
 * A pasted cell whose text equals the computed cell's shown value is accepted as unchanged (copying a
 * whole table, totals included, from one sheet onto the same layout).
 */
export function planPaste(grid: FormGrid, selection: CellRange, block: readonly string[][]): PastePlan {
  const { top, left, bottom, right } = rangeBounds(selection);
  const single = block.length === 1 && block[0]?.length === 1;
  const height = single ? bottom - top + 1 : block.length;
  const width = single ? right - left + 1 : Math.max(...block.map((line) => line.length));
  const changes: PlannedAmount[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const text = single ? (block[0]?.[0] ?? '') : (block[r]?.[c] ?? '');
      const position = { row: top + r, column: left + c };
      const cell = cellAt(grid, position);
      const where = single ? '' : `粘贴内容${blockCell(r, c)}`;
      if (!cell) {
        return { ok: false, message: `${where}超出了表格范围，未粘贴`, position };
      }
      if (cell.type === 'text' || !cell.input) {
        if (text.trim() === '' || text.trim() === copiedText(cell).trim()) continue;
        if (cell.type === 'amount' && cell.value !== null && sameAmount(text, cell.value.toString()))
          continue;
        const what = cell.type === 'text' ? '文字列' : '自动计算的单元格';
        return { ok: false, message: `${where}“${text}”落在${what}上，未粘贴`, position };
      }
      const parsed = parseAmountInput(text);
      if (!parsed.ok) return { ok: false, message: `${where}${parsed.message}，未粘贴`, position };
      changes.push({ input: cell.input, amount: parsed.amount, position });
    }
  }
  return {
    ok: true,
    changes,
    range: { anchor: { row: top, column: left }, focus: { row: top + height - 1, column: left + width - 1 } },
  };
}

function sameAmount(text: string, value: string): boolean {
  const parsed = parseAmountInput(text);
  const computed = parseAmountInput(value);
  return parsed.ok && computed.ok && parsed.amount === computed.amount;
}

/** Delete on a range: every typed cell in it becomes blank (computed and text cells are left alone). */
export function planClear(grid: FormGrid, range: CellRange): PlannedAmount[] {
  const { top, bottom, left, right } = rangeBounds(range);
  const changes: PlannedAmount[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = cellAt(grid, { row: r, column: c });
      if (cell?.type === 'amount' && cell.input) {
        changes.push({ input: cell.input, amount: '', position: { row: r, column: c } });
      }
    }
  }
  return changes;
}

/** The first typed cell of a stored row (a collection's row key), e.g. where a row just added is shown. */
export function positionOfRow(
  grid: FormGrid,
  collection: InputRef['collection'],
  key: string,
): CellPosition | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = grid.rows[r]?.cells ?? [];
    const c = cells.findIndex(
      (cell) => cell.type === 'amount' && cell.input?.collection === collection && cell.input.key === key,
    );
    if (c >= 0) return { row: r, column: c };
  }
  return undefined;
}

/** The stored rows a grid row shows (one per panel that has typed cells): what 删除本行 would remove. */
export function storedRowsAt(
  grid: FormGrid,
  row: number,
): { collection: InputRef['collection']; key: string }[] {
  const seen = new Map<string, { collection: InputRef['collection']; key: string }>();
  for (const cell of grid.rows[row]?.cells ?? []) {
    if (cell.type === 'amount' && cell.input) {
      seen.set(`${cell.input.collection}/${cell.input.key}`, {
        collection: cell.input.collection,
        key: cell.input.key,
      });
    }
  }
  return [...seen.values()];
}
