/**
 * Evaluation end to end on the bundled pack: the sample is clean, defects are found at their own
 * pointers with expected and actual values, and no document, whatever its shape, makes the
 * engine throw: shape problems are findings and the rules still run where they can.
 */
import { describe, expect, it } from 'vitest';
import { type Report, evaluate, loadRuleSet, validateAgainst } from '../engine/src/index.js';
import { departmentBudgetPack, patched, sampleDocument } from './helpers/fixtures.js';

/** A rule set of a test's own rules: the loader's first error is thrown, failing the test. */
function compiled(definition: unknown) {
  const loaded = loadRuleSet(definition);
  if (!loaded.ok) throw new Error(loaded.errors[0].message);
  return loaded.value;
}

const keys = (report: Report) => report.findings.map((finding) => ({ ruleId: finding.ruleId, path: finding.path }));

describe('the sample disclosure', () => {
  it('has right arithmetic: no arithmetic, share or amount rule fires; its findings are its catalogued text, performance-target, naming, explanation and coverage defects; every rule evaluates (those comparing figures the text does not state are not applicable)', async () => {
    const report = await evaluate(departmentBudgetPack(), sampleDocument());
    const rules = departmentBudgetPack().rules;
    const textRules = new Set(rules.filter((rule) => ['text', 'performanceTable', 'indicator'].includes(rule.definition.scope?.each ?? '')).map((rule) => rule.definition.id));
    // share-formats-consistent (info) is about how shares are written, not their arithmetic.
    const arithmeticRules = new Set(
      rules.filter((rule) => rule.definition.severity !== 'info' && rule.definition.tags?.some((tag) => tag === 'arithmetic' || tag === 'shares')).map((rule) => rule.definition.id),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => arithmeticRules.has(finding.ruleId))).toEqual([]);
    // Catalogue A06 (table labels), B05 (bare empty notes), A14 (no 专用设备), D11, D13 (unexplained absences), E06 (subject name),
    // D12 (unit-type signals), E07 (项 not explained), E09 (no change stated), E12 (11 published targets, 20 tables),
    // F03 (0% beside 100.00%), G02 (projects without a table) and H03 (购买服务 “无”).
    expect([...new Set(report.findings.filter((finding) => !textRules.has(finding.ruleId)).map((finding) => finding.ruleId))].sort()).toEqual([
      'agency-costs-absence-explained',
      'asset-equipment-categories',
      'empty-note-states-reason',
      'general-budget-items-explained',
      'narrative-subject-names-match',
      'performance-published-count-matches-tables',
      'personnel-costs-absence-explained',
      'project-has-performance-table',
      'purchase-services-explained',
      'share-formats-consistent',
      'table-labels-consistent',
      'tables-labelled',
      'three-public-change-stated',
      'unit-type-signals-agree',
    ]);
    expect(report.valid).toBe(false);
    expect(report.summary.errored).toBe(0);
    // Not applicable: the narrative states no 三公, 机关运行经费, 财政拨款收入 (as a source) or procurement-reservation amounts,
    // the unit type (which decides whether 机关运行经费 must equal 公用经费) is not known, and the
    // 三公 and 机关运行经费 sections state no change that would need a reason, and the rules for
    // summary tables without carry-over rows or with income by type (the Shanghai layout) do not apply.
    expect(
      report.outcomes
        .filter((outcome) => outcome.status === 'not_applicable')
        .map((outcome) => outcome.ruleId)
        .sort(),
    ).toEqual([
      'agency-costs-changes-explained',
      'agency-costs-match-public-costs',
      'fiscal-appropriation-matches-general-budget-no-carry-over',
      'income-summary-rows-add-up-by-income-type',
      'income-types-match-income-summary',
      'narrative-abroad-costs-match',
      'narrative-agency-operating-costs-match',
      'narrative-fiscal-appropriation-expenditure-matches',
      'narrative-fiscal-appropriation-income-matches',
      'narrative-reception-costs-match',
      'narrative-three-public-total-matches',
      'narrative-vehicle-costs-match',
      'narrative-vehicle-operation-costs-match',
      'narrative-vehicle-purchase-costs-match',
      'procurement-reserved-within-total',
      'procurement-small-micro-within-reserved',
      'summary-expenditure-total-adds-up-no-carry-over',
      'summary-income-total-adds-up-no-carry-over',
      'summary-totals-agree-no-carry-over',
      'three-public-changes-explained',
    ]);
    expect(validateAgainst('report', report)).toEqual([]);
  });

  it('is deterministic', async () => {
    const defect = patched(sampleDocument(), [
      { op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '11.56' },
      { op: 'remove', path: '/tables/threePublicExpenses/note' },
    ]);
    const first = await evaluate(departmentBudgetPack(), defect);
    const second = await evaluate(departmentBudgetPack(), defect);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(keys(first)).toEqual([...keys(first)].sort((a, b) => (a.path === b.path ? (a.ruleId < b.ruleId ? -1 : 1) : a.path < b.path ? -1 : 1)));
  });
});

