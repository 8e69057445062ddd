/**
 * Row selectors: how a rule names rows without knowing a template's row order. All given criteria
 * must hold. Also the classification-code hierarchy (类 3 digits, 款 5, 项 7; or `level`).
 */
import { type FigureView, type RowView, type TableView, rawCell } from './context.js';
import { type Unavailable, missing } from './unavailable.js';

/** Criteria a row must meet; every given field must match. */
export interface RowSelector {
  /** Semantic key, or any of several. */
  readonly key?: string | readonly string[];
  /** Rows whose key is none of these. */
  readonly exceptKeys?: readonly string[];
  /** Classification code, or any of several. */
  readonly code?: string | readonly string[];
  /** Code length: 3 (类), 5 (款) or 7 (项), or any of several. */
  readonly codeLength?: number | readonly number[];
  /** Code starts with this. */
  readonly codePrefix?: string;
  /** Whether the row has a code. */
  readonly hasCode?: boolean;
  /** Whether the row has a key. */
  readonly hasKey?: boolean;
  /** Name, or any of several, compared without whitespace. */
  readonly name?: string | readonly string[];
  /** Side of a two-sided table. */
  readonly group?: string;
  /** Hierarchy level. */
  readonly level?: number;
  /** Rows at most this deep (a row without a level counts as level 1), e.g. 1 for the top rows of a side whose sub-rows are printed too. */
  readonly maxLevel?: number;
  /** Whether the row has children in the hierarchy. */
  readonly hasChildren?: boolean;
  /**
   * Whether the row is at the bottom of the printed hierarchy (a project under its unit and
   * category): it has a level, no child rows, and is not followed by rows whose level the print
   * does not show (those are its sub-rows, unread).
   */
  readonly leaf?: boolean;
  /** The row with the same code as the scope's current row (in another table). */
  readonly sameCode?: boolean;
  /** Code, name and/or unit taken from the current scope item: a JSON Pointer into it for each (e.g. {"name": "/project"}). */
  readonly sameAs?: { readonly code?: string; readonly name?: string; readonly unitName?: string };
  /** The unit the row belongs to (its unitName cell), compared without whitespace; rows without a unit cell are not held to it. */
  readonly unitName?: string;
  /** Whether at least one amount cell of the row is filled (a row of blanks has no values). */
  readonly hasValues?: boolean;
}

const WHITESPACE = /\s+/g;

function oneOf(value: string | undefined, wanted: string | readonly string[]): boolean {
  if (value === undefined) return false;
  return typeof wanted === 'string' ? value === wanted : wanted.includes(value);
}

const FULL_WIDTH_BRACKETS = /[（）]/g;

/**
 * A name as rows and texts are matched: without whitespace, full-width brackets as ASCII ones.
 * @param name The name as printed.
 */
export function normaliseName(name: string): string {
  // Row and project names are compared again and again (each scope item against each row): keep
  // them. The cache is bounded, so a long-running process cannot grow it without end.
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    normalised = name.replace(WHITESPACE, '').replace(FULL_WIDTH_BRACKETS, (bracket) => (bracket === '（' ? '(' : ')'));
    if (normalisedNames.size >= NORMALISED_NAMES_LIMIT) normalisedNames.clear();
    normalisedNames.set(name, normalised);
  }
  return normalised;
}

const NORMALISED_NAMES_LIMIT = 10_000;
const normalisedNames = new Map<string, string>();

const LEVEL_MARKED = /[（(][类款项][）)]/u;
const PATH_SEPARATOR = /[-－—]/u;

/**
 * The subject a cited name means: a classification path, as texts cite it ("卫生健康支出（类）
 * 行政事业单位医疗（款）行政单位医疗（项）" or "卫生健康支出-行政事业单位医疗-行政单位医疗"),
 * means its last part; any other name means itself.
 * @param name The name as cited.
 */
