import { invalid, isUnavailable } from '../document/unavailable.js';
import { isQuantity } from '../money/quantity.js';
import { type OperatorDefinition } from './types.js';

/** Whether a cell is blank (true) or filled, even with 0 (false). */
export const isBlank: OperatorDefinition = {
  name: 'isBlank',
  description: {
    'zh-CN': '单元格是否为空：value 为 true 时要求为空，为 false 时要求已填写（填写 0 也算已填写）。空与 0 不同。',
    en: 'Whether a cell is blank: value true requires blank, false requires filled (a printed 0 is filled). Blank is not 0.',
  },
  accepts: ['quantity'],
  value: { type: 'boolean', description: 'true：应为空；false：应已填写。/ true: must be blank; false: must be filled.' },
  example: { fact: 'cell', params: { table: 'incomeExpenditureSummary', row: { key: 'carriedOver' }, column: 'amount' }, operator: 'isBlank', value: true },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (!isQuantity(factValue)) return invalid('isBlank 只能用于金额单元格');
    return factValue.blank === (ruleValue === true);
  },
};
