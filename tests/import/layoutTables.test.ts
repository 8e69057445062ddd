import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { importLayoutTables, type Table } from '../../engine/src/import/layoutTables.js';
import { toLines } from '../../engine/src/import/lines.js';
import { type ImportContext } from '../../engine/src/import/types.js';
import { Money, type DecimalValue } from '../../engine/src/money/money.js';
import { ROOT } from '../helpers/fixtures.js';

const CONTEXT: ImportContext = { department: '', fiscalYear: 2025, unit: '万元', layout: 'layout-text' };
const ROLES = [
  'incomeExpenditureSummary',
  'incomeSummary',
  'expenditureSummary',
  'fiscalAppropriationSummary',
  'generalBudgetExpenditure',
  'governmentFundExpenditure',
  'stateCapital',
  'basicExpenditureByEconomicClass',
  'threePublicExpenses',
  'agencyOperatingCosts',
];
const YUAN_ROLES = ROLES.slice(0, 8);

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'document.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(schema);
const validateTable = ajv.getSchema('urn:disclosure-rules:schema:document#/$defs/table')!;

/** Imports one example text. */
function load(name: string) {
  return importLayoutTables(toLines(readFileSync(join(ROOT, 'examples', name), 'utf8')), CONTEXT);
}

/** A cell as a decimal; blank counts as 0. */
function amount(value: unknown): DecimalValue {
  return new Money(typeof value === 'string' ? value : 0);
}

/** The row with a key. */
function keyed(table: Table, key: string, group?: string) {
  const row = table.rows.find((candidate) => candidate.key === key && (group === undefined || candidate.group === group));
  expect(row, `${key} row`).toBeDefined();
  return row!;
}

/** Where a class row differs from the sum of its direct children (by code prefix), or the total row from its classes. */
function hierarchyMismatches(table: Table, column: string): string[] {
  const mismatches: string[] = [];
  const coded = table.rows.filter((row) => row.code !== undefined);
  const check = (label: string, parent: Table['rows'][number], children: Table['rows'][number][]) => {
    if (children.length === 0) return;
    const sum = children.reduce((total, row) => total.plus(amount(row.values[column])), new Money(0));
    if (!sum.equals(amount(parent.values[column]))) mismatches.push(`${label} ${column}: ${parent.values[column]} ≠ Σ ${sum.toString()}`);
  };
  for (const parent of coded) {
    check(
      parent.code!,
      parent,
      coded.filter((row) => row.code!.length === parent.code!.length + 2 && row.code!.startsWith(parent.code!)),
    );
  }
  const total = table.rows.find((row) => row.key === 'total');
  if (total !== undefined)
    check(
      'total',
      total,
      coded.filter((row) => row.code!.length === 3),
    );
  return mismatches;
}

/** Where a row's total differs from the sum of its parts. */
function rowMismatches(table: Table, total: string, parts: readonly string[]): string[] {
  return table.rows.flatMap((row) => {
    const sum = parts.reduce((acc, part) => acc.plus(amount(row.values[part])), new Money(0));
    return sum.equals(amount(row.values[total])) ? [] : [`line ${row.line} ${total}: ${row.values[total]} ≠ Σ ${sum.toString()}`];
  });
}

/** Arithmetic the documents themselves get wrong (checked against the printed text). */
const DOCUMENT_ERRORS: Readonly<Record<string, readonly string[]>> = {
  'shanghai-putuo-wanli-2025-budget.txt': [
    // 212 01 城乡社区管理事务 prints 94,995,790 = 77,381,546 + 17,614,243 (= 94,995,789), its 项 rows sum to 94,995,789.
    'expenditureSummary line 414 total: 94995790 ≠ Σ 94995789',
    'expenditureSummary 21201 total: 94995790 ≠ Σ 94995789',
    'generalBudgetExpenditure line 599 total: 94995790 ≠ Σ 94995789',
    'generalBudgetExpenditure 21201 total: 94995790 ≠ Σ 94995789',
    'incomeSummary 21201 total: 94995790 ≠ Σ 94995789',
    // …so class 212 (154,369,326, which matches its basic + project) is 1 less than its 款 rows.
    'expenditureSummary 212 total: 154369326 ≠ Σ 154369327',
    'generalBudgetExpenditure 212 total: 154369326 ≠ Σ 154369327',
    'incomeSummary 212 total: 154369326 ≠ Σ 154369327',
  ],
  'shanghai-putuo-zhengfuban-2025-budget.txt': [],
};