export function citedSubject(name: string): string {
  if (LEVEL_MARKED.test(name)) {
    const parts = name
      .split(/[（(][类款项][）)]/u)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    return parts[parts.length - 1] ?? name;
  }
  const parts = name
    .split(PATH_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // A path names its class first: "一般公共服务支出-…-行政运行" (class names end in 支出).
  return parts.length >= 2 && parts[0]!.endsWith('支出') ? parts[parts.length - 1]! : name;
}

/**
 * Whether a row meets a selector.
 * @param table The row's table (for the hierarchy).
 * @param row The row.
 * @param selector The criteria.
 */
export function matchesRow(table: TableView, row: RowView, selector: RowSelector): boolean {
  if (selector.key !== undefined && !oneOf(row.key, selector.key)) return false;
  if (selector.exceptKeys !== undefined && row.key !== undefined && selector.exceptKeys.includes(row.key)) return false;
  if (selector.code !== undefined && !oneOf(row.code, selector.code)) return false;
  if (selector.codeLength !== undefined) {
    const length = row.code?.length;
    if (typeof selector.codeLength === 'number' ? length !== selector.codeLength : length === undefined || !selector.codeLength.includes(length)) return false;
  }
  if (selector.codePrefix !== undefined && !(row.code ?? '').startsWith(selector.codePrefix)) return false;
  if (selector.hasCode !== undefined && (row.code !== undefined) !== selector.hasCode) return false;
  if (selector.hasKey !== undefined && (row.key !== undefined) !== selector.hasKey) return false;
  if (selector.name !== undefined) {
    const name = normaliseName(row.name);
    if (typeof selector.name === 'string' ? normaliseName(selector.name) !== name : !selector.name.some((wanted) => normaliseName(wanted) === name)) return false;
  }
  if (selector.group !== undefined && row.group !== selector.group) return false;
  if (selector.level !== undefined && row.level !== selector.level) return false;
  if (selector.maxLevel !== undefined && (row.level ?? 1) > selector.maxLevel) return false;
  if (selector.leaf !== undefined && isLeaf(table, row) !== selector.leaf) return false;
  if (selector.hasChildren !== undefined && childRows(table, row).length > 0 !== selector.hasChildren) return false;
  if (selector.hasValues !== undefined && hasValues(table, row) !== selector.hasValues) return false;
  if (selector.unitName !== undefined) {
    const unit = row.values?.unitName;
    if (typeof unit === 'string' && unit.trim() !== '' && normaliseName(unit) !== normaliseName(selector.unitName)) return false;
  }
  return true;
}

function hasValues(table: TableView, row: RowView): boolean {
  return table.columns.some((column) => {
    if (column.type === 'text') return false;
    const value = rawCell(row, column.id);
    return value !== undefined && value !== null && value !== '';
  });
}

/**
 * The first row of a table that meets a selector, if any.
 * @param table The table.
 * @param selector The criteria.
 */
export function findRow(table: TableView, selector: RowSelector): RowView | undefined {
  return candidates(table, selector).find((row) => matchesRow(table, row, selector));
}

/**
 * The rows a selector can match: those with its code or its name when it names one (looked up in
 * an index built once per table), else all rows. matchesRow still checks every criterion.
 */
function candidates(table: TableView, selector: RowSelector): readonly RowView[] {
  if (typeof selector.code !== 'string' && typeof selector.name !== 'string') return table.rows;
  let index = ROW_INDEX.get(table);
  if (index === undefined) {
    const byCode = new Map<string, RowView[]>();
    const byName = new Map<string, RowView[]>();
    for (const row of table.rows) {
      if (row.code !== undefined) append(byCode, row.code, row);
      append(byName, normaliseName(row.name), row);
    }
    index = { byCode, byName };
    ROW_INDEX.set(table, index);
  }
  if (typeof selector.code === 'string') return index.byCode.get(selector.code) ?? [];
  return index.byName.get(normaliseName(selector.name as string)) ?? [];
}

function append(index: Map<string, RowView[]>, key: string, row: RowView): void {
  const rows = index.get(key);
  if (rows === undefined) index.set(key, [row]);
  else rows.push(row);
}

// Table views live for one evaluation: their row indexes with them.
const ROW_INDEX = new WeakMap<TableView, { readonly byCode: ReadonlyMap<string, RowView[]>; readonly byName: ReadonlyMap<string, RowView[]> }>();

/**
 * The rows of a table that meet a selector, in table order.
 * @param table The table.
 * @param selector The criteria.
 */
export function selectRows(table: TableView, selector: RowSelector): RowView[] {
  return candidates(table, selector).filter((row) => matchesRow(table, row, selector));
}

/**
 * Why a table's rows cannot be summed or counted as the whole table: it says it leaves rows out.
 * A selector naming rows by key (合计) still finds them: those are printed whole.
 * @param table The table.
 * @param selector The rows wanted, if a set of them.
 */
function withheldRows(table: TableView, selector?: RowSelector): Unavailable | undefined {
  if (table.withheld === undefined || (selector?.key !== undefined && selector.key.length > 0)) return undefined;
  return missing(`${table.name}注明部分行未公开（${table.withheld}），其各行之和与行数不是全表的`, `${table.pointer}/rows`);
}

/**
 * The rows a rule adds up or counts: those meeting the selector, unless the table leaves rows
 * out (its note says so), when they are not all the rows meeting it.
 * @param table The table.
 * @param selector The criteria.
 */
export function rowSet(table: TableView, selector: RowSelector): RowView[] | Unavailable {
  return withheldRows(table, selector) ?? selectRows(table, selector);
}

/**
 * A row's direct children to add up (see `childRows`), unless the table leaves rows out.
 * @param table The table.
 * @param row The parent row.
 */
export function childSet(table: TableView, row: RowView): readonly RowView[] | Unavailable {
  return withheldRows(table) ?? childRows(table, row);
}

/**
 * The direct children of a row in the classification hierarchy:
 * - a coded row: rows of its group whose code extends it by 2 digits (类 → 款 → 项), or, when
 *   none do and the row has a level, its children by level;
 * - the `total` row of a coded table: its 3-digit (类) rows;
 * - otherwise, by `level`: the following rows one level down, until a row at its level or above
 *   (rows without a level are passed over);
 * - the `total` row of a levelled table: its level-1 rows.
 * @param table The table.
 * @param row The parent row.
 */
export function childRows(table: TableView, row: RowView): readonly RowView[] {
  return hierarchyOf(table).children(row);
}

/**
 * The row whose direct children include this row (its 款 for a 项, its 类 for a 款, the total
 * row for a 类), if any.
 * @param table The table.
 * @param row The row.
 */
export function parentRow(table: TableView, row: RowView): RowView | undefined {
  const hierarchy = hierarchyOf(table);
  if (hierarchy.parents === undefined) {
    const parents = new Map<RowView, RowView>();
    for (const candidate of table.rows) for (const child of hierarchy.children(candidate)) if (!parents.has(child)) parents.set(child, candidate);
    hierarchy.parents = parents;
  }
  return hierarchy.parents.get(row);
}

function isLeaf(table: TableView, row: RowView): boolean {
  if (row.level === undefined || childRows(table, row).length > 0) return false;
  const next = hierarchyOf(table).next.get(row);
  return next === undefined || next.level !== undefined || next.key !== undefined;
}

/** A table's hierarchy, indexed once: every lookup after that costs no more than its answer. */
interface Hierarchy {
  children(row: RowView): readonly RowView[];
  /** The next row of the same group. */
  readonly next: ReadonlyMap<RowView, RowView>;
  /** Each row's parent, once asked for. */
  parents?: ReadonlyMap<RowView, RowView>;
}

// Table views live for one evaluation; their hierarchy is indexed once per table.
const HIERARCHIES = new WeakMap<TableView, Hierarchy>();

function hierarchyOf(table: TableView): Hierarchy {
  let hierarchy = HIERARCHIES.get(table);
  if (hierarchy === undefined) {
    hierarchy = indexHierarchy(table);
    HIERARCHIES.set(table, hierarchy);
  }
  return hierarchy;
}

/** The list a map holds for a key, created empty the first time. */
function listIn<K>(map: Map<K, RowView[]>, key: K): RowView[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function indexHierarchy(table: TableView): Hierarchy {
  const groups = new Map<string | undefined, RowView[]>();
  for (const row of table.rows) {
    listIn(groups, row.group).push(row);
  }
  const next = new Map<RowView, RowView>();
  const position = new Map<RowView, number>();
  // Per group: rows by code, rows under each code (2 digits longer), 类 rows, level-1 rows, and
  // the children by level (a stack of the open ancestors: one pass).
  const byCode = new Map<string | undefined, Map<string, RowView[]>>();
  const underCode = new Map<string | undefined, Map<string, RowView[]>>();
  const classes = new Map<string | undefined, RowView[]>();
  const topLevel = new Map<string | undefined, RowView[]>();
  const byLevel = new Map<RowView, RowView[]>();
  for (const [group, rows] of groups) {
    const codes = new Map<string, RowView[]>();
    const under = new Map<string, RowView[]>();
    const stack: RowView[] = [];
    rows.forEach((row, index) => {
      position.set(row, index);
      if (index + 1 < rows.length) next.set(row, rows[index + 1]!);
      if (row.code !== undefined) {
        listIn(codes, row.code).push(row);
        if (row.code.length > 3) listIn(under, row.code.slice(0, -2)).push(row);
        if (row.code.length === 3) listIn(classes, group).push(row);
      }
      if (row.level === undefined) return;
      if (row.level === 1) listIn(topLevel, group).push(row);
      while (stack.length > 0 && stack[stack.length - 1]!.level! >= row.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent !== undefined && parent.level === row.level - 1) listIn(byLevel, parent).push(row);
      stack.push(row);
    });
    byCode.set(group, codes);
    underCode.set(group, under);
  }
  const found = new Map<RowView, readonly RowView[]>();
  const children = (row: RowView): readonly RowView[] => {
    let list = found.get(row);
    if (list === undefined) {
      list = childrenOf(row);
      found.set(row, list);
    }
    return list;
  };
  const childrenOf = (row: RowView): readonly RowView[] => {
    const rows = groups.get(row.group)!;
    if (row.code !== undefined) {
      const code = row.code;
      const extendsRow = (candidate: RowView) => candidate.code !== undefined && candidate.code.length === code.length + 2 && candidate.code.startsWith(code);
      // A code printed on several rows (a table grouped by a second classification, as 烟台's 部门 ×
      // 政府 economic classes) has the rows under each occurrence: those that follow it, up to the
      // next row at its level or above.
      const repeated = (byCode.get(row.group)?.get(code)?.length ?? 0) > 1;
      let coded: readonly RowView[];
      if (repeated) {
        const following: RowView[] = [];
        for (let index = position.get(row)! + 1; index < rows.length; index += 1) {
          const candidate = rows[index]!;
          if (candidate.code === undefined || candidate.code.length <= code.length) break;
          if (extendsRow(candidate)) following.push(candidate);
        }
        coded = following;
      } else {
        coded = (underCode.get(row.group)?.get(code) ?? []).filter((candidate) => candidate !== row);
      }
      // Templates that print codes only on class rows (e.g. 经济分类 款 rows by name): fall back to levels.
      if (coded.length > 0 || row.level === undefined) return coded;
    }
    if (row.key === 'total') {
      const coded = (classes.get(row.group) ?? []).filter((candidate) => candidate !== row);
      if (coded.length > 0) return coded;
      return (topLevel.get(row.group) ?? []).filter((candidate) => candidate !== row);
    }
    if (row.level === undefined) return [];
    return byLevel.get(row) ?? [];
  };
  return { children, next };
}

/** Criteria a narrative figure must meet; every given field must match (as a scope's `figures`). */
export interface FigureCriteria {
  /** Figure key, or any of several. */
  readonly key?: string | readonly string[];
  /** Figure kind. */
  readonly kind?: string;
  /** Section id. */
  readonly section?: string;
}

function anyOf(value: unknown, wanted: string | readonly string[] | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? value === wanted : wanted.includes(String(value));
}

/**
 * Whether a narrative figure meets the criteria.
 * @param view The figure.
 * @param criteria The criteria (all figures when undefined).
 */
export function matchesFigure(view: FigureView, criteria: FigureCriteria | undefined): boolean {
  if (criteria === undefined) return true;
  return anyOf(view.figure.key, criteria.key) && anyOf(view.figure.kind, criteria.kind) && anyOf(view.sectionId, criteria.section);
}
