/**
 * The examples: the sample reports exactly its catalogued defects, each defect variant those plus its own
 * (so the examples picker and the README never drift from what the engine says).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack } from './helpers/fixtures.js';

/**
 * The published sample's real defects that the pack finds so far (rule-catalogue.json: A13 the page
 * marked 此件不予公开, E14/G11 doubled words, G05 zero-funded tables with targets, G06 tables without
 * an annual goal, G08 a placeholder date, G09 ≥100% targets, G10 ≥0% targets); its arithmetic is right, so nothing else.
 */
const EMPTY_NOTES = ['agencyOperatingCosts', 'governmentFundExpenditure', 'governmentFundIncome', 'projectExpenditureCarriedOver', 'stateCapital', 'threePublicExpenses'];
const PERFORMANCE_TABLES = Array.from({ length: 20 }, (_, index) => index);

const SAMPLE_DEFECTS: readonly string[] = [
  'no-doubled-words /performance/0/indicators/4/value',
  'no-doubled-words /performance/0/indicators/5/value',
  'no-doubled-words /performance/10/indicators/3/value',
  'no-doubled-words /performance/10/indicators/8/value',
  'no-doubled-words /performance/15/indicators/2/value',
  'no-doubled-words /performance/15/indicators/3/value',
  'no-doubled-words /performance/8/indicators/3/value',
  'no-doubled-words /tables/projectExpenditure/rows/2/name',
  'no-non-public-material /sections/other/0/text',
  'performance-annual-goal-present /performance/0',
  'performance-annual-goal-present /performance/11',
  'performance-annual-goal-present /performance/13',
  'performance-annual-goal-present /performance/15',
  'performance-annual-goal-present /performance/4',
  'performance-annual-goal-present /performance/8',
  'performance-no-degenerate-ratio-targets /performance/0/indicators/1/value',
  'performance-no-degenerate-ratio-targets /performance/0/indicators/2/value',
  'performance-no-degenerate-ratio-targets /performance/0/indicators/6/value',
  'performance-no-degenerate-ratio-targets /performance/10/indicators/2/value',
  'performance-no-degenerate-ratio-targets /performance/10/indicators/7/value',
  'performance-no-degenerate-ratio-targets /performance/11/indicators/11/value',
  'performance-no-degenerate-ratio-targets /performance/11/indicators/12/value',
  'performance-no-degenerate-ratio-targets /performance/11/indicators/13/value',
  'performance-no-degenerate-ratio-targets /performance/11/indicators/6/value',
  'performance-no-degenerate-ratio-targets /performance/15/indicators/1/value',
  'performance-no-placeholders /performance/0/indicators/3/value',
  'performance-zero-funds-no-targets /performance/0/funds/annual/total',
  'performance-zero-funds-no-targets /performance/11/funds/annual/total',
  'performance-zero-funds-no-targets /performance/15/funds/annual/total',
  'performance-zero-funds-no-targets /performance/4/funds/annual/total',
  'performance-zero-funds-no-targets /performance/8/funds/annual/total',
  'performance-no-zero-targets /performance/1/indicators/4/value',
  'performance-no-zero-targets /performance/12/indicators/11/value',
  'performance-no-zero-targets /performance/12/indicators/3/value',
  'performance-no-zero-targets /performance/13/indicators/3/value',
  'performance-no-zero-targets /performance/14/indicators/14/value',
  'performance-no-zero-targets /performance/14/indicators/4/value',
  'performance-no-zero-targets /performance/16/indicators/18/value',
  'performance-no-zero-targets /performance/16/indicators/5/value',
  'performance-no-zero-targets /performance/17/indicators/16/value',
  'performance-no-zero-targets /performance/17/indicators/36/value',
  'performance-no-zero-targets /performance/19/indicators/13/value',
  'performance-no-zero-targets /performance/19/indicators/3/value',
  'performance-no-zero-targets /performance/2/indicators/10/value',
  'performance-no-zero-targets /performance/2/indicators/26/value',
  'performance-no-zero-targets /performance/5/indicators/17/value',
  'performance-no-zero-targets /performance/5/indicators/6/value',
  'performance-no-zero-targets /performance/6/indicators/18/value',
  'performance-no-zero-targets /performance/6/indicators/6/value',
  'performance-no-zero-targets /performance/7/indicators/11/value',
  'performance-no-zero-targets /performance/7/indicators/3/value',
  // Catalogue A06, A12, A14, E07, E09, E13, F03, H03, B05 (six bare "本表无数据" notes), D11, D12, D13, E06, E12, G01, G02, G03, G07, G09, G10, G12, G13, H01, H04 (info).
  'agency-costs-absence-explained /tables/agencyOperatingCosts/rows/0/values/total',
  'approval-page-names-department /sections/other/0/text',
  'glossary-fits-level /sections/glossary/2/definition',
  // Fifteen tables give their period as "99年"; two projects have two tables each.
  ...PERFORMANCE_TABLES.filter((index) => ![0, 4, 8, 11, 15].includes(index)).map((index) => `performance-period-plausible /performance/${index}/period`),
  ...[10, 11, 17, 18].map((index) => `performance-tables-not-duplicated /performance/${index}`),
  'unit-type-signals-agree /meta/department',
  // E13: nine of the eleven projects the narrative lists are not named as in the project table.
  ...[0, 1, 2, 3, 4, 5, 6, 7, 10].map((index) => `cited-projects-in-project-table /narrative/sections/9/projects/${index}`),
  // E09: the 三公 section states no change on last year; F03 (info): “占100.00%” beside “占0%”.
  'three-public-change-stated /narrative/sections',
  'share-formats-consistent /narrative/sections/1/figures/2',
  // H03: 1,046.30 万元 of services procurement, but “政府购买服务指导性目录：无”.
  'purchase-services-explained /sections/other',
  // E07: the narrative explains class 201 only, neither of its two 项.
  'general-budget-items-explained /tables/generalBudgetExpenditure/rows/3',
  'general-budget-items-explained /tables/generalBudgetExpenditure/rows/4',
  // A06: one table labelled “部门公开表9” among “预算公开表N”, five tables without a label.
  'table-labels-consistent /tables/stateCapital/label',
  ...['agencyOperatingCosts', 'fiscalAppropriationSummary', 'governmentFundExpenditure', 'projectExpenditure', 'projectExpenditureCarriedOver'].map((role) => `tables-labelled /tables/${role}/label`),
  // G09/G10: a satisfaction target without %, quantity indicators without a quantity.
  'satisfaction-targets-are-percentages /performance/15/indicators/4',
  'quantity-indicators-are-quantified /performance/4/indicators/0',
  'quantity-indicators-are-quantified /performance/4/indicators/1',
  'asset-equipment-categories /assets/equipment',
  'charts-have-data /narrative/sections/4/text',
  ...EMPTY_NOTES.map((role) => `empty-note-states-reason /tables/${role}/note`),
  'narrative-subject-names-match /narrative/sections/4/figures/3',
  'performance-dates-not-before-year /performance/0/indicators/3/value',
  'performance-dates-not-before-year /performance/8/indicators/2/value',
  'performance-funds-match-project-table /performance/3/funds/annual/total',
  'performance-funds-match-project-table /performance/5/funds/annual/total',
  // "政务中心运行经费" is printed as two tables: the first lacks 满意度指标, the second 产出指标.
  'performance-indicator-levels-present /performance/17',
  'performance-indicator-levels-present /performance/18',
  // Only tables 3 and 5 are for projects of the project table.
  ...PERFORMANCE_TABLES.filter((index) => index !== 3 && index !== 5).map((index) => `performance-project-in-project-table /performance/${index}`),
  'performance-published-count-matches-tables /narrative/sections/9/figures/9/value',
  // All 20 tables belong to the 政务服务中心, not to the 行政审批局.
  ...PERFORMANCE_TABLES.map((index) => `performance-table-belongs-to-department /performance/${index}`),
  'personnel-costs-absence-explained /tables/basicExpenditureByEconomicClass/rows/0/values/personnel',
  // Nine of the eleven projects have no table (rows 6 and 9 have one each).
  ...[2, 3, 4, 5, 7, 8, 10, 11, 12].map((row) => `project-has-performance-table /tables/projectExpenditure/rows/${row}`),
];

