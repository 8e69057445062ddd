/**
 * Reading the tables of a `pdftotext -layout` text, where columns are aligned with spaces: each
 * table starts at its printed title ("2025年部门收入预算总表"), its columns come from the header
 * lines by position, and each number of a data line goes to the column whose span holds its end
 * (numbers are right-aligned). pdftotext places text per page, so positions drift from page to
 * page (a form feed starts a page): on each page, lines that fill every column calibrate where the
 * columns are; pages without such a line use their own header, or the previous page shifted.
 * Each table's lines (title to last line read) are reported too, for the text stages to skip.
 */
import { type Column, type Row, type Table as ModelTable, type TableRole } from '../document/model.js';
import { type ImportContext, type ImportProblem, type SourceLine, type StageResult } from './types.js';
import { FUNCTIONAL_CLASSES, codeOfClassName } from './vocabulary.js';

/** A table as `schemas/document.schema.json` `$defs.table` describes it. */
export type Table = ModelTable;

/** The lines of one table: from its title to the last line read as part of it (1-based, inclusive). */
export interface TableRegion {
  /** Line of the title. */
  readonly from: number;
  /** Last line of the table: its total, note or last data line; for a table not read, the line before the next title. */
  readonly to: number;
  /** Whether the table was read (false: an unknown title, reported as such). */
  readonly read: boolean;
}

/** The tables of a layout text, what could not be read, and the lines each table occupies. */
export interface LayoutTablesResult extends StageResult<Record<string, Table>> {
  /** Each printed table's lines, in order. */
  readonly regions: readonly TableRegion[];
}

/** A whitespace-separated piece of a line (single-space runs of text joined) and its character span. */
interface Piece {
  text: string;
  readonly start: number;
  end: number;
  readonly kind: 'number' | 'text';
}

/** Which side of a two-sided table; one-sided tables use `single`. */
type Side = 'income' | 'expenditure' | 'single';

/** A value column with the span of its header. */
interface LayoutColumn {
  readonly id: string;
  readonly header: string;
  readonly side: Side;
  readonly start: number;
  readonly end: number;
}

/** A row as read, before its numbers are placed in columns. */
interface DraftRow {
  key?: string;
  code?: string;
  name: string;
  level?: number;
  group?: 'income' | 'expenditure';
  readonly side: Side;
  numbers: Piece[];
  readonly line: number;
  readonly page: number;
  values: Record<string, string>;
}

/** The kind of table layout a role has. */
type Shape = 'twoSided' | 'codes' | 'threePublic';

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const TITLE = /^(?:(\d+)\s*[.．、]\s*)?(\d{4}年\S*表)$/;
const DEPARTMENT = /编制(?:部门|单位)\s*[：:]\s*(\S+)/;
const UNIT = /单位\s*[：:]\s*(万元|元)/;
const NOTE = /^注\s*[：:]/;

/** Table titles → roles, most specific first. To move to the shared vocabulary. */
const TITLE_ROLES: readonly (readonly [RegExp, readonly TableRole[]])[] = [
  [/三公.*机关运行经费/, ['threePublicExpenses', 'agencyOperatingCosts']],
  [/财政拨款收支/, ['fiscalAppropriationSummary']],
  [/收支(?:预算)?总表/, ['incomeExpenditureSummary']],
  [/收入(?:预算)?总表/, ['incomeSummary']],
  [/支出(?:预算)?总表/, ['expenditureSummary']],
  [/基本支出.*经济分类/, ['basicExpenditureByEconomicClass']],
  [/一般公共预算支出/, ['generalBudgetExpenditure']],
  [/政府性基金预算支出/, ['governmentFundExpenditure']],
  [/国有资本经营预算支出/, ['stateCapital']],
  [/三公/, ['threePublicExpenses']],
  [/机关运行经费/, ['agencyOperatingCosts']],
];

/** Value-column headers (parts joined without "/") → column ids. To move to the shared vocabulary. */
const HEADER_IDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:合计|小计)$/, 'total'],
  [/^预算数$/, 'amount'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^人员经费$/, 'personnel'],
  [/^公用经费$/, 'public'],
  [/^财政拨款收入$/, 'fiscalAppropriation'],
  [/^事业收入$/, 'businessIncome'],
  [/^事业单位经营收入$/, 'operatingIncome'],
  [/^其他收入$/, 'otherIncome'],
  [/^一般公共预算$/, 'generalBudget'],
  [/^政府性基金(?:预算)?$/, 'governmentFunds'],
  [/^国有资本经营预算$/, 'stateCapital'],
];

