/**
 * Plain renderings of a computed form: aligned text for a terminal and CSV. Amounts print with two
 * decimals (ROUND_HALF_UP); blank cells stay blank.
 */
import { formatPlain } from '../money';
import type { FormCell, FormGrid } from './types';

export function cellText(cell: FormCell): string {
  if (cell.type === 'text') return cell.text;
  return cell.value === null ? '' : formatPlain(cell.value);
}

/** The header as a text matrix: each merged label at its top-left position, '' elsewhere. */
export function headerMatrix(grid: FormGrid): string[][] {
  const matrix = Array.from({ length: grid.headerRowCount }, () => grid.columns.map(() => ''));
  for (const cell of grid.header) {
    const line = matrix[cell.row];
    if (line) line[cell.column] = cell.label;
  }
  return matrix;
}

/** The note printed under an empty table (the document's own, or nothing). */
function notes(grid: FormGrid): string[] {
  return [grid.remark, ...(grid.empty && grid.emptyNote ? [`说明：${grid.emptyNote}`] : [])];
}

export function renderCsv(grid: FormGrid): string {
  const lines = [
    [grid.title],
    [grid.unit],
    ...headerMatrix(grid),
    ...grid.rows.map((row) => row.cells.map(cellText)),
    ...notes(grid).map((note) => [note]),
  ];
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes (CJK and full-width characters take two). */
export function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function pad(value: string, width: number, align: 'left' | 'right' | 'center'): string {
  const room = Math.max(0, width - displayWidth(value));
  if (align === 'right') return ' '.repeat(room) + value;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + value + ' '.repeat(Math.ceil(room / 2));
  return value + ' '.repeat(room);
}

const SEPARATOR = ' | ';

/** The form as aligned text: title, unit, header (merged labels centred over their columns), rows, notes. */
export function renderText(grid: FormGrid): string {
  const body = grid.rows.map((row) => row.cells.map(cellText));
  const widths = grid.columns.map((_, c) => Math.max(2, ...body.map((line) => displayWidth(line[c] ?? ''))));
  for (const cell of grid.header.filter((h) => h.colSpan === 1)) {
    widths[cell.column] = Math.max(widths[cell.column] ?? 0, displayWidth(cell.label));
  }
  const spanWidth = (from: number, span: number) =>
    widths.slice(from, from + span).reduce((a, b) => a + b, 0) + SEPARATOR.length * (span - 1);
  // Widen the last column under a merged label that is wider than its columns.
  for (const cell of grid.header.filter((h) => h.colSpan > 1)) {
    const missing = displayWidth(cell.label) - spanWidth(cell.column, cell.colSpan);
    const last = cell.column + cell.colSpan - 1;
    if (missing > 0) widths[last] = (widths[last] ?? 0) + missing;
  }
  const headerLines = Array.from({ length: grid.headerRowCount }, (_, row) => {
    const parts: string[] = [];
    let column = 0;
    while (column < grid.columns.length) {
      const start = grid.header.find((h) => h.row === row && h.column === column);
      const covering = grid.header.find(
        (h) => h.row < row && h.row + h.rowSpan > row && h.column <= column && h.column + h.colSpan > column,
      );
      const span = start?.colSpan ?? covering?.colSpan ?? 1;
      parts.push(pad(start?.label ?? '', spanWidth(column, span), 'center'));
      column += span;
    }
    return parts.join(SEPARATOR);
  });
  const rule = '-'.repeat(spanWidth(0, grid.columns.length));
  const rowLines = body.map((line) =>
    line
      .map((value, c) => pad(value, widths[c] ?? 0, grid.columns[c]?.kind === 'amount' ? 'right' : 'left'))
      .join(SEPARATOR),
  );
  return [grid.title, grid.unit, rule, ...headerLines, rule, ...rowLines, rule, ...notes(grid), ''].join(
    '\n',
  );
}
