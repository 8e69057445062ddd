import { isUnavailable, missing } from '../document/unavailable.js';
import { type DocumentContext, type FigureView } from '../document/context.js';
import { ZERO, halfUnit, parseDecimal, printedScale } from '../money/money.js';
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
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      balancing: {
        type: 'boolean',
        description:
          '为 true 时：同一节同一分母的各占比印出之和恰为 100%，而本项是其中最大的一项（常被调整以凑足 100%）时，计算值可再相差半个末位单位（合计一个末位单位）。/ When true: if the stated shares of the same whole in the section add up to exactly 100% and this is the largest of them (the one usually adjusted to make them add up), the computed share may differ by half a unit more (one unit of the last place in all).',
      },
    },
  },
  example: { fact: 'figure', operator: 'roundedEqual', value: { fact: 'computedShare', params: { balancing: true } } },
  calculate(params, scope) {
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
    const computed = shareOf(part, whole);
    if (computed === undefined) return missing(`分母 ${wholeKey} 为 0，占比无从计算`, wholeView.pointer);
    return params.balancing === true && balancesItsGroup(scope.context, share) ? { ...computed, uncertainty: halfUnit(printedScale(share.figure.value)) } : computed;
  },
};

/**
 * Whether a share is the one its list was balanced on: the shares of the same whole in its
 * section, as printed, add up to exactly 100, and it is the largest of them.
 */
function balancesItsGroup(context: DocumentContext, share: FigureView): boolean {
  const group = context.figures().filter((view) => view.sectionIndex === share.sectionIndex && view.figure.kind === 'share' && view.figure.of === share.figure.of);
  if (group.length < 2) return false;
  const values = group.flatMap((view) => parseDecimal(view.figure.value) ?? []);
  const own = parseDecimal(share.figure.value);
  if (values.length < group.length || own === undefined) return false;
  const sum = values.reduce((total, value) => total.plus(value), ZERO);
  return sum.equals(100) && values.every((value) => value.lte(own));
}
