/**
 * The look of the exported workbook: 宋体 as Chinese official tables use it, thin borders on every table
 * cell, amounts with two decimals (a zero shows blank, as the published tables print blanks), page
 * numbers in the footer, A4 margins in inches.
 */
import type ExcelJS from 'exceljs';

export const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };

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
