/**
 * The comparison most rules make: two amounts that must agree (or one that must not exceed the other),
 * reported with both sides' numbers and the difference. Amounts agree within 0.005 万元 (half a cent of
 * the printed precision); a difference that comes only from rounding figures with more than two
 * decimals is a 提示, not an 错误 (CHECKS.md).
 */
import { directReads } from '../forms/engine';
import { sumTerms, type CellRef, type Expr } from '../forms/types';
import { Decimal, formatPlain, plusOrBlank, roundCents } from '../money';
import type { Area, Check, CheckContext, FindingDraft, Level, Target } from './types';
import { cellTarget } from './types';

export const TOLERANCE = new Decimal('0.005');
const ONE_CENT = new Decimal('0.01');

/**
 * What a side is called. Labels are worded only when a finding is reported (a check is made for every
 * row of a large budget, and nearly all of them stay silent), so a label may be a function.
 */
export type Label = string | ((ctx: CheckContext) => string);

/**
 * One side of a comparison: what it is called, how its value is obtained, where it is. Without a
 * label, a side that is one cell is called what the form calls the cell (`表3 2101101 行政单位医疗
 * 合计`), or `表2 同科目 合计` when `sameRowAs` is the other side's cell in the same row of another table.
 */
export interface Side {
  readonly label?: Label;
  readonly sameRowAs?: CellRef;
  readonly expr: Expr;
  /** Where it is; by default the cells its expression names (listed only for a finding). */
  readonly targets?: readonly Target[];
}

/** What a side is called in a message. */
export function sideLabel(ctx: CheckContext, side: Side): string {
  if (side.label !== undefined) return labelText(ctx, side.label);
  if (side.expr.op !== 'cell') return '';
  const ref = side.expr.cell;
  return side.sameRowAs ? sameSubject(ctx, side.sameRowAs, ref) : ctx.describe(ref);
}

export function targetsOf(side: Side): readonly Target[] {
  return side.targets ?? directReads(side.expr).cells.map(cellTarget);
}

/** The areas of a check that reads amounts only (one list for the tens of thousands of them). */
export const NO_AREAS: readonly Area[] = Object.freeze([]);
export const NO_READS: readonly Expr[] = Object.freeze([]);

export function labelText(ctx: CheckContext, label: Label): string {
  return typeof label === 'string' ? label : label(ctx);
}

/** A side that is one cell, labelled from the form (`表3 2101101 行政单位医疗 合计`) unless told. */
export function cellSide(_ctx: CheckContext, ref: CellRef, label?: Label): Side {
  return label === undefined
    ? { expr: { op: 'cell', cell: ref } }
    : { label, expr: { op: 'cell', cell: ref } };
}

/** A side that adds several cells (e.g. 表12 合计 + 表13 合计). */
export function sumSide(label: Label, refs: readonly CellRef[]): Side {
  return { label, expr: { op: 'sum', terms: refs.map((cell) => ({ op: 'cell', cell })) } };
}

/** '621.43', or 空 for a blank. */
export function shown(value: Decimal | null): string {
  return value === null ? '空' : formatPlain(value);
}

/**
 * The value of a side: cells as the context shows them (stated or computed), inputs as typed. Blank
 * stays blank, as in the forms.
 */
export function valueOf(ctx: CheckContext, expr: Expr): Decimal | null {
  switch (expr.op) {
    case 'cell':
      return ctx.value(expr.cell);
    case 'sum':
    case 'sumRows':
    case 'sumColumns': {
      let total: Decimal | null = null;
      for (const term of sumTerms(expr)) total = plusOrBlank(total, valueOf(ctx, term));
      return total;
    }
    case 'minus': {
      const left = valueOf(ctx, expr.left);
      const right = valueOf(ctx, expr.right);
      return right ? (left ?? new Decimal(0)).minus(right) : left;
    }
    default:
      return ctx.forms.evaluate(expr);
  }
}

export interface CompareOptions {
  /** 'equal' (the default) or 'atMost': left must not exceed right. */
  readonly relation?: 'equal' | 'atMost';
  /** Parts of the document, besides the two amounts, that decide this check. */
  readonly areas?: readonly Area[];
  /** Overrides the rule's level for this check. */
  readonly level?: Level;
  /** Appended to the message, e.g. what to do about it. */
  readonly hint?: string;
  /**
   * Compare the cells as the app computes them, not as an imported workbook states them: for an
   * identity between computed cells whose stated values other rules check.
   */
  readonly computed?: boolean;
}

