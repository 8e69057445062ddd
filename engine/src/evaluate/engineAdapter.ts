/**
 * The only module that imports json-rules-engine. Each rule's conditions become one
 * json-rules-engine Rule in its own Engine, built once when the rule set loads; each evaluation
 * passes the document and the current scope item through a per-run Almanac. Facts are not
 * cached by the almanac (the document context memoises what is costly), and the engine's own
 * numeric operators are removed: ours compare decimals exactly.
 */
import { Almanac, Engine, Rule, type RuleResult } from 'json-rules-engine';
import { resolvePointer } from '../document/pointer.js';
import { type FactDefinition, type FactScope } from '../facts/types.js';
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
  /** Name of the fact on the value side, if it was a reference. */
  readonly valueFact?: string;
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

/** An almanac that carries the document and scope item to our facts. */
class ScopedAlmanac extends Almanac {
  constructor(readonly scope: FactScope) {
    super({ allowUndefinedFacts: false, pathResolver: resolvePointer });
  }
}

interface RawCondition {
  all?: RawCondition[];
  any?: RawCondition[];
  not?: RawCondition;
  fact?: string;
  operator?: string;
  params?: Record<string, unknown>;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

function collectLeaves(condition: RawCondition | undefined, leaves: ConditionTrace[], independent: boolean): void {
  if (condition === undefined) return;
  for (const child of condition.all ?? []) collectLeaves(child, leaves, independent);
  for (const child of condition.any ?? []) collectLeaves(child, leaves, false);
  if (condition.not !== undefined) collectLeaves(condition.not, leaves, false);
  if (condition.fact === undefined || condition.result === undefined) return;
  const value = condition.value as { fact?: unknown } | undefined;
  leaves.push({
    fact: condition.fact,
    operator: condition.operator ?? '',
    params: condition.params,
    factResult: condition.factResult,
    valueResult: condition.valueResult,
    result: condition.result,
    valueFact: value !== null && typeof value === 'object' && typeof value.fact === 'string' ? value.fact : undefined,
    independent,
  });
}

/** A condition tree compiled into a json-rules-engine Engine, evaluated once per scope item. */
export class CompiledConditions {
  private readonly engine: Engine;

  /**
   * @param name A name for the engine rule (the rule id).
   * @param conditions The condition tree (already validated).
   * @param facts The fact registry.
   * @param operators The operator registry.
   */
  constructor(
    name: string,
    conditions: TopLevelCondition,
    facts: Iterable<FactDefinition>,
    operators: Iterable<OperatorDefinition>,
  ) {
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
    this.engine.addRule(new Rule({ name, conditions: conditions as never, event: { type: name } }));
  }

  /**
   * Evaluates the conditions for one scope item.
   * @param scope The document context and the scope item.
   */
  async evaluate(scope: FactScope): Promise<ConditionsVerdict> {
    const { results, failureResults } = await this.engine.run({}, { almanac: new ScopedAlmanac(scope) });
    const ruleResult: RuleResult | undefined = results[0] ?? failureResults[0];
    const leaves: ConditionTrace[] = [];
    const top = ruleResult?.conditions as RawCondition | undefined;
    // Leaves of a top-level `all` are independent requirements; nested combinations are not.
    if (top?.all !== undefined) for (const child of top.all) collectLeaves(child, leaves, child.fact !== undefined);
    else collectLeaves(top, leaves, false);
    return { passed: ruleResult?.result === true, leaves };
  }
}
