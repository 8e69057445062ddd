/**
 * The typed protocol between the page and the evaluation worker. Every request carries an id;
 * the page applies a response only if it answers the newest request of its kind, so a stale
 * result never overwrites a newer one.
 */
import { type Finding, type Language, type Report } from '../../../engine/src/index.js';
import { type TextRange } from '../editor/pointerToRange.js';

/** A problem located in one of the two texts. */
export interface TextProblem {
  /** What is wrong. */
  readonly message: string;
  /** Where (offsets into the text). */
  readonly range: TextRange;
  /** JSON Pointer, when known. */
  readonly pointer?: string;
}

/** A finding of the last evaluation; its place in the text arrives in a `located` message. */
export type LocatedFinding = Finding;

/** One case of a rule, ready to run (base document already loaded). */
export interface CaseInput {
  /** What the case shows. */
  readonly name: string;
  /** The base document. */
  readonly document: unknown;
  /** RFC 6902 operations applied to it. */
  readonly patch?: readonly unknown[];
  /** The pointers the rule must report. */
  readonly findings: readonly string[];
}

/** The result of one case. */
export interface CaseResult {
  /** The case name. */
  readonly name: string;
  /** Whether the rule reported exactly the expected pointers. */
  readonly passed: boolean;
  /** Expected pointers. */
  readonly expected: readonly string[];
  /** Reported pointers. */
  readonly actual: readonly string[];
  /** Why the case could not run, if it could not. */
  readonly error?: string;
}

/** What the importer could not read in a published text, at its line. */
export interface ImportNote {
  /** 1-based line of the text. */
  readonly line: number;
  /** snake_case code. */
  readonly code: string;
  /** What was not read. */
  readonly message: string;
}

/** Page → worker. */
export type WorkerRequest =
  | {
      readonly type: 'evaluate';
      readonly id: number;
      readonly rulesText: string;
      readonly documentText: string;
      readonly language: Language;
      /** Problems of the text the document was imported from, reported as warnings. */
      readonly importProblems?: readonly ImportNote[];
      /** A new document (not an edit): warm the worker's code paths on it afterwards. */
      readonly warmUp?: boolean;
      /** The document came from the PDF last imported: findings carry its page and box. */
      readonly fromPdf?: boolean;
      /** Rules switched off in the page (by id): not evaluated. */
      readonly skip?: readonly string[];
    }
  | { readonly type: 'import'; readonly id: number; readonly text: string; readonly file?: string }
  /** A PDF's bytes, read with pdf.js in the worker. */
  | { readonly type: 'importPdf'; readonly id: number; readonly data: ArrayBuffer; readonly file?: string }
  | { readonly type: 'runCases'; readonly id: number; readonly rulesText: string; readonly ruleId: string; readonly cases: readonly CaseInput[]; readonly language: Language };

/** Worker → page. */
export type WorkerResponse =
  | {
      readonly type: 'evaluated';
      readonly id: number;
      /** The report, when rules and document could be used. */
      readonly report?: Report;
      readonly findings: readonly LocatedFinding[];
      /** Problems of the rule set, located in the rules text. */
      readonly ruleProblems: readonly TextProblem[];
      /** A problem that makes the document text unusable (malformed JSON). */
      readonly documentProblem?: TextProblem;
      /** Milliseconds spent in the worker. */
      readonly elapsed: number;
      /** Set when the worker failed unexpectedly. */
      readonly internalError?: string;
    }
  | {
      readonly type: 'imported';
      readonly id: number;
      /** For a PDF: how many pages it has. */
      readonly pageCount?: number;
      /** The document as JSON text, when the text is a disclosure. */
      readonly documentText?: string;
      /** What could not be read, at its line. */
      readonly problems: readonly ImportNote[];
      /** Why the text is not a disclosure at all. */
      readonly error?: string;
    }
  | {
      /** Sent as an evaluation starts each rule (so that a watchdog that stops the worker can name it). */
      readonly type: 'progress';
      readonly id: number;
      readonly ruleId: string;
    }
  | {
      /** Sent right after `evaluated`: where each of its findings is in the document text. */
      readonly type: 'located';
      readonly id: number;
      readonly ranges: readonly TextRange[];
    }
  | { readonly type: 'casesRun'; readonly id: number; readonly ruleId: string; readonly results: readonly CaseResult[]; readonly ruleProblems: readonly TextProblem[] };
