/**
 * Loading a rule set: validate first, compile after. A rule set with any problem is refused as a
 * whole, each problem naming its file, its JSON Pointer and what to do (schema errors, unknown
 * facts or operators, operators that cannot compare a fact's values, unknown table roles, facts
 * used outside the scope they need, unknown message placeholders, duplicate ids).
 */
import { TABLE_ROLES } from '../document/model.js';
import { escapeToken } from '../document/pointer.js';
import { createFactRegistry } from '../facts/index.js';
import { type FactDefinition } from '../facts/types.js';
import { createOperatorRegistry } from '../operators/index.js';
import { type OperatorDefinition } from '../operators/types.js';
import { type Language } from '../report/messages/index.js';
import { validateAgainst } from '../schema/validate.js';
import { type CompiledRule, type CompiledRuleSet, compileRule, createEngine } from './compile.js';
import { type LocalizedText, type RuleDefinition } from './types.js';
import { MAX_RULE_SET_DEPTH, tooDeep } from '../document/limits.js';

/** One problem in a rule set: file, place, and what is wrong. */
export interface RuleSetProblem {
  /** The file it is in, when known. */
  readonly file?: string;
  /** JSON Pointer within that file. */
  readonly pointer: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Success with a value, or failure with at least one problem. */
export type LoadResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly [RuleSetProblem, ...RuleSetProblem[]] };

/** A JSON value and the file it came from. */
export interface RuleSource {
  /** File name, for messages. */
  readonly file?: string;
  /** The parsed JSON. */
  readonly value: unknown;
}

/** Options for loading. */
export interface LoadOptions {
  /** The manifest's file name. */
  readonly file?: string;
  /** Rules kept in files of their own (e.g. rules/<pack>/**\/*.rule.json). */
  readonly ruleFiles?: readonly RuleSource[];
  /** Message language. */
  readonly language?: Language;
  /** Facts to offer (built-ins by default). */
  readonly facts?: readonly FactDefinition[];
  /** Operators to offer (built-ins by default). */
  readonly operators?: readonly OperatorDefinition[];
}

/** Message params every finding may use; operators add their own (`placeholders`). */
const PLACEHOLDERS: readonly string[] = ['text', 'indicator', 'level1', 'level2', 'value', 'tableRole', 'actual', 'expected', 'difference', 'table', 'row', 'column', 'code', 'figure', 'subject', 'key', 'of', 'project', 'reason', 'title', 'ruleId', 'department'];
const SCOPE_PROVIDES: Readonly<Record<string, readonly string[]>> = {
  table: ['table'],
  row: ['table', 'row'],
  column: ['table', 'column'],
  cell: ['table', 'row', 'column'],
};

interface Located {
  readonly file?: string;
  readonly pointer: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function say(language: Language, zh: string, en: string): string {
  return language === 'zh-CN' ? zh : en;
}

class RuleChecker {
  readonly problems: RuleSetProblem[] = [];
  private readonly placeholders: ReadonlySet<string>;

  constructor(
    private readonly facts: ReadonlyMap<string, FactDefinition>,
    private readonly operators: ReadonlyMap<string, OperatorDefinition>,
    private readonly language: Language,
  ) {
    this.placeholders = new Set([...PLACEHOLDERS, ...[...operators.values()].flatMap((operator) => operator.placeholders ?? [])]);
  }

  private report(at: Located, pointer: string, message: string): void {
    this.problems.push({ file: at.file, pointer: `${at.pointer}${pointer}`, message });
  }

  checkRule(rule: Record<string, unknown>, at: Located): void {
    const scope = isRecord(rule.scope) ? rule.scope : undefined;
    const each = typeof scope?.each === 'string' ? scope.each : undefined;
    if (scope !== undefined && Array.isArray(scope.tables)) {
      scope.tables.forEach((role, index) => { this.checkRole(role, at, `/scope/tables/${index}`); });
    }
    for (const part of ['when', 'conditions'] as const) {
      if (isRecord(rule[part])) this.checkCondition(rule[part], at, `/${part}`, each, part === 'conditions');
    }
    for (const part of ['message', 'title', 'description'] as const) this.checkPlaceholders(rule[part], at, `/${part}`);
  }

  private checkRole(role: unknown, at: Located, pointer: string): void {
    if (typeof role === 'string' && !(TABLE_ROLES as readonly string[]).includes(role)) {
      this.report(
        at,
        pointer,
        say(this.language, `未知的报表角色“${role}”：可用的有 ${TABLE_ROLES.join('、')}`, `unknown table role "${role}"; known roles: ${TABLE_ROLES.join(', ')}`),
      );
    }
  }

