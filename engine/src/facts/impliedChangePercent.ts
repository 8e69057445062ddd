import { isUnavailable, invalid, missing } from '../document/unavailable.js';
import { HUNDRED } from '../money/money.js';
import { exactQuantity } from '../money/quantity.js';
import { findAmountFigure } from './figure.js';
import { type FactDefinition } from './types.js';

/** The year-on-year percentage a stated change implies: X / (current − signed X) × 100. */
export const impliedChangePercent: FactDefinition = {
  name: 'impliedChangePercent',
  description: {
    'zh-CN': '“比上年增加/减少 X”所隐含的增减百分比：上年数 = 本年数 ∓ X，百分比 = X ÷ 上年数 × 100（不带符号，精确计算）；X 为 0 时为 0%。本年数取该数字的 current，或同一节同 key 的金额。',
    en: "The percentage a stated change X implies: previous = current ∓ X, percent = X ÷ previous × 100 (unsigned, exact); 0% when X is 0. Current is the figure's `current` or the amount with the same key in its section.",
  },
  returns: 'quantity',
  requiresScope: ['figure'],
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'figure', params: { field: 'percent' }, operator: 'roundedEqual', value: { fact: 'impliedChangePercent' } },
  calculate(_params, scope) {
    const change = scope.binding.figure;
    if (change === undefined || change.figure.kind !== 'change') return missing('作用域中的当前数字不是增减变动');
    const amount = scope.context.figureQuantity(change);
    if (isUnavailable(amount)) return amount;
    let current = change.figure.current !== undefined ? scope.context.figureQuantity(change, 'current') : undefined;
    if (current === undefined) {
      const view = findAmountFigure(scope, String(change.figure.key), change);
      if (view === undefined) return missing(`情况说明中没有与增减对应的本年数 ${String(change.figure.key)}`, change.pointer);
      current = scope.context.figureQuantity(view);
    }
    if (isUnavailable(current)) return current;
    // No change at all (“增加0万元，增长0%”, from nothing to nothing): 0%, whatever the base.
    if (amount.value.isZero()) return exactQuantity(amount.value, '%');
    const signed = change.figure.direction === 'decrease' ? amount.value.negated() : change.figure.direction === 'flat' ? amount.value.times(0) : amount.value;
    const previous = current.value.minus(signed);
    if (previous.lessThanOrEqualTo(0)) return invalid(`按本年数和增减额推算的上年数为 ${previous.toFixed()}，不是正数`, change.pointer);
    return exactQuantity(amount.value.div(previous).times(HUNDRED), '%');
  },
};
