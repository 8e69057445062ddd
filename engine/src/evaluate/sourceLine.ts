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
