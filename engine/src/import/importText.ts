/**
 * Importing a published disclosure from its text: recognise the document, find its parts, read
 * its tables (tab-separated or space-aligned layout) and text parts (the Shanxi template's 第N部分,
 * or the Shanghai template's part titles in the space-aligned layout), and report every part or
 * line that was not turned into data as a problem at its line — never silently dropped. Aligned
 * text of any other template goes to the stages that read a PDF (importAlignedText.ts).
 */
import { textTooLarge } from '../document/limits.js';
import { type DecimalValue, parseDecimal } from '../money/money.js';
import { type DisclosureDocument, type Table, type TableRole } from '../document/model.js';
import { cutLinesNote, detectLayout, isBlank, toLines } from './lines.js';
import { type TableRegion, importLayoutTablesWithRegions } from './layoutTables.js';
import { importAlignedText } from './importAlignedText.js';
import { positionedFromText } from './positioned/fromText.js';
import { listTables } from './tables/readTables.js';
import { assembleDocument, finalAccountsRefusal, recognise, recogniseCover, secretsLeftOut } from './meta.js';
import { type NarrativeParts, importNarrative } from './narrative.js';
import { importPerformance } from './performance.js';
import { splitPerformanceBlocks } from './performanceBlocks.js';
import { type Segments, segment } from './segment.js';
import { importShanghaiNarrative } from './shanghaiNarrative.js';
import { importTabTables } from './tabTables.js';
import { type ImportContext, type ImportProblem, type SourceLine } from './types.js';

/** Options for an import. */
export interface ImportOptions {
  /** The source file's name, recorded in meta.source. */
  readonly file?: string;
}

/** An imported document and what could not be read, or why the text is not a disclosure at all. */
export type ImportResult = { readonly ok: true; readonly document: DisclosureDocument; readonly problems: readonly ImportProblem[] } | { readonly ok: false; readonly error: ImportProblem };

function notImported(lines: readonly SourceLine[], what: string): ImportProblem[] {
  const text = lines.filter((line) => !isBlank(line));
  if (text.length === 0) return [];
  const first = text[0]!.number;
  const last = text[text.length - 1]!.number;
  return [{ line: first, code: 'part_not_imported', message: `${what}（第 ${first}–${last} 行）尚未导入：导入器还不能读取这一部分，请人工核对` }];
}

function tablesOf(segments: Segments, context: ImportContext, all: readonly SourceLine[]): { tables: Partial<Record<TableRole, Table>>; problems: ImportProblem[]; regions: readonly TableRegion[] } {
  if (context.layout === 'tab-text') {
    const result = importTabTables(segments.tables.length > 0 ? segments.tables : segments.body);
    return { tables: result.value, problems: [...result.problems], regions: result.regions.map((region) => ({ ...region, read: true })) };
  }
  const result = importLayoutTablesWithRegions(all, context);
  return { tables: result.value, problems: [...result.problems], regions: result.regions };
}

/** A row's amount in the summary table, by key (income side: amount; expenditure side: total). */
function summaryAmount(table: Table, key: string, column: string): DecimalValue | undefined {
  const value = table.rows.find((row) => row.key === key)?.values[column];
  return typeof value === 'string' ? parseDecimal(value) : undefined;
}

/**
 * Whether the text table reader's reading can be trusted: it read tables, and the summary table
 * (收支总表), when it read one, balances (its income total equals its expenditure total, as every
 * budget's does; a reading with the columns misplaced does not).
 * @param tables The tables read.
 */
function balanced(tables: Partial<Record<TableRole, Table>>): boolean {
  if (Object.keys(tables).length === 0) return false;
  const summary = tables.incomeExpenditureSummary;
  if (summary === undefined) return true;
  const income = summaryAmount(summary, 'incomeGrandTotal', 'amount');
  const expenditure = summaryAmount(summary, 'expenditureGrandTotal', 'total');
  return income !== undefined && expenditure !== undefined && income.equals(expenditure);
}

/** Template families by region (the template's own table count completes the id, e.g. shanxi-13). */
const TEMPLATE_FAMILIES: Readonly<Record<string, string>> = { 山西: 'shanxi', 上海: 'shanghai' };

