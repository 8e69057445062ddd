/**
 * Rebuilding a table's grid from positioned lines, whatever the source: the value columns come
 * from where the numbers stand (spans that overlap horizontally are one column), the header
 * lines name them (a header span over one column is part of its name, wrapped or not; a span
 * over several columns is a group over them), and each data line's leading text is its row
 * label (a classification code and a name). A two-sided table (income | expenditure) has a
 * second label between its two blocks of value columns. Names wrapped onto a line of their own
 * are joined to their row.
 */
import { type PositionedLine, type Span } from '../positioned/model.js';
import { columnIdOf } from './names.js';

/** A value column of the grid. */
export interface GridColumn {
  /** Left edge of its numbers (or of its header when no number stands in it). */
  readonly x0: number;
  /** Right edge. */
  readonly x1: number;
  /** Its header: the groups over it, then its own name (wrapped parts joined). */
  readonly header: readonly string[];
  /** The side of a two-sided table. */
  readonly side: 'income' | 'expenditure' | 'single';
}

/** A row of the grid. */
export interface GridRow {
  /** The line its values are on. */
  readonly line: number;
  /** Classification code printed in its label, if any. */
  readonly code?: string;
  /** A unit's code (部门代码 123, 单位代码 123001) in a table of units. */
  readonly unitCode?: string;
  /** Its name (wrapped parts joined), spaces inside kept as printed. */
  readonly name: string;
  /** The unit a project belongs to, from a 单位名称 column beside the 项目名称 column. */
  readonly unitName?: string;
  /** Words printed in label columns right of the name (项目类别: 特定目标类), by column id. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Left edge of its label (indentation shows the level in some templates). */
  readonly indent: number;
  /** Right edge of its label (a centred name has no indentation to read). */
  readonly labelEnd?: number;
  /** Cell texts by column index (undefined: blank). */
  readonly cells: readonly (string | undefined)[];
  /** The side of a two-sided table. */
  readonly side: 'income' | 'expenditure' | 'single';
}

/** A table's grid. */
export interface Grid {
  /** Value columns, left to right. */
  readonly columns: readonly GridColumn[];
  /** Rows in print order. */
  readonly rows: readonly GridRow[];
  /** Whether the table has an income side and an expenditure side. */
  readonly twoSided: boolean;
  /** Header texts over the label part (科目编码, 项目…), left to right. */
  readonly labelHeaders: readonly string[];
  /** Numbers that stood in no column (the grid is then doubtful). */
  readonly strays: number;
  /** The width of a CJK character in the positions' unit. */
  readonly size: number;
  /** Further blocks of columns printed beside the expenditure side (other views of it), not read. */
  readonly extraViews: number;
  /** Whether the number columns were matched one to one with the header's columns (else the columns come from the numbers, named by what stands above them). */
  readonly headerMatched: boolean;
}

/** A printed number in a cell: amount, count or percentage (a lone dash is a blank). */
const CELL_NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** A classification code printed in a label: [2010301], 2010301, or 类/款/项 parts 201 01 01. */
const LABEL_CODE = /^[[【]?(\d{3}(?:\d{2}){0,2})[\]】]?(.*)$/s;
/** Code parts printed in separate 类/款/项 columns. */
const CODE_PART = /^\d{2,3}$/;
/** Cells that mean blank. */
const BLANK_CELL = /^[\-—–/／－]$/;

/** A span with its kind on a line. */
interface Piece extends Span {
  readonly kind: 'number' | 'text';
}

/** A span that holds a row number or code part and the next cell's number, one space apart (西安: “17 302”). */
const TWO_NUMBERS = /^(\d{1,4})(\s+)(\S+)$/;

/**
 * A span as cells: most spans are one cell, but a PDF may set a row number and the code beside it
 * as one text item; each number is then a cell of its own, placed by its characters' share of the span.
 */
function cellsOf(span: Span): Span[] {
  const text = span.text.trim();
  const parts = TWO_NUMBERS.exec(text);
  if (parts === null || !CELL_NUMBER.test(parts[3]!)) return [span];
  const width = (span.x1 - span.x0) / text.length;
  const second = parts[1]!.length + parts[2]!.length;
  return [
    { text: parts[1]!, x0: span.x0, x1: span.x0 + parts[1]!.length * width },
    { text: parts[3]!, x0: span.x0 + second * width, x1: span.x1 },
  ];
}

function pieces(line: PositionedLine): Piece[] {
  // A span of spaces alone is no cell.
  return line.spans
    .filter((span) => span.text.trim() !== '')
    .flatMap(cellsOf)
    .map((span) => ({ ...span, kind: CELL_NUMBER.test(span.text.replace(/\s+/g, '')) ? 'number' : 'text' }));
}

/** A classification code or code part printed as a number (2–7 digits, no separators). */
const CODE_NUMBER = /^(?:\d{2}|[1-9]\d{2}(?:\d{2}){0,2})$/;

/**
 * Which pieces of a row are codes, not values: the row's first piece, or a code-shaped number
 * followed by a name or another code part, with only names and codes before it. One pass.
 */
function codePieces(row: readonly Piece[]): boolean[] {
  const codes: boolean[] = [];
  let onlyLabelsBefore = true;
  row.forEach((piece, index) => {
    const next = row[index + 1];
    let code: boolean;
    // The first piece of a row, when a number, is a code (unit codes such as 123001 too).
    // A one-digit code (单位编码 1) only before a name.
    if (index === 0) code = /^\d{2,9}$/.test(piece.text) || (/^\d$/.test(piece.text) && next?.kind === 'text');
    else code = onlyLabelsBefore && CODE_NUMBER.test(piece.text) && next !== undefined && (next.kind === 'text' || CODE_NUMBER.test(next.text));
    codes.push(code);
    onlyLabelsBefore &&= piece.kind === 'text' || code;
  });
  return codes;
}

/**
 * Drops a column of row numbers (序号 1, 2, 3 … printed before the labels): the first piece of
 * most lines, a small integer, each one more than the one before. (Class codes 301, 302, 303 count
 * up by one too, but stand on a few lines among their 款.)
 */
