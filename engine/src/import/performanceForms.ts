/**
 * Performance-target forms (项目绩效目标表) read from positioned lines, as local templates print
 * them: a form of labelled fields (项目名称, 主管部门, 实施单位, 资金, 总体目标) over a grid of
 * indicators (一级指标 | 二级指标 | 三级指标 | 指标值). Labels and level names are vocabulary; a
 * value belongs to the nearest label on its left (same line first: wrapped labels and values sit
 * a line apart), and a grid cell to the header column under which it stands. Merged cells are
 * printed once, centred over their rows, so each indicator takes the level names nearest to it.
 *
 * Certainty first: a form whose grid cannot be read without doubt keeps its fields but no
 * indicators, and `printed` lists what the form prints, so rules about fields a template does
 * not have do not apply to it.
 */
import { type PositionedLine } from './positioned/model.js';
import { type PerformanceIndicator, type PerformanceMoney, type PerformanceTable } from './performance.js';
import { cleanCell, labelKey, parseAmount } from './performanceText.js';
import { TABLE_LABEL, kindOfTitle } from './tables/titles.js';
import { type ImportProblem } from './types.js';

/** A form's title: …绩效目标表, …绩效目标申报表, …项目支出绩效表 (not the department-wide form, which has no project). */
const FORM_TITLE = /^(?:[（(]\d{4}年度?[)）])?[^，。；]{0,60}(?:绩效目标表|绩效目标申报表|项目支出绩效表)(?:[（(][^）)]*[)）])?$/;
/** Department-wide and overall forms (部门整体支出绩效目标表, 专项资金总体绩效目标表) have no project: another kind of table. */
const DEPARTMENT_WIDE = /整体|总体绩效目标表/;

/** What a label names. */
type Field = 'project' | 'department' | 'implementingUnit' | 'wholeTotal' | 'annualTotal' | 'fiscal' | 'carriedOver' | 'other' | 'goals' | 'group' | 'end';

