/** Exact decimal comparison operators: =, ≠, <, ≤, >, ≥ after exact unit conversion. */
import { isUnavailable } from '../document/unavailable.js';
import { DECIMAL_VALUE, comparable } from './comparable.js';
import { type OperatorDefinition, type Verdict } from './types.js';

type Relation = (difference: number) => boolean;

function exact(name: string, zh: string, en: string, relation: Relation): OperatorDefinition {
  return {
    name,
    description: {
      'zh-CN': `精确比较：事实值${zh}规则值（元与万元精确换算；空单元格按 0 计）。不做任何舍入或容差。`,
      en: `Exact comparison: the fact value ${en} the rule value (元 and 万元 converted exactly; blank cells count as 0). No rounding, no tolerance.`,
    },
    accepts: ['quantity'],
    value: DECIMAL_VALUE,
    example: { fact: 'cell', params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' }, operator: name, value: '3011.46' },
    check(factValue, ruleValue): Verdict {
      const operands = comparable(factValue, ruleValue);
      if (isUnavailable(operands)) return operands;
      return relation(operands[0].value.comparedTo(operands[1].value));
    },
  };
}

/** Exactly equal. */
export const decimalEqual = exact('decimalEqual', '等于', 'equals', (d) => d === 0);
/** Not equal. */
export const decimalNotEqual = exact('decimalNotEqual', '不等于', 'differs from', (d) => d !== 0);
/** Less than. */
export const decimalLessThan = exact('decimalLessThan', '小于', 'is less than', (d) => d < 0);
/** Less than or equal. */
export const decimalLessThanInclusive = exact('decimalLessThanInclusive', '小于或等于', 'is at most', (d) => d <= 0);
/** Greater than. */
export const decimalGreaterThan = exact('decimalGreaterThan', '大于', 'is greater than', (d) => d > 0);
/** Greater than or equal. */
export const decimalGreaterThanInclusive = exact('decimalGreaterThanInclusive', '大于或等于', 'is at least', (d) => d >= 0);
