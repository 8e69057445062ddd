/**
 * Parsing JSON text with a precise place for the first problem (line, column and offset), for the
 * CLI's messages and the playground's markers, and the keys a text gives twice (JSON.parse keeps
 * the last one without a word). Isomorphic.
 */
import { type ParseError, parse, printParseErrorCode, visit } from 'jsonc-parser';
import { MAX_DOCUMENT_DEPTH, tooDeep } from './limits.js';
import { pointerOf } from './pointer.js';

/** Where and why a text is not JSON. */
export interface JsonSyntaxError {
  /** The parser's error name, e.g. CommaExpected. */
  readonly code: string;
  /** Offset of the problem (UTF-16). */
  readonly offset: number;
  /** Length of the offending token. */
  readonly length: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** A key given twice in one object: only the last value counts. */
export interface DuplicateKey {
  /** The key. */
  readonly key: string;
  /** JSON Pointer of the object. */
  readonly pointer: string;
  /** 1-based line of the second (or later) occurrence. */
  readonly line: number;
}

/**
 * Keys given twice as notes for the report (JSON.parse keeps the last value: said once per key).
 * @param duplicates The keys given twice.
 */
export function duplicateKeyNotes(duplicates: readonly DuplicateKey[]): { line: number; code: string; message: string }[] {
  return duplicates.map((duplicate) => ({
    line: duplicate.line,
    code: 'duplicate_key',
    message: `键“${duplicate.key}”在 ${duplicate.pointer || '/'} 中出现了不止一次（第 ${duplicate.line} 行）：只有最后一个值生效，请删去多余的 / key given twice; only the last value counts`,
  }));
}

/** A parsed value (with the keys given twice, when asked for), or where the text stops being JSON. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown; readonly duplicates?: readonly DuplicateKey[] } | { readonly ok: false; readonly error: JsonSyntaxError };

/** Nesting the syntax checker (recursive) may walk: deeper texts are refused before it runs. */
const MAX_TEXT_NESTING = 1000;

function placeOf(source: string, offset: number, bom: number, code: string, length: number): JsonSyntaxError {
  const before = source.slice(0, offset).split('\n');
  return { code, offset: offset + bom, length, line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where brackets first nest deeper than a limit (outside strings), or -1. Linear, iterative. */
function nestingPast(source: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth > limit) return index;
    } else if (character === ']' || character === '}') depth -= 1;
  }
  return -1;
}

/**
 * Parses strict JSON (no comments, no trailing commas); a leading byte-order mark is ignored.
 * @param text The text.
 * @param options duplicates: also list the keys given twice (a second pass over the text: for
 *   files read once, not for text re-parsed on every keystroke).
 */
export function parseJsonText(text: string, options: { readonly duplicates?: boolean } = {}): JsonParseResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom === 1 ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source) as unknown;
  } catch {
    const deep = nestingPast(source, MAX_TEXT_NESTING);
    if (deep >= 0) return { ok: false, error: placeOf(source, deep, bom, 'NestedTooDeep', 1) };
    const errors: ParseError[] = [];
    parse(source, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    return { ok: false, error: placeOf(source, first?.offset ?? source.length, bom, first === undefined ? 'InvalidJson' : printParseErrorCode(first.error), first?.length ?? 0) };
  }
  if (options.duplicates !== true) return { ok: true, value };
  // Duplicate keys are looked for only in values the engine will read (too deep: refused anyway).
  return { ok: true, value, duplicates: tooDeep(value, MAX_DOCUMENT_DEPTH) === undefined ? duplicateKeys(source) : [] };
}

/** The keys a JSON text gives twice in one object, each with the object's pointer and its line. */
function duplicateKeys(source: string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const objects: { keys: Set<string>; path: string }[] = [];
  visit(source, {
    onObjectBegin(_offset, _length, _line, _column, pathSupplier) {
      objects.push({ keys: new Set(), path: pointerOf(...pathSupplier()) });
    },
    onObjectEnd() {
      objects.pop();
    },
    onObjectProperty(property, _offset, _length, line) {
      const object = objects[objects.length - 1];
      if (object === undefined) return;
      if (object.keys.has(property)) duplicates.push({ key: property, pointer: object.path, line: line + 1 });
      object.keys.add(property);
    },
  });
  return duplicates;
}