function withoutSerialNumbers(lines: readonly { line: PositionedLine; pieces: Piece[] }[]): { line: PositionedLine; pieces: Piece[] }[] {
  const firsts = lines.map(({ pieces: row }) => (row.length > 1 && row[0]!.kind === 'number' && /^\d{1,4}$/.test(row[0]!.text.trim()) ? Number(row[0]!.text.trim()) : undefined));
  const numbered = firsts.filter((value): value is number => value !== undefined);
  const rows = lines.filter(({ pieces: row }) => row.length > 1).length;
  if (numbered.length < 3 || numbered.length < rows * 0.6) return [...lines];
  let steps = 0;
  for (let index = 1; index < numbered.length; index += 1) if (numbered[index] === numbered[index - 1]! + 1) steps += 1;
  if (steps < (numbered.length - 1) * 0.8) return [...lines];
  return lines.map((entry, index) => (firsts[index] === undefined ? entry : { ...entry, pieces: entry.pieces.slice(1) }));
}

/**
 * Joins amounts wrapped inside a narrow cell (杭州: “21,118.5” above the row's line, “1” below it; with
 * or without thousands separators):
 * a line holding only a cut amount (fewer than two decimals) and, two lines further, a line
 * holding only its last digits at the same right edge, around a line with a label. The joined
 * amount stands on the middle line.
 */
function joinWrappedNumbers(lines: readonly { line: PositionedLine; pieces: Piece[] }[], size: number): { line: PositionedLine; pieces: Piece[] }[] {
  const result = lines.map((entry) => ({ ...entry, pieces: [...entry.pieces] }));
  const dropped = new Set<number>();
  for (let index = 0; index + 2 < result.length; index += 1) {
    const head = result[index]!;
    const middle = result[index + 1]!;
    const tail = result[index + 2]!;
    const [cut] = head.pieces;
    const [rest] = tail.pieces;
    if (head.pieces.length !== 1 || tail.pieces.length !== 1 || cut === undefined || rest === undefined) continue;
    if (!/^(?:\d{1,3}(?:,\d{3})*|\d+)\.\d?$/.test(cut.text) || !/^\d{1,2}$/.test(rest.text)) continue;
    if (Math.abs(rest.x1 - cut.x1) > 1.5 * size || middle.pieces.length === 0 || middle.pieces[0]!.kind !== 'text') continue;
    middle.pieces.push({ text: cut.text + rest.text, x0: cut.x0, x1: cut.x1, kind: 'number' });
    middle.pieces.sort((a, b) => a.x0 - b.x0);
    dropped.add(index).add(index + 2);
  }
  return result.filter((_, index) => !dropped.has(index));
}

/** The code and name of a row label from its leading pieces; a second classification after the name is left out. */
function labelOf(texts: readonly Piece[]): { code?: string; name: string; partialCode?: string; codeX?: number } {
  const all = texts.map((piece) => piece.text.trim());
  // The name ends where a second code begins (a second classification).
  const firstName = all.findIndex((part) => !CODE_PART.test(part) && !/^[[【]?\d{3,7}[\]】]?$/.test(part));
  const secondCode = firstName < 0 ? -1 : all.findIndex((part, index) => index > firstName && /^\d{2,7}$/.test(part));
  const parts = secondCode < 0 ? all : all.slice(0, secondCode);
  // 类 / 款 / 项 printed as separate code columns: 201 | 03 | 01 | 行政运行.
  let code = '';
  let index = 0;
  while (index < parts.length && CODE_PART.test(parts[index]!) && (code === '' ? parts[index]!.length === 3 : code.length < 7)) {
    code += parts[index]!;
    index += 1;
  }
  if (code !== '' && [3, 5, 7].includes(code.length)) return { code, name: parts.slice(index).join(' ').trim() };
  // Only the new part of the code (款 “40” under 类 201, 项 “01”): completed from the rows above.
  if (parts.length > 0 && /^\d{2}$/.test(parts[0]!)) return { partialCode: parts[0]!, codeX: texts[0]!.x0, name: parts.slice(1).join(' ').trim() };
  const joined = parts.join(' ').trim();
  const match = LABEL_CODE.exec(joined);
  const rest = match?.[2]?.trim();
  if (match !== null && rest !== undefined && (rest === '' || /^\D/.test(rest))) return { code: match[1]!, name: rest };
  return { name: joined };
}

/** The name of a unit's row, its unit code (123, 123001) apart. */
function unitLabelOf(texts: readonly Piece[]): { code?: string; name: string; partialCode?: string; codeX?: number; unitCode?: string } {
  const unitCode = texts.map((piece) => piece.text.trim()).find((text) => /^\d+$/.test(text));
  return {
    name: texts
      .filter((piece) => !/^\d+$/.test(piece.text.trim()))
      .map((piece) => piece.text.trim())
      .join(' ')
      .trim(),
    ...(unitCode !== undefined ? { unitCode } : {}),
  };
}

/** Clusters the numbers of the data lines into columns: numbers whose extents overlap stand in one column. */
function clusterColumns(numbers: readonly Span[], tolerance: number): { x0: number; x1: number }[] {
  const sorted = [...numbers].sort((a, b) => a.x0 - b.x0);
  const clusters: { x0: number; x1: number }[] = [];
  for (const span of sorted) {
    const last = clusters[clusters.length - 1];
    if (last !== undefined && span.x0 <= last.x1 + tolerance) last.x1 = Math.max(last.x1, span.x1);
    else clusters.push({ x0: span.x0, x1: span.x1 });
  }
  return clusters;
}

const center = (span: { x0: number; x1: number }) => (span.x0 + span.x1) / 2;

/** A header span with the index of its header line. */
interface HeaderSpan extends Span {
  readonly index: number;
}

/** Header words printed letter-spaced across a cell (项    目, 收      入, 合  计). */
const SPACED_WORDS: readonly string[] = ['项目', '科目', '收入', '支出', '合计', '总计', '小计', '金额', '名称', '单位', '类款项', '备注', '序号', '年度', '预算数', '栏次', '行次'];

/**
 * Joins letter-spaced header text (收      入, 项    目): runs of up to four single characters,
 * evenly spaced, that spell (the start of) a header word are one span. Single characters of
 * neighbouring cells' wrapped names (事业收 / 入 beside 其他收 / 入) are not a word.
 */
