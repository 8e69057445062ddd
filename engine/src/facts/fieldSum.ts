import { type Unavailable, invalid, isUnavailable, missing } from '../document/unavailable.js';
import { type DisplayUnit, type Quantity, sumQuantities } from '../money/quantity.js';
import { scopeItemValue } from './scopeItem.js';
import { type FactDefinition } from './types.js';

const UNITS: readonly DisplayUnit[] = ['元', '万元', '个'];

function unitOf(item: unknown, override: unknown): DisplayUnit | undefined {
  const unit = override ?? (item !== null && typeof item === 'object' ? (item as { unit?: unknown }).unit : undefined);
  return UNITS.find((candidate) => candidate === unit);
}

/**
 * The sum of numeric fields of the current scope item, such as the funding sources of a
 * performance-target table (中央 + 省 + 市县 + 自筹 + 其他). One field reads one amount.
 */
export const fieldSum: FactDefinition = {
  name: 'fieldSum',
  description: {
    'zh-CN':
      '作用域当前对象（如一张绩效目标表）中若干数值字段之和，字段用相对的 JSON Pointer 表示；只写一个字段即读取该金额。单位取对象的 unit 字段（或参数 unit）；空值按 0 计，字段不存在则规则不适用。',
    en: "The sum of numeric fields of the current scope item (e.g. a performance-target table), named by relative JSON Pointers; one field reads one amount. The unit is the item's `unit` (or the `unit` param); blanks count 0, an absent field makes the rule not applicable.",
  },
  returns: 'quantity',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['fields'],
    properties: {
      fields: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', pattern: '^(/[^/]*)+$' },
        description: '要相加的字段，相对于当前对象的 JSON Pointer，如 /funds/annual/total。/ Fields to add, as JSON Pointers relative to the scope item.',
      },
      unit: { enum: UNITS, description: "数值的单位；省略时取对象的 unit 字段。/ The unit; defaults to the item's `unit` field." },
      absent: {
        enum: ['notApplicable', 'skip'],
        description:
          '字段不存在时：notApplicable（默认）规则不适用；skip 不计入（表式没有印出的资金来源），但一个字段都没有时规则仍不适用。/ An absent field makes the rule not applicable (default), or is left out of the sum (`skip`: a source the form does not print); with none present the rule does not apply.',
      },
    },
  },
  example: {
    fact: 'fieldSum',
    params: { fields: ['/funds/annual/total'] },
    operator: 'decimalEqual',
    value: {
      fact: 'fieldSum',
      params: { fields: ['/funds/annual/central', '/funds/annual/provincial', '/funds/annual/local', '/funds/annual/selfRaised', '/funds/annual/other'] },
    },
  },
  calculate(params, scope) {
    const base = scope.binding.pointer;
    const item = scopeItemValue(scope);
    if (item === undefined) return missing('作用域中没有当前对象', base);
    const unit = unitOf(item, params.unit);
    if (unit === undefined) return invalid('金额的单位必须是“元”“万元”或“个”', `${base}/unit`);
    const fields = Array.isArray(params.fields) ? params.fields.filter((field): field is string => typeof field === 'string') : [];
    const parts: Quantity[] = [];
    let firstAbsent: Unavailable | undefined;
    for (const field of fields) {
      const part = scope.context.amountAt(`${base}${field}`, unit);
      if (isUnavailable(part)) {
        if (params.absent !== 'skip' || part.reason !== 'missing') return part;
        firstAbsent ??= part;
        continue;
      }
      parts.push(part);
    }
    if (parts.length === 0 && firstAbsent !== undefined) return firstAbsent;
    return parts.length === 1 ? parts[0] : sumQuantities(parts, unit, base);
  },
};
