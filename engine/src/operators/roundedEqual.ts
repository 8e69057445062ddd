/** Rounding-aware comparisons (=, ≥, ≤) of printed figures: differences within the rounding of how they were printed are allowed. */
import { isUnavailable } from '../document/unavailable.js';
import { type Quantity } from '../money/quantity.js';
import { DECIMAL_VALUE, comparable } from './comparable.js';
import { type OperatorDefinition } from './types.js';

/**
 * Whether two quantities can be the same true value given how they were printed: their
 * difference must be strictly less than the sum of their rounding half-widths. A figure printed
 * to 0.01 has half-width 0.005; a sum of n such figures n × 0.005; an exact value 0. When both
 * are exact, they must be equal.
 * @param a One side.
 * @param b The other side.
 */
export function withinRounding(a: Quantity, b: Quantity): boolean {
  return roundedOrder(a, b) === 0;
}

/**
 * How far `a` may fall short of `b` (or exceed it) and still be consistent with it, given how
 * both were printed: their difference against the sum of their rounding half-widths.
 * @param a One side.
 * @param b The other side.
 * @returns a − b compared with the allowance: -1 when a is below b by at least the allowance, 1 when above, 0 within.
 */
function roundedOrder(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const allowance = a.uncertainty.plus(b.uncertainty);
  const difference = a.value.minus(b.value);
  if (allowance.isZero()) return difference.isZero() ? 0 : difference.isNegative() ? -1 : 1;
  if (difference.abs().lessThan(allowance)) return 0;
  return difference.isNegative() ? -1 : 1;
}

/** Rounding-aware equality, for printed figures that were rounded independently. */
export const roundedEqual: OperatorDefinition = {
  name: 'roundedEqual',
  description: {
    'zh-CN':
      '考虑四舍五入的相等：两边按各自的打印精度可能是同一个真实值。n 个保留到 0.01 的数之和与其合计可相差不超过 n × 0.005；保留两位小数的占比与精确计算值可相差半个末位单位（0.005）；元与万元先精确换算，再按较粗的精度比较。印出的 0（如“0万元”“占0%”）表示没有，视为精确值、不带来容差。仅在规则需要时使用，默认请用 decimalEqual。',
    en: 'Rounding-aware equality: both sides may be the same true value given their printed precision. A sum of n figures printed to 0.01 may differ from its printed total by up to n × 0.005; a share printed with 2 decimals from the exact value by half a unit of its last place. A printed zero ("0万元") states there is none and is taken as exact. Use only where a rule needs it; decimalEqual is the default.',
  },
  accepts: ['quantity'],
  value: DECIMAL_VALUE,
  example: { fact: 'cell', params: { column: 'total' }, operator: 'roundedEqual', value: { fact: 'childrenSum' } },
  check(factValue, ruleValue) {
    const operands = comparable(factValue, ruleValue);
    if (isUnavailable(operands)) return operands;
    return withinRounding(operands[0], operands[1]);
  },
};

/**
 * A rounding-aware bound: the fact value may be at least (or at most) the rule value, given how
 * both were printed (a shortfall or excess under the sum of their rounding half-widths is allowed).
 */
function roundedBound(
  name: string,
  zh: string,
  en: string,
  holds: (order: -1 | 0 | 1) => boolean,
  example: { readonly fact: string; readonly params: unknown; readonly value: unknown },
): OperatorDefinition {
  return {
    name,
    description: { 'zh-CN': zh, en },
    accepts: ['quantity'],
    value: DECIMAL_VALUE,
    example: { fact: example.fact, params: example.params, operator: name, value: example.value },
    check(factValue, ruleValue) {
      const operands = comparable(factValue, ruleValue);
      if (isUnavailable(operands)) return operands;
      return holds(roundedOrder(operands[0], operands[1]));
    },
  };
}

/** Rounding-aware ≥: the fact value may be at least the rule value given how both were printed. */
export const roundedGreaterThanInclusive = roundedBound(
  'roundedGreaterThanInclusive',
  '考虑四舍五入的“大于或等于”：按两边的打印精度，事实值可能不小于规则值（短缺小于两边舍入半单位之和时视为成立）。用于下限核对，如“三公”经费中的公务接待费不应少于经济分类中的公务接待费。默认请用 decimalGreaterThanInclusive。',
  'Rounding-aware ≥: given how both sides were printed, the fact value may be at least the rule value (a shortfall under the sum of their rounding half-widths is allowed). For lower bounds between tables printed separately. decimalGreaterThanInclusive is the default.',
  (order) => order >= 0,
  {
    fact: 'cell',
    params: { table: 'threePublicExpenses', row: { key: 'reception' }, column: 'total' },
    value: { fact: 'cell', params: { table: 'basicExpenditureByEconomicClass', row: { code: '30217' }, column: 'total', ifMissing: 'blank' } },
  },
);

/** Rounding-aware ≤: the fact value may be at most the rule value given how both were printed. */
export const roundedLessThanInclusive = roundedBound(
  'roundedLessThanInclusive',
  '考虑四舍五入的“小于或等于”：按两边的打印精度，事实值可能不大于规则值（超出小于两边舍入半单位之和时视为成立）。用于上限核对，如机关运行经费不应超过公用经费。默认请用 decimalLessThanInclusive。',
  'Rounding-aware ≤: given how both sides were printed, the fact value may be at most the rule value (an excess under the sum of their rounding half-widths is allowed). For upper bounds between tables printed separately. decimalLessThanInclusive is the default.',
  (order) => order <= 0,
  {
    fact: 'cell',
    params: { table: 'agencyOperatingCosts', row: { key: 'total' }, column: 'total' },
    value: { fact: 'cell', params: { table: 'basicExpenditureByEconomicClass', row: { key: 'total' }, column: 'public' } },
  },
);
