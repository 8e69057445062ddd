import { isUnavailable } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/** Notes that declare a table empty: 本表无数据, 本表为空表, 本部门无…. */
export const EMPTY_NOTE = /本表无数据|为空表|空表|无数据|本(部门|单位)[^。；]*无/;

/** Whether the table's note says it is empty. */
export const tableMarkedEmpty: FactDefinition = {
  name: 'tableMarkedEmpty',
  description: {
    'zh-CN': '报表的表注是否声明本表为空，如“注：本表无数据”“故本表为空表”“本部门无……”。',
    en: 'Whether the table note declares it empty, e.g. 注：本表无数据, 故本表为空表, 本部门无….',
  },
  returns: 'boolean',
  scoped: ['table'],
  params: { type: 'object', additionalProperties: false, properties: { table: TABLE_PARAM } },
  example: { fact: 'tableMarkedEmpty', params: { table: 'threePublicExpenses' }, operator: 'equal', value: true },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    return table.note !== undefined && EMPTY_NOTE.test(table.note);
  },
};
