/**
 * Turning a table's grid into the model's table for its role: columns named by id, rows keyed
 * (totals, income sources, 三公 items) and coded (a class printed by name gets its code), the
 * 三公 table turned to one row per item when it prints the items as columns. What cannot be
 * read with certainty is said once per table, and the table's values are then withheld (the
 * table is marked doubtful, so the rules that need its values do not apply).
 */
import { type Column, type Row, type Table, type TableRole, isUnnamedColumnId, unnamedColumnId } from '../../document/model.js';
import { ZERO, halfUnit, parseDecimal, printedScale } from '../../money/money.js';
import { ECONOMIC_CLASSES, FUNCTIONAL_CLASSES, canonicalNames, codeOfClassName } from '../vocabulary.js';
import { type Grid, type GridColumn, type GridRow } from './grid.js';
import { INCOME_NAMES, ROW_NAMES, TEXT_COLUMN_IDS, TOTAL_PARTS, bareRowName, columnIdOf, ordinalLevel, withheldStatement } from './names.js';
import { type TableBlock } from './findTables.js';
import { levelsBySums } from './levelsBySums.js';

/** A table read for the model, with what was doubtful about it. */
export interface ReadTable {
  /** The table (values withheld when `doubt` is set). */
  readonly table: Table;
  /** Headers of value columns that have no id (kept under a positional id). */
  readonly unknownColumns: readonly string[];
}

const AMOUNT = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PERCENT = /%$/;

function decimalOf(text: string): string {
  return text.replace(/,/g, '').replace('−', '-');
}

/** A cell's amount as a decimal string, when it holds one. */
function amountOf(cell: string | undefined): string | undefined {
  return cell !== undefined && AMOUNT.test(cell) ? decimalOf(cell) : undefined;
}

function rowKey(name: string, side: GridRow['side']): string | undefined {
  const bare = bareRowName(name);
  const special = ROW_NAMES.find(([pattern]) => pattern.test(bare))?.[1];
  if (special !== undefined) return special;
  return side === 'income' ? INCOME_NAMES.find(([pattern]) => pattern.test(bare))?.[1] : undefined;
}

/**
 * A side of a two-sided table totalled by a bare 合计 (重庆 prints it first, with no 本年/总计 rows):
 * that row is the side's grand total.
 */
function sideTotals(rows: readonly Row[]): Row[] {
  const grand = { income: 'incomeGrandTotal', expenditure: 'expenditureGrandTotal' } as const;
  const sideHas = (group: string, keys: readonly string[]) => rows.some((row) => row.group === group && keys.includes(row.key ?? ''));
  return rows.map((row) => {
    if (row.key !== 'total' || (row.group !== 'income' && row.group !== 'expenditure')) return row;
    const side = row.group;
    const others = side === 'income' ? ['incomeGrandTotal', 'currentYearIncomeTotal'] : ['expenditureGrandTotal', 'currentYearExpenditureTotal'];
    return sideHas(side, others) || rows.filter((other) => other.group === side && other.key === 'total').length > 1 ? row : { ...row, key: grand[side] };
  });
}

function levelOf(code: string | undefined, name: string): number | undefined {
  if (code !== undefined) return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : undefined;
  return ordinalLevel(name);
}

/** Capitalised, to build a compound id (total → Total). */
function capital(id: string): string {
  return `${id[0]!.toUpperCase()}${id.slice(1)}`;
}

/**
 * The id a column's header gives it in context: changes (增减额, 增减%) are `change…`, figures of
 * another year (2025年执行数, 上年预算数) `previousYear…`, a 小计 the id of the group it totals
 * (named over it, or over the column after it: 公务用车购置及运行费 / 小计 · 购置费 · 运行费).
 */
