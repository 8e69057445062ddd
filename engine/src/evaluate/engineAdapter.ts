/**
 * The only module that imports json-rules-engine. Rule conditions are json-rules-engine
 * conditions: they are parsed into its Condition objects when the rule set loads, and every
 * comparison uses its operator map (our operators registered in it, its own numeric operators
 * removed: ours compare decimals exactly).
 *
 * What is not used is its per-run machinery. `Engine.run` builds a new Almanac, deep-clones the
 * rule's condition tree into a RuleResult and emits events on every run, which made a rule
 * applied to 270 scope items cost four times the checks themselves; and `Condition.evaluate`
 * resolves every fact through a chain of promises, which cost about 5 µs per scope item even
 * when the checks themselves took less. Our facts are synchronous and pure, so a comparison is
 * evaluated here directly, with the semantics of `Condition.evaluate` and `Almanac.factValue`:
 * the fact's value (its `path` resolved with our JSON Pointer resolver when the value is an
 * object), the `value` side (a constant, or a `{fact, params, path}` reference resolved alike),
 * then the operator from json-rules-engine's operator map. `evaluateWithAlmanac` is the same
 * evaluation done by json-rules-engine itself (Condition.evaluate through an Almanac); a test
 * checks the two agree on every comparison of every rule case.
 */
import { Almanac, Engine, Rule } from 'json-rules-engine';
import { type DocumentContext } from '../document/context.js';
import { resolvePointer } from '../document/pointer.js';
import { isUnavailable } from '../document/unavailable.js';
import { type FactDefinition, type FactScope, type ScopeBinding } from '../facts/types.js';
import { type OperatorDefinition } from '../operators/types.js';
import { type TopLevelCondition } from '../rules/types.js';

/** One evaluated comparison of a rule's conditions. */
export interface ConditionTrace {
  /** Fact name. */
  readonly fact: string;
  /** Operator name. */
  readonly operator: string;
  /** Fact params. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The fact's value. */
  readonly factResult: unknown;
  /** The value it was compared with. */
  readonly valueResult: unknown;
  /** Whether the comparison held. */
  readonly result: boolean;
  /** Whether it sits directly under a top-level `all`: an independent requirement of its own. */
  readonly independent: boolean;
  /** Skipped (`ifMissing: "skip"`): its data is missing, so it counts as holding and says nothing. */
  readonly skipped?: true;
}

/** The outcome of evaluating one condition tree for one scope item. */
export interface ConditionsVerdict {
  /** Whether the tree held. */
  readonly passed: boolean;
  /** How the tree's result is computed from its comparisons (to judge it when some lack their data). */
  readonly shape: Shape;
  /** Every comparison that was evaluated, in tree order. */
  readonly leaves: readonly ConditionTrace[];
}

const REMOVED_OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];

/** json-rules-engine's parsed condition, as far as this module reads it. */
interface ParsedCondition {
  readonly all?: readonly ParsedCondition[];
  readonly any?: readonly ParsedCondition[];
  readonly not?: ParsedCondition;
  readonly fact?: string;
  readonly operator?: string;
  readonly params?: Record<string, unknown>;
  readonly path?: string;
  readonly value?: unknown;
  readonly ifMissing?: string;
  evaluate(almanac: Almanac, operators: ReadonlyMap<string, EngineOperator>): Promise<{ result: boolean; leftHandSideValue: unknown; rightHandSideValue: unknown }>;
}

/** An almanac that carries the document and the current scope item to our facts. */
class ScopedAlmanac extends Almanac {
  constructor(readonly scope: FactScope) {
    super({ allowUndefinedFacts: false, pathResolver: resolvePointer });
  }
}

/** How a node's result is computed from its children, once the leaves are evaluated. */
export type Shape = { readonly leaf: number } | { readonly all: readonly Shape[] } | { readonly any: readonly Shape[] } | { readonly not: Shape };

/** A rule's condition tree, parsed by json-rules-engine: its leaves in tree order and its shape. */
export class CompiledConditions {
  readonly leaves: readonly ParsedCondition[];
  readonly independent: readonly boolean[];
  readonly shape: Shape;

  /**
   * @param root The parsed tree.
   */
  constructor(root: ParsedCondition) {
    const leaves: ParsedCondition[] = [];
    const independent: boolean[] = [];
    const flatten = (node: ParsedCondition, independentLeaf: boolean): Shape => {
      if (node.all !== undefined) return { all: node.all.map((child) => flatten(child, false)) };
      if (node.any !== undefined) return { any: node.any.map((child) => flatten(child, false)) };
      if (node.not !== undefined) return { not: flatten(node.not, false) };
      leaves.push(node);
      independent.push(independentLeaf);
      return { leaf: leaves.length - 1 };
    };
    // Leaves directly under a top-level `all` are independent requirements; nested ones are not.
    this.shape = root.all !== undefined ? { all: root.all.map((child) => flatten(child, child.fact !== undefined)) } : flatten(root, false);
    this.leaves = leaves;
    this.independent = independent;
  }
}

function isMissing(value: unknown): boolean {
  return isUnavailable(value) && value.reason === 'missing';
}

function resultOf(shape: Shape, leaves: readonly ConditionTrace[]): boolean {
  if ('leaf' in shape) return leaves[shape.leaf]!.result;
  if ('all' in shape) return shape.all.every((child) => resultOf(child, leaves));
  if ('any' in shape) return shape.any.some((child) => resultOf(child, leaves));
  return !resultOf(shape.not, leaves);
}

/** The facts and operators of a rule set, registered with json-rules-engine once. */
export class RuleEngine {
  private readonly engine: Engine;
  private readonly facts = new Map<string, FactDefinition>();

