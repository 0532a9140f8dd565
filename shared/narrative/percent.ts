/**
 * The percentages of the narrative (DOMAIN.md): change rate = (本年 − 上年) ÷ 上年; share = part ÷ whole;
 * both shown as whole percents, and the shares of one whole rounded so that they add up to exactly 100.
 * Also how a count is printed. The narrative and the checks that compare typed text with it use these.
 */
import { Decimal, sum } from '../money';

const HUNDRED = new Decimal(100);

/** (本年 − 上年) ÷ 上年 in percent, exact and signed; null when last year's figure is zero (or blank). */
export function changeRatePercent(current: Decimal, lastYear: Decimal): Decimal | null {
  if (lastYear.isZero()) return null;
  return current.minus(lastYear).div(lastYear).times(HUNDRED);
}

/** part ÷ whole in percent, exact; null when the whole is zero. */
export function sharePercent(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(HUNDRED);
}

/** A percentage as printed: a whole percent, ROUND_HALF_UP. */
export function wholePercent(percent: Decimal): Decimal {
  return percent.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** A count (units, projects, vehicles) as printed: `12` (decimal.js's toFixed, no floating point). */
export function countText(count: Decimal): string {
  return count.toFixed(0);
}

/** `9%`: a percentage in the text (decimal.js's toFixed of the whole percent, no floating point). */
export function percentText(percent: Decimal): string {
  return `${wholePercent(percent).toFixed(0)}%`;
}

/** A change rate in the text, without its sign: `9%`, or 不足1% when it rounds to 0 (never 0%). */
export function changeRateText(rate: Decimal): string {
  return wholePercent(rate.abs()).isZero() ? '不足1%' : percentText(rate.abs());
}

/**
 * The whole-percent shares of parts of one whole (their sum), rounded by largest remainder so that
 * they add up to exactly 100: each share is rounded down, and the points still missing go to the parts
 * with the largest remainders (on a tie, to the part listed first). null when the whole is not positive
 * (no share can be stated).
 */
export function largestRemainderPercents(parts: readonly Decimal[]): number[] | null {
  const whole = sum(parts);
  if (whole.lte(0)) return null;
  const exact = parts.map((part) => part.times(HUNDRED).div(whole));
  const floors = exact.map((percent) => percent.floor());
  // Each share loses less than one point to rounding down, so fewer points are missing than there are parts.
  const missing = HUNDRED.minus(sum(floors)).toNumber();
  const raised = new Set(
    exact
      .map((percent, index) => ({ index, remainder: percent.minus(percent.floor()) }))
      .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
      .slice(0, missing)
      .map(({ index }) => index),
  );
  return floors.map((share, index) => share.toNumber() + (raised.has(index) ? 1 : 0));
}