function contextualId(columns: readonly GridColumn[], index: number, fiscalYear: number): string | undefined {
  const header = columns[index]!.header.map((part) => part.replace(/\s+/g, ''));
  const joined = header.join('/');
  let id = columnIdOf(header);
  const name = header[header.length - 1] ?? '';
  if (/^(?:小计|合计)$/.test(name) && (id === undefined || id === 'total')) {
    // A 小计 under the 三公 group, beside a 合计 that adds 会议费 and 培训费 (西安), is the 三公 total.
    if (name === '小计' && /三公/.test(header.slice(0, -1).join(''))) id = 'threePublic';
    // A 小计 (not the table's 合计) totals the group named over the columns after it.
    const next = name === '小计' ? columns[index + 1] : undefined;
    const group = next === undefined ? undefined : groupIdOf(next.header.join(''));
    if (group !== undefined && next !== undefined && columns[index + 1]!.side === columns[index]!.side) id = group;
  }
  // Columns under 上年结转结余 are the carried-over part of their source (上年结转结余/一般公共预算 → carriedOverGeneralBudget).
  const groups = header.slice(0, -1).join('/');
  if (/上年结转|上年结余/.test(groups)) return id === undefined || id === 'total' || id === 'carriedOver' ? 'carriedOver' : `carriedOver${capital(id)}`;
  if (/本年收入/.test(groups) && /^(?:小计|合计)$/.test(name)) return 'currentYear';
  if (/增减|增长|变化|比上年/.test(joined)) return `change${/[%％率]/.test(joined) ? 'Percent' : ''}${id === undefined || id === 'total' ? '' : capital(id)}`;
  const years = [...joined.matchAll(/(\d{4})\s*年/g)].map((match) => Number(match[1]));
  if (years.some((year) => year !== fiscalYear) || /执行数|上年预算|上年数/.test(joined) || /^上年$|\/上年\//.test(`/${groups}/`)) return `previousYear${capital(id ?? 'total')}`;
  return id;
}

/** Names of groups whose 小计 column totals them (the group's first member follows the 小计). */
const GROUP_NAMES: readonly (readonly [RegExp, string])[] = [
  [/公务用车购置及运行(?:维护)?费/, 'vehicles'],
  [/“?三公”?经费/, 'threePublic'],
  [/财政拨款/, 'fiscalAppropriation'],
  [/基本支出/, 'basic'],
  [/政府采购/, 'procurement'],
];

/** The group a column's header names over its own name (a match ending the header is the column's own name). */
function groupIdOf(printed: string): string | undefined {
  const header = canonicalNames(printed);
  return GROUP_NAMES.find(([pattern]) => {
    const match = pattern.exec(header);
    return match !== null && match.index + match[0].length < header.length;
  })?.[1];
}

/** Column ids for a side's columns: known ids, else positional; a lone column of a side is its amount. */
function columnIds(columns: readonly GridColumn[], twoSided: boolean, fiscalYear: number): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  const used = new Set<string>();
  columns.forEach((column, index) => {
    const sideColumns = columns.filter((other) => other.side === column.side);
    let id = contextualId(columns, index, fiscalYear);
    if (twoSided && column.side === 'income') {
      // The income side's amount column is `amount` (the model's name for it).
      id = sideColumns.length === 1 || id === 'total' || id === undefined ? 'amount' : `income${capital(id)}`;
    } else if (id === undefined && sideColumns.length === 1) {
      id = 'total';
    }
    if (id === undefined || used.has(id)) {
      if (column.header.length > 0) unknown.push(column.header.join('/'));
      id = unnamedColumnId(index);
    }
    used.add(id);
    ids.push(id);
  });
  return { ids, unknown };
}

function valuesOf(row: GridRow, ids: readonly string[], columns: readonly GridColumn[]): Record<string, string> {
  const values: Record<string, string> = {};
  row.cells.forEach((cell, index) => {
    if (cell === undefined || (columns[index]!.side !== row.side && row.side !== 'single')) return;
    values[ids[index]!] = AMOUNT.test(cell) ? decimalOf(cell) : cell;
  });
  return values;
}

/** Keys of total and balance rows (never given a level). */
const TOTAL_KEYS = new Set(['total', 'currentYearIncomeTotal', 'currentYearExpenditureTotal', 'incomeGrandTotal', 'expenditureGrandTotal', 'carriedOver', 'yearEndCarryForward']);

/** Whether the names are centred in their column (their middles line up, their left edges do not): then indentation says nothing. */
function centred(rows: readonly GridRow[], size: number): boolean {
  const ends = rows.filter((row) => row.labelEnd !== undefined && row.labelEnd > row.indent);
  if (ends.length < 4) return false;
  const middles = ends.map((row) => (row.indent + row.labelEnd!) / 2);
  const spread = (values: readonly number[]) => Math.max(...values) - Math.min(...values);
  return spread(middles) < size && spread(ends.map((row) => row.indent)) > 2 * size;
}

