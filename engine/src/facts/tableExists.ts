import { isUnavailable } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** Whether the document has the table. */
export const tableExists: FactDefinition = {
  name: 'tableExists',
  description: {
    'zh-CN':
      '文档是否包含该报表（不论有无数据）。已印出而导入时未能读取的表（meta.printedTables 中以 kind 记为该表）也算包含。orPrinted 列出可以代替它的其他报表种类（导入时在 meta.printedTables 中记为 kind，如 basicExpenditure 基本支出总表）：印了其中任一种也算包含。',
    en: 'Whether the document has the table, with or without data. A table printed but not read on import (listed in meta.printedTables with that kind) counts. orPrinted lists other kinds of printed table that stand in for it (recorded as `kind` in meta.printedTables on import, e.g. basicExpenditure for a 基本支出总表): printing any of them counts too.',
  },
  returns: 'boolean',
  scoped: ['table'],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      table: TABLE_PARAM,
      orPrinted: {
        type: 'array',
        items: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
        minItems: 1,
        description: '可以代替该表的印刷报表种类（meta.printedTables 的 kind）。/ Printed table kinds that stand in for it.',
      },
    },
  },
  example: { fact: 'tableExists', params: { table: 'threePublicExpenses' }, operator: 'equal', value: true },
  calculate(params, scope) {
    // A printed table whose values the importer doubted still exists.
    const role = typeof params.table === 'string' ? params.table : scope.binding.table;
    const exists = role !== undefined ? scope.context.hasTable(role) : !isUnavailable(resolveTable(params, scope));
    if (exists) return true;
    // Printed, though not read (the importer lists it with its kind): the table is there.
    const kinds = [...(role !== undefined ? [role] : []), ...(Array.isArray(params.orPrinted) ? (params.orPrinted as readonly string[]) : [])];
    return (scope.context.printedTables() ?? []).some((table) => table.kind !== undefined && kinds.includes(table.kind));
  },
};