function templateOf(region: string | undefined, tableCount: number): { template: string } | undefined {
  const family = region === undefined ? undefined : TEMPLATE_FAMILIES[region];
  return family === undefined || tableCount === 0 ? undefined : { template: `${family}-${tableCount}` };
}

/**
 * Imports a disclosure from its published text.
 * @param text The text (tab-separated or space-aligned).
 * @param options The file name.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const tooLarge = textTooLarge(text);
  if (tooLarge !== undefined) return { ok: false, error: { line: 1, code: 'text_too_large', message: tooLarge } };
  const lines = toLines(text);
  // The cover names the department as the PDF reader reads it; the title line gives the rest
  // (region, title) where the text has one.
  const fromTitle = recognise(lines);
  const fromCover = recogniseCover(lines);
  const recognised =
    fromTitle !== undefined && fromCover !== undefined ? { ...fromTitle, department: fromCover.department, fiscalYear: fromCover.fiscalYear, kind: fromCover.kind } : (fromTitle ?? fromCover);
  if (recognised === undefined) {
    return {
      ok: false,
      error: { line: 1, code: 'not_a_disclosure', message: '不是预算公开文本：前 80 行中没有“YYYY年（度）部门（单位）预算（决算）”这样的标题' },
    };
  }
  // No rule pack covers a 决算 yet: refuse it plainly rather than check it against the budget rules.
  const refusal = finalAccountsRefusal(recognised);
  if (refusal !== undefined) return { ok: false, error: refusal };
  const layout = detectLayout(lines);
  const segments = segment(lines);
  const context: ImportContext = { department: recognised.department, fiscalYear: recognised.fiscalYear, unit: '万元', layout };
  const { tables, problems, regions } = tablesOf(segments, context, lines);
  // Aligned text of a template the text table reader does not know (it missed a table the text
  // prints, or read the summary table unbalanced: its columns were misplaced): read as a PDF's text is.
  const positioned = layout === 'layout-text' ? positionedFromText(text) : undefined;
  const printed = positioned === undefined ? [] : listTables(positioned);
  const missed = printed.some((table) => 'role' in table.kind && tables[table.kind.role] === undefined);
  if (positioned !== undefined && (missed || !balanced(tables))) {
    const aligned = importAlignedText(positioned, printed, lines, recognised, options.file);
    return { ok: true, document: aligned.document, problems: aligned.problems };
  }
  if (Object.keys(tables).length === 0) {
    problems.push({ line: recognised.line, code: 'no_tables', message: '没有找到任何预算报表：请核对文本是否完整' });
  }
  const { blocks, rest } = splitPerformanceBlocks(segments.narrative);
  const performance = importPerformance(blocks);
  const narrative = importNarrative({ ...segments, narrative: rest });
  problems.push(...performance.problems, ...narrative.problems, ...cutLinesNote(lines));
  let parts: NarrativeParts = narrative.value;
  const body = segments.body.filter((line) => line.number > recognised.line);
  if (body.length > 0 && layout === 'layout-text') {
    // The Shanghai template: part titles instead of 第N部分, tables read by layoutTables.
    const shanghai = importShanghaiNarrative(body, regions, tables);
    parts = shanghai.value;
    problems.push(...shanghai.problems);
  } else if (body.length > 0) {
    // Tab-separated text without part headings: only its tables are read so far.
    const inTable = (line: SourceLine) => regions.some((region) => line.number >= region.from && line.number <= region.to);
    problems.push(
      ...notImported(
        body.filter((line) => !inTable(line)),
        '报表以外的文字（情况说明等）',
      ),
    );
  }
  const template = templateOf(recognised.region, Object.keys(tables).length);
  const withheld = secretsLeftOut(lines);
  const document = assembleDocument(
    recognised,
    { ...(options.file !== undefined ? { file: options.file } : {}), format: layout, meta: { ...template, ...(withheld !== undefined ? { withheld } : {}) } },
    tables,
    {
      ...parts,
      performance: performance.value,
    },
  );
  return { ok: true, document, problems: problems.sort((a, b) => a.line - b.line) };
}