export function joinSpaced(spans: readonly Span[], size: number): Span[] {
  const joined: Span[] = [];
  const single = (text: string) => text.length === 1 && /[\u4e00-\u9fff]/.test(text);
  let runGap = 0;
  spans.forEach((span, index) => {
    const last = joined[joined.length - 1];
    const previous = spans[index - 1];
    const gap = previous === undefined ? 0 : span.x0 - previous.x1;
    const inRun =
      last !== undefined &&
      last.text.length < 4 &&
      single(span.text) &&
      single(previous!.text) &&
      /^[\u4e00-\u9fff]+$/.test(last.text) &&
      SPACED_WORDS.some((word) => word.startsWith(last.text + span.text));
    const even = last !== undefined && (last.text.length === 1 ? gap <= 15 * size : gap <= runGap * 1.5 + size);
    if (inRun && even) {
      if (last.text.length === 1) runGap = gap;
      joined[joined.length - 1] = { text: last.text + span.text, x0: last.x0, x1: span.x1 };
    } else {
      joined.push(span);
    }
  });
  return joined;
}

/**
 * Splits a header span that holds the first lines of two neighbouring cells printed too close to
 * be told apart (“一般公共预政府性基” over “算” and “金预算”): when exactly two spans stand under it
 * and one cut makes both columns names the vocabulary knows, it is two spans, placed by their
 * share of its width. A leaf that reads as two known names run together is split the same way.
 */
function splitMergedHeaders(spans: readonly HeaderSpan[], tolerance: number): HeaderSpan[] {
  return spans.flatMap((span) => {
    const below = spans.filter((other) => other.index > span.index && center(other) >= span.x0 - tolerance && center(other) <= span.x1 + tolerance);
    const nearest = Math.min(...below.map((other) => other.index));
    const under = below.filter((other) => other.index === nearest).sort((a, b) => a.x0 - b.x0);
    const text = span.text.replace(/\s+/g, '');
    // A leaf may be two neighbouring names printed as one (上海: “政府性基金预算国有资本经营预算”):
    // split where both halves, four characters or more, are names the vocabulary knows, the
    // second as short as it can be (not “政府性基金 | 预算国有资本经营预算”).
    const leaf = below.length === 0 && text.length >= 8;
    if ((under.length !== 2 && !leaf) || text.length < 4) return [span];
    const shortest = leaf ? 4 : 2;
    const cuts = Array.from({ length: Math.max(0, text.length - 2 * shortest + 1) }, (_, index) => shortest + index);
    for (const cut of leaf ? cuts.reverse() : cuts) {
      const left = columnIdOf([text.slice(0, cut) + (leaf ? '' : under[0]!.text)]);
      const right = columnIdOf([text.slice(cut) + (leaf ? '' : under[1]!.text)]);
      if (left === undefined || right === undefined || left === right || left === 'total' || right === 'total') continue;
      const at = span.x0 + ((span.x1 - span.x0) * cut) / text.length;
      return [
        { ...span, text: text.slice(0, cut), x1: at },
        { ...span, text: text.slice(cut), x0: at },
      ];
    }
    return [span];
  });
}

/** A header leaf: a span no later header span sits under, with the names above it. */
interface Leaf {
  readonly x0: number;
  readonly x1: number;
  /** Groups over it (spans over several leaves), then its own name (wrapped parts joined). */
  readonly header: readonly string[];
}

/**
 * The leaves of a header: spans under which no later header span sits. A span with exactly one
 * leaf under it is the first part of that leaf's wrapped name; with several, a group over them.
 * Column numbers (1 2 3 …) printed under the header are leaves too, and are dropped from names.
 */
function headerLeaves(header: readonly PositionedLine[], tolerance: number): Leaf[] {
  const spans: HeaderSpan[] = splitMergedHeaders(
    header.flatMap((line, index) => joinSpaced(line.spans, line.size).map((span) => ({ ...span, index }))),
    tolerance,
  );
  const covers = (outer: Span, inner: Span) => center(inner) >= outer.x0 - tolerance && center(inner) <= outer.x1 + tolerance;
  const found = spans.filter((span) => !spans.some((other) => other.index > span.index && covers(span, other))).sort((a, b) => a.x0 - b.x0);
  // A short group name centred over two columns covers neither's centre: it sits between two
  // leaves of lower lines, over the middle between them.
  const leaves = found.filter((leaf, position) => {
    const before = found[position - 1];
    const after = found[position + 1];
    if (before === undefined || after === undefined || before.index <= leaf.index || after.index <= leaf.index) return true;
    if (!centredGroup(leaf, before)) return true;
    // A group stands over its columns' whole names: a name between two wrapped names that start
    // on a line above it (烟台: 财政专户管 / 理资金 · 单位资金 · 使用非财政 / 拨款结余) is a column of its own.
    const startsAbove = (column: HeaderSpan) => spans.some((span) => span.index < leaf.index && covers(span, column) && !covers(span, leaf));
    if (startsAbove(before) && startsAbove(after)) return true;
    const middle = (center(before) + center(after)) / 2;
    return !(middle >= leaf.x0 - tolerance && middle <= leaf.x1 + tolerance);
  });
  const sorted = [...leaves].sort((a, b) => a.x0 - b.x0);
  const ranges = headerRanges(spans, sorted, covers);
  return sorted.map((leaf) => {
    const above = spans.filter((span) => span.index < leaf.index && (ranges.get(span)?.includes(leaf) ?? false)).sort((a, b) => a.index - b.index);
    const groups: string[] = [];
    const own: string[] = [];
    for (const span of above) (ranges.get(span)!.length > 1 ? groups : own).push(span.text);
    own.push(leaf.text);
    const name = own
      .filter((text) => !/^\d{1,2}$|^\*+$/.test(text))
      .join('')
      .replace(/\s+/g, '');
    return { x0: leaf.x0, x1: leaf.x1, header: [...groups.map((text) => text.replace(/\s+/g, '')), name].filter((part) => part !== '') };
  });
}

/**
 * Whether a name centred over two columns is their group: a group's name, or any name over a
 * 金额 column and the one after it (事业收入 / 金额 · 其中:教育收费).
 */
function centredGroup(span: Span & { readonly text: string }, left: Span & { readonly text: string }): boolean {
  return GROUP_HEADER.test(span.text.replace(/\s+/g, '')) || /^金额$/.test(left.text.replace(/\s+/g, ''));
}

/** Names of header groups (merged cells over several columns). */
const GROUP_HEADER =
  /^(?:\d{4}年度?(?:预算数?|执行数?|合计)?|本年收入|本年支出|上年结转(?:结余)?|上年结余、?结转|(?:本级)?财政拨款(?:收入|支出)?|单位资金|其他资金收入|财政专户拨款收入|基本支出(?:预算)?|一般公共预算(?:拨款|支出|基本支出)?|本年一般公共预算基本支出|政府性基金预算支出|国有资本经营预算支出|“?三公”?经费(?:预算数?)?|公务用车购置及运行(?:维护)?费|收入|支出|.*增减.*|.*预算(?:数|金额)|按收入性质分|按支出性质分|资金来源|部门预算|收入预算|支出预算|其中[：:]?|上年|当年|本年|.*三公”?经费预算)$/;

