/** Share links and autosave: only what differs from the defaults, and the start-state precedence. */
import { describe, expect, it } from 'vitest';
import { type Defaults, STORAGE_KEY, decodeHash, encodeHash, fromDelta, initialState, toDelta } from '../../playground/src/state/shareState.js';

const format = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const rulesText = format({ id: 'pack', rules: [{ id: 'a', severity: 'error' }] });
const examples: Record<string, string> = {
  sample: format({ meta: { department: '局' }, tables: { t: { rows: [{ values: { total: '1.00' } }] } } }),
  other: format({ meta: { department: '另一局' } }),
};
const defaults: Defaults = { example: 'sample', rulesText, exampleText: (id) => Promise.resolve(examples[id]) };
const state = { example: 'sample', language: 'zh-CN' as const, rulesText, documentText: examples.sample! };
const storage = (value: string | null) => ({ getItem: (key: string) => (key === STORAGE_KEY ? value : null) });

describe('share state', () => {
  it('stores nothing when nothing differs', () => {
    expect(toDelta(state, defaults, examples.sample!)).toEqual({});
    expect(encodeHash({})).toBe('');
  });

  it('stores an edit as a small JSON patch and rebuilds the exact text', async () => {
    const edited = { ...state, documentText: examples.sample!.replace('"1.00"', '"2.00"') };
    const delta = toDelta(edited, defaults, examples.sample!);
    expect(delta).toEqual({ d: { p: [{ op: 'replace', path: '/tables/t/rows/0/values/total', value: '2.00' }] } });
    const hash = encodeHash(delta);
    expect(hash.length).toBeLessThan(120);
    expect(await fromDelta(decodeHash(hash)!, defaults)).toEqual(edited);
  });

  it('keeps text that is not JSON (or not formatted as JSON.stringify would) as it is', async () => {
    const broken = { ...state, rulesText: '{ "id": ', language: 'en' as const, example: 'other', documentText: examples.other! };
    const delta = toDelta(broken, defaults, examples.other!);
    expect(delta).toEqual({ e: 'other', l: 'en', r: { t: '{ "id": ' } });
    expect(await fromDelta(decodeHash(encodeHash(delta))!, defaults)).toEqual(broken);
  });

  it('keeps the rules switched off in the rule list, and refuses a list that is not of ids', async () => {
    const off = { ...state, off: ['b-rule', 'a-rule'] };
    const delta = toDelta(off, defaults, examples.sample!);
    expect(delta).toEqual({ o: ['a-rule', 'b-rule'] });
    expect(await fromDelta(decodeHash(encodeHash(delta))!, defaults)).toEqual({ ...state, off: ['a-rule', 'b-rule'] });
    expect(toDelta({ ...state, off: [] }, defaults, examples.sample!)).toEqual({});
    expect(decodeHash(encodeHash({ o: [1] as unknown as string[] }))).toBeUndefined();
  });

  it('falls back to the default example when a link names an unknown one', async () => {
    expect((await fromDelta({ e: 'missing' }, defaults)).example).toBe('sample');
  });

  it('ignores hashes that are not share links or cannot be read', () => {
    expect(decodeHash('#section')).toBeUndefined();
    expect(decodeHash('#s=%%%')).toBeUndefined();
    // Well-formed JSON of the wrong shape is not a state either.
    expect(decodeHash(encodeHash({ r: { t: 5 } } as never))).toBeUndefined();
    expect(decodeHash(encodeHash({ l: 'fr' } as never))).toBeUndefined();
  });

  it('starts from the defaults when a link patches places the defaults no longer have', async () => {
    const stale = { r: { p: [{ op: 'replace' as const, path: '/gone/id', value: 'x' }] } };
    expect(decodeHash(encodeHash(stale))).toEqual(stale);
    expect((await fromDelta(stale, defaults)).rulesText).toBe(rulesText);
  });

  it('starts from the link, then autosave, then the defaults', async () => {
    const linked = encodeHash({ l: 'en' });
    const saved = JSON.stringify({ e: 'other' });
    expect(await initialState({ hash: linked }, storage(saved), defaults)).toMatchObject({ source: 'link', state: { language: 'en', example: 'sample' } });
    expect(await initialState({ hash: '' }, storage(saved), defaults)).toMatchObject({ source: 'autosave', state: { example: 'other' } });
    expect(await initialState({ hash: '' }, storage('not json'), defaults)).toMatchObject({ source: 'default' });
    expect(await initialState({ hash: '' }, undefined, defaults)).toMatchObject({ source: 'default', state });
  });
});
