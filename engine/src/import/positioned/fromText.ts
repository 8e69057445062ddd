/**
 * Published text as positioned lines: tab-separated cells become spans at their cell index, and
 * space-aligned text (`pdftotext -layout`) spans at their display columns, split at runs of two
 * or more spaces. Form feeds count pages.
 */
import { type Layout, type SourceLine } from '../types.js';
import { type PositionedText, type Span } from './model.js';
import { displayWidth } from './render.js';

/** The width given to one tab-separated cell, so cell i spans [i·CELL, i·CELL + CELL − 1). */
const CELL = 100;

function alignedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const plain = text.replace(/\f/g, '');
  for (const match of plain.matchAll(/\S+(?: \S+)*/g)) {
    const x0 = displayWidth(plain.slice(0, match.index));
    spans.push({ text: match[0], x0, x1: x0 + displayWidth(match[0]) });
  }
  return spans;
}

function tabSpans(cells: readonly string[]): Span[] {
  return cells.flatMap((cell, index) => (cell === '' ? [] : [{ text: cell, x0: index * CELL, x1: index * CELL + CELL - 1 }]));
}

/**
 * The positioned lines of a published text.
 * @param lines Its source lines.
 * @param layout Its layout.
 */
export function positionedFromLines(lines: readonly SourceLine[], layout: Layout): PositionedText {
  let page = 1;
  const positioned = lines.map((line) => {
    if (line.text.includes('\f') && line.number > 1) page += 1;
    const tabbed = layout === 'tab-text';
    return { number: line.number, page, spans: tabbed ? tabSpans(line.cells) : alignedSpans(line.text), text: line.text, size: tabbed ? CELL / 4 : 2 };
  });
  return { format: layout, lines: positioned, pageCount: page };
}