  private checkPlaceholders(text: unknown, at: Located, pointer: string): void {
    const variants: [string, unknown][] = isRecord(text) ? Object.entries(text) : [['', text]];
    for (const [language, value] of variants) {
      if (typeof value !== 'string') continue;
      for (const [, name] of value.matchAll(/\{([A-Z]+)\}/gi)) {
        if (this.placeholders.has(name!)) continue;
        this.report(
          at,
          language === '' ? pointer : `${pointer}/${escapeToken(language)}`,
          say(this.language, `未知的占位符 {${name}}：可用的有 ${[...this.placeholders].map((p) => `{${p}}`).join(' ')}`, `unknown placeholder {${name}}; known: ${[...this.placeholders].map((p) => `{${p}}`).join(' ')}`),
        );
      }
    }
  }

  /**
   * Checks a condition tree's facts, operators and values.
   * @param top Whether the condition is a rule's `conditions` (the comparisons directly under its
   * `all` may be skipped when their data is not printed: `ifMissing: "skip"`).
   */
  private checkCondition(condition: Record<string, unknown>, at: Located, pointer: string, each: string | undefined, top = false, skippable = false): void {
    for (const combinator of ['all', 'any'] as const) {
      const children = condition[combinator];
      if (Array.isArray(children)) {
        children.forEach((child, index) => {
          if (isRecord(child)) this.checkCondition(child, at, `${pointer}/${combinator}/${index}`, each, false, top && combinator === 'all');
        });
      }
    }
    if (isRecord(condition.not)) this.checkCondition(condition.not, at, `${pointer}/not`, each);
    if (condition.ifMissing !== undefined && !(skippable && 'fact' in condition)) {
      this.report(
        at,
        `${pointer}/ifMissing`,
        say(
          this.language,
          'ifMissing 只能写在规则 conditions 的顶层 all 之下的比较上（它让这一项比较在数据未印出时被跳过）：请把它移到这样的比较上，或删去',
          'ifMissing belongs on a comparison directly under the top-level all of the rule’s conditions (it skips that comparison when its data is not printed): move it there or remove it',
        ),
      );
    }
    if (!('fact' in condition)) return;
    const fact = this.checkFact(condition, at, pointer, each);
    const operatorName = condition.operator;
    const operator = typeof operatorName === 'string' ? this.operators.get(operatorName) : undefined;
    if (operatorName === undefined) {
      this.report(
        at,
        pointer,
        say(this.language, `比较条件缺少 operator：请写明运算符，可用的有 ${[...this.operators.keys()].join('、')}`, `the comparison has no operator; known operators: ${[...this.operators.keys()].join(', ')}`),
      );
    } else if (typeof operatorName !== 'string' || operator === undefined) {
      this.report(
        at,
        `${pointer}/operator`,
        say(
          this.language,
          `未知的运算符“${typeof operatorName === 'string' ? operatorName : JSON.stringify(operatorName)}”：可用的有 ${[...this.operators.keys()].join('、')}`,
          `unknown operator "${typeof operatorName === 'string' ? operatorName : JSON.stringify(operatorName)}"; known operators: ${[...this.operators.keys()].join(', ')}`,
        ),
      );
    } else if (fact !== undefined && condition.path === undefined && !operator.accepts.includes(fact.returns)) {
      const suggestion = fact.returns === 'quantity' ? 'decimalEqual / roundedEqual' : 'equal';
      this.report(
        at,
        `${pointer}/operator`,
        say(
          this.language,
          `运算符 ${operator.name} 不能用于事实 ${fact.name} 的值（${fact.returns}）：请改用 ${suggestion}`,
          `operator ${operator.name} cannot compare values of fact ${fact.name} (${fact.returns}); use ${suggestion}`,
        ),
      );
    }
    if (isRecord(condition.value) && 'fact' in condition.value) this.checkFact(condition.value, at, `${pointer}/value`, each);
    else if (operator?.validateValue !== undefined) {
      const problem = operator.validateValue(condition.value);
      if (problem !== undefined) this.report(at, `${pointer}/value`, problem);
    }
  }

