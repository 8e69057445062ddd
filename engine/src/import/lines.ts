/**
 * Turning published text into numbered lines: CRLF and CR line ends, a byte-order mark, Markdown
 * markup left by the PDF-to-text step (#, **, <b>), and full-width digits and number punctuation
 * (１２３．５ → 123.5) are normalised; line numbers stay those of the original text.
 */
import { MAX_LINE_CHARS } from './positioned/model.js';
import { type ImportProblem, type Layout, type SourceLine } from './types.js';

const FULL_WIDTH_NUMBER = /[０-９％．，－]/g;
const MARKUP = /<\/?b>|\*\*|^#{1,6}\s+|^-\s+/g;

/**
 * Folds full-width digits and the punctuation used inside numbers to ASCII.
 * @param text Any text.
 */
export function foldFullWidthNumbers(text: string): string {
  // Full-width forms sit 0xFEE0 above their ASCII ones (０ → 0, ， → ,).
  return text.replace(FULL_WIDTH_NUMBER, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/**
 * Splits text into source lines; a line longer than MAX_LINE_CHARS is cut there (see cutLinesNote).
 * @param text The published text.
 */
export function toLines(text: string): SourceLine[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((raw, index) => {
    const text = raw.slice(0, MAX_LINE_CHARS).replace(MARKUP, '');
    const cut = raw.length > MAX_LINE_CHARS ? { cutFrom: raw.length } : {};
    return { number: index + 1, text, cells: text.split('\t').map((cell) => cell.trim()), ...cut };
  });
}

/**
 * One note for the lines cut to MAX_LINE_CHARS, at the first of them, or none.
 * @param lines The lines, each with the length it had before it was cut, if it was.
 */
export function cutLinesNote(lines: readonly { readonly number: number; readonly text: string; readonly cutFrom?: number }[]): ImportProblem[] {
  const lengthOf = (line: (typeof lines)[number]) => line.cutFrom ?? (line.text.length > MAX_LINE_CHARS ? line.text.length : undefined);
  const cut = lines.filter((line) => lengthOf(line) !== undefined);
  if (cut.length === 0) return [];
  const first = { number: cut[0]!.number, cutFrom: lengthOf(cut[0]!) };
  const others = cut.length > 1 ? `等 ${cut.length} 行` : '';
  return [
    {
      line: first.number,
      code: 'line_too_long',
      message: `第 ${first.number} 行${others}超过 ${MAX_LINE_CHARS} 个字符（该行 ${first.cutFrom} 个字符），只读取了每行的前 ${MAX_LINE_CHARS} 个字符：请核对这些行（公开文件的一行不会这么长，可能是转换出错）`,
    },
  ];
}

/**
 * Tells the two layouts apart: tab-separated cells, or columns aligned with spaces
 * (`pdftotext -layout`).
 * @param lines The lines.
 */
export function detectLayout(lines: readonly SourceLine[]): Layout {
  const tabbed = lines.filter((line) => line.cells.length > 1).length;
  const aligned = lines.filter((line) => /\S {3,}\S/.test(line.text)).length;
  return tabbed >= aligned ? 'tab-text' : 'layout-text';
}

/**
 * Whether a line is blank.
 * @param line The line.
 */
export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}
