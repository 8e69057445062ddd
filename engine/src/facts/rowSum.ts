import { isUnavailable } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { ROW_PARAM, TABLE_PARAM, resolveRow, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** The sum of several columns of one row (e.g. 基本支出 + 项目支出). */
export const rowSum: FactDefinition = {
  name: 'rowSum',
  description: {
    'zh-CN': '同一行中若干列的合计，如 基本支出 + 项目支出。空单元格按 0 计；结果记录参与求和的数字个数，供“考虑四舍五入”的比较使用。',
    en: 'The sum of several columns of one row. Blank cells count as 0; the result records how many printed figures it sums, for rounding-aware comparison.',
  },
  returns: 'quantity',
  scoped: ['table', 'row'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['columns'],
    properties: {
      table: TABLE_PARAM,
      row: ROW_PARAM,
      columns: { type: 'array', items: { type: 'string' }, minItems: 1, description: '要相加的列 id。/ Column ids to add.' },
    },
  },
  example: {
    fact: 'cell',
    params: { column: 'total' },
    operator: 'decimalEqual',
    value: { fact: 'rowSum', params: { columns: ['basic', 'project'] } },
  },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const row = resolveRow(table, params, scope);
    if (isUnavailable(row)) return row;
    const columns = Array.isArray(params.columns) ? params.columns.filter((id): id is string => typeof id === 'string') : [];
    const parts: Quantity[] = [];
    for (const column of columns) {
      const value = scope.context.cell(table, row, column);
      if (isUnavailable(value)) return value;
      parts.push(value);
    }
    return sumQuantities(parts, table.unit ?? '元', row.pointer);
  },
};
