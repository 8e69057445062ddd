/** Every fact: what it computes on a small document, and what it returns when it cannot. */
import { describe, expect, it } from 'vitest';
import { DocumentContext } from '../../engine/src/document/context.js';
import { FACTS, createFactRegistry } from '../../engine/src/facts/index.js';
import { labelParts } from '../../engine/src/facts/tableLabel.js';
import { isEmptyNote } from '../../engine/src/facts/tableMarkedEmpty.js';
import { type ScopeBinding } from '../../engine/src/facts/types.js';
import { isQuantity } from '../../engine/src/money/quantity.js';
import { formatQuantity } from '../../engine/src/money/quantity.js';
import { deepFreeze, patched } from '../helpers/fixtures.js';

const document = deepFreeze({
  meta: { department: '测试局', fiscalYear: 2025, kind: 'department-budget', unit: '万元' },
  tables: {
    expenditureSummary: {
      label: '表3',
      title: '支出总表',
      unit: '万元',
      columns: [
        { id: 'total', header: '合计' },
        { id: 'basic', header: '基本支出' },
        { id: 'project', header: '项目支出' },
      ],
      rows: [
        { key: 'total', name: '合计', values: { total: '30.00', basic: '10.00', project: '20.00' } },
        { code: '201', name: '一般公共服务支出', values: { total: '30.00', basic: '10.00', project: '20.00' } },
        { code: '20103', name: '政府办公厅', values: { total: '30.00', basic: '10.00', project: '20.00' } },
        { code: '2010301', name: '行政运行', values: { total: '10.00', basic: '10.00', project: null } },
        { code: '2010302', name: '一般行政管理事务', values: { total: '20.00', project: '20.00' } },
      ],
    },
    threePublicExpenses: {
      title: '三公',
      unit: '万元',
      columns: [{ id: 'total', header: '合计' }],
      rows: [{ key: 'total', name: '合计', values: { total: 'abc' } }],
      note: '注：本表无数据',
    },
    agencyOperatingCosts: {
      title: '机关运行经费',
      unit: '万元',
      columns: [{ id: 'total', header: '合计' }],
      rows: [{ key: 'total', name: '部门合计', values: { total: '0' } }],
    },
  },
  performance: [
    {
      project: '办公设备购置',
      unit: '元',
      funds: {
        whole: { total: '3000', central: '0', provincial: null, local: '2000', selfRaised: '1000', other: '' },
        annual: { total: '1000', central: 'XX', local: '1000' },
      },
    },
    { project: '无单位', funds: { annual: { total: '5' } } },
  ],
  narrative: {
    sections: [
      {
        id: 'expenditure',
        heading: '三、支出预算情况说明',
        text: '…',
        figures: [
          { key: 'expenditureTotal', kind: 'amount', value: '30', unit: '万元' },
          { key: 'basicExpenditure', kind: 'amount', value: '10.00', unit: '万元' },
          { key: 'basicExpenditure', kind: 'share', value: '33.33', unit: '%', of: 'expenditureTotal' },
          { key: 'projectExpenditure', kind: 'amount', value: '20.00', unit: '万元' },
          { key: 'projectExpenditure', kind: 'share', value: '66.67', unit: '%', of: 'expenditureTotal' },
          { key: 'expenditureTotal', kind: 'change', value: '5.00', unit: '万元', direction: 'increase', percent: '20.00', percentDirection: 'increase' },
        ],
      },
    ],
  },
});

const facts = createFactRegistry();
const context = () => new DocumentContext(document);
function run(name: string, params: Record<string, unknown>, binding: ScopeBinding = { pointer: '' }, ctx = context()): unknown {
  return facts.get(name)!.calculate(params, { context: ctx, binding });
}
const shown = (value: unknown) => (isQuantity(value) ? formatQuantity(value) : value);

describe('registry', () => {
  it('refuses duplicate names', () => {
    expect(() => createFactRegistry([FACTS[0]!, FACTS[0]!])).toThrow(/duplicate fact/);
  });

  it('documents every fact in both languages with an example', () => {
    for (const fact of FACTS) {
      expect(fact.description['zh-CN'].length, fact.name).toBeGreaterThan(5);
      expect(fact.description.en.length, fact.name).toBeGreaterThan(5);
      expect(fact.params.type, fact.name).toBe('object');
      expect(JSON.stringify(fact.example), fact.name).toContain(`"fact":"${fact.name}"`);
    }
  });
});