/**
 * Levels by indentation, per side: the distinct indents of the rows that are not totals, from the
 * left, are levels 1, 2, 3 (indents within half a character are one). Undefined for a side with
 * one indent only (nothing to tell apart).
 */
function indentLevels(rows: readonly GridRow[], size: number): Map<GridRow, number> {
  const levels = new Map<GridRow, number>();
  for (const side of ['single', 'income', 'expenditure'] as const) {
    const own = rows.filter((row) => row.side === side && row.name !== '' && !TOTAL_KEYS.has(rowKey(row.name, row.side) ?? ''));
    const indents: number[] = [];
    for (const indent of own.map((row) => row.indent).sort((a, b) => a - b)) {
      if (indents.length === 0 || indent - indents[indents.length - 1]! > size / 2) indents.push(indent);
    }
    if (indents.length < 2 || centred(own, size)) continue;
    for (const row of own) {
      const level = indents.findIndex((indent, index) => row.indent >= indent - size / 2 && (index === indents.length - 1 || row.indent < indents[index + 1]! - size / 2));
      if (level >= 0) levels.set(row, Math.min(level + 1, 3));
    }
  }
  return levels;
}

function modelRow(row: GridRow, ids: readonly string[], columns: readonly GridColumn[], twoSided: boolean, classes: 'functional' | 'economic', indentLevel: number | undefined): Row {
  const name = row.name.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
  const key = rowKey(name, row.side);
  const level = row.code !== undefined ? levelOf(row.code, name) : (ordinalLevel(name) ?? indentLevel);
  // A class printed by name gets its code, when it is a top row or numbered (款 and 项 may repeat a class's name, as 其他支出).
  const byName =
    level === undefined || level === 1 || ordinalLevel(name) !== undefined ? codeOfClassName(bareRowName(name), classes === 'economic' ? ECONOMIC_CLASSES : FUNCTIONAL_CLASSES) : undefined;
  const code = row.code ?? (key === undefined && (row.side !== 'income' || !twoSided) ? byName : undefined);
  const leveled = level !== undefined && !TOTAL_KEYS.has(key ?? '');
  return {
    ...(key !== undefined ? { key } : {}),
    ...(code !== undefined ? { code } : {}),
    name,
    ...(leveled ? { level } : {}),
    ...(twoSided ? { group: row.side === 'income' ? 'income' : 'expenditure' } : {}),
    values: { ...(row.unitName !== undefined ? { unitName: row.unitName } : {}), ...row.texts, ...valuesOf(row, ids, columns) },
    line: row.line,
  };
}

/**
 * Rows numbered 1. 2. 3. (or （一）（二）) in a table or side where no row is numbered 一、 nor
 * otherwise at the top: those numbers are the top level (a template numbering its rows in Arabic
 * numerals), not items under an unprinted 一、.
 */
function topOrdinals(rows: readonly Row[]): Row[] {
  const groups = new Set(rows.map((row) => row.group));
  let result = [...rows];
  for (const group of groups) {
    const own = result.filter((row) => row.group === group && row.key !== 'total' && row.code === undefined);
    const numbered = own.filter((row) => ordinalLevel(row.name) !== undefined);
    if (numbered.length < 2 || own.some((row) => row.level === 1) || !numbered.every((row) => ordinalLevel(row.name) === 2 && row.level === 2)) continue;
    result = result.map((row) => (numbered.includes(row) ? { ...row, level: 1 } : row));
  }
  return result;
}

/**
 * Every top income source before 本年收入合计 has a key, so that the sources add up to it: a
 * source the vocabulary does not know (用事业基金弥补收支差额…) is `otherSource`.
 */
function keyIncomeSources(rows: readonly Row[]): Row[] {
  const total = rows.findIndex((row) => row.group === 'income' && (row.key === 'currentYearIncomeTotal' || row.key === 'incomeGrandTotal'));
  return rows.map((row, index) =>
    row.group === 'income' && row.key === undefined && (row.level ?? 1) === 1 && row.name !== '' && (total < 0 || index < total) ? { ...row, key: 'otherSource' } : row,
  );
}

