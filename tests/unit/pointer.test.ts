import { describe, expect, it } from 'vitest';
import { escapeToken, parsePointer, pointerOf, resolvePointer } from '../../engine/src/document/pointer.js';

describe('JSON Pointers (RFC 6901)', () => {
  it('builds pointers, escaping ~ and /', () => {
    expect(pointerOf('tables', 'a/b', 'rows', 0)).toBe('/tables/a~1b/rows/0');
    expect(escapeToken('~x/')).toBe('~0x~1');
  });

  it('parses pointers, unescaping ~1 before ~0', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~01/c')).toEqual(['a/b', '~1', 'c']);
    expect(parsePointer('/')).toEqual(['']);
  });

  it('keeps parsed tokens: the same frozen array for the same pointer', () => {
    const first = parsePointer('/tables/incomeSummary/rows/3');
    expect(parsePointer('/tables/incomeSummary/rows/3')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a pointer without a leading slash, every time', () => {
    expect(() => parsePointer('tables')).toThrow(SyntaxError);
    expect(() => parsePointer('tables')).toThrow(SyntaxError);
  });

  it('stays correct past the cache bound', () => {
    for (let index = 0; index < 10_050; index++) expect(parsePointer(`/p/${index}`)).toEqual(['p', String(index)]);
    expect(parsePointer('/a~1b')).toEqual(['a/b']);
  });

  it('resolves objects and RFC 6901 array indices only', () => {
    const document = { rows: [{ name: 'x' }], 'a/b': 1, inherited: undefined };
    expect(resolvePointer(document, '/rows/0/name')).toBe('x');
    expect(resolvePointer(document, '/a~1b')).toBe(1);
    expect(resolvePointer(document, '/rows/00/name')).toBeUndefined();
    expect(resolvePointer(document, '/rows/-1')).toBeUndefined();
    expect(resolvePointer(document, '/rows/1e0')).toBeUndefined();
    expect(resolvePointer(document, '/toString')).toBeUndefined();
    expect(resolvePointer(document, '/rows/0/name/length')).toBeUndefined();
  });
});
