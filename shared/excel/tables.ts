/**
 * The thirteen table sheets of the exported workbook, laid out as the published tables: merged title,
 * 单位：万元 on the right, the multi-row header with its merges, codes as printed (201 / 03 / 01), numbers
 * as numbers with two decimals (blank where blank), borders on every cell of the table, the 备注 line and
 * the empty-table note; totals as formulas with their values; A4 print setup.
 */
import type ExcelJS from 'exceljs';
import { inputKey } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { formsOf } from '../forms/engine';
import { cellKey, FORM_IDS, type FormId, type RowKind } from '../forms/types';
import { formulaOf, type CellPlace, type Places } from './formulas';
import { HEADER_ROW, TITLE_ROW, UNIT_ROW, tableLayout, tableSheetName } from './layout';
import { A4, BORDER, mergeCells, FONT, MARGINS, amountFormat, footer } from './style';

/** Up to this many rows a table is fitted on one page. */
const ONE_PAGE_ROWS = 45;

/** Where every amount cell and every typed input of the thirteen tables is. */
export function tablePlaces(doc: BudgetDocument): Places {
  const forms = formsOf(doc);
  const cells = new Map<string, CellPlace>();
  const inputs = new Map<string, CellPlace>();
  for (const id of FORM_IDS) {
    const grid = forms.grid(id);
    const layout = tableLayout(grid);
    const sheet = tableSheetName(id);
    grid.rows.forEach((row, index) => {
      row.cells.forEach((cell, c) => {
        if (cell.type !== 'amount') return;
        const place = { sheet, row: layout.dataRow(index), column: c + 1 };
        cells.set(cellKey(cell.ref), place);
        if (cell.input) inputs.set(inputKey(cell.input), place);
      });
    });
  }
  return { cells, inputs };
}

/** Adds one table's sheet to the workbook. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  doc: BudgetDocument,
  id: FormId,
  places: Places,
): void {
  const forms = formsOf(doc);
  const grid = forms.grid(id);
  const built = forms.form(id);
  const layout = tableLayout(grid);
  const name = tableSheetName(id);
  const last = layout.lastColumn;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: grid.orientation,
      fitToPage: true,
      fitToWidth: 1,
      // A short table (表1, 表4) prints on one page, as published; a long one runs on, header repeated.
      fitToHeight: grid.rows.length <= ONE_PAGE_ROWS ? 1 : 0,
      horizontalCentered: true,
      margins: MARGINS,
      printTitlesRow: `${HEADER_ROW}:${layout.firstDataRow - 1}`,
    },
    headerFooter: { oddFooter: footer(), evenFooter: footer() },
    views: [
      { state: 'frozen', ySplit: layout.firstDataRow - 1, xSplit: 0, topLeftCell: `A${layout.firstDataRow}` },
    ],
  });
  sheet.columns = grid.columns.map((column) => ({ width: column.width + 2 }));

  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = grid.title;
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  mergeCells(sheet, TITLE_ROW, 1, TITLE_ROW, last);
  // A merged row does not grow with its text: a long title over a narrow table needs two lines.
  const tableWidth = grid.columns.reduce((total, column) => total + column.width + 2, 0);
  const titleWidth = grid.title.length * 2 * (16 / 10.5);
  sheet.getRow(TITLE_ROW).height = 26 * Math.ceil(titleWidth / tableWidth) + 4;

  const unit = sheet.getCell(UNIT_ROW, last);
  unit.value = grid.unit;
  unit.font = FONT;
  unit.alignment = { horizontal: 'right' };

  // The header: every cell of a merge styled (a merge keeps only its first cell's style on read-back).
  for (const h of grid.header) {
    for (let r = 0; r < h.rowSpan; r++) {
      for (let c = 0; c < h.colSpan; c++) {
        const cell = sheet.getCell(HEADER_ROW + h.row + r, h.column + 1 + c);
        cell.font = { ...FONT, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = BORDER;
      }
    }
    sheet.getCell(HEADER_ROW + h.row, h.column + 1).value = h.label;
    if (h.rowSpan > 1 || h.colSpan > 1) {
      mergeCells(
        sheet,
        HEADER_ROW + h.row,
        h.column + 1,
        HEADER_ROW + h.row + h.rowSpan - 1,
        h.column + h.colSpan,
      );
    }
  }

  grid.rows.forEach((row, index) => {
    const r = layout.dataRow(index);
    const bold = row.kinds.some(isSetOff);
    row.cells.forEach((cell, c) => {
      const target = sheet.getCell(r, c + 1);
      target.border = BORDER;
      target.font = { ...FONT, bold };
      if (cell.type === 'text') {
        target.value = cell.text;
        target.alignment = { vertical: 'middle', wrapText: true };
        return;
      }
      target.numFmt = amountFormat;
      target.alignment = { horizontal: 'right', vertical: 'middle' };
      if (cell.input) {
        target.value = cell.value === null ? null : cell.value.toNumber();
        return;
      }
      const spec = built.rows.get(cell.ref.row)?.cells[cell.ref.column];
      const formula = spec && 'expr' in spec ? formulaOf(spec.expr, name, places) : null;
      const result = cell.value === null ? 0 : cell.value.toNumber();
      target.value = formula === null ? null : { formula, result };
    });
  });

  const note = (row: number, text: string) => {
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = FONT;
    cell.alignment = { vertical: 'top', wrapText: true };
    mergeCells(sheet, row, 1, row, last);
    // A merged cell does not grow with its text: give the row the lines it needs.
    const width = grid.columns.reduce((total, column) => total + column.width + 2, 0);
    sheet.getRow(row).height = 15 * Math.max(1, Math.ceil((text.length * 2) / width));
  };
  note(layout.remarkRow, grid.remark);
  if (layout.noteRow !== null) note(layout.noteRow, `说明：${grid.emptyNote}`);
}

/** 类, 款 and 合计 rows are set off in bold from 项 rows. */
function isSetOff(kind: RowKind): boolean {
  return kind === 'class' || kind === 'section' || kind === 'total';
}
