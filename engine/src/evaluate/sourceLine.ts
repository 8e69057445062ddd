/**
 * Source lines: documents imported from text record a `line` on tables, rows, figures and
 * sections. A finding's line is the `line` of the deepest object on its pointer's way down.
 */
import { parsePointer } from '../document/pointer.js';

/**
 * The source line for a pointer, or undefined when the document records none there.
 * @param document The document.
 * @param pointer A JSON Pointer into it.
 */
export function sourceLineOf(document: unknown, pointer: string): number | undefined {
  let tokens: readonly string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let current: unknown = document;
  let line: number | undefined;
  for (const token of ['', ...tokens]) {
    if (token !== '') {
      if (current === null || typeof current !== 'object') break;
      current = (current as Record<string, unknown>)[token];
    }
    const candidate = current !== null && typeof current === 'object' ? (current as Record<string, unknown>).line : undefined;
    if (typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 1) line = candidate;
  }
  return line;
}

/**
 * The source line of what a pattern found in a text (a finding's {match}): the line where it
 * starts, when the text's owner records where its source lines start (`textLines`, [offset, line]
 * pairs in order); undefined otherwise.
 * @param document The document.
 * @param pointer The text's JSON Pointer (…/text).
 * @param match What was found, as the pattern operators report it (its first occurrence).
 */
export function matchLineOf(document: unknown, pointer: string, match: string | undefined): number | undefined {
  if (match === undefined || match === '' || !pointer.endsWith('/text')) return undefined;
  let owner: unknown = document;
  try {
    for (const token of parsePointer(pointer).slice(0, -1)) {
      if (owner === null || typeof owner !== 'object') return undefined;
      owner = (owner as Record<string, unknown>)[token];
    }
  } catch {
    return undefined;
  }
  if (owner === null || typeof owner !== 'object') return undefined;
  const { text, textLines } = owner as { text?: unknown; textLines?: unknown };
  if (typeof text !== 'string' || !Array.isArray(textLines)) return undefined;
  const at = text.indexOf(match);
  if (at < 0) return undefined;
  let found: number | undefined;
  let previous = -1;
  for (const entry of textLines as unknown[]) {
    // Starts out of order or past the text (a hand-edited document) place nothing.
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [offset, line] = entry as unknown[];
    if (!Number.isInteger(offset) || !Number.isInteger(line) || (offset as number) <= previous || (offset as number) > text.length || (line as number) < 1) return undefined;
    previous = offset as number;
    if ((offset as number) <= at) found = line as number;
  }
  return found;
}