const DEFAULT_OPTIONS: CompareOptions = {};

/** A check that `left` equals (or does not exceed) `right`. */
export function compareCheck(
  subject: string,
  left: Side,
  right: Side,
  options: CompareOptions = DEFAULT_OPTIONS,
): Check {
  return new CompareCheck(subject, left, right, options);
}

/**
 * A comparison as data, its behaviour on the prototype: a large budget has thousands of them, one per
 * row and table pair, and no closure per check to keep.
 */
class CompareCheck implements Check {
  constructor(
    readonly subject: string,
    private readonly left: Side,
    private readonly right: Side,
    private readonly options: CompareOptions,
  ) {}

  /** Read only to index the checks for re-checking (after the first edit). */
  get reads(): readonly Expr[] {
    return [this.left.expr, this.right.expr];
  }

  get areas(): readonly Area[] {
    return this.options.areas ?? NO_AREAS;
  }

  run(ctx: CheckContext): FindingDraft | null {
    return compare(ctx, this.left, this.right, this.options);
  }
}

function compare(given: CheckContext, left: Side, right: Side, options: CompareOptions): FindingDraft | null {
  const ctx = options.computed ? { ...given, value: (ref: CellRef) => given.computed(ref) } : given;
  const l = valueOf(ctx, left.expr);
  const r = valueOf(ctx, right.expr);
  return sameAmount(l, r) ? null : differing(ctx, left, right, l, r, options);
}

/** Both blank, or equal: what nearly every comparison finds (no difference to compute then). */
export function sameAmount(l: Decimal | null, r: Decimal | null): boolean {
  return l === r || (l !== null && r !== null && l.equals(r));
}

/**
 * The finding for two sides whose amounts `l` and `r` (their values in `ctx`) are not the same; null
 * when they differ by less than the tolerance (or, for 'atMost', when left does not exceed right).
 */
export function differing(
  ctx: CheckContext,
  left: Side,
  right: Side,
  l: Decimal | null,
  r: Decimal | null,
  options: CompareOptions = DEFAULT_OPTIONS,
): FindingDraft | null {
  const difference = (l ?? new Decimal(0)).minus(r ?? new Decimal(0));
  const atMost = options.relation === 'atMost';
  if (atMost ? difference.lessThan(TOLERANCE) : difference.abs().lessThan(TOLERANCE)) return null;
  const rounding = onlyRounding(l, r);
  const sign = atMost ? '>' : '≠';
  const by = atMost ? '超出' : '相差';
  const hint = rounding ? ROUNDING_HINT : (options.hint ?? '');
  return {
    level: rounding ? '提示' : options.level,
    message: `${sideLabel(ctx, left)} ${shown(l)} ${sign} ${sideLabel(ctx, right)} ${shown(r)}，${by} ${formatPlain(difference.abs())}${hint}`,
    targets: [...targetsOf(left), ...targetsOf(right)],
    basis: `${shown(l)}|${shown(r)}`,
  };
}

/** What a message adds when the difference comes only from rounding. */
export const ROUNDING_HINT = '（差额仅因四舍五入，请核对小数位）';

/** Both sides print the same or a cent apart, and at least one has more than two decimals. */
export function onlyRounding(l: Decimal | null, r: Decimal | null): boolean {
  const a = l ?? new Decimal(0);
  const b = r ?? new Decimal(0);
  if (a.decimalPlaces() <= 2 && b.decimalPlaces() <= 2) return false;
  return roundCents(a).minus(roundCents(b)).abs().lessThanOrEqualTo(ONE_CENT);
}

/** `表2 同科目 合计` when the right side is the same row as the left in another table. */
export function sameSubject(ctx: CheckContext, left: CellRef, right: CellRef): string {
  const leftWords = ctx.describe(left).split(' ').slice(1, -1).join(' ');
  const rightWords = ctx.describe(right).split(' ');
  const rightRow = rightWords.slice(1, -1).join(' ');
  return rightRow === leftWords
    ? `${rightWords[0] ?? ''} 同科目 ${rightWords.at(-1) ?? ''}`
    : rightWords.join(' ');
}
