/**
 * The importer's shared types: the text as numbered lines, and what an importer stage returns.
 * Every stage reads lines and returns document parts plus problems; nothing it cannot read is
 * dropped silently — it becomes an ImportProblem at its line (a warning finding).
 */

/** One line of the source text. */
export interface SourceLine {
  /** 1-based line number in the original text. */
  readonly number: number;
  /** The line, normalised (no CR, full-width digits and punctuation of numbers folded, markup removed), not trimmed. */
  readonly text: string;
  /** Tab-separated cells (tab layout), each trimmed; a single cell when the line has no tab. */
  readonly cells: readonly string[];
  /** Whether the line runs to the right margin of its page (a wrapped line of prose, not a heading); known for PDF input. */
  readonly full?: boolean;
  /** The line's length before it was cut to MAX_LINE_CHARS, when it was. */
  readonly cutFrom?: number;
}

/** Something the importer saw but could not turn into document data. */
export interface ImportProblem {
  /** 1-based source line. */
  readonly line: number;
  /** snake_case code, e.g. unrecognised_text, unknown_table, unknown_column. */
  readonly code: string;
  /** What was not understood, in Chinese, with what to do. */
  readonly message: string;
}

/** The two layouts of published text. */
export type Layout = 'tab-text' | 'layout-text';

/** What the stages know about the document while importing. */
export interface ImportContext {
  /** Department name. */
  readonly department: string;
  /** Fiscal year. */
  readonly fiscalYear: number;
  /** Default unit of the narrative (万元 when not stated). */
  readonly unit: '元' | '万元';
  /** Layout of the text. */
  readonly layout: Layout;
}

/** The result of a stage: its part of the document and what it could not read. */
export interface StageResult<T> {
  /** The part. */
  readonly value: T;
  /** Problems at their lines. */
  readonly problems: readonly ImportProblem[];
}
