import { isUnavailable, missing } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { type FactDefinition } from './types.js';

/** The sum of the stated shares of one whole in one section (scope `shareGroup`). */
export const shareSum: FactDefinition = {
  name: 'shareSum',
  description: {
    'zh-CN': '同一节中同一分母（of）的各占比之和（作用域 shareGroup）。结果记录各占比的打印精度，供“考虑四舍五入”比较：n 个保留两位小数的占比之和与 100% 可差 n × 0.005。',
    en: "The sum of the stated shares of one whole within one section (scope shareGroup), keeping each share's printed precision for rounding-aware comparison.",
  },
  returns: 'quantity',
  requiresScope: ['shareGroup'],
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'shareSum', operator: 'roundedEqual', value: 100 },
  calculate(_params, scope) {
    const group = scope.binding.shareGroup;
    if (group === undefined) return missing('作用域中没有占比组（shareGroup）');
    const parts: Quantity[] = [];
    for (const view of group.figures) {
      const value = scope.context.figureQuantity(view);
      if (isUnavailable(value)) return value;
      parts.push(value);
    }
    return sumQuantities(parts, '%', group.figures[0]?.pointer);
  },
};
