/**
 * Reading cells of a workbook people have worked in: the one place where the importers (importTables.ts,
 * info.ts, declarations.ts) read a cell. Text however it is stored (rich text, hyperlinks, dates,
 * formulas' saved results), labels as they are compared, amounts and counts tolerant of numbers stored as
 * text, thousands separators and full-width digits — but never reading something that is not an amount
 * as one.
 *
 * A formula reads as its saved result, as if that value had been typed (a text result is not reported as
 * a number stored as text: Excel does not flag it either); a formula whose result was not saved is
 * 'unknown', and each importer decides what that means for it.
 */
import type ExcelJS from 'exceljs';
import { AMOUNT_PATTERN, Decimal, parseAmountInput, toAmount, type Amount } from '../money';
import type { ImportProblem } from './problems';

// ---------------------------------------------------------------------------------------------------
// Text

/** The text a cell shows ('' for an empty cell); a date as dateText gives it. */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if (isFormula(value)) return valueText(value.result, numFmt);
  if ('error' in value) return value.error;
  // A hyperlink's text, which exceljs gives as rich text when the link is formatted.
  return valueText(value.text, numFmt);
}

/**
 * Excel turns a typed 2024年3月 or 2024年3月18日 into a date; it comes back as the person typed it: with
 * the day unless the cell's number format shows none (yyyy"年"m"月", mmm-yy). (Text cells are written
 * with the 文本 format, so Excel leaves what is typed into them alone; this is for cells whose format
 * someone changed, or that were never the export's.)
 */
