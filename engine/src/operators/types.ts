/**
 * The contract every operator follows: a definition object with its name, documentation, the
 * fact value types it accepts, and a pure check. A check returns true or false, or `Unavailable`
 * when the two sides cannot be compared (the rule's outcome is then `error`, never a silent fail).
 */
import { type Unavailable } from '../document/unavailable.js';
import { type Bilingual, type FactValueType } from '../facts/types.js';

/** The result of an operator check. */
export type Verdict = boolean | Unavailable;

/** An operator definition. */
export interface OperatorDefinition {
  /** Name used in rules (`"operator": "decimalEqual"`). */
  readonly name: string;
  /** What it checks. */
  readonly description: Bilingual;
  /** Fact value types it accepts on its left-hand side. */
  readonly accepts: readonly FactValueType[];
  /** JSON Schema of the right-hand `value` when it is a constant. */
  readonly value: Readonly<Record<string, unknown>>;
  /** A condition using it, for the docs. */
  readonly example: Readonly<Record<string, unknown>>;
  /** Compares a fact value with the rule's value. */
  check(factValue: unknown, ruleValue: unknown): Verdict;
  /** Checks a constant rule value when the rule set loads; returns what is wrong, if anything. */
  validateValue?(ruleValue: unknown): string | undefined;
  /**
   * For comparisons on texts: a regular expression every text the comparison can fail on matches
   * (the others pass without evaluation). Must never exclude a text that would fail.
   */
  textFilter?(ruleValue: unknown): RegExp | undefined;
  /**
   * For comparisons on texts: a regular expression every text the comparison can hold on matches
   * (used to skip items a rule's `when` cannot apply to). Must never exclude a text it holds on.
   */
  holdsOnly?(ruleValue: unknown): RegExp | undefined;
  /** Names of the message params `describe` adds (so rule sets may use them). */
  readonly placeholders?: readonly string[];
  /** Extra message params for a failed comparison, e.g. {match} for a pattern. */
  describe?(factValue: unknown, ruleValue: unknown): Readonly<Record<string, string>>;
}
