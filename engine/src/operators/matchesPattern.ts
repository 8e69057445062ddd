/** Pattern operators over texts: the text matches (or does not match) a regular expression. */
import { invalid, isUnavailable, missing } from '../document/unavailable.js';
import { patternOf, patternProblem } from '../pattern.js';
import { type OperatorDefinition } from './types.js';

function validateValue(ruleValue: unknown): string | undefined {
  if (typeof ruleValue !== 'string' || ruleValue === '') return '应为非空的正则表达式字符串 / must be a non-empty regular expression';
  return patternProblem(ruleValue);
}

function describe(factValue: unknown, ruleValue: unknown): Record<string, string> {
  const match = typeof factValue === 'string' ? patternOf(ruleValue)?.exec(factValue)?.[0] : undefined;
  return match === undefined ? {} : { match };
}

function matches(factValue: unknown, ruleValue: unknown): boolean | ReturnType<typeof invalid> {
  if (isUnavailable(factValue)) return factValue;
  // An absent text (a field the document does not have) makes the rule not applicable.
  if (factValue === undefined || factValue === null) return missing('没有要匹配的文字');
  if (typeof factValue !== 'string') return invalid('只能在文字上匹配正则表达式');
  const pattern = patternOf(ruleValue);
  return pattern === undefined ? invalid(`规则中的正则表达式无效：${String(ruleValue)}`) : pattern.test(factValue);
}

const VALUE = {
  type: 'string',
  minLength: 1,
  maxLength: 1000,
  description:
    '正则表达式（Unicode），如 “此件不予公开|内部资料”；载入时检查，会超线性回溯的写法（如 (a+)+、\\s*。?\\s*$）不被接受。/ A regular expression (Unicode mode); patterns that can backtrack super-linearly are refused when the rule set loads.',
} as const;

/** The text matches the pattern. */
export const matchesPattern: OperatorDefinition = {
  name: 'matchesPattern',
  description: {
    'zh-CN': '文字符合正则表达式（在文字中任意位置找到即为符合）。表达式在规则集载入时检查。',
    en: 'The text matches the regular expression (anywhere in it). The pattern is checked when the rule set loads.',
  },
  accepts: ['text', 'json'],
  value: VALUE,
  example: { fact: 'text', operator: 'matchesPattern', value: '主要原因是' },
  check: matches,
  // Only a text the pattern matches can hold.
  holdsOnly: patternOf,
  validateValue,
  placeholders: ['match'],
  describe,
};

/** The text does not match the pattern. */
export const notMatchesPattern: OperatorDefinition = {
  name: 'notMatchesPattern',
  description: {
    'zh-CN': '文字不含符合正则表达式的内容；不成立时消息中的 {match} 为找到的内容。用于查找“此件不予公开”、模板占位符“XX月XX日”、重复用词等。',
    en: 'The text contains nothing matching the regular expression; when it does, {match} in the message is what was found. For non-public marks, template placeholders, doubled words.',
  },
  accepts: ['text', 'json'],
  value: VALUE,
  example: { fact: 'text', operator: 'notMatchesPattern', value: 'XX月XX日|××|请填写' },
  check(factValue, ruleValue) {
    const verdict = matches(factValue, ruleValue);
    return typeof verdict === 'boolean' ? !verdict : verdict;
  },
  // Only a text the pattern matches can fail.
  textFilter: patternOf,
  validateValue,
  placeholders: ['match'],
  describe,
};