/** The 三公 items in the model's order, with their printed names. */
const THREE_PUBLIC_ITEMS: readonly (readonly [string, string])[] = [
  ['abroad', '因公出国（境）费'],
  ['reception', '公务接待费'],
  ['vehicles', '公务用车购置及运行费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行费'],
  ['total', '合计'],
];

/**
 * A 三公 table printed with the items as columns: one row per item, valued from the table's total
 * row (or its only row, or the row of the fiscal year). Returns undefined when the items are rows.
 */
function threePublicByColumns(grid: Grid, ids: readonly string[], fiscalYear: number): { rows: Row[]; agencyOperatingCosts?: Row } | undefined {
  const items = THREE_PUBLIC_ITEMS.filter(([key]) => key !== 'total' && ids.includes(key));
  if (items.length < 2) return undefined;
  const source =
    grid.rows.find((row) => rowKey(row.name, 'single') === 'total') ??
    grid.rows.find((row) => row.name.includes(String(fiscalYear)) || /本年|预算数/.test(row.name)) ??
    (grid.rows.length === 1 ? grid.rows[0] : undefined);
  const cellOf = (key: string) => amountOf(source?.cells[ids.indexOf(key)]);
  const rows: Row[] = THREE_PUBLIC_ITEMS.filter(([key]) => key === 'total' || ids.includes(key) || (key === 'vehicles' && ids.includes('vehiclePurchase'))).map(([key, name]) => {
    // The 三公 total: its own 小计 where the table's 合计 adds other costs (会议费, 培训费).
    const value = key === 'total' && ids.includes('threePublic') ? cellOf('threePublic') : cellOf(key);
    const values: Record<string, string> = value !== undefined ? { total: value } : {};
    return { key, name, values, ...(source !== undefined ? { line: source.line } : {}) };
  });
  const agency = cellOf('agencyOperatingCosts');
  const agencyValues: Record<string, string> = agency !== undefined ? { total: agency } : {};
  return {
    rows,
    ...(ids.includes('agencyOperatingCosts') ? { agencyOperatingCosts: { key: 'total', name: '部门合计', values: agencyValues, ...(source !== undefined ? { line: source.line } : {}) } } : {}),
  };
}

/** The group name over the vehicle items, when it stands before an item's own name. */
const VEHICLES_GROUP = /^公务用车购置及运行(?:维护)?费(?=.)/;
/** The fund columns a 三公 table printed as items × funds repeats under each item. */
const FUND_IDS: ReadonlySet<string> = new Set(['generalBudget', 'governmentFunds', 'stateCapital']);
/** A fund's name ending a column's header (政府性基 / 金预算 printed in two lines, joined). */
const FUND_NAME = /(?:一般公共(?:预算)?|政府性基金?(?:预算)?|国有资本(?:经营)?(?:预算)?)$/;

/**
 * A 三公 table printed as items × funds (深圳: 总计 · 因公出国(境)费 · 公务接待费 · 公务用车…, each
 * over 一般公共预算 · 政府性基金预算 · 国有资本经营预算), one row per year: the items as rows, the
 * funds as columns, valued from the fiscal year's row. The items' totals over the funds are not
 * printed, and are not made up. Undefined unless every column ends in a fund, in a cycle that
 * repeats, each cycle names a 三公 item, and a row names the fiscal year.
 */
