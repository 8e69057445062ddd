/**
 * New rules from templates, for staff who start from a familiar kind of check rather than from
 * JSON: each template gives a complete, valid rule on the sample disclosure's tables, with its own
 * cases (the sample as it is, which passes, and a small patch of it, which the rule reports), so
 * the new rule runs and its cases can be run at once. The rule is then edited in the form.
 */
import { type UiLanguage } from '../state/shareState.js';
import { freeId } from './ruleText.js';

/** A template offered by the "new rule" button. */
export interface RuleTemplate {
  /** Stable id (the test hook). */
  readonly id: string;
  /** Its name, by language. */
  readonly name: Readonly<Record<UiLanguage, string>>;
  /** The id the new rule takes (with -2, -3… when taken). */
  readonly ruleId: string;
  /** The rule, without its id and cases. */
  readonly rule: Readonly<Record<string, unknown>>;
  /** The failing case: its name and patch of the sample, and where the rule must report. */
  readonly failing: { readonly name: string; readonly patch: readonly unknown[]; readonly findings: readonly string[] };
}

/** Where the cases' base document is, relative to the pack's folder (rules/department-budget). */
export const SAMPLE_BASE = '../../examples/budget-2025-shenpiju.json';

const BASIS = ['《中华人民共和国预算法》第十四条', '《地方预决算公开操作规程》（财预〔2016〕143号）第四条：内容准确，形式规范'];

/** The templates, in the order offered. */
export const TEMPLATES: readonly RuleTemplate[] = [
  {
    id: 'two-numbers-equal',
    name: { 'zh-CN': '两个数相等', en: 'Two numbers are equal' },
    ruleId: 'new-two-numbers-equal',
    rule: {
      title: { 'zh-CN': '支出总表合计 = 一般公共预算支出表合计', en: 'Expenditure summary total = general-budget expenditure total' },
      message: { 'zh-CN': '支出总表合计 {actual} 与一般公共预算支出表合计 {expected} 不相等（差 {difference}）', en: 'Expenditure total {actual} differs from the general-budget total {expected} (difference {difference})' },
      severity: 'error',
      basis: BASIS,
      tags: ['arithmetic'],
      conditions: {
        all: [
          {
            fact: 'cell',
            params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' },
            operator: 'decimalEqual',
            value: { fact: 'cell', params: { table: 'generalBudgetExpenditure', row: { key: 'total' }, column: 'total' } },
          },
        ],
      },
    },
    failing: {
      name: '支出总表合计改为 3011.56，与一般公共预算支出表合计 3011.46 不等',
      patch: [{ op: 'replace', path: '/tables/expenditureSummary/rows/0/values/total', value: '3011.56' }],
      findings: ['/tables/expenditureSummary/rows/0/values/total'],
    },
  },
  {
    id: 'total-equals-rows',
    name: { 'zh-CN': '合计等于各行之和', en: 'A total equals the sum of its rows' },
    ruleId: 'new-total-equals-rows',
    rule: {
      title: { 'zh-CN': '基本支出经济分类表：合计 = 各明细行之和', en: 'Basic expenditure by economic class: total = its detail rows' },
      message: { 'zh-CN': '{table}（{column}）合计 {actual} 与各明细行之和 {expected} 不符（差 {difference}）', en: '{table} ({column}): total {actual} differs from its rows {expected} (difference {difference})' },
      severity: 'error',
      basis: BASIS,
      tags: ['arithmetic'],
      scope: { each: 'column', tables: ['basicExpenditureByEconomicClass'], columns: ['total', 'personnel', 'public'] },
      conditions: {
        all: [{ fact: 'cell', params: { row: { key: 'total' } }, operator: 'roundedEqual', value: { fact: 'columnSum', params: { rows: { level: 2 } } } }],
      },
    },
    failing: {
      name: '印刷费改为 1.30：明细之和 11.56，合计仍为 11.46',
      patch: [
        { op: 'replace', path: '/tables/basicExpenditureByEconomicClass/rows/3/values/total', value: '1.30' },
        { op: 'replace', path: '/tables/basicExpenditureByEconomicClass/rows/3/values/public', value: '1.30' },
      ],
      // A column scope reports at the column.
      findings: ['/tables/basicExpenditureByEconomicClass/columns/1', '/tables/basicExpenditureByEconomicClass/columns/3'],
    },
  },
  {
    id: 'table-filled-or-marked',
    name: { 'zh-CN': '表格必须填写或注明无数据', en: 'A table is filled or marked empty' },
    ruleId: 'new-table-filled-or-marked',
    rule: {
      title: { 'zh-CN': '机关运行经费表应填列数据，或注明“本表无数据”', en: 'The agency operating costs table is filled or marked empty' },
      message: { 'zh-CN': '{table}既没有数据，也没有注明“本表无数据”', en: '{table} has neither data nor an empty-table note' },
      severity: 'error',
      basis: ['《地方预决算公开操作规程》（财预〔2016〕143号）第三条：不得少公开，保证公开内容全面、真实、完整'],
      tags: ['empty-table'],
      scope: { each: 'table', tables: ['agencyOperatingCosts'] },
      conditions: {
        any: [
          { fact: 'tableHasData', operator: 'equal', value: true },
          { fact: 'tableMarkedEmpty', operator: 'equal', value: true },
        ],
      },
      path: '/tables/{table}/note',
    },
    failing: {
      name: '删去表注“注：本表无数据”：既无数据也无说明',
      patch: [{ op: 'remove', path: '/tables/agencyOperatingCosts/note' }],
      findings: ['/tables/agencyOperatingCosts/note'],
    },
  },
  {
    id: 'narrative-matches-table',
    name: { 'zh-CN': '说明数字与报表一致', en: 'A narrative figure matches its table' },
    ruleId: 'new-narrative-matches-table',
    rule: {
      title: { 'zh-CN': '情况说明中的基本支出 = 支出总表的基本支出合计', en: 'Narrative basic expenditure = the expenditure summary' },
      message: { 'zh-CN': '情况说明“{figure}”中的基本支出 {actual}，与支出总表中的 {expected} 不一致（差 {difference}）', en: 'Narrative "{figure}": basic expenditure {actual} differs from the table\'s {expected} (difference {difference})' },
      severity: 'error',
      basis: BASIS,
      tags: ['narrative'],
      scope: { each: 'figure', figures: { key: 'basicExpenditure', kind: 'amount' } },
      conditions: {
        all: [{ fact: 'figure', operator: 'roundedEqual', value: { fact: 'cell', params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'basic' } } }],
      },
    },
    failing: {
      name: '情况说明写基本支出 12.46 万元，支出总表为 11.46',
      patch: [{ op: 'replace', path: '/narrative/sections/2/figures/1/value', value: '12.46' }],
      findings: ['/narrative/sections/2/figures/1/value'],
    },
  },
];

/**
 * A new rule from a template: its id (free among the rules), the template's rule and its cases.
 * @param template The template.
 * @param taken Rule ids in use.
 */
export function ruleFromTemplate(template: RuleTemplate, taken: ReadonlySet<string>): Record<string, unknown> {
  const id = freeId(template.ruleId, taken);
  return {
    id,
    ...template.rule,
    cases: {
      rule: id,
      description: `“${template.name['zh-CN']}”模板的用例：样本不应报告问题，改动后的样本应报告问题。`,
      base: SAMPLE_BASE,
      cases: [
        { name: '样本：不应报告问题', findings: [] },
        { name: template.failing.name, patch: template.failing.patch, findings: template.failing.findings },
      ],
    },
  };
}
