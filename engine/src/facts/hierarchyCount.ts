import { childRows, parentRow } from '../document/selectors.js';
import { isUnavailable } from '../document/unavailable.js';
import { countQuantity } from '../money/quantity.js';
import { ROW_PARAM, TABLE_PARAM, resolveRow, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/**
 * A row's place in the classification hierarchy, counted: how many direct children it has (a 类
 * its 款, a 款 its 项), or whether its parent row is there (1 or 0). For "the tables show 项级
 * rows" and "every 项 sits under a 款 that is printed".
 */
export const hierarchyCount: FactDefinition = {
  name: 'hierarchyCount',
  description: {
    'zh-CN':
      '某行在科目层级中的位置（计数）：relation 为 children 时是直接下级行的个数（类的款、款的项；无编码时按 level），为 parent 时是上级行是否列出（1 或 0；项的上级为款，款的上级为类，类的上级为合计行）。',
    en: "A row's place in the code hierarchy, counted: with relation children, the number of its direct children (a 类's 款, a 款's 项; by level without codes); with parent, whether its parent row is printed (1 or 0).",
  },
  returns: 'quantity',
  scoped: ['table', 'row'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['relation'],
    properties: {
      relation: { enum: ['children', 'parent'], description: 'children：下级行个数；parent：上级行是否列出。/ Count children, or whether the parent is printed.' },
      table: TABLE_PARAM,
      row: ROW_PARAM,
    },
  },
  example: { fact: 'hierarchyCount', params: { relation: 'children' }, operator: 'decimalGreaterThanInclusive', value: '1' },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const row = resolveRow(table, params, scope);
    if (isUnavailable(row)) return row;
    const counted = params.relation === 'parent' ? (parentRow(table, row) === undefined ? 0 : 1) : childRows(table, row).length;
    return countQuantity(counted, row.pointer);
  },
};
