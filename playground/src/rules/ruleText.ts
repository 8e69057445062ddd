/**
 * The rules text as the rule form sees it: the rules of a rule set read from its JSON text (even
 * while it has a syntax error elsewhere), and the edits that change one value of one rule in
 * place. Edits come from jsonc-parser's `modify`, so the rest of the text (other rules, their
 * formatting) is left exactly as it was. Pure functions over the text.
 */
import { type JSONPath, type Node, type ParseError, applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree } from 'jsonc-parser';

/** One change to a text: replace `length` characters at `offset` with `content`. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** A rule as read from the rules text. */
export interface RuleEntry {
  /** Its index in the rule set's `rules`. */
  readonly index: number;
  /** Its id ('' when it has none yet). */
  readonly id: string;
  /** Its JSON value. */
  readonly rule: Readonly<Record<string, unknown>>;
  /** Where it is in the text. */
  readonly offset: number;
  readonly length: number;
}

/** Text in zh-CN with an optional English version, as rules write titles and messages. */
export type Localized = string | { readonly 'zh-CN'?: string; readonly en?: string };

const FORMATTING = { formattingOptions: { tabSize: 2, insertSpaces: true, eol: '\n' } } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The rules of a rule-set text, in order, and whether the text has a syntax error (its rules are
 * then those read up to it). A text that does not parse as far as its rules gives none.
 * @param text The rule set's JSON text.
 */
export function readRules(text: string): { readonly rules: RuleEntry[]; readonly broken: boolean } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors);
  const rules = root === undefined ? undefined : findNodeAtLocation(root, ['rules']);
  if (rules?.type !== 'array') return { rules: [], broken: errors.length > 0 };
  const entries = (rules.children ?? []).flatMap((node: Node, index) => {
    const value: unknown = getNodeValue(node);
    if (!isRecord(value)) return [];
    return [{ index, id: typeof value.id === 'string' ? value.id : '', rule: value, offset: node.offset, length: node.length }];
  });
  return { rules: entries, broken: errors.length > 0 };
}

/**
 * The edits that set (or, with undefined, remove) one value inside a rule.
 * @param text The rules text.
 * @param index The rule's index.
 * @param path Where in the rule.
 * @param value The new value; undefined removes it.
 */
export function setInRule(text: string, index: number, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, ['rules', index, ...path], value, FORMATTING);
}

/**
 * The edits that append a value to an array inside a rule (a condition to a group).
 * @param text The rules text.
 * @param index The rule's index.
 * @param path The array, in the rule.
 * @param value The new item.
 */
export function appendInRule(text: string, index: number, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, ['rules', index, ...path, -1], value, { ...FORMATTING, isArrayInsertion: true });
}

/**
 * The edits that set one language of a localized text (a title, a message). A plain string is the
 * Chinese text; giving it an English version turns it into {"zh-CN", "en"}; an empty English
 * version is removed.
 * @param text The rules text.
 * @param index The rule's index.
 * @param key The rule's key ("title", "message").
 * @param current Its current value.
 * @param language Which version.
 * @param value The new text of that version.
 */
export function setLocalized(text: string, index: number, key: string, current: unknown, language: 'zh-CN' | 'en', value: string): TextEdit[] {
  if (typeof current === 'string' || !isRecord(current)) {
    if (language === 'zh-CN') return setInRule(text, index, [key], value);
    if (value === '') return [];
    return setInRule(text, index, [key], { 'zh-CN': typeof current === 'string' ? current : '', en: value });
  }
  if (language === 'en' && value === '') return setInRule(text, index, [key, 'en'], undefined);
  return setInRule(text, index, [key, language], value);
}

/**
 * The edits that append a rule to the rule set.
 * @param text The rules text.
 * @param rule The new rule.
 */
export function appendRule(text: string, rule: Readonly<Record<string, unknown>>): TextEdit[] {
  return modify(text, ['rules', -1], rule, { ...FORMATTING, isArrayInsertion: true });
}

/**
 * Applies edits to a text (for tests and for chaining edits before they reach the editor).
 * @param text The text.
 * @param edits Edits computed on it.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, [...edits]);
}

/**
 * One language of a localized text: the English version falls back to the Chinese one.
 * @param value A title or message.
 * @param language Which version.
 * @param fallback Whether English falls back to Chinese.
 */
export function localized(value: unknown, language: 'zh-CN' | 'en', fallback = true): string {
  if (typeof value === 'string') return language === 'zh-CN' || fallback ? value : '';
  if (!isRecord(value)) return '';
  const zh = typeof value['zh-CN'] === 'string' ? value['zh-CN'] : '';
  if (language === 'zh-CN') return zh;
  return typeof value.en === 'string' && value.en !== '' ? value.en : fallback ? zh : '';
}

/**
 * A rule id not yet taken: the base, else the base with -2, -3…
 * @param base The wanted id.
 * @param taken Ids in use.
 */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}
