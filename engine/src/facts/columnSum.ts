import { rowSet } from '../document/selectors.js';
import { isUnavailable, missing } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { COLUMN_PARAM, TABLE_PARAM, resolveColumn, resolveTable, withScope } from './resolve.js';
import { type FactDefinition } from './types.js';

/** The sum of one column over the rows that match a selector (e.g. all 类 rows). */
export const columnSum: FactDefinition = {
  name: 'columnSum',
  description: {
    'zh-CN':
      '某一列在所有符合条件的行上的合计，如所有 3 位编码（类）行的合计。空单元格按 0 计；没有符合条件的行时无法取值（规则不适用），不当作 0。表注明部分行未公开（withheld，如涉密项目不予公开）时，各行之和不是全表的，也无法取值。',
    en: 'The sum of one column over the rows matching a selector, e.g. all 3-digit (类) rows. Blank cells count as 0; with no row matching, the sum is unavailable (the rule does not apply), never 0. So it is on a table that says it leaves rows out (withheld: 涉密项目不予公开): its rows are not all of it.',
  },
  returns: 'quantity',
  scoped: ['table', 'column'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['rows'],
    properties: {
      table: TABLE_PARAM,
      rows: { $ref: '#/$defs/rowSelector', description: '参与求和的行。/ Rows to add.' },
      column: COLUMN_PARAM,
    },
  },
  example: {
    fact: 'cell',
    params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' },
    operator: 'decimalEqual',
    value: { fact: 'columnSum', params: { table: 'expenditureSummary', rows: { codeLength: 3 }, column: 'total' } },
  },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const column = resolveColumn(params, scope);
    if (isUnavailable(column)) return column;
    const selector = withScope(params.rows ?? {}, scope);
    return scope.context.memo(`columnSum:${table.role}:${column}:${JSON.stringify(selector)}`, () => {
      const rows = rowSet(table, selector);
      if (isUnavailable(rows)) return rows;
      // No row to add: the parts are not printed, or not read as such. Their sum is not known to be 0.
      if (rows.length === 0) return missing(`${table.name}中没有可相加的行`, `${table.pointer}/rows`);
      const parts: Quantity[] = [];
      for (const row of rows) {
        const value = scope.context.cell(table, row, column);
        if (isUnavailable(value)) return value;
        parts.push(value);
      }
      return sumQuantities(parts, table.unit ?? '元', `${table.pointer}/rows`);
    });
  },
};
