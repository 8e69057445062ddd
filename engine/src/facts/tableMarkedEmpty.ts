import { isUnavailable } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

/**
 * Notes that declare a whole table empty: 本表无数据, (故)本表为空表, or 本部门（单位）无 + the
 * table's whole subject (“三公”经费, 政府性基金, 国有资本经营, 机关运行经费, 上年结转, 项目支出).
 * A note about single items ("本部门无因公出国（境）费") does not declare the table empty.
 */
export const EMPTY_NOTE = /本表无数据|本表(数据)?为空|为空表|本(部门|单位)[^。；]*?(没有|无)[^。；]*?(“三公”经费|三公经费|政府性基金|国有资本经营|机关运行经费|上年结转|项目支出)/;

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
