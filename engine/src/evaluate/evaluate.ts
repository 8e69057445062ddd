/**
 * Evaluation: check the document's shape, then apply every rule to every item of its scope and
 * turn each failure into a finding at its own place. A rule that touched missing data is not
 * applicable; one that touched invalid data, or could not be compared, gets an `error` outcome
 * and a finding that says why. Nothing in a document can make this throw.
 */
import { DocumentContext } from '../document/context.js';
import { parsePointer, pointerOf } from '../document/pointer.js';
import { isUnavailable } from '../document/unavailable.js';
import { formatDifference, formatQuantity, isQuantity } from '../money/quantity.js';
import { comparable } from '../operators/comparable.js';
import { type OperatorDefinition } from '../operators/types.js';
import { type MessageParams, compareFindings, createFinding } from '../report/createFinding.js';
import { type Language } from '../report/messages/index.js';
import { groupFindings } from '../report/groups.js';
import { type Finding, type Report, type RuleOutcome, type RuleStatus } from '../report/types.js';
import { type CompiledRule, type CompiledRuleSet } from '../rules/compile.js';
import { checkDocumentShape } from './documentShape.js';
import { type ConditionTrace, type ConditionsVerdict, type Shape } from './engineAdapter.js';
import { matchLineOf, sourceLineOf } from './sourceLine.js';
import { type ScopeItem, excerptAround, scopeItems } from './scope.js';
import { MAX_DOCUMENT_DEPTH, MAX_TABLE_ROWS, preview, tooDeep, tooManyRows } from '../document/limits.js';

/** The rule id of findings about text the importer could not read. */
export const IMPORT_RULE = 'import';
const IMPORT_TITLE = { 'zh-CN': '导入时未能识别的内容', en: 'Text the importer could not read' };

/** Options for one evaluation. */
export interface EvaluateOptions {
  /** Message language (zh-CN by default). */
  readonly language?: Language;
  /** Only rules with these ids or tags. */
  readonly only?: readonly string[];
  /** Skip rules with these ids or tags. */
  readonly skip?: readonly string[];
  /** The document's file name, for the report. */
  readonly file?: string;
  /** What the importer could not read (text input): reported as warnings at their lines. */
  readonly importProblems?: readonly { readonly line: number; readonly code: string; readonly message: string }[];
  /** For PDF input: each line's page and box, added to the findings' `source`. */
  readonly sourcePlaces?: ReadonlyMap<number, { readonly page?: number; readonly box?: readonly [number, number, number, number] }>;
  /**
   * Wall-clock budget of the check in milliseconds (default 10,000): past it the check stops, the
   * rules not run have the outcome `error` and one finding says where it stopped. 0: no budget.
   */
  readonly timeBudgetMs?: number;
  /**
   * Called with each rule's id as the rule starts. A check stopped from outside (a playground's
   * worker terminated by its page) can then say which rule it was in.
   */
  readonly onRule?: (ruleId: string) => void;
}

/** The default time budget of one check. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;
/** The check yields to the event loop at least this often (ms), so a server stays responsive. */
const YIELD_EVERY_MS = 20;
export const LIMITS_RULE = 'limits';
const LIMITS_TITLE = { 'zh-CN': '超出检查限制', en: 'Check limit exceeded' };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** When the engine last let other work run: shared by all checks, so many small ones yield too. */
let lastYield = now();
/** Checks waiting for their turn to go on, first come first served. */
const waiting: (() => void)[] = [];
let pumping = false;
/** Runs a callback in a later macrotask (setImmediate in Node, setTimeout in browsers). */
const later = (callback: () => void): void => {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate !== undefined) immediate(callback);
  else setTimeout(callback, 0);
};
/** Lets one waiting check go on per macrotask: between two, timers and I/O get their turn. */
const pump = (): void => {
  waiting.shift()?.();
  if (waiting.length > 0) later(pump);
  else pumping = false;
};
/** Lets other work run: many checks started together go on one at a time, a macrotask apart. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      later(pump);
    }
  });

/** Adds the page and box of each finding's line (PDF input). */
function placed(findings: readonly Finding[], places: EvaluateOptions['sourcePlaces']): Finding[] {
  if (places === undefined) return [...findings];
  return findings.map((finding) => {
    const place = finding.source === undefined ? undefined : places.get(finding.source.line);
    if (place === undefined) return finding;
    return { ...finding, source: { line: finding.source!.line, ...(place.page !== undefined ? { page: place.page } : {}), ...(place.box !== undefined ? { box: place.box } : {}) } };
  });
}

/** A pass without anything to report (shared: prefiltered items all pass alike). */
const PASSED: ItemResult = { status: 'pass' };

