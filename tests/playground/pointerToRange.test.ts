/** JSON Pointer → text range: exact places, key ranges for containers, ancestors for absent members. */
import { describe, expect, it } from 'vitest';
import { locatePointers } from '../../playground/src/editor/pointerToRange.js';

const text = `{
  "meta": { "department": "测试局", "fiscalYear": 2025 },
  "tables": {
    "a/b": { "rows": [ { "values": { "total": "3011.46" } }, { "values": {} } ] }
  }
}
`;
const slice = (range: { offset: number; length: number }) => text.slice(range.offset, range.offset + range.length);

describe('locatePointers', () => {
  const ranges = locatePointers(text, ['/meta/fiscalYear', '/tables/a~1b/rows/0/values/total', '/tables/a~1b/rows/1/values/total', '/tables/a~1b/rows', '/extra', '']);

  it('finds values exactly, with escaped tokens and array indices', () => {
    expect(slice(ranges.get('/meta/fiscalYear')!)).toBe('2025');
    expect(ranges.get('/tables/a~1b/rows/0/values/total')).toMatchObject({ exact: true });
    expect(slice(ranges.get('/tables/a~1b/rows/0/values/total')!)).toBe('"3011.46"');
  });

  it('marks an array or object by its key', () => {
    expect(slice(ranges.get('/tables/a~1b/rows')!)).toBe('"rows"');
  });

  it('falls back to the nearest existing ancestor for absent members', () => {
    expect(ranges.get('/tables/a~1b/rows/1/values/total')).toMatchObject({ exact: false });
    expect(slice(ranges.get('/tables/a~1b/rows/1/values/total')!)).toBe('"values"');
    expect(ranges.get('/extra')).toMatchObject({ offset: 0, exact: false });
  });

  it('copes with malformed text', () => {
    const broken = locatePointers('{"meta": {"department": "x",', ['/meta/department', '/tables']);
    expect(broken.get('/meta/department')).toMatchObject({ exact: true });
    expect(broken.get('/tables')).toMatchObject({ exact: false });
  });
});