describe('findings', () => {
  it('are grouped by defect: each finding in one group of its rule and code, errors first, the groups in the report schema', async () => {
    const report = await evaluate(departmentBudgetPack(), sampleDocument());
    expect(validateAgainst('report', report)).toEqual([]);
    const groups = report.groups!;
    expect(groups.flatMap((group) => group.findings).sort((a, b) => a - b)).toEqual(report.findings.map((_, index) => index));
    for (const group of groups) {
      expect(group.count).toBe(group.findings.length);
      for (const index of group.findings) expect(report.findings[index]).toMatchObject({ ruleId: group.ruleId, code: group.code, severity: group.severity });
    }
    const ranks = groups.map((group) => ['error', 'warning', 'info'].indexOf(group.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The 20 performance tables of another unit are one defect at 20 places.
    expect(groups[0]).toMatchObject({ ruleId: 'performance-table-belongs-to-department', severity: 'error', count: 20, message: '所附绩效目标表应属于本部门' });
    expect(groups.filter((group) => group.severity === 'error')).toHaveLength(13);
  });

  it('name the place, the expected and actual values, the difference and the basis', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '11.56' }]), {
      only: ['expenditure-rows-basic-plus-project'],
    });
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({
      ruleId: 'expenditure-rows-basic-plus-project',
      severity: 'error',
      path: '/tables/expenditureSummary/rows/4/values/total',
      actual: '11.46万元',
      expected: '11.56万元',
      difference: '-0.10万元',
      relatedPaths: ['/tables/expenditureSummary/rows/4'],
    });
    expect(finding!.message).toContain('事业运行');
    expect(finding!.basis!.length).toBeGreaterThan(0);
    expect(finding!.source?.line).toBeGreaterThan(0);
  });

  it('place what a pattern found in a long text on the source line it starts on, by the text’s textLines, and on the section’s line when they are missing or out of order', async () => {
    const text = '第一行说明：2025年机关运行经费预算100万元，主要用于办公费、水电费和物业管理费。\n第二行说明，接着折行的第三行。备注：（请核实单位是否有涉密项目，若无涉密项目，则备注写“备注：无”）';
    const section = (textLines?: unknown) =>
      patched(sampleDocument(), [
        { op: 'replace', path: '/narrative/sections/7', value: { id: 'agencyOperatingCosts', heading: '八、机关运行经费', text, ...(textLines !== undefined ? { textLines } : {}), line: 400 } },
      ]);
    const lineOf = async (document: unknown) => (await evaluate(departmentBudgetPack(), document, { only: ['no-template-notes'] })).findings.map((finding) => [finding.path, finding.source?.line]);
    const at = text.indexOf('备注');
    const second = text.indexOf('第二行');
    expect(
      await lineOf(
        section([
          [0, 401],
          [second, 402],
          [at, 405],
        ]),
      ),
    ).toEqual([['/narrative/sections/7/text', 405]]);
    // What it found starts on the line before the one after it.
    expect(
      await lineOf(
        section([
          [0, 401],
          [second, 402],
          [at + 10, 405],
        ]),
      ),
    ).toEqual([['/narrative/sections/7/text', 402]]);
    expect(await lineOf(section())).toEqual([['/narrative/sections/7/text', 400]]);
    expect(
      await lineOf(
        section([
          [second, 402],
          [0, 401],
        ]),
      ),
    ).toEqual([['/narrative/sections/7/text', 400]]);
    // Its message quotes the text where the note stands, not the section's first 60 characters.
    const [finding] = (await evaluate(departmentBudgetPack(), section(), { only: ['no-template-notes'] })).findings;
    expect(finding!.message).toMatch(/^“…第二行说明，接着折行的第三行。备注：（请核实单位是否有涉密项目[^”]*”中有模板的填写提示“请核实”/);
  });

  it('of a rule over the whole document name the table its failed condition read', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'replace', path: '/tables/incomeExpenditureSummary/rows/5/values/amount', value: '3011.56' }]), {
      only: ['summary-income-total-adds-up'],
    });
    expect(report.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^预算公开表1《2025年预算收支总表》本年收入合计 3011\.56万元/)]);
  });

  it('of a rule over the whole document name the row its failed condition read', async () => {
    const ruleSet = compiled({
      id: 'row',
      version: '1.0.0',
      title: '行名',
      rules: [
        {
          id: 'named-row',
          title: '行名',
          message: '{table}“{row}”{actual}',
          severity: 'error',
          basis: ['测试'],
          conditions: { all: [{ fact: 'cell', params: { table: 'incomeExpenditureSummary', row: { key: 'currentYearIncomeTotal' }, column: 'amount' }, operator: 'decimalLessThan', value: '0' }] },
        },
      ],
    });
    const report = await evaluate(ruleSet, sampleDocument());
    expect(report.findings.map((finding) => finding.message)).toEqual(['预算公开表1《2025年预算收支总表》“本年收入合计”3011.46万元']);
  });

  it('come in English when asked, from the rule itself', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'remove', path: '/tables/threePublicExpenses/note' }]), {
      language: 'en',
      only: ['three-public-filled-or-marked'],
    });
    expect(report.findings[0]!.message).toMatch(/has neither data nor an empty-table note/);
  });

  it('honour --only and --skip by id or tag', async () => {
    const defect = patched(sampleDocument(), [{ op: 'remove', path: '/tables/threePublicExpenses/note' }]);
    const onlyTag = await evaluate(departmentBudgetPack(), defect, { only: ['three-public'] });
    const tagged = new Set(
      departmentBudgetPack()
        .rules.filter((rule) => rule.definition.tags?.includes('three-public'))
        .map((rule) => rule.definition.id),
    );
    expect(onlyTag.outcomes.map((outcome) => outcome.ruleId)).toEqual([...tagged]);
    expect(tagged.size).toBeGreaterThan(5);
    const skipped = await evaluate(departmentBudgetPack(), defect, {
      skip: ['three-public-filled-or-marked', 'texts', 'performance', 'explanations', 'assets', 'narrative-subject-names-match', 'table-labels-consistent', 'tables-labelled'],
    });
    expect(skipped.findings).toEqual([]);
  });
});

