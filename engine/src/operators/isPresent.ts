import { isUnavailable } from '../document/unavailable.js';
import { type OperatorDefinition } from './types.js';

/** Whether a value is present (true) or absent (false); for optional fields read with `path`. */
export const isPresent: OperatorDefinition = {
  name: 'isPresent',
  description: {
    'zh-CN': '值是否存在：value 为 true 时要求该字段存在且不为 null，为 false 时要求不存在。常与 path 一起用于可选字段。',
    en: 'Whether a value is present: true requires the field to exist and not be null, false requires it absent. Used with `path` for optional fields.',
  },
  accepts: ['json', 'boolean', 'quantity'],
  value: { type: 'boolean', description: 'true：应存在；false：应不存在。/ true: must exist; false: must not.' },
  example: { fact: 'scopeItem', path: '/percent', operator: 'isPresent', value: true },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue.reason === 'missing' ? ruleValue === false : factValue;
    return (factValue !== undefined && factValue !== null) === (ruleValue === true);
  },
};