/**
 * The leaves each upper header span stands over: by default those its words cover. Where a line
 * holds several group names side by side (本年收入 · 上年结转结余), each merged cell centres its
 * name over its columns, which reach well beyond the name: the leaves below are cut into adjacent
 * runs, one per group, so that each name stands as near the middle of its run as it can.
 */
function headerRanges(spans: readonly HeaderSpan[], leaves: readonly HeaderSpan[], covers: (outer: Span, inner: Span) => boolean): Map<HeaderSpan, HeaderSpan[]> {
  const ranges = new Map<HeaderSpan, HeaderSpan[]>();
  for (const span of spans) {
    if (leaves.includes(span)) continue;
    ranges.set(
      span,
      leaves.filter((leaf) => leaf.index > span.index && covers(span, leaf)),
    );
  }
  // A group name centred over two columns that covers neither's centre (headerLeaves drops it as
  // a leaf) stands over the two leaves whose middle it covers.
  const byX = [...leaves].sort((a, b) => a.x0 - b.x0);
  for (const [span, covered] of ranges) {
    if (covered.length > 0) continue;
    const below = byX.filter((leaf) => leaf.index > span.index);
    const pair = below.findIndex((leaf, position) => {
      const next = below[position + 1];
      if (next === undefined) return false;
      const middle = (center(leaf) + center(next)) / 2;
      return covers(span, { ...span, x0: middle, x1: middle });
    });
    if (pair >= 0 && centredGroup(span, below[pair]!)) ranges.set(span, [below[pair]!, below[pair + 1]!]);
  }
  for (const [span, covered] of ranges) widenOverSubtotal(span, covered, byX, ranges, covers);
  const lines = new Set(spans.map((span) => span.index));
  for (const index of lines) {
    const groups = spans.filter((span) => span.index === index && !leaves.includes(span) && GROUP_HEADER.test(span.text.replace(/\s+/g, ''))).sort((a, b) => a.x0 - b.x0);
    // Side-by-side groups of different names share the columns below them; the same name repeated
    // (公务用车购置及运行维护费 under 2025年 and under 2026年) stands over its own few columns only.
    const names = new Set(groups.map((group) => group.text.replace(/\s+/g, '')));
    if (groups.length < 2 || groups.length > 4 || names.size < groups.length) {
      for (const group of groups) extendByName(group, leaves, ranges);
      continue;
    }
    const below = leaves.filter((leaf) => leaf.index > index);
    const runs = adjacentRuns(below.map(center), groups.map(center));
    if (runs === undefined) continue;
    groups.forEach((group, position) => ranges.set(group, below.slice(runs[position]![0], runs[position]![1] + 1)));
  }
  return ranges;
}

/**
 * Widens a group over its own subtotal: a merged cell's name is centred over all its columns, so a
 * group whose subtotal comes first (财政拨款 over 合计 · 一般公共预算 · 政府性基金预算 · 国有资本经营
 * 预算, 广州's project tables; 财政拨款收入 over 小计 · …, 烟台's income table) covers only the
 * middle ones by its words. When the leaf left of its columns is a bare 合计 or 小计 under no
 * group, after the table's own 总计 or 合计 (so it is not the table's total), the leaf right of
 * them is under no group either, and the group's name stays centred over the run with both, the
 * run takes both.
 */
function widenOverSubtotal(group: HeaderSpan, covered: readonly HeaderSpan[], byX: readonly HeaderSpan[], ranges: Map<HeaderSpan, HeaderSpan[]>, covers: (outer: Span, inner: Span) => boolean): void {
  if (covered.length < 2 || !GROUP_HEADER.test(group.text.replace(/\s+/g, ''))) return;
  const below = byX.filter((leaf) => leaf.index > group.index);
  const first = below.indexOf(covered[0]!);
  const last = below.indexOf(covered[covered.length - 1]!);
  const left = below[first - 1];
  const right = below[last + 1];
  if (first < 0 || last - first + 1 !== covered.length || left === undefined || right === undefined) return;
  if (!/^(?:合计|小计)$/.test(left.text.replace(/\s+/g, ''))) return;
  if (!below.slice(0, first - 1).some((leaf) => /^(?:总计|合计)$/.test(leaf.text.replace(/\s+/g, '')))) return;
  const grouped = (leaf: HeaderSpan) => [...ranges].some(([other, leaves]) => other !== group && leaves.length > 1 && leaves.includes(leaf));
  if (grouped(left) || grouped(right)) return;
  const middle = (center(left) + center(right)) / 2;
  if (!covers(group, { ...group, x0: middle, x1: middle })) return;
  ranges.set(group, below.slice(first - 1, last + 2));
}

/**
 * Widens a group's columns to the neighbouring leaves whose names begin as the group's does
 * (公务用车购置及运行维护费 over 公务用车购置经费 and 公务用车运行维护费).
 */
function extendByName(group: HeaderSpan, leaves: readonly HeaderSpan[], ranges: Map<HeaderSpan, HeaderSpan[]>): void {
  const below = leaves.filter((leaf) => leaf.index > group.index);
  const own = ranges.get(group) ?? [];
  if (own.length === 0) return;
  const prefix = group.text.replace(/\s+/g, '').slice(0, 4);
  let first = below.indexOf(own[0]!);
  let last = below.indexOf(own[own.length - 1]!);
  if (first < 0 || last < 0) return;
  while (last + 1 < below.length && below[last + 1]!.text.replace(/\s+/g, '').startsWith(prefix)) last += 1;
  while (first - 1 >= 0 && below[first - 1]!.text.replace(/\s+/g, '').startsWith(prefix)) first -= 1;
  ranges.set(group, below.slice(first, last + 1));
}

/**
 * Adjacent runs of points (sorted), one per target in order, each run's middle as near its target
 * as can be (least total distance); the first run may start after the first point and the last
 * end before the last point.
 */
