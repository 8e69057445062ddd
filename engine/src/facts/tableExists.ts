import { isUnavailable, missing } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** Whether the document has the table. */
export const tableExists: FactDefinition = {
  name: 'tableExists',
  description: {
    'zh-CN':
      '文档是否包含该报表（不论有无数据）。已印出而导入时未能读取的表（meta.printedTables 中以 kind 记为该表）也算包含。orPrinted 列出可以代替它的其他报表种类（导入时在 meta.printedTables 中记为 kind，如 basicExpenditure 基本支出总表）：印了其中任一种也算包含。文档印有导入时未能识别的报表（kind 为 unknown），或另一张被读作已有报表的表时，找不到的表不能断定缺少：此时无法取值（规则不适用）。',
    en: 'Whether the document has the table, with or without data. A table printed but not read on import (listed in meta.printedTables with that kind) counts. orPrinted lists other kinds of printed table that stand in for it (recorded as `kind` in meta.printedTables on import, e.g. basicExpenditure for a 基本支出总表): printing any of them counts too. When the document prints a table the importer could not name (kind `unknown`), or a second table read as one the document already has, a table not found is not known to be missing: the fact is unavailable.',
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
    const printed = scope.context.printedTables() ?? [];
    if (printed.some((table) => table.kind !== undefined && kinds.includes(table.kind))) return true;
    // A printed table the importer could not name, or took for a table the document already has
    // (a second 收支总表: its title a variant the vocabulary reads as another table), may be this
    // one: the table is not known to be missing.
    const named = (table: (typeof printed)[number]) => [table.label, table.title === undefined ? undefined : `《${table.title}》`].filter(Boolean).join('');
    const unknown = printed.find((table) => table.kind === 'unknown');
    if (unknown !== undefined) return missing(`文档印有未能识别的报表（${named(unknown)}），无法确定是否缺少该表`, '/meta/printedTables');
    const second = printed.find((table) => table.kind !== undefined && table.role === undefined && scope.context.hasTable(table.kind));
    if (second !== undefined) return missing(`文档印有另一张被读作已有报表的表（${named(second)}），它可能就是该表，无法确定是否缺少`, '/meta/printedTables');
    return false;
  },
};
