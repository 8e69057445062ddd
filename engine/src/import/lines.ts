/**
 * Turning published text into numbered lines: CRLF and CR line ends, a byte-order mark, Markdown
 * markup left by the PDF-to-text step (#, **, <b>), and full-width digits and number punctuation
 * (１２３．５ → 123.5) are normalised; line numbers stay those of the original text.
 */
import { type Layout, type SourceLine } from './types.js';

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
 * Splits text into source lines.
 * @param text The published text.
 */
export function toLines(text: string): SourceLine[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((raw, index) => {
    const text = raw.replace(MARKUP, '');
    return { number: index + 1, text, cells: text.split('\t').map((cell) => cell.trim()) };
  });
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