const expectations: Record<string, readonly string[]> = {
  'budget-2025-shenpiju.json': SAMPLE_DEFECTS,
  'budget-2025-shenpiju-defects-arithmetic.json': [
    ...SAMPLE_DEFECTS,
    'code-hierarchy-adds-up /tables/expenditureSummary/rows/2/values/basic',
    'expenditure-rows-basic-plus-project /tables/expenditureSummary/rows/4/values/total',
    'narrative-income-total-matches /narrative/sections/0/figures/0/value',
    'narrative-income-total-matches /narrative/sections/1/figures/0/value',
    'project-table-groups-add-up /tables/projectExpenditure/rows/1/values/generalBudget',
    'project-table-groups-add-up /tables/projectExpenditure/rows/1/values/total',
    'summary-grand-totals-add-up /tables/incomeExpenditureSummary/rows/7/values/amount',
    'summary-table-balances /tables/incomeExpenditureSummary/rows/7/values/amount',
    // The wrong 收入总计 also disagrees with the 收入总表 合计 (which includes any carry-over).
    'summary-totals-agree /tables/incomeExpenditureSummary/rows/7/values/amount',
  ],
  // The Shanghai document, imported: no defect found (its import notes are not part of the JSON).
  'shanghai-putuo-zhengfuban-2025-budget-imported.json': [],
  'budget-2025-shenpiju-defects-empty-and-narrative.json': [
    // Its 三公 and 政府性基金收入 tables lose their bare notes, and with them the notes' B05 findings.
    ...SAMPLE_DEFECTS.filter((finding) => finding !== 'empty-note-states-reason /tables/governmentFundIncome/note' && finding !== 'empty-note-states-reason /tables/threePublicExpenses/note'),
    'change-percent-matches-amount /narrative/sections/0/figures/3/percent',
    'empty-table-marked /tables/governmentFundIncome/note',
    'narrative-basic-expenditure-matches /narrative/sections/2/figures/1/value',
    'share-matches-computed /narrative/sections/2/figures/2/value',
    'three-public-filled-or-marked /tables/threePublicExpenses/note',
  ],
};

describe('examples', () => {
  for (const [file, expected] of Object.entries(expectations)) {
    it(`${file} reports exactly its known defects`, async () => {
      const document = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as unknown;
      const report = await evaluate(departmentBudgetPack(), document);
      expect(report.findings.map((finding) => `${finding.ruleId} ${finding.path}`).sort()).toEqual([...expected].sort());
      // The sample and its variants have errors; the Shanghai document has none.
      expect(report.valid).toBe(file.startsWith('shanghai'));
      expect(report.summary.errored).toBe(0);
    });
  }
});
