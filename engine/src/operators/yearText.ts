/** What the year operators share: finding dates and years in a text, reading the year to compare with. */
import { type Unavailable, invalid, isUnavailable, missing } from '../document/unavailable.js';
import { preview } from '../document/limits.js';

/**
 * A calendar date or month in a text: 2022年6月10日, 2022年6月, 2022年底, 2022-06-10, 2022.6.
 * Not a year alone ("较2024年增长", "2025年度" compare or name a year, they set no date), and
 * not digits inside a longer number (≥200000人/次).
 */
const DATE = /(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)|[-./](?:1[0-2]|0?[1-9])(?:[-./](?:3[01]|[12]\d|0?[1-9]))?(?!\d))/gu;

/** Any year-like digits: texts without them have no date. */
export const ANY_YEAR = /(?:19|20)\d{2}/u;

/** A year named in a text: 2025年 (not inside a longer number). */
export const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/gu;

/**
 * The year a rule compares with, or why there is none.
 * @param ruleValue A year, or a fact reference's value.
 */
export function yearOf(ruleValue: unknown): number | Unavailable {
  if (isUnavailable(ruleValue)) return ruleValue;
  if (ruleValue === undefined || ruleValue === null) return missing('没有要比较的年度');
  const year = typeof ruleValue === 'string' ? Number(ruleValue) : ruleValue;
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2099 ? year : invalid(`年度 ${preview(ruleValue)} 不是 1900–2099 之间的整数`);
}

/**
 * The text to search, or why there is none.
 * @param factValue The fact value.
 */
export function textOf(factValue: unknown): string | Unavailable {
  if (isUnavailable(factValue)) return factValue;
  if (factValue === undefined || factValue === null) return missing('没有要检查的文字');
  return typeof factValue === 'string' ? factValue : invalid('只能在文字中查找年份');
}

/**
 * The dates in a text before a year.
 * @param text The text.
 * @param year The year.
 */
export function earlyDates(text: string, year: number): string[] {
  return [...text.matchAll(DATE)].filter((match) => Number(match[1]) < year).map((match) => match[0]);
}

/**
 * The years a text names other than a year.
 * @param text The text.
 * @param year The year.
 */
export function otherYears(text: string, year: number): string[] {
  return [...text.matchAll(YEAR)].filter((match) => Number(match[1]) !== year).map((match) => match[0]);
}

/** JSON Schema of the year on the right-hand side. */
export const YEAR_VALUE = {
  description: '年度（整数），通常引用文档的预算年度 {"fact": "document", "path": "/meta/fiscalYear"}。/ The year, usually a fact reference to /meta/fiscalYear.',
  anyOf: [{ type: 'integer', minimum: 1900, maximum: 2099 }, { $ref: '#/$defs/factReference' }],
} as const;

/** The document's budget year, as a fact reference (for examples). */
export const FISCAL_YEAR = { fact: 'document', path: '/meta/fiscalYear' };
