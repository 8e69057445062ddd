import { isUnavailable } from '../document/unavailable.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { hasData } from './tableHasData.js';
import { type FactDefinition } from './types.js';

/** Phrases that declare a table empty by themselves (本表无数据, 故本表为空表, 本表本年无发生额). */
const EMPTY_PHRASE = /本表无数据|本表(?:数据)?为空|为空表|无发生额/;
/** Notes that say what an empty table would mean (此表如无数字则表示单位无该项支出): they mark the table empty only when it is. */
const CONDITIONAL_NOTE = /如无数[字据]|空表表示|如为空表/;
/** Words of a clause saying there is none (本部门无…, 没有使用…安排的支出); 无论 is not one. */
const NONE = /没有|无(?!论)/;
/** A table's whole subject: a clause saying there is none of it declares the table empty. */
const WHOLE_SUBJECT = /“?三公”?经费|政府性?基金|国有资本经营|机关运行经费|上年结转|项目支出|财政拨款/;
/** One item of a table (因公出国（境）费, 会议费…): a clause about it is not about the whole table. */
const ONE_ITEM = /因公出国|公务接待|公务用车|购置费|运行(?:维护)?费|会议费|培训费/;

/**
 * Whether a note declares a whole table empty: 本表无数据, (故)本表为空表, 本表本年无发生额, or a
 * clause saying there is no such money at all, the table's whole subject after 无/没有 (本部门无
 * “三公”经费, 2026年没有使用政府性基金预算拨款安排的支出). A note about single items
 * ("本部门无因公出国（境）费") does not. Linear in the note's length.
 * @param note The table's note.
 */
export function isEmptyNote(note: string): boolean {
  if (EMPTY_PHRASE.test(note)) return true;
  return note.split(/[。；;，,]/).some((clause) => {
    const none = NONE.exec(clause);
    if (none === null) return false;
    const after = clause.slice(none.index);
    return WHOLE_SUBJECT.test(after) && !ONE_ITEM.test(after);
  });
}

/** Whether the table's note says it is empty. */
export const tableMarkedEmpty: FactDefinition = {
  name: 'tableMarkedEmpty',
  description: {
    'zh-CN': '报表的表注是否声明本表为空，如“注：本表无数据”“故本表为空表”“本表本年无发生额”“本部门无……”；“此表如无数字则表示……”这样的条件说明只在表中确实没有数据时算作声明为空。',
    en: 'Whether the table note declares it empty, e.g. 注：本表无数据, 故本表为空表, 本表本年无发生额, 本部门无…; a conditional note (此表如无数字则表示…) counts only when the table indeed has no data.',
  },
  returns: 'boolean',
  scoped: ['table'],
  params: { type: 'object', additionalProperties: false, properties: { table: TABLE_PARAM } },
  example: { fact: 'tableMarkedEmpty', params: { table: 'threePublicExpenses' }, operator: 'equal', value: true },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    if (table.note === undefined) return false;
    if (isEmptyNote(table.note)) return true;
    if (!CONDITIONAL_NOTE.test(table.note)) return false;
    const data = hasData(table, scope.context);
    return isUnavailable(data) ? data : !data;
  },
};
