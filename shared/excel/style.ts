/**
 * The look of the exported workbook: 宋体 as Chinese official tables use it, thin borders on every table
 * cell, amounts with two decimals (a zero shows blank, as the published tables print blanks), page
 * numbers in the footer, A4 margins in inches.
 */
import type ExcelJS from 'exceljs';

export const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };

/**
 * A4 (ExcelJS.PaperSize.A4 is a const enum, which isolated modules cannot read at run time, so the value
 * is written here once, typed as the enum).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 9 is PaperSize.A4, see above
export const A4 = 9 as ExcelJS.PaperSize;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Two decimals with thousands separators; zero shows as blank (the third section is empty). */
export const amountFormat = '#,##0.00;-#,##0.00;;@';

/** Inches: about 2 cm at the sides, 2.5 cm top and bottom, room for the footer. */
export const MARGINS: ExcelJS.Margins = {
  left: 0.6,
  right: 0.6,
  top: 0.8,
  bottom: 0.8,
  header: 0.3,
  footer: 0.4,
};

/** 第 1 页，共 3 页 (Excel's &P and &N). */
export function footer(): string {
  return '&C第 &P 页，共 &N 页';
}

/** exceljs keeps a sheet's merges in this (private) property, by the master cell's address. */
interface WithMerges {
  _merges: Record<string, unknown>;
}

/**
 * Merges a range. exceljs's own mergeCells compares each new merge with every merge the sheet already
 * has, which takes minutes on a sheet with a thousand project declarations; the layouts here never
 * overlap, so each merge is made against an empty list and then added to the sheet's.
 */
export function mergeCells(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  const merges = sheet as unknown as WithMerges;
  const existing = merges._merges;
  merges._merges = {};
  try {
    sheet.mergeCells(top, left, bottom, right);
  } finally {
    merges._merges = Object.assign(existing, merges._merges);
  }
}
