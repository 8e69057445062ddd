/**
 * The value a fact returns when it cannot produce one. Facts never throw: a missing table makes
 * the rule not applicable, malformed data makes its outcome `error`; neither is a silent pass.
 */

/** Why a fact has no value: the data is absent, or present but unusable. */
export type UnavailableReason = 'missing' | 'invalid';

/** A fact value that could not be computed. */
export interface Unavailable {
  /** Discriminator. */
  readonly kind: 'unavailable';
  /** Missing data (rule not applicable) or invalid data (rule errors). */
  readonly reason: UnavailableReason;
  /** What is wrong, in Chinese, for the report. */
  readonly message: string;
  /** Where the problem is, when known. */
  readonly pointer?: string;
  /**
   * The table prints no such column at all: another layout of the table, not a gap in its data.
   * A branch of `any` needing it is not this table's way of printing the figures.
   */
  readonly notInLayout?: true;
}

/**
 * Data the rule needs is not in the document.
 * @param message What is missing.
 * @param pointer Where it was expected.
 */
export function missing(message: string, pointer?: string): Unavailable {
  return { kind: 'unavailable', reason: 'missing', message, pointer };
}

/**
 * A column the table does not print at all (its layout has none): missing, and marked so.
 * @param message What is missing.
 * @param pointer Where it was expected.
 */
export function notInLayout(message: string, pointer?: string): Unavailable {
  return { kind: 'unavailable', reason: 'missing', message, pointer, notInLayout: true };
}

/**
 * Data is present but cannot be used (e.g. text where an amount belongs).
 * @param message What is wrong.
 * @param pointer Where it is.
 */
export function invalid(message: string, pointer?: string): Unavailable {
  return { kind: 'unavailable', reason: 'invalid', message, pointer };
}

/** Whether a fact value is Unavailable. */
export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'unavailable';
}
