/**
 * Parsing JSON text with a precise place for the first problem (line, column and offset), for the
 * CLI's messages and the playground's markers. Isomorphic.
 */
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

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

/** A parsed value, or where the text stops being JSON. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: JsonSyntaxError };

/**
 * Parses strict JSON (no comments, no trailing commas); a leading byte-order mark is ignored.
 * @param text The text.
 */
export function parseJsonText(text: string): JsonParseResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom === 1 ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch {
    const errors: ParseError[] = [];
    parse(source, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? source.length;
    const before = source.slice(0, offset).split('\n');
    return {
      ok: false,
      error: {
        code: first === undefined ? 'InvalidJson' : printParseErrorCode(first.error),
        offset: offset + bom,
        length: first?.length ?? 0,
        line: before.length,
        column: before[before.length - 1]!.length + 1,
      },
    };
  }
}
