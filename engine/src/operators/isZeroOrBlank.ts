import { invalid, isUnavailable } from '../document/unavailable.js';
import { isQuantity } from '../money/quantity.js';
import { type OperatorDefinition } from './types.js';

/** Whether an amount is zero or blank (true), or a non-zero amount (false). */
export const isZeroOrBlank: OperatorDefinition = {
  name: 'isZeroOrBlank',
  description: {
    'zh-CN': '金额是否为 0 或空：value 为 true 时要求为 0 或空，为 false 时要求是非零金额。',
    en: 'Whether an amount is zero or blank: value true requires zero or blank, false requires a non-zero amount.',
  },
  accepts: ['quantity'],
  value: { type: 'boolean', description: 'true：应为 0 或空；false：应为非零。/ true: must be zero or blank; false: non-zero.' },
  example: { fact: 'cell', params: { table: 'threePublicExpenses', row: { key: 'total' }, column: 'total' }, operator: 'isZeroOrBlank', value: true },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (!isQuantity(factValue)) return invalid('isZeroOrBlank 只能用于金额');
    return factValue.value.isZero() === (ruleValue === true);
  },
};