describe('outcomes that are not pass or fail', () => {
  it('a rule touching text where an amount belongs errors, with a finding at that cell, never a silent pass', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '十一点四六' }]));
    expect(report.valid).toBe(false);
    const errored = report.outcomes.filter((outcome) => outcome.status === 'error').map((outcome) => outcome.ruleId);
    expect(errored).toContain('expenditure-rows-basic-plus-project');
    expect(report.findings.filter((finding) => finding.code === 'rule_error').every((finding) => finding.path === '/tables/expenditureSummary/rows/4/values/basic')).toBe(true);
    expect(report.findings.some((finding) => finding.ruleId === 'document-schema' && finding.path === '/tables/expenditureSummary/rows/4/values/basic')).toBe(true);
  });

  it('a rule whose table is absent is not applicable, and the missing required table is reported', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'remove', path: '/tables/basicExpenditureByEconomicClass' }]));
    expect(report.outcomes.find((outcome) => outcome.ruleId === 'economic-class-rows-add-up')?.status).toBe('not_applicable');
    expect(report.outcomes.find((outcome) => outcome.ruleId === 'basic-expenditure-matches-economic-class')?.status).toBe('not_applicable');
    expect(keys(report)).toContainEqual({ ruleId: 'recommended-tables-present', path: '/tables/basicExpenditureByEconomicClass' });
  });

  it('a comparison marked ifMissing: skip is let go when its row is not printed, the others still checked; with all let go the rule is not applicable', async () => {
    const compare = (key: string) => ({
      fact: 'cell',
      params: { table: 'incomeExpenditureSummary', row: { key }, column: 'amount' },
      operator: 'decimalEqual',
      value: { fact: 'cell', params: { table: 'incomeSummary', row: { key: 'total' }, column: key } },
      ifMissing: 'skip',
    });
    const ruleSet = compiled({
      id: 'skip',
      version: '1.0.0',
      title: '跳过',
      rules: [{ id: 'sources', title: '来源一致', message: '{actual} ≠ {expected}', severity: 'error', basis: ['测试'], conditions: { all: [compare('generalBudget'), compare('stateCapital')] } }],
    });
    const rows = '/tables/incomeExpenditureSummary/rows';
    const withoutStateCapital = patched(sampleDocument(), [{ op: 'remove', path: `${rows}/2` }]);
    expect((await evaluate(ruleSet, withoutStateCapital)).outcomes[0]?.status).toBe('pass');
    const wrong = await evaluate(ruleSet, patched(withoutStateCapital, [{ op: 'replace', path: `${rows}/0/values/amount`, value: '3011.64' }]));
    expect(wrong.outcomes[0]?.status).toBe('fail');
    expect(keys(wrong)).toEqual([{ ruleId: 'sources', path: `${rows}/0/values/amount` }]);
    const neither = await evaluate(ruleSet, patched(withoutStateCapital, [{ op: 'remove', path: `${rows}/0` }]));
    expect(neither.outcomes[0]).toMatchObject({ status: 'not_applicable', reason: expect.stringContaining('generalBudget') });
  });

  /** The outcome of one rule with these conditions, on the sample without its 机关运行经费 table. */
  const outcomeOf = async (conditions: unknown) => {
    const rule = { id: 'either', title: '二者之一', message: '{actual}', severity: 'error', basis: ['测试'], conditions };
    const document = patched(sampleDocument(), [{ op: 'remove', path: '/tables/agencyOperatingCosts' }]);
    return (await evaluate(compiled({ id: 'kleene', version: '1.0.0', title: '三值', rules: [rule] }), document)).outcomes[0]?.status;
  };
  /** A comparison of a total row's cell with 0. */
  const total = (table: string, column: string, operator: string) => ({ fact: 'cell', params: { table, row: { key: 'total' }, column }, operator, value: '0' });
  const present = total('expenditureSummary', 'total', 'decimalGreaterThan');
  const failing = total('expenditureSummary', 'total', 'decimalLessThan');
  const absentTable = total('agencyOperatingCosts', 'total', 'decimalGreaterThan');

  it('an any holds when one of its branches holds on data that is there, whatever the others lack; with none holding, missing data makes it not applicable, never failed', async () => {
    expect(await outcomeOf({ any: [absentTable, present] })).toBe('pass');
    expect(await outcomeOf({ all: [{ any: [present, absentTable] }] })).toBe('pass');
    expect(await outcomeOf({ any: [absentTable, failing] })).toBe('not_applicable');
    // An all still needs every part's data: a failing part beside a missing one is not a failure.
    expect(await outcomeOf({ all: [failing, { any: [absentTable] }] })).toBe('not_applicable');
    expect(await outcomeOf({ not: { any: [absentTable, present] } })).toBe('not_applicable');
  });

  it('an any leaves out a branch written for another layout of the table (a column it does not print at all): the branches for its own layout decide', async () => {
    const otherLayout = total('expenditureSummary', 'personnel', 'decimalGreaterThan');
    // The table's own layout fails: reported, whatever the other layout would have said.
    expect(await outcomeOf({ any: [otherLayout, failing] })).toBe('fail');
    expect(await outcomeOf({ any: [otherLayout, present] })).toBe('pass');
    // No branch for this layout: not applicable, as is a table that is not there.
    expect(await outcomeOf({ any: [otherLayout] })).toBe('not_applicable');
    // Missing data anywhere still never makes a failure; outside an any, a column not printed is missing data.
    expect(await outcomeOf({ any: [otherLayout, absentTable, failing] })).toBe('not_applicable');
    expect(await outcomeOf({ all: [failing, otherLayout] })).toBe('not_applicable');
    expect(await outcomeOf({ all: [present, otherLayout] })).toBe('not_applicable');
    expect(await outcomeOf({ not: { any: [otherLayout] } })).toBe('not_applicable');
  });

  it('a rule comparing money with a percentage errors instead of failing', async () => {
    const ruleSet = compiled({
      id: 'odd',
      version: '1.0.0',
      title: '比较金额与百分比',
      rules: [
        {
          id: 'money-vs-share',
          title: '金额与占比',
          message: '不应出现',
          severity: 'error',
          basis: ['测试'],
          scope: { each: 'figure', figures: { kind: 'share' } },
          conditions: { all: [{ fact: 'figure', operator: 'decimalEqual', value: { fact: 'cell', params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' } } }] },
        },
      ],
    });
    const report = await evaluate(ruleSet, sampleDocument());
    expect(report.outcomes[0]).toMatchObject({ ruleId: 'money-vs-share', status: 'error' });
    expect(report.findings.every((finding) => finding.code === 'rule_error')).toBe(true);
  });
});

describe('forms that do not print a field', () => {
  it('a rule scoped to forms that print a field (scope.printed) skips a form read from a PDF without it, and is not applicable when no form prints it', async () => {
    const ruleSet = compiled({
      id: 'printed',
      version: '1.0.0',
      title: '印出的栏目',
      rules: [
        {
          id: 'goal-present',
          title: '年度目标已填写',
          message: '“{project}”没有年度目标',
          severity: 'error',
          basis: ['测试'],
          scope: { each: 'performanceTable', printed: ['goals'] },
          conditions: { all: [{ fact: 'scopeItem', path: '/goals/annual', operator: 'isPresent', value: true }] },
        },
      ],
    });
    const forms = (performance: unknown[]) => patched(sampleDocument(), [{ op: 'replace', path: '/performance', value: performance }]);
    // A form listing what it prints, without a goal: the template has none, so nothing to check.
    const noGoalPrinted = { project: '甲', indicators: [], printed: ['project', 'indicators'] };
    // A form that prints the goal but left it blank, and a hand-built one (no list: every field printed).
    const blankGoal = { project: '乙', indicators: [], printed: ['project', 'goals'] };
    const handBuilt = { project: '丙', indicators: [] };
    const some = await evaluate(ruleSet, forms([noGoalPrinted, blankGoal, handBuilt]));
    expect(some.findings.map((finding) => finding.path)).toEqual(['/performance/1', '/performance/2']);
    const none = await evaluate(ruleSet, forms([noGoalPrinted]));
    expect(none.outcomes[0]).toMatchObject({ ruleId: 'goal-present', status: 'not_applicable', reason: '绩效目标表都没有印出本规则需要的栏目（goals）' });
  });

  it('says a rule on the indicators’ texts found nothing because the forms print no indicators, not because there is nothing of its kind', async () => {
    const ruleSet = compiled({
      id: 'indicator-texts',
      version: '1.0.0',
      title: '指标文字',
      rules: [
        {
          id: 'no-placeholder',
          title: '指标值不是占位符',
          message: '指标值是占位符',
          severity: 'error',
          basis: ['测试'],
          scope: { each: 'text', texts: ['indicators'] },
          conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: '^\\*+$' }] },
        },
      ],
    });
    const forms = (performance: unknown[]) => patched(sampleDocument(), [{ op: 'replace', path: '/performance', value: performance }]);
    const listed = { project: '甲', indicators: [], printed: ['project', 'annualFunds'] };
    const withIndicators = { project: '乙', indicators: [], printed: ['project', 'indicators'] };
    expect((await evaluate(ruleSet, forms([listed]))).outcomes[0]).toMatchObject({ status: 'not_applicable', reason: '绩效目标表都没有印出本规则需要的栏目（indicators）' });
    expect((await evaluate(ruleSet, forms([listed, withIndicators]))).outcomes[0]).toMatchObject({ status: 'not_applicable', reason: '文档中没有本规则适用的对象' });
  });
});

