/**
 * Importing space-aligned text (`pdftotext -layout` output) of a template the text table reader
 * does not know. The text is turned into positioned lines and read by the stages that read a PDF:
 * every printed table is found by its title and listed (so a required table that is printed is
 * there), and the text parts are read with their figures. The tables' numbers are not read: a
 * text's character columns place a number less surely than a PDF's positions do (a wrapped header
 * or a wide name shifts them), and a number in the wrong column would be a false error. The
 * document says so once, and names the PDF as the way to read them.
 */
import { type DisclosureDocument, type PrintedTable } from '../document/model.js';
import { collapseProblems, runsToMargin } from './importPositioned.js';
import { cutLinesNote } from './lines.js';
import { type Recognised, assembleDocument, secretsLeftOut } from './meta.js';
import { type PositionedText } from './positioned/model.js';
import { type RecognisedTable } from './tables/readTables.js';
import { readTextParts } from './text/readText.js';
import { type ImportProblem, type SourceLine } from './types.js';

/** An aligned text read by the general stages. */
export interface AlignedTextImport {
  readonly document: DisclosureDocument;
  readonly problems: readonly ImportProblem[];
}

/**
 * Reads aligned text with the stages that read a PDF, tables listed but not read.
 * @param positioned The text as positioned lines.
 * @param found The tables it prints, found by their titles.
 * @param lines Its lines.
 * @param recognised What the document is (from its cover or title).
 * @param file The source file's name.
 */
export function importAlignedText(positioned: PositionedText, found: readonly RecognisedTable[], lines: readonly SourceLine[], recognised: Recognised, file: string | undefined): AlignedTextImport {
  const printedTables: PrintedTable[] = found.map((table) => ({
    ...(table.label !== undefined ? { label: table.label } : {}),
    title: table.title,
    kind: 'role' in table.kind ? table.kind.role : table.kind.other,
    line: table.from,
  }));
  // The text parts: every line that is no table's.
  const inTable = (line: SourceLine) => found.some((table) => line.number >= table.from && line.number <= table.to);
  // A line that runs to the page's right margin was wrapped there (as for a PDF's lines).
  const full = runsToMargin(positioned);
  const wrapped = new Set(positioned.lines.filter(full).map((line) => line.number));
  const parts = readTextParts(lines.map((line) => (inTable(line) ? { ...line, text: '', cells: [''] } : wrapped.has(line.number) ? { ...line, full: true } : line)));
  const national = found.filter((table) => 'role' in table.kind);
  const problems: ImportProblem[] = [...parts.problems, ...cutLinesNote(positioned.lines)];
  if (national.length > 0) {
    problems.push({
      line: national[0]!.from,
      code: 'tables_not_read',
      message: `${national.length} 张报表已印出，但文本的版式不能可靠定位其中的数字，未读取（${national
        .slice(0, 4)
        .map((table) => `${table.label ?? ''}《${table.title}》`)
        .join('、')}${national.length > 4 ? '等' : ''}）：依赖报表数值的规则不适用；请用 PDF 原件检查（disclosure-check 文件.pdf），它能读出这些表`,
    });
  } else {
    problems.push({ line: recognised.line, code: 'no_tables', message: '没有找到任何预算报表：请核对文本是否完整' });
  }
  const withheld = secretsLeftOut(lines);
  const document = assembleDocument(
    recognised,
    { ...(file !== undefined ? { file } : {}), format: 'layout-text', meta: { printedTables, ...(withheld !== undefined ? { withheld } : {}) } },
    {},
    parts.value,
  );
  return { document, problems: collapseProblems(problems) };
}
