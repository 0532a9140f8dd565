/**
 * The look of the exported workbook: 宋体 as Chinese official tables use it, thin borders on every table
 * cell, amounts with two decimals (a zero shows blank, as the published tables print blanks), page
 * numbers in the footer, A4 margins in inches; sheets printed one page wide, titles across the sheet, and
 * rows as tall as their wrapped text.
 */
import type ExcelJS from 'exceljs';

export const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };

/** A sheet's title. */
export const TITLE_FONT: Partial<ExcelJS.Font> = { ...FONT, size: 16, bold: true };

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
 * overlap (and an imported sheet's merges were checked not to: safeOpen.ts), so each merge is made
 * against an empty list and then added to the sheet's. `keepStyles`: each covered cell keeps its own
 * style (as exceljs merges a file's cells on reading it), instead of taking the first cell's.
 */
export function mergeCells(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  options: { readonly keepStyles?: boolean } = {},
): void {
  const merges = sheet as unknown as WithMerges;
  const existing = merges._merges;
  merges._merges = {};
  try {
    if (options.keepStyles) sheet.mergeCellsWithoutStyle(top, left, bottom, right);
    else sheet.mergeCells(top, left, bottom, right);
  } finally {
    merges._merges = Object.assign(existing, merges._merges);
  }
}

export interface PrintedSheetOptions {
  readonly orientation: 'portrait' | 'landscape';
  /** Column widths in Excel's character units. */
  readonly widths: readonly number[];
  /** Rows first…last repeat at the top of every printed page and stay in view when scrolling. */
  readonly header?: { readonly first: number; readonly last: number };
}

/**
 * Adds a sheet that prints on A4, one page wide and as many pages tall as it needs, centred, with page
 * numbers in the footer.
 */
export function addPrintedSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: PrintedSheetOptions,
): ExcelJS.Worksheet {
  const { header } = options;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: options.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      ...(header && { printTitlesRow: `${header.first}:${header.last}` }),
    },
    headerFooter: { oddFooter: footer(), evenFooter: footer() },
    ...(header && {
      views: [{ state: 'frozen', xSplit: 0, ySplit: header.last, topLeftCell: `A${header.last + 1}` }],
    }),
  });
  sheet.columns = options.widths.map((width) => ({ width }));
  return sheet;
}

export interface LineStyle {
  /** A sheet's title (16 pt bold); otherwise the body font. */
  readonly title?: boolean;
  /** Centred unless 'left'. */
  readonly horizontal?: 'center' | 'left';
  /** The row's height in points (a merged row does not grow with its text). */
  readonly height: number;
}

/** A line of text across columns 1…columns of a row, merged, without borders: a title, a caption. */
export function writeLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  columns: number,
  style: LineStyle,
): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = style.title ? TITLE_FONT : FONT;
  cell.alignment = { horizontal: style.horizontal ?? 'center', vertical: 'middle', wrapText: true };
  mergeCells(sheet, row, 1, row, columns);
  sheet.getRow(row).height = style.height;
}

/** A table's header row from column 1: bold, centred, bordered. */
export function writeHeaderRow(sheet: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((header, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
}

// Row heights. Excel does not make a row taller for its wrapped text when it opens a file (and never for
// a merged cell), so the export sets each row's height from an estimate of the lines its text wraps to.

/** Points per line of 10.5 pt 宋体. */
export const LINE_HEIGHT = 14;

/** A row of one line with room above and below it: the boxes of a form, the findings table. */
export const ROW_HEIGHT = 24;

/** Excel's tallest row, in points: a taller one is an error in the file. */
export const MAX_ROW_HEIGHT = 409;

/** A text's width in Excel's character units: a Chinese character takes two, a Latin one. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return width;
}

/**
 * How many lines a text wraps to in a cell `width` character units wide (the sum of a merge's columns).
 * A unit is 7 pixels and a Chinese character of 10.5 pt 宋体 14; a cell's margins take a few pixels, so
 * one unit less is on the safe side without making single lines two.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(2, width - 1);
  return text
    .split('\n')
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textWidth(paragraph) / usable)), 0);
}

/**
 * The height in points of a row showing `lines` lines of text: `padding` points of room with them, at
 * least `min` (ROW_HEIGHT unless given), at most Excel's tallest row.
 */
export function rowHeightFor(lines: number, { padding = 6, min = ROW_HEIGHT } = {}): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(min, lines * LINE_HEIGHT + padding));
}