describe('per-document state', () => {
  it('nothing one document computed leaks into the next: scope items, cached values and rows are per document', async () => {
    const ruleSet = compiled({
      id: 'years',
      version: '1.0.0',
      title: '年度',
      rules: [
        {
          id: 'whole-document-year',
          title: '预算年度为 2025',
          message: '预算年度不是 2025',
          severity: 'error',
          basis: ['测试'],
          conditions: { all: [{ fact: 'scopeItem', path: '/meta/fiscalYear', operator: 'equal', value: 2025 }] },
        },
        {
          id: 'total-row',
          title: '支出总表合计',
          message: '合计不是 3011.46',
          severity: 'error',
          basis: ['测试'],
          conditions: { all: [{ fact: 'cell', params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'total' }, operator: 'decimalEqual', value: '3011.46' }] },
        },
      ],
    });
    const other = patched(sampleDocument(), [
      { op: 'replace', path: '/meta/fiscalYear', value: 2026 },
      { op: 'replace', path: '/tables/expenditureSummary/rows/0/values/total', value: '1.00' },
    ]);
    for (const [document, failing] of [
      [sampleDocument(), 0],
      [other, 2],
      [sampleDocument(), 0],
    ] as const) {
      const report = await evaluate(ruleSet, document);
      expect(report.outcomes.filter((outcome) => outcome.status === 'fail')).toHaveLength(failing);
    }
  });
});

