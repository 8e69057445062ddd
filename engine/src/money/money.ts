/**
 * Exact decimal arithmetic for amounts. This is the only module that imports decimal.js:
 * every amount in the engine is a `Decimal` from the `Money` clone, rounded half-up (四舍五入).
 */
import { Decimal } from 'decimal.js';

/** The Decimal clone used for all money arithmetic: 40 significant digits, ROUND_HALF_UP. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A decimal value from the `Money` clone. */
export type DecimalValue = InstanceType<typeof Money>;

/** Currency units a document may use; 1 万元 = 10000 元 exactly. */
export type CurrencyUnit = '元' | '万元';

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Most significant digits a printed amount may have. Sums of many amounts (in 元, after ×10000)
 * must stay exact within the 40 digits of `Money`; a longer amount is refused, not rounded.
 */
export const MAX_SIGNIFICANT_DIGITS = 28;

/**
 * How many significant digits a plain decimal string has ("003011.460" → 6).
 * @param plain A plain decimal (digits, optional sign and point).
 */
function significantDigits(plain: string): number {
  return plain.replace(/^[+-]/, '').replace('.', '').replace(/^0+/, '').length;
}

/**
 * A printed amount as a plain decimal string (full-width digits folded, thousands separators
 * dropped), or undefined when it is not one.
 * @param input The printed value.
 */
function plainDecimal(input: string): string | undefined {
  // Most printed amounts are plain already ("3011.46"): skip the normalising (hot path).
  if (PLAIN_DECIMAL.test(input)) return input;
  const normalised = input
    .trim()
    .replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '');
  return PLAIN_DECIMAL.test(normalised) ? normalised : undefined;
}

/**
 * Whether a printed amount has more significant digits than the engine computes exactly.
 * @param input The printed value.
 */
export function exceedsPrecision(input: unknown): boolean {
  const plain = typeof input === 'string' ? plainDecimal(input) : undefined;
  return plain !== undefined && significantDigits(plain) > MAX_SIGNIFICANT_DIGITS;
}

/**
 * Parses a printed amount into a Decimal: accepts numbers, decimal strings, thousands
 * separators ("1,234.50"), full-width digits and a leading sign. Returns undefined for anything
 * else (never NaN, never a float), and for amounts longer than MAX_SIGNIFICANT_DIGITS.
 * @param input The printed value.
 */
export function parseDecimal(input: unknown): DecimalValue | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? new Money(String(input)) : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const plain = plainDecimal(input);
  return plain === undefined || significantDigits(plain) > MAX_SIGNIFICANT_DIGITS ? undefined : new Money(plain);
}

/**
 * The number of decimal places a value was printed with ("3011.46" → 2, "3000" → 0).
 * @param input The printed value.
 */
export function printedScale(input: unknown): number {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The Decimal zero. */
export const ZERO: DecimalValue = new Money(0);

/** The Decimal one. */
export const ONE: DecimalValue = new Money(1);

const TEN_THOUSAND: DecimalValue = new Money(10000);

/** The value of one unit in 元 (a shared constant: Decimals are immutable). */
export function unitFactor(unit: CurrencyUnit): DecimalValue {
  return unit === '万元' ? TEN_THOUSAND : ONE;
}

/** Decimal one hundred (for percentages). */
export const HUNDRED: DecimalValue = new Money(100);

/**
 * Rounds half-up (四舍五入) to the given number of decimal places.
 * @param value The value to round.
 * @param places Decimal places to keep.
 */
export function roundHalfUp(value: DecimalValue, places: number): DecimalValue {
  return value.toDecimalPlaces(places, Money.ROUND_HALF_UP);
}

/**
 * Half of one unit in the last printed place: 2 places → 0.005.
 * @param places Decimal places printed.
 */
export function halfUnit(places: number): DecimalValue {
  return HALF_UNITS[places] ?? new Money(10).pow(-places).div(2);
}

// Printed figures have few decimals: precompute their half units (hot path).
const HALF_UNITS: readonly DecimalValue[] = Array.from({ length: 9 }, (_, places) => new Money(10).pow(-places).div(2));

/**
 * Formats a Decimal for people: fixed places when given, otherwise as few as needed.
 * @param value The value.
 * @param places Decimal places, or undefined for the shortest exact form.
 */
export function formatDecimal(value: DecimalValue, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places, Money.ROUND_HALF_UP);
}
