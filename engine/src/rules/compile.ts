/** A validated rule set, compiled for evaluation. */
import { resolvePointer } from '../document/pointer.js';
import { type FactDefinition, type ScopeBinding } from '../facts/types.js';
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
  /** Scope items the rule can fail on; the others pass without evaluation (see prefilterOf). */
  readonly prefilter?: (binding: ScopeBinding) => boolean;
  /** Scope items the rule may apply to; for the others `when` cannot hold (see whenFilterOf). */
  readonly whenFilter?: (binding: ScopeBinding) => boolean;
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
 * @param operators The operators (which may say which texts a comparison can fail on).
 */
export function compileRule(
  definition: RuleDefinition,
  origin: CompiledRule['origin'],
  engine: RuleEngine,
  operators: ReadonlyMap<string, OperatorDefinition>,
): CompiledRule {
  const prefilter = prefilterOf(definition, operators);
  const whenFilter = whenFilterOf(definition, operators);
  return {
    definition,
    origin,
    ...(prefilter !== undefined ? { prefilter } : {}),
    ...(whenFilter !== undefined ? { whenFilter } : {}),
    conditions: engine.compile(definition.id, definition.conditions),
    ...(definition.when !== undefined ? { when: engine.compile(`${definition.id}:when`, definition.when) } : {}),
  };
}

/**
 * A text rule whose one requirement can only fail on texts of a certain form (a pattern that must
 * not match, a date that must not be early) need not evaluate the others: a document has about
 * 1,300 texts, most of them indicator values. The operator says which texts can fail
 * (`textFilter`); the others pass, as their evaluation would say; the result is the same.
 * @param definition The rule.
 * @param operators The operators.
 */
function prefilterOf(definition: RuleDefinition, operators: ReadonlyMap<string, OperatorDefinition>): ((binding: ScopeBinding) => boolean) | undefined {
  if (definition.scope?.each !== 'text' || definition.when !== undefined) return undefined;
  const conditions = definition.conditions as { all?: readonly unknown[] };
  const [only, ...rest] = conditions.all ?? [];
  const leaf = only as { fact?: unknown; operator?: unknown; value?: unknown; path?: unknown } | undefined;
  if (rest.length > 0 || leaf?.fact !== 'text' || leaf.path !== undefined || typeof leaf.operator !== 'string') return undefined;
  const filter = operators.get(leaf.operator)?.textFilter?.(leaf.value);
  if (filter === undefined) return undefined;
  return (binding) => binding.text === undefined || filter.test(binding.text);
}

/**
 * A rule applied to many items (each indicator, each text) whose `when` is a pattern on a field of
 * the item ("二级指标 contains 数量") need not evaluate `when` on items whose field is a text the
 * pattern cannot hold on: `when` would not hold there, the item is not applicable either way. The
 * operator says which texts it can hold on (`holdsOnly`). Items whose field is not a text (absent,
 * a number) are evaluated as usual, so missing data is still reported as it would be.
 * @param definition The rule.
 * @param operators The operators.
 */
function whenFilterOf(definition: RuleDefinition, operators: ReadonlyMap<string, OperatorDefinition>): ((binding: ScopeBinding) => boolean) | undefined {
  const when = definition.when as { all?: readonly unknown[]; any?: readonly unknown[] } | undefined;
  const leaves = when?.all?.length === 1 ? when.all : when?.any;
  if (leaves === undefined || leaves.length === 0) return undefined;
  const tests: ((binding: ScopeBinding) => boolean | undefined)[] = [];
  for (const candidate of leaves) {
    const leaf = candidate as { fact?: unknown; operator?: unknown; value?: unknown; path?: unknown; params?: unknown };
    const pattern = typeof leaf.operator === 'string' ? operators.get(leaf.operator)?.holdsOnly?.(leaf.value) : undefined;
    if (pattern === undefined || leaf.params !== undefined) return undefined;
    if (leaf.fact === 'text' && leaf.path === undefined) {
      tests.push((binding) => (binding.text === undefined ? undefined : pattern.test(binding.text)));
    } else if (leaf.fact === 'scopeItem' && typeof leaf.path === 'string') {
      const path = leaf.path;
      tests.push((binding) => {
        if (binding.item === undefined) return undefined;
        const value = resolvePointer(binding.item, path);
        return typeof value === 'string' ? pattern.test(value) : undefined;
      });
    } else return undefined;
  }
  // The item may apply unless every leaf is a text its pattern cannot hold on.
  return (binding) => tests.some((test) => test(binding) !== false);
}

/**
 * Registers facts and operators with json-rules-engine for one rule set.
 * @param facts Fact registry.
 * @param operators Operator registry.
 */
export function createEngine(facts: ReadonlyMap<string, FactDefinition>, operators: ReadonlyMap<string, OperatorDefinition>): RuleEngine {
  return new RuleEngine(facts.values(), operators.values());
}