function threePublicByItemAndFund(grid: Grid, fiscalYear: number): { columns: Column[]; rows: Row[] } | undefined {
  const headers = grid.columns.map((column) => column.header.join('').replace(/\s+/g, ''));
  const funds = headers.map((header) => (FUND_NAME.test(header) ? columnIdOf([header]) : undefined));
  const period = funds.indexOf(funds[0], 1);
  if (period < 2 || funds.length % period !== 0 || funds.some((fund, index) => fund === undefined || !FUND_IDS.has(fund) || fund !== funds[index % period])) return undefined;
  const source = grid.rows.find((row) => row.name.replace(/\s+/g, '').includes(`${fiscalYear}年`));
  if (source === undefined) return undefined;
  const cycles = Array.from({ length: funds.length / period }, (_, cycle) => {
    // The item: the longest of the cycle's headers with the fund's name taken off (a group over
    // the item stands before it: 公务用车购置及运行维护费 / 公务用车购置费).
    const names = headers.slice(cycle * period, (cycle + 1) * period).map((header) => header.replace(FUND_NAME, ''));
    const name = names.reduce((longest, each) => (each.length > longest.length ? each : longest), '');
    return { name, key: name === '' ? undefined : columnIdOf([name]), from: cycle * period };
  });
  const keys = cycles.map((cycle, index) =>
    // A 小计 before the purchase and running costs is the vehicles' subtotal.
    cycle.name === '小计' && cycles[index + 1]?.key === 'vehiclePurchase' ? 'vehicles' : cycle.key,
  );
  if (keys.some((key) => key === undefined || !THREE_PUBLIC_ITEMS.some(([item]) => item === key)) || new Set(keys).size !== keys.length) return undefined;
  const rows: Row[] = THREE_PUBLIC_ITEMS.filter(([key]) => keys.includes(key)).map(([key]) => {
    const cycle = cycles[keys.indexOf(key)]!;
    const values: Record<string, string> = {};
    for (let offset = 0; offset < period; offset += 1) {
      const value = amountOf(source.cells[cycle.from + offset]);
      if (value !== undefined) values[funds[cycle.from + offset]!] = value;
    }
    // Printed names, the group over the vehicle items taken off their own (and given to its 小计).
    const name = key === 'vehicles' ? (VEHICLES_GROUP.exec(cycles[keys.indexOf('vehiclePurchase')]?.name ?? '')?.[0] ?? cycle.name) : cycle.name.replace(VEHICLES_GROUP, '') || cycle.name;
    return { key, name, values, line: source.line };
  });
  const columns = funds.slice(0, period).map((fund, index) => ({ id: fund!, header: headers[index]!.match(FUND_NAME)?.[0] ?? fund! }));
  return { columns, rows };
}

/**
 * Whether the table's own arithmetic holds under this reading: each total row equals the sum of
 * the level-1 rows (or the keyed rows TOTAL_PARTS names for the table: a 三公 table's three items), column by column, allowing for rounding
 * (n × half a unit in the last place). Returns the share of checked sums that hold, or undefined
 * when nothing could be checked.
 */
function ownTotalsHold(rows: readonly Row[], ids: readonly string[], role: string): number | undefined {
  const total = rows.find((row) => row.key === 'total');
  // The top rows: the 三公 items, the classes (类), else the rows of level 1.
  const classes = rows.filter((row) => row.code?.length === 3);
  const parts = TOTAL_PARTS[role];
  const tops =
    parts !== undefined ? rows.filter((row) => row.key !== undefined && parts.includes(row.key)) : classes.length > 0 ? classes : rows.filter((row) => row.key === undefined && row.level === 1);
  if (total === undefined || tops.length === 0) return undefined;
  let checked = 0;
  let held = 0;
  for (const id of ids) {
    const printed = total.values[id];
    // Columns of zeros hold whatever the reading: only columns with a total say something.
    if (typeof printed !== 'string' || !AMOUNT.test(printed) || (parseDecimal(printed) ?? ZERO).isZero()) continue;
    const parts = tops.map((row) => row.values[id]).filter((value): value is string => typeof value === 'string' && AMOUNT.test(value));
    if (parts.length === 0) continue;
    const sum = parts.reduce((acc, value) => acc.plus(parseDecimal(value) ?? ZERO), ZERO);
    const slack = halfUnit(printedScale(printed)).times(parts.length + 1);
    checked += 1;
    if (
      sum
        .minus(parseDecimal(printed) ?? ZERO)
        .abs()
        .lte(slack)
    )
      held += 1;
  }
  return checked === 0 ? undefined : held / checked;
}

/**
 * In a table of basic expenditure alone (基本支出经济分类表), a 基本支出 column (烟台: 基本支出预算 over
 * 小计 · 人员支出 · 日常公用支出) is the table's total.
 */
function basicAsTotal(columns: Column[], rows: Row[]): { columns: Column[]; rows: Row[] } {
  if (columns.some((column) => column.id === 'total') || !columns.some((column) => column.id === 'basic')) return { columns, rows };
  return {
    columns: columns.map((column) => (column.id === 'basic' ? { ...column, id: 'total' } : column)),
    rows: rows.map((row) => {
      if (!('basic' in row.values)) return row;
      const { basic, ...values } = row.values;
      return { ...row, values: { ...values, total: basic ?? null } };
    }),
  };
}

