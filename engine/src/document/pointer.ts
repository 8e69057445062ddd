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
 * Splits a pointer into tokens; numeric tokens stay strings.
 * @param pointer An RFC 6901 pointer ("" is the whole document).
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`JSON Pointer must start with "/": ${pointer}`);
  const tokens = pointer.slice(1).split('/');
  // Most pointers have no escapes: skip the regular expressions (findings resolve several each).
  return pointer.includes('~') ? tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~')) : tokens;
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
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    }
  }
  return current;
}
