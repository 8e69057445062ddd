/**
 * Importing a disclosure from positioned lines (a PDF read with pdf.js): recognise the document
 * from its cover, read its tables with the one table stage (any template: tables known by their
 * titles, grids rebuilt from positions), its text parts with the narrative stages, and say once,
 * per kind of problem, what was not understood. A 部门决算 is refused: no rule pack covers it yet.
 */
import { MAX_TEXT_LINES, linesPastLimit } from '../document/limits.js';
import { type DisclosureDocument, type Table } from '../document/model.js';
import { assembleDocument, finalAccountsRefusal, recognise, recogniseCover, secretsLeftOut } from './meta.js';
import { type ItemNames } from './figures.js';
import { cutLinesNote } from './lines.js';
import { type NarrativeParts } from './narrative.js';
import { importPerformance } from './performance.js';
import { splitPerformanceBlocks } from './performanceBlocks.js';
import { readForms } from './performanceForms.js';
import { MAX_LINE_CHARS, type PositionedLine, type PositionedText, type SourcePlace, placesOf } from './positioned/model.js';
import { withoutRunningHeaders } from './positioned/runningHeaders.js';
import { declaredEmptyNote, declaredEmptyTables, labelKey } from './tables/emptyIndex.js';
import { TABLE_LABEL, kindOfTitle } from './tables/titles.js';
import { segment } from './segment.js';
import { type RecognisedTable, readTables } from './tables/readTables.js';
import { readTextParts } from './text/readText.js';
import { type ImportProblem, type SourceLine } from './types.js';

/** Options for an import. */
export interface PositionedImportOptions {
  /** The source file's name, recorded in meta.source. */
  readonly file?: string;
}

/** A document imported from positioned text, with what was not understood and where each line is. */
export type PositionedImportResult =
  | {
      readonly ok: true;
      readonly document: DisclosureDocument;
      readonly problems: readonly ImportProblem[];
      /** Every printed table and what it was recognised as. */
      readonly tables: readonly RecognisedTable[];
      /** Line → page and box (PDF input). */
      readonly places: ReadonlyMap<number, SourcePlace>;
      /** The text view the line numbers refer to. */
      readonly text: string;
      /** The source's pages. */
      readonly pageCount: number;
    }
  | { readonly ok: false; readonly error: ImportProblem };

/** The problems of one kind said once: the first, with how many more and where. */
export function collapseProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const byCode = new Map<string, ImportProblem[]>();
  for (const problem of [...problems].sort((a, b) => a.line - b.line)) {
    const list = byCode.get(problem.code) ?? [];
    list.push(problem);
    byCode.set(problem.code, list);
  }
  const collapsed: ImportProblem[] = [];
  for (const [code, list] of byCode) {
    // Table problems are already one per table; other kinds are said once.
    if (code.startsWith('table_') || list.length === 1) {
      collapsed.push(...list);
      continue;
    }
    const lines = list.map((problem) => problem.line);
    const shown = lines.slice(1, 8).join('、');
    collapsed.push({
      line: list[0]!.line,
      code,
      message: `${list[0]!.message}（另有 ${list.length - 1} 处同类问题，在第 ${shown}${lines.length > 8 ? ' 等' : ''} 行）`,
    });
  }
  return collapsed.sort((a, b) => a.line - b.line);
}

/**
 * Each page's right margin of prose: where most lines of a paragraph end (the upper quartile of
 * the right edges of lines holding one long run of text).
 */
function rightMargins(text: PositionedText): Map<number, number> {
  const edges = new Map<number, number[]>();
  for (const line of text.lines) {
    const span = line.spans[0];
    if (line.spans.length !== 1 || span === undefined || span.text.length < 15) continue;
    edges.set(line.page, [...(edges.get(line.page) ?? []), span.x1]);
  }
  const margins = new Map<number, number>();
  for (const [page, list] of edges) {
    if (list.length < 3) continue;
    const sorted = list.sort((a, b) => a - b);
    margins.set(page, sorted[Math.floor(sorted.length * 0.75)]!);
  }
  return margins;
}

/**
 * Whether a line runs to its page's right margin (within a character and a half): a line of prose
 * wrapped there, whose sentence goes on in the next line.
 * @param text The positioned text (its pages' margins are measured once).
 */
export function runsToMargin(text: PositionedText): (line: PositionedLine) => boolean {
  const margins = rightMargins(text);
  return (line) => {
    const right = line.spans[line.spans.length - 1]?.x1;
    const margin = margins.get(line.page);
    return right !== undefined && margin !== undefined && right >= margin - 1.5 * line.size;
  };
}

/** The 款 and 项 the expenditure tables print, by name: the narrative names items by them. */
function itemNames(tables: Readonly<Record<string, Table>>): ItemNames {
  const names = new Map<string, string[]>();
  for (const role of ['generalBudgetExpenditure', 'expenditureSummary', 'basicExpenditureByFunction']) {
    for (const row of tables[role]?.rows ?? []) {
      if (row.code === undefined || (row.code.length !== 5 && row.code.length !== 7)) continue;
      const name = row.name.replace(/\s+/g, '');
      const codes = names.get(name) ?? [];
      if (!codes.includes(row.code)) names.set(name, [...codes, row.code]);
    }
  }
  return names;
}