describe.each([
  ['shanghai-putuo-wanli-2025-budget.txt', '上海市普陀区人民政府万里街道办事处'],
  ['shanghai-putuo-zhengfuban-2025-budget.txt', '上海市普陀区人民政府办公室'],
])('importLayoutTables on %s', (file, department) => {
  const result = load(file);
  const tables = result.value;

  it('finds every table with its role, unit and department, and no problems', () => {
    expect(Object.keys(tables).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const table = tables[role]!;
      expect(table.unit, role).toBe(YUAN_ROLES.includes(role) ? '元' : '万元');
      expect(table.department, role).toBe(department);
      expect(table.label, role).toBeUndefined();
      expect(table.title, role).toMatch(/^2025年部门.*表$/);
      expect(validateTable(table), `${role}: ${JSON.stringify(validateTable.errors)}`).toBe(true);
    }
    expect(tables.incomeSummary!.columns.map((column) => column.id)).toEqual(['total', 'fiscalAppropriation', 'businessIncome', 'operatingIncome', 'otherIncome']);
    expect(tables.incomeSummary!.columns[3]!.header).toBe('事业单位/经营收入');
    expect(tables.expenditureSummary!.columns.map((column) => column.id)).toEqual(['total', 'basic', 'project']);
    expect(tables.basicExpenditureByEconomicClass!.columns.map((column) => column.id)).toEqual(['total', 'personnel', 'public']);
    expect(tables.fiscalAppropriationSummary!.columns.map((column) => column.id)).toEqual(['amount', 'total', 'generalBudget', 'governmentFunds', 'stateCapital']);
    expect(result.problems).toEqual([]);
  });

  it('keeps the arithmetic the document has', () => {
    const mismatches: string[] = [];
    const collect = (role: string, found: readonly string[]) => mismatches.push(...found.map((text) => `${role} ${text}`));
    for (const role of ['expenditureSummary', 'generalBudgetExpenditure']) {
      collect(role, rowMismatches(tables[role]!, 'total', ['basic', 'project']));
      for (const column of ['total', 'basic', 'project']) collect(role, hierarchyMismatches(tables[role]!, column));
    }
    collect('incomeSummary', rowMismatches(tables.incomeSummary!, 'total', ['fiscalAppropriation', 'businessIncome', 'operatingIncome', 'otherIncome']));
    collect('incomeSummary', hierarchyMismatches(tables.incomeSummary!, 'total'));
    const economic = tables.basicExpenditureByEconomicClass!;
    collect('basicExpenditureByEconomicClass', rowMismatches(economic, 'total', ['personnel', 'public']));
    for (const column of ['total', 'personnel', 'public']) collect('basicExpenditureByEconomicClass', hierarchyMismatches(economic, column));
    expect(mismatches.sort()).toEqual([...DOCUMENT_ERRORS[file]!].sort());
    expect(tables.expenditureSummary!.rows.filter((row) => row.code !== undefined).length).toBeGreaterThan(15);
    for (const role of ['incomeExpenditureSummary', 'fiscalAppropriationSummary']) {
      const table = tables[role]!;
      const classes = table.rows.filter((row) => row.group === 'expenditure' && row.code !== undefined);
      const sum = classes.reduce((acc, row) => acc.plus(amount(row.values.total)), new Money(0));
      expect(sum.toString()).toBe(amount(keyed(table, 'expenditureGrandTotal').values.total).toString());
      expect(keyed(table, 'incomeGrandTotal', 'income').values.amount).toBe(keyed(table, 'expenditureGrandTotal').values.total);
      const incomeFirst = table.rows.findIndex((row) => row.group === 'expenditure');
      expect(table.rows.slice(incomeFirst).every((row) => row.group === 'expenditure')).toBe(true);
    }
    const three = tables.threePublicExpenses!;
    const value = (key: string) => amount(keyed(three, key).values.total);
    expect(value('abroad').plus(value('reception')).plus(value('vehicles')).toString()).toBe(value('total').toString());
    expect(value('vehiclePurchase').plus(value('vehicleOperation')).toString()).toBe(value('vehicles').toString());
    expect(three.rows.map((row) => row.key)).toEqual(['abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleOperation', 'total']);
  });

  it('keeps the empty tables with their note and blank 合计 row', () => {
    for (const [role, fund] of [
      ['governmentFundExpenditure', '政府性基金'],
      ['stateCapital', '国有资本经营'],
    ] as const) {
      const table = tables[role]!;
      expect(table.note).toMatch(new RegExp(`^注:本部门2025年无${fund}预算财政拨款安排的预算\\s*，故本表为空表。$`));
      expect(table.rows).toHaveLength(1);
      expect(table.rows[0]).toMatchObject({ key: 'total', name: '合计', values: {} });
    }
  });
});