/** An item the rule's `when` does not hold for (shared). */
const WHEN_NOT_HOLDING: ItemResult = { status: 'not_applicable', reason: '适用条件不成立' };

function selected(rule: CompiledRule, only: readonly string[] | undefined, skip: readonly string[] | undefined): boolean {
  const names = [rule.definition.id, ...(rule.definition.tags ?? [])];
  if (only !== undefined && only.length > 0 && !names.some((name) => only.includes(name))) return false;
  if (skip !== undefined && names.some((name) => skip.includes(name))) return false;
  return true;
}

function formatValue(value: unknown, language: Language): string | undefined {
  if (isQuantity(value)) return formatQuantity(value);
  if (isUnavailable(value)) return value.message;
  if (typeof value === 'boolean') return language === 'zh-CN' ? (value ? '是' : '否') : String(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value === undefined || value === null) return undefined;
  return preview(value, 200);
}

interface ItemResult {
  readonly status: RuleStatus;
  readonly reason?: string;
  readonly reasonPointer?: string;
  /** The comparisons that explain a failure: each failed independent requirement, else the first failed one. */
  readonly failed?: readonly (ConditionTrace | undefined)[];
}

/**
 * A comparison's result when its data may be missing: held, failed, unknown (its data is missing),
 * or absent (it needs a column the table does not print at all: another layout of the table).
 */
type Truth = 'held' | 'failed' | 'unknown' | 'absent';

/**
 * A tree's result from its comparisons' (Kleene's three-valued logic): an `any` holds when one of
 * its branches holds, whatever the others lack; an `all` fails when one of its branches fails.
 * A branch of `any` written for another layout of the table (absent) is left out, so the branches
 * for the table's own layout decide; an `all` or `not` over such a branch is absent itself (every
 * part of an `all` needs its data).
 */
function truthOf(shape: Shape, leaves: readonly Truth[]): Truth {
  if ('leaf' in shape) return leaves[shape.leaf]!;
  if ('not' in shape) {
    const inner = truthOf(shape.not, leaves);
    return inner === 'unknown' || inner === 'absent' ? inner : inner === 'held' ? 'failed' : 'held';
  }
  if ('all' in shape) {
    const children = shape.all.map((child) => truthOf(child, leaves));
    if (children.includes('absent')) return children.includes('unknown') ? 'unknown' : 'absent';
    return children.includes('failed') ? 'failed' : children.includes('unknown') ? 'unknown' : 'held';
  }
  const children = shape.any.map((child) => truthOf(child, leaves)).filter((truth) => truth !== 'absent');
  if (children.length === 0) return 'absent';
  return children.includes('held') ? 'held' : children.includes('unknown') ? 'unknown' : 'failed';
}

/**
 * Classifies one evaluated item. Unusable data (a wrong type) is an error. Missing data makes the
 * item not applicable, unless the tree holds without it (one branch of an `any` holds on data
 * that is there): a requirement is never failed for want of data.
 */
function classify(verdict: ConditionsVerdict, operators: ReadonlyMap<string, OperatorDefinition>): ItemResult {
  let missingReason: ItemResult | undefined;
  let checked = 0;
  const truths: Truth[] = [];
  for (const leaf of verdict.leaves) {
    truths.push(leaf.result ? 'held' : 'failed');
    if (leaf.skipped === true) continue;
    checked += 1;
    const unusable = isUnavailable(leaf.factResult) ? leaf.factResult : isUnavailable(leaf.valueResult) ? leaf.valueResult : undefined;
    const problem = unusable ?? (leaf.result ? undefined : operators.get(leaf.operator)?.check(leaf.factResult, leaf.valueResult));
    if (!isUnavailable(problem)) continue;
    if (problem.reason === 'invalid') return { status: 'error', reason: problem.message, reasonPointer: problem.pointer };
    truths[truths.length - 1] = problem.notInLayout === true ? 'absent' : 'unknown';
    missingReason ??= { status: 'not_applicable', reason: problem.message };
  }
  if (missingReason !== undefined) {
    const truth = truthOf(verdict.shape, truths);
    if (truth === 'held') return { status: 'pass' };
    // Failed on the branches written for this table's layout, the others left out (missing data
    // anywhere still never makes a failure).
    if (truth === 'failed' && !truths.includes('unknown')) return failure(verdict.leaves.filter((_, index) => truths[index] === 'failed'));
    return missingReason;
  }
  // Every comparison skipped for want of its data: nothing was checked.
  if (checked === 0 && verdict.leaves.length > 0) return { status: 'not_applicable', reason: skippedReason(verdict.leaves[0]!) };
  if (verdict.passed) return { status: 'pass' };
  return failure(verdict.leaves.filter((leaf) => !leaf.result));
}

