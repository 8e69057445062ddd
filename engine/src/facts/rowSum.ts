import { isUnavailable, missing, notInLayout } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { ROW_PARAM, TABLE_PARAM, resolveRow, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** The sum of several columns of one row (e.g. 基本支出 + 项目支出). */
export const rowSum: FactDefinition = {
  name: 'rowSum',
  description: {
    'zh-CN': '同一行中若干列的合计，如 基本支出 + 项目支出（optional 中的列，表中印有才加）。空单元格按 0 计；结果记录参与求和的数字个数，供“考虑四舍五入”的比较使用。',
    en: 'The sum of several columns of one row (those under optional only when the table prints them). Blank cells count as 0; the result records how many printed figures it sums, for rounding-aware comparison.',
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
      optional: {
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        description:
          '表中印有时才相加的列 id（如支出总表的事业单位经营支出、上缴上级支出，单位预算才列）；表中没有该列时不计。/ Column ids added when the table prints them (e.g. 事业单位经营支出, printed by unit budgets); skipped when it does not.',
      },
      without: {
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        description:
          '本说法只用于不印这些列的表式（如不设“基本支出”列、只列人员经费和公用经费的支出表）：表中印有其中一列时，本说法不是这张表的写法，在 any 中不计入。/ This way of adding is for layouts that print none of these columns; where the table prints one, it is another layout, left out of an any.',
      },
      besides: {
        type: 'array',
        items: { type: 'string' },
        description:
          '不是组成部分的金额列（合计、小计、备忘列）。给出时，该行其余不在 columns、optional、besides 中的金额列若有非零数字，说明合计还有未知的组成部分，求和不可用（规则不适用），而不是报告不符。/ Amount columns that are not parts (the total, subtotals, memo columns). When given, a non-zero amount in any other column makes the sum unavailable: the total has a part the rule does not know.',
      },
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
    const ids = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
    const printed = new Set(table.columns.map((column) => column.id));
    const other = ids(params.without).find((id) => printed.has(id));
    if (other !== undefined) return notInLayout(`${table.name} 印有 ${other} 列，不是这种表式`, `${table.pointer}/columns`);
    const columns = [...ids(params.columns), ...ids(params.optional).filter((id) => printed.has(id))];
    const parts: Quantity[] = [];
    for (const column of columns) {
      const value = scope.context.cell(table, row, column);
      if (isUnavailable(value)) return value;
      parts.push(value);
    }
    if (Array.isArray(params.besides)) {
      const known = new Set([...columns, ...ids(params.optional), ...ids(params.besides)]);
      for (const column of table.columns) {
        if (column.type === 'text' || known.has(column.id)) continue;
        const value = scope.context.cell(table, row, column.id);
        if (!isUnavailable(value) && !value.value.isZero()) {
          return missing(`${table.name}“${row.name}”行的“${column.header}”列有数，不在本规则相加的列中，无法确定合计由哪些列组成`, `${row.pointer}/values/${column.id}`);
        }
      }
    }
    return sumQuantities(parts, table.unit ?? '元', row.pointer);
  },
};
