import { isUnavailable } from '../document/unavailable.js';
import { type Bilingual } from '../facts/types.js';
import { type OperatorDefinition } from './types.js';
import { FISCAL_YEAR, YEAR, YEAR_VALUE, otherYears, textOf, yearOf } from './yearText.js';

/**
 * An operator on the years a text names: none but the rule's year, and (when `mustName`) that
 * year named. On failure {years} lists the wrong years.
 */
function yearsOperator(name: string, description: Bilingual, mustName: boolean): OperatorDefinition {
  return {
    name,
    description,
    accepts: ['text', 'json'],
    value: YEAR_VALUE,
    example: { fact: 'scopeItem', path: '/title', operator: name, value: FISCAL_YEAR },
    check(factValue, ruleValue) {
      const text = textOf(factValue);
      if (isUnavailable(text)) return text;
      const year = yearOf(ruleValue);
      if (isUnavailable(year)) return year;
      return otherYears(text, year).length === 0 && (!mustName || [...text.matchAll(YEAR)].length > 0);
    },
    placeholders: ['years'],
    describe(factValue, ruleValue): Record<string, string> {
      const year = yearOf(ruleValue);
      return typeof factValue !== 'string' || isUnavailable(year) ? {} : { years: otherYears(factValue, year).join('、') };
    },
  };
}

/** The text names the year, and no other (a 2025 budget's table titles say 2025年). */
export const namesYear = yearsOperator(
  'namesYear',
  {
    'zh-CN': '文字写明了该年度（如“2025年”），且没有写其他年度。用于报表标题等。不成立时消息中的 {years} 列出写错的年度（没写年度时为空）。',
    en: 'The text names the year ("2025年") and no other year. For table titles. On failure {years} lists the wrong years (empty when none is named).',
  },
  true,
);

/**
 * The text names no year but this one: a title that states a year states the budget year; a
 * title without a year passes (many templates give the year once, in the heading over the tables).
 */
export const namesNoOtherYear = yearsOperator(
  'namesNoOtherYear',
  {
    'zh-CN': '文字中写的年度（如“2024年”）都是该年度；没写年度也成立。用于报表标题：不少模板只在报表部分的标题写一次年度。不成立时消息中的 {years} 列出写错的年度。',
    en: 'Every year the text names ("2024年") is this year; a text naming no year passes. For table titles: many templates state the year once, over all the tables. On failure {years} lists the wrong years.',
  },
  false,
);
