/** The decimal-precision table for the money module: exact arithmetic, parsing, half-up rounding. */
import { describe, expect, it } from 'vitest';
import { Money, formatDecimal, halfUnit, parseDecimal, printedScale, roundHalfUp } from '../../engine/src/money/money.js';
import { blankQuantity, exactQuantity, formatQuantity, printedQuantity, shareOf, sumQuantities } from '../../engine/src/money/quantity.js';

const decimal = (text: string) => parseDecimal(text)!;

describe('exact decimal arithmetic', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['3000.00', '11.46', '3011.46'],
    ['1344.95', '720.10', '2065.05'],
    ['0.01', '0.02', '0.03'],
  ])('%s + %s = %s exactly', (a, b, sum) => {
    expect(decimal(a).plus(decimal(b)).equals(decimal(sum))).toBe(true);
  });

  it('compares numerically, never as text: "100.00" > "99.00"', () => {
    expect(decimal('100.00').greaterThan(decimal('99.00'))).toBe(true);
    expect(decimal('9.5').lessThan(decimal('10'))).toBe(true);
    expect(decimal('3000').equals(decimal('3000.00'))).toBe(true);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['3011.46', '3011.46'],
    ['1,234.50', '1234.5'],
    ['189,767,551', '189767551'],
    ['-488.54', '-488.54'],
    ['１２３．５０', '123.5'],
    [' 7.00 ', '7'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDecimal(input)?.toFixed()).toBe(expected);
  });

  it.each([['abc'], ['12abc'], [''], ['1.2.3'], ['NaN'], ['Infinity'], ['1e5']])('refuses %j', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('accepts finite numbers without going through floats twice', () => {
    expect(parseDecimal(3011.46)?.toFixed()).toBe('3011.46');
    expect(parseDecimal(Number.NaN)).toBeUndefined();
    expect(parseDecimal(null)).toBeUndefined();
  });

  it('knows the printed scale', () => {
    expect(printedScale('3011.46')).toBe(2);
    expect(printedScale('3000')).toBe(0);
    expect(printedScale('0.380')).toBe(3);
  });
});

describe('half-up rounding (四舍五入)', () => {
  it.each([
    ['0.005', 2, '0.01'],
    ['0.015', 2, '0.02'],
    ['2.675', 2, '2.68'],
    ['1.0049', 2, '1.00'],
    ['-0.005', 2, '-0.01'],
    ['2132.7775', 2, '2132.78'],
  ])('%s to %d places is %s', (value, places, expected) => {
    expect(roundHalfUp(decimal(value), places).toFixed(places)).toBe(expected);
  });

  it('formats with explicit places and half-up', () => {
    expect(formatDecimal(new Money('0.125'), 2)).toBe('0.13');
    expect(halfUnit(2).toFixed()).toBe('0.005');
  });
});

describe('quantities', () => {
  it('converts 万元 to 元 exactly and keeps the printed precision', () => {
    const amount = printedQuantity('3011.46', '万元')!;
    expect(amount.value.toFixed()).toBe('30114600');
    expect(amount.uncertainty.toFixed()).toBe('50');
    expect(formatQuantity(amount)).toBe('3011.46万元');
  });

  it('sums n printed figures with n half-units of uncertainty', () => {
    const parts = ['6.00', '1.20', '1.00', '2.26', '1.00'].map((value) => printedQuantity(value, '万元')!);
    const total = sumQuantities(parts, '万元');
    expect(total.value.toFixed()).toBe('114600');
    expect(total.terms).toBe(5);
    expect(total.uncertainty.toFixed()).toBe('250');
  });

  it('treats a printed zero as exact: "0万元" states there is none', () => {
    expect(printedQuantity('0', '万元')!.uncertainty.isZero()).toBe(true);
    expect(printedQuantity('0.00', '%')!.uncertainty.isZero()).toBe(true);
    expect(printedQuantity('0.01', '%')!.uncertainty.toFixed()).toBe('0.005');
  });

  it('keeps blank apart from zero', () => {
    const blank = blankQuantity('万元');
    expect(blank.blank).toBe(true);
    expect(blank.value.isZero()).toBe(true);
    expect(sumQuantities([blank, printedQuantity('0', '万元')!], '万元').terms).toBe(1);
  });

  it('computes shares exactly and refuses a zero whole', () => {
    const share = shareOf(printedQuantity('11.46', '万元')!, printedQuantity('3011.46', '万元')!)!;
    expect(roundHalfUp(share.value, 2).toFixed(2)).toBe('0.38');
    expect(shareOf(exactQuantity(new Money(1), '万元'), exactQuantity(new Money(0), '万元'))).toBeUndefined();
  });
});
