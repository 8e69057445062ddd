/**
 * A table's hierarchy read from its amounts, where its print shows none the reader can trust: no
 * codes, and an indentation that leaves rows without a level, or under which the table's total is
 * not the sum of its top rows (西安's 专项业务经费支出表: 部门 · 单位 · 通用项目 · 办公用房物业管理服务
 * 项目 · 食堂包厨服务, printed flush; 苏州's 政府采购支出表: 服务 over its units over their items).
 * Each row is either a leaf or the sum of the rows after it up to its next sibling, and the top
 * rows add up to the total. The reading is kept only when exactly one tree fits: where rows of
 * equal amounts or zeros allow several, the hierarchy is not guessed.
 */
import { type Row } from '../../document/model.js';
import { parseDecimal, printedScale } from '../../money/money.js';

/** The deepest hierarchy read (部门 · 单位 · 类 · 款 · 项目 · 子项目). */
const MAX_DEPTH = 6;
/** The most partial readings looked at before giving up (a table of hundreds of rows stays fast). */
const MAX_STATES = 100_000;
/** The longest table read (the reading recurses once per row). */
const MAX_ROWS = 500;

/** The readings of a run of sibling rows: where it can end, in how many ways (1, or 2 for several), and the levels of one way. */
type Ends = Map<number, { readonly ways: number; readonly levels: readonly number[] }>;

/**
 * The rows with the levels their amounts imply, or undefined when the amounts imply none, or
 * several.
 * @param rows The table's rows: one total (key `total`), the others without key or code.
 * @param column The column to read the amounts from (the total column).
 */
export function levelsBySums(rows: readonly Row[], column: string): Row[] | undefined {
  const total = rows.find((row) => row.key === 'total');
  const members = rows.filter((row) => row !== total);
  if (total === undefined || members.length < 2 || members.length > MAX_ROWS || members.some((row) => row.key !== undefined || row.code !== undefined)) return undefined;
  const printed = [total, ...members].map((row) => row.values[column]);
  const scale = Math.max(0, ...printed.map((value) => (typeof value === 'string' ? printedScale(value) : 0)));
  // Amounts in units of the last printed place, exact: a blank is zero; words or a negative amount end the reading.
  const units = printed.map((value) => {
    if (value === undefined || value === '') return 0;
    const amount = parseDecimal(value);
    return amount === undefined || amount.isNegative() ? undefined : amount.times(10 ** scale).toNumber();
  });
  if (units.some((value) => value === undefined || !Number.isSafeInteger(value))) return undefined;
  const target = units[0]!;
  const values = units.slice(1) as number[];
  // A parent's printed sum may differ from its rounded parts by one unit in the last place.
  const slack = scale > 0 ? 1 : 0;
  const memo = new Map<string, Ends>();
  let states = 0;

  const add = (ends: Ends, end: number, ways: number, levels: readonly number[]) => {
    const known = ends.get(end);
    if (known === undefined) ends.set(end, { ways: Math.min(ways, 2), levels });
    else ends.set(end, { ways: Math.min(known.ways + ways, 2), levels: known.levels });
  };
  // The ways rows from `start` can be siblings at `depth` whose amounts add up to `remaining`.
  const siblings = (start: number, remaining: number, depth: number): Ends | undefined => {
    const key = `${start}|${remaining}|${depth}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    states += 1;
    if (states > MAX_STATES) return undefined;
    const ends: Ends = new Map();
    if (Math.abs(remaining) <= slack) add(ends, start, 1, []);
    const value = values[start];
    if (value !== undefined && depth <= MAX_DEPTH && value <= remaining + slack) {
      const rest = (after: number, ways: number, levels: readonly number[]): boolean => {
        const next = siblings(after, remaining - value, depth);
        if (next === undefined) return false;
        for (const [end, tail] of next) add(ends, end, ways * tail.ways, [...levels, ...tail.levels]);
        return true;
      };
      // The row as a leaf, then its siblings.
      if (!rest(start + 1, 1, [depth])) return undefined;
      // The row as the sum of one or more rows under it, then its siblings.
      const children = siblings(start + 1, value, depth + 1);
      if (children === undefined) return undefined;
      for (const [end, under] of children) {
        if (end > start + 1 && !rest(end, under.ways, [depth, ...under.levels])) return undefined;
      }
    }
    memo.set(key, ends);
    return ends;
  };

  const whole = siblings(0, target, 1)?.get(values.length);
  if (whole === undefined || whole.ways !== 1) return undefined;
  const levelOf = new Map(members.map((row, index) => [row, whole.levels[index]!]));
  return rows.map((row) => {
    const level = levelOf.get(row);
    return level === undefined ? row : { ...row, level };
  });
}
