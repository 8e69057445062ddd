/**
 * What a corpus document yields, in the form its reviewed expectation file keeps: the tables
 * recognised, the share of rules that apply, why the others do not (grouped by reason), the
 * import notes, and every error and warning with a reviewer's note of the real defect it reports.
 * Used by tests/corpus.test.ts (compare) and scripts/corpus-review.ts (write for review).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CompiledRuleSet } from '../../engine/src/index.js';
import { type DisclosureDocument } from '../../engine/src/document/model.js';
import { checkFile } from '../../engine/src/node.js';
import { EQUIPMENT_MENTION, PROJECT_LIST_MENTION, mentionsFigures } from './mentions.js';

/** One error or warning, as reviewed. */
export interface ExpectedFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  /** Where it is: the line of the text view, and the PDF page. */
  readonly line?: number;
  readonly page?: number;
  readonly message: string;
  /** The reviewer's one-line note: the real defect, checked on the PDF page. "TODO…" until reviewed. */
  readonly review: string;
}

/** Why a rule does not apply to the document, grouped. */
export const NOT_APPLICABLE_GROUPS = {
  situation: '文档的情况不需要本规则（适用条件不成立）/ the document’s situation does not call for the rule',
  notPrinted:
    '文档没有印出本规则需要的表或列：全文没有该表（也没有未能识别标题的表），或该表的表头全部读出而没有该列 / the document does not print the table or column the rule needs: no such table (and no table with an unrecognised title), or every header of the table was read and none is that column',
  notFound:
    '文档中没有找到本规则需要的行、说明数字或章节（没有印出，或以读取器不认识的说法印出）/ the rows, narrative figures or sections the rule needs were not found (not printed, or printed in a way the reader does not know)',
  notRead: '报表已印出，但数值或表头未能可靠读取 / printed, but its values or headers not read reliably',
} as const;

export type NotApplicableGroup = keyof typeof NOT_APPLICABLE_GROUPS;

/** A corpus document's expectation file. */
export interface Expectation {
  readonly file: string;
  readonly document: { readonly department: string; readonly fiscalYear: number; readonly kind: string };
  /** Every national table the document prints, by role, with its printed label and title; and the printed tables no rule reads. */
  readonly tables: { readonly recognised: Readonly<Record<string, string>>; readonly others: readonly string[] };
  readonly rules: { readonly total: number; readonly applied: number };
  /** Rules that do not apply, by group, each with the engine's reason. */
  readonly notApplicable: Readonly<Record<NotApplicableGroup, Readonly<Record<string, string>>>>;
  /** The import notes (what the reader did not understand), at most about 10. */
  readonly importNotes: readonly string[];
  readonly findings: readonly ExpectedFinding[];
}

/** What the reader said of the document, for telling "not printed" from "not read". */
export interface ReaderEvidence {
  /** The import notes. */
  readonly notes: readonly string[];
  /** Whether a printed table's title was not recognised (it could be any table). */
  readonly unknownTable: boolean;
  /** What the rule checks (its scope), when the reason is that there is nothing to check. */
  readonly scope?: RuleScope;
  /** The document's words outside its tables (narrative and other sections), white space removed, when known. */
  readonly narrative?: string;
  /** The roles of the tables the document holds, when known. */
  readonly roles?: readonly string[];
  /** The words of each narrative section (by section id), white space removed, when known. */
  readonly sections?: Readonly<Record<string, string>>;
}

/** The parts of a rule's scope that tell what it checks. */
export interface RuleScope {
  readonly each?: string;
  readonly figures?: { readonly key?: string | readonly string[]; readonly kind?: string; readonly section?: string };
  readonly texts?: readonly string[];
  readonly tables?: readonly string[];
}

/** A note saying narrative figures or sections were not read. */
const UNREAD_NARRATIVE = /数字未能识别|章节的标题未能识别/;
/** A note saying a performance table was not read, or not fully. */
const UNREAD_PERFORMANCE = /绩效目标表/;

/**
 * The group of a not-applicable reason. A missing table is "not printed" only when no printed
 * table went unrecognised; a missing column only when the reader named no unrecognised column of
 * that table; a missing performance section only when no note speaks of performance tables.
 * @param reason The engine's reason.
 * @param evidence The reader's notes on the document.
 */
