import { isUnavailable } from '../document/unavailable.js';
import { blankQuantity } from '../money/quantity.js';
import { COLUMN_PARAM, ROW_PARAM, TABLE_PARAM, resolveCell, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** One cell of a table as an amount in the table's unit; a blank cell is blank, not 0. */
export const cell: FactDefinition = {
  name: 'cell',
  description: {
    'zh-CN': '报表中一个单元格的金额（按该表单位）。空单元格返回“空”（参与求和时按 0 计，但不等同于填写的 0）。',
    en: "One cell's amount in its table's unit. A blank cell is blank (0 in sums, but not a printed 0).",
  },
  returns: 'quantity',
  scoped: ['table', 'row', 'column'],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      table: TABLE_PARAM,
      row: ROW_PARAM,
      column: COLUMN_PARAM,
      ifMissing: {
        enum: ['blank'],
        description: '找不到该行时按空单元格处理（而不是规则不适用）。/ Treat a missing row as a blank cell instead of making the rule not applicable.',
      },
    },
  },
  example: {
    fact: 'cell',
    params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' },
    operator: 'decimalEqual',
    value: { fact: 'cell', params: { table: 'incomeSummary', row: { key: 'total' }, column: 'total' } },
  },
  calculate(params, scope) {
    const target = resolveCell(params, scope);
    if (isUnavailable(target) && target.reason === 'missing' && params.ifMissing === 'blank') {
      const table = resolveTable(params, scope);
      if (!isUnavailable(table) && table.unit !== undefined) return blankQuantity(table.unit, target.pointer);
    }
    if (isUnavailable(target)) return target;
    return scope.context.cell(target.table, target.row, target.column);
  },
};
