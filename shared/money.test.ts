import { describe, expect, it } from 'vitest';
import {
  amountValue,
  Decimal,
  formatGrouped,
  formatPlain,
  parseAmountInput,
  plusOrBlank,
  roundCents,
  sum,
  toAmount,
  toDecimal,
  wanToYuan,
} from './money';

describe('amount arithmetic', () => {
  it('keeps blank blank when adding, as the forms do', () => {
    expect(plusOrBlank(null, null)).toBeNull();
    expect(plusOrBlank(null, toDecimal('1.20'))?.toFixed(2)).toBe('1.20');
    expect(plusOrBlank(toDecimal('1.20'), null)?.toFixed(2)).toBe('1.20');
    expect(plusOrBlank(toDecimal('1.20'), toDecimal('-1.20'))?.toFixed(2)).toBe('0.00');
  });

  it('reads a stored amount as a cell holds it: blank is no value, not zero', () => {
    expect(amountValue('')).toBeNull();
    expect(amountValue(undefined)).toBeNull();
    expect(amountValue('0')?.toFixed(2)).toBe('0.00');
    expect(amountValue('-12.345')?.toFixed()).toBe('-12.345');
  });

  it('adds exactly where binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([toDecimal('0.1'), toDecimal('0.2')]).equals(new Decimal('0.3'))).toBe(true);
    expect(
      toAmount(sum(['165.47', '76.61', '14.08', '66.87', '58.00', '20.10', '36.29'].map(toDecimal))),
    ).toBe('437.42');
  });

  it('reads blank as zero for arithmetic', () => {
    expect(toDecimal('').isZero()).toBe(true);
    expect(toDecimal(undefined).isZero()).toBe(true);
  });

  it('rounds half up to the cent only when asked', () => {
    expect(formatPlain(new Decimal('0.125'))).toBe('0.13');
    expect(formatPlain(new Decimal('2.675'))).toBe('2.68');
    expect(formatPlain(new Decimal('-1.005'))).toBe('-1.01');
    expect(roundCents(new Decimal('30.405')).toFixed()).toBe('30.41');
    // Sums are exact: three thirds of a cent add up before any rounding.
    expect(formatPlain(sum([new Decimal('0.003'), new Decimal('0.003'), new Decimal('0.003')]))).toBe('0.01');
  });

  it('groups thousands for display', () => {
    expect(formatGrouped(new Decimal('1234567.891'))).toBe('1,234,567.89');
    expect(formatGrouped(new Decimal('621.43'))).toBe('621.43');
    expect(formatGrouped(new Decimal('-1000'))).toBe('-1,000.00');
    expect(formatGrouped(new Decimal('0'))).toBe('0.00');
  });

  it('converts 万元 to 元', () => {
    expect(wanToYuan(toDecimal('31.00')).toFixed()).toBe('310000');
    expect(wanToYuan(toDecimal('0.5')).toFixed()).toBe('5000');
  });
});

describe('parseAmountInput', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['  621.43 ', '621.43'],
    ['１２３．４５', '123.45'],
    ['１，２３４', '1234'],
    ['\u3000５\u3000', '5'],
    ['+7', '7'],
    ['-3.5', '-3.5'],
    ['.5', '0.5'],
    ['12.', '12'],
    ['0.10', '0.1'],
    ['', ''],
    ['   ', ''],
  ])('reads %j as %j', (text, amount) => {
    expect(parseAmountInput(text)).toEqual({ ok: true, amount });
  });

  it.each(['abc', '12a', '1,23', '1.2.3', '1,2345', '¥12', '12万', '--1', '1e5'])('refuses %j', (text) => {
    const result = parseAmountInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`“${text}”不是金额`);
  });
});