export function groupOf(reason: string, evidence: ReaderEvidence): NotApplicableGroup {
  if (/未能可靠读取|未能识别/.test(reason)) return 'notRead';
  if (/适用条件不成立/.test(reason)) return 'situation';
  // The table (or the document) says it leaves rows (secret projects) out: the document does not print them.
  if (/注明部分行未公开|注明部分涉密内容未公开/.test(reason)) return 'notPrinted';
  const column = /^(.+?) 没有 \w+ 列$/.exec(reason);
  if (column !== null) return evidence.notes.some((note) => note.includes(column[1]!) && /列.*未能识别/.test(note)) ? 'notRead' : 'notPrinted';
  if (/^文档中没有 \w+ 表$/.test(reason)) return evidence.unknownTable ? 'notFound' : 'notPrinted';
  if (/^文档没有附绩效目标表/.test(reason)) return evidence.notes.some((note) => UNREAD_PERFORMANCE.test(note)) ? 'notFound' : 'notPrinted';
  // Forms read from a PDF list the fields they print; indicators printed in a layout the reader does not know are noted.
  if (/^绩效目标表都没有印出本规则需要的栏目（indicators[）、]/.test(reason)) return evidence.notes.some((note) => /绩效指标.*未能读取/.test(note)) ? 'notFound' : 'notPrinted';
  if (/^绩效目标表都没有印出本规则需要的栏目/.test(reason)) return 'notPrinted';
  // Labels are read from the title line wherever a template prints one.
  if (/ 没有编号$|^文档中的报表都没有编号$/.test(reason)) return 'notPrinted';
  const section = /^没有标题符合“(.+)”的一节$/.exec(reason);
  if (section !== null) return evidence.narrative !== undefined && !evidence.narrative.includes(section[1]!) ? 'notPrinted' : 'notFound';
  if (reason === '没有要检查的列表') return evidence.narrative !== undefined && !EQUIPMENT_MENTION.test(evidence.narrative) ? 'notPrinted' : 'notFound';
  if (reason === '文档中没有本规则适用的对象') return nothingToCheck(evidence);
  return 'notFound';
}

/**
 * A rule found nothing to check: not printed when the document never prints the words of what it
 * checks, or when the reader read every thing of that kind the document has.
 */
function nothingToCheck(evidence: ReaderEvidence): NotApplicableGroup {
  const scope = evidence.scope ?? {};
  const unread = (pattern: RegExp) => (evidence.notes.some((note) => pattern.test(note)) ? 'notFound' : 'notPrinted');
  if (scope.each === 'figure' || scope.each === 'shareGroup') {
    const key = scope.figures?.key;
    const keys = key === undefined ? [] : typeof key === 'string' ? [key] : key;
    if (evidence.narrative !== undefined && mentionsFigures(evidence.narrative, keys, evidence.sections, scope.figures?.section) === false) return 'notPrinted';
    return unread(UNREAD_NARRATIVE);
  }
  // Rows, cells or columns of tables the document does not print (and no table went unrecognised).
  const tables = scope.tables ?? [];
  if (tables.length > 0 && evidence.roles !== undefined && !tables.some((role) => evidence.roles!.includes(role))) return evidence.unknownTable ? 'notFound' : 'notPrinted';
  const texts = scope.each === 'text' ? (scope.texts ?? []) : [];
  if (texts.includes('projects')) return evidence.narrative !== undefined && !PROJECT_LIST_MENTION.test(evidence.narrative) ? 'notPrinted' : 'notFound';
  if (scope.each === 'performanceTable' || scope.each === 'indicator' || texts.includes('indicators') || texts.includes('performance')) return unread(UNREAD_PERFORMANCE);
  return 'notFound';
}

/**
 * The document's own statements outside its tables: the narrative's sections and the other
 * sections, without the glossary (it defines 财政拨款收入 and the like, stating nothing) and without
 * lines that only name a table (a list of the tables printed: 四、财政拨款收支预算总表).
 */
function wordsOutsideTables(document: DisclosureDocument): string {
  return textOf([document.narrative, document.sections]);
}

/** The words of each narrative section, by section id (several sections of one id together). */
function sectionWords(document: DisclosureDocument): Record<string, string> {
  const words: Record<string, string[]> = {};
  const sections = document.narrative?.sections ?? [];
  for (const section of sections) {
    if (section.id === undefined) continue;
    // A section over sections of its own (西安: 第二部分 over 六、财政拨款收支情况说明) keeps their text
    // too; its own words are the rest.
    const own = sections.reduce((text, other) => (other !== section && other.text !== '' && text.includes(other.text) ? text.replace(other.text, '') : text), section.text);
    (words[section.id] ??= []).push(textOf({ ...section, text: own }));
  }
  return Object.fromEntries(Object.entries(words).map(([id, texts]) => [id, texts.join('；')]));
}

