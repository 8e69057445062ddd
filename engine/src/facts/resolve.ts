/**
 * Shared parameter resolution for facts: which table, row and column a fact means, falling back
 * to the current scope item when the rule does not say.
 */
import { type RowView, type TableView } from '../document/context.js';
import { type RowSelector, citedSubject, findRow, selectRows } from '../document/selectors.js';
import { type Unavailable, isUnavailable, missing } from '../document/unavailable.js';
import { resolvePointer } from '../document/pointer.js';
import { scopeItemValue } from './scopeItem.js';
import { type FactScope } from './types.js';
import { preview } from '../document/limits.js';

/** JSON Schema of the `table` param. */
export const TABLE_PARAM = {
  type: 'string',
  description: '报表角色，如 expenditureSummary；省略时用作用域中的当前表。/ Table role; defaults to the scope table.',
} as const;

/** JSON Schema of a `row` selector param. */
export const ROW_PARAM = {
  $ref: '#/$defs/rowSelector',
  description: '行选择器，如 {"key": "total"} 或 {"code": "201"}；省略时用作用域中的当前行。/ Row selector; defaults to the scope row.',
} as const;

/** JSON Schema of a `column` param. */
export const COLUMN_PARAM = {
  type: 'string',
  description: '列 id，如 total；省略时用作用域中的当前列。/ Column id; defaults to the scope column.',
} as const;

/**
 * The table a fact means: the `table` param, else the scope's table.
 * @param params Fact params.
 * @param scope The scope.
 */
export function resolveTable(params: Readonly<Record<string, unknown>>, scope: FactScope): TableView | Unavailable {
  const role = typeof params.table === 'string' ? params.table : scope.binding.table;
  if (role === undefined) return missing('规则没有指明报表（table），作用域中也没有当前表');
  return scope.context.table(role);
}

/** Rows found by a rule's own selector objects, per table (a document's tables live as long as its evaluation). */
const foundRows = new WeakMap<TableView, WeakMap<RowSelector, RowView | null>>();

/**
 * The first row meeting a selector. A selector that does not depend on the scope item finds the
 * same row for every item: look it up once per table.
 */
function findRowOnce(table: TableView, selector: RowSelector, scope: FactScope): RowView | undefined | 'ambiguous' {
  // A row named by the scope item (the project a performance table names) must be the only one:
  // of two rows of that name (two units' 日常保障运行), the first is no more the item's than the second.
  if (selector.sameAs !== undefined) {
    const found = selectRows(table, withScope(selector, scope));
    return found.length > 1 ? 'ambiguous' : found[0];
  }
  if (selector.sameCode === true) return findRow(table, withScope(selector, scope));
  let rows = foundRows.get(table);
  if (rows === undefined) {
    rows = new WeakMap();
    foundRows.set(table, rows);
  }
  let row = rows.get(selector);
  if (row === undefined) {
    row = findRow(table, selector) ?? null;
    rows.set(selector, row);
  }
  return row ?? undefined;
}

/**
 * The one row a fact means: the first row matching the `row` selector, else the scope's row.
 * @param table The table.
 * @param params Fact params.
 * @param scope The scope.
 */
export function resolveRow(table: TableView, params: Readonly<Record<string, unknown>>, scope: FactScope): RowView | Unavailable {
  const selector = params.row;
  if (selector !== undefined && selector !== null && typeof selector === 'object') {
    const row = findRowOnce(table, selector, scope);
    if (row === 'ambiguous') return missing(`${table.name} 中有几行符合 ${preview(selector, 200)}，无法确定是哪一行`, `${table.pointer}/rows`);
    return row ?? missing(`${table.name} 中没有符合 ${preview(selector, 200)} 的行`, `${table.pointer}/rows`);
  }
  const row = scope.binding.table === table.role ? scopeRow(scope) : undefined;
  return row ?? missing('规则没有指明行（row），作用域中也没有当前行', `${table.pointer}/rows`);
}

/**
 * The scope's current row (scopes `row` and `cell`), if any.
 * @param scope The scope.
 */
export function scopeRow(scope: FactScope): RowView | undefined {
  const { table: role, row: index } = scope.binding;
  if (role === undefined || index === undefined) return undefined;
  const table = scope.context.table(role);
  return isUnavailable(table) ? undefined : table.rowAt.get(index);
}

/**
 * Resolves the selector's references to the scope: `sameCode: true` becomes the code of the
 * scope's current row, `sameAs` the code or name read from the current scope item. A reference
 * that cannot be resolved selects no row.
 * @param selector The selector as written.
 * @param scope The scope.
 */
export function withScope(selector: RowSelector, scope: FactScope): RowSelector {
  if (selector.sameCode !== true && selector.sameAs === undefined) return selector;
  const { sameCode, sameAs, ...rest } = selector;
  const resolved: { code?: string; name?: string; unitName?: string } = {};
  if (sameCode === true) resolved.code = scopeRow(scope)?.code ?? NO_MATCH;
  if (sameAs !== undefined) {
    const item = scopeItemValue(scope);
    // The unit narrows rows of one name when the item names its unit; an item without one is not held to any.
    const unit = sameAs.unitName === undefined ? undefined : resolvePointer(item, sameAs.unitName);
    if (typeof unit === 'string' && unit.trim() !== '') resolved.unitName = unit;
    for (const field of ['code', 'name'] as const) {
      const pointer = sameAs[field];
      if (pointer === undefined) continue;
      const value = resolvePointer(item, pointer);
      if (typeof value !== 'string' || value.trim() === '') resolved[field] = NO_MATCH;
      // A cited classification path ("类（类）款（款）项（项）", "类-款-项") names its last part.
      else resolved[field] = field === 'name' ? citedSubject(value) : value;
    }
  }
  return { ...rest, ...resolved };
}

/** A code or name no row has. */
const NO_MATCH = '\u0000no-match';

/**
 * The column a fact means: the `column` param, else the scope's column.
 * @param params Fact params.
 * @param scope The scope.
 */
export function resolveColumn(params: Readonly<Record<string, unknown>>, scope: FactScope): string | Unavailable {
  const column = typeof params.column === 'string' ? params.column : scope.binding.column;
  return column ?? missing('规则没有指明列（column），作用域中也没有当前列');
}

/**
 * Resolves table, row and column together, stopping at the first that is unavailable.
 * @param params Fact params.
 * @param scope The scope.
 */
export function resolveCell(params: Readonly<Record<string, unknown>>, scope: FactScope): { table: TableView; row: RowView; column: string } | Unavailable {
  const table = resolveTable(params, scope);
  if (isUnavailable(table)) return table;
  const row = resolveRow(table, params, scope);
  if (isUnavailable(row)) return row;
  const column = resolveColumn(params, scope);
  if (isUnavailable(column)) return column;
  return { table, row, column };
}
