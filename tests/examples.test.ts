/**
 * The examples: the sample is clean, and each defect variant reports exactly its known defects
 * (so the examples picker and the README never drift from what the engine says).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack } from './helpers/fixtures.js';

const expectations: Record<string, string[]> = {
  'budget-2025-shenpiju.json': [],
  'budget-2025-shenpiju-defects-arithmetic.json': [
    'code-hierarchy-adds-up /tables/expenditureSummary/rows/2/values/basic',
    'expenditure-rows-basic-plus-project /tables/expenditureSummary/rows/4/values/total',
    'narrative-income-total-matches /narrative/sections/0/figures/0/value',
    'narrative-income-total-matches /narrative/sections/1/figures/0/value',
    'project-table-groups-add-up /tables/projectExpenditure/rows/1/values/generalBudget',
    'project-table-groups-add-up /tables/projectExpenditure/rows/1/values/total',
    'summary-grand-totals-add-up /tables/incomeExpenditureSummary/rows/7/values/amount',
    'summary-table-balances /tables/incomeExpenditureSummary/rows/7/values/amount',
  ],
  'budget-2025-shenpiju-defects-empty-and-narrative.json': [
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
      expect(report.valid).toBe(expected.length === 0);
    });
  }
});
