import { isUnavailable } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** Whether the document has the table. */
export const tableExists: FactDefinition = {
  name: 'tableExists',
  description: {
    'zh-CN': '文档是否包含该报表（不论有无数据）。',
    en: 'Whether the document has the table, with or without data.',
  },
  returns: 'boolean',
  scoped: ['table'],
  params: { type: 'object', additionalProperties: false, properties: { table: TABLE_PARAM } },
  example: { fact: 'tableExists', params: { table: 'threePublicExpenses' }, operator: 'equal', value: true },
  calculate(params, scope) {
    // A printed table whose values the importer doubted still exists.
    const role = typeof params.table === 'string' ? params.table : scope.binding.table;
    return role !== undefined ? scope.context.hasTable(role) : !isUnavailable(resolveTable(params, scope));
  },
};