function dateText(date: Date, numFmt: string | undefined): string {
  const month = `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
  return numFmt === undefined || /d/i.test(numFmt) ? `${month}${date.getUTCDate()}日` : month;
}

/** A string or rich text: what a person typed as text (not a number, date, error or formula). */
export function isText(value: ExcelJS.CellValue): value is string | ExcelJS.CellRichTextValue {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && 'richText' in value);
}

export function isFormula(
  value: ExcelJS.CellValue,
): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/**
 * A formula's saved result, or the value itself (undefined for a formula whose result was not saved).
 * Master and shared formulas alike: exceljs gives a shared formula's other cells as `sharedFormula`.
 * (exceljs's cell.value leaves out a saved result of 0 or '', so such a formula reads as not saved here
 * too; cell.result has it.)
 */
export function plainValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  return isFormula(value) ? value.result : value;
}

// ---------------------------------------------------------------------------------------------------
// Labels
//
// Two functions, not one. A label never needs its colon: 负责人： and 负责人 are the same label, and people
// type the colon full- or half-width or leave it out; nor its digits' width (列入表１２ = 列入表12). So
// `labelKey` drops colons and makes digits half-width, and every label and header the importers look up
// goes through it: declarations' labels, info's labels and headers, and importTables' sheet names, titles,
// column headers and the row labels of 表1, 表4 and 表10. But importTables also compares text that is not
// a label, where that would be wrong or would change what is accepted: the 备注：/说明： line that ends a
// table is found by its colon, and subject codes (201 / 03 / 01), 合计 and subject names are compared as
// printed. `normalized` is for those: whitespace and brackets only.

/** Whitespace (including full-width) removed, brackets made one kind: text compared as printed. */
export function normalized(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** A label or header as matched: normalized, without colons, with half-width digits. */
export function labelKey(text: string): string {
  return normalized(halfWidthDigits(text)).replace(/[：:]/g, '');
}

/** Full-width digits (０–９, as Chinese input modes type them) made half-width; nothing else changed. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// ---------------------------------------------------------------------------------------------------
// Amounts

export type AmountRead =
  | { readonly kind: 'blank' }
  /**
   * `converted`: read from text that had to be converted, a number stored as text (accepted; the
   * importers that report it say so with numberStoredAsText).
   */
  | { readonly kind: 'amount'; readonly amount: Amount; readonly converted: boolean }
  /** A formula whose value was not saved with the file: what it states is unknown. */
  | { readonly kind: 'unknown' }
  /** `text` is what the cell shows (as cellText gives it). */
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string };

export interface AmountOptions {
  /**
   * Text that is already a plain decimal ('58.00', '0.10', ' 35 ') is the amount exactly as stored
   * (trimmed), and not `converted`: for cells an export writes as text on purpose, because a number would
   * not give the stored string back (info.ts). Without it every text goes through parseAmountInput
   * ('58.00' → '58') and is `converted` (the table sheets, whose export writes numbers).
   */
  readonly keepDecimalText?: boolean;
}

/** An amount in a cell: a number, a number stored as text, a formula's saved value, or blank. */
export function cellAmount(cell: ExcelJS.Cell, options: AmountOptions = {}): AmountRead {
  return valueAmount(cell.value, cell.numFmt, options);
}

function valueAmount(
  value: ExcelJS.CellValue,
  numFmt: string | undefined,
  options: AmountOptions,
): AmountRead {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value), reason: '不是有限的数' };
    // A workbook stores binary doubles; the shortest decimal that reads back as the same double is the
    // amount that was typed (621.43, not 621.42999999999995).
    return { kind: 'amount', amount: toAmount(new Decimal(String(value))), converted: false };
  }
  if (isText(value)) {
    const text = valueText(value, numFmt);
    const trimmed = text.trim();
    if (trimmed === '') return { kind: 'blank' };
    if (options.keepDecimalText && AMOUNT_PATTERN.test(trimmed)) {
      return { kind: 'amount', amount: trimmed, converted: false };
    }
    const parsed = parseAmountInput(text);
    return parsed.ok
      ? { kind: 'amount', amount: parsed.amount, converted: true }
      : { kind: 'invalid', text, reason: '不是金额' };
  }
  if (isFormula(value)) {
    const result = value.result;
    if (result === undefined) return { kind: 'unknown' };
    if (typeof result === 'object' && 'error' in result) {
      return { kind: 'invalid', text: result.error, reason: '公式计算出错' };
    }
    const read = valueAmount(result, numFmt, options);
    return read.kind === 'amount' ? { ...read, converted: false } : read;
  }
  return { kind: 'invalid', text: valueText(value, numFmt), reason: '不是金额' };
}

// ---------------------------------------------------------------------------------------------------
// Counts

export type CountRead =
  /**
   * A whole number ≥ 0 as digits ('' for a blank cell). Digits typed as text are kept as typed ('007');
   * `converted`: typed with full-width digits, made half-width.
   */
  | { readonly kind: 'count'; readonly count: string; readonly converted: boolean }
  /** A formula whose value was not saved with the file. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'invalid' };

/** A count (人数, 辆, 台套) in a cell: a whole number, digits typed as text, or blank. */
export function cellCount(cell: ExcelJS.Cell): CountRead {
  return valueCount(cell.value);
}

function valueCount(value: ExcelJS.CellValue): CountRead {
  if (value === null || value === undefined) return { kind: 'count', count: '', converted: false };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? { kind: 'count', count: String(value), converted: false }
      : { kind: 'invalid' };
  }
  if (isText(value)) {
    const typed = valueText(value, undefined).trim();
    const digits = halfWidthDigits(typed);
    return /^\d*$/.test(digits)
      ? { kind: 'count', count: digits, converted: digits !== typed }
      : { kind: 'invalid' };
  }
  if (isFormula(value)) {
    if (value.result === undefined) return { kind: 'unknown' };
    const read = valueCount(value.result);
    return read.kind === 'count' ? { ...read, converted: false } : read;
  }
  return { kind: 'invalid' };
}

// ---------------------------------------------------------------------------------------------------
// Problems

/** Why a number stored as text is reported although it was read. */
export const NUMBER_STORED_AS_TEXT = '数字以文本形式存储，已按数字读取，请核对';

/** The report of a number stored as text that was read all the same (`taken`), so that someone checks it. */
export function numberStoredAsText(sheet: string, cell: ExcelJS.Cell): ImportProblem {
  return { sheet, cell: cell.address, value: cellText(cell), reason: NUMBER_STORED_AS_TEXT, taken: true };
}