/**
 * A 合计 column read under a group (财政拨款收入 / 合计) when the group's cell stood over it by
 * position only: if on most rows it is the sum of every other amount column that is not itself a
 * subtotal, it is the table's grand total, not the group's subtotal (广州's 收入总体情况表: 合计
 * 9,483.72 = 一般公共预算 9,433.72 + 其他收入 50.00). The reading under which the table's own sums
 * hold is the one kept.
 */
function grandTotalColumn(columns: Column[], rows: Row[]): { columns: Column[]; rows: Row[] } {
  if (columns.some((column) => column.id === 'total')) return { columns, rows };
  const candidate = columns.find((column, index) => index === 0 && column.type !== 'text' && /(?:^|\/)(?:合\s*计|总\s*计)$/.test(column.header));
  if (candidate === undefined) return { columns, rows };
  const parts = columns.filter((column) => column !== candidate && column.type !== 'text' && !/(?:小\s*计|合\s*计|总\s*计)$/.test(column.header));
  let checked = 0;
  let held = 0;
  for (const row of rows) {
    const printed = parseDecimal(row.values[candidate.id]);
    if (printed === undefined || printed.isZero()) continue;
    const values = parts.map((column) => row.values[column.id]).filter((value): value is string => typeof value === 'string' && AMOUNT.test(value));
    const sum = values.reduce((acc, value) => acc.plus(parseDecimal(value) ?? ZERO), ZERO);
    checked += 1;
    if (
      sum
        .minus(printed)
        .abs()
        .lte(halfUnit(printedScale(row.values[candidate.id])).times(values.length + 1))
    )
      held += 1;
  }
  if (checked === 0 || held * 2 <= checked) return { columns, rows };
  const id = candidate.id;
  return {
    columns: columns.map((column) => (column === candidate ? { ...column, id: 'total' } : column)),
    rows: rows.map((row) => {
      if (!(id in row.values)) return row;
      const { [id]: value, ...rest } = row.values;
      return { ...row, values: { total: value!, ...rest } };
    }),
  };
}

/**
 * The model table of a block.
 * @param block The printed table.
 * @param grid Its grid.
 * @param role Its role.
 * @param context The document's fiscal year and default unit.
 */
