/**
 * Mutation test of the rule pack: inject one realistic defect of each class a reviewer checks into
 * the published sample, and require a finding the clean sample does not have, from the rule that
 * covers that class. A defect the pack misses fails this test, so gaps cannot hide behind the
 * sample's own (already known) findings.
 */
import { type Operation } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/src/index.js';
import { departmentBudgetPack, patched, sampleDocument } from './helpers/fixtures.js';

interface Mutation {
  /** The class of defect (the list). */
  readonly defect: string;
  /** The rule that must report it. */
  readonly rule: string;
  /** The injected defect. */
  readonly patch: readonly Operation[];
}

/** Replaces a narrative figure's value and the sentence that states it. */
const figure = (section: number, index: number, value: string, text: string, field = 'value'): Operation[] => [
  { op: 'replace', path: `/narrative/sections/${section}/figures/${index}/${field}`, value },
  { op: 'replace', path: `/narrative/sections/${section}/figures/${index}/text`, value: text },
];

/** Appends a copy of a performance-target table with some fields changed. */
const copyOfTable = (index: number, fields: Readonly<Record<string, string>>): Operation[] => [
  { op: 'copy', from: `/performance/${index}`, path: '/performance/-' },
  ...Object.entries(fields).map(([field, value]): Operation => ({ op: 'replace', path: `/performance/20/${field}`, value })),
];

