/**
 * The contract every fact follows: a definition object with its name, documentation, a JSON
 * Schema for its params, and a pure calculate function over the document context and the
 * current scope item. Facts never throw; they return `Unavailable` when they cannot compute.
 */
import { type DocumentContext, type FigureView } from '../document/context.js';

/** Text in the two languages the engine speaks. */
export interface Bilingual {
  /** Chinese (primary). */
  readonly 'zh-CN': string;
  /** English. */
  readonly en: string;
}

/** A group of share figures that divide one whole within one section. */
export interface ShareGroup {
  /** Section index. */
  readonly sectionIndex: number;
  /** Key of the whole. */
  readonly of: string;
  /** The share figures. */
  readonly figures: readonly FigureView[];
}

/** What the current scope item binds: the table, row, column, figure… a rule is applied to. */
export interface ScopeBinding {
  /** Pointer to the item (the default place of a finding). */
  readonly pointer: string;
  /** Table role. */
  readonly table?: string;
  /** Row index within the table. */
  readonly row?: number;
  /** Column id. */
  readonly column?: string;
  /** Narrative figure. */
  readonly figure?: FigureView;
  /** Share group. */
  readonly shareGroup?: ShareGroup;
  /** Index into /performance. */
  readonly performance?: number;
  /** Index into the performance table's indicators (scope `indicator`). */
  readonly indicator?: number;
  /** A text of the document (scope `text`). */
  readonly text?: string;
  /** The item's raw JSON, when the scope has it at hand (the value at `pointer`; saves resolving it). */
  readonly item?: unknown;
}

/** Everything a fact may read while it computes. */
export interface FactScope {
  /** The document. */
  readonly context: DocumentContext;
  /** The current scope item. */
  readonly binding: ScopeBinding;
}

/** What a fact returns, for validation of which operators may use it. */
export type FactValueType = 'quantity' | 'boolean' | 'text' | 'json';

/** A fact definition. */
export interface FactDefinition {
  /** Name used in rules (`"fact": "cell"`). */
  readonly name: string;
  /** What it computes. */
  readonly description: Bilingual;
  /** What it returns. */
  readonly returns: FactValueType;
  /** JSON Schema of its params (an object schema). */
  readonly params: Readonly<Record<string, unknown>>;
  /** A condition using it, for the docs. */
  readonly example: Readonly<Record<string, unknown>>;
  /** Params that default to the scope item when omitted (table, row, column). */
  readonly scoped?: readonly ('table' | 'row' | 'column')[];
  /** Scope kinds the fact needs, when it reads the scope item itself (e.g. a figure). */
  readonly requiresScope?: readonly string[];
  /** Checks the params when the rule set loads, beyond their schema; returns what is wrong, if anything. */
  validateParams?(params: Readonly<Record<string, unknown>>): string | undefined;
  /** Computes the value. */
  calculate(params: Readonly<Record<string, unknown>>, scope: FactScope): unknown;
}