/** A failure explained by its failed comparisons: each independent requirement, else the first. */
function failure(failed: readonly ConditionTrace[]): ItemResult {
  const independent = failed.filter((leaf) => leaf.independent);
  return { status: 'fail', failed: independent.length > 0 ? independent : [failed[0]] };
}

/** Why a skipped comparison was skipped: the missing data's own message. */
function skippedReason(leaf: ConditionTrace): string {
  const missingData = isUnavailable(leaf.factResult) ? leaf.factResult : leaf.valueResult;
  return isUnavailable(missingData) ? missingData.message : '适用条件不成立';
}

/** Labels a failed comparison adds when the scope says nothing: the table it named. */
function leafLabels(failed: ConditionTrace | undefined, context: DocumentContext): Record<string, string> {
  const role = failed?.params?.table;
  if (typeof role !== 'string') return {};
  // A rule over the whole document names the table (and the row) its failed condition read.
  const table = context.table(role);
  if (isUnavailable(table)) return { tableRole: role };
  const actual = failed?.factResult;
  const [root, tableRole, rows, index] = isQuantity(actual) && actual.pointer !== undefined ? parsePointer(actual.pointer) : [];
  const row = root === 'tables' && tableRole === role && rows === 'rows' ? table.rowAt.get(Number(index)) : undefined;
  return { tableRole: role, table: table.name, ...(row !== undefined ? { row: row.name } : {}) };
}

/** Whether a pointer is at or below another ("/rows/10" is not below "/rows/1"). */
function within(pointer: string, base: string): boolean {
  return base === '' || pointer === base || pointer.startsWith(`${base}/`);
}

function findingPath(rule: CompiledRule, item: ScopeItem, failed: ConditionTrace | undefined): string {
  if (rule.definition.path !== undefined) {
    return rule.definition.path.replace(/\{(table|row|column|performance|indicator)\}/g, (whole, name: 'table' | 'row' | 'column' | 'performance' | 'indicator') => {
      const value = item.binding[name];
      return value === undefined ? whole : String(value);
    });
  }
  const actual = failed?.factResult;
  if (isQuantity(actual) && actual.pointer !== undefined && within(actual.pointer, item.binding.pointer)) return actual.pointer;
  // A failed table-level fact (tableExists, tableMarkedEmpty…) points at the table it named.
  const role = failed?.params?.table;
  if (item.binding.pointer === '' && typeof role === 'string') return pointerOf('tables', role);
  return item.binding.pointer;
}

function comparisonParams(failed: ConditionTrace | undefined, language: Language, operators: ReadonlyMap<string, OperatorDefinition>): Record<string, string | undefined> {
  if (failed === undefined) return {};
  const operator = operators.get(failed.operator);
  // Pattern operators explain themselves ({match}); a regular expression is no "expected value".
  // Their {actual} is still the text they looked at.
  if (operator?.describe !== undefined) return { actual: formatValue(failed.factResult, language), ...operator.describe(failed.factResult, failed.valueResult) };
  // A rule constant ("100") takes the unit of the quantity it was compared with.
  const operands = isQuantity(failed.factResult) || isQuantity(failed.valueResult) ? comparable(failed.factResult, failed.valueResult) : undefined;
  const [actual, expected] = operands !== undefined && !isUnavailable(operands) ? operands : [failed.factResult, failed.valueResult];
  return {
    actual: formatValue(actual, language),
    expected: formatValue(expected, language),
    difference: isQuantity(actual) && isQuantity(expected) && actual.dimension === expected.dimension ? formatDifference(actual, expected) : undefined,
  };
}

/**
 * Checks a document against a compiled rule set.
 * @param ruleSet The rule set (from loadRuleSet).
 * @param document The document: any JSON value.
 * @param options Language, rule selection, file name.
 */
