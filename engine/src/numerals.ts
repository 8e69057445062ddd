/** Chinese numerals as documents number their parts, sections and tables (一 … 九十九). */

const DIGITS = '一二三四五六七八九';

/** A Chinese numeral below 100 as printed: 一 … 九, 十, 十二, 二十, 二十三. */
export const CHINESE_NUMERAL = /^(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])$/;

/**
 * The value of a Chinese numeral from 一 to 九十九 (十二 → 12, 二十三 → 23). Characters other
 * than the digits and 十 count 0: callers pass what a pattern of numerals matched.
 * @param numeral The numeral.
 */
export function numeralValue(numeral: string): number {
  const digit = (character: string | undefined): number => (character === undefined ? 0 : DIGITS.indexOf(character) + 1);
  const ten = numeral.indexOf('十');
  if (ten < 0) return digit(numeral[0]);
  return (ten === 0 ? 1 : digit(numeral[0])) * 10 + digit(numeral[ten + 1]);
}
