import { isUnavailable } from '../document/unavailable.js';
import { resolvePointer } from '../document/pointer.js';
import { type OperatorDefinition } from './types.js';

/** The required fields of a rule value: JSON Pointer → the name a reader knows it by. */
function fieldsOf(ruleValue: unknown): [string, string][] {
  if (ruleValue === null || typeof ruleValue !== 'object' || Array.isArray(ruleValue)) return [];
  return Object.entries(ruleValue as Record<string, unknown>).map(([pointer, label]) => [pointer, typeof label === 'string' ? label : pointer]);
}

/** Whether a field is filled: present, not null, not a blank string. */
function filled(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function missingFields(factValue: unknown, ruleValue: unknown): string[] {
  return fieldsOf(ruleValue)
    .filter(([pointer]) => !filled(resolvePointer(factValue, pointer)))
    .map(([, label]) => label);
}

/**
 * Every listed field of an object is filled (present, not null, not blank). One comparison for
 * a whole form such as a performance-target table, whose message names what is missing.
 */
export const hasFields: OperatorDefinition = {
  name: 'hasFields',
  description: {
    'zh-CN': '对象的各必填字段都已填写（存在、不为 null、不是空白文字）。value 列出字段（相对的 JSON Pointer）及其名称；不成立时消息中的 {missing} 列出缺少的字段名称。',
    en: 'Every listed field of the object is filled (present, not null, not blank). The value maps each field (a relative JSON Pointer) to its name; on failure {missing} in the message lists the names of the missing ones.',
  },
  accepts: ['json'],
  value: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: '^(/[^/]*)+$' },
    additionalProperties: { type: 'string', minLength: 1 },
    description: '必填字段：相对的 JSON Pointer → 字段名称，如 {"/basis": "立项依据"}。/ Required fields: relative JSON Pointer → name.',
  },
  example: { fact: 'scopeItem', operator: 'hasFields', value: { '/project': '项目名称', '/basis': '立项依据' } },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    return missingFields(factValue, ruleValue).length === 0;
  },
  validateValue(ruleValue) {
    return fieldsOf(ruleValue).length === 0 ? '应列出至少一个必填字段 / must list at least one required field' : undefined;
  },
  placeholders: ['missing'],
  describe(factValue, ruleValue): Record<string, string> {
    const missing = missingFields(factValue, ruleValue);
    return missing.length === 0 ? {} : { missing: missing.join('、') };
  },
};
