import { invalid, isUnavailable } from '../document/unavailable.js';
import { isQuantity } from '../money/quantity.js';
import { type OperatorDefinition } from './types.js';

function plain(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Strict equality of plain values (booleans, text, codes); never for amounts. */
export const equal: OperatorDefinition = {
  name: 'equal',
  description: {
    'zh-CN': '普通值（真假、文字、编码）严格相等。金额请用 decimalEqual 或 roundedEqual。',
    en: 'Strict equality of plain values (booleans, text, codes). For amounts use decimalEqual or roundedEqual.',
  },
  accepts: ['boolean', 'text', 'json'],
  value: {
    description: '要比较的值（真假、文字或数字），或 {"fact": …} 引用另一个事实。/ The value to compare with, or a fact reference.',
    anyOf: [{ type: ['boolean', 'string', 'number', 'null'] }, { $ref: '#/$defs/factReference' }],
  },
  example: { fact: 'tableMarkedEmpty', params: { table: 'threePublicExpenses' }, operator: 'equal', value: true },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (isQuantity(factValue) || !plain(factValue)) return invalid('equal 只能比较真假、文字或编码等普通值');
    return factValue === ruleValue;
  },
};

/** Strict inequality of plain values. */
export const notEqual: OperatorDefinition = {
  ...equal,
  name: 'notEqual',
  description: {
    'zh-CN': '普通值（真假、文字、编码）不相等。金额请用 decimalNotEqual。',
    en: 'Strict inequality of plain values. For amounts use decimalNotEqual.',
  },
  example: { fact: 'document', path: '/meta/kind', operator: 'notEqual', value: 'department-final-accounts' },
  check(factValue, ruleValue) {
    const verdict = equal.check(factValue, ruleValue);
    return typeof verdict === 'boolean' ? !verdict : verdict;
  },
};
