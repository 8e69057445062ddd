import { type FigureView } from '../document/context.js';
import { missing } from '../document/unavailable.js';
import { type FactDefinition, type FactScope } from './types.js';

const FIELDS = ['value', 'percent', 'current'] as const;
type FigureField = (typeof FIELDS)[number];

/**
 * The figure a fact means: the first figure matching key/kind/code, else the scope's figure.
 * @param params Fact params.
 * @param scope The scope.
 */
export function resolveFigure(params: Readonly<Record<string, unknown>>, scope: FactScope): FigureView | undefined {
  if (typeof params.key !== 'string') return scope.binding.figure;
  return scope.context
    .figures()
    .find((view) => view.figure.key === params.key && (params.kind === undefined || view.figure.kind === params.kind) && (params.code === undefined || view.figure.code === params.code));
}

/** A figure stated in the narrative, as a quantity in its printed unit. */
export const figure: FactDefinition = {
  name: 'figure',
  description: {
    'zh-CN': '情况说明中陈述的一个数字（按原文单位和精度）。省略 key 时用作用域中的当前数字；field 可取 value（默认）、percent（增减百分比）、current（增减对应的本年数）。',
    en: 'A figure stated in the narrative, at its printed unit and precision. Without `key`, the scope figure; `field` is value (default), percent or current.',
  },
  returns: 'quantity',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      key: { type: 'string', description: '数字的 key，如 incomeTotal；省略时用作用域中的当前数字。/ Figure key; defaults to the scope figure.' },
      kind: { enum: ['amount', 'share', 'change', 'count'], description: '数字类型。/ Figure kind.' },
      code: { type: 'string', description: '科目编码。/ Classification code.' },
      field: { enum: [...FIELDS], description: '读取的字段。/ Which field to read.' },
    },
  },
  example: {
    fact: 'figure',
    operator: 'roundedEqual',
    value: { fact: 'cell', params: { table: 'incomeExpenditureSummary', row: { key: 'incomeGrandTotal' }, column: 'amount' } },
  },
  calculate(params, scope) {
    const view = resolveFigure(params, scope);
    if (view === undefined) return missing(`情况说明中没有 ${typeof params.key === 'string' ? params.key : '当前'} 数字`, '/narrative');
    const field: FigureField = FIELDS.includes(params.field as FigureField) ? (params.field as FigureField) : 'value';
    return scope.context.figureQuantity(view, field);
  },
};

/**
 * The amount figure a share or change refers to: same key (and code) in the same section first,
 * then anywhere in the narrative.
 * @param scope The scope.
 * @param key The key wanted.
 * @param near The figure it belongs with.
 */
export function findAmountFigure(scope: FactScope, key: string, near: FigureView): FigureView | undefined {
  const candidates = scope.context
    .figures()
    .filter((view) => view.figure.key === key && view.figure.kind === 'amount' && (near.figure.code === undefined || key !== near.figure.key || view.figure.code === near.figure.code));
  return candidates.find((view) => view.sectionIndex === near.sectionIndex) ?? candidates[0];
}