describe('table facts', () => {
  it('tableExists', () => {
    expect(run('tableExists', { table: 'expenditureSummary' })).toBe(true);
    expect(run('tableExists', { table: 'incomeSummary' })).toBe(false);
  });

  it('tableExists is not sure a table is missing when the document prints a table the importer could not name', () => {
    const printed = [
      { label: '表2', title: '收入总表', role: 'incomeSummary', line: 5 },
      { label: '表4', title: '财政资金收付总览表', kind: 'unknown', line: 9 },
    ];
    const withUnknown = new DocumentContext(patched(document, [{ op: 'add', path: '/meta/printedTables', value: printed }]));
    expect(run('tableExists', { table: 'expenditureSummary' }, undefined, withUnknown)).toBe(true);
    // A second table read as one the document already has (its title a variant) may be the missing one too.
    const second = new DocumentContext(patched(document, [{ op: 'add', path: '/meta/printedTables', value: [{ label: '表4', title: '财政拨款资金收支总表', kind: 'expenditureSummary', line: 9 }] }]));
    expect(run('tableExists', { table: 'fiscalAppropriationSummary' }, undefined, second)).toMatchObject({ kind: 'unavailable', reason: 'missing' });
    expect(run('tableExists', { table: 'fiscalAppropriationSummary' }, undefined, withUnknown)).toMatchObject({
      kind: 'unavailable',
      reason: 'missing',
      message: expect.stringContaining('表4《财政资金收付总览表》'),
    });
  });

  it('tableHasData: non-zero amounts only; invalid cells make it invalid', () => {
    expect(run('tableHasData', { table: 'expenditureSummary' })).toBe(true);
    expect(run('tableHasData', { table: 'agencyOperatingCosts' })).toBe(false);
    expect(run('tableHasData', { table: 'threePublicExpenses' })).toMatchObject({ kind: 'unavailable', reason: 'invalid' });
  });

  it('sum: an optional term of a column the table lacks counts 0, unless the table has a column the importer could not name', () => {
    const term = (column: string) => ({ table: 'expenditureSummary', row: { key: 'total' }, column });
    expect(shown(run('sum', { terms: [term('total'), { ...term('carriedOver'), optional: true }] }))).toBe('30.00万元');
    const unnamed = new DocumentContext(patched(document, [{ op: 'add', path: '/tables/expenditureSummary/columns/-', value: { id: 'column4', header: '上年结余、结转结余' } }]));
    expect(run('sum', { terms: [term('total'), { ...term('carriedOver'), optional: true }] }, undefined, unnamed)).toMatchObject({ kind: 'unavailable', reason: 'missing' });
  });

  it('tableHasData: a table whose every column was read as text cannot tell (never “no data”)', () => {
    const wordsOnly = new DocumentContext(patched(document, [{ op: 'replace', path: '/tables/expenditureSummary/columns', value: [{ id: 'total', header: '合计', type: 'text' }] }]));
    expect(run('tableHasData', { table: 'expenditureSummary' }, undefined, wordsOnly)).toMatchObject({ kind: 'unavailable', reason: 'missing' });
  });

  it('isEmptyNote knows the phrasings that declare a whole table empty, and not a single item', () => {
    for (const note of [
      '注：本表无数据',
      '故本表为空表。',
      '注：本表本年无发生额。',
      '本部门2026年没有使用政府性基金预算拨款安排的支出。',
      '本单位无政府基金预算支出。',
      '本部门无“三公”经费',
      '（注：2026年没有使用财政拨款收入和支出。）',
    ]) {
      expect(isEmptyNote(note), note).toBe(true);
    }
    for (const note of [
      '注：本部门无因公出国（境）费。',
      '注：无。',
      '注：本表反映……此表如无数字则表示单位无该项支出。',
      '注：表中功能分类科目，根据部门实际预算编制情况编列。',
      // One item without money, in any phrasing: not the whole table.
      '注：本部门2025年没有使用一般公共预算财政拨款安排的因公出国（境）费。',
      '因公出国（境）费无预算，“三公”经费较上年减少',
      '本表反映部门无论是否有数据均应公开的项目支出',
    ])
      expect(isEmptyNote(note), note).toBe(false);
  });

  it('isEmptyNote is linear on adversarial notes', () => {
    const started = performance.now();
    isEmptyNote(`本部门${'无'.repeat(200_000)}x`);
    isEmptyNote('本部门无'.repeat(3000));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('tableMarkedEmpty reads the note', () => {
    expect(run('tableMarkedEmpty', { table: 'threePublicExpenses' })).toBe(true);
    expect(run('tableMarkedEmpty', { table: 'agencyOperatingCosts' })).toBe(false);
    expect(run('tableMarkedEmpty', { table: 'incomeSummary' })).toMatchObject({ reason: 'missing' });
  });

  it('tableMarkedEmpty takes a conditional note (此表如无数字则…) as a mark only when the table has no data', () => {
    const withNote = (total: string) =>
      new DocumentContext(
        deepFreeze({
          tables: {
            stateCapital: {
              title: '国有资本',
              unit: '万元',
              columns: [{ id: 'total', header: '合计' }],
              rows: [{ key: 'total', name: '合计', values: { total } }],
              note: '注：此表如无数字则表示单位无该项支出。',
            },
          },
        }),
      );
    expect(run('tableMarkedEmpty', { table: 'stateCapital' }, { pointer: '' }, withNote('0.00'))).toBe(true);
    expect(run('tableMarkedEmpty', { table: 'stateCapital' }, { pointer: '' }, withNote('12.00'))).toBe(false);
  });
});

describe('cell and sums', () => {
  it('cell reads by key, code or scope; blank is blank; text is invalid', () => {
    expect(shown(run('cell', { table: 'expenditureSummary', row: { key: 'total' }, column: 'basic' }))).toBe('10.00万元');
    expect(shown(run('cell', { table: 'expenditureSummary', row: { code: '2010301' }, column: 'project' }))).toBe('空（万元）');
    expect(shown(run('cell', {}, { pointer: '', table: 'expenditureSummary', row: 4, column: 'basic' }))).toBe('空（万元）');
    expect(run('cell', { table: 'threePublicExpenses', row: { key: 'total' }, column: 'total' })).toMatchObject({ reason: 'invalid', pointer: '/tables/threePublicExpenses/rows/0/values/total' });
    expect(run('cell', { table: 'expenditureSummary', row: { code: '999' }, column: 'total' })).toMatchObject({ reason: 'missing' });
    expect(shown(run('cell', { table: 'expenditureSummary', row: { code: '999' }, column: 'total', ifMissing: 'blank' }))).toBe('空（万元）');
    expect(run('cell', { table: 'expenditureSummary', row: { key: 'total' }, column: 'nope' })).toMatchObject({ reason: 'missing' });
  });

  it('rowSum adds columns of one row', () => {
    expect(shown(run('rowSum', { table: 'expenditureSummary', row: { key: 'total' }, columns: ['basic', 'project'] }))).toBe('30.00万元');
  });

  it('rowSum adds the optional columns the table prints, and with besides gives up on a row whose other column has a number', () => {
    // The fixture's 支出总表 with a unit budget's 事业单位经营支出 and a column the rules do not know.
    const withOperating = new DocumentContext(
      patched(document, [
        { op: 'add', path: '/tables/expenditureSummary/columns/-', value: { id: 'operatingExpenditure', header: '事业单位经营支出' } },
        { op: 'add', path: '/tables/expenditureSummary/columns/-', value: { id: 'column5', header: '其他' } },
        { op: 'replace', path: '/tables/expenditureSummary/rows/0/values', value: { total: '35.00', basic: '10.00', project: '20.00', operatingExpenditure: '5.00' } },
        { op: 'replace', path: '/tables/expenditureSummary/rows/1', value: { name: '某项', values: { total: '4.00', basic: '1.00', project: '1.00', column5: '2.00' } } },
      ]),
    );
    const sum = (row: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      run('rowSum', { table: 'expenditureSummary', row, columns: ['basic', 'project'], optional: ['operatingExpenditure', 'subsidyToAffiliated'], ...extra }, { pointer: '' }, withOperating);
    expect(shown(sum({ key: 'total' }))).toBe('35.00万元');
    expect(shown(sum({ key: 'total' }, { besides: ['total'] }))).toBe('35.00万元');
    expect(shown(sum({ name: '某项' }))).toBe('2.00万元');
    expect(sum({ name: '某项' }, { besides: ['total'] })).toMatchObject({ reason: 'missing', pointer: expect.stringContaining('/values/column5') });
    // A way of adding for the layouts without a column: another layout's where the table prints it.
    expect(sum({ key: 'total' }, { without: ['basic'] })).toMatchObject({ reason: 'missing', notInLayout: true });
    expect(shown(sum({ key: 'total' }, { without: ['personnel'] }))).toBe('35.00万元');
    // A column the table does not print at all is marked as another layout's, not as a gap.
    expect(run('cell', { table: 'expenditureSummary', row: { key: 'total' }, column: 'personnel' })).toMatchObject({ reason: 'missing', notInLayout: true });
    expect(run('cell', { table: 'expenditureSummary', row: { key: 'total' }, column: 'basic' })).not.toHaveProperty('notInLayout');
  });

  it('columnSum adds a column over selected rows', () => {
    expect(shown(run('columnSum', { table: 'expenditureSummary', rows: { codeLength: 7 }, column: 'total' }))).toBe('30.00万元');
    // No row to add (parts not printed, or not read as such): unknown, never 0.
    expect(run('columnSum', { table: 'expenditureSummary', rows: { codeLength: 5, key: 'noSuchKey' }, column: 'total' })).toMatchObject({ kind: 'unavailable', reason: 'missing' });
  });

  it('childrenSum follows the code hierarchy: total → 类, 类 → 款, 款 → 项', () => {
    const binding = (row: number): ScopeBinding => ({ pointer: '', table: 'expenditureSummary', row, column: 'total' });
    expect(shown(run('childrenSum', {}, binding(0)))).toBe('30.00万元');
    expect(shown(run('childrenSum', {}, binding(2)))).toBe('30.00万元');
    expect(run('childrenSum', {}, binding(3))).toMatchObject({ reason: 'missing' });
  });

  it('sum adds cells, column sums and narrative amounts, with optional terms', () => {
    const value = run('sum', {
      terms: [
        { table: 'expenditureSummary', row: { key: 'total' }, column: 'basic' },
        { table: 'expenditureSummary', rows: { codeLength: 7 }, column: 'project' },
        { figure: 'basicExpenditure' },
        { table: 'projectExpenditureCarriedOver', rows: { level: 1 }, column: 'total', optional: true },
      ],
    });
    expect(shown(value)).toBe('40.00万元');
    expect(run('sum', { terms: [{ table: 'projectExpenditureCarriedOver', rows: {}, column: 'total' }] })).toMatchObject({ reason: 'missing' });
  });

  it('sums and counts of rows are not known on a table that says it leaves rows out (withheld); its keyed rows still are', () => {
    const withheld = new DocumentContext({
      ...document,
      tables: { expenditureSummary: { ...document.tables.expenditureSummary, note: '注：涉密项目不予公开', withheld: '涉密项目不予公开' } },
    });
    const unknown = { kind: 'unavailable', reason: 'missing', message: expect.stringContaining('注明部分行未公开（涉密项目不予公开）') };
    expect(run('columnSum', { table: 'expenditureSummary', rows: { codeLength: 7 }, column: 'total' }, undefined, withheld)).toMatchObject(unknown);
    expect(run('count', { table: 'expenditureSummary', rows: { codeLength: 7 } }, undefined, withheld)).toMatchObject(unknown);
    expect(run('childrenSum', {}, { pointer: '', table: 'expenditureSummary', row: 0, column: 'total' }, withheld)).toMatchObject(unknown);
    expect(run('sum', { terms: [{ table: 'expenditureSummary', rows: { level: 1 }, column: 'total' }] }, undefined, withheld)).toMatchObject(unknown);
    expect(shown(run('sum', { terms: [{ table: 'expenditureSummary', rows: { key: 'total' }, column: 'total' }] }, undefined, withheld))).toBe('30.00万元');
    expect(shown(run('cell', { table: 'expenditureSummary', row: { code: '2010301' }, column: 'total' }, undefined, withheld))).toBe('10.00万元');
  });

  it('counts the performance tables only as far as known when the document says secret items were left out (meta.withheld)', () => {
    const tables = { performance: [{ project: '信访业务经费' }, { project: '接访大厅运行经费' }] };
    const open = new DocumentContext({ ...document, ...tables });
    const secret = new DocumentContext({ ...document, ...tables, meta: { ...document.meta, withheld: '部分涉密事项在预算公开时予以剔除。' } });
    const project = (name: string): ScopeBinding => ({ pointer: '/tables/projectExpenditure/rows/1', item: { name } });
    const unknown = { kind: 'unavailable', reason: 'missing', message: expect.stringContaining('文档注明部分涉密内容未公开（部分涉密事项在预算公开时予以剔除。）') };
    expect(shown(run('count', { of: 'performanceTables' }, undefined, open))).toBe('2个');
    expect(run('count', { of: 'performanceTables' }, undefined, secret)).toMatchObject(unknown);
    // A project's table that is attached is counted; one without any may have been left out.
    expect(shown(run('count', { of: 'performanceTables', sameProject: '/name' }, project('信访业务经费'), secret))).toBe('1个');
    expect(run('count', { of: 'performanceTables', sameProject: '/name' }, project('涉密项目'), secret)).toMatchObject(unknown);
    expect(shown(run('count', { of: 'performanceTables', sameProject: '/name' }, project('涉密项目'), open))).toBe('0个');
  });
  it('firstOf takes the first place the document prints, keeping its pointer; an unusable value is not passed over', () => {
    const agencyTable = { table: 'agencyOperatingCosts', row: { key: 'total' }, column: 'total' };
    const narrative = { figure: 'basicExpenditure' };
    // The table is printed: its total, even 0, not the narrative's amount.
    expect(run('firstOf', { terms: [agencyTable, narrative] })).toMatchObject({ pointer: '/tables/agencyOperatingCosts/rows/0/values/total' });
    // No such table: the narrative's amount, where it stands.
    const fromText = run('firstOf', { terms: [{ ...agencyTable, table: 'incomeSummary' }, narrative] });
    expect(shown(fromText)).toBe('10.00万元');
    expect(fromText).toMatchObject({ pointer: '/narrative/sections/0/figures/1/value' });
    // A selection of rows that matches none is not printed either.
    expect(shown(run('firstOf', { terms: [{ table: 'expenditureSummary', rows: { code: '999' }, column: 'total' }, narrative] }))).toBe('10.00万元');
    // Printed nowhere: unavailable, never 0.
    expect(run('firstOf', { terms: [{ ...agencyTable, table: 'incomeSummary' }, { figure: 'agencyOperatingCosts' }] })).toMatchObject({ reason: 'missing' });
    // A value printed but unusable (abc) is an error of the document, not a reason to look elsewhere.
    expect(run('firstOf', { terms: [{ table: 'threePublicExpenses', row: { key: 'total' }, column: 'total' }, narrative] })).toMatchObject({ reason: 'invalid' });
  });

  it('memoises per document: the same context answers twice without recomputing', () => {
    const ctx = context();
    const first = run('columnSum', { table: 'expenditureSummary', rows: { codeLength: 7 }, column: 'total' }, { pointer: '' }, ctx);
    const second = run('columnSum', { table: 'expenditureSummary', rows: { codeLength: 7 }, column: 'total' }, { pointer: '' }, ctx);
    expect(second).toBe(first);
  });
});

describe('narrative facts', () => {
  const figures = context().figures();
  const at = (index: number): ScopeBinding => ({ pointer: figures[index]!.pointer, figure: figures[index] });

  it('figure reads the scope figure or looks one up by key', () => {
    expect(shown(run('figure', {}, at(0)))).toBe('30万元');
    expect(shown(run('figure', { key: 'projectExpenditure', kind: 'amount' }))).toBe('20.00万元');
    expect(shown(run('figure', { field: 'percent' }, at(5)))).toBe('20.00%');
    expect(run('figure', { key: 'nothing' })).toMatchObject({ reason: 'missing' });
  });

  it('computedShare divides the part by its whole exactly', () => {
    const share = run('computedShare', {}, at(2));
    expect(isQuantity(share) && share.value.toDecimalPlaces(4).toFixed()).toBe('33.3333');
    expect(run('computedShare', {}, at(0))).toMatchObject({ reason: 'missing' });
  });

  it('shareSum adds a group of shares', () => {
    const group = { sectionIndex: 0, of: 'expenditureTotal', figures: [figures[2]!, figures[4]!] };
    expect(shown(run('shareSum', {}, { pointer: '', shareGroup: group }))).toBe('100.00%');
  });

  it('shareDecimals counts the numbers of decimal places a group is printed with', () => {
    const alike = { sectionIndex: 0, of: 'expenditureTotal', figures: [figures[2]!, figures[4]!] };
    expect(shown(run('shareDecimals', {}, { pointer: '', shareGroup: alike }))).toBe('1个');
    const ctx = context();
    const mixed = { sectionIndex: 0, of: 'expenditureTotal', figures: [figures[2]!, { ...figures[4]!, figure: { ...figures[4]!.figure, value: '67' } }] };
    expect(shown(run('shareDecimals', {}, { pointer: '', shareGroup: mixed }, ctx))).toBe('2个');
    expect(run('shareDecimals', {})).toMatchObject({ reason: 'missing' });
  });

  it('impliedChangePercent: X / (current − X) × 100', () => {
    const percent = run('impliedChangePercent', {}, at(5));
    expect(isQuantity(percent) && percent.value.toFixed()).toBe('20');
  });

  it('impliedChangePercent: no change (增加0万元) is 0% even from nothing to nothing', () => {
    const none = new DocumentContext(
      deepFreeze({
        narrative: {
          sections: [
            { id: 'threePublicExpenses', heading: '三公', text: '', figures: [{ key: 'abroadCosts', kind: 'change', value: '0', unit: '万元', direction: 'increase', current: '0', percent: '0' }] },
          ],
        },
      }),
    );
    const [change] = none.figures();
    const percent = run('impliedChangePercent', {}, { pointer: change!.pointer, figure: change }, none);
    expect(isQuantity(percent) && percent.value.toFixed()).toBe('0');
  });

  it('scopeItem exposes the raw scope item; document the whole document', () => {
    expect(run('scopeItem', {}, at(5))).toMatchObject({ direction: 'increase' });
    expect(run('document', {})).toBe(document);
  });
});

describe('scope item fields', () => {
  const table = (index: number): ScopeBinding => ({ pointer: `/performance/${index}`, performance: index });
  it('fieldSum reads one field or adds several, blanks as 0, in the item unit', () => {
    expect(shown(run('fieldSum', { fields: ['/funds/annual/total'] }, table(0)))).toBe('1000元');
    const sources = ['central', 'provincial', 'local', 'selfRaised', 'other'].map((field) => `/funds/whole/${field}`);
    const whole = run('fieldSum', { fields: sources }, table(0));
    expect(whole).toMatchObject({ terms: 3, pointer: '/performance/0' });
    expect(shown(whole)).toBe('3000元');
    expect(shown(run('fieldSum', { fields: ['/funds/annual/total'], unit: '万元' }, table(0)))).toBe('1000万元');
  });

  it('fieldSum: text is invalid at its place, an absent field or unit unavailable', () => {
    expect(run('fieldSum', { fields: ['/funds/annual/central'] }, table(0))).toMatchObject({ reason: 'invalid', pointer: '/performance/0/funds/annual/central' });
    expect(run('fieldSum', { fields: ['/funds/annual/provincial'] }, table(0))).toMatchObject({ reason: 'missing' });
    expect(run('fieldSum', { fields: ['/funds/annual/total'] }, table(1))).toMatchObject({ reason: 'invalid', pointer: '/performance/1/unit' });
    expect(run('fieldSum', { fields: ['/x'] }, table(7))).toMatchObject({ reason: 'missing' });
  });

  it('fieldSum with absent: skip leaves out the fields a form does not print, and is unavailable only when none is there', () => {
    // Table 0's annual funds print central (text), local; provincial, selfRaised, fiscal are not printed.
    expect(shown(run('fieldSum', { fields: ['/funds/annual/local', '/funds/annual/provincial', '/funds/annual/fiscal'], absent: 'skip' }, table(0)))).toBe('1000元');
    expect(run('fieldSum', { fields: ['/funds/annual/provincial', '/funds/annual/fiscal'], absent: 'skip' }, table(0))).toMatchObject({ reason: 'missing' });
    // Text where an amount belongs is still invalid, skip or not.
    expect(run('fieldSum', { fields: ['/funds/annual/central', '/funds/annual/fiscal'], absent: 'skip' }, table(0))).toMatchObject({ reason: 'invalid' });
  });
});

describe('counts, the hierarchy and section texts', () => {
  const row = (index: number): ScopeBinding => ({ pointer: `/tables/expenditureSummary/rows/${index}`, table: 'expenditureSummary', row: index });
  it('hierarchyCount counts direct children and tells whether the parent is printed', () => {
    expect(shown(run('hierarchyCount', { relation: 'children' }, row(1)))).toBe('1个');
    expect(shown(run('hierarchyCount', { relation: 'children' }, row(2)))).toBe('2个');
    expect(shown(run('hierarchyCount', { relation: 'children' }, row(3)))).toBe('0个');
    expect(run('hierarchyCount', { relation: 'children' }, row(3))).toMatchObject({ pointer: '/tables/expenditureSummary/rows/3' });
    expect(shown(run('hierarchyCount', { relation: 'parent' }, row(4)))).toBe('1个');
    expect(shown(run('hierarchyCount', { relation: 'parent' }, row(1)))).toBe('1个');
    expect(shown(run('hierarchyCount', { relation: 'parent' }, row(0)))).toBe('0个');
    expect(run('hierarchyCount', { relation: 'children' })).toMatchObject({ reason: 'missing' });
  });

  it('count counts selected rows, or the performance-target tables, exactly', () => {
    expect(shown(run('count', { table: 'expenditureSummary', rows: { codeLength: [3, 5] } }))).toBe('2个');
    expect(shown(run('count', { table: 'expenditureSummary' }))).toBe('5个');
    expect(run('count', { table: 'expenditureSummary' })).toMatchObject({ uncertainty: expect.anything(), pointer: '/tables/expenditureSummary/rows' });
    expect(shown(run('count', { of: 'performanceTables' }))).toBe('2个');
    expect(run('count', { table: 'projectExpenditure' })).toMatchObject({ reason: 'missing' });
    expect(run('count', { of: 'performanceTables' }, { pointer: '' }, new DocumentContext({ meta: {} }))).toMatchObject({ reason: 'missing' });
  });

  it('count with distinctNames counts rows of the same name once (a project listed once per unit)', () => {
    const projects = (...names: string[]) =>
      new DocumentContext({ meta: {}, tables: { projectExpenditure: { title: '项目支出表', columns: [], rows: names.map((name) => ({ name, level: 1, values: {} })) } } });
    const listed = projects('实施公车统管费用', '政务基础设施运行维护资金', '实施公车 统管费用', '工作经费');
    expect(shown(run('count', { table: 'projectExpenditure' }, { pointer: '' }, listed))).toBe('4个');
    expect(shown(run('count', { table: 'projectExpenditure', distinctNames: true }, { pointer: '' }, listed))).toBe('3个');
  });

  it('count with sameProject counts the tables whose project is the scope item’s field (whitespace and bracket width ignored)', () => {
    const named = (name: string) =>
      run(
        'count',
        { of: 'performanceTables', sameProject: '/name' },
        row(0),
        new DocumentContext({ ...document, tables: { expenditureSummary: { ...document.tables.expenditureSummary, rows: [{ name }] } } }),
      );
    expect(shown(named('办公设备 购置'))).toBe('1个');
    expect(shown(named('其他项目'))).toBe('0个');
    expect(shown(named(''))).toBe('0个');
  });

  it('count with sameProject and sameUnit counts a project only among the tables of the same implementing unit', () => {
    const tables = [
      { project: '综合工作经费', implementingUnit: '医疗保障局', indicators: [] },
      { project: '综合工作经费', implementingUnit: '基金中心', indicators: [] },
      { project: '综合工作经费', implementingUnit: '基金中心', indicators: [] },
      { project: '综合工作经费', indicators: [] },
    ];
    const count = (index: number, sameUnit: boolean) =>
      shown(
        run(
          'count',
          { of: 'performanceTables', sameProject: '/project', ...(sameUnit ? { sameUnit: true } : {}) },
          { pointer: `/performance/${index}`, performance: index },
          new DocumentContext({ meta: {}, performance: tables }),
        ),
      );
    expect(count(0, false)).toBe('4个');
    // Another unit's table of the same name is not a duplicate; a table naming no unit may be either.
    expect(count(0, true)).toBe('2个');
    expect(count(1, true)).toBe('3个');
    expect(count(3, true)).toBe('4个');
  });

  it('sectionText reads a narrative section by id, or is not applicable', () => {
    expect(run('sectionText', { section: 'expenditure' })).toBe('…');
    expect(run('sectionText', { section: 'overview' })).toMatchObject({ reason: 'missing' });
  });
});

describe('row selectors that read the scope item (sameAs)', () => {
  const cited = deepFreeze({
    meta: { unit: '万元' },
    tables: {
      generalBudgetExpenditure: {
        unit: '万元',
        columns: [{ id: 'total', header: '合计' }],
        rows: [
          { code: '210', name: '卫生健康支出', values: { total: '9.00' } },
          { code: '21011', name: '行政事业单位医疗', values: { total: '9.00' } },
          { code: '2101101', name: '行政单位医疗', values: { total: '9.00' } },
        ],
      },
    },
    narrative: {
      sections: [
        {
          id: 'generalBudget',
          figures: [
            { key: 'functionalClassExpenditure', kind: 'amount', value: '9', code: '2101101', subject: '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）' },
            { key: 'functionalClassExpenditure', kind: 'amount', value: '9', code: '2101101', subject: '卫生健康支出-行政事业单位医疗-行政单位医疗' },
            { key: 'functionalClassExpenditure', kind: 'amount', value: '9', code: '2101101', subject: '行政单位 医疗' },
            { key: 'functionalClassExpenditure', kind: 'amount', value: '9', code: '2101101', subject: '事业单位医疗' },
            { key: 'functionalClassExpenditure', kind: 'amount', value: '9', code: '299' },
          ],
        },
      ],
    },
  });
  const ctx = new DocumentContext(cited);
  const figureBinding = (index: number): ScopeBinding => ({ pointer: `/narrative/sections/0/figures/${index}`, figure: ctx.figures()[index]! });
  const matching = (index: number) => run('count', { table: 'generalBudgetExpenditure', rows: { sameAs: { code: '/code', name: '/subject' } } }, figureBinding(index), ctx);

  it('matches a cited classification path by its last part, and a plain name as a name', () => {
    expect([0, 1, 2, 3].map((index) => shown(matching(index)))).toEqual(['1个', '1个', '1个', '0个']);
  });

  it('selects no row when the scope item lacks the field', () => {
    expect(shown(matching(4))).toBe('0个');
    expect(shown(run('cell', { table: 'generalBudgetExpenditure', row: { sameAs: { code: '/code' } }, column: 'total' }, figureBinding(0), ctx))).toBe('9.00万元');
    expect(run('cell', { table: 'generalBudgetExpenditure', row: { sameAs: { code: '/code' } }, column: 'total' }, figureBinding(4), ctx)).toMatchObject({ reason: 'missing' });
  });
});

describe('table labels', () => {
  const labelled = deepFreeze({
    tables: {
      incomeSummary: { label: '预算公开表1', title: '收入总表', unit: '万元', columns: [], rows: [], line: 10 },
      expenditureSummary: { label: '预算公开表 3', title: '支出总表', unit: '万元', columns: [], rows: [], line: 30 },
      stateCapital: { label: '部门公开表2', title: '国资', unit: '万元', columns: [], rows: [], line: 20 },
      threePublicExpenses: { title: '三公', unit: '万元', columns: [], rows: [] },
    },
  });
  const ctx = new DocumentContext(labelled);
  const at = (role: string): ScopeBinding => ({ pointer: `/tables/${role}`, table: role });
  it('tableLabel gives the prefix, and the prefix most labels use', () => {
    expect(run('tableLabel', { part: 'prefix' }, at('stateCapital'), ctx)).toBe('部门公开表');
    expect(run('tableLabel', { part: 'prefix' }, at('expenditureSummary'), ctx)).toBe('预算公开表');
    expect(run('tableLabel', { part: 'usualPrefix' }, at('stateCapital'), ctx)).toBe('预算公开表');
    expect(run('tableLabel', { part: 'prefix' }, at('threePublicExpenses'), ctx)).toMatchObject({ reason: 'missing' });
    expect(run('tableLabel', { part: 'usualPrefix' }, at('threePublicExpenses'), new DocumentContext({ tables: { threePublicExpenses: labelled.tables.threePublicExpenses } }))).toMatchObject({
      reason: 'missing',
    });
  });

  it('reads a label numbered in Arabic or Chinese numerals, before or after 表', () => {
    expect(labelParts('预算公开表10')).toEqual({ prefix: '预算公开表', number: 10 });
    expect(labelParts('公开01表')).toEqual({ prefix: '公开表', number: 1 });
    expect(labelParts('表01')).toEqual({ prefix: '表', number: 1 });
    expect(labelParts('表七')).toEqual({ prefix: '表', number: 7 });
    expect(labelParts('表十')).toEqual({ prefix: '表', number: 10 });
    expect(labelParts('表十二')).toEqual({ prefix: '表', number: 12 });
    expect(labelParts('表二十三')).toEqual({ prefix: '表', number: 23 });
    expect(labelParts('附表')).toBeUndefined();
    expect(labelParts('表')).toBeUndefined();
    expect(labelParts('表一十一十')).toBeUndefined();
  });

  it('tableNumber gives the label number and the place in print order (source lines first)', () => {
    expect(shown(run('tableNumber', { part: 'number' }, at('expenditureSummary'), ctx))).toBe('3个');
    expect(shown(run('tableNumber', { part: 'position' }, at('expenditureSummary'), ctx))).toBe('3个');
    expect(shown(run('tableNumber', { part: 'position' }, at('stateCapital'), ctx))).toBe('2个');
    expect(run('tableNumber', { part: 'number' }, at('threePublicExpenses'), ctx)).toMatchObject({ reason: 'missing' });
  });
});

describe('counting narrative figures', () => {
  it('counts figures that meet the criteria, optionally only those citing the scope row code', () => {
    expect(shown(run('count', { of: 'figures', figures: { key: 'basicExpenditure' } }))).toBe('2个');
    expect(shown(run('count', { of: 'figures', figures: { key: ['basicExpenditure', 'projectExpenditure'], kind: 'share' } }))).toBe('2个');
    expect(shown(run('count', { of: 'figures', figures: { section: 'income' } }))).toBe('0个');
    const codedRow: ScopeBinding = { pointer: '/tables/expenditureSummary/rows/3', table: 'expenditureSummary', row: 3 };
    expect(shown(run('count', { of: 'figures', sameCode: true }, codedRow))).toBe('0个');
    expect(run('count', { of: 'figures', sameCode: true }, { pointer: '/tables/expenditureSummary/rows/0', table: 'expenditureSummary', row: 0 })).toMatchObject({ reason: 'missing' });
  });
});

describe('section texts by heading', () => {
  const withOther = deepFreeze({
    narrative: { sections: [{ id: 'procurement', heading: '九、政府采购情况', text: '政府采购服务预算10万元。' }] },
    sections: {
      other: [
        { heading: '（一）政府购买服务指导性目录', text: '无' },
        { heading: '（二）其他', text: '无' },
      ],
    },
  });
  const ctx = new DocumentContext(withOther);
  it('finds narrative and other sections whose heading matches, or is not applicable', () => {
    expect(run('sectionText', { heading: '政府购买服务' }, { pointer: '' }, ctx)).toBe('无');
    expect(run('sectionText', { heading: '政府采购|其他' }, { pointer: '' }, ctx)).toBe('政府采购服务预算10万元。\n无');
    expect(run('sectionText', { heading: '绩效' }, { pointer: '' }, ctx)).toMatchObject({ reason: 'missing' });
    expect(run('sectionText', { heading: '(' }, { pointer: '' }, ctx)).toMatchObject({ reason: 'invalid' });
    expect(run('sectionText', { section: 'procurement' }, { pointer: '' }, ctx)).toBe('政府采购服务预算10万元。');
  });
});