describe('documents of the wrong shape never crash the engine', () => {
  const shapes: [string, unknown][] = [
    ['an empty object', {}],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['a string', '预算'],
    ['a number', 42],
    ['tables as a string', { meta: { department: 'x', fiscalYear: 2025, kind: 'department-budget', unit: '万元' }, tables: '表' }],
    ['wrong types everywhere', { meta: { department: 1, fiscalYear: '2025', kind: 'budget', unit: '亿元' }, tables: { expenditureSummary: { title: 3, unit: 'x', columns: 'a', rows: {} } } }],
    [
      'rows of junk',
      {
        meta: { department: 'x', fiscalYear: 2025, kind: 'department-budget', unit: '万元' },
        tables: {
          expenditureSummary: {
            title: 't',
            unit: '万元',
            columns: [{ id: 'total', header: '合计' }, 7, null],
            rows: [null, 5, 'row', { name: '合计', key: 'total', values: { total: { deep: true } } }],
          },
        },
      },
    ],
    ['extra fields', { ...(sampleDocument() as object), extra: true }],
    ['deep nesting', { meta: { department: 'x', fiscalYear: 2025, kind: 'department-budget', unit: '万元' }, tables: {}, narrative: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) }],
    [
      'figures of junk',
      {
        meta: { department: 'x', fiscalYear: 2025, kind: 'department-budget', unit: '万元' },
        tables: {},
        narrative: { sections: [{ heading: 'h', text: 't', figures: [null, { key: 'incomeTotal', kind: 'amount', value: 'many' }, { kind: 'share', of: 5 }] }] },
      },
    ],
  ];

  for (const [name, document] of shapes) {
    it(`${name}: findings and an invalid report`, async () => {
      const report = await evaluate(departmentBudgetPack(), document);
      expect(report.valid).toBe(false);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(validateAgainst('report', report)).toEqual([]);
    });
  }

  it('strings where numbers belong are findings at their cells', async () => {
    const report = await evaluate(departmentBudgetPack(), patched(sampleDocument(), [{ op: 'replace', path: '/tables/incomeSummary/rows/0/values/total', value: '3,011.46万' }]));
    expect(keys(report)).toContainEqual({ ruleId: 'document-schema', path: '/tables/incomeSummary/rows/0/values/total' });
  });

  it('a column id that names an inherited property reads nothing inherited', async () => {
    const document = {
      meta: { department: '测试局', fiscalYear: 2025, kind: 'department-budget', unit: '万元' },
      tables: {
        expenditureSummary: {
          title: '支出总表',
          unit: '万元',
          columns: [
            { id: 'total', header: '合计' },
            { id: 'constructor', header: '其他' },
          ],
          rows: [{ key: 'total', name: '合计', values: { total: '1.00' } }],
        },
      },
    };
    const report = await evaluate(departmentBudgetPack(), document);
    expect(report.findings.filter((finding) => finding.path.includes('constructor'))).toEqual([]);
    expect(report.summary.errored).toBe(0);
  });

  it('an extra field is named by its own pointer', async () => {
    const report = await evaluate(departmentBudgetPack(), { ...(sampleDocument() as object), extra: true });
    expect(keys(report).filter((key) => key.ruleId === 'document-schema')).toEqual([{ ruleId: 'document-schema', path: '/extra' }]);
  });
});

