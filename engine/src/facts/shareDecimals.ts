import { isUnavailable, missing } from '../document/unavailable.js';
import { countQuantity } from '../money/quantity.js';
import { type FactDefinition } from './types.js';

/** How many different numbers of decimal places the shares of one group are printed with (scope `shareGroup`). */
export const shareDecimals: FactDefinition = {
  name: 'shareDecimals',
  description: {
    'zh-CN': '同一组占比（作用域 shareGroup）使用了几种小数位数，如“占100.00%”与“占0%”是两种。用于检查百分比写法是否一致。',
    en: 'How many different numbers of decimal places the shares of one group (scope shareGroup) are printed with: "100.00%" and "0%" are two.',
  },
  returns: 'quantity',
  requiresScope: ['shareGroup'],
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'shareDecimals', operator: 'decimalEqual', value: '1' },
  calculate(_params, scope) {
    const group = scope.binding.shareGroup;
    if (group === undefined) return missing('作用域中没有占比组（shareGroup）');
    const scales = new Set<number>();
    for (const view of group.figures) {
      const value = scope.context.figureQuantity(view);
      if (isUnavailable(value)) return value;
      scales.add(value.scale);
    }
    return countQuantity(scales.size, group.figures[0]?.pointer);
  },
};