const MUTATIONS: readonly Mutation[] = [
  // structure and completeness
  { defect: '缺少“三公”经费表', rule: 'required-tables-present', patch: [{ op: 'remove', path: '/tables/threePublicExpenses' }] },
  // empty-table notes: missing, contradicting data
  { defect: '空表没有说明', rule: 'empty-table-marked', patch: [{ op: 'remove', path: '/tables/governmentFundIncome/note' }] },
  { defect: '“三公”经费表既无数据也无说明', rule: 'three-public-filled-or-marked', patch: [{ op: 'remove', path: '/tables/threePublicExpenses/note' }] },
  { defect: '注明“本表无数据”的表填了数', rule: 'marked-empty-table-has-no-data', patch: [{ op: 'add', path: '/tables/governmentFundIncome/rows/0/values/amount', value: '12.00' }] },
  // arithmetic within tables
  { defect: '支出总表一行 基本 + 项目 ≠ 合计', rule: 'expenditure-rows-basic-plus-project', patch: [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '11.56' }] },
  { defect: '经济分类款之和 ≠ 类', rule: 'code-hierarchy-adds-up', patch: [{ op: 'replace', path: '/tables/basicExpenditureByEconomicClass/rows/2/values/total', value: '6.13' }] },
  { defect: '收支总表不平衡', rule: 'summary-table-balances', patch: [{ op: 'replace', path: '/tables/incomeExpenditureSummary/rows/40/values/total', value: '3011.64' }] },
  { defect: '项目支出表资金来源之和 ≠ 合计', rule: 'project-table-funds-add-up', patch: [{ op: 'replace', path: '/tables/projectExpenditure/rows/7/values/generalBudget', value: '702.10' }] },
  // cross-table identities
  { defect: '收入总表合计与收支总表、支出总表不一致', rule: 'summary-totals-agree', patch: [{ op: 'replace', path: '/tables/incomeSummary/rows/0/values/total', value: '3101.46' }] },
  {
    defect: '基本支出与经济分类表合计不一致',
    rule: 'basic-expenditure-matches-economic-class',
    patch: [{ op: 'replace', path: '/tables/basicExpenditureByEconomicClass/rows/0/values/total', value: '11.64' }],
  },
  {
    defect: '支出总表项目支出与项目支出表不一致',
    rule: 'project-expenditure-matches-project-tables',
    patch: [{ op: 'replace', path: '/tables/projectExpenditure/rows/0/values/total', value: '2999.00' }],
  },
  // narrative figures against tables: totals, parts
  { defect: '情况说明收入总数与报表不一致', rule: 'narrative-income-total-matches', patch: figure(1, 0, '3101.46', '2025年度山西转型综合改革示范区行政审批局预算收入3101.46万元') },
  { defect: '情况说明基本支出与报表不一致', rule: 'narrative-basic-expenditure-matches', patch: figure(2, 1, '11.64', '基本支出11.64万元，占0.38%') },
  { defect: '情况说明公用经费与报表不一致', rule: 'narrative-public-costs-match', patch: figure(5, 2, '12.46', '公用经费12.46万元') },
  // shares
  { defect: '占比与计算值不符', rule: 'share-matches-computed', patch: figure(2, 2, '0.48', '基本支出11.46万元，占0.48%') },
  { defect: '各部分占比之和不为 100%', rule: 'shares-sum-to-100', patch: figure(2, 4, '99.72', '项目支出3000万元，占99.72%') },
  // year-on-year: percent against the amount, direction words
  { defect: '增减幅度与增减额不符', rule: 'change-percent-matches-amount', patch: figure(0, 3, '16.22', '比上年减少488.54万元，下降16.22%', 'percent') },
  { defect: '增减方向词自相矛盾', rule: 'change-direction-words-agree', patch: figure(4, 1, 'increase', '比上年减少488.54万元，增长13.96%', 'percentDirection') },
  // procurement
  { defect: '政府采购货物、工程、服务之和 ≠ 总额', rule: 'procurement-parts-add-up', patch: figure(8, 1, '70.00', '政府采购货物预算70.00万元') },
  // performance-target tables
  {
    defect: '绩效目标表年度资金超过实施期',
    rule: 'performance-annual-funds-within-whole',
    patch: [
      { op: 'replace', path: '/performance/6/funds/annual/total', value: '10300000' },
      { op: 'replace', path: '/performance/6/funds/annual/local', value: '10300000' },
    ],
  },
  { defect: '绩效目标表资金来源之和 ≠ 总额', rule: 'performance-annual-sources-add-up', patch: [{ op: 'replace', path: '/performance/5/funds/annual/local', value: '203000' }] },
  { defect: '绩效目标表缺立项依据', rule: 'performance-required-fields-present', patch: [{ op: 'remove', path: '/performance/9/basis' }] },
  { defect: '绩效目标表缺年度总体目标', rule: 'performance-annual-goal-present', patch: [{ op: 'remove', path: '/performance/1/goals/annual' }] },
  {
    defect: '未安排年度资金的项目列有指标',
    rule: 'performance-zero-funds-no-targets',
    patch: [
      { op: 'replace', path: '/performance/3/funds/annual/total', value: '0' },
      { op: 'replace', path: '/performance/3/funds/annual/local', value: '0' },
    ],
  },
  { defect: '指标值留有“XX月XX日”占位', rule: 'performance-no-placeholders', patch: [{ op: 'replace', path: '/performance/1/indicators/0/value', value: '2025年XX月XX日前' }] },
  {
    defect: '合格率的指标值“≥100%”',
    rule: 'performance-no-degenerate-ratio-targets',
    patch: [{ op: 'replace', path: '/performance/1/indicators/1', value: { period: 'whole', level1: '产出指标', level2: '质量指标', level3: '验收合格率', value: '≥100%' } }],
  },
  { defect: '指标值“≥0%”', rule: 'performance-no-zero-targets', patch: [{ op: 'replace', path: '/performance/1/indicators/1/value', value: '≥0%' }] },
  { defect: '绩效目标表属于其他部门', rule: 'performance-table-belongs-to-department', patch: copyOfTable(3, { department: '999-其他部门', implementingUnit: '其他部门' }) },
  { defect: '绩效目标表的项目不在项目支出表中', rule: 'performance-project-in-project-table', patch: copyOfTable(3, { project: '不存在的项目' }) },
  {
    defect: '项目支出表中的项目没有绩效目标表',
    rule: 'project-has-performance-table',
    patch: [{ op: 'add', path: '/tables/projectExpenditure/rows/-', value: { level: 3, name: '新增项目', values: { total: '1.00', generalBudget: '1.00' } } }],
  },
  { defect: '绩效目标表年度资金与项目支出表不符', rule: 'performance-funds-match-project-table', patch: [{ op: 'replace', path: '/performance/6/project', value: '培训经费' }] },
  { defect: '绩效指标缺满意度指标', rule: 'performance-indicator-levels-present', patch: [{ op: 'replace', path: '/performance/0/indicators/6/level1', value: '效益指标' }] },
  { defect: '绩效指标中的日期早于预算年度', rule: 'performance-dates-not-before-year', patch: [{ op: 'replace', path: '/performance/1/indicators/0/value', value: '2024年12月31日前' }] },
  // narrative: subject amounts, project count and amount
  { defect: '情况说明中科目金额与一般公共预算支出表不符', rule: 'narrative-functional-class-amounts-match', patch: figure(4, 3, '3001.46', '一般公共服务支出3,001.46万元') },
  { defect: '绩效管理项目个数与项目支出表不符', rule: 'performance-project-count-matches', patch: figure(9, 0, '12', '2025年度我单位实行绩效管理项目12个') },
  { defect: '公开项目金额与项目支出表不符', rule: 'performance-amount-matches-project-table', patch: figure(9, 10, '2900.00', '涉及项目金额2,900.00万元') },
  // empty-table notes naming the wrong fund; cross-table bounds; vehicles; table titles
  {
    defect: '国有资本经营预算表的空表说明写的是政府性基金',
    rule: 'state-capital-note-names-own-fund',
    patch: [{ op: 'replace', path: '/tables/stateCapital/note', value: '注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。' }],
  },
  {
    defect: '“三公”经费公务接待费少于经济分类中的公务接待费',
    rule: 'three-public-covers-economic-lines',
    patch: [{ op: 'add', path: '/tables/basicExpenditureByEconomicClass/rows/-', value: { name: '公务接待费', values: { governmentEconomicClass: '商品和服务支出', total: '1.00', public: '1.00' } } }],
  },
  { defect: '机关运行经费超过公用经费', rule: 'agency-costs-within-public-costs', patch: [{ op: 'add', path: '/tables/agencyOperatingCosts/rows/0/values/total', value: '15.00' }] },
  { defect: '没有公务用车却安排了运行维护费', rule: 'vehicle-costs-without-vehicles-explained', patch: [{ op: 'add', path: '/tables/threePublicExpenses/rows/4/values/total', value: '32.20' }] },
  { defect: '报表标题的年度写错', rule: 'table-titles-name-year', patch: [{ op: 'replace', path: '/tables/expenditureSummary/title', value: '2024年预算支出总表' }] },
  // structure: parts, explanations, 项 and 款 levels, codes, subjects across tables
  { defect: '缺名词解释', rule: 'required-parts-present', patch: [{ op: 'replace', path: '/sections/glossary', value: [] }] },
  { defect: '情况说明缺机关运行经费一节', rule: 'required-explanations-present', patch: [{ op: 'remove', path: '/narrative/sections/7' }] },
  {
    defect: '支出总表只列到款',
    rule: 'functional-tables-show-items',
    patch: [
      { op: 'remove', path: '/tables/expenditureSummary/rows/4' },
      { op: 'remove', path: '/tables/expenditureSummary/rows/3' },
    ],
  },
  { defect: '项的编码错位、上级款不存在', rule: 'codes-have-parents', patch: [{ op: 'replace', path: '/tables/expenditureSummary/rows/3/code', value: '2010402' }] },
  {
    defect: '一般公共预算支出表的科目不在支出总表中',
    rule: 'general-budget-rows-in-expenditure-summary',
    patch: [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/code', value: '2010399' }],
  },
  { defect: '政府性基金表为空而总表中有政府性基金收入', rule: 'empty-fund-table-agrees', patch: [{ op: 'add', path: '/tables/incomeExpenditureSummary/rows/1/values/amount', value: '50.00' }] },
  { defect: '“三公”经费写了增减而不说明原因', rule: 'three-public-changes-explained', patch: [{ op: 'replace', path: '/narrative/sections/6/text', value: '“三公”经费预算比上年减少1.00万元。' }] },
  { defect: '同一项目附了两张绩效目标表', rule: 'performance-tables-not-duplicated', patch: [{ op: 'replace', path: '/performance/4/project', value: '委托业务经费' }] },
  { defect: '报表编号错位', rule: 'table-labels-in-order', patch: [{ op: 'replace', path: '/tables/incomeSummary/label', value: '预算公开表3' }] },
  { defect: '满意度指标值超过 100%', rule: 'satisfaction-targets-are-percentages', patch: [{ op: 'replace', path: '/performance/0/indicators/6/value', value: '≥120%' }] },
  { defect: '数量指标写“完成”', rule: 'quantity-indicators-are-quantified', patch: [{ op: 'replace', path: '/performance/0/indicators/0/value', value: '完成' }] },
  // the rest: non-public material, text quality
  { defect: '公开了“此件不予公开”的材料', rule: 'no-non-public-material', patch: [{ op: 'replace', path: '/narrative/sections/7/text', value: '行政审批局无机关运行经费。（此件不予公开）' }] },
  { defect: '叠词', rule: 'no-doubled-words', patch: [{ op: 'replace', path: '/narrative/sections/6/text', value: '本部门无“三公”经费经费预算。' }] },
  { defect: '原因空着：“主要原因是。”', rule: 'no-empty-reasons', patch: [{ op: 'replace', path: '/narrative/sections/6/text', value: '“三公”经费比上年减少1.00万元，主要原因是。' }] },
];

const key = (finding: { ruleId: string; path: string }) => `${finding.ruleId} ${finding.path}`;

describe('mutation test: each injected defect is found', async () => {
  const clean = new Set((await evaluate(departmentBudgetPack(), sampleDocument())).findings.map(key));

  it('covers at least 20 defects, each by a rule of the pack', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(20);
    const ids = new Set(departmentBudgetPack().rules.map((rule) => rule.definition.id));
    expect(MUTATIONS.map((mutation) => mutation.rule).filter((rule) => !ids.has(rule))).toEqual([]);
  });

  it.each(MUTATIONS)('$defect → $rule', async ({ rule, patch }) => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), patch));
    const fresh = report.findings.filter((finding) => !clean.has(key(finding)));
    expect(fresh.map((finding) => finding.ruleId)).toContain(rule);
    // Each finding says what, where, by how much and under which rule.
    for (const finding of fresh.filter((candidate) => candidate.ruleId === rule)) {
      expect(finding.message.length).toBeGreaterThan(0);
      expect(finding.path).toMatch(/^\//);
      expect(finding.basis?.length ?? 0).toBeGreaterThan(0);
    }
  });
});
