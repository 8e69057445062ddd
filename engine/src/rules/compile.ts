/** A validated rule set, compiled for evaluation. */
import { type FactDefinition } from '../facts/types.js';
import { type CompiledConditions, RuleEngine } from '../evaluate/engineAdapter.js';
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
  /** Facts and operators registered with json-rules-engine. */
  readonly engine: RuleEngine;
}

/**
 * Compiles one validated rule.
 * @param definition The rule.
 * @param origin Where it came from.
 * @param engine The rule set's engine.
 */
export function compileRule(definition: RuleDefinition, origin: CompiledRule['origin'], engine: RuleEngine): CompiledRule {
  return {
    definition,
    origin,
    conditions: engine.compile(definition.id, definition.conditions),
    ...(definition.when !== undefined ? { when: engine.compile(`${definition.id}:when`, definition.when) } : {}),
  };
}

/**
 * Registers facts and operators with json-rules-engine for one rule set.
 * @param facts Fact registry.
 * @param operators Operator registry.
 */
export function createEngine(facts: ReadonlyMap<string, FactDefinition>, operators: ReadonlyMap<string, OperatorDefinition>): RuleEngine {
  return new RuleEngine(facts.values(), operators.values());
}