export async function evaluate(ruleSet: CompiledRuleSet, document: unknown, options: EvaluateOptions = {}): Promise<Report> {
  // Checks started together (a server's requests) take turns from the start.
  if (now() - lastYield >= YIELD_EVERY_MS) {
    await yieldToEventLoop();
    lastYield = now();
  }
  const language = options.language ?? 'zh-CN';
  const context = new DocumentContext(document);
  const findings: Finding[] = [];
  const line = (pointer: string, fallback?: number): number | undefined => sourceLineOf(document, pointer) ?? fallback;

  for (const problem of options.importProblems ?? []) {
    findings.push(createFinding({ ruleId: IMPORT_RULE, code: problem.code, severity: 'warning', path: '', message: problem.message, title: IMPORT_TITLE, params: {}, line: problem.line }, language));
  }
  const outcomes: RuleOutcome[] = [];
  const chosen = ruleSet.rules.filter((rule) => selected(rule, options.only, options.skip));
  const limit = (code: string, path: string, reason: string): Report => {
    findings.push(createFinding({ ruleId: LIMITS_RULE, code, severity: 'error', path, message: reason, title: LIMITS_TITLE, params: {} }, language));
    for (const rule of chosen.slice(outcomes.length)) outcomes.push({ ruleId: rule.definition.id, status: 'error', reason });
    findings.sort(compareFindings);
    return buildReport(ruleSet, context, placed(findings, options.sourcePlaces), outcomes, options.file);
  };
  // Nesting past the limit is refused before any rule (or the shape check) walks it.
  const deep = tooDeep(document, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined) {
    const reason =
      language === 'zh-CN'
        ? `文档在 ${deep} 处嵌套超过 ${MAX_DOCUMENT_DEPTH} 层，未检查：预算公开文档不会这样嵌套，请检查生成它的程序`
        : `the document nests deeper than ${MAX_DOCUMENT_DEPTH} levels at ${deep}; not checked`;
    return limit('document_too_deep', deep, reason);
  }
  const large = tooManyRows(document);
  if (large !== undefined) {
    const reason =
      language === 'zh-CN'
        ? `${large.pointer} 有 ${large.rows} 行，超过一张表 ${MAX_TABLE_ROWS} 行的上限，未检查：请核对文档是否完整、是否重复生成了行`
        : `${large.pointer} has ${large.rows} rows, over the ${MAX_TABLE_ROWS}-row limit of a table; not checked`;
    return limit('table_too_large', large.pointer, reason);
  }
  for (const problem of checkDocumentShape(context, language)) {
    findings.push(createFinding({ ...problem, severity: 'error', title: undefined, line: line(problem.path) }, language));
  }

  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const started = now();
  const overBudget = (): boolean => budget > 0 && now() - started > budget;
  const stop = (rule: CompiledRule): Report => {
    const seconds = String(budget / 1000);
    const reason =
      language === 'zh-CN'
        ? `检查超过时限 ${seconds} 秒，在规则 ${rule.definition.id} 处停止；其余 ${chosen.length - outcomes.length} 条规则未检查`
        : `the check exceeded its ${seconds} s budget and stopped at rule ${rule.definition.id}; ${chosen.length - outcomes.length} rules not run`;
    return limit('time_budget_exceeded', '', reason);
  };
  const session = ruleSet.engine.session(context);
  for (const rule of chosen) {
    // Yield when the engine (this check, or several checks started together) has run 20 ms.
    if (now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = now();
    }
    if (overBudget()) return stop(rule);
    options.onRule?.(rule.definition.id);
    const items = scopeItems(context, rule.definition.scope);
    const results: ItemResult[] = [];
    let counted = 0;
    for (const item of items) {
      counted += 1;
      if (counted % 256 === 0 && overBudget()) return stop(rule);
      if (rule.prefilter !== undefined && !rule.prefilter(item.binding)) {
        if (results.length === 0) results.push(PASSED);
        continue;
      }
      if (rule.whenFilter !== undefined && !rule.whenFilter(item.binding)) {
        results.push(WHEN_NOT_HOLDING);
        continue;
      }
      if (rule.when !== undefined) {
        const applies = classify(session.evaluate(rule.when, item.binding), ruleSet.operators);
        if (applies.status !== 'pass') {
          results.push(applies.status === 'error' ? applies : applies.reason === undefined ? WHEN_NOT_HOLDING : { status: 'not_applicable', reason: applies.reason });
          if (applies.status === 'error') findings.push(errorFinding(rule, item, applies, language, line));
          continue;
        }
      }
      const result = classify(session.evaluate(rule.conditions, item.binding), ruleSet.operators);
      results.push(result);
      if (result.status === 'error') findings.push(errorFinding(rule, item, result, language, line));
      if (result.status !== 'fail') continue;
      const reported = new Set<string>();
      for (const failed of result.failed ?? [undefined]) {
        const path = findingPath(rule, item, failed);
        if (reported.has(path)) continue;
        reported.add(path);
        const expected = failed?.valueResult;
        const compared = comparisonParams(failed, language, ruleSet.operators);
        const found = typeof compared['match'] === 'string' ? compared['match'] : undefined;
        const params: MessageParams = {
          department: typeof context.meta?.department === 'string' ? context.meta.department : '',
          ...leafLabels(failed, context),
          ...item.labels(),
          // A text's message quotes it where the pattern found something.
          ...(found !== undefined && typeof item.binding.text === 'string' ? { text: excerptAround(item.binding.text, found) } : {}),
          ...compared,
        };
        findings.push(
          createFinding(
            {
              ruleId: rule.definition.id,
              code: rule.definition.code ?? 'rule_violated',
              severity: rule.definition.severity,
              path,
              message: rule.definition.message,
              title: rule.definition.title,
              basis: rule.definition.basis,
              params,
              relatedPaths: isQuantity(expected) && expected.pointer !== undefined && expected.pointer !== path ? [expected.pointer] : undefined,
              // What a pattern found in a long text is placed on its own line.
              line: matchLineOf(document, path, found) ?? line(path, item.line),
            },
            language,
          ),
        );
      }
    }
    // With nothing to check, say why (looked up only then).
    outcomes.push(items.length === 0 ? { ruleId: rule.definition.id, status: 'not_applicable', reason: nothingToCheck(rule, context) } : outcomeOf(rule.definition.id, results));
  }

  findings.sort(compareFindings);
  return buildReport(ruleSet, context, placed(findings, options.sourcePlaces), outcomes, options.file);
}

