/**
 * Limits the engine keeps whatever it is given: how deep a document or rule set may nest, and how
 * much of a raw value a message shows. Documents come from thousands of submitters; a 5,000-deep
 * array in a cell must end in a finding, not a stack overflow, and no value is ever stringified
 * without a bound.
 */
import { pointerOf } from './pointer.js';

/** Deepest nesting of arrays and objects in a document (the sample nests 8 deep). */
export const MAX_DOCUMENT_DEPTH = 64;
/** Deepest nesting in a rule set's JSON (the bundled pack nests 12 deep). */
export const MAX_RULE_SET_DEPTH = 64;
/** Most rows in one table (a department's largest tables have a few hundred). */
export const MAX_TABLE_ROWS = 10_000;
/** Longest published text imported, in characters (a 100-page disclosure's text is about 300,000). */
export const MAX_TEXT_CHARS = 10_000_000;
/** Most pages of a PDF read (a department's disclosure has 20 to 100). */
export const MAX_PDF_PAGES = 500;
/** Most lines of a published text or PDF imported (a 100-page disclosure has about 5,000). */
export const MAX_TEXT_LINES = 200_000;

/**
 * Why a published text is too large to import (characters or lines past the limits), or undefined.
 * Counted before the text is split, so that a text of millions of blank lines costs no more than a scan.
 * @param text The text.
 */
export function textTooLarge(text: string): string | undefined {
  if (text.length > MAX_TEXT_CHARS) {
    return `文本有 ${text.length} 个字符，超过 ${MAX_TEXT_CHARS} 个字符的上限：公开文件的文本远没有这么长，请核对是否选错了文件 / the text has ${text.length} characters, over the ${MAX_TEXT_CHARS} limit`;
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines += 1;
    if (lines > MAX_TEXT_LINES) break;
  }
  if (lines > MAX_TEXT_LINES) return linesPastLimit();
  return undefined;
}

/** The message for a text or PDF with more than MAX_TEXT_LINES lines. */
export function linesPastLimit(): string {
  return `文本超过 ${MAX_TEXT_LINES} 行的上限：公开文件远没有这么多行，请核对是否选错了文件 / the text has more than ${MAX_TEXT_LINES} lines, the limit`;
}

/**
 * The first table with more rows than the limit: its pointer and row count, or undefined.
 * @param document Any JSON value (a document).
 */
export function tooManyRows(document: unknown): { readonly pointer: string; readonly rows: number } | undefined {
  const tables = document !== null && typeof document === 'object' ? (document as { tables?: unknown }).tables : undefined;
  if (tables === null || typeof tables !== 'object') return undefined;
  for (const [role, table] of Object.entries(tables)) {
    const rows = table !== null && typeof table === 'object' ? (table as { rows?: unknown }).rows : undefined;
    if (Array.isArray(rows) && rows.length > MAX_TABLE_ROWS) return { pointer: pointerOf('tables', role, 'rows'), rows: rows.length };
  }
  return undefined;
}

/**
 * The JSON Pointer of the first value nested deeper than a limit, or undefined. Iterative, so it
 * cannot overflow the stack however deep the value is; it runs on every check, so it only
 * visits containers and builds a pointer only for the one it reports.
 * @param value Any JSON value.
 * @param limit The deepest nesting allowed.
 */
export function tooDeep(value: unknown, limit: number): string | undefined {
  interface Visit {
    readonly value: object;
    readonly depth: number;
    readonly parent?: Visit;
    readonly key?: string | number;
  }
  const pointer = (visit: Visit): string => {
    const tokens: (string | number)[] = [];
    for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) tokens.push(at.key);
    return pointerOf(...tokens.reverse());
  };
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Visit[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.depth >= limit) return pointer(visit);
    if (Array.isArray(visit.value)) {
      visit.value.forEach((child: unknown, index) => {
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth: visit.depth + 1, parent: visit, key: index });
      });
    } else {
      for (const key in visit.value) {
        const child = (visit.value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth: visit.depth + 1, parent: visit, key });
      }
    }
  }
  return undefined;
}

/**
 * A raw value as a message shows it: JSON-like, at most `limit` characters, nested values
 * summarised ([…], {…}); never throws, whatever the value.
 * @param value Any value.
 * @param limit Characters at most.
 */
export function preview(value: unknown, limit = 60): string {
  const shown = previewOf(value, 0);
  return shown.length > limit ? `${shown.slice(0, limit - 1)}…` : shown;
}

function previewOf(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value !== 'object') return typeof value;
  if (depth >= 1) return Array.isArray(value) ? (value.length === 0 ? '[]' : '[…]') : Object.keys(value).length === 0 ? '{}' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 3).map((item) => previewOf(item, depth + 1));
    return `[${items.join(',')}${value.length > 3 ? ',…' : ''}]`;
  }
  const entries = Object.entries(value);
  const shown = entries.slice(0, 3).map(([key, item]) => `${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}:${previewOf(item, depth + 1)}`);
  return `{${shown.join(',')}${entries.length > 3 ? ',…' : ''}}`;
}