/** The form's labels, tested on a cell without spaces and trailing colon; first match wins. */
const LABELS: readonly (readonly [RegExp, Field])[] = [
  [/^(?:专项\(项目\)|专项|项目)名称$/, 'project'],
  [/^主管部门(?:及代码?|及)?$/, 'department'],
  [/^(?:项目)?实施单位$/, 'implementingUnit'],
  [/^实施期(?:预算)?资金总额$/, 'wholeTotal'],
  [/^(?:年度|当年)(?:预算)?资金总额$|^当年预算$|^(?:预算)?资金总额$|^年度预算$/, 'annualTotal'],
  [/^(?:其中:?)?财政(?:拨款|资金)$/, 'fiscal'],
  [/^(?:其中:?)?上年结转(?:结余)?(?:资金)?$/, 'carriedOver'],
  [/^(?:其中:?)?其他资金$/, 'other'],
  [/^(?:年度|当年)?(?:总体|绩效)?目标$|^(?:年度|当年)(?:总体)?绩效目标$/, 'goals'],
  [/^(?:项目|专项)?资金(?:金额|情况)?(?:\(万?元\))?$|^\(?万?元\)?$|^专项资金情况\(?$|^执行率|^分值|^\(\d+分?\)$|^单位:|^市级支出$|^补助区县$|^本级支出$/, 'group'],
  [/^备注$|^填报|^联系|^负责人|^经办人/, 'end'],
];

/** Level names of the indicator grid, with the 一级指标 each 二级指标 may stand under. */
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;
const LEVEL2: Readonly<Record<string, readonly string[]>> = {
  数量指标: ['产出指标'],
  质量指标: ['产出指标'],
  时效指标: ['产出指标'],
  成本指标: ['产出指标', '成本指标'],
  经济成本指标: ['成本指标', '产出指标'],
  社会成本指标: ['成本指标', '产出指标'],
  生态环境成本指标: ['成本指标', '产出指标'],
  经济成本: ['成本指标', '产出指标'],
  社会成本: ['成本指标', '产出指标'],
  经济效益指标: ['效益指标'],
  社会效益指标: ['效益指标'],
  生态效益指标: ['效益指标'],
  可持续影响指标: ['效益指标'],
  服务对象满意度指标: ['满意度指标'],
  满意度指标: ['满意度指标'],
};

/** How a target value starts (a comparison or a number): such a cell starts a value, it does not continue one. */
const VALUE_START = /^[≥≤=<>＞＜≧≦+\-\d]/;

/** Pieces of the label some forms print down the side of the grid: 绩效指标, 年度绩效指标, 绩效目标指标. */
const ROW_LABEL = /^[年度绩效目标指]+$/;

/** A cell: spans close together on a line. */
interface Cell {
  readonly text: string;
  readonly key: string;
  readonly x0: number;
  readonly x1: number;
  readonly line: number;
  /** Its line's middle, downwards (PDF input: from the line's box; text input: the line number). */
  readonly y: number;
}

function fieldOf(key: string): Field | undefined {
  return LABELS.find(([pattern]) => pattern.test(key))?.[1];
}

/**
 * The vertical extent of a line, upwards: PDF user space, or for text input its line number negated
 * (one line high).
 * @param line The line.
 */
function verticalOf(line: PositionedLine): { readonly top: number; readonly middle: number; readonly bottom: number } {
  const box = line.box;
  if (box === undefined) return { top: -(line.number - 0.5), middle: -line.number, bottom: -(line.number + 0.5) };
  return { top: box[3], middle: (box[1] + box[3]) / 2, bottom: box[1] };
}

/** The cells of a line: spans less than a third of a character apart are one cell (cells of a grid can be as close as half a character). */
function cellsOf(line: PositionedLine): Cell[] {
  const cells: Cell[] = [];
  const y = -verticalOf(line).middle;
  for (const span of line.spans) {
    const last = cells[cells.length - 1];
    if (last !== undefined && span.x0 - last.x1 < line.size * 0.3) {
      const text = `${last.text}${span.text}`;
      cells[cells.length - 1] = { ...last, text, key: labelKey(text), x1: span.x1 };
    } else {
      cells.push({ text: span.text, key: labelKey(span.text), x0: span.x0, x1: span.x1, line: line.number, y });
    }
  }
  return cells.filter((cell) => cell.key !== '');
}

/** Whether a line is a form's title. */
export function isFormTitle(text: string): boolean {
  const words = text.replace(/\s+/g, '');
  // A numbered line naming forms is a heading or a contents entry (（二）部门主管专项资金的绩效目标表), not a form.
  return FORM_TITLE.test(words) && !DEPARTMENT_WIDE.test(words) && !NUMBERED.test(words);
}
const NUMBERED = /^(?:\d+[.、．]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|表\d)/;

/** A label found on the form, with the cells that belong to it. */
interface Label {
  readonly field: Field;
  readonly cell: Cell;
  /** The label's last line (a label broken over lines spans several). */
  readonly to: number;
  readonly values: Cell[];
}

/** The indicator grid's columns, by their header cells' extents. */
interface Columns {
  readonly level1: readonly [number, number];
  readonly level2: readonly [number, number];
  readonly level3: readonly [number, number];
  readonly value: readonly [number, number];
  /** Left edge of the grid (cells left of it are row labels such as 绩效指标). */
  readonly left: number;
  /** Right edge of the value column (cells right of it are scores). */
  readonly right: number;
  /**
   * A column of the target's unit right of the value (长沙: 度量单位 %), if printed: the cells
   * starting after the previous header's centre and by its own header's centre (left-aligned or centred).
   */
  readonly unit?: readonly [number, number];
  /** A column of the target's comparison right of the value (长沙: 指标值类型 ≥), if printed, the same way. */
  readonly comparison?: readonly [number, number];
}

const centre = (cell: Cell): number => (cell.x0 + cell.x1) / 2;

/** Splits a header cell that holds several header names ("一级指标二级指标") into one cell per name. */
function headerCells(cells: readonly Cell[]): Cell[] {
  return cells.flatMap((cell) => {
    const names = cell.key.match(/[一二三]级指标|指标值/g);
    if (names === null || names.length < 2 || names.join('') !== cell.key) return [cell];
    const width = (cell.x1 - cell.x0) / cell.key.length;
    let offset = 0;
    return names.map((name) => {
      const piece = { ...cell, text: name, key: name, x0: cell.x0 + offset * width, x1: cell.x0 + (offset + name.length) * width };
      offset += name.length;
      return piece;
    });
  });
}

/** Headers of a target's unit and comparison columns beside the value (度量单位 · 指标值类型). */
const TARGET_UNIT = /^(?:度量|计量)单位$/;
const TARGET_COMPARISON = /^指标值类型$|^(?:指标)?方向$|^(?:比较|运算)符号?$/;

/** The grid's columns from the header line and the lines around it (a header cell may wrap: 一级指 / 标). */
function columnsOf(lines: readonly Cell[][], at: number): Columns | undefined {
  const header = headerCells(lines[at] ?? []);
  const find = (pattern: RegExp): Cell | undefined => {
    const near = [at, at - 1, at + 1, at - 2, at + 2].flatMap((index) => headerCells(lines[index] ?? []));
    return header.find((cell) => pattern.test(cell.key)) ?? near.find((cell) => pattern.test(cell.key));
  };
  const level1 = find(/^一级指?标?$/);
  const level2 = find(/^二级指?标?$/);
  const level3 = find(/^三级指标$/);
  const value = find(/^指标值$/);
  if (level1 === undefined || level2 === undefined || level3 === undefined || value === undefined) return undefined;
  const centres = [level1, level2, level3, value].map(centre);
  if (centres.some((middle, index) => index > 0 && middle <= centres[index - 1]!)) return undefined;
  const extent = (cell: Cell) => [cell.x0, cell.x1] as const;
  // The target's unit and comparison, printed in columns of their own further right.
  const ordered = [...header].sort((a, b) => centre(a) - centre(b));
  const rightOfValue = (pattern: RegExp): readonly [number, number] | undefined => {
    const index = ordered.findIndex((cell) => pattern.test(cell.key));
    const before = ordered[index - 1];
    return index > 0 && before !== undefined && centre(ordered[index]!) > value.x1 ? [centre(before), centre(ordered[index]!)] : undefined;
  };
  const unit = rightOfValue(TARGET_UNIT);
  const comparison = rightOfValue(TARGET_COMPARISON);
  return {
    level1: extent(level1),
    level2: extent(level2),
    level3: extent(level3),
    value: extent(value),
    left: level1.x0 - (level1.x1 - level1.x0) * 0.6,
    right: value.x1 + (value.x1 - value.x0) * 1.2,
    ...(unit !== undefined ? { unit } : {}),
    ...(comparison !== undefined ? { comparison } : {}),
  };
}

type Column = 'level1' | 'level2' | 'level3' | 'value';

const ORDER: readonly Column[] = ['level1', 'level2', 'level3', 'value'];

/**
 * The column a cell stands in: the one whose header it is centred under, else the first whose
 * header ends after the cell starts (text left-aligned in a wide column starts before its header).
 */
function columnOf(cell: Cell, columns: Columns): Column | undefined {
  const middle = centre(cell);
  if (cell.x1 < columns.left || cell.x0 > columns.right) return undefined;
  const slack = (columns.value[1] - columns.value[0]) / 6;
  const headerCentre = (column: Column) => (columns[column][0] + columns[column][1]) / 2;
  const under = ORDER.filter((column) => middle >= columns[column][0] - slack && middle <= columns[column][1] + slack).sort(
    (a, b) => Math.abs(headerCentre(a) - middle) - Math.abs(headerCentre(b) - middle),
  )[0];
  if (under !== undefined) return under;
  const starting = ORDER.find((column) => cell.x0 < columns[column][1]);
  // A cell ending before the value's header begins is in the column whose header it is nearest:
  // a value left-aligned in its column (长沙: 95 under 指标值), or a wrapped name's last piece centred
  // in a wide column right of its header (西安: 为政府了解社情、民意提供统计 / 支持).
  if (starting === 'value' && cell.x1 < columns.value[0]) {
    return [...ORDER].sort((a, b) => Math.abs(headerCentre(a) - middle) - Math.abs(headerCentre(b) - middle))[0];
  }
  return starting;
}

/** A level name read from the grid: fragments of one merged cell joined, with where (downwards) it is centred. */
interface LevelName {
  readonly name: string;
  readonly at: number;
}

/** Joins a column's fragments (成本指 / 标) into names from the vocabulary; the first fragment that stays unnamed otherwise. */
function levelNames(fragments: readonly Cell[], vocabulary: readonly string[]): LevelName[] | { readonly unnamed: string } {
  const names: LevelName[] = [];
  let pending: Cell[] = [];
  const isPrefix = (text: string) => vocabulary.some((name) => name.startsWith(text));
  const pendingText = () => pending.map((cell) => cell.key).join('');
  for (const fragment of fragments) {
    const key = fragment.key;
    const joined = [...pending, fragment];
    const text = joined.map((cell) => cell.key).join('');
    if (vocabulary.includes(text)) {
      names.push({ name: text, at: joined.reduce((sum, cell) => sum + cell.y, 0) / joined.length });
      pending = [];
    } else if (isPrefix(text)) {
      pending = joined;
    } else if (vocabulary.includes(key) || isPrefix(key)) {
      // A new name starts; what was pending must have been a piece of the side label (绩 / 效 …).
      if (pending.length > 0 && !ROW_LABEL.test(pendingText())) return { unnamed: pendingText() };
      pending = [];
      if (vocabulary.includes(key)) names.push({ name: key, at: fragment.y });
      else pending = [fragment];
    } else if (ROW_LABEL.test(key)) {
      // A piece of the label printed down the grid's side (绩 / 效 / 指 / 标, 年度绩 / 效指标), between the pieces of a name.
    } else {
      return { unnamed: text };
    }
  }
  return pending.length === 0 || ROW_LABEL.test(pendingText()) ? names : { unnamed: pendingText() };
}

/**
 * The name each row stands under: a merged cell covers a run of rows and is printed centred on
 * them (or on its first row), so the rows are cut into one run per name, in order, so that each
 * name sits as near as possible to its run's centre (or first row). Undefined when there are more
 * names than rows.
 * Positions are where the rows and names stand on the page (a row's lines may be spread by a tall
 * cell beside it, so line counts would mislead).
 * @param names The column's names, in order.
 * @param rows The rows' positions, downwards, in order.
 * @param allowed Whether a row may stand under a name.
 * @param line A line's height in the positions' unit.
 */
function namesOfRows(names: readonly LevelName[], rows: readonly number[], allowed: (row: number, name: string) => boolean = () => true, line = 1): string[] | undefined {
  const k = names.length;
  const n = rows.length;
  if (k === 0 || k > n) return undefined;
  const cost = (name: LevelName, from: number, to: number): number => {
    for (let row = from; row <= to; row += 1) if (!allowed(row, name.name)) return Infinity;
    const first = rows[from]!;
    const middle = (first + rows[to]!) / 2;
    // Centred on its rows, or printed on the first of them (a little less likely).
    return Math.min(Math.abs(middle - name.at), Math.abs(first - name.at) + 0.25 * line);
  };
  // best[i][j]: the least cost of giving rows 0..j-1 to names 0..i-1; cut[i][j]: where name i-1's run starts.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let i = 1; i <= k; i += 1) {
    for (let j = i; j <= n - (k - i); j += 1) {
      for (let start = i - 1; start < j; start += 1) {
        const total = best[i - 1]![start]! + cost(names[i - 1]!, start, j - 1);
        if (total < best[i]![j]!) {
          best[i]![j] = total;
          cut[i]![j] = start;
        }
      }
    }
  }
  if (best[k]![n] === Infinity) return undefined;
  const assigned = new Array<string>(n);
  let end = n;
  for (let i = k; i >= 1; i -= 1) {
    const start = cut[i]![end]!;
    for (let row = start; row < end; row += 1) assigned[row] = names[i - 1]!.name;
    end = start;
  }
  return assigned;
}