describe('importLayoutTables values', () => {
  it('reads 万里街道 as printed', () => {
    const tables = load('shanghai-putuo-wanli-2025-budget.txt').value;
    const summary = tables.incomeExpenditureSummary!;
    expect(summary.line).toBe(142);
    expect(keyed(summary, 'incomeGrandTotal')).toMatchObject({ name: '收入总计', group: 'income', values: { amount: '189767551' }, line: 170 });
    expect(keyed(summary, 'fiscalAppropriation')).toMatchObject({ level: 1, values: { amount: '189767551' } });
    expect(keyed(summary, 'generalBudget')).toMatchObject({ name: '1. 一般公共预算资金', level: 2, values: { amount: '189767551' } });
    expect(keyed(summary, 'governmentFunds').values).toEqual({});
    expect(summary.rows.find((row) => row.code === '212')).toMatchObject({ name: '八、城乡社区支出', group: 'expenditure', values: { total: '154369326' } });
    expect(keyed(tables.expenditureSummary!, 'total')).toMatchObject({
      name: '合计',
      values: { total: '189767551', basic: '101341746', project: '88425805' },
      line: 447,
    });
    expect(tables.expenditureSummary!.rows.find((row) => row.code === '2010507')).toMatchObject({
      name: '专项普查活动',
      values: { total: '438300', basic: '0', project: '438300' },
      line: 323,
    });
    const fiscal = tables.fiscalAppropriationSummary!;
    expect(fiscal.rows.find((row) => row.code === '201')!.values).toEqual({ total: '3296600', generalBudget: '3296600' });
    expect(tables.basicExpenditureByEconomicClass!.rows.find((row) => row.code === '30213')).toMatchObject({
      name: '维修(护)费',
      level: 2,
      values: { total: '276000', personnel: '0', public: '276000' },
    });
    const three = tables.threePublicExpenses!;
    expect(Object.fromEntries(three.rows.map((row) => [row.key, row.values.total]))).toEqual({
      abroad: '0',
      reception: '1.35',
      vehicles: '36.56',
      vehiclePurchase: '15',
      vehicleOperation: '21.56',
      total: '37.91',
    });
    expect(three.line).toBe(738);
    expect(tables.agencyOperatingCosts!.rows).toEqual([{ key: 'total', name: '部门合计', values: { total: '464.64' }, line: 751 }]);
  });

  it('reads 区府办 as printed, blank cells absent', () => {
    const tables = load('shanghai-putuo-zhengfuban-2025-budget.txt').value;
    const three = tables.threePublicExpenses!;
    expect(keyed(three, 'abroad').values).toEqual({ total: '839.00' });
    expect(keyed(three, 'reception').values).toEqual({ total: '28.50' });
    expect(keyed(three, 'vehicles').values).toEqual({});
    expect(keyed(three, 'total').values).toEqual({ total: '867.50' });
    expect(keyed(tables.agencyOperatingCosts!, 'total').values).toEqual({ total: '213.28' });
    expect(tables.expenditureSummary!.rows.find((row) => row.code === '2010302')!.values).toEqual({
      total: '46140000.00',
      project: '46140000.00',
    });
    expect(tables.expenditureSummary!.rows.find((row) => row.code === '210')!.values).toEqual({
      total: '1097073.43',
      basic: '1097073.43',
    });
    expect(keyed(tables.incomeSummary!, 'total').values).toEqual({ total: '91016775.35', fiscalAppropriation: '91016775.35' });
    const economic = tables.basicExpenditureByEconomicClass!;
    expect(economic.rows.find((row) => row.code === '302')!.values).toEqual({ total: '1932777.54', public: '1932777.54' });
    expect(economic.rows.find((row) => row.code === '30302')!.values).toEqual({ total: '1188720.00', personnel: '1188720.00' });
    expect(keyed(tables.incomeExpenditureSummary!, 'otherIncome')).toMatchObject({ name: '四、其他收入', values: {}, line: 122 });
  });
});

/** A line with texts placed at character positions: [start, text] left-aligned, or [end, text, 'right']. */
function place(...parts: readonly (readonly [number, string] | readonly [number, string, 'right'])[]): string {
  let line = '';
  for (const part of parts) {
    const start = part[2] === 'right' ? part[0] - part[1].length : part[0];
    line = line.padEnd(start, ' ') + part[1];
  }
  return line;
}