describe('finding places', () => {
  it('never take row 10 for a place inside row 1 (pointer prefixes are whole tokens)', async () => {
    const rows = Array.from({ length: 11 }, (_, index) => ({ code: `20103${String(index).padStart(2, '0')}`, name: `项${index}`, values: { total: '1.00' } }));
    const document = {
      meta: { department: '测试局', fiscalYear: 2025, kind: 'department-budget', unit: '万元' },
      tables: { expenditureSummary: { title: '支出总表', unit: '万元', columns: [{ id: 'total', header: '合计' }], rows } },
    };
    const ruleSet = compiled({
      id: 'places',
      version: '1.0.0',
      title: '位置',
      rules: [
        {
          id: 'row-one-against-row-ten',
          title: '第 1 行对照第 10 行',
          message: '不符',
          severity: 'error',
          basis: ['测试'],
          scope: { each: 'row', tables: ['expenditureSummary'], rows: { code: '2010301' } },
          conditions: { all: [{ fact: 'cell', params: { row: { code: '2010310' }, column: 'total' }, operator: 'decimalEqual', value: '2' }] },
        },
      ],
    });
    const report = await evaluate(ruleSet, document);
    // The compared cell lies outside the scope item (row 1), so the finding names the item.
    expect(keys(report)).toEqual([{ ruleId: 'row-one-against-row-ten', path: '/tables/expenditureSummary/rows/1' }]);
  });
});
