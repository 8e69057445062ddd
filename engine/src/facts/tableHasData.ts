import { type DocumentContext, type TableView } from '../document/context.js';
import { type Unavailable, isUnavailable, missing } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** Whether any amount cell of the table is filled with a non-zero amount. */
export const tableHasData: FactDefinition = {
  name: 'tableHasData',
  description: {
    'zh-CN': '报表是否有数据：任一金额单元格填有非零金额即为有数据；全部为空或为 0 即为无数据。没有一个金额列的报表（各列都读作文字）无法判断，规则不适用。',
    en: 'Whether any amount cell holds a non-zero amount; a table of blanks and zeros has no data. A table without a single amount column (every column read as text) cannot tell: the rule does not apply.',
  },
  returns: 'boolean',
  scoped: ['table'],
  params: { type: 'object', additionalProperties: false, properties: { table: TABLE_PARAM } },
  example: { fact: 'tableHasData', params: { table: 'threePublicExpenses' }, operator: 'equal', value: false },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    return hasData(table, scope.context);
  },
};

/**
 * Whether any amount cell of a table holds a non-zero amount (memoised per evaluation).
 * @param table The table.
 * @param context The evaluation's document context.
 */
export function hasData(table: TableView, context: DocumentContext): boolean | Unavailable {
  return context.memo(`hasData:${table.role}`, () => {
    const amountColumns = table.columns.filter((column) => column.type !== 'text');
    if (amountColumns.length === 0 && table.rows.length > 0) return missing(`${table.name}没有可读作金额的列，无法判断是否有数据`, table.pointer);
    for (const row of table.rows) {
      for (const column of amountColumns) {
        const value = context.cell(table, row, column.id);
        if (isUnavailable(value)) return value;
        if (!value.value.isZero()) return true;
      }
    }
    return false;
  });
}
