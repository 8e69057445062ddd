/**
 * The positioned-text model every source is turned into (PDF, space-aligned text, tab-separated
 * text): lines in reading order, each a list of spans with their horizontal extent. The stages
 * read tables from span positions and text from the lines' rendered text, whatever the source.
 */

/**
 * The longest line any stage reads. No disclosure's line comes near it (the corpus's longest is
 * 719 characters); a longer one is cut here, and said so, so that every pattern of the reader
 * sees bounded text whatever a document holds.
 */
export const MAX_LINE_CHARS = 2_000;

/** A rectangle in PDF user space: [x0, y0, x1, y1], origin bottom-left. */
export type Box = readonly [number, number, number, number];

/** A run of text on a line with its horizontal extent (PDF points, or character columns for text input). */
export interface Span {
  /** The text, trimmed. */
  readonly text: string;
  /** Left edge. */
  readonly x0: number;
  /** Right edge. */
  readonly x1: number;
}

/** One line of the document. */
export interface PositionedLine {
  /** 1-based line number of the text view (the line a finding's source.line names). */
  readonly number: number;
  /** 1-based page (PDF input; for text input, counted by form feeds). */
  readonly page: number;
  /** The spans, left to right. */
  readonly spans: readonly Span[];
  /** The line as text (spans placed by position), as the text view shows it. */
  readonly text: string;
  /** The line's rectangle in PDF user space (PDF input only). */
  readonly box?: Box;
  /** The width of a CJK character in the spans' unit (the font size for PDF input, 2 columns for aligned text). */
  readonly size: number;
  /** The line's length before it was cut to MAX_LINE_CHARS, when it was. */
  readonly cutFrom?: number;
}

/** Where the text came from. */
export type SourceFormat = 'pdf' | 'tab-text' | 'layout-text';

/** A document as positioned lines. */
export interface PositionedText {
  /** The source format. */
  readonly format: SourceFormat;
  /** All lines, in reading order, numbered from 1. */
  readonly lines: readonly PositionedLine[];
  /** Number of pages. */
  readonly pageCount: number;
  /** Pages with images but no text (a scanned table or letter): their content is not read. */
  readonly imagePages?: readonly number[];
}

/** A place in the source: the text view's line, and for PDF input its page and box. */
export interface SourcePlace {
  /** 1-based line of the text view. */
  readonly line: number;
  /** 1-based page. */
  readonly page?: number;
  /** Rectangle in PDF user space. */
  readonly box?: Box;
}

/**
 * The place of each line, for findings on PDF input (line → page and box).
 * @param text The positioned text.
 */
export function placesOf(text: PositionedText): ReadonlyMap<number, SourcePlace> {
  const places = new Map<number, SourcePlace>();
  for (const line of text.lines) {
    places.set(line.number, { line: line.number, page: line.page, ...(line.box !== undefined ? { box: line.box } : {}) });
  }
  return places;
}