/** The headings and texts under a part of a document, without glossaries and lines naming a table. */
function textOf(part: unknown): string {
  const words: string[] = [];
  const gather = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(gather);
    else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) {
        if ((name === 'heading' || name === 'text') && typeof item === 'string') words.push(item.split('\n').filter((line) => !/表\s*$/.test(line)).join(''));
        else if (name !== 'glossary' && typeof item === 'object') gather(item);
      }
    }
  };
  gather(part);
  // Texts apart: a heading's words and the next text's number are no statement.
  return words.join('；').replace(/\s+/g, '');
}

/** A finding's identity across runs: what it says and where, page included (a finding that moves is reviewed again). */
export function findingKey(finding: Pick<ExpectedFinding, 'rule' | 'severity' | 'path' | 'message' | 'page'>): string {
  return `${finding.severity} ${finding.rule} ${finding.path}${finding.page !== undefined ? ` p${finding.page}` : ''} ${finding.message}`;
}

/** Where a corpus PDF's expectation file is. */
export function expectationPath(pdf: string): string {
  return join(dirname(pdf), 'expectations', basename(pdf).replace(/\.pdf$/, '.json'));
}

/**
 * Reads and checks a corpus PDF and summarises the result as an expectation (reviews empty).
 * @param path The PDF.
 * @param ruleSet The rule pack.
 */
export async function observe(path: string, ruleSet: CompiledRuleSet): Promise<Expectation> {
  const { report, loaded } = await checkFile(ruleSet, path);
  const document = loaded.document as DisclosureDocument;
  const meta = document.meta;
  const recognised: Record<string, string> = {};
  const others: string[] = [];
  for (const table of meta.printedTables ?? []) {
    const name = `${table.label ?? ''}《${table.title}》`;
    if (table.role !== undefined) recognised[table.role] = name;
    else others.push(`${name} (${table.kind ?? 'unknown'})`);
  }
  const notApplicable: Record<NotApplicableGroup, Record<string, string>> = { situation: {}, notPrinted: {}, notFound: {}, notRead: {} };
  const evidence: ReaderEvidence = {
    narrative: wordsOutsideTables(document),
    sections: sectionWords(document),
    roles: Object.keys(document.tables),
    notes: report.findings.filter((finding) => finding.ruleId === 'import').map((finding) => finding.message),
    unknownTable: (meta.printedTables ?? []).some((table) => table.role === undefined && (table.kind === undefined || table.kind === 'unknown')),
  };
  for (const outcome of report.outcomes) {
    if (outcome.status !== 'not_applicable') continue;
    const reason = outcome.reason ?? '';
    const scope = ruleSet.rules.find((rule) => rule.definition.id === outcome.ruleId)?.definition.scope as RuleScope | undefined;
    notApplicable[groupOf(reason, { ...evidence, ...(scope !== undefined ? { scope } : {}) })][outcome.ruleId] = reason;
  }
  const total = report.summary.rulesEvaluated;
  const applied = total - report.summary.notApplicable;
  return {
    file: basename(path),
    document: { department: meta.department, fiscalYear: meta.fiscalYear, kind: meta.kind },
    tables: { recognised, others },
    rules: { total, applied },
    notApplicable,
    importNotes: report.findings.filter((finding) => finding.ruleId === 'import').map((finding) => `第 ${finding.source?.line ?? '?'} 行：${finding.message}`),
    findings: report.findings
      .filter((finding) => finding.ruleId !== 'import' && (finding.severity === 'error' || finding.severity === 'warning'))
      .map((finding) => ({
        rule: finding.ruleId,
        severity: finding.severity as 'error' | 'warning',
        path: finding.path,
        ...(finding.source?.line !== undefined ? { line: finding.source.line } : {}),
        ...(finding.source?.page !== undefined ? { page: finding.source.page } : {}),
        message: finding.message,
        review: '',
      })),
  };
}

/** Reads an expectation file. */
export function readExpectation(path: string): Expectation {
  return JSON.parse(readFileSync(path, 'utf8')) as Expectation;
}