function adjacentRuns(points: readonly number[], targets: readonly number[]): [number, number][] | undefined {
  let best: { cost: number; runs: [number, number][] } | undefined;
  const search = (start: number, target: number, runs: [number, number][], cost: number): void => {
    if (best !== undefined && cost >= best.cost) return;
    if (target === targets.length) {
      best = { cost, runs };
      return;
    }
    const firsts = target === 0 ? points.map((_, index) => index) : [start];
    for (const first of firsts) {
      for (let last = first; last < points.length; last += 1) {
        const middle = (points[first]! + points[last]!) / 2;
        search(last + 1, target + 1, [...runs, [first, last]], cost + Math.abs(middle - targets[target]!));
      }
    }
  };
  search(0, 0, [], 0);
  return best?.runs;
}

/**
 * Matches the number columns to header leaves in order, each to the leaf nearest its centre
 * (dynamic programming over order-preserving assignments); undefined when there are more number
 * columns than leaves, or one lies outside its leaf's cell (the header does not describe them).
 */
function matchLeaves(clusters: readonly { x0: number; x1: number }[], leaves: readonly Leaf[]): number[] | undefined {
  const m = clusters.length;
  const n = leaves.length;
  if (m === 0 || m > n) return undefined;
  const cost = (i: number, j: number) => Math.abs(center(clusters[i]!) - center(leaves[j]!));
  // best[i][j]: least cost of matching clusters 0..i-1 within leaves 0..j-1.
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  for (let j = 0; j <= n; j += 1) best[0]![j] = 0;
  for (let i = 1; i <= m; i += 1) {
    for (let j = i; j <= n; j += 1) best[i]![j] = Math.min(best[i]![j - 1]!, best[i - 1]![j - 1]! + cost(i - 1, j - 1));
  }
  const match = new Array<number>(m);
  for (let i = m, j = n; i > 0; j -= 1) {
    if (best[i]![j] === best[i]![j - 1]) continue;
    match[i - 1] = j - 1;
    i -= 1;
  }
  const cellOf = (j: number) => ({
    from: j === 0 ? Number.NEGATIVE_INFINITY : (center(leaves[j - 1]!) + center(leaves[j]!)) / 2,
    to: j === n - 1 ? Number.POSITIVE_INFINITY : (center(leaves[j]!) + center(leaves[j + 1]!)) / 2,
  });
  const inside = match.every((j, i) => {
    const cell = cellOf(j);
    return center(clusters[i]!) >= cell.from && center(clusters[i]!) <= cell.to;
  });
  return inside ? match : undefined;
}

/** The header of a column naming each project's unit (单位名称, 预算单位). */
const UNIT_NAME_HEADER = /^(?:(?:预算)?单位名称|预算单位|部门（?单位）?名称|单位)$/;
/** The header of a column naming the project. */
/** Label columns of words (not amounts) that can stand right of the name column. */
const WORD_COLUMN_IDS: ReadonlySet<string> = new Set(['projectCategory', 'fundNature', 'remarks', 'description']);
const PROJECT_NAME_HEADER = /^(?:(?:预算)?项目名称|项目)$/;

/** Whether a header span names a label column (code, name, 项目) rather than values. */
export const LABEL_HEADER = /^(?:序\s*号|[序号类款]|行\s*次|项\s*目|科\s*目|项|收\s*入|支\s*出|收入项目|支出项目|\*+)$|科目|编码|代码|名称|预算单位|单位名称|类款项|类款|^项目栏次$|^栏次$/;

/**
 * Reads the grid of a table.
 * @param header The header lines (between the title block and the first data line).
 * @param body The data lines (page footers, repeated titles and headers already removed).
 */