describe('importLayoutTables on a synthetic table', () => {
  it('joins a wrapped header, follows a page break with shifted columns and joins a wrapped row name', () => {
    const numbers = (shift: number, total?: string, basic?: string, project?: string) => [
      ...(total === undefined ? [] : [[35 - shift, total, 'right'] as const]),
      ...(basic === undefined ? [] : [[46 - shift, basic, 'right'] as const]),
      ...(project === undefined ? [] : [[58 - shift, project, 'right'] as const]),
    ];
    const text = [
      '说明文字',
      place([20, '2025年部门支出预算总表']),
      place([0, '编制部门：测试部门'], [50, '单位：元']),
      '',
      place([0, '功能分类科目编码'], [40, '基本']),
      place([15, '功能分类科目名称'], [28, '合计'], [40, '支出'], [50, '项目支出']),
      place([0, '类'], [6, '款'], [11, '项']),
      place([0, '201'], [16, '一般公共服务支出'], ...numbers(0, '1,300', '1,000', '300')),
      place([0, '201'], [6, '01'], [16, '人大事务'], ...numbers(0, '1,300', '1,000', '300')),
      place([0, '201'], [6, '01'], [11, '01'], [16, '行政运行'], ...numbers(0, '1,000', '1,000')),
      `\f${place([0, '201'], [6, '01'], [11, '02'], [16, '一般行政管理'], ...numbers(8, '300', undefined, '300'))}`,
      place([16, '事务（含会议）']),
      place([12, '合计'], ...numbers(8, '1,300', '1,000', '300')),
      '  一、部门预算情况说明',
    ].join('\n');
    const result = importLayoutTables(toLines(text), CONTEXT);
    expect(result.problems).toEqual([]);
    const table = result.value.expenditureSummary!;
    expect(table).toMatchObject({ title: '2025年部门支出预算总表', department: '测试部门', unit: '元', line: 2 });
    expect(table.columns).toEqual([
      { id: 'total', header: '合计' },
      { id: 'basic', header: '基本/支出' },
      { id: 'project', header: '项目支出' },
    ]);
    expect(table.rows.map((row) => [row.code, row.name, row.values, row.line])).toEqual([
      ['201', '一般公共服务支出', { total: '1300', basic: '1000', project: '300' }, 8],
      ['20101', '人大事务', { total: '1300', basic: '1000', project: '300' }, 9],
      ['2010101', '行政运行', { total: '1000', basic: '1000' }, 10],
      ['2010102', '一般行政管理事务（含会议）', { total: '300', project: '300' }, 11],
      [undefined, '合计', { total: '1300', basic: '1000', project: '300' }, 13],
    ]);
    expect(table.rows[4]!.key).toBe('total');
    expect(validateTable(table)).toBe(true);
  });

  it('reports lines it cannot place and never throws', () => {
    const text = [
      place([20, '2025年部门支出预算总表']),
      place([0, '编制部门：测试部门'], [50, '单位：元']),
      place([15, '功能分类科目名称'], [28, '合计'], [40, '基本支出'], [50, '项目支出']),
      place([0, '201'], [16, '一般公共服务支出'], [35, '100', 'right'], [46, '100', 'right'], [58, '0', 'right'], [62, '多余文字']),
      place([0, '201'], [16, '一般公共服务支出'], [35, '1', 'right'], [40, '2', 'right'], [46, '3', 'right'], [52, '4', 'right']),
      place([12, '合计'], [35, '100', 'right'], [46, '100', 'right'], [58, '0', 'right']),
    ].join('\n');
    const result = importLayoutTables(toLines(text), CONTEXT);
    expect(result.problems.map((problem) => [problem.line, problem.code])).toEqual([
      [4, 'unrecognised_table_line'],
      [5, 'unrecognised_table_line'],
    ]);
    expect(result.problems.every((problem) => /[\u4e00-\u9fff]/.test(problem.message))).toBe(true);
    expect(result.value.expenditureSummary!.rows.map((row) => [row.key ?? row.code, row.values])).toEqual([
      ['201', {}],
      ['total', { total: '100', basic: '100', project: '0' }],
    ]);
    expect(() => importLayoutTables(toLines('2025年部门收入预算总表\n单位：元\n\f\f 1 2 3 \n合计'), CONTEXT)).not.toThrow();
    expect(importLayoutTables([], CONTEXT)).toEqual({ value: {}, problems: [] });
  });
});
