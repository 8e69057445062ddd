/**
 * The operator registry: every operator a rule may name, one file each. json-rules-engine's own
 * numeric operators (lessThan…) are not offered: they compare strings lexicographically and
 * numbers as floats.
 */
import { decimalEqual, decimalGreaterThan, decimalGreaterThanInclusive, decimalLessThan, decimalLessThanInclusive, decimalNotEqual } from './decimalCompare.js';
import { containsText } from './containsText.js';
import { mentionsAmount } from './mentionsAmount.js';
import { datesNotBefore } from './datesNotBefore.js';
import { equal, notEqual } from './equal.js';
import { hasFields } from './hasFields.js';
import { includesValues } from './includesValues.js';
import { isBlank } from './isBlank.js';
import { isPresent } from './isPresent.js';
import { isZeroOrBlank } from './isZeroOrBlank.js';
import { matchesPattern, notMatchesPattern } from './matchesPattern.js';
import { namesNoOtherYear, namesYear } from './namesYear.js';
import { roundedEqual, roundedGreaterThanInclusive, roundedLessThanInclusive } from './roundedEqual.js';
import { createRegistry } from '../registry.js';
import { type OperatorDefinition } from './types.js';

/** All built-in operators, in documentation order. */
export const OPERATORS: readonly OperatorDefinition[] = [
  decimalEqual,
  decimalNotEqual,
  decimalLessThan,
  decimalLessThanInclusive,
  decimalGreaterThan,
  decimalGreaterThanInclusive,
  roundedEqual,
  roundedGreaterThanInclusive,
  roundedLessThanInclusive,
  isBlank,
  isZeroOrBlank,
  isPresent,
  hasFields,
  includesValues,
  matchesPattern,
  notMatchesPattern,
  containsText,
  mentionsAmount,
  datesNotBefore,
  namesYear,
  namesNoOtherYear,
  equal,
  notEqual,
];

/**
 * Builds a name → operator map, refusing duplicate names.
 * @param definitions Operator definitions (the built-ins by default).
 */
export function createOperatorRegistry(definitions: readonly OperatorDefinition[] = OPERATORS): ReadonlyMap<string, OperatorDefinition> {
  return createRegistry('operator', definitions);
}

export type { OperatorDefinition, Verdict } from './types.js';
