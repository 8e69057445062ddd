import { isUnavailable, missing } from '../document/unavailable.js';
import { shareOf } from '../money/quantity.js';
import { findAmountFigure } from './figure.js';
import { type FactDefinition } from './types.js';

/** The share a stated percentage should be: its part's amount / its whole's amount × 100. */
export const computedShare: FactDefinition = {
  name: 'computedShare',
  description: {
    'zh-CN': '作用域中的占比数字“应当是”多少：同一节中同 key 的金额 ÷ 分母（key 为 of 的金额）× 100，精确计算、不舍入。',
    en: 'What the scope share figure should be: the amount with the same key in its section ÷ the amount of its `of` key × 100, exact.',
  },
  returns: 'quantity',
  requiresScope: ['figure'],
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'figure', operator: 'roundedEqual', value: { fact: 'computedShare' } },
  calculate(_params, scope) {
    const share = scope.binding.figure;
    if (share === undefined || share.figure.kind !== 'share') return missing('作用域中的当前数字不是占比');
    const key = String(share.figure.key);
    const wholeKey = typeof share.figure.of === 'string' ? share.figure.of : undefined;
    if (wholeKey === undefined) return missing('占比没有注明分母（of）', share.pointer);
    const partView = findAmountFigure(scope, key, share);
    const wholeView = findAmountFigure(scope, wholeKey, share);
    if (partView === undefined) return missing(`情况说明中没有占比对应的金额 ${key}`, share.pointer);
    if (wholeView === undefined) return missing(`情况说明中没有占比的分母金额 ${wholeKey}`, share.pointer);
    const part = scope.context.figureQuantity(partView);
    const whole = scope.context.figureQuantity(wholeView);
    if (isUnavailable(part)) return part;
    if (isUnavailable(whole)) return whole;
    return shareOf(part, whole) ?? missing(`分母 ${wholeKey} 为 0，占比无从计算`, wholeView.pointer);
  },
};
