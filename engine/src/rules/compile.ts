/** A validated rule set, compiled for evaluation. */
import { type FactDefinition } from '../facts/types.js';
import { CompiledConditions } from '../evaluate/engineAdapter.js';
import { type OperatorDefinition } from '../operators/types.js';
import { type LocalizedText, type RuleDefinition } from './types.js';

/** One rule ready to evaluate. */
export interface CompiledRule {
  /** The rule as written. */
  readonly definition: RuleDefinition;
  /** Where it came from (file, and pointer within it). */
  readonly origin: { readonly file?: string; readonly pointer: string };
  /** What must hold. */
  readonly conditions: CompiledConditions;
  /** When it applies. */
  readonly when?: CompiledConditions;
}

/** A rule set ready to evaluate. */
export interface CompiledRuleSet {
  /** Id. */
  readonly id: string;
  /** Version. */
  readonly version: string;
  /** Title. */
  readonly title: LocalizedText;
  /** Rules in evaluation order. */
  readonly rules: readonly CompiledRule[];
  /** The operators the rules may use. */
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
  /** The facts the rules may use. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/**
 * Compiles one validated rule.
 * @param definition The rule.
 * @param origin Where it came from.
 * @param facts Fact registry.
 * @param operators Operator registry.
 */
export function compileRule(
  definition: RuleDefinition,
  origin: CompiledRule['origin'],
  facts: ReadonlyMap<string, FactDefinition>,
  operators: ReadonlyMap<string, OperatorDefinition>,
): CompiledRule {
  return {
    definition,
    origin,
    conditions: new CompiledConditions(definition.id, definition.conditions, facts.values(), operators.values()),
    ...(definition.when !== undefined
      ? { when: new CompiledConditions(`${definition.id}:when`, definition.when, facts.values(), operators.values()) }
      : {}),
  };
}
