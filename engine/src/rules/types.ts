/** The rule format: declarative JSON that policy staff write (schemas/rule.schema.json). */
import { type RowSelector } from '../document/selectors.js';

/** Text in zh-CN, optionally with an English version. */
export type LocalizedText = string | { readonly 'zh-CN': string; readonly en?: string };

/** Finding severities. */
export type Severity = 'error' | 'warning' | 'info';

/** A json-rules-engine leaf condition, or a reference to another fact on the right-hand side. */
export interface FactCondition {
  /** Fact name. */
  readonly fact: string;
  /** Operator name. */
  readonly operator: string;
  /** Constant or `{fact, params, path}` reference. */
  readonly value: unknown;
  /** Fact params. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** JSON Pointer into the fact value. */
  readonly path?: string;
  /** Optional name, shown in traces. */
  readonly name?: string;
  /** `skip`: when its data is missing, skip this comparison (only directly under the top-level `all` of `conditions`). */
  readonly ifMissing?: 'skip';
}

/** all / any / not, or a leaf. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FactCondition;

/** The top of a rule's conditions: all, any or not. */
export type TopLevelCondition = { readonly all: readonly Condition[] } | { readonly any: readonly Condition[] } | { readonly not: Condition };

/** Which narrative figures a figure scope covers. */
export interface FigureSelector {
  /** Figure key(s). */
  readonly key?: string | readonly string[];
  /** Figure kind. */
  readonly kind?: 'amount' | 'share' | 'change' | 'count';
  /** Section id. */
  readonly section?: string;
}

/** What a rule is applied to, once per matching item. */
export type Scope =
  | { readonly each: 'table'; readonly tables?: readonly string[] }
  | { readonly each: 'row'; readonly tables: readonly string[]; readonly rows?: RowSelector }
  | { readonly each: 'column'; readonly tables: readonly string[]; readonly columns?: readonly string[] }
  | { readonly each: 'cell'; readonly tables: readonly string[]; readonly rows?: RowSelector; readonly columns?: readonly string[] }
  | { readonly each: 'figure'; readonly figures?: FigureSelector }
  | { readonly each: 'shareGroup' }
  | { readonly each: 'performanceTable'; readonly printed?: readonly string[] }
  | { readonly each: 'indicator'; readonly printed?: readonly string[] }
  | { readonly each: 'text'; readonly texts?: readonly TextKind[] };

/** Which texts a `text` scope covers. */
export type TextKind = 'narrative' | 'sections' | 'performance' | 'indicators' | 'tables' | 'projects';

/** One rule. */
export interface RuleDefinition {
  /** Stable kebab-case id. */
  readonly id: string;
  /** What the rule requires, in one line. */
  readonly title: LocalizedText;
  /** Longer explanation. */
  readonly description?: LocalizedText;
  /** The finding's message; `{name}` placeholders are filled with values. */
  readonly message: LocalizedText;
  /** error, warning or info. */
  readonly severity: Severity;
  /** Regulation and article the rule comes from. */
  readonly basis: readonly string[];
  /** Tags for selection. */
  readonly tags?: readonly string[];
  /** Finding code (snake_case); defaults to rule_violated. */
  readonly code?: string;
  /** Apply to every matching table, row, column, cell or figure. */
  readonly scope?: Scope;
  /** When false, the rule does not apply (to this item). */
  readonly when?: TopLevelCondition;
  /** What must hold; when false, a finding. */
  readonly conditions: TopLevelCondition;
  /** Where findings point: a JSON Pointer template with {table}, {row}, {column}. */
  readonly path?: string;
  /** The rule's own pass and fail cases (single-file rule sets). */
  readonly cases?: unknown;
}

/** A rule set: manifest plus rules. */
export interface RuleSet {
  /** Stable id. */
  readonly id: string;
  /** Version (semver). */
  readonly version: string;
  /** Title. */
  readonly title: LocalizedText;
  /** Document kinds it applies to. */
  readonly documentKinds?: readonly string[];
  /** Description. */
  readonly description?: LocalizedText;
  /** The rules, in evaluation order. */
  readonly rules: readonly RuleDefinition[];
}