export function toTable(block: TableBlock, grid: Grid, role: TableRole, context: { fiscalYear: number; unit: '元' | '万元' }): ReadTable & { agencyOperatingCosts?: Table } {
  const { ids, unknown: unknownIds } = columnIds(grid.columns, grid.twoSided, context.fiscalYear);
  let unknown = unknownIds;
  const classes = role === 'basicExpenditureByEconomicClass' ? 'economic' : 'functional';
  const unit = block.unit ?? context.unit;
  const base = {
    ...(block.label !== undefined ? { label: block.label } : {}),
    title: block.title,
    ...(block.department !== undefined ? { department: block.department } : {}),
    unit,
    ...(block.note !== undefined ? { note: block.note } : {}),
    line: block.line,
  };
  // A table printed without a single amount (an empty 政府性基金 table) has every amount blank,
  // however its columns are laid out: words under an amount's header are labels of a column the
  // reading did not place (西安 prints the economic classes beside the functional ones), not values.
  if (!grid.rows.some((row) => row.cells.some((cell) => cell !== undefined && AMOUNT.test(cell)))) {
    grid = { ...grid, rows: grid.rows.map((row) => ({ ...row, cells: row.cells.map((cell, index) => (TEXT_COLUMN_IDS.has(ids[index]!) ? cell : undefined)) })) };
  }
  // Columns of words (a description, 绩效目标) or percentages are text, not amounts. A column the
  // vocabulary names as an amount (其他资金) stays one: words in it were misplaced (doubted below).
  const percentColumns = new Set(
    grid.columns.flatMap((_, index) => {
      const cells = grid.rows.map((row) => row.cells[index]).filter((cell): cell is string => cell !== undefined);
      const words = cells.filter((cell) => !AMOUNT.test(cell)).length;
      const known = !isUnnamedColumnId(ids[index]!);
      return cells.length > 0 && ((words * 2 > cells.length && !known) || cells.some((cell) => PERCENT.test(cell))) ? [index] : [];
    }),
  );
  let columns: Column[] = grid.columns.map((column, index) => ({
    id: ids[index]!,
    header: column.header.join('/') || ids[index]!,
    ...(percentColumns.has(index) || TEXT_COLUMN_IDS.has(ids[index]!) ? { type: 'text' as const } : {}),
  }));
  // The unit each project belongs to, from its own column: a text column first.
  const unitHeader = grid.labelHeaders.find((header) => /单位/.test(header));
  if (grid.rows.some((row) => row.unitName !== undefined)) columns = [{ id: 'unitName', header: unitHeader ?? '单位名称', type: 'text' }, ...columns];
  // Words from label columns right of the name (项目类别): text columns after the name.
  const wordIds = [...new Set(grid.rows.flatMap((row) => Object.keys(row.texts ?? {})))].filter((id) => !columns.some((column) => column.id === id));
  const wordHeader = (id: string) => grid.labelHeaders.find((header) => columnIdOf([header]) === id) ?? id;
  columns = [...wordIds.map((id) => ({ id, header: wordHeader(id), type: 'text' as const })), ...columns];
  // A table of units is levelled by its unit codes (部门 123 over 单位 123001), else by indentation.
  const unitLengths = [...new Set(grid.rows.flatMap((row) => (row.unitCode === undefined ? [] : [row.unitCode.length])))].sort((a, b) => a - b);
  // Rows under the units (categories and projects, printed alike) have no level the print shows.
  const levels =
    unitLengths.length > 0
      ? new Map(grid.rows.flatMap((row) => (row.unitCode === undefined ? [] : [[row, unitLengths.indexOf(row.unitCode.length) + 1] as const])))
      : indentLevels(grid.rows, grid.size);
  let rows = topOrdinals(grid.rows.map((row) => modelRow(row, ids, grid.columns, grid.twoSided, classes, levels.get(row))));
  // A table printed as one line of amounts under its header, with no label column (国家信访局's
  // 部门收入总表: 合计, 上年结转, 一般公共预算拨款收入…): that line is the table's total.
  if (!grid.twoSided && grid.labelHeaders.length === 0 && rows.length === 1 && rows[0]!.name === '' && rows[0]!.code === undefined && Object.keys(rows[0]!.values).length > 0) {
    rows = [{ ...rows[0]!, key: 'total', name: '合计' }];
  }
  if (grid.twoSided) rows = sideTotals(keyIncomeSources(rows));
  // A table listed by unit whose first row is the department itself (深圳: 深圳市人民政府口岸办公室
  // over its classes), with no 合计 row: that row is the table's total.
  const first = rows[0];
  const bare = (name: string) => name.replace(/\s+|[（(]本级[）)]/g, '');
  if (
    !grid.twoSided &&
    role !== 'projectExpenditure' &&
    role !== 'projectExpenditureCarriedOver' &&
    first !== undefined &&
    first.key === undefined &&
    first.code === undefined &&
    block.department !== undefined &&
    bare(first.name) === bare(block.department) &&
    !rows.some((row) => row.key === 'total')
  ) {
    const { level: _level, ...total } = first;
    rows = [{ ...total, key: 'total' }, ...rows.slice(1)];
  }
  // A flat list of projects (no hierarchy printed): every project is a top row.
  if ((role === 'projectExpenditure' || role === 'projectExpenditureCarriedOver') && rows.every((row) => row.level === undefined)) {
    rows = rows.map((row) => (row.key === undefined && row.name !== '' ? { ...row, level: 1 } : row));
  }
  ({ columns, rows } = grandTotalColumn(columns, rows));
  if (role === 'basicExpenditureByEconomicClass') ({ columns, rows } = basicAsTotal(columns, rows));
  let agencyOperatingCosts: Table | undefined;
  let itemsUnknown = false;
  const byFund = role === 'threePublicExpenses' ? threePublicByItemAndFund(grid, context.fiscalYear) : undefined;
  if (byFund !== undefined) {
    ({ columns, rows } = byFund);
    unknown = [];
  } else if (role === 'threePublicExpenses') {
    const transposed = threePublicByColumns(grid, ids, context.fiscalYear);
    if (transposed !== undefined) {
      // An item's column the header does not name leaves the items and their total unknown; so does
      // an item printed for another year only (its figure for this year is not there to add).
      itemsUnknown = unknown.length > 0 || THREE_PUBLIC_ITEMS.some(([key]) => key !== 'total' && !ids.includes(key) && ids.includes(`previousYear${capital(key)}`));
      columns = [{ id: 'total', header: '预算数' }];
      rows = transposed.rows;
      if (transposed.agencyOperatingCosts !== undefined)
        agencyOperatingCosts = { ...base, title: block.title, columns: [{ id: 'total', header: '机关运行经费' }], rows: [transposed.agencyOperatingCosts] };
    }
  }
  const parts = TOTAL_PARTS[role];
  const doubts: string[] = [];
  // Words where an amount belongs: the reading mixed the cells (a description, a heading) into amounts.
  const mixed = rows.filter((row) =>
    Object.entries(row.values).some(([id, value]) => typeof value === 'string' && !AMOUNT.test(value) && !PERCENT.test(value) && columns.find((column) => column.id === id)?.type !== 'text'),
  ).length;
  if (mixed > 0) doubts.push(`${mixed} 行的金额列中读到了文字`);
  if (itemsUnknown) doubts.push('“三公”经费各项按列列示，有的列未能识别');
  // Numbers under a header the vocabulary does not know, beside a known column left without any:
  // the numbers may be that column's, placed under the wrong header.
  const filled = (id: string) => rows.some((row) => typeof row.values[id] === 'string' && AMOUNT.test(row.values[id]));
  const amountColumns = columns.filter((column) => column.type !== 'text');
  const strayFilled = amountColumns.filter((column) => isUnnamedColumnId(column.id) && filled(column.id));
  const knownEmpty = amountColumns.filter((column) => !isUnnamedColumnId(column.id) && !filled(column.id));
  if (strayFilled.length > 0 && knownEmpty.length > 0) {
    doubts.push(`未能识别的列“${strayFilled.map((column) => column.header).join('”“')}”有数，已识别的列“${knownEmpty.map((column) => column.header).join('”“')}”却全空，列的位置可能读错`);
  }
  if (grid.strays > 0) doubts.push(`${grid.strays} 个数字无法对应到表头的列`);
  if (!grid.headerMatched && grid.columns.some((column) => column.header.length === 0)) doubts.push('数字所在的列与表头的列无法一一对应');
  if (grid.columns.length === 0 && grid.rows.some((row) => row.cells.length > 0)) doubts.push('没有找到金额列');
  let held = ownTotalsHold(rows, ids, role);
  // A print that shows no hierarchy under which the total holds (rows left without a level, or
  // top rows that do not add up): the hierarchy the amounts imply, when only one fits. Not for
  // lists of projects: which level of such a tree is a project (西安: 部门 · 单位 · 通用项目 ·
  // 大型活动 · 统计业务培训) the sums cannot tell, and the performance tables are matched to projects.
  const unlevelled = rows.some((row) => row.key === undefined && row.code === undefined && row.name !== '' && row.level === undefined);
  const projects = role === 'projectExpenditure' || role === 'projectExpenditureCarriedOver';
  if (!grid.twoSided && !projects && parts === undefined && (unlevelled || (held !== undefined && held < 0.5)) && rows.every((row) => row.code === undefined)) {
    const column = ['total', ...columns.filter((column) => column.type !== 'text').map((column) => column.id)].find((id) => rows.find((row) => row.key === 'total')?.values[id] !== undefined);
    const levelled = column === undefined ? undefined : levelsBySums(rows, column);
    if (levelled !== undefined) {
      rows = levelled;
      held = ownTotalsHold(rows, ids, role);
    }
  }
  // A table that says it leaves rows out has a total its rows do not reach: no sign of misplaced columns.
  const withheld = withheldStatement(block.note) !== undefined;
  if (held !== undefined && held < 0.5 && !withheld) doubts.push('按读出的列，合计行与各类之和大多不符，列的位置可能读错');
  const doubt = doubts.length > 0 ? doubts.join('；') : undefined;
  const table = { ...base, columns, rows: doubt === undefined ? rows : rows.map((row) => ({ ...row, values: {} })), ...(doubt !== undefined ? { doubt } : {}) };
  return { table, unknownColumns: unknown, ...(agencyOperatingCosts !== undefined ? { agencyOperatingCosts } : {}) };
}