/**
 * Imports a disclosure from positioned lines.
 * @param text The positioned text.
 * @param options The file name.
 */
export function importPositioned(source: PositionedText, options: PositionedImportOptions = {}): PositionedImportResult {
  if (source.lines.length > MAX_TEXT_LINES) return { ok: false, error: { line: 1, code: 'text_too_large', message: linesPastLimit() } };
  const text = withoutRunningHeaders(source, (words) => kindOfTitle(words) !== undefined || TABLE_LABEL.test(words));
  const full = runsToMargin(text);
  const lines: SourceLine[] = text.lines.map((line) => {
    const shown = line.text.slice(0, MAX_LINE_CHARS);
    return { number: line.number, text: shown, cells: [shown], ...(full(line) ? { full: true } : {}) };
  });
  const recognised = recogniseCover(lines) ?? recognise(lines);
  if (recognised === undefined) {
    return { ok: false, error: { line: 1, code: 'not_a_disclosure', message: '不是预算公开文件：封面上没有“YYYY年（度）……部门（单位）预算”这样的标题' } };
  }
  const refusal = finalAccountsRefusal(recognised);
  if (refusal !== undefined) return { ok: false, error: refusal };
  const read = readTables(text, { fiscalYear: recognised.fiscalYear, unit: '万元' });
  const tables: Record<string, Table> = { ...(read.tables as Record<string, Table>) };
  // A 是否空表 list printed before the tables declares some of them empty.
  const declared = declaredEmptyTables(lines);
  for (const table of read.recognised) {
    const declaration = table.label !== undefined ? declared.get(labelKey(table.label)) : undefined;
    const stored = 'role' in table.kind && table.stored ? tables[table.kind.role] : undefined;
    if (declaration === undefined || stored === undefined || !('role' in table.kind)) continue;
    const note = declaredEmptyNote(declaration);
    tables[table.kind.role] = { ...stored, note: stored.note !== undefined ? `${stored.note}；${note}` : note };
  }
  const problems: ImportProblem[] = [...read.problems, ...cutLinesNote(text.lines)];
  if (Object.keys(tables).length === 0) {
    problems.push({ line: recognised.line, code: 'no_tables', message: '没有找到任何预算报表：请核对文件是否完整' });
  }
  // Performance-target forms, read from positions (lists of projects' targets were read as tables);
  // the text stages read what is neither a table nor a form.
  const lists = read.performanceLists;
  const otherTables = new Set([...read.recognised.filter((table) => !('other' in table.kind && table.kind.other === 'performanceTargets')).map((table) => table.from), ...lists.lines]);
  const forms = readForms(text.lines, otherTables);
  const inTable = (line: SourceLine) => forms.lines.has(line.number) || read.recognised.some((table) => line.number >= table.from && line.number <= table.to);
  const textLines = lines.map((line) => (inTable(line) ? { ...line, text: '', cells: [''] } : line));
  const segments = segment(textLines);
  const { blocks } = splitPerformanceBlocks(segments.narrative.length > 0 ? segments.narrative : textLines);
  // Forms and lists read from positions; the provincial template's text blocks when the print has neither.
  const printedPerformance = [...forms.tables, ...lists.tables];
  const performance = printedPerformance.length > 0 ? { value: printedPerformance, problems: [] } : importPerformance(blocks);
  problems.push(...forms.problems);
  const textParts = readTextParts(textLines, itemNames(tables));
  const parts: NarrativeParts = textParts.value;
  problems.push(...textParts.problems);
  problems.push(...performance.problems);
  const imagePages = text.imagePages ?? [];
  const printedTables = [
    ...read.recognised.map((table) => ({
      ...(table.label !== undefined ? { label: table.label } : {}),
      title: table.title,
      ...('role' in table.kind && table.stored ? { role: table.kind.role } : { kind: 'role' in table.kind ? table.kind.role : table.kind.other }),
      line: table.from,
    })),
    // A page printed as an image may hold any table: none is known to be missing.
    ...imagePages.map((page) => ({ title: `第 ${page} 页（图片）`, kind: 'unknown' })),
  ];
  if (imagePages.length > 0) {
    problems.push({
      line: 1,
      code: 'image_pages',
      message: `第 ${imagePages.join('、')} 页只有图片、没有文字层（扫描的报表或文件？），其内容未能读取：不据此认定缺少哪张报表`,
    });
  }
  const withheld = secretsLeftOut(lines);
  const document = assembleDocument(
    recognised,
    { ...(options.file !== undefined ? { file: options.file } : {}), format: text.format, meta: { printedTables, ...(withheld !== undefined ? { withheld } : {}) } },
    tables,
    {
      ...parts,
      performance: performance.value,
    },
  );
  return {
    ok: true,
    document,
    problems: collapseProblems(problems),
    tables: read.recognised,
    places: placesOf(source),
    text: source.lines.map((line) => line.text).join('\n'),
    pageCount: source.pageCount,
  };
}