  private checkFact(reference: Record<string, unknown>, at: Located, pointer: string, each: string | undefined): FactDefinition | undefined {
    const name = reference.fact;
    const fact = typeof name === 'string' ? this.facts.get(name) : undefined;
    if (fact === undefined) {
      this.report(
        at,
        `${pointer}/fact`,
        say(this.language, `未知的事实“${String(name)}”：可用的有 ${[...this.facts.keys()].join('、')}`, `unknown fact "${String(name)}"; known facts: ${[...this.facts.keys()].join(', ')}`),
      );
      return undefined;
    }
    const params = isRecord(reference.params) ? reference.params : {};
    if (params.table !== undefined) this.checkRole(params.table, at, `${pointer}/params/table`);
    const problem = fact.validateParams?.(params);
    if (problem !== undefined) this.report(at, `${pointer}/params`, problem);
    const provided = each === undefined ? [] : (SCOPE_PROVIDES[each] ?? []);
    const uncovered = (fact.scoped ?? []).filter((param) => params[param] === undefined && !provided.includes(param));
    if (uncovered.length > 0) {
      this.report(
        at,
        `${pointer}/params`,
        say(
          this.language,
          `事实 ${fact.name} 缺少参数 ${uncovered.join('、')}：请在 params 中写明，或用提供它们的作用域（scope.each）`,
          `fact ${fact.name} needs ${uncovered.join(', ')}: give them in params, or use a scope that provides them`,
        ),
      );
    }
    if (fact.requiresScope !== undefined && (each === undefined || !fact.requiresScope.includes(each))) {
      this.report(
        at,
        `${pointer}/fact`,
        say(
          this.language,
          `事实 ${fact.name} 只能在作用域 ${fact.requiresScope.join(' 或 ')} 中使用：请设置 "scope": {"each": "${fact.requiresScope[0]}"}`,
          `fact ${fact.name} only works in scope ${fact.requiresScope.join(' or ')}: set "scope": {"each": "${fact.requiresScope[0]}"}`,
        ),
      );
    }
    return fact;
  }
}

function isCovered(problem: RuleSetProblem, precise: readonly RuleSetProblem[]): boolean {
  return precise.some((other) => other.file === problem.file && other.pointer.startsWith(problem.pointer) && other !== problem);
}

/**
 * Validates and compiles a rule set. Never throws for a bad rule set: problems come back as
 * `{ok: false, errors}`.
 * @param manifest The rule-set JSON (manifest, possibly with inline rules).
 * @param options Rule files, file names, language.
 */
export function loadRuleSet(manifest: unknown, options: LoadOptions = {}): LoadResult<CompiledRuleSet> {
  const language = options.language ?? 'zh-CN';
  // Nesting past the limit is refused before anything walks it (validation recurses).
  const deep = [{ value: manifest, file: options.file }, ...(options.ruleFiles ?? []).map((source) => ({ value: source.value, file: source.file }))].flatMap(({ value, file }) => {
    const pointer = tooDeep(value, MAX_RULE_SET_DEPTH);
    return pointer === undefined ? [] : [{ file, pointer, message: say(language, `规则嵌套超过 ${MAX_RULE_SET_DEPTH} 层：请把条件用 all / any 平铺，不要层层嵌套`, `nested deeper than ${MAX_RULE_SET_DEPTH} levels: flatten the conditions with all / any`) }];
  });
  const [deepest, ...alsoDeep] = deep;
  if (deepest !== undefined) return { ok: false, errors: [deepest, ...alsoDeep] };
  const facts = createFactRegistry(options.facts);
  const operators = createOperatorRegistry(options.operators);
  const schemaProblems: RuleSetProblem[] = validateAgainst('ruleSet', manifest, language).map((problem) => ({
    file: options.file,
    pointer: problem.pointer,
    message: problem.message,
  }));
  const sources: { rule: unknown; at: Located }[] = [];
  if (isRecord(manifest) && Array.isArray(manifest.rules)) {
    manifest.rules.forEach((rule, index) => sources.push({ rule, at: { file: options.file, pointer: `/rules/${index}` } }));
  }
  for (const source of options.ruleFiles ?? []) {
    for (const problem of validateAgainst('rule', source.value, language)) {
      schemaProblems.push({ file: source.file, pointer: problem.pointer, message: problem.message });
    }
    sources.push({ rule: source.value, at: { file: source.file, pointer: '' } });
  }

  const checker = new RuleChecker(facts, operators, language);
  const seen = new Map<string, Located>();
  for (const { rule, at } of sources) {
    if (!isRecord(rule)) continue;
    checker.checkRule(rule, at);
    if (typeof rule.id !== 'string') continue;
    const first = seen.get(rule.id);
    if (first !== undefined) {
      const where = `${first.file ?? ''}${first.pointer ? `#${first.pointer}` : ''}`;
      checker.problems.push({
        file: at.file,
        pointer: `${at.pointer}/id`,
        message: say(language, `规则 id“${rule.id}”重复（已在 ${where} 定义）：每条规则的 id 必须唯一`, `duplicate rule id "${rule.id}" (first defined at ${where}); ids must be unique`),
      });
    } else {
      seen.set(rule.id, at);
    }
  }

  const precise = checker.problems;
  const problems = [...schemaProblems.filter((problem) => !isCovered(problem, precise)), ...precise];
  const [first, ...rest] = problems;
  if (first !== undefined) return { ok: false, errors: [first, ...rest] };

  const set = manifest as { id: string; version: string; title: LocalizedText };
  const engine = createEngine(facts, operators);
  const rules: CompiledRule[] = sources.map(({ rule, at }) => compileRule(rule as RuleDefinition, at, engine, operators));
  return { ok: true, value: { id: set.id, version: set.version, title: set.title, rules, operators, facts, engine } };
}