export function readGrid(header: readonly PositionedLine[], body: readonly PositionedLine[]): Grid {
  const size = body[0]?.size ?? header[0]?.size ?? 10;
  const tolerance = size * 0.3;
  const lines = joinWrappedNumbers(withoutSerialNumbers(body.map((line) => ({ line, pieces: pieces(line) }))), size);
  // A number is a value when a text precedes it on its line (else it may be a code in the label).
  // A number is a value unless it is a code: the first piece of a row, or a code followed by a name or
  // another code part (a second classification printed beside the first: 301 01 基本工资 501 01 工资奖金津补贴).
  const valueNumbers = lines.flatMap(({ pieces: row }) => {
    const codes = codePieces(row);
    return row.filter((piece, index) => piece.kind === 'number' && !codes[index]);
  });
  let clusters = clusterColumns(valueNumbers, tolerance);
  // Two-sided: text standing between two number columns on several lines starts the expenditure side.
  // A third block (西安 prints the expenditure again by economic class, twice) is not read: its
  // columns and the pieces right of the expenditure side are left out, and the grid says so.
  const splits: number[] = [];
  for (let index = 0; index + 1 < clusters.length; index += 1) {
    const gapFrom = clusters[index]!.x1;
    const gapTo = clusters[index + 1]!.x0;
    const between = lines.filter(({ pieces: row }) => row.some((piece) => piece.kind === 'text' && piece.x0 > gapFrom && piece.x1 < gapTo && /[\u4e00-\u9fff]{2}/.test(piece.text)));
    if (between.length >= 2) splits.push(index + 1);
  }
  const clusterSplit = splits[0] ?? -1;
  let rightEnd = Number.POSITIVE_INFINITY;
  if (splits.length >= 2) {
    rightEnd = clusters[splits[1]! - 1]!.x1 + tolerance;
    clusters = clusters.slice(0, splits[1]);
  }
  const extraViews = Math.max(0, splits.length - 1);
  const leaves = headerLeaves(header, tolerance).filter((leaf) => center(leaf) < rightEnd);
  const firstValue = clusters[0]?.x0 ?? Number.POSITIVE_INFINITY;
  // Leaves named as label columns (科目编码, 项目…) with no numbers under them are not value columns.
  const named = (leaf: Leaf) => LABEL_HEADER.test(leaf.header[leaf.header.length - 1] ?? '');
  const candidates = leaves.filter((leaf) => !named(leaf) || clusters.some((cluster) => center(cluster) >= leaf.x0 && center(cluster) <= leaf.x1));
  const firstMatched = matchLeaves(clusters, candidates)?.[0];
  // Leaves left of the first matched one stand over the labels.
  const valueLeaves = candidates.filter((leaf, index) => (firstMatched === undefined ? clusters.length === 0 || leaf.x1 >= firstValue : index >= firstMatched));
  const labelLeaves = leaves.filter((leaf) => !valueLeaves.includes(leaf));
  const labelHeaders = labelLeaves.map((leaf) => leaf.header.join('/'));
  // A 单位名称 column left of a 项目名称 column: the unit is the project's, not part of its name.
  const unitLeaf = labelLeaves.find((leaf) => UNIT_NAME_HEADER.test(leaf.header[leaf.header.length - 1] ?? ''));
  const projectLeaf = unitLeaf === undefined ? undefined : labelLeaves.find((leaf) => PROJECT_NAME_HEADER.test(leaf.header[leaf.header.length - 1] ?? '') && leaf.x0 > unitLeaf.x1 - tolerance);
  const unitNameEnd = unitLeaf !== undefined && projectLeaf !== undefined ? (unitLeaf.x1 + projectLeaf.x0) / 2 : undefined;
  // Label columns of words right of the name (项目类别, 资金性质): their words are not part of the name.
  const sortedLabels = [...labelLeaves].sort((a, b) => a.x0 - b.x0);
  const wordColumns = sortedLabels.flatMap((leaf, index) => {
    const id = columnIdOf(leaf.header);
    const previous = sortedLabels[index - 1];
    if (index === 0 || previous === undefined || id === undefined || !WORD_COLUMN_IDS.has(id)) return [];
    return [{ id, start: (previous.x1 + leaf.x0) / 2 }];
  });
  const match = matchLeaves(clusters, valueLeaves);
  // Columns: the header's value leaves, when the numbers fit under them; else the number columns, named by what stands above.
  let columns: { x0: number; x1: number; header: readonly string[] }[];
  let clusterColumn: number[];
  if (match !== undefined || clusters.length === 0) {
    columns = valueLeaves.map((leaf) => ({ x0: leaf.x0, x1: leaf.x1, header: leaf.header }));
    clusterColumn = match ?? [];
  } else {
    columns = clusters.map((cluster) => ({
      ...cluster,
      header: valueLeaves.filter((leaf) => center(leaf) >= cluster.x0 - 4 * tolerance && center(leaf) <= cluster.x1 + 4 * tolerance).flatMap((leaf) => leaf.header),
    }));
    clusterColumn = clusters.map((_, index) => index);
  }
  // A table printed without a number (an empty 财政拨款收支总表) shows its two sides by its header
  // alone: the label column's name (项目) printed again between value columns starts the expenditure side.
  const lastWord = (leaf: Leaf) => leaf.header[leaf.header.length - 1] ?? '';
  const firstLabel = sortedLabels[0];
  const headerSplit =
    clusters.length > 0 || firstLabel === undefined
      ? -1
      : columns.findIndex(
          (column, index) => index > 0 && labelLeaves.some((leaf) => leaf !== firstLabel && lastWord(leaf) === lastWord(firstLabel) && leaf.x0 > columns[index - 1]!.x1 && leaf.x1 < column.x0),
        );
  const split = clusterSplit >= 0 ? clusterColumn[clusterSplit]! : headerSplit;
  const valueStart = columns[0]?.x0 ?? Number.POSITIVE_INFINITY;
  const sideOf = (index: number): GridColumn['side'] => (split < 0 ? 'single' : index < split ? 'income' : 'expenditure');
  const gridColumns: GridColumn[] = columns.map((column, index) => ({ x0: column.x0, x1: column.x1, header: column.header, side: sideOf(index) }));
  const sideEdge =
    clusterSplit >= 0
      ? { incomeEnd: clusters[clusterSplit - 1]!.x1, expenditureStart: clusters[clusterSplit]!.x0 }
      : split >= 0
        ? { incomeEnd: columns[split - 1]!.x1, expenditureStart: columns[split]!.x0 }
        : undefined;
  // Each column's cell: numbers are right-aligned, so a cell ends where its numbers end and the next begins there.
  const rightEdge = (index: number): number => {
    const cluster = clusterColumn.indexOf(index);
    return cluster >= 0 ? clusters[cluster]!.x1 + tolerance : index + 1 < columns.length ? (columns[index]!.x1 + columns[index + 1]!.x0) / 2 : Number.POSITIVE_INFINITY;
  };
  const cells = columns.map((_, index) => ({ from: index === 0 ? columns[0]!.x0 - 4 * size : rightEdge(index - 1), to: index === columns.length - 1 ? Number.POSITIVE_INFINITY : rightEdge(index) }));
  // A piece goes to the number column it overlaps (then to that column's leaf), else to the nearest column.
  const columnOf = (piece: Piece): number => {
    const cluster = piece.kind === 'number' ? clusters.findIndex((candidate) => piece.x1 >= candidate.x0 - tolerance && piece.x0 <= candidate.x1 + tolerance) : -1;
    if (cluster >= 0) return clusterColumn[cluster] ?? -1;
    // Text in the value part (a description column, a dash): the column whose cell it overlaps most.
    if (piece.kind === 'text') {
      let most = 0;
      let chosen = -1;
      cells.forEach((cell, index) => {
        const overlap = Math.min(piece.x1, cell.to) - Math.max(piece.x0, cell.from);
        if (overlap > most) {
          most = overlap;
          chosen = index;
        }
      });
      if (chosen >= 0) return chosen;
    }
    let best = -1;
    let distance = Number.POSITIVE_INFINITY;
    columns.forEach((column, index) => {
      const gap = Math.abs(center(column) - center(piece));
      if (gap < distance && piece.x1 >= column.x0 - 2 * size && piece.x0 <= column.x1 + 2 * size) {
        distance = gap;
        best = index;
      }
    });
    return best;
  };
  // Rows of units (部门代码 / 单位编码 and 单位名称), not of classification subjects: their codes are the units'.
  const unitCoded = labelHeaders.some((text) => /(?:部门|单位)(?:代码|编码)/.test(text) && !/科目/.test(text));
  let strays = 0;
  const rows: DraftRow[] = [];
  // The last code seen at each length, and where it stood, to complete codes printed in part.
  const codeColumns = new Map<number, { code: string; x: number }>();
  const completeCode = (part: string, x: number, slack: number): string | undefined => {
    const section = codeColumns.get(5);
    const klass = codeColumns.get(3);
    // Right of the last 款 part: a 项; else a 款 of the last 类.
    if (section !== undefined && x > section.x + slack && (klass === undefined || section.code.startsWith(klass.code))) return section.code + part;
    return klass !== undefined ? klass.code + part : undefined;
  };
  for (const { line, pieces: all } of lines) {
    const row = all.filter((piece) => piece.x0 < rightEnd);
    const sides: GridColumn['side'][] = sideEdge === undefined ? ['single'] : ['income', 'expenditure'];
    for (const side of sides) {
      // The sides part where the income side's numbers end: a piece belongs to the side its centre is on.
      const own = sideEdge === undefined ? row : row.filter((piece) => (side === 'income') === center(piece) <= sideEdge.incomeEnd + tolerance);
      const sideStart = side === 'expenditure' ? sideEdge!.expenditureStart : Math.min(firstValue, valueStart);
      // A long name may run on into the first value column (西安: 15、资源勘探工业信息等支出): text centred left of the values is still the label.
      const label = own.filter((piece) => piece.x1 <= sideStart - tolerance || (piece.kind === 'text' && center(piece) < sideStart - tolerance));
      const cells: (string | undefined)[] = columns.map(() => undefined);
      for (const piece of own) {
        if (label.includes(piece)) continue;
        const index = columnOf(piece);
        if (index < 0 || sideOf(index) !== side) {
          strays += 1;
          continue;
        }
        const text = piece.text.replace(/\s+/g, '');
        cells[index] = BLANK_CELL.test(text) ? undefined : cells[index] === undefined ? text : `${cells[index]}${text}`;
      }
      if (label.length === 0 && cells.every((cell) => cell === undefined)) continue;
      const unitPieces = unitNameEnd === undefined ? [] : label.filter((piece) => center(piece) < unitNameEnd && !/^\d+$/.test(piece.text.trim()));
      const texts: Record<string, string> = {};
      const wordPieces = label.filter((piece) => {
        const column = [...wordColumns].reverse().find((candidate) => center(piece) >= candidate.start);
        if (column === undefined) return false;
        texts[column.id] = `${texts[column.id] ?? ''}${piece.text.trim()}`;
        return true;
      });
      const nameLabel = label.filter((piece) => !unitPieces.includes(piece) && !wordPieces.includes(piece));
      const unitName = unitPieces.map((piece) => piece.text.trim()).join('');
      const read = unitCoded && unitNameEnd === undefined ? unitLabelOf(nameLabel) : labelOf(nameLabel);
      const code = read.code ?? (read.partialCode !== undefined ? completeCode(read.partialCode, read.codeX!, tolerance) : undefined);
      if (read.code !== undefined) codeColumns.set(read.code.length, { code: read.code, x: label[0]!.x0 });
      if (code !== undefined && read.partialCode !== undefined) codeColumns.set(code.length, { code, x: read.codeX! });
      const unitCode = 'unitCode' in read && typeof read.unitCode === 'string' ? read.unitCode : undefined;
      rows.push({
        line: line.number,
        ...(code !== undefined ? { code } : {}),
        ...(unitCode !== undefined ? { unitCode } : {}),
        name: read.name,
        ...(unitName !== '' ? { unitName } : {}),
        ...(Object.keys(texts).length > 0 ? { texts } : {}),
        indent: nameLabel[0]?.x0 ?? sideStart,
        cells,
        side,
        labelEnd: label[label.length - 1]?.x1 ?? 0,
        ...(line.box !== undefined ? { baseline: { page: line.page, y: line.box[1] } } : {}),
      });
    }
  }
  // Where the first amounts stand: a name's wrapped lines run to near it.
  const amountsStart = Math.min(firstValue, valueStart);
  return {
    columns: gridColumns,
    rows: joinWrappedCells(joinCodesBelow(joinWrappedNames(joinCentredNames(rows, size, amountsStart), size, amountsStart))),
    twoSided: split >= 0,
    labelHeaders,
    strays,
    size,
    extraViews,
    headerMatched: match !== undefined || clusters.length === 0,
  };
}

