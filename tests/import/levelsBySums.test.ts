/**
 * A table's hierarchy read from its amounts when the print shows none: each row a leaf or the sum
 * of the rows after it, the top rows adding up to the total, kept only when exactly one tree fits.
 */
import { describe, expect, it } from 'vitest';
import { type Row } from '../../engine/src/document/model.js';
import { levelsBySums } from '../../engine/src/import/tables/levelsBySums.js';

/** Rows of name and amount under a 合计 of the first amount. */
function table(...rows: readonly (readonly [string, string | undefined])[]): Row[] {
  const [first, ...members] = rows;
  const total = first?.[1];
  return [{ key: 'total', name: '合计', values: total === undefined ? {} : { total } }, ...members.map(([name, amount]): Row => ({ name, values: amount === undefined ? {} : { total: amount } }))];
}
const levels = (rows: readonly Row[] | undefined) => rows?.map((row) => row.level ?? null);

describe('levels read from the amounts', () => {
  it('reads a unit over its groups over their items (苏州 政府采购表: 服务 · units · items; 西安: 部门 · 单位 · 通用项目 · …)', () => {
    const rows = table(
      ['合计', '90.56'],
      ['某某局', '90.56'],
      ['通用项目', '27.97'],
      ['物业管理', '22.07'],
      ['食堂包厨', '13.10'],
      ['保洁服务', '8.97'],
      ['法律顾问', '5.90'],
      ['专用项目', '62.59'],
      ['信访事务', '62.59'],
    );
    expect(levels(levelsBySums(rows, 'total'))).toEqual([null, 1, 2, 3, 4, 4, 3, 2, 3]);
  });

  it('takes a blank amount as zero and a parent’s sum within one unit of its parts (rounded to 万元)', () => {
    const rows = table(['合计', '2.61'], ['服务', '2.61'], ['本级', '2.00'], ['(公用经费', undefined], ['会议费', '2.00'], ['中心', '0.61'], ['会议费', '0.60']);
    expect(levels(levelsBySums(rows, 'total'))).toEqual([null, 1, 2, 3, 3, 2, 3]);
  });

  it('reads nothing when several trees fit (a zero after a group may be the group’s or the next level’s)', () => {
    expect(levelsBySums(table(['合计', '5.00'], ['甲', '5.00'], ['甲一', '5.00'], ['乙', '0.00']), 'total')).toBeUndefined();
  });

  it('reads nothing when no tree fits, or the rows carry codes or keys, or an amount is words or negative', () => {
    expect(levelsBySums(table(['合计', '10.00'], ['甲', '4.00'], ['乙', '5.00']), 'total')).toBeUndefined();
    const coded = table(['合计', '3.00'], ['甲', '3.00'], ['乙', '3.00']).map((row, index) => (index === 1 ? { ...row, code: '201' } : row));
    expect(levelsBySums(coded, 'total')).toBeUndefined();
    expect(levelsBySums(table(['合计', '3.00'], ['甲', '三元'], ['乙', '3.00']), 'total')).toBeUndefined();
    expect(levelsBySums(table(['合计', '3.00'], ['甲', '-1.00'], ['乙', '4.00']), 'total')).toBeUndefined();
  });

  it('reads a long flat list as top rows, and leaves a longer one than it reads alone', () => {
    const list = (length: number) => Array.from({ length }, (_, index) => [`项目${index}`, `${index + 1}.00`] as const);
    const read = levelsBySums(table(['合计', ((400 * 401) / 2).toFixed(2)], ...list(400)), 'total');
    expect(read?.slice(1).every((row) => row.level === 1)).toBe(true);
    expect(levelsBySums(table(['合计', ((5000 * 5001) / 2).toFixed(2)], ...list(5000)), 'total')).toBeUndefined();
  });
});
