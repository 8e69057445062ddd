/** Year operators over texts: dates in a target are not before the budget year; a title names the budget year. */
import { type Unavailable, invalid, isUnavailable, missing } from '../document/unavailable.js';
import { type OperatorDefinition } from './types.js';

/**
 * A calendar date or month in a text: 2022年6月10日, 2022年6月, 2022年底, 2022-06-10, 2022.6.
 * Not a year alone ("较2024年增长", "2025年度" compare or name a year, they set no date), and
 * not digits inside a longer number (≥200000人/次).
 */
const DATE = /(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)|[-./](?:1[0-2]|0?[1-9])(?:[-./](?:3[01]|[12]\d|0?[1-9]))?(?!\d))/gu;

/** Any year-like digits: texts without them have no date. */
const ANY_YEAR = /(?:19|20)\d{2}/u;

/** A year named in a text: 2025年 (not inside a longer number). */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/gu;

function yearOf(ruleValue: unknown): number | Unavailable {
  if (isUnavailable(ruleValue)) return ruleValue;
  if (ruleValue === undefined || ruleValue === null) return missing('没有要比较的年度');
  const year = typeof ruleValue === 'string' ? Number(ruleValue) : ruleValue;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2099 ? year : invalid(`年度 ${JSON.stringify(ruleValue)} 不是 1900–2099 之间的整数`);
}

function textOf(factValue: unknown): string | Unavailable {
  if (isUnavailable(factValue)) return factValue;
  if (factValue === undefined || factValue === null) return missing('没有要检查的文字');
  return typeof factValue === 'string' ? factValue : invalid('只能在文字中查找年份');
}

function earlyDates(text: string, year: number): string[] {
  return [...text.matchAll(DATE)].filter((match) => Number(match[1]) < year).map((match) => match[0]);
}

function otherYears(text: string, year: number): string[] {
  return [...text.matchAll(YEAR)].filter((match) => Number(match[1]) !== year).map((match) => match[0]);
}

const YEAR_VALUE = {
  description: '年度（整数），通常引用文档的预算年度 {"fact": "document", "path": "/meta/fiscalYear"}。/ The year, usually a fact reference to /meta/fiscalYear.',
  anyOf: [{ type: 'integer', minimum: 1900, maximum: 2099 }, { $ref: '#/$defs/factReference' }],
} as const;

const FISCAL_YEAR = { fact: 'document', path: '/meta/fiscalYear' };

/** No date in the text falls before the year (a 2025 target cannot be due in 2022). */
export const datesNotBefore: OperatorDefinition = {
  name: 'datesNotBefore',
  description: {
    'zh-CN':
      '文字中的日期（如 2022年6月10日、2022年底、2022-06-10）都不早于该年度；只写年份而不是日期的（如“较2024年增长”“2025年度”）不算。不成立时消息中的 {dates} 列出较早的日期。',
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