/**
 * Joins text wrapped onto lines of its own in a value column (a description, 绩效目标) to the
 * nearest row with a label on the same side, in line order.
 */
function joinWrappedCells(rows: readonly DraftRow[]): DraftRow[] {
  const isFragment = (row: DraftRow) => row.name === '' && row.code === undefined && !hasNumbers(row);
  const result = rows.filter((row) => !isFragment(row)).map((row) => ({ ...row, cells: [...row.cells] }));
  const fragments = rows.filter(isFragment);
  const owners = new Map<DraftRow, DraftRow[]>();
  // A fragment as near a row of amounts alone (an unlabelled total) as a named row is the named row's.
  const distance = (row: DraftRow, fragment: DraftRow) => Math.abs(row.line - fragment.line) + (row.name === '' && row.code === undefined ? 0.5 : 0);
  for (const fragment of fragments) {
    let owner: (typeof result)[number] | undefined;
    for (const row of result) {
      if (row.side !== fragment.side) continue;
      if (owner === undefined || distance(row, fragment) < distance(owner, fragment)) owner = row;
    }
    if (owner === undefined) continue;
    owners.set(owner, [...(owners.get(owner) ?? []), fragment]);
  }
  for (const [owner, own] of owners) {
    const pieces = [...own, owner].sort((a, b) => a.line - b.line);
    owner.cells.forEach((_, index) => {
      const texts = pieces.map((piece) => (piece === owner ? owner.cells[index] : piece.cells[index])).filter((text): text is string => text !== undefined);
      if (texts.length > 0) (owner.cells as (string | undefined)[])[index] = texts.join('');
    });
  }
  return result;
}

/** Whether a name starts a new row (an ordinal, a total, a code) rather than continuing a wrapped one. */
const ROW_START = /^(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[①-⑳]|合\s*计|总\s*计|本年|上年|年终|其中)/;

/** A row before wrapped names are joined: where its label ends. */
interface DraftRow extends GridRow {
  readonly labelEnd: number;
  /** Where its line stands on its page (PDF input): a name's wrapped lines are closer than rows. */
  readonly baseline?: { readonly page: number; readonly y: number };
}

/** Whether a row's label runs to near the first amounts (within four characters), as a wrapped line does. */
function reachesAmounts(row: DraftRow, valueStart: number, size: number): boolean {
  return row.labelEnd >= valueStart - 4 * size;
}

/**
 * Joins a name wrapped onto three lines whose amounts stand on the middle one (a cell centred
 * vertically: 广州's 广州市人民政府办公厅 / 2025-2026年度信息化整体运 · amounts / 维服务项目). The
 * lines above and below hold words only, the upper and the middle one run to the end of the label
 * column (within four characters of the first amounts, as wrapped lines do), and the three stand
 * one line apart (at most two characters' height), the same distance each side.
 * PDF input only: the text view gives no distances.
 */
