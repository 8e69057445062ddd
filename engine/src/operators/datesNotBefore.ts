import { isUnavailable } from '../document/unavailable.js';
import { type OperatorDefinition } from './types.js';
import { ANY_YEAR, FISCAL_YEAR, YEAR_VALUE, earlyDates, textOf, yearOf } from './yearText.js';

/** No date in the text falls before the year (a 2025 target cannot be due in 2022). */
export const datesNotBefore: OperatorDefinition = {
  name: 'datesNotBefore',
  description: {
    'zh-CN': '文字中的日期（如 2022年6月10日、2022年底、2022-06-10）都不早于该年度；只写年份而不是日期的（如“较2024年增长”“2025年度”）不算。不成立时消息中的 {dates} 列出较早的日期。',
    en: 'No date in the text (2022年6月10日, 2022年底, 2022-06-10) falls before the year; a year alone ("较2024年增长", "2025年度") is not a date. On failure {dates} lists the earlier dates.',
  },
  accepts: ['text', 'json'],
  value: YEAR_VALUE,
  example: { fact: 'text', operator: 'datesNotBefore', value: FISCAL_YEAR },
  // Only a text with a year in it can fail.
  textFilter: () => ANY_YEAR,
  check(factValue, ruleValue) {
    const text = textOf(factValue);
    if (isUnavailable(text)) return text;
    const year = yearOf(ruleValue);
    if (isUnavailable(year)) return year;
    return earlyDates(text, year).length === 0;
  },
  placeholders: ['dates'],
  describe(factValue, ruleValue): Record<string, string> {
    const year = yearOf(ruleValue);
    return typeof factValue !== 'string' || isUnavailable(year) ? {} : { dates: earlyDates(factValue, year).join('、') };
  },
};
