/**
 * Rendering positioned spans as a line of text, and measuring text in display columns (a CJK or
 * full-width character is two columns wide, as in `pdftotext -layout` output read in a terminal).
 */
import { type Span } from './model.js';

/** Characters two columns wide: CJK ideographs, full-width forms, CJK punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * The display width of a text in columns.
 * @param text Any text.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/**
 * Places spans on a line of text at their columns (x / characterWidth), at least two spaces apart
 * so that a reader splitting on runs of spaces finds the same spans.
 * @param spans The spans, left to right.
 * @param characterWidth The width of one column in the spans' unit.
 */
export function renderSpans(spans: readonly Span[], characterWidth: number): string {
  let text = '';
  let column = 0;
  for (const span of spans) {
    const target = Math.round(span.x0 / characterWidth);
    const gap = column === 0 && text === '' ? Math.max(target, 0) : Math.max(target - column, 2);
    text += ' '.repeat(gap) + span.text;
    column += gap + displayWidth(span.text);
  }
  return text;
}