function joinCentredNames(rows: readonly DraftRow[], size: number, valueStart: number): DraftRow[] {
  const full = (row: DraftRow) => reachesAmounts(row, valueStart, size);
  const words = (row: DraftRow | undefined) => row !== undefined && row.code === undefined && row.name !== '' && !hasNumbers(row) && !ROW_START.test(row.name);
  const labelled = (side: DraftRow['side']) => (row: DraftRow) => row.side === side && (row.name !== '' || row.code !== undefined || hasNumbers(row));
  const gap = (upper: DraftRow, lower: DraftRow) =>
    upper.baseline !== undefined && lower.baseline !== undefined && upper.baseline.page === lower.baseline.page ? upper.baseline.y - lower.baseline.y : undefined;
  const used = new Set<DraftRow>();
  const joined = new Map<DraftRow, DraftRow>();
  rows.forEach((above, index) => {
    if (used.has(above) || !words(above)) return;
    const at = rows.findIndex((row, position) => position > index && labelled(above.side)(row));
    const middle = at < 0 ? undefined : rows[at];
    const below = at < 0 ? undefined : rows.find((row, position) => position > at && labelled(above.side)(row));
    if (middle === undefined || below === undefined || middle.code !== undefined || middle.name === '' || !hasNumbers(middle) || !words(below)) return;
    // Wrapped lines run to the end of the label column; a short name is a row of its own.
    if (!full(above) || !full(middle)) return;
    const first = gap(above, middle);
    const second = gap(middle, below);
    if (first === undefined || second === undefined || first <= 0 || first > 2 * size || Math.abs(first - second) > 0.2 * size) return;
    used.add(above).add(below);
    // Indented as its name's first line (the level some tables show by indentation).
    joined.set(middle, { ...middle, name: above.name + middle.name + below.name, indent: above.indent });
  });
  return rows.filter((row) => !used.has(row)).map((row) => joined.get(row) ?? row);
}

/**
 * Joins names wrapped onto lines of their own (no code, no value) to their row: to the row below
 * when that row printed no name (the name is centred across the lines), else to the row above
 * when that row's name reaches the end of the label column (it was long enough to wrap). Any
 * other name-only line is a row of its own (rows with blank cells are common).
 */
function joinWrappedNames(rows: readonly DraftRow[], size: number, valueStart: number): DraftRow[] {
  // A wrapped line runs to the end of the longest name, and near the first amounts (in a table of
  // short names all alike, every name ends at the longest's end: none is wrapped).
  const labelEnd = Math.max(0, ...rows.map((row) => row.labelEnd));
  const wrapped = (row: DraftRow) => row.labelEnd >= labelEnd - 2 * size && reachesAmounts(row, valueStart, size);
  const result: DraftRow[] = [];
  let pendingAbove: DraftRow | undefined;
  const join = (first: DraftRow, second: DraftRow, into: DraftRow): DraftRow => ({
    ...into,
    name: first.name + second.name,
    cells: into.cells.map((_, index) => [first.cells[index], second.cells[index]].filter((cell) => cell !== undefined).join('') || undefined),
  });
  const isFragment = (row: DraftRow) => row.code === undefined && !hasNumbers(row) && row.name !== '' && !ROW_START.test(row.name);
  // Lines of a value column's words alone (a description wrapped beside the name) are no rows:
  // the name's lines are read past them (joinWrappedCells gives them to their row).
  const wordsAlone = (row: DraftRow) => row.name === '' && row.code === undefined && !hasNumbers(row);
  const amountsAlone = (other: DraftRow | undefined) => other !== undefined && other.name === '' && (other.code !== undefined || hasNumbers(other));
  rows.forEach((row, index) => {
    if (wordsAlone(row)) {
      result.push(row);
      return;
    }
    const fragment = isFragment(row);
    // The next row of its side, and the next that is not a line of a wrapped name.
    const nextRow = (also: (other: DraftRow) => boolean) => rows.find((other, position) => position > index && other.side === row.side && !wordsAlone(other) && also(other));
    const previous = [...result].reverse().find((other) => other.side === row.side && !wordsAlone(other));
    if (fragment && amountsAlone(nextRow(() => true))) {
      pendingAbove = pendingAbove === undefined ? row : join(pendingAbove, row, pendingAbove);
      return;
    }
    // A total (本 年 支 出 合 计, spread to the column's width) is complete: the name under it is a row of its own.
    const complete = previous !== undefined && /(?:合计|总计|小计)$/.test(previous.name.replace(/\s+/g, ''));
    if (fragment && previous !== undefined && !complete && wrapped(previous) && pendingAbove === undefined) {
      result[result.lastIndexOf(previous)] = { ...join(previous, row, previous), labelEnd: row.labelEnd };
      return;
    }
    // A name on more lines, its amounts between two of them (广州地区公文交换站 / (广州市人民政府公报编辑 /
    // amounts / 部)2025-2026年度信息化运 / 维服务): its upper lines wait for the amounts too.
    if (fragment && amountsAlone(nextRow((other) => !isFragment(other)))) {
      pendingAbove = pendingAbove === undefined ? row : join(pendingAbove, row, pendingAbove);
      return;
    }
    if (pendingAbove !== undefined && row.name === '') {
      // A name centred across lines: its lower half follows on the next line; the row is indented as its name.
      result.push({ ...join(pendingAbove, row, row), indent: pendingAbove.indent, labelEnd: Number.POSITIVE_INFINITY });
    } else {
      if (pendingAbove !== undefined) result.push(pendingAbove);
      result.push(row);
    }
    pendingAbove = undefined;
  });
  if (pendingAbove !== undefined) result.push(pendingAbove);
  return result;
}

/**
 * Joins a code printed on the line below its row (重庆: the name and amounts on one line, the 项
 * code under them, sometimes with the name's last words) to that row: a coded line without
 * amounts right after a row with amounts and no code.
 */
function joinCodesBelow(rows: readonly DraftRow[]): DraftRow[] {
  const result: DraftRow[] = [];
  for (const row of rows) {
    const previous = [...result].reverse().find((other) => other.side === row.side);
    const orphan = row.code !== undefined && !hasNumbers(row) && !row.cells.some((cell) => cell !== undefined);
    const owner = previous !== undefined && previous.code === undefined && hasNumbers(previous) && !ROW_START.test(previous.name) && row.line - previous.line <= 2;
    if (orphan && owner) {
      result[result.lastIndexOf(previous)] = { ...previous, code: row.code, name: previous.name + row.name };
      continue;
    }
    result.push(row);
  }
  return result;
}

function hasNumbers(row: GridRow): boolean {
  return row.cells.some((cell) => cell !== undefined && CELL_NUMBER.test(cell));
}
