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
  const allowance = a.uncertainty.plus(b.uncertainty);
  const difference = a.value.minus(b.value).abs();
  return allowance.isZero() ? difference.isZero() : difference.lessThan(allowance);
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