/** Header pieces that name no value column (groups, code and name columns). */
const STRUCTURAL_HEADERS =
  /^(?:项目|[类款项]|编码|功能分类科目编码|功能分类科目名称|部门预算经济分类科目|经济分类科目编码|经济分类科目名称|本年收入|本年支出|收入预算|支出预算|财政拨款收入|财政拨款支出|一般公共预算支出|政府性基金预算支出|国有资本经营预算支出|一般公共预算基本支出|“?三公”?经费预算数|公务用车购置及运行费)$/;

/** The 三公 / 机关运行经费 table's printed columns → [table, row key, row name]. To move to the shared vocabulary. */
const THREE_PUBLIC_COLUMNS: readonly (readonly [RegExp, 'threePublicExpenses' | 'agencyOperatingCosts', string, string])[] = [
  [/^合计$/, 'threePublicExpenses', 'total', '合计'],
  [/^因公出国[（(]境[）)]费$/, 'threePublicExpenses', 'abroad', ''],
  [/^公务接待费$/, 'threePublicExpenses', 'reception', ''],
  [/^小计$/, 'threePublicExpenses', 'vehicles', '公务用车购置及运行费'],
  [/^(?:公务用车)?购置费$/, 'threePublicExpenses', 'vehiclePurchase', ''],
  [/^(?:公务用车)?运行(?:维护)?费$/, 'threePublicExpenses', 'vehicleOperation', ''],
  [/^机关运行经费(?:预算数?)?$/, 'agencyOperatingCosts', 'total', '部门合计'],
];

