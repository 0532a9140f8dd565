/**
 * Reading cells of a workbook people have worked in: text however it is stored (rich text, numbers,
 * formulas' cached results), and amounts tolerant of numbers stored as text, thousands separators and
 * full-width digits — but never reading something that is not an amount as one.
 */
import type ExcelJS from 'exceljs';
import { Decimal, parseAmountInput, toAmount, type Amount } from '../money';

/** The text a cell shows ('' for an empty cell). */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null);
  if ('text' in value) return valueText(value.text);
  if ('error' in value) return value.error;
  return '';
}

/** Whitespace (including full-width) removed, brackets made one kind: for matching labels. */
export function normalized(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

export type AmountRead =
  | { readonly kind: 'blank' }
  /** `asText`: the cell held the number as text (accepted, and reported). */
  | { readonly kind: 'amount'; readonly amount: Amount; readonly asText: boolean }
  /** A formula whose value was not saved with the file: what it states is unknown. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string };

/** An amount in a cell: a number, a number stored as text, a formula's saved value, or blank. */
export function cellAmount(cell: ExcelJS.Cell): AmountRead {
  return valueAmount(cell.value);
}

function valueAmount(value: ExcelJS.CellValue): AmountRead {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value), reason: '不是有限的数' };
    // A workbook stores binary doubles; the shortest decimal that reads back as the same double is the
    // amount that was typed (621.43, not 621.42999999999995).
    return { kind: 'amount', amount: toAmount(new Decimal(String(value))), asText: false };
  }
  if (typeof value === 'string' || (typeof value === 'object' && 'richText' in value)) {
    const text = valueText(value);
    if (text.trim() === '') return { kind: 'blank' };
    const parsed = parseAmountInput(text);
    return parsed.ok
      ? { kind: 'amount', amount: parsed.amount, asText: true }
      : { kind: 'invalid', text, reason: '不是金额' };
  }
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = value.result;
    if (result === undefined) return { kind: 'unknown' };
    if (typeof result === 'object' && 'error' in result) {
      return { kind: 'invalid', text: result.error, reason: '公式计算出错' };
    }
    const read = valueAmount(result);
    return read.kind === 'amount' ? { ...read, asText: false } : read;
  }
  return { kind: 'invalid', text: valueText(value), reason: '不是金额' };
}
