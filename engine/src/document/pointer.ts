/** JSON Pointers (RFC 6901): the one way the engine names a place in a document. */

/**
 * Escapes one reference token.
 * @param token A property name or array index.
 */
export function escapeToken(token: string | number): string {
  const text = String(token);
  // Most tokens (ids, indices) need no escaping: skip the regular expressions (hot path).
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/**
 * Builds a pointer from tokens: pointerOf('tables', 'incomeSummary', 'rows', 0) → "/tables/incomeSummary/rows/0".
 * @param tokens The path.
 */
export function pointerOf(...tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/**
 * Splits a pointer into tokens; numeric tokens stay strings. The array is shared: do not change it.
 * @param pointer An RFC 6901 pointer ("" is the whole document).
 */
export function parsePointer(pointer: string): readonly string[] {
  // The same pointers (rule paths and fields, scope items) are resolved again and again: keep
  // their tokens. The cache is bounded, so a long-running process cannot grow it without end.
  let tokens = parsedPointers.get(pointer);
  if (tokens === undefined) {
    if (pointer !== '' && !pointer.startsWith('/')) throw new SyntaxError(`JSON Pointer must start with "/": ${pointer}`);
    const split = pointer === '' ? [] : pointer.slice(1).split('/');
    // Most pointers have no escapes: skip the regular expressions.
    tokens = Object.freeze(pointer.includes('~') ? split.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~')) : split);
    if (parsedPointers.size >= PARSED_POINTERS_LIMIT) parsedPointers.clear();
    parsedPointers.set(pointer, tokens);
  }
  return tokens;
}

const PARSED_POINTERS_LIMIT = 10_000;
const parsedPointers = new Map<string, readonly string[]>();

/** An RFC 6901 array index ("0", "12"; not "01", "-1" or "1e2"), without a regular expression (hot path). */
function arrayIndex(token: string): number | undefined {
  if (token.length === 0 || (token.length > 1 && token.charCodeAt(0) === 48)) return undefined;
  for (let position = 0; position < token.length; position += 1) {
    const code = token.charCodeAt(position);
    if (code < 48 || code > 57) return undefined;
  }
  return Number(token);
}

/**
 * Resolves a pointer in a value; undefined if any step is absent.
 * @param root The document.
 * @param pointer The pointer.
 */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const token of parsePointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      const index = arrayIndex(token);
      if (index === undefined) return undefined;
      current = current[index];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    }
  }
  return current;
}