/** The order of the 三公 rows in the model. */
const THREE_PUBLIC_ORDER = ['abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'total'];

/** Income-side row names → key and level. To move to the shared vocabulary. */
const INCOME_ROWS: readonly (readonly [RegExp, string, number | undefined])[] = [
  [/^收入总计$/, 'incomeGrandTotal', undefined],
  [/^本年收入合计$/, 'currentYearIncomeTotal', undefined],
  [/^(?:上年结转|上年财政拨款结转)$/, 'carriedOver', undefined],
  [/^(?:[一二三四五六七八九十]+、)?\s*财政拨款(?:收入)?$/, 'fiscalAppropriation', 1],
  [/^\d+\s*[.．、]\s*一般公共预算(?:资金)?$/, 'generalBudget', 2],
  [/^\d+\s*[.．、]\s*政府性基金(?:预算)?(?:资金)?$/, 'governmentFunds', 2],
  [/^\d+\s*[.．、]\s*国有资本经营预算(?:资金)?$/, 'stateCapital', 2],
  [/^(?:[一二三四五六七八九十]+、)?\s*一般公共预算(?:资金)?$/, 'generalBudget', 1],
  [/^(?:[一二三四五六七八九十]+、)?\s*政府性基金(?:预算)?(?:资金)?$/, 'governmentFunds', 1],
  [/^(?:[一二三四五六七八九十]+、)?\s*国有资本经营预算(?:资金)?$/, 'stateCapital', 1],
  [/^(?:[一二三四五六七八九十]+、)?\s*事业单位经营收入$/, 'operatingIncome', 1],
  [/^(?:[一二三四五六七八九十]+、)?\s*事业收入$/, 'businessIncome', 1],
  [/^(?:[一二三四五六七八九十]+、)?\s*其他收入$/, 'otherIncome', 1],
];

/** Expenditure-side special rows → key. To move to the shared vocabulary. */
const EXPENDITURE_ROWS: readonly (readonly [RegExp, string])[] = [
  [/^支出总计$/, 'expenditureGrandTotal'],
  [/^本年支出合计$/, 'currentYearExpenditureTotal'],
  [/^年终结转(?:结余)?$/, 'yearEndCarryForward'],
];

/** Group headers over the two sides of a two-sided table. */
const SIDE_HEADERS = /^(?:本年收入|本年支出|财政拨款收入|财政拨款支出|收入|支出)$/;

const TOTAL_NAME = /^(?:合计|总计|部门合计)$/;

/**
 * Splits a line into pieces with character positions (form feeds removed).
 * @param text The line's text.
 */
function piecesOf(text: string): Piece[] {
  const plain = text.replace(/\f/g, '');
  const pieces: Piece[] = [];
  for (const match of plain.matchAll(/\S+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const kind = AMOUNT.test(match[0]) ? 'number' : 'text';
    const last = pieces[pieces.length - 1];
    if (kind === 'text' && last !== undefined && last.kind === 'text' && start - last.end <= 1) {
      last.text += ` ${match[0]}`;
      last.end = end;
    } else {
      pieces.push({ text: match[0], start, end, kind });
    }
  }
  return pieces;
}

/**
 * The text of a piece without spaces, for matching vocabulary.
 * @param text Printed text.
 */
function bare(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The id of a value column from its header, if known.
 * @param header Printed header parts joined.
 */
function idOfHeader(header: string): string | undefined {
  const text = bare(header);
  return HEADER_IDS.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The functional-class code of an expenditure class row name ("一、一般公共服务支出" → 201).
 * @param name Printed name.
 */
function functionalClassCode(name: string): string | undefined {
  return codeOfClassName(bare(name), FUNCTIONAL_CLASSES);
}

/**
 * The roles of a printed title, if it names known tables.
 * @param title The title.
 */
function rolesOfTitle(title: string): readonly TableRole[] | undefined {
  return TITLE_ROLES.find(([pattern]) => pattern.test(title))?.[1];
}

/**
 * A number as a decimal string, thousands separators removed.
 * @param text Printed number.
 */
function decimalOf(text: string): string {
  return text.replace(/,/g, '');
}

/**
 * The median of some numbers.
 * @param values Non-empty list.
 */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Assigns ends to column anchors in order, minimising the total distance (fewer ends than columns).
 * @param ends Number end positions, left to right.
 * @param anchors Expected end position of each column (undefined: unusable).
 */
function matchInOrder(ends: readonly number[], anchors: readonly (number | undefined)[]): number[] | undefined {
  const k = ends.length;
  const m = anchors.length;
  if (k > m) return undefined;
  const cost: number[][] = Array.from({ length: k + 1 }, () => Array<number>(m + 1).fill(Infinity));
  const choice: boolean[][] = Array.from({ length: k + 1 }, () => Array<boolean>(m + 1).fill(false));
  for (let j = 0; j <= m; j += 1) cost[0]![j] = 0;
  for (let i = 1; i <= k; i += 1) {
    for (let j = i; j <= m; j += 1) {
      const skip = cost[i]![j - 1]!;
      const anchor = anchors[j - 1];
      const take = anchor === undefined ? Infinity : cost[i - 1]![j - 1]! + Math.abs(ends[i - 1]! - anchor);
      if (take <= skip) {
        cost[i]![j] = take;
        choice[i]![j] = true;
      } else {
        cost[i]![j] = skip;
      }
    }
  }
  if (!Number.isFinite(cost[k]![m]!)) return undefined;
  const result: number[] = [];
  let j = m;
  for (let i = k; i > 0;) {
    if (choice[i]![j]!) {
      result.unshift(j - 1);
      i -= 1;
    }
    j -= 1;
  }
  return result;
}

/**
 * Assigns ends to columns by header spans: a right-aligned number ends after its header starts and
 * no later than the next header starts; undefined when that is not one column per number in order.
 * @param ends Number end positions, left to right.
 * @param columns The side's columns.
 */
function matchBySpans(ends: readonly number[], columns: readonly LayoutColumn[]): number[] | undefined {
  const result: number[] = [];
  for (const end of ends) {
    const index = columns.findIndex((column, i) => end > column.start && (i === columns.length - 1 || end <= columns[i + 1]!.start));
    if (index < 0 || (result.length > 0 && index <= result[result.length - 1]!)) return undefined;
    result.push(index);
  }
  return result;
}

/**
 * Anchors estimated from header spans (where a right-aligned number of each column would end).
 * @param columns The side's columns.
 */
function headerAnchors(columns: readonly LayoutColumn[]): number[] {
  return columns.map((column, i) => {
    const next = columns[i + 1];
    return next === undefined ? column.end + 5 : Math.max(column.end, next.start - 1);
  });
}

/** Per-page geometry of one side of a table. */
interface PageGeometry {
  /** Columns with header spans printed on this page, if a header is printed there. */
  header?: readonly LayoutColumn[];
}

/**
 * Places every draft row's numbers in its side's columns, page by page.
 * @param drafts The rows as read.
 * @param columns All value columns.
 * @param geometry Header geometry per page.
 * @param problems Where to report numbers that cannot be placed.
 */
function placeNumbers(drafts: readonly DraftRow[], columns: readonly LayoutColumn[], geometry: ReadonlyMap<number, PageGeometry>, problems: ImportProblem[]): void {
  const sides = [...new Set(columns.map((column) => column.side))];
  for (const side of sides) {
    const sideColumns = columns.filter((column) => column.side === side);
    const rows = drafts.filter((row) => row.side === side);
    const pages = [...new Set(rows.map((row) => row.page))].sort((a, b) => a - b);
    let previous: (number | undefined)[] | undefined;
    for (const page of pages) {
      const pageRows = rows.filter((row) => row.page === page);
      const full = pageRows.filter((row) => row.numbers.length === sideColumns.length);
      const header = geometry.get(page)?.header?.filter((column) => column.side === side);
      let anchors: (number | undefined)[] | undefined;
      let useSpans = false;
      if (full.length > 0) {
        anchors = sideColumns.map((_, i) => median(full.map((row) => row.numbers[i]!.end)));
      } else if (header !== undefined && header.length === sideColumns.length) {
        useSpans = true;
        anchors = headerAnchors(header);
      } else if (previous !== undefined) {
        anchors = shiftAnchors(
          previous,
          pageRows.flatMap((row) => row.numbers.map((number) => number.end)),
        );
      } else {
        useSpans = true;
        anchors = headerAnchors(sideColumns);
      }
      const observed: number[][] = sideColumns.map(() => []);
      for (const row of pageRows) {
        if (row.numbers.length === 0) continue;
        const ends = row.numbers.map((number) => number.end);
        let placed: number[] | undefined;
        if (row.numbers.length === sideColumns.length) placed = sideColumns.map((_, i) => i);
        if (placed === undefined && useSpans) placed = matchBySpans(ends, header ?? sideColumns);
        placed ??= matchInOrder(ends, anchors);
        if (placed === undefined) {
          problems.push({
            line: row.line,
            code: 'unrecognised_table_line',
            message: `该行有 ${row.numbers.length} 个数字，多于表头的 ${sideColumns.length} 列，无法对应到列；请核对原表。`,
          });
          continue;
        }
        placed.forEach((columnIndex, i) => {
          row.values[sideColumns[columnIndex]!.id] = decimalOf(row.numbers[i]!.text);
          observed[columnIndex]!.push(row.numbers[i]!.end);
        });
      }
      previous = anchors.map((anchor, i) => (observed[i]!.length > 0 ? median(observed[i]!) : anchor));
    }
  }
}

/**
 * The previous page's anchors moved by the shift that best fits this page's number ends.
 * @param anchors The previous page's anchors.
 * @param ends Every number end on this page.
 */
function shiftAnchors(anchors: readonly (number | undefined)[], ends: readonly number[]): (number | undefined)[] {
  const defined = anchors.filter((anchor): anchor is number => anchor !== undefined);
  let best = 0;
  let bestCost = Infinity;
  for (const end of ends) {
    for (const anchor of defined) {
      const shift = end - anchor;
      const cost = ends.reduce((sum, e) => sum + Math.min(...defined.map((a) => Math.abs(e - a - shift))), 0);
      if (cost < bestCost || (cost === bestCost && Math.abs(shift) < Math.abs(best))) {
        best = shift;
        bestCost = cost;
      }
    }
  }
  return anchors.map((anchor) => (anchor === undefined ? undefined : anchor + best));
}

/** One header piece with the index of its line among the header lines. */
interface HeaderPiece extends Piece {
  readonly row: number;
}

/**
 * The value columns of a header: pieces naming a column, alone or stacked with the piece below
 * (事业单位 / 经营收入), left to right; and the pieces that name no column and are not structural.
 * @param lines The header lines.
 * @param shape The table's shape.
 */
function parseHeader(lines: readonly SourceLine[], shape: Shape): { columns: LayoutColumn[]; unknown: HeaderPiece[]; texts: Set<string>; incomeEnd: number | undefined } {
  const pieces: HeaderPiece[] = lines.flatMap((line, row) => piecesOf(line.text).map((piece) => ({ ...piece, row })));
  const used = new Set<HeaderPiece>();
  const found: { header: string; start: number; end: number; id: string }[] = [];
  const known = (text: string): string | undefined => (shape === 'threePublic' ? (THREE_PUBLIC_COLUMNS.some(([p]) => p.test(text)) ? text : undefined) : idOfHeader(text));
  const sideHeader = (piece: Piece): boolean => shape === 'twoSided' && SIDE_HEADERS.test(bare(piece.text));
  for (const piece of pieces) {
    if (used.has(piece) || sideHeader(piece)) continue;
    const alone = known(bare(piece.text));
    const below = pieces.find(
      (other) => other.row > piece.row && other.row - piece.row <= 3 && !used.has(other) && other.start < piece.end && piece.start < other.end && known(bare(piece.text + other.text)) !== undefined,
    );
    if (below !== undefined && (alone === undefined || shape === 'threePublic')) {
      used.add(piece).add(below);
      found.push({
        header: `${piece.text}/${below.text}`,
        start: Math.min(piece.start, below.start),
        end: Math.max(piece.end, below.end),
        id: known(bare(piece.text + below.text))!,
      });
    } else if (alone !== undefined) {
      used.add(piece);
      found.push({ header: piece.text, start: piece.start, end: piece.end, id: alone });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const itemPieces = pieces.filter((piece) => bare(piece.text) === '项目').sort((a, b) => a.start - b.start);
  const boundary = shape === 'twoSided' && itemPieces.length >= 2 ? itemPieces[1]!.start : undefined;
  const sideHeaders = pieces.filter(sideHeader);
  const columns = found.map((column): LayoutColumn => {
    const side: Side = boundary === undefined ? 'single' : column.start < boundary ? 'income' : 'expenditure';
    const group = sideHeaders.find((piece) => (side === 'income') === (boundary !== undefined && piece.start < boundary));
    const id = side === 'expenditure' && column.id === 'amount' ? 'total' : column.id;
    const header = side !== 'single' && group !== undefined ? `${group.text}/${column.header}` : column.header;
    return { id, header, side, start: column.start, end: column.end };
  });
  const unknown = pieces.filter((piece) => !used.has(piece) && !STRUCTURAL_HEADERS.test(bare(piece.text)));
  const incomeColumns = columns.filter((column) => column.side === 'income');
  const incomeEnd = incomeColumns.length === 0 ? undefined : Math.max(...incomeColumns.map((column) => column.end));
  return { columns, unknown, texts: new Set(pieces.map((piece) => bare(piece.text))), incomeEnd };
}

/** A located title line. */
interface TitleLine {
  readonly index: number;
  readonly label?: string;
  readonly title: string;
}

/**
 * Whether a line is a table title followed by its 编制部门 / 单位 line.
 * @param lines All lines.
 * @param index The line's index.
 */
function titleAt(lines: readonly SourceLine[], index: number): TitleLine | undefined {
  const match = TITLE.exec(lines[index]!.text.replace(/\f/g, '').trim());
  if (match === null) return undefined;
  const following = lines.slice(index + 1, index + 5).filter((line) => line.text.trim() !== '');
  if (!following.slice(0, 2).some((line) => DEPARTMENT.test(line.text) || UNIT.test(line.text))) return undefined;
  return match[1] === undefined ? { index, title: match[2]! } : { index, label: match[1], title: match[2]! };
}

/**
 * Reads the tables of a space-aligned (`pdftotext -layout`) text into the model's tables by role.
 * @param lines The document's lines.
 * @param context What is known about the document.
 */
export function importLayoutTables(lines: readonly SourceLine[], context: ImportContext): StageResult<Record<string, Table>> {
  const { value, problems } = importLayoutTablesWithRegions(lines, context);
  return { value, problems };
}

/**
 * Reads the tables of a space-aligned text as importLayoutTables does, and also says which lines
 * each table occupies, so that the text stages can leave them alone.
 * @param lines The document's lines.
 * @param context What is known about the document.
 */
export function importLayoutTablesWithRegions(lines: readonly SourceLine[], context: ImportContext): LayoutTablesResult {
  const problems: ImportProblem[] = [];
  const tables: Record<string, Table> = {};
  const regions: TableRegion[] = [];
  const titles: TitleLine[] = [];
  lines.forEach((_, index) => {
    const title = titleAt(lines, index);
    if (title !== undefined) titles.push(title);
  });
  titles.forEach((title, position) => {
    const end = titles[position + 1]?.index ?? lines.length;
    const region = lines.slice(title.index + 1, end);
    const roles = rolesOfTitle(title.title);
    const titleNumber = lines[title.index]!.number;
    const lastOfRegion = region[region.length - 1]?.number ?? titleNumber;
    if (roles === undefined) {
      regions.push({ from: titleNumber, to: lastOfRegion, read: false });
      problems.push({
        line: lines[title.index]!.number,
        code: 'unknown_table',
        message: `未识别的表“${title.title}”：不在已知的表名中，未导入。`,
      });
      return;
    }
    try {
      const result = readTable(title, lines[title.index]!.number, region, roles, context);
      regions.push({ from: titleNumber, to: result.consumed > 0 ? region[result.consumed - 1]!.number : titleNumber, read: true });
      problems.push(...result.problems);
      for (const [role, table] of result.tables) {
        if (tables[role] !== undefined) {
          problems.push({
            line: lines[title.index]!.number,
            code: 'duplicate_table',
            message: `表“${title.title}”与前面的表同为 ${role}，只保留前一张。`,
          });
        } else {
          tables[role] = table;
        }
      }
    } catch (error) {
      regions.push({ from: titleNumber, to: lastOfRegion, read: false });
      problems.push({
        line: lines[title.index]!.number,
        code: 'unrecognised_table_line',
        message: `读取表“${title.title}”时出错（${error instanceof Error ? error.message : String(error)}），未导入。`,
      });
    }
  });
  return { value: tables, problems, regions };
}

/**
 * Reads one table region (the lines after its title up to the next title).
 * @param title The title.
 * @param titleNumber The title's source line number.
 * @param region The lines after the title.
 * @param roles The roles the title names.
 * @param context What is known about the document.
 */
function readTable(
  title: TitleLine,
  titleNumber: number,
  region: readonly SourceLine[],
  roles: readonly TableRole[],
  context: ImportContext,
): { tables: [TableRole, Table][]; problems: ImportProblem[]; consumed: number } {
  const problems: ImportProblem[] = [];
  const role = roles[0]!;
  const shape: Shape =
    role === 'threePublicExpenses' || role === 'agencyOperatingCosts' ? 'threePublic' : role === 'incomeExpenditureSummary' || role === 'fiscalAppropriationSummary' ? 'twoSided' : 'codes';
  let department: string | undefined;
  let unit: '元' | '万元' | undefined;
  let page = 0;
  let index = 0;
  // Preamble: 编制部门 and 单位.
  for (; index < region.length; index += 1) {
    const line = region[index]!;
    if (line.text.includes('\f')) page += 1;
    const text = line.text.trim();
    if (text === '') continue;
    const departmentMatch = DEPARTMENT.exec(text);
    const unitMatch = UNIT.exec(text);
    if (departmentMatch === null && unitMatch === null) break;
    if (departmentMatch !== null) department = departmentMatch[1];
    if (unitMatch !== null) unit = unitMatch[1] as '元' | '万元';
  }
  if (unit === undefined) {
    problems.push({
      line: titleNumber,
      code: 'missing_unit',
      message: `表“${title.title}”未标明金额单位（单位：元 / 万元），按${context.unit}读取。`,
    });
  }
  // Header: lines without numbers before the first data line.
  const headerLines: SourceLine[] = [];
  const headerStart = index;
  for (; index < region.length; index += 1) {
    const line = region[index]!;
    if (index > headerStart && line.text.includes('\f')) page += 1;
    if (line.text.trim() === '') continue;
    if (isDataLine(line, shape)) break;
    headerLines.push(line);
  }
  const header = parseHeader(headerLines, shape);
  for (const piece of header.unknown) {
    problems.push({
      line: headerLines[piece.row]!.number,
      code: 'unknown_column',
      message: `表头“${piece.text}”不是已知的列名，该列未导入。`,
    });
  }
  const geometry = new Map<number, PageGeometry>([[page, { header: header.columns }]]);
  const drafts: DraftRow[] = [];
  let note: string | undefined;
  let closed = false;
  for (; index < region.length; index += 1) {
    const line = region[index]!;
    if (line.text.includes('\f')) page += 1;
    const text = line.text.replace(/\f/g, '').trim();
    if (text === '') continue;
    if (NOTE.test(text)) {
      note = note === undefined ? text : `${note}${text}`;
      continue;
    }
    if (closed) break;
    if (DEPARTMENT.test(text) || UNIT.test(text) || bare(text) === bare(title.title)) continue;
    const pieces = piecesOf(line.text);
    if (pieces.every((piece) => piece.kind === 'text' && header.texts.has(bare(piece.text))) && !TOTAL_NAME.test(bare(text))) {
      const following = collectHeader(region, index + 1, shape);
      const repeated = parseHeader([line, ...following], shape);
      if (repeated.columns.length === header.columns.length) geometry.set(page, { header: repeated.columns });
      index += following.length;
      continue;
    }
    const read = readRow(pieces, line, page, shape, header.incomeEnd, drafts);
    if (read === 'unplaced') {
      problems.push({
        line: line.number,
        code: 'unrecognised_table_line',
        message: `无法识别表“${title.title}”中的这一行：“${text}”，未导入；请核对原表。`,
      });
      continue;
    }
    if (read === 'closing') closed = true;
  }
  if (shape === 'threePublic') {
    return { tables: threePublicTables(title, titleNumber, department, unit ?? context.unit, header.columns, drafts, geometry, problems, note), problems, consumed: index };
  }
  placeNumbers(drafts, header.columns, geometry, problems);
  const income = drafts.filter((row) => row.side === 'income');
  const rest = drafts.filter((row) => row.side !== 'income');
  const rows = [...income, ...rest].map(finishRow);
  const columns: Column[] = dedupeColumns(header.columns).map((column) => ({ id: column.id, header: column.header }));
  const table: Table = {
    ...(title.label === undefined ? {} : { label: title.label }),
    title: title.title,
    ...(department === undefined ? {} : { department }),
    unit: unit ?? context.unit,
    columns,
    rows,
    ...(note === undefined ? {} : { note }),
    line: titleNumber,
  };
  return { tables: [[role, table]], problems, consumed: index };
}

/**
 * Columns without repeated ids (the first one kept).
 * @param columns Value columns.
 */
function dedupeColumns(columns: readonly LayoutColumn[]): LayoutColumn[] {
  const seen = new Set<string>();
  return columns.filter((column) => {
    if (seen.has(column.id)) return false;
    seen.add(column.id);
    return true;
  });
}

/**
 * The header lines that follow a repeated header's first line.
 * @param region The table's lines.
 * @param from Index after the first repeated header line.
 * @param shape The table's shape.
 */
function collectHeader(region: readonly SourceLine[], from: number, shape: Shape): SourceLine[] {
  const result: SourceLine[] = [];
  for (let index = from; index < region.length; index += 1) {
    const line = region[index]!;
    if (line.text.trim() === '') {
      result.push(line);
      continue;
    }
    if (isDataLine(line, shape)) break;
    result.push(line);
  }
  while (result.length > 0 && result[result.length - 1]!.text.trim() === '') result.pop();
  return result;
}

/**
 * Whether a line holds data (a number, a classification code, a total or a note), not header.
 * @param line The line.
 * @param shape The table's shape.
 */
function isDataLine(line: SourceLine, shape: Shape): boolean {
  const text = line.text.replace(/\f/g, '').trim();
  if (NOTE.test(text) || TOTAL_NAME.test(bare(text))) return true;
  if (shape === 'twoSided' && INCOME_ROWS.some(([pattern]) => pattern.test(bare(text)))) return true;
  return piecesOf(line.text).some((piece) => piece.kind === 'number');
}

/**
 * Reads one data line into draft rows ('closing' for the table's last row).
 * @param pieces The line's pieces.
 * @param line The line.
 * @param page Its page.
 * @param shape The table's shape.
 * @param incomeEnd Where the income side's amounts end (two-sided tables).
 * @param drafts The rows so far (a continuation line extends the last one).
 */
function readRow(pieces: readonly Piece[], line: SourceLine, page: number, shape: Shape, incomeEnd: number | undefined, drafts: DraftRow[]): 'row' | 'closing' | 'unplaced' {
  if (shape === 'threePublic') {
    if (pieces.some((piece) => piece.kind === 'text')) return 'unplaced';
    drafts.push({ name: '', side: 'single', numbers: [...pieces], line: line.number, page, values: {} });
    return 'closing';
  }
  if (shape === 'twoSided') return readTwoSidedRow(pieces, line, page, incomeEnd, drafts);
  const rest = [...pieces];
  let code = '';
  const classPart = /^\d{3}$/.test(rest[0]?.text ?? '');
  if (classPart && (rest[1]?.kind === 'text' || /^\d{2}$/.test(rest[1]?.text ?? ''))) {
    code = rest.shift()!.text;
    for (let part = 0; part < 2 && rest[0] !== undefined && /^\d{2}$/.test(rest[0].text) && rest[1] !== undefined; part += 1) {
      code += rest.shift()!.text;
    }
  }
  const firstNumber = rest.findIndex((piece) => piece.kind === 'number');
  const names = firstNumber < 0 ? rest : rest.slice(0, firstNumber);
  const numbers = firstNumber < 0 ? [] : rest.slice(firstNumber);
  if (numbers.some((piece) => piece.kind === 'text') || names.some((piece) => piece.kind === 'number')) return 'unplaced';
  const name = names.map((piece) => piece.text).join('');
  const last = drafts[drafts.length - 1];
  if (code === '' && !TOTAL_NAME.test(bare(name))) {
    if (name !== '' && numbers.length === 0 && last !== undefined) {
      last.name += name;
      return 'row';
    }
    if (name !== '' && last !== undefined && last.code !== undefined && last.numbers.length === 0) {
      last.name += name;
      last.numbers = numbers;
      return 'row';
    }
    return 'unplaced';
  }
  if (name === '' && code === '') return 'unplaced';
  const row: DraftRow = { name, side: 'single', numbers, line: line.number, page, values: {} };
  if (code !== '') {
    row.code = code;
    if (/^3\d\d/.test(code)) row.level = code.length === 3 ? 1 : 2;
  }
  if (TOTAL_NAME.test(bare(name))) row.key = 'total';
  drafts.push(row);
  return row.key === 'total' ? 'closing' : 'row';
}

/**
 * Reads a line of a two-sided table: an income name and its number, an expenditure name and its numbers.
 * @param pieces The line's pieces.
 * @param line The line.
 * @param page Its page.
 * @param incomeEnd Where the income side's amounts end.
 * @param drafts The rows so far.
 */
function readTwoSidedRow(pieces: readonly Piece[], line: SourceLine, page: number, incomeEnd: number | undefined, drafts: DraftRow[]): 'row' | 'closing' | 'unplaced' {
  const segments: { name: Piece; numbers: Piece[] }[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'text') segments.push({ name: piece, numbers: [] });
    else if (segments.length === 0) return 'unplaced';
    else segments[segments.length - 1]!.numbers.push(piece);
  }
  if (segments.length === 0 || segments.length > 2) return 'unplaced';
  let closing = false;
  for (const [i, segment] of segments.entries()) {
    const name = segment.name.text;
    const text = bare(name);
    const incomeRow = INCOME_ROWS.find(([pattern]) => pattern.test(text));
    const expenditureRow = EXPENDITURE_ROWS.find(([pattern]) => pattern.test(text));
    const classCode = functionalClassCode(name);
    const side: 'income' | 'expenditure' =
      segments.length === 2
        ? i === 0
          ? 'income'
          : 'expenditure'
        : incomeRow !== undefined
          ? 'income'
          : expenditureRow !== undefined || classCode !== undefined
            ? 'expenditure'
            : incomeEnd !== undefined && segment.name.start > incomeEnd
              ? 'expenditure'
              : 'income';
    const row: DraftRow = { name, group: side, side, numbers: segment.numbers, line: line.number, page, values: {} };
    if (side === 'income' && incomeRow !== undefined) {
      row.key = incomeRow[1];
      if (incomeRow[2] !== undefined) row.level = incomeRow[2];
    } else if (side === 'expenditure' && expenditureRow !== undefined) {
      row.key = expenditureRow[1];
    } else if (side === 'expenditure' && classCode !== undefined) {
      row.code = classCode;
    } else {
      const last = drafts.findLast((draft) => draft.side === side);
      if (segment.numbers.length === 0 && last !== undefined && segments.length === 1) {
        last.name += name;
        continue;
      }
      if (segment.numbers.length === 0) return 'unplaced';
    }
    if (row.key === 'expenditureGrandTotal') closing = true;
    drafts.push(row);
  }
  return closing ? 'closing' : 'row';
}

/**
 * A draft row in the model's shape.
 * @param draft The draft.
 */
function finishRow(draft: DraftRow): Row {
  return {
    ...(draft.key === undefined ? {} : { key: draft.key }),
    ...(draft.code === undefined ? {} : { code: draft.code }),
    name: draft.name,
    ...(draft.level === undefined ? {} : { level: draft.level }),
    ...(draft.group === undefined ? {} : { group: draft.group }),
    values: draft.values,
    line: draft.line,
  };
}

/**
 * The 三公 table and the 机关运行经费 table from the one printed table whose columns are their rows.
 * @param title The title.
 * @param titleNumber Its line number.
 * @param department 编制部门.
 * @param unit 单位.
 * @param columns The printed columns (合计, 因公出国(境)费 … 机关运行经费预算数).
 * @param drafts The data line(s).
 * @param geometry Header geometry per page.
 * @param problems Where to report.
 * @param note The note, if printed.
 */
function threePublicTables(
  title: TitleLine,
  titleNumber: number,
  department: string | undefined,
  unit: '元' | '万元',
  columns: readonly LayoutColumn[],
  drafts: readonly DraftRow[],
  geometry: ReadonlyMap<number, PageGeometry>,
  problems: ImportProblem[],
  note: string | undefined,
): [TableRole, Table][] {
  const printed = columns.map((column, i) => ({ ...column, id: `c${i}` }));
  const pages = new Map([...geometry.keys()].map((page): [number, PageGeometry] => [page, { header: printed }]));
  placeNumbers(drafts, printed, pages, problems);
  const data = drafts[0];
  const rowsByTable = new Map<'threePublicExpenses' | 'agencyOperatingCosts', Row[]>([
    ['threePublicExpenses', []],
    ['agencyOperatingCosts', []],
  ]);
  printed.forEach((column) => {
    const text = bare(column.header.replace(/\//g, ''));
    const entry = THREE_PUBLIC_COLUMNS.find(([pattern]) => pattern.test(text));
    if (entry === undefined) return;
    const value = data?.values[column.id];
    rowsByTable.get(entry[1])!.push({
      key: entry[2],
      name: entry[3] === '' ? column.header : entry[3],
      values: value === undefined ? {} : { total: value },
      ...(data === undefined ? {} : { line: data.line }),
    });
  });
  const ordered = rowsByTable.get('threePublicExpenses')!.sort((a, b) => THREE_PUBLIC_ORDER.indexOf(a.key!) - THREE_PUBLIC_ORDER.indexOf(b.key!));
  const base = {
    ...(title.label === undefined ? {} : { label: title.label }),
    title: title.title,
    ...(department === undefined ? {} : { department }),
    unit,
  };
  const agencyHeader = printed.find((column) => /机关运行经费/.test(column.header))?.header ?? '机关运行经费';
  const threePublicHeader = '“三公”经费预算数';
  return [
    ['threePublicExpenses', { ...base, columns: [{ id: 'total', header: threePublicHeader }], rows: ordered, ...(note === undefined ? {} : { note }), line: titleNumber }],
    ['agencyOperatingCosts', { ...base, columns: [{ id: 'total', header: agencyHeader }], rows: rowsByTable.get('agencyOperatingCosts')!, line: titleNumber }],
  ];
}