  /**
   * @param facts The fact registry.
   * @param operators The operator registry.
   */
  constructor(facts: Iterable<FactDefinition>, operators: Iterable<OperatorDefinition>) {
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePointer });
    for (const operator of REMOVED_OPERATORS) this.engine.removeOperator(operator);
    for (const operator of operators) {
      this.engine.addOperator(operator.name, (factValue: unknown, ruleValue: unknown) => operator.check(factValue, ruleValue) === true);
    }
    for (const fact of facts) this.facts.set(fact.name, fact);
  }

  /**
   * Parses a condition tree into json-rules-engine conditions.
   * @param name The rule id.
   * @param conditions The tree (already validated).
   */
  compile(name: string, conditions: TopLevelCondition): CompiledConditions {
    const rule = new Rule({ name, conditions: conditions as never, event: { type: name } });
    return new CompiledConditions((rule as unknown as { conditions: ParsedCondition }).conditions);
  }

  /**
   * Starts evaluating one document.
   * @param context The document.
   */
  session(context: DocumentContext): EvaluationSession {
    return new EvaluationSession((this.engine as unknown as { operators: ReadonlyMap<string, EngineOperator> }).operators, this.facts, context);
  }
}

/** json-rules-engine's operator, as far as this module calls it. */
interface EngineOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

/** A `{fact, params, path}` reference on the value side of a comparison. */
interface FactReference {
  readonly fact: string;
  readonly params?: Record<string, unknown>;
  readonly path?: string;
}

function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
}

/** Evaluation of condition trees against one document, one scope item at a time. */
export class EvaluationSession {
  private scope: FactScope;
  private readonly scopes = new WeakMap<ScopeBinding, FactScope>();

  /**
   * @param operators json-rules-engine's operator map (our operators registered in it).
   * @param facts Our facts by name.
   * @param context The document.
   */
  constructor(
    private readonly operators: ReadonlyMap<string, EngineOperator>,
    private readonly facts: ReadonlyMap<string, FactDefinition>,
    private readonly context: DocumentContext,
  ) {
    this.scope = { context, binding: { pointer: '' } };
  }

  /** A fact's value for the current scope item, as `Almanac.factValue` computes it. */
  private factValue(name: string, params: Record<string, unknown> | undefined, path: string | undefined): unknown {
    const fact = this.facts.get(name);
    // Rule sets are validated on load: an unknown fact cannot reach here.
    if (fact === undefined) throw new Error(`Undefined fact: ${name}`);
    const value = fact.calculate(params ?? {}, this.scope);
    return path && value !== null && typeof value === 'object' ? resolvePointer(value, path) : value;
  }

  /**
   * Evaluates a condition tree for one scope item.
   * @param conditions The tree.
   * @param binding The scope item.
   */
  evaluate(conditions: CompiledConditions, binding: ScopeBinding): ConditionsVerdict {
    // Rules sharing a scope share its bindings: one FactScope per binding serves them all.
    let scope = this.scopes.get(binding);
    if (scope === undefined) {
      scope = { context: this.context, binding };
      this.scopes.set(binding, scope);
    }
    this.scope = scope;
    // Every comparison is evaluated (as json-rules-engine does within a priority set), so the
    // report can name each failed requirement; the tree's result is then computed from them.
    const leaves: ConditionTrace[] = [];
    const { leaves: parsed } = conditions;
    for (let index = 0; index < parsed.length; index++) {
      const leaf = parsed[index]!;
      const value = leaf.value;
      const valueResult = isFactReference(value) ? this.factValue(value.fact, value.params, value.path) : value;
      const factResult = this.factValue(leaf.fact!, leaf.params, leaf.path);
      leaves.push(this.trace(conditions, index, factResult, valueResult, this.operators.get(leaf.operator!)!.evaluate(factResult, valueResult)));
    }
    return { passed: resultOf(conditions.shape, leaves), shape: conditions.shape, leaves };
  }

  /**
   * The same evaluation done by json-rules-engine itself: `Condition.evaluate` through an
   * Almanac. Slower (a chain of promises per comparison); kept as the reference the fast path
   * is tested against.
   * @param conditions The tree.
   * @param binding The scope item.
   */
  async evaluateWithAlmanac(conditions: CompiledConditions, binding: ScopeBinding): Promise<ConditionsVerdict> {
    const almanac = new ScopedAlmanac({ context: this.context, binding });
    // Our facts, registered with json-rules-engine only here (the reference path), uncached as the fast path.
    for (const fact of this.facts.values()) {
      almanac.addFact(fact.name, (params) => fact.calculate(params as Record<string, unknown>, almanac.scope), { cache: false });
    }
    const evaluations = await Promise.all(conditions.leaves.map((leaf) => leaf.evaluate(almanac, this.operators)));
    const leaves = evaluations.map((evaluation, index) => this.trace(conditions, index, evaluation.leftHandSideValue, evaluation.rightHandSideValue, evaluation.result));
    return { passed: resultOf(conditions.shape, leaves), shape: conditions.shape, leaves };
  }

  private trace(conditions: CompiledConditions, index: number, factResult: unknown, valueResult: unknown, result: boolean): ConditionTrace {
    const leaf = conditions.leaves[index]!;
    const independent = conditions.independent[index]!;
    // A comparison the rule lets go when its data is missing holds, and is marked so (the loader
    // allows ifMissing only on independent comparisons, where holding cannot invert a result).
    const skipped = leaf.ifMissing === 'skip' && independent && (isMissing(factResult) || isMissing(valueResult));
    return {
      fact: leaf.fact ?? '',
      operator: leaf.operator ?? '',
      params: leaf.params,
      factResult,
      valueResult,
      result: result || skipped,
      independent,
      ...(skipped ? { skipped: true as const } : {}),
    };
  }
}
