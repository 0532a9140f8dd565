/**
 * Where the thirteen tables go in the workbook: one sheet each, named `表1 预算收支总表` …, laid out as
 * printed — title row, 单位 row, the header rows, the data rows, the 备注 line and (for an empty table)
 * its note. Export writes by this layout; import reads it back (tolerating what people do to sheets).
 */
import { FORM_DEFINITIONS } from '../forms/definitions';
import type { FormGrid, FormId } from '../forms/types';

/** The sheet of a table: `表3 预算支出总表` (Excel allows 31 characters; the longest is 29). */
export function tableSheetName(id: FormId): string {
  const definition = FORM_DEFINITIONS[id];
  return `表${definition.number} ${definition.titleSuffix}`;
}

export const TITLE_ROW = 1;
export const UNIT_ROW = 2;
export const HEADER_ROW = 3;

export interface TableLayout {
  readonly headerRows: number;
  /** The sheet row of the first data row. */
  readonly firstDataRow: number;
  /** The sheet row of a grid row (0-based index into grid.rows). */
  dataRow(index: number): number;
  readonly remarkRow: number;
  /** The row of the empty-table note, when the table is empty and has one. */
  readonly noteRow: number | null;
  readonly lastColumn: number;
}

export function tableLayout(grid: FormGrid): TableLayout {
  const firstDataRow = HEADER_ROW + grid.headerRowCount;
  const remarkRow = firstDataRow + grid.rows.length;
  return {
    headerRows: grid.headerRowCount,
    firstDataRow,
    dataRow: (index) => firstDataRow + index,
    remarkRow,
    noteRow: grid.empty && grid.emptyNote !== '' ? remarkRow + 1 : null,
    lastColumn: grid.columns.length,
  };
}

/** `A`, `B`, … `Z`, `AA` for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `C5` for row 5, column 3. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
