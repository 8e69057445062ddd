import { isUnavailable } from '../document/unavailable.js';
import { type OperatorDefinition } from './types.js';
import { FISCAL_YEAR, YEAR, YEAR_VALUE, otherYears, textOf, yearOf } from './yearText.js';

/** The text names the year, and no other (a 2025 budget's table titles say 2025年). */
export const namesYear: OperatorDefinition = {
  name: 'namesYear',
  description: {
    'zh-CN': '文字写明了该年度（如“2025年”），且没有写其他年度。用于报表标题等。不成立时消息中的 {years} 列出写错的年度（没写年度时为空）。',
    en: 'The text names the year ("2025年") and no other year. For table titles. On failure {years} lists the wrong years (empty when none is named).',
  },
  accepts: ['text', 'json'],
  value: YEAR_VALUE,
  example: { fact: 'scopeItem', path: '/title', operator: 'namesYear', value: FISCAL_YEAR },
  check(factValue, ruleValue) {
    const text = textOf(factValue);
    if (isUnavailable(text)) return text;
    const year = yearOf(ruleValue);
    if (isUnavailable(year)) return year;
    return otherYears(text, year).length === 0 && [...text.matchAll(YEAR)].length > 0;
  },
  placeholders: ['years'],
  describe(factValue, ruleValue): Record<string, string> {
    const year = yearOf(ruleValue);
    return typeof factValue !== 'string' || isUnavailable(year) ? {} : { years: otherYears(factValue, year).join('、') };
  },
};
