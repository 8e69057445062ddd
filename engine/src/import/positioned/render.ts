/**
 * Rendering positioned spans as a line of text, and measuring text in display columns (a CJK or
 * full-width character is two columns wide, as in `pdftotext -layout` output read in a terminal).
 */
import { displayWidth } from '../shanghaiText.js';
import { MAX_LINE_CHARS, type Span } from './model.js';

export { displayWidth };

/**
 * Places spans on a line of text at their columns (x / characterWidth), at least two spaces apart
 * so that a reader splitting on runs of spaces finds the same spans. The text stops at
 * MAX_LINE_CHARS, however far a span is placed (a PDF may put text a million points away).
 * @param spans The spans, left to right.
 * @param characterWidth The width of one column in the spans' unit.
 */
export function renderSpans(spans: readonly Span[], characterWidth: number): string {
  let text = '';
  let column = 0;
  for (const span of spans) {
    const target = Math.round(span.x0 / characterWidth);
    const gap = Math.min(column === 0 && text === '' ? Math.max(target, 0) : Math.max(target - column, 2), MAX_LINE_CHARS);
    text += ' '.repeat(gap) + span.text;
    if (text.length >= MAX_LINE_CHARS) return text.slice(0, MAX_LINE_CHARS);
    column += gap + displayWidth(span.text);
  }
  return text;
}