/** Reads the indicator grid below its header; undefined with a reason when it cannot be read without doubt. */
function readGrid(lines: readonly Cell[][], at: number, end: number): { indicators: PerformanceIndicator[] } | { doubt: string } {
  const columns = columnsOf(lines, at);
  if (columns === undefined) return { doubt: '指标表头（一级指标、二级指标、三级指标、指标值）不全' };
  const byColumn: Record<Column, Cell[]> = { level1: [], level2: [], level3: [], value: [] };
  for (let index = at + 1; index < end; index += 1) {
    for (const cell of lines[index] ?? []) {
      if (/^[一二三]级指标$|^指标值$/.test(cell.key) || fieldOf(cell.key) === 'group') continue;
      const column = columnOf(cell, columns);
      if (column !== undefined) byColumn[column].push(cell);
    }
  }
  const level1 = levelNames(byColumn.level1, [...LEVEL1, ...Object.keys(LEVEL2)]);
  const level2 = levelNames(byColumn.level2, Object.keys(LEVEL2));
  if (!Array.isArray(level1)) return { doubt: `一级指标“${level1.unnamed}”不在词表中` };
  if (!Array.isArray(level2)) return { doubt: `二级指标“${level2.unnamed}”不在词表中` };
  const values = byColumn.value;
  if (values.length === 0) return { doubt: '没有读到指标值' };
  // A value wrapped around its centred name (=2873.46平 / 租赁房屋面积数 / 方米): two value pieces
  // with only name text between them, and no name on their own lines, are one value.
  const level3Lines = new Set(byColumn.level3.map((cell) => cell.line));
  const pieces: { value: Cell; line: number }[] = [];
  for (const cell of values) {
    const previous = pieces[pieces.length - 1];
    const between = previous === undefined ? [] : Array.from({ length: cell.line - previous.value.line - 1 }, (_, offset) => previous.value.line + 1 + offset);
    if (
      previous !== undefined &&
      cell.line - previous.value.line === 2 &&
      !VALUE_START.test(cell.key) &&
      !level3Lines.has(cell.line) &&
      !level3Lines.has(previous.value.line) &&
      between.every((line) => level3Lines.has(line))
    ) {
      pieces[pieces.length - 1] = { value: { ...previous.value, text: previous.value.text + cell.text, key: previous.value.key + cell.key }, line: between[0]! };
    } else {
      pieces.push({ value: cell, line: cell.line });
    }
  }
  // Each value is one indicator; 三级指标 text on a line without one is a piece of a wrapped name,
  // and belongs to the nearest value (between two, to the one with no name of its own).
  const rows = pieces.map((piece) => ({ value: { ...piece.value, line: piece.line }, level3: [] as Cell[] }));
  for (const row of rows) {
    if (/[；;]/.test(row.value.key)) return { doubt: `指标值“${row.value.text}”是几个值写在一格里` };
  }
  const own = new Set(byColumn.level3.filter((cell) => rows.some((row) => row.value.line === cell.line)).map((cell) => cell.line));
  // A piece as near to two rows' values goes, once the others are placed, to the row whose name it
  // keeps centred on its value (长沙: 省委、省政府群 / 众非访及时处理 / 性 around its value, under
  // the row above's three lines).
  const tied: { cell: Cell; candidates: (typeof rows)[number][] }[] = [];
  for (const cell of byColumn.level3) {
    const rank = (row: (typeof rows)[number]) => Math.abs(row.value.line - cell.line) * 2 + (row.value.line !== cell.line && own.has(row.value.line) ? 1 : 0);
    const least = Math.min(...rows.map(rank));
    const candidates = rows.filter((row) => rank(row) === least);
    if (candidates.length === 1) candidates[0]!.level3.push(cell);
    else tied.push({ cell, candidates });
  }
  type GridRow = (typeof rows)[number];
  const offCentre = (row: GridRow, pieces: readonly Cell[]) => {
    if (pieces.length === 0) return 0;
    const spread = pieces.map((piece) => piece.line);
    return Math.abs((Math.min(...spread) + Math.max(...spread)) / 2 - row.value.line);
  };
  // Each tied piece starts with its first candidate; then, a few times over, moves to the candidate
  // that leaves the rows it may join the least off centre, the other tied pieces where they are.
  const placement = new Map(tied.map(({ cell, candidates }) => [cell, candidates[0]!]));
  const piecesOf = (row: GridRow, without: Cell) => [...row.level3, ...tied.filter((entry) => entry.cell !== without && placement.get(entry.cell) === row).map((entry) => entry.cell)];
  for (let pass = 0; pass < 3; pass += 1) {
    for (const { cell, candidates } of tied) {
      const cost = (chosen: GridRow) => candidates.reduce((sum, row) => sum + offCentre(row, row === chosen ? [...piecesOf(row, cell), cell] : piecesOf(row, cell)), 0);
      let best = candidates[0]!;
      for (const row of candidates) if (cost(row) < cost(best)) best = row;
      placement.set(cell, best);
    }
  }
  for (const [cell, row] of placement) row.level3.push(cell);
  // Where each row stands: its value's line's middle; a line's height, the middle gap between lines
  // (not the least: two pieces of one line may stand a fraction of a point apart).
  const yOfLine = new Map(lines.flat().map((cell) => [cell.line, cell.y] as const));
  const rowLines = rows.map((row) => yOfLine.get(row.value.line) ?? row.value.line);
  const gridCells = lines.slice(at + 1, end).flat();
  const ys = [...new Set(gridCells.map((cell) => cell.y))].sort((a, b) => a - b);
  const gaps = ys
    .slice(1)
    .map((y, index) => y - ys[index]!)
    .filter((gap) => gap > 0);
  const lineHeight = gaps.length === 0 ? 1 : [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
  const level2OfRows = level2.length === 0 ? [] : namesOfRows(level2, rowLines, undefined, lineHeight);
  const level1Names = level1.filter((name) => (LEVEL1 as readonly string[]).includes(name.name));
  if (level2OfRows === undefined) return { doubt: '二级指标的名称多于指标行' };
  // A row's 一级指标 is one its 二级指标 may stand under.
  const fits = (row: number, name: string) => level2OfRows[row] === undefined || (LEVEL2[level2OfRows[row]] ?? []).includes(name);
  const level1OfRows = level1Names.length === 0 ? [] : namesOfRows(level1Names, rowLines, fits, lineHeight);
  if (level1OfRows === undefined) return { doubt: '一级指标与二级指标对不上' };
  // A target whose comparison and unit stand in columns of their own (≥ · 90 · %) is all three.
  const besideValue = (line: number, extent: readonly [number, number] | undefined) =>
    extent === undefined
      ? ''
      : gridCells
          .filter((cell) => cell.line === line && cell.x0 > extent[0] && cell.x0 <= extent[1])
          .map((cell) => cleanCell(cell.text))
          .join('');
  const targetOf = (value: string, line: number): string => {
    const compared = besideValue(line, columns.comparison);
    const unit = besideValue(line, columns.unit);
    return `${COMPARISON.test(compared) && !COMPARED.test(value) ? compared : ''}${value}${unit !== '' && !value.endsWith(unit) && /\d$/.test(value) ? unit : ''}`;
  };
  const indicators: PerformanceIndicator[] = [];
  for (const [position, row] of rows.entries()) {
    const level3 = row.level3
      .sort((a, b) => a.line - b.line)
      .map((cell) => cleanCell(cell.text))
      .join('');
    // More than three lines is a name run into another's, unless they stand centred on its value (长沙: 接访大厅接待座 / 椅、填单台、电 / 视等可正常使用 / 率).
    const nameLines = [...new Set(row.level3.map((cell) => cell.line))];
    const centred = Math.abs((Math.min(...nameLines) + Math.max(...nameLines)) / 2 - row.value.line) <= 0.5;
    if (nameLines.length > 3 && (nameLines.length > 5 || !centred)) return { doubt: `三级指标“${level3}”跨了三行以上，分不清各行` };
    const level2Name = level2OfRows[position];
    const named = level1OfRows[position];
    const family = level2Name === undefined ? undefined : LEVEL2[level2Name];
    const level1Name = named ?? (family?.length === 1 ? family[0] : undefined);
    if (level3 === '' || level1Name === undefined) return { doubt: `指标值“${row.value.text}”找不到它的三级指标或一级指标` };
    if (family !== undefined && !family.includes(level1Name)) return { doubt: `二级指标“${level2Name ?? ''}”不属于一级指标“${level1Name}”` };
    indicators.push({
      period: 'annual',
      level1: level1Name,
      ...(level2Name !== undefined ? { level2: level2Name } : {}),
      level3,
      value: targetOf(cleanCell(row.value.text), row.value.line),
      line: row.value.line,
    });
  }
  return { indicators };
}

const MONEY_FIELDS: ReadonlySet<Field> = new Set(['wholeTotal', 'annualTotal', 'fiscal', 'carriedOver', 'other']);

/**
 * The funds' unit as a form prints it before its grid (（万元）, 单位：万元, （元）).
 * @param cells The form's cells, line by line.
 * @param end The first line past the fields.
 */
function fundsUnitOf(cells: readonly Cell[][], end: number): '万元' | '元' | undefined {
  const printed = cells
    .slice(0, end)
    .flat()
    .map((cell) => cell.key)
    .find((key) => /万元|^\(?元\)?$|单位:元$/.test(key));
  return printed === undefined ? undefined : printed.includes('万元') ? '万元' : '元';
}

/** A fund source's label in the funds' label column: a short name (上年结转结余, 单位自筹), not a unit or a total. */
const SOURCE_LABEL = /^(?:其中[:：]?)?(?!(?:万?元|金额|合计|小计|总计)$)[\u4e00-\u9fff]{2,10}$/;
/** A label that says it names a source, wherever it stands: 其中 and a name, or a name of funds (上级补助资金). */
const NAMED_SOURCE = /^其中[:：]?[\u4e00-\u9fff]{2,10}$|^[\u4e00-\u9fff]{2,8}(?:资金|拨款)$/;

/**
 * The label each non-label cell belongs to: amounts go to funds labels, words to the others; a
 * cell goes to the nearest label on its left on its own line, unless a label on the next or
 * previous line stands between them and has no value on its own line (its value wrapped around
 * it); a cell with no label on its line goes to the nearest label on its left within two lines.
 */
function assignValues(labels: readonly Label[], cells: readonly Cell[]): void {
  const isAmount = (cell: Cell) => parseAmount(cell.text) !== undefined || /^[-—–－]+$/.test(cell.key);
  const candidates = (cell: Cell) => labels.filter((label) => label.cell.x1 <= cell.x0 + 1 && MONEY_FIELDS.has(label.field) === isAmount(cell));
  const rightmost = (list: readonly Label[]) => list.reduce<Label | undefined>((best, label) => (best === undefined || label.cell.x1 > best.cell.x1 ? label : best), undefined);
  /** Lines between the cell and the label (0 when the cell is on one of the label's lines). */
  const apart = (label: Label, cell: Cell) => (cell.line < label.cell.line ? label.cell.line - cell.line : cell.line > label.to ? cell.line - label.to : 0);
  // Each cell's label on its own line, once: a label that is one of these has a value of its own.
  const sameLines = new Map(cells.map((cell) => [cell, rightmost(candidates(cell).filter((label) => apart(label, cell) === 0))] as const));
  const ownValued = new Set(sameLines.values());
  for (const cell of cells) {
    const left = candidates(cell);
    const sameLine = sameLines.get(cell);
    const between = isAmount(cell)
      ? undefined
      : rightmost(left.filter((label) => apart(label, cell) === 1 && label.field !== 'group' && (sameLine === undefined || label.cell.x1 > sameLine.cell.x1) && !ownValued.has(label)));
    let owner = between ?? sameLine;
    // A group label (项目资金, （万元）) only takes what stands on its own lines.
    for (const distance of [1, 2]) owner ??= rightmost(left.filter((label) => apart(label, cell) === distance && label.field !== 'group'));
    owner?.values.push(cell);
  }
}

const text = (cells: readonly Cell[]): string =>
  [...cells]
    .sort((a, b) => a.line - b.line || a.x0 - b.x0)
    .map((cell) => cleanCell(cell.text))
    .join('');

/** One form read. */
export interface FormReading {
  readonly table?: PerformanceTable;
  readonly problem?: ImportProblem;
  /** A form listing its project as a row (湖南): the projects whose rows its page prints. */
  readonly listed?: readonly string[];
  /** A page listing several projects, read project by project: one reading each. */
  readonly parts?: readonly FormReading[];
}

/**
 * Reads one form: its title line first, then its lines up to the next form or the end of its part.
 * @param lines The form's lines.
 */
export function readForm(lines: readonly PositionedLine[]): FormReading {
  const [titleLine] = lines;
  if (titleLine === undefined) return {};
  const cells = lines.map(cellsOf);
  const headerAt = cells.findIndex((line) => headerCells(line).some((cell) => cell.key === '三级指标') && headerCells(line).some((cell) => cell.key === '指标值'));
  const endAt = cells.findIndex((line, index) => index > 0 && line.some((cell) => fieldOf(cell.key) === 'end'));
  const gridEnd = endAt < 0 ? cells.length : endAt;
  const fieldsEnd = headerAt < 0 ? gridEnd : headerAt;
  // Labels, also a label stacked one character per line (年 / 度 / 目 / 标).
  const labels: Label[] = [];
  const others: Cell[] = [];
  let stacked: Cell[] = [];
  const flushStacked = (): void => {
    const joined = stacked.map((cell) => cell.key).join('');
    const field = stacked.length > 1 ? fieldOf(joined) : undefined;
    if (field !== undefined) {
      labels.push({
        field,
        cell: { ...stacked[0]!, text: joined, key: joined, x0: Math.min(...stacked.map((cell) => cell.x0)), x1: Math.max(...stacked.map((cell) => cell.x1)) },
        to: stacked[stacked.length - 1]!.line,
        values: [],
      });
    } else {
      others.push(...stacked);
    }
    stacked = [];
  };
  // A label broken over two lines (项目名 / 称, 主管部 / 门): joined with the piece under it.
  const used = new Set<Cell>();
  const ends = new Map<Cell, number>();
  for (let index = 1; index < fieldsEnd; index += 1) {
    for (const cell of cells[index] ?? []) {
      // A label may already read as one (主管部门及代 / 码): its last piece still belongs to it.
      const base = fieldOf(cell.key);
      if (base === 'group' || base === 'end') continue;
      const size = lines[index]?.size ?? 10;
      for (const below of [index + 1, index + 2]) {
        const piece = below < fieldsEnd ? (cells[below] ?? []).find((other) => other.x0 >= cell.x0 - size && other.x1 <= cell.x1 + size && other.key.length <= 2) : undefined;
        const field = piece === undefined ? undefined : fieldOf(cell.key + piece.key);
        if (piece !== undefined && field !== undefined && field !== 'group' && (base === undefined || base === field)) {
          const key = cell.key + piece.key;
          const merged: Cell = { ...cell, text: key, key, x1: Math.max(cell.x1, piece.x1) };
          cells[index] = (cells[index] ?? []).map((other) => (other === cell ? merged : other));
          used.add(piece);
          ends.set(merged, piece.line);
          break;
        }
      }
    }
  }
  for (let index = 1; index < fieldsEnd; index += 1) {
    for (const cell of cells[index] ?? []) {
      if (used.has(cell)) continue;
      const field = fieldOf(cell.key);
      if (field !== undefined) {
        labels.push({ field, cell, to: ends.get(cell) ?? cell.line, values: [] });
      } else if (cell.key.length <= 2 && /^[\u4e00-\u9fff]+$/.test(cell.key) && (stacked.length === 0 || Math.abs(stacked[0]!.x0 - cell.x0) < 3 * (lines[index]?.size ?? 10))) {
        stacked.push(cell);
      } else if (/^[（(]?\d{4}年度?[)）]?$/.test(cell.key)) {
        // The form's year under its title.
      } else {
        others.push(cell);
      }
    }
    // A stacked label goes on down its column, possibly with a line of other text between its characters.
    const goesOn = (offset: number) => (cells[index + offset] ?? []).some((cell) => cell.key.length <= 2 && Math.abs(stacked[0]!.x0 - cell.x0) < 3 * (lines[index]?.size ?? 10));
    if (stacked.length > 0 && !goesOn(1) && !goesOn(2)) flushStacked();
  }
  flushStacked();
  assignValues(labels, others);
  const labelled = (field: Field) => labels.filter((label) => label.field === field);
  const project = text(labelled('project').flatMap((label) => label.values));
  const title = cleanCell(titleLine.text).replace(/\s+/g, '');
  // A form lists one project; a table with a column of project names (序号 | 项目名称 | …) or a
  // name that reads as headers is another kind of table, and is not read as a form.
  const unread = (reason: string): FormReading => ({ problem: { line: titleLine.number, code: 'performance_form_unread', message: `绩效目标表《${title}》未能读取：${reason}` } });
  if (project === '' && headerAt >= 0) {
    const listed = readListedForm(lines, cells, headerAt, title);
    if (listed !== undefined) return listed;
  }
  if (project === '') return unread('没有读到项目名称');
  if (/序号|绩效目标|指标|金额|\*{2,}/.test(project)) return unread(`项目名称“${project}”像是表头，这张表不是逐个项目的表式`);
  const printed: string[] = ['project'];
  const money = (field: Field): string | null | undefined => {
    const found = labelled(field)[0];
    if (found === undefined) return undefined;
    const first = [...found.values].sort((a, b) => Math.abs(a.line - found.cell.line) - Math.abs(b.line - found.cell.line) || a.x0 - b.x0)[0];
    if (first === undefined || /^[-—–－]+$/.test(first.key)) return null;
    return parseAmount(first.text) ?? undefined;
  };
  // The sources (其中：财政拨款, 其他资金) are parts of the total printed above them: the year's, or the whole period's.
  const period = labelled('annualTotal').length === 0 && labelled('wholeTotal').length > 0 ? 'whole' : 'annual';
  const sources: Record<string, string | null> = {};
  for (const [field, key] of [
    [period === 'whole' ? 'wholeTotal' : 'annualTotal', 'total'],
    ['fiscal', 'fiscal'],
    ['carriedOver', 'carriedOver'],
    ['other', 'other'],
  ] as const) {
    const value = money(field);
    if (value !== undefined && !(key === 'total' && value === null)) sources[key] = value;
  }
  // Amounts in no stated unit are not read.
  const unit = fundsUnitOf(cells, fieldsEnd);
  // A source named in words the labels do not know (其中：财政拨款资金, 上年结转结余, 单位自筹): the
  // parts read are not all the parts, so the form's sources are not kept (only its total). Such a
  // label stands in the known labels' column, before the next field's (年度目标); anywhere among the
  // funds' lines, only one that says it is a source (其中…, …资金): a project's name may end in 资金 too.
  const fundLabels = labels.filter((label) => MONEY_FIELDS.has(label.field));
  const fundsFrom = Math.min(...fundLabels.map((label) => label.cell.line));
  const fundsTo = Math.max(...fundLabels.map((label) => label.to)) + 1;
  const nextField = Math.min(...labels.filter((label) => !MONEY_FIELDS.has(label.field) && label.field !== 'group' && label.cell.line > fundsFrom).map((label) => label.cell.line));
  const lastLabel = Math.max(...fundLabels.filter((label) => label.cell.line < nextField).map((label) => label.cell.line));
  const inLabelColumn = (cell: Cell) => cell.line < nextField && cell.line <= lastLabel + 1 && fundLabels.some((label) => Math.abs(label.cell.x0 - cell.x0) <= 3 * titleLine.size);
  const unknownSource = others.some(
    (cell) => cell.line >= fundsFrom && cell.line <= fundsTo && fieldOf(cell.key) === undefined && (inLabelColumn(cell) ? SOURCE_LABEL.test(cell.key) : NAMED_SOURCE.test(cell.key)),
  );
  const kept: Record<string, string | null> = unknownSource ? (sources.total !== undefined ? { total: sources.total } : {}) : sources;
  const funds = Object.keys(kept).length > 0 && unit !== undefined ? { [period]: kept as PerformanceMoney } : {};
  if (funds.annual !== undefined) printed.push('annualFunds');
  if (funds.annual !== undefined && Object.keys(funds.annual).some((key) => key !== 'total')) printed.push('annualSources');
  if (funds.whole !== undefined) printed.push('wholeFunds');
  const department = text(labelled('department').flatMap((label) => label.values));
  const implementingUnit = text(labelled('implementingUnit').flatMap((label) => label.values));
  if (labelled('department').length > 0) printed.push('department');
  if (labelled('implementingUnit').length > 0) printed.push('implementingUnit');
  // Indicators listed by name alone, under a header row of their own (no 三级指标 grid).
  const flatAt = headerAt >= 0 ? -1 : cells.findIndex((line) => line.some((cell) => cell.key === '指标名称') && line.some((cell) => cell.key === '指标值'));
  const goalLabels = labelled('goals');
  let goals: string | undefined;
  const goalLabel = goalLabels[0];
  if (goalLabel !== undefined) {
    printed.push('goals');
    // The goal is a paragraph: every cell right of its label, from below the fields above it to the grid.
    const above = labels.filter((label) => label.field !== 'goals' && label.cell.line < goalLabel.cell.line).flatMap((label) => [label.cell, ...label.values]);
    const from = Math.max(titleLine.number, ...above.map((cell) => cell.line)) + 1;
    const to = headerAt >= 0 ? lines[headerAt]!.number : flatAt >= 0 ? lines[flatAt]!.number : Infinity;
    const below = labels.filter((label) => label.field !== 'goals' && label.cell.line > goalLabel.cell.line).map((label) => label.cell.line);
    const until = Math.min(to, ...below);
    goals = text(others.filter((cell) => cell.line >= from && cell.line < until && cell.x0 >= goalLabel.cell.x1 - 1 && !/^[一二三]级指标?$/.test(cell.key)));
  }
  let indicators: PerformanceIndicator[] = [];
  let problem: ImportProblem | undefined;
  if (flatAt >= 0) {
    // Indicators listed by name alone (重庆: 指标名称 · 指标性质 · 指标值 · 计量单位), without the
    // 一级/二级/三级 levels: read by name and target; the form prints no levels for the checks that need them.
    const flat = readFlatIndicators(cells, flatAt, gridEnd);
    if (flat === undefined) {
      problem = { line: lines[flatAt]!.number, code: 'performance_form_unread', message: `绩效目标表《${title}》（${project}）的绩效指标未能读取（指标名称、指标值的列未能对应）` };
    } else {
      indicators = flat;
      printed.push('indicators');
    }
  }
  if (headerAt >= 0) {
    const grid = readGrid(cells, headerAt, gridEnd);
    if ('doubt' in grid) {
      problem = { line: lines[headerAt]!.number, code: 'performance_form_unread', message: `绩效目标表《${title}》（${project}）的绩效指标未能可靠读取（${grid.doubt}）` };
    } else {
      indicators = grid.indicators;
      printed.push('indicators', 'indicatorLevels');
    }
  }
  const yearMatch = /(\d{4})年/.exec(
    lines
      .slice(0, 3)
      .map((line) => line.text)
      .join(''),
  );
  const table: PerformanceTable & { printed: string[] } = {
    title,
    ...(yearMatch !== null ? { year: Number(yearMatch[1]) } : {}),
    project,
    ...(department !== '' ? { department } : {}),
    ...(implementingUnit !== '' ? { implementingUnit } : {}),
    ...(Object.keys(funds).length > 0 ? { funds, unit } : {}),
    ...(goals !== undefined ? { goals: { annual: goals } } : {}),
    indicators,
    line: titleLine.number,
    printed,
  };
  return { table, ...(problem !== undefined ? { problem } : {}) };
}

/** A target's comparison as printed in its own column (指标性质): ≥, ≤, =, 大于等于… */
const COMPARISON = /^(?:[≥≤=＝<>＜＞]|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不多于|不超过)$/;
/** A target that states its comparison itself (≥95%). */
const COMPARED = /^(?:[≥≤=＝<>＜＞]|大于|小于|等于|不低于|不高于|不少于|不多于|不超过)/;

/**
 * Indicators listed by name with their targets in columns (重庆: 指标名称 · 指标性质 · 指标值 ·
 * 计量单位 · 指标权重(%) · 是否核心), no levels: each row's name, left of the 指标性质 column, and
 * its target, the comparison, value and unit joined as a grid's 指标值 is printed (≥90%).
 * Undefined when the columns cannot be placed, a name is wrapped onto a line of its own (whose
 * target it shares cannot be told), or no row has both a name and a value.
 */
function readFlatIndicators(cells: readonly Cell[][], headerAt: number, end: number): PerformanceIndicator[] | undefined {
  const header = cells[headerAt] ?? [];
  const column = (key: string) => header.find((cell) => cell.key === key);
  const name = column('指标名称');
  const value = column('指标值');
  const comparison = column('指标性质');
  const unit = column('计量单位');
  if (name === undefined || value === undefined) return undefined;
  // A cell belongs to the header cell it overlaps most, among those right of the names.
  const targets = [comparison, value, unit, ...header.filter((cell) => cell !== name && cell !== comparison && cell !== value && cell !== unit && cell.x0 > name.x1)].filter(
    (cell): cell is Cell => cell !== undefined,
  );
  const nameEnd = Math.min(...targets.map((cell) => cell.x0));
  const under = (cell: Cell): Cell | undefined =>
    targets
      .map((target) => ({ target, overlap: Math.min(cell.x1, target.x1) - Math.max(cell.x0, target.x0) }))
      .filter(({ overlap }) => overlap > 0)
      .sort((a, b) => b.overlap - a.overlap)[0]?.target;
  const indicators: { level3: string; value: string; line: number }[] = [];
  for (const line of cells.slice(headerAt + 1, end)) {
    // Names start a little left of their header (left-aligned under a centred header), not as far as the form's label column.
    const names = line.filter((cell) => cell.x1 <= nameEnd && cell.x0 >= name.x0 - (name.x1 - name.x0) * 2 && !/^(?:绩效)?指标$|^绩效$/.test(cell.key));
    const placed = line.map((cell) => ({ key: cell.key, column: under(cell) }));
    const inColumn = (target: Cell | undefined) =>
      target === undefined
        ? ''
        : placed
            .filter((cell) => cell.column === target)
            .map((cell) => cell.key)
            .join('');
    const target = inColumn(value);
    const words = names.map((cell) => cell.key).join('');
    if (target === '') {
      // A name wrapped onto a line of its own: the line above's or the line below's, which the
      // lines alone cannot tell (a target is often centred on its name's lines). Not read.
      if (words !== '' || inColumn(comparison) !== '' || inColumn(unit) !== '') return undefined;
      continue;
    }
    if (words === '') return undefined;
    const compared = inColumn(comparison);
    if (compared !== '' && !COMPARISON.test(compared)) return undefined;
    indicators.push({ level3: words, value: `${compared}${target}${inColumn(unit)}`, line: line[0]!.line });
  }
  if (indicators.length === 0) return undefined;
  return indicators.map((indicator) => ({ period: 'annual', level1: '', ...indicator }));
}

/** The column headers of a form that lists its project in a row (湖南: 单位编码 · 单位（项目）名称 · 资金总额 · 绩效目标 · 一级指标 …). */
const LISTED_NAME = /^(?:单位\(项目\)|项目)名称$/;
const LISTED_AMOUNT = /^(?:资金总额|金额|预算金额)(?:\(万?元\))?$/;
const LISTED_GOAL = /^(?:年度)?绩效目标$/;

/**
 * Reads a form that prints its project as a row of a list beside the indicator grid (湖南): the
 * project is the named row under the name column that is neither the total nor the department,
 * its amount the cell under 资金总额, its goal the text under 绩效目标; the indicators are the grid's.
 * A page printing the rows of several projects is not read (a problem names them): their
 * indicators stand around their rows with nothing to tell where one project's end.
 * @returns undefined when the form has no such columns or no such row.
 */
function readListedForm(lines: readonly PositionedLine[], cells: readonly Cell[][], headerAt: number, title: string): FormReading | undefined {
  // The grid runs to a 备注 or 填报 line after its header (the header itself may name a 备注 column).
  const endAt = cells.findIndex((line, index) => index > headerAt && line.some((cell) => fieldOf(cell.key) === 'end'));
  const gridEnd = endAt < 0 ? cells.length : endAt;
  const header = cells.slice(Math.max(0, headerAt - 3), headerAt + 1).flat();
  const nameHeader = header.find((cell) => LISTED_NAME.test(cell.key));
  const amountHeader = header.find((cell) => LISTED_AMOUNT.test(cell.key));
  const goalHeader = header.find((cell) => LISTED_GOAL.test(cell.key));
  const columns = columnsOf(cells, headerAt);
  if (nameHeader === undefined || amountHeader === undefined || columns === undefined) return undefined;
  const department = /部门(?:名称|（单位）|\(单位\))?[:：]\s*(\S+)/.exec(
    lines
      .slice(0, headerAt)
      .map((line) => line.text)
      .join(' '),
  )?.[1];
  const under = (cell: Cell, column: Cell, slack: number) => centre(cell) >= column.x0 - slack && centre(cell) <= column.x1 + slack;
  const size = lines[headerAt]?.size ?? 10;
  const rows = cells.slice(headerAt + 1, gridEnd).flatMap((line, offset) => {
    const name = line.find((cell) => under(cell, nameHeader, 4 * size) && /[\u4e00-\u9fff]{2}/.test(cell.key));
    const amount = line.find((cell) => under(cell, amountHeader, 2 * size) && parseAmount(cell.text) !== undefined);
    if (name === undefined || amount === undefined || /^(?:合计|总计)$/.test(name.key) || (department !== undefined && name.key === labelKey(department))) return [];
    return [{ project: cleanCell(name.text).replace(/\s+/g, ''), total: parseAmount(amount.text)!, at: headerAt + 1 + offset }];
  });
  const projects = [...new Set(rows.map((row) => row.project))];
  if (projects.length === 0) return undefined;
  // The goal: the cells under its header, left of the grid.
  const isGoal = (cell: Cell) => centre(cell) > amountHeader.x1 && centre(cell) < columns.left && !LISTED_GOAL.test(cell.key) && parseAmount(cell.text) === undefined;
  const unit = fundsUnitOf(cells, headerAt + 1);
  const read = (row: ListedRow, own: (index: number) => boolean): FormReading => {
    const mine = cells.map((line, index) => (index <= headerAt || own(index) ? line : []));
    return listedTable(row, { lines, cells: mine, headerAt, gridEnd, title, department, unit, goal: goalHeader === undefined ? undefined : isGoal, left: columns.left });
  };
  if (projects.length === 1) return read(rows[0]!, () => true);
  // Several projects on one page: each project's rows, told by where its name is centred.
  const owners = rows.length === projects.length && goalHeader !== undefined ? projectRows(lines, cells, headerAt, gridEnd, rows, isGoal) : undefined;
  if (owners === undefined) {
    const message = `绩效目标表《${title}》一页列了 ${projects.length} 个项目（${projects.join('、')}），分不清各项目的绩效指标，这一页未能读取`;
    return { problem: { line: lines[0]!.number, code: 'performance_form_unread', message }, listed: projects };
  }
  return { parts: rows.map((row, position) => read(row, (index) => owners[index] === position)), listed: projects };
}

/** A project's row in a form that lists its projects (湖南): its name, amount and line index. */
interface ListedRow {
  readonly project: string;
  readonly total: string;
  readonly at: number;
}

/** What reading one listed project needs: the form, its cells (other projects' lines left empty), where its grid is. */
interface ListedPage {
  readonly lines: readonly PositionedLine[];
  readonly cells: readonly Cell[][];
  readonly headerAt: number;
  readonly gridEnd: number;
  readonly title: string;
  readonly department: string | undefined;
  readonly unit: '万元' | '元' | undefined;
  /** Which cells are its goal's (undefined: the form has no goal column). */
  readonly goal: ((cell: Cell) => boolean) | undefined;
  /** Where the indicator grid starts. */
  readonly left: number;
}

/**
 * Which project each grid line of a page listing several projects (长沙) belongs to. A project's
 * name, amount and goal are merged cells centred on its rows: the first project's rows end as far
 * below its name as they start above it, the next one's start there, and the last one's end with
 * the grid (on this page: a project going on overleaf is centred on its part here). Where the grid's
 * first row starts is known only between the header's text and the first row's text, so each
 * boundary is known only within a span: no line may stand in it, each project's goal (three lines
 * or more, so that a name printed at the top of its rows cannot pass for centred) must be centred on
 * its name, and the last project must end with the grid. Otherwise the page cannot be split and
 * undefined is returned.
 * @returns For each line index, the position of its project in `rows`.
 */
function projectRows(
  lines: readonly PositionedLine[],
  cells: readonly Cell[][],
  headerAt: number,
  gridEnd: number,
  rows: readonly ListedRow[],
  isGoal: (cell: Cell) => boolean,
): (number | undefined)[] | undefined {
  const filled = cells.map((line, index) => (index > headerAt && index < gridEnd && line.length > 0 ? index : -1)).filter((index) => index >= 0);
  const first = filled[0];
  const last = filled[filled.length - 1];
  if (first === undefined || last === undefined) return undefined;
  // A line's height: the font size in PDF space, one line for text input.
  const header = lines[headerAt];
  const size = header?.box === undefined ? 1 : header.size;
  const slack = size * 0.25;
  const at = (index: number) => verticalOf(lines[index]!);
  // The span the boundary above each project may be in (upwards: low below high).
  let low = Math.min(at(first).top, at(headerAt).bottom);
  let high = Math.max(at(first).top, at(headerAt).bottom);
  const boundaries: number[] = [];
  // (The rows are in line order.)
  for (const [position, row] of rows.entries()) {
    const centre = at(row.at).middle;
    if (centre >= low - slack) return undefined;
    [low, high] = [2 * centre - high, 2 * centre - low];
    const isLast = position === rows.length - 1;
    if (isLast) {
      // The last project ends with the grid: at or below its last line, not far below.
      if (low > at(last).bottom + slack || high < at(last).bottom - 3 * size) return undefined;
    } else if (filled.some((index) => at(index).middle >= low - slack && at(index).middle <= high + slack)) {
      return undefined;
    }
    boundaries.push((low + high) / 2);
  }
  const owners = cells.map((_, index) => {
    if (index <= headerAt || index >= gridEnd) return undefined;
    const middle = at(index).middle;
    const position = boundaries.findIndex((boundary) => middle > boundary);
    return position < 0 ? rows.length - 1 : position;
  });
  // Each project's goal is centred on its name, as its rows are.
  for (const [position, row] of rows.entries()) {
    const goalLines = filled.filter((index) => owners[index] === position && cells[index]!.some(isGoal));
    if (goalLines.length < 3) return undefined;
    const middle = (at(goalLines[0]!).top + at(goalLines[goalLines.length - 1]!).bottom) / 2;
    if (Math.abs(middle - at(row.at).middle) > size) return undefined;
  }
  return owners;
}

/**
 * Reads one project of a form that lists its projects: its row's name and amount, its goal, and
 * the indicator grid's lines that are its.
 */
function listedTable({ project, total }: ListedRow, page: ListedPage): FormReading {
  const { lines, cells, headerAt, gridEnd, title, department, unit } = page;
  const goal =
    page.goal === undefined
      ? undefined
      : text(
          cells
            .slice(headerAt + 1, gridEnd)
            .flat()
            .filter(page.goal),
        );
  // The grid: the cells right of the list's columns (a goal's line may reach under the first level's header).
  const grid = readGrid(
    cells.map((line) => line.filter((cell) => centre(cell) >= page.left)),
    headerAt,
    gridEnd,
  );
  const printed = ['project', ...(unit !== undefined ? ['annualFunds'] : []), ...(goal !== undefined ? ['goals'] : []), ...('doubt' in grid ? [] : ['indicators', 'indicatorLevels'])];
  const yearMatch = /(\d{4})年/.exec(title);
  const table: PerformanceTable & { printed: string[] } = {
    title,
    ...(yearMatch !== null ? { year: Number(yearMatch[1]) } : {}),
    project,
    ...(department !== undefined ? { department } : {}),
    ...(unit !== undefined ? { funds: { annual: { total } }, unit } : {}),
    ...(goal !== undefined && goal !== '' ? { goals: { annual: goal } } : {}),
    indicators: 'doubt' in grid ? [] : grid.indicators,
    line: lines[0]!.number,
    printed,
  };
  const problem: ImportProblem | undefined =
    'doubt' in grid ? { line: lines[headerAt]!.number, code: 'performance_form_unread', message: `绩效目标表《${title}》（${project}）的绩效指标未能可靠读取（${grid.doubt}）` } : undefined;
  return { table, ...(problem !== undefined ? { problem } : {}), listed: [project] };
}

/**
 * The forms listing their project as a row, made whole: a project printed over consecutive pages
 * is one table, its indicators in page order; a project that also stands on a page of several
 * projects (its other indicators unread there) keeps no indicators, so no check counts a part of them.
 */
function joinListedForms(readings: readonly FormReading[]): FormReading[] {
  const unreadProjects = new Set(readings.flatMap((reading) => (reading.table === undefined ? (reading.listed ?? []) : [])));
  const withoutIndicators = (table: PerformanceTable): PerformanceTable => ({
    ...table,
    indicators: [],
    printed: (table.printed ?? []).filter((field) => field !== 'indicators' && field !== 'indicatorLevels'),
  });
  const readIndicators = (table: PerformanceTable) => (table.printed ?? []).includes('indicators');
  const joined: FormReading[] = [];
  for (const reading of readings) {
    const table = reading.table;
    const previous = joined[joined.length - 1];
    if (table === undefined || reading.listed === undefined) {
      joined.push(reading);
      continue;
    }
    // Indicators partly unread (on a page of several projects, or in doubt on this one): none kept.
    const own = unreadProjects.has(table.project) || reading.problem !== undefined ? withoutIndicators(table) : table;
    if (previous?.table !== undefined && previous.listed !== undefined && previous.table.project === table.project) {
      const both = readIndicators(previous.table) && readIndicators(own);
      joined[joined.length - 1] = {
        ...previous,
        table: both ? { ...previous.table, indicators: [...previous.table.indicators, ...own.indicators] } : withoutIndicators(previous.table),
        ...((previous.problem ?? reading.problem) ? { problem: previous.problem ?? reading.problem } : {}),
      };
      continue;
    }
    joined.push({ ...reading, table: own });
  }
  return joined;
}

const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const PAGE_NUMBER = /^[-—–\s]*\d+[-—–\s]*$/;

/**
 * Whether the line that ends a form's grid at a page's start begins something else: a heading, a
 * table's label or title, another form's title (wrapped over up to three lines: 福州's …配套项 /
 * 目绩效目标表). Otherwise the grid may go on past a line the reader does not know.
 * @param lines The document's lines.
 * @param index The line's index.
 */
function startsSomethingElse(lines: readonly PositionedLine[], index: number): boolean {
  const words = (at: number) => (lines[at]?.text ?? '').replace(/\s+/g, '');
  const first = words(index);
  if (HEADING.test(first) || NUMBERED.test(first) || TABLE_LABEL.test(first)) return true;
  const titles = [first, first + words(index + 1), first + words(index + 1) + words(index + 2)];
  return titles.some((text) => FORM_TITLE.test(text) || kindOfTitle(text) !== undefined);
}

/** A form read in full but cut where its grid may go on: its indicators may be only some, so whether its levels are all there is not judged. */
function cutShort(reading: FormReading, line: PositionedLine): FormReading {
  const table = reading.table;
  if (table === undefined || !(table.printed ?? []).includes('indicatorLevels')) return reading;
  const message = `绩效目标表《${table.title ?? ''}》（${table.project}）在第 ${line.page} 页前中断，下一页开头“${line.text.trim().slice(0, 20)}”不是已知的续表或新表：指标可能不全，不判断一级指标是否齐全`;
  return {
    ...reading,
    table: { ...table, printed: (table.printed ?? []).filter((field) => field !== 'indicatorLevels') },
    ...(reading.problem === undefined ? { problem: { line: line.number, code: 'performance_form_unread', message } } : {}),
  };
}

/** Whether the first line of a page goes on with a form's grid (its cells under the grid's columns). */
function continuesGrid(line: PositionedLine, header: readonly Cell[][], at: number): boolean {
  const columns = columnsOf(header, at);
  // Another form's title (a department-wide one too, which is not read as a project's) goes on with no grid.
  if (columns === undefined || HEADING.test(line.text.trim()) || NUMBERED.test(line.text.trim()) || FORM_TITLE.test(line.text.replace(/\s+/g, ''))) return false;
  return cellsOf(line).some((cell) => {
    const column = columnOf(cell, columns);
    return column === 'level2' || column === 'level3' || column === 'value';
  });
}

/** The forms of a document and the lines they cover. */
export interface FormsReading {
  readonly tables: PerformanceTable[];
  readonly problems: ImportProblem[];
  /** Line numbers inside forms: the text stages skip them. */
  readonly lines: ReadonlySet<number>;
}

/**
 * Reads every performance-target form: each runs from its title to the next form's title, the
 * start of another table, a part or section heading, or the end of the page its grid ends on
 * (unless the next page goes on with the grid).
 * @param lines The document's lines.
 * @param tableStarts First lines of the other tables the document prints (read by the table stage, not as forms).
 */
export function readForms(lines: readonly PositionedLine[], tableStarts: ReadonlySet<number>): FormsReading {
  const tables: PerformanceTable[] = [];
  const problems: ImportProblem[] = [];
  const readings: FormReading[] = [];
  const covered = new Set<number>();
  let index = 0;
  while (index < lines.length) {
    // A table the table stage read (a list of projects' targets) is not a form.
    if (!isFormTitle(lines[index]!.text) || tableStarts.has(lines[index]!.number)) {
      index += 1;
      continue;
    }
    const form: PositionedLine[] = [lines[index]!];
    let headerAt = -1;
    let next = index + 1;
    // The line the grid stopped at, where it is not known to be the start of something else.
    let cut: PositionedLine | undefined;
    for (; next < lines.length; next += 1) {
      const line = lines[next]!;
      const words = line.text.trim();
      // The title printed twice (above and below the year) is one form.
      if (isFormTitle(line.text) && form.length <= 2 && labelKey(line.text) === labelKey(form[0]!.text)) continue;
      if (isFormTitle(line.text) || tableStarts.has(line.number) || (form.length > 2 && HEADING.test(words) && headerAt < 0 && !/[:：]/.test(words))) break;
      const previous = form[form.length - 1]!;
      if (headerAt >= 0 && line.page !== previous.page && !PAGE_NUMBER.test(words)) {
        const cells = form.map(cellsOf);
        if (!continuesGrid(line, cells, headerAt)) {
          if (!startsSomethingElse(lines, next)) cut = line;
          break;
        }
      }
      if (headerAt >= 0 && HEADING.test(words)) break;
      if (PAGE_NUMBER.test(words)) continue;
      form.push(line);
      if (headerAt < 0 && /三级指标/.test(line.text.replace(/\s+/g, ''))) headerAt = form.length - 1;
    }
    const read = readForm(form);
    const parts = read.parts ?? [read];
    // Only the last project's indicators run to the cut.
    readings.push(...(cut === undefined ? parts : [...parts.slice(0, -1), cutShort(parts[parts.length - 1]!, cut)]));
    for (const line of form) covered.add(line.number);
    index = next;
  }
  for (const reading of joinListedForms(readings)) {
    if (reading.table !== undefined) tables.push(reading.table);
    if (reading.problem !== undefined) problems.push(reading.problem);
  }
  return { tables, problems, lines: covered };
}