function errorFinding(rule: CompiledRule, item: ScopeItem, result: ItemResult, language: Language, line: (pointer: string, fallback?: number) => number | undefined): Finding {
  const path = result.reasonPointer ?? item.binding.pointer;
  return createFinding(
    {
      ruleId: rule.definition.id,
      code: 'rule_error',
      severity: 'error',
      path,
      title: rule.definition.title,
      basis: rule.definition.basis,
      params: { ...item.labels(), reason: result.reason },
      line: line(path, item.line),
    },
    language,
  );
}

/** Why a rule found nothing to check: forms that do not print what it needs, else nothing of its kind. */
function nothingToCheck(rule: CompiledRule, context: DocumentContext): string {
  const scope = rule.definition.scope;
  const printed = scope !== undefined && 'printed' in scope ? scope.printed : undefined;
  if (printed !== undefined && printed.length > 0 && (context.performanceTables()?.length ?? 0) > 0) return `绩效目标表都没有印出本规则需要的栏目（${printed.join('、')}）`;
  // The indicators' texts of forms that print no indicators (a list of projects' goals).
  const texts = scope !== undefined && 'texts' in scope ? scope.texts : undefined;
  const tables = context.performanceTables() ?? [];
  const withoutIndicators = (table: unknown) => {
    const fields = (table as { printed?: unknown }).printed;
    return Array.isArray(fields) && !fields.includes('indicators');
  };
  if (texts?.includes('indicators') === true && tables.length > 0 && tables.every(withoutIndicators)) return '绩效目标表都没有印出本规则需要的栏目（indicators）';
  return '文档中没有本规则适用的对象';
}

function outcomeOf(ruleId: string, results: readonly ItemResult[]): RuleOutcome {
  const errored = results.find((result) => result.status === 'error');
  if (errored !== undefined) return { ruleId, status: 'error', reason: errored.reason };
  if (results.some((result) => result.status === 'fail')) return { ruleId, status: 'fail' };
  if (results.some((result) => result.status === 'pass')) return { ruleId, status: 'pass' };
  return { ruleId, status: 'not_applicable', reason: results[0]?.reason };
}

function buildReport(ruleSet: CompiledRuleSet, context: DocumentContext, findings: Finding[], outcomes: RuleOutcome[], file: string | undefined): Report {
  const count = (severity: string): number => findings.filter((finding) => finding.severity === severity).length;
  const status = (wanted: RuleStatus): number => outcomes.filter((outcome) => outcome.status === wanted).length;
  const meta = context.meta;
  const sourceFile = (meta?.source as { file?: unknown } | undefined)?.file;
  const document = {
    ...(typeof meta?.department === 'string' ? { department: meta.department } : {}),
    ...(typeof meta?.fiscalYear === 'number' && Number.isInteger(meta.fiscalYear) ? { fiscalYear: meta.fiscalYear } : {}),
    ...(typeof meta?.kind === 'string' ? { kind: meta.kind } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(typeof sourceFile === 'string' ? { sourceFile } : {}),
  };
  const errors = count('error');
  return {
    valid: errors === 0,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    document,
    summary: {
      error: errors,
      warning: count('warning'),
      info: count('info'),
      rulesEvaluated: outcomes.length,
      passed: status('pass'),
      failed: status('fail'),
      notApplicable: status('not_applicable'),
      errored: status('error'),
    },
    findings,
    outcomes,
    groups: groupFindings(findings),
  };
}
