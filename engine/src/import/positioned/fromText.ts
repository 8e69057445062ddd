/**
 * Space-aligned text (`pdftotext -layout`, or a PDF copied as text) as positioned lines, so that
 * the one set of stages that reads a PDF reads it too. pdftotext writes each word at the character
 * column its position on the page gives, whatever the width of the characters before it: a
 * word's column is its place, and a run of spaces separates cells. A form feed starts a page.
 */
import { MAX_LINE_CHARS, type PositionedLine, type PositionedText, type Span } from './model.js';

/** A run of non-space characters: one span (a cell, a word of prose, an amount). */
const WORD = /\S+/g;

/**
 * The spans of one line of aligned text: each run of non-space characters at its column.
 * @param text The line (form feed removed).
 */
function spansOfLine(text: string): Span[] {
  return [...text.matchAll(WORD)].map((match) => ({ text: match[0], x0: match.index, x1: match.index + match[0].length }));
}

/**
 * Reads space-aligned text as positioned lines: one line per text line (numbered as the text's
 * own lines, so findings point at the line the user sees), pages counted by form feeds, spans at
 * their character columns, a CJK character one column wide.
 * @param text The text.
 */
export function positionedFromText(text: string): PositionedText {
  let page = 1;
  // Lines as the text importer numbers them (toLines): a byte-order mark dropped, any line break.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines: PositionedLine[] = source.split(/\r\n|\r|\n/).map((raw, index) => {
    // A form feed opens the next page (pdftotext puts it at the start of the page's first line).
    const feeds = raw.split('\f').length - 1;
    page += feeds;
    const cut = raw.length > MAX_LINE_CHARS;
    const shown = raw.replace(/\f/g, '').slice(0, MAX_LINE_CHARS).trimEnd();
    return { number: index + 1, page, spans: spansOfLine(shown), text: shown, size: 1, ...(cut ? { cutFrom: raw.length } : {}) };
  });
  return { format: 'layout-text', lines, pageCount: page };
}
