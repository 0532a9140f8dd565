import { describe, expect, it } from 'vitest';
import { Decimal } from '../money';
import {
  changeRatePercent,
  changeRateText,
  countText,
  largestRemainderPercents,
  percentText,
  sharePercent,
  wholePercent,
} from './percent';

const decimals = (...values: string[]) => values.map((value) => new Decimal(value));
const total = (shares: readonly number[] | null) => (shares ?? []).reduce((a, b) => a + b, 0);

describe('largestRemainderPercents', () => {
  it('gives three equal thirds 34/33/33: the missing point goes to the first of equal remainders', () => {
    const shares = largestRemainderPercents(decimals('1', '1', '1'));
    expect(shares).toEqual([34, 33, 33]);
    expect(total(shares)).toBe(100);
  });

  it('adds up to 100 where rounding each share would give 101', () => {
    // 45.5 + 45.5 + 9: rounded one by one, 46 + 46 + 9 = 101.
    expect(largestRemainderPercents(decimals('45.5', '45.5', '9'))).toEqual([46, 45, 9]);
  });

  it('adds up to 100 where rounding each share would give 98', () => {
    // Seven sevenths are 14.29% each: rounded one by one, 7 × 14 = 98.
    expect(largestRemainderPercents(decimals('1', '1', '1', '1', '1', '1', '1'))).toEqual([
      15, 15, 14, 14, 14, 14, 14,
    ]);
  });

  it('gives the sample’s 一般公共预算 classes 80/11/3/6 (10.86 and 5.84 take the two missing points)', () => {
    expect(largestRemainderPercents(decimals('497.55', '67.49', '20.10', '36.29'))).toEqual([80, 11, 3, 6]);
  });

  it('leaves exact shares and zero parts as they are', () => {
    expect(largestRemainderPercents(decimals('50', '30', '20'))).toEqual([50, 30, 20]);
    expect(largestRemainderPercents(decimals('0', '621.43', '0'))).toEqual([0, 100, 0]);
  });

  it('states no shares of a zero whole', () => {
    expect(largestRemainderPercents(decimals('0', '0'))).toBeNull();
    expect(largestRemainderPercents([])).toBeNull();
  });

  it('always adds up to 100, each share within one point of its exact value', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const parts = Array.from({ length: 1 + (next() % 9) }, () => new Decimal(next() % 100000).div(100));
      const shares = largestRemainderPercents(parts);
      const whole = parts.reduce((a, b) => a.plus(b), new Decimal(0));
      if (whole.isZero()) continue;
      expect(total(shares)).toBe(100);
      shares?.forEach((share, i) => {
        const exact = (parts[i] ?? new Decimal(0)).times(100).div(whole);
        expect(exact.minus(share).abs().lt(1)).toBe(true);
      });
    }
  });
});

describe('changeRatePercent', () => {
  it('divides the change by last year’s figure, not this year’s', () => {
    // 2024 收入总计 621.43 against 680.55: −59.12 ÷ 680.55 = −8.69% (÷ 621.43 would be 9.51%).
    const rate = changeRatePercent(new Decimal('621.43'), new Decimal('680.55'));
    expect(rate?.toFixed(2)).toBe('-8.69');
    expect(rate && wholePercent(rate).toFixed(0)).toBe('-9');
    expect(changeRatePercent(new Decimal('110'), new Decimal('100'))?.toFixed()).toBe('10');
  });

  it('is not computable when last year’s figure is zero', () => {
    expect(changeRatePercent(new Decimal('5'), new Decimal('0'))).toBeNull();
  });
});

describe('sharePercent and wholePercent', () => {
  it('rounds half up, only for display', () => {
    expect(wholePercent(new Decimal('12.5')).toFixed()).toBe('13');
    expect(wholePercent(new Decimal('8.49')).toFixed()).toBe('8');
    expect(sharePercent(new Decimal('90.30'), new Decimal('139.75'))?.toFixed(4)).toBe('64.6154');
    expect(sharePercent(new Decimal('1'), new Decimal('0'))).toBeNull();
  });
});

describe('percentText and changeRateText', () => {
  it('print whole percents, half up, and a change too small for one as 不足1%', () => {
    expect(percentText(new Decimal('77.5'))).toBe('78%');
    expect(percentText(new Decimal('8.7'))).toBe('9%');
    expect(changeRateText(new Decimal('-8.7'))).toBe('9%');
    expect(changeRateText(new Decimal('0.49'))).toBe('不足1%');
    expect(changeRateText(new Decimal('-0.5'))).toBe('1%');
  });
});

describe('countText', () => {
  it('prints a count as a whole number, without a decimal point or grouping', () => {
    expect(countText(new Decimal('14'))).toBe('14');
    expect(countText(new Decimal('1400'))).toBe('1400');
    expect(countText(new Decimal('0'))).toBe('0');
  });
});
