/**
 * Money. Amounts are stored as decimal strings ('' = blank) and computed with decimal.js only.
 * One rounding rule (DOMAIN.md): ROUND_HALF_UP to two decimals, applied where a value is displayed or
 * exported, never in the middle of a sum.
 */
import DecimalJs from 'decimal.js';

/** A decimal.js constructor of our own, so no other code's global Decimal settings can change ours. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** A stored amount: a plain decimal string ('1234.5', '-3', '0.125') or '' for a blank cell. */
export type Amount = string;

/** What a stored amount must look like (the file schema uses it). */
export const AMOUNT_PATTERN = /^-?\d+(\.\d+)?$/;

export const ZERO = new Decimal(0);

export function isBlank(amount: Amount | undefined): boolean {
  return amount === undefined || amount === '';
}

/** The value of a stored amount; blank means zero for arithmetic. */
export function toDecimal(amount: Amount | undefined): Decimal {
  return isBlank(amount) ? ZERO : new Decimal(amount as string);
}

/** A stored amount as a form's cell holds it: null when blank (blank stays blank, not zero). */
export function amountValue(amount: Amount | undefined): Decimal | null {
  return isBlank(amount) ? null : new Decimal(amount as string);
}

/** The stored form of a computed value: a plain decimal string without exponent. */
export function toAmount(value: Decimal): Amount {
  return value.toFixed();
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Adding where blank (null) stays blank: blank + x is x, and a sum of blanks is blank (the forms' rule). */
export function plusOrBlank(total: Decimal | null, value: Decimal | null): Decimal | null {
  if (!value) return total;
  return total ? total.plus(value) : value;
}

/** Rounds to the printed precision (0.01 万元, ROUND_HALF_UP). */
export function roundCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** '621.43', '1234.50', '-0.10': two decimals, no separators (CSV, Excel, plain text). */
export function formatPlain(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** '1,234.56': two decimals with thousands separators (the grid). */
export function formatGrouped(value: Decimal): string {
  const [whole = '0', fraction = '00'] = formatPlain(value).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

/** 1 万元 = 10,000 元 (绩效目标申报表 amounts are in 元). */
export function wanToYuan(value: Decimal): Decimal {
  return value.times(10000);
}

export type ParsedAmount = { ok: true; amount: Amount } | { ok: false; message: string };

const FULL_WIDTH = /[０-９．，－＋]/g;

/**
 * Reads an amount as a person types or pastes it: '1,234.56', full-width digits '１２３．４',
 * surrounding spaces, an empty string for blank. Anything else is refused with a Chinese message —
 * never read as zero.
 */
export function parseAmountInput(text: string): ParsedAmount {
  const halfWidth = text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const trimmed = halfWidth.replace(/\u3000/g, ' ').trim();
  if (trimmed === '') return { ok: true, amount: '' };
  const compact = trimmed.replace(/^\+/, '');
  const grouped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact);
  const plain = grouped ? compact.replace(/,/g, '') : compact;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
    return { ok: false, message: `“${text.trim()}”不是金额，请输入数字，如 1234.56 或 1,234.56` };
  }
  return { ok: true, amount: toAmount(new Decimal(plain)) };
}
