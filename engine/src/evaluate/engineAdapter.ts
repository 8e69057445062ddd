/**
 * The only module that imports json-rules-engine. Rule conditions are json-rules-engine
 * conditions: they are parsed into its Condition objects when the rule set loads, and every
 * comparison is evaluated by json-rules-engine (fact lookup and `path` resolution through its
 * Almanac, fact references on the value side, operators through its OperatorMap).
 *
 * What is not used is its per-run machinery: `Engine.run` builds a new Almanac, deep-clones the
 * rule's condition tree into a RuleResult and emits events on every run, which made a rule
 * applied to 270 scope items cost four times the checks themselves. Here one Almanac serves a
 * whole document (facts are never cached in it; the document context memoises what is costly),
 * the scope item is swapped in before each evaluation, and the all / any / not structure is
 * walked directly, recording each comparison for the report. The engine's own numeric operators
 * are removed: ours compare decimals exactly.
 */
import { Almanac, Engine, Rule } from 'json-rules-engine';
import { type DocumentContext } from '../document/context.js';
import { resolvePointer } from '../document/pointer.js';
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
}

/** The outcome of evaluating one condition tree for one scope item. */
export interface ConditionsVerdict {
  /** Whether the tree held. */
  readonly passed: boolean;
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
  evaluate(almanac: Almanac, operators: unknown): Promise<{ result: boolean; leftHandSideValue: unknown; rightHandSideValue: unknown }>;
}

/** An almanac that carries the document and the current scope item to our facts. */
class ScopedAlmanac extends Almanac {
  scope: FactScope;

  constructor(context: DocumentContext) {
    super({ allowUndefinedFacts: false, pathResolver: resolvePointer });
    this.scope = { context, binding: { pointer: '' } };
  }
}

/** How a node's result is computed from its children, once the leaves are evaluated. */
type Shape = { readonly leaf: number } | { readonly all: readonly Shape[] } | { readonly any: readonly Shape[] } | { readonly not: Shape };

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

function resultOf(shape: Shape, leaves: readonly ConditionTrace[]): boolean {
  if ('leaf' in shape) return leaves[shape.leaf]!.result;
  if ('all' in shape) return shape.all.every((child) => resultOf(child, leaves));
  if ('any' in shape) return shape.any.some((child) => resultOf(child, leaves));
  return !resultOf(shape.not, leaves);
}

/** The facts and operators of a rule set, registered with json-rules-engine once. */
export class RuleEngine {
  private readonly engine: Engine;

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
    for (const fact of facts) {
      this.engine.addFact(fact.name, (params, almanac) => fact.calculate((params ?? {}) as Record<string, unknown>, (almanac as ScopedAlmanac).scope), {
        cache: false,
      });
    }
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
   * Starts evaluating one document: one almanac for all its rules and scope items.
   * @param context The document.
   */
  session(context: DocumentContext): EvaluationSession {
    const almanac = new ScopedAlmanac(context);
    for (const fact of (this.engine as unknown as { facts: Map<string, unknown> }).facts.values()) almanac.addFact(fact as never);
    return new EvaluationSession(almanac, (this.engine as unknown as { operators: unknown }).operators);
  }
}

/** Evaluation of condition trees against one document, one scope item at a time. */
export class EvaluationSession {
  /**
   * @param almanac The document's almanac.
   * @param operators json-rules-engine's operator map.
   */
  constructor(
    private readonly almanac: ScopedAlmanac,
    private readonly operators: unknown,
  ) {}

  /**
   * Evaluates a condition tree for one scope item. Calls must not overlap (the scope item is
   * held by the almanac): await each before the next.
   * @param conditions The tree.
   * @param binding The scope item.
   */
  async evaluate(conditions: CompiledConditions, binding: ScopeBinding): Promise<ConditionsVerdict> {
    this.almanac.scope = { context: this.almanac.scope.context, binding };
    // Every comparison is evaluated (as json-rules-engine does within a priority set), so the
    // report can name each failed requirement; the tree's result is then computed from them.
    const { leaves: parsed } = conditions;
    const evaluations =
      parsed.length === 1
        ? [await parsed[0]!.evaluate(this.almanac, this.operators)]
        : await Promise.all(parsed.map((leaf) => leaf.evaluate(this.almanac, this.operators)));
    const leaves: ConditionTrace[] = [];
    for (let index = 0; index < evaluations.length; index++) {
      const leaf = parsed[index]!;
      const evaluation = evaluations[index]!;
      leaves.push({
        fact: leaf.fact ?? '',
        operator: leaf.operator ?? '',
        params: leaf.params,
        factResult: evaluation.leftHandSideValue,
        valueResult: evaluation.rightHandSideValue,
        result: evaluation.result,
        independent: conditions.independent[index]!,
      });
    }
    return { passed: resultOf(conditions.shape, leaves), leaves };
  }
}
