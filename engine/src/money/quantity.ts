/**
 * Quantities: a printed or computed figure together with what is needed to compare it honestly:
 * its dimension, display unit, printed precision and how many rounded figures went into it.
 */
import { type CurrencyUnit, type DecimalValue, HUNDRED, Money, ONE, ZERO, formatDecimal, halfUnit, parseDecimal, printedScale, unitFactor } from './money.js';

/** What a quantity measures. Money is held in 元, percentages in points, counts in units. */
export type Dimension = 'money' | 'percent' | 'count';

/** Display units: currency units, percent and count. */
export type DisplayUnit = CurrencyUnit | '%' | '个';

/** A figure with its precision. All fields are immutable. */
export interface Quantity {
  /** Discriminator. */
  readonly kind: 'quantity';
  /** The value in the base unit of its dimension (元 for money). */
  readonly value: DecimalValue;
  /** What it measures. */
  readonly dimension: Dimension;
  /** The unit it was printed in, used for messages. */
  readonly unit: DisplayUnit;
  /** Decimal places to show in `unit`. */
  readonly scale: number;
  /** Half-width of the rounding interval in the base unit: Σ of each printed term's half unit. 0 when exact. */
  readonly uncertainty: DecimalValue;
  /** How many printed figures were summed into it (blank cells count 0). */
  readonly terms: number;
  /** True for a blank cell: its value is 0, but it was not printed as 0. */
  readonly blank: boolean;
  /** JSON Pointer of the value in the document, when it comes from one place. */
  readonly pointer?: string;
}

function baseFactor(unit: DisplayUnit): DecimalValue {
  return unit === '元' || unit === '万元' ? unitFactor(unit) : ONE;
}

/** The dimension of a display unit. */
export function dimensionOf(unit: DisplayUnit): Dimension {
  if (unit === '%') return 'percent';
  if (unit === '个') return 'count';
  return 'money';
}

/**
 * Reads a printed value as a quantity, or returns undefined if it is not a decimal.
 * @param raw The printed value (string or number).
 * @param unit The unit it was printed in.
 * @param pointer Where it is in the document.
 */
export function printedQuantity(raw: unknown, unit: DisplayUnit, pointer?: string): Quantity | undefined {
  const parsed = parseDecimal(raw);
  if (parsed === undefined) return undefined;
  const scale = printedScale(raw);
  const factor = baseFactor(unit);
  return {
    kind: 'quantity',
    value: factor === ONE ? parsed : parsed.times(factor),
    dimension: dimensionOf(unit),
    unit,
    scale,
    // A printed zero ("0万元", "占0%", "0.00") states that there is none; it is not a rounded figure.
    uncertainty: parsed.isZero() ? ZERO : factor === ONE ? halfUnit(scale) : halfUnit(scale).times(factor),
    terms: 1,
    blank: false,
    pointer,
  };
}

/**
 * A blank cell: value 0, no printed precision, not a term of any sum.
 * @param unit The table's unit.
 * @param pointer Where the blank cell is.
 */
export function blankQuantity(unit: DisplayUnit, pointer?: string): Quantity {
  return { kind: 'quantity', value: ZERO, dimension: dimensionOf(unit), unit, scale: 2, uncertainty: ZERO, terms: 0, blank: true, pointer };
}

/**
 * An exact quantity (a constant from a rule, or a computed value).
 * @param value The value in `unit`.
 * @param unit Its unit.
 * @param scale Decimal places to show.
 */
export function exactQuantity(value: DecimalValue, unit: DisplayUnit, scale = 2): Quantity {
  return {
    kind: 'quantity',
    value: unit === '万元' ? value.times(baseFactor(unit)) : value,
    dimension: dimensionOf(unit),
    unit,
    scale,
    uncertainty: ZERO,
    terms: 0,
    blank: false,
  };
}

/**
 * An exact count (个), such as a number of rows or tables.
 * @param count The count.
 * @param pointer Where it was counted, if anywhere.
 */
export function countQuantity(count: number, pointer?: string): Quantity {
  return { ...exactQuantity(new Money(count), '个', 0), ...(pointer !== undefined ? { pointer } : {}) };
}

/**
 * Sums quantities of one dimension. The sum keeps the unit and largest scale of its terms, and
 * its uncertainty is the sum of theirs (n figures rounded to 0.01 → n × 0.005).
 * @param parts The terms (must share a dimension).
 * @param pointer Where the sum belongs, if anywhere.
 */
export function sumQuantities(parts: readonly Quantity[], unit: DisplayUnit, pointer?: string): Quantity {
  let value = ZERO;
  let uncertainty = ZERO;
  let terms = 0;
  let scale = 0;
  for (const part of parts) {
    value = value.plus(part.value);
    uncertainty = uncertainty.plus(part.uncertainty);
    terms += part.terms;
    if (!part.blank && part.scale > scale) scale = part.scale;
  }
  if (terms === 0) scale = 2;
  return { kind: 'quantity', value, dimension: dimensionOf(unit), unit, scale, uncertainty, terms, blank: false, pointer };
}

/**
 * The share part / whole × 100 as an exact percentage, or undefined when the whole is zero.
 * @param part The part.
 * @param whole The whole (same dimension).
 */
export function shareOf(part: Quantity, whole: Quantity): Quantity | undefined {
  if (whole.value.isZero()) return undefined;
  return {
    kind: 'quantity',
    value: part.value.div(whole.value).times(HUNDRED),
    dimension: 'percent',
    unit: '%',
    scale: 2,
    uncertainty: ZERO,
    terms: 0,
    blank: false,
  };
}

/** Whether a value is a Quantity. */
export function isQuantity(value: unknown): value is Quantity {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'quantity';
}

/**
 * The value in its display unit, formatted at its scale, e.g. "3011.46万元".
 * @param quantity The quantity.
 * @param withUnit Append the unit.
 */
export function formatQuantity(quantity: Quantity, withUnit = true): string {
  const shown = formatDecimal(quantity.value.div(baseFactor(quantity.unit)), quantity.scale);
  if (!withUnit) return shown;
  return quantity.blank ? `空（${quantity.unit}）` : `${shown}${quantity.unit}`;
}

/**
 * The difference a − b, shown in a's unit.
 * @param a Left side.
 * @param b Right side.
 */
export function formatDifference(a: Quantity, b: Quantity): string {
  const difference = a.value.minus(b.value).div(baseFactor(a.unit));
  const scale = Math.max(a.scale, b.scale);
  return `${formatDecimal(difference, scale)}${a.unit}`;
}
