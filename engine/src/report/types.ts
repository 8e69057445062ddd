/** The report: the contract embedders, scripts and tests rely on (schemas/report.schema.json). */
import { type Severity } from '../rules/types.js';

/** One violation of one rule at one place. */
export interface Finding {
  /** Rule id (document-schema for shape problems). */
  readonly ruleId: string;
  /** Finding code, snake_case. */
  readonly code: string;
  /** Severity. */
  readonly severity: Severity;
  /** Message with the values filled in. */
  readonly message: string;
  /** JSON Pointer into the document. */
  readonly path: string;
  /** The rule's title. */
  readonly title?: string;
  /** The rule's legal basis. */
  readonly basis?: readonly string[];
  /** Expected value, formatted. */
  readonly expected?: string;
  /** Actual value, formatted. */
  readonly actual?: string;
  /** actual − expected, formatted. */
  readonly difference?: string;
  /** The values that filled the message. */
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
  /** Related places (e.g. the other side of a comparison). */
  readonly relatedPaths?: readonly string[];
  /** Place in the source, when the document records it: the text's line; for PDF input also the page and the box (PDF user space). */
  readonly source?: { readonly line: number; readonly page?: number; readonly box?: readonly [number, number, number, number] };
}

/** How one rule ended. */
export type RuleStatus = 'pass' | 'fail' | 'not_applicable' | 'error';

/** One rule's outcome. */
export interface RuleOutcome {
  /** Rule id. */
  readonly ruleId: string;
  /** pass, fail, not_applicable or error. */
  readonly status: RuleStatus;
  /** Why it was not applicable or could not be evaluated. */
  readonly reason?: string;
}

/** Counts. */
export interface Summary {
  /** Error findings. */
  readonly error: number;
  /** Warning findings. */
  readonly warning: number;
  /** Info findings. */
  readonly info: number;
  /** Rules evaluated. */
  readonly rulesEvaluated: number;
  /** Rules that passed. */
  readonly passed: number;
  /** Rules that failed. */
  readonly failed: number;
  /** Rules not applicable. */
  readonly notApplicable: number;
  /** Rules that could not be evaluated. */
  readonly errored: number;
}

/** The findings of one rule with one cause (one defect), however many places it shows at. */
export interface FindingGroup {
  /** Rule id. */
  readonly ruleId: string;
  /** The findings' code. */
  readonly code: string;
  /** Severity. */
  readonly severity: Severity;
  /** What the defect is: the rule's title (or, without one, the first finding's message). */
  readonly message: string;
  /** How many places. */
  readonly count: number;
  /** The findings, as indexes into `findings`. */
  readonly findings: readonly number[];
}

/** The result of checking one document. */
export interface Report {
  /** No error-severity findings. */
  readonly valid: boolean;
  /** The rule set used. */
  readonly ruleSet: { readonly id: string; readonly version: string };
  /** The document checked. */
  readonly document: {
    readonly department?: string;
    readonly fiscalYear?: number;
    readonly kind?: string;
    readonly file?: string;
    readonly sourceFile?: string;
  };
  /** Counts. */
  readonly summary: Summary;
  /** Findings sorted by (path, ruleId). */
  readonly findings: readonly Finding[];
  /** Each rule's outcome, in rule-set order. */
  readonly outcomes: readonly RuleOutcome[];
  /** The findings grouped by defect (rule and code): errors first, then by size. Additive: every finding still stands alone. */
  readonly groups?: readonly FindingGroup[];
}
