import { isUnavailable } from '../document/unavailable.js';
import { type OperatorDefinition } from './types.js';
import { FISCAL_YEAR, YEAR_VALUE, otherYears, textOf, yearOf } from './yearText.js';

/**
 * The text names no year but this one: a title that states a year states the budget year; a
 * title without a year passes (many templates give the year once, in the heading over the tables).
 */
export const namesNoOtherYear: OperatorDefinition = {
  name: 'namesNoOtherYear',
  description: {
    'zh-CN': '文字中写的年度（如“2024年”）都是该年度；没写年度也成立。用于报表标题：不少模板只在报表部分的标题写一次年度。不成立时消息中的 {years} 列出写错的年度。',
    en: 'Every year the text names ("2024年") is this year; a text naming no year passes. For table titles: many templates state the year once, over all the tables. On failure {years} lists the wrong years.',
  },
  accepts: ['text', 'json'],
  value: YEAR_VALUE,
  example: { fact: 'scopeItem', path: '/title', operator: 'namesNoOtherYear', value: FISCAL_YEAR },
  check(factValue, ruleValue) {
    const text = textOf(factValue);
    if (isUnavailable(text)) return text;
    const year = yearOf(ruleValue);
    if (isUnavailable(year)) return year;
    return otherYears(text, year).length === 0;
  },
  placeholders: ['years'],
  describe(factValue, ruleValue): Record<string, string> {
    const year = yearOf(ruleValue);
    return typeof factValue !== 'string' || isUnavailable(year) ? {} : { years: otherYears(factValue, year).join('、') };
  },
};
