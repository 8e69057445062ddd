/**
 * Paragraphs of a `pdftotext -layout` text (the Shanghai template): pdftotext wraps a long
 * sentence onto the next line, which then starts further left (usually at the margin) while the
 * line before it fills the page width. Such lines are joined into one paragraph; each paragraph
 * remembers where each of its source lines starts, so that a clause can name its own line.
 */
import { isBlank } from './lines.js';
import { type SourceLine } from './types.js';

/** Lines joined into one paragraph. */
export interface Paragraph {
  /** The lines, each trimmed and without form feeds, joined without separator (Chinese text). */
  readonly text: string;
  /** Where each source line starts in `text`, in order. */
  readonly starts: readonly { readonly offset: number; readonly line: number }[];
}

/** A line that starts an item or a numbered heading, which never continues the line before. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、](?![\d.．])|第[一二三四五六七八九十]+[部章节条])/;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** A line this much of the widest line's width (or wider) fills the page. */
const FULL_RATIO = 0.9;

/**
 * The printed width of a text: CJK and full-width characters count two columns.
 * @param text A line's text.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text.replace(/\f/g, '')) width += WIDE.test(character) ? 2 : 1;
  return width;
}

function indentOf(text: string): number {
  const plain = text.replace(/\f/g, '');
  return plain.length - plain.trimStart().length;
}

/**
 * The width from which a line counts as filling the page: a share of the widest line's width.
 * @param lines The lines of running text (tables excluded).
 */
export function fullWidthOf(lines: readonly SourceLine[]): number {
  const widest = lines.reduce((max, line) => Math.max(max, displayWidth(line.text.trimEnd())), 0);
  return Math.floor(widest * FULL_RATIO);
}

/**
 * Whether a line continues the line before it: the line before fills the page, this one starts
 * at the margin or further left than it, and does not open an item or a numbered heading.
 * @param previous The line before.
 * @param line The line.
 * @param fullWidth The width from which a line fills the page.
 */
function continues(previous: SourceLine, line: SourceLine, fullWidth: number): boolean {
  if (displayWidth(previous.text.trimEnd()) < fullWidth) return false;
  const indent = indentOf(line.text);
  if (indent !== 0 && indent >= indentOf(previous.text)) return false;
  return !ITEM_START.test(line.text.replace(/\f/g, '').trim());
}

/**
 * Joins wrapped lines into paragraphs; a blank line ends a paragraph unless the next line starts
 * a new page (a form feed) and continues the sentence.
 * @param lines Consecutive lines of running text.
 * @param fullWidth The width from which a line fills the page (see fullWidthOf).
 */
export function paragraphsOf(lines: readonly SourceLine[], fullWidth: number): Paragraph[] {
  const paragraphs: { text: string; starts: { offset: number; line: number }[] }[] = [];
  let previous: SourceLine | undefined;
  let gap = false;
  for (const line of lines) {
    if (isBlank(line)) {
      gap = true;
      continue;
    }
    const text = line.text.replace(/\f/g, '').trim();
    const open = paragraphs[paragraphs.length - 1];
    if (open !== undefined && previous !== undefined && (!gap || line.text.includes('\f')) && continues(previous, line, fullWidth)) {
      open.starts.push({ offset: open.text.length, line: line.number });
      open.text += text;
    } else {
      paragraphs.push({ text, starts: [{ offset: 0, line: line.number }] });
    }
    previous = line;
    gap = false;
  }
  return paragraphs;
}

/**
 * The source line holding a position of a paragraph's text.
 * @param paragraph The paragraph.
 * @param offset A position in its text.
 */
export function lineAt(paragraph: Paragraph, offset: number): number {
  let line = paragraph.starts[0]!.line;
  for (const start of paragraph.starts) {
    if (start.offset > offset) break;
    line = start.line;
  }
  return line;
}

/**
 * The source line a paragraph starts on.
 * @param paragraph The paragraph.
 */
export function firstLine(paragraph: Paragraph): number {
  return paragraph.starts[0]!.line;
}

/**
 * The source lines of a paragraph.
 * @param paragraph The paragraph.
 */
export function linesOf(paragraph: Paragraph): number[] {
  return paragraph.starts.map((start) => start.line);
}
