/**
 * JSON Pointer → text range, the one pure function behind every marker and every "reveal". Parses
 * the text once per evaluation (jsonc-parser) and walks down; a pointer to something that does not
 * exist falls back to its nearest existing ancestor and says so (`exact: false`). Objects and
 * arrays are marked at their property key, not over their whole (possibly huge) extent.
 */
import { type Node, findNodeAtLocation, parseTree } from 'jsonc-parser';

/** A range of text, in UTF-16 offsets (what Monaco's getPositionAt takes). */
export interface TextRange {
  /** Start offset. */
  readonly offset: number;
  /** Length. */
  readonly length: number;
  /** False when the pointer's target is absent and an ancestor stands in. */
  readonly exact: boolean;
}

/** A parsed text that answers pointers. */
export interface PointerIndex {
  /** The range for a JSON Pointer (the whole text when nothing matches). */
  rangeOf(pointer: string): TextRange;
}

function tokens(pointer: string): (string | number)[] {
  if (pointer === '' || !pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));
}

function visible(node: Node): TextRange {
  // A value that is an object or array: mark its key ("rows": …) rather than many lines.
  if ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'property') {
    const key = node.parent.children?.[0];
    if (key !== undefined) return { offset: key.offset, length: key.length, exact: true };
  }
  return { offset: node.offset, length: node.length, exact: true };
}

/**
 * Indexes a JSON text for pointer lookups.
 * @param text The JSON text (may be malformed: jsonc-parser recovers what it can).
 */
export function indexPointers(text: string): PointerIndex {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return {
    rangeOf(pointer: string): TextRange {
      if (root === undefined) return { offset: 0, length: 0, exact: false };
      const path = tokens(pointer);
      for (let depth = path.length; depth >= 0; depth--) {
        const node = findNodeAtLocation(root, path.slice(0, depth));
        if (node === undefined) continue;
        const range = visible(node);
        return depth === path.length ? range : { ...range, exact: false };
      }
      return { offset: root.offset, length: 0, exact: false };
    },
  };
}
