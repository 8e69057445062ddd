/**
 * JSON Pointer → text range, behind every marker and every "reveal". One pass over the text with
 * jsonc-parser's visitor (no syntax tree is built: a 5,000-line document is scanned in a few
 * milliseconds), recording the ranges of the pointers asked for and of their ancestors. A pointer
 * to something absent falls back to its nearest existing ancestor and says so (`exact: false`).
 * Objects and arrays are marked at their property key, not over their whole extent.
 */
import { visit } from 'jsonc-parser';
import { escapeToken } from '../../../engine/src/index.js';

/** A range of text, in UTF-16 offsets (what Monaco's getPositionAt takes). */
export interface TextRange {
  /** Start offset. */
  readonly offset: number;
  /** Length. */
  readonly length: number;
  /** False when the pointer's target is absent and an ancestor stands in. */
  readonly exact: boolean;
}

function ancestors(pointer: string): string[] {
  const result = [pointer];
  let current = pointer;
  while (current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    result.push(current);
  }
  return result;
}

interface Container {
  readonly pointer: string;
  readonly isArray: boolean;
  nextIndex: number;
}

/**
 * Finds the ranges of JSON Pointers in a JSON text (which may be malformed: what can be read is used).
 * @param text The JSON text.
 * @param pointers The pointers to locate.
 */
export function locatePointers(text: string, pointers: readonly string[]): Map<string, TextRange> {
  const wanted = new Set(pointers.flatMap(ancestors));
  const found = new Map<string, TextRange>();
  const stack: Container[] = [];
  let key: { pointer: string; offset: number; length: number } | undefined;

  const nextValue = (): { pointer: string; keyRange?: { offset: number; length: number } } => {
    const top = stack[stack.length - 1];
    if (top === undefined) return { pointer: '' };
    if (top.isArray) return { pointer: `${top.pointer}/${top.nextIndex++}` };
    const current = key;
    key = undefined;
    return current === undefined ? { pointer: `${top.pointer}/` } : { pointer: current.pointer, keyRange: current };
  };
  const record = (pointer: string, offset: number, length: number) => {
    if (wanted.has(pointer) && !found.has(pointer)) found.set(pointer, { offset, length, exact: true });
  };
  const open = (offset: number, isArray: boolean) => {
    const { pointer, keyRange } = nextValue();
    record(pointer, keyRange?.offset ?? offset, keyRange?.length ?? 1);
    stack.push({ pointer, isArray, nextIndex: 0 });
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        open(offset, false);
      },
      onArrayBegin: (offset) => {
        open(offset, true);
      },
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1];
        key = { pointer: `${top?.pointer ?? ''}/${escapeToken(property)}`, offset, length };
      },
      onLiteralValue: (_value, offset, length) => {
        const { pointer } = nextValue();
        record(pointer, offset, length);
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );

  const ranges = new Map<string, TextRange>();
  for (const pointer of pointers) {
    const nearest = ancestors(pointer).find((candidate) => found.has(candidate));
    const range = nearest === undefined ? { offset: 0, length: 0, exact: false } : found.get(nearest)!;
    ranges.set(pointer, nearest === pointer ? range : { ...range, exact: false });
  }
  return ranges;
}
