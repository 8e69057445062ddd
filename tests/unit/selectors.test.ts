/** Row selectors and the classification hierarchy (类 3 digits → 款 5 → 项 7, or by level). */
import { describe, expect, it } from 'vitest';
import { DocumentContext, type TableView } from '../../engine/src/document/context.js';
import { childRows, matchesRow, selectRows } from '../../engine/src/document/selectors.js';
import { isUnavailable } from '../../engine/src/document/unavailable.js';
import { deepFreeze } from '../helpers/fixtures.js';

const document = deepFreeze({
  tables: {
    expenditureSummary: {
      title: '支出总表',
      unit: '万元',
      columns: [
        { id: 'total', header: '合计' },
        { id: 'note', header: '说明', type: 'text' },
      ],
      rows: [
        { key: 'total', name: '合计', values: { total: '30.00' } },
        { code: '201', name: '一般公共服务支出', values: { total: '30.00' } },
        { code: '20103', name: '政府办公厅（室）及相关机构事务', values: { total: '30.00' } },
        { code: '2010301', name: '行政运行', values: { total: '10.00' } },
        { code: '2010302', name: '一般行政管理事务', values: { total: '20.00' } },
        { code: '205', name: '教育支出', values: { note: '无' } },
      ],
    },
    basicExpenditureByEconomicClass: {
      title: '经济分类',
      unit: '万元',
      columns: [{ id: 'total', header: '合计' }],
      rows: [
        { key: 'total', name: '合计', values: { total: '11.46' } },
        { code: '302', name: '商品和服务支出', level: 1, values: { total: '11.46' } },
        { name: '办公费', level: 2, values: { total: '6.00' } },
        { name: '差旅费', level: 2, values: { total: '5.46' } },
      ],
    },
    incomeExpenditureSummary: {
      title: '收支总表',
      unit: '万元',
      columns: [
        { id: 'amount', header: '收入' },
        { id: 'total', header: '支出' },
      ],
      rows: [
        { key: 'generalBudget', name: '一般公共预算', group: 'income', values: { amount: '30.00' } },
        { code: '201', name: '一、一般公共服务支出', group: 'expenditure', values: { total: '30.00' } },
        { code: '202', name: '二、外交支出', group: 'expenditure', values: {} },
      ],
    },
  },
});

const context = new DocumentContext(document);
const table = (role: string, within: DocumentContext = context): TableView => {
  const view = within.table(role);
  if (isUnavailable(view)) throw new Error(role);
  return view;
};
const names = (rows: readonly { name: string }[]) => rows.map((row) => row.name);

describe('row selectors', () => {
  const expenditure = table('expenditureSummary');

  it('keep rows at most maxLevel deep, a row without a level counting as level 1', () => {
    const economic = table('basicExpenditureByEconomicClass');
    expect(names(selectRows(economic, { maxLevel: 1 }))).toEqual(['合计', '商品和服务支出']);
    expect(names(selectRows(economic, { maxLevel: 2 }))).toEqual(['合计', '商品和服务支出', '办公费', '差旅费']);
  });

  it('match by key, code, code length, prefix and name (ignoring whitespace)', () => {
    expect(names(selectRows(expenditure, { key: 'total' }))).toEqual(['合计']);
    expect(names(selectRows(expenditure, { code: ['201', '205'] }))).toEqual(['一般公共服务支出', '教育支出']);
    expect(names(selectRows(expenditure, { codeLength: 7 }))).toEqual(['行政运行', '一般行政管理事务']);
    expect(names(selectRows(expenditure, { codePrefix: '20103', codeLength: 7 }))).toHaveLength(2);
    expect(names(selectRows(expenditure, { name: '行政 运行' }))).toEqual(['行政运行']);
    expect(names(selectRows(expenditure, { hasCode: false }))).toEqual(['合计']);
  });

  it('combine criteria with AND, and exclude keys', () => {
    expect(selectRows(expenditure, { hasCode: true, codeLength: 3, name: '教育支出' })).toHaveLength(1);
    expect(selectRows(expenditure, { exceptKeys: ['total'] })).toHaveLength(5);
  });

  it('tell rows with amounts from rows of blanks (text cells do not count)', () => {
    expect(names(selectRows(expenditure, { hasValues: false }))).toEqual(['教育支出']);
    const summary = table('incomeExpenditureSummary');
    expect(names(selectRows(summary, { group: 'expenditure', hasValues: true }))).toEqual(['一、一般公共服务支出']);
  });

  it('tell rows of one name apart by their unit (单位名称 cell), and hold rows without a unit cell to none', () => {
    const projects = table(
      'projectExpenditure',
      new DocumentContext({
        meta: {},
        tables: {
          projectExpenditure: {
            title: '项目支出表',
            columns: [{ id: 'total', header: '合计' }],
            rows: [
              { name: '日常保障运行', values: { unitName: '某市司法局', total: '967.80' } },
              { name: '日常保障运行', values: { unitName: '某 监 狱', total: '371.10' } },
              { name: '日常保障运行', values: { total: '1.00' } },
            ],
          },
        },
      }),
    );
    expect(selectRows(projects, { name: '日常保障运行', unitName: '某监狱' }).map((row) => row.values?.total)).toEqual(['371.10', '1.00']);
    expect(selectRows(projects, { name: '日常保障运行' })).toHaveLength(3);
  });

  it('select by hierarchy: rows with children', () => {
    expect(names(selectRows(expenditure, { hasChildren: true }))).toEqual(['合计', '一般公共服务支出', '政府办公厅（室）及相关机构事务']);
    expect(matchesRow(expenditure, expenditure.rows[3]!, { hasChildren: false })).toBe(true);
  });

  it('select the bottom of the printed hierarchy (leaf), whatever its depth, and not rows whose hierarchy is not printed', () => {
    const projects = (rows: readonly Record<string, unknown>[]) => {
      const printed = new DocumentContext({ tables: { projectExpenditure: { title: '项目支出表', unit: '万元', columns: [{ id: 'total', header: '合计' }], rows } } });
      return names(selectRows(table('projectExpenditure', printed), { leaf: true, hasKey: false }));
    };
    // Projects at level 1 (烟台), or under a unit and a category (山西).
    expect(
      projects([
        { key: 'total', name: '合计', values: {} },
        { name: '设备购置更新', level: 1, values: {} },
        { name: '统计周期性调查', level: 1, values: {} },
      ]),
    ).toEqual(['设备购置更新', '统计周期性调查']);
    expect(
      projects([
        { name: '某局', level: 1, values: {} },
        { name: '专项业务', level: 2, values: {} },
        { name: '项目甲', level: 3, values: {} },
        { name: '项目乙', level: 3, values: {} },
      ]),
    ).toEqual(['项目甲', '项目乙']);
    // A unit followed by rows whose level the print does not show (西安): neither is known to be a project.
    expect(
      projects([
        { name: '西安市统计局', level: 1, values: {} },
        { name: '西安市统计局', level: 2, values: {} },
        { name: '通用项目', values: {} },
        { name: '统计业务培训', values: {} },
      ]),
    ).toEqual([]);
  });
});

describe('the classification hierarchy', () => {
  it('follows codes: total → 类, 类 → 款, 款 → 项', () => {
    const expenditure = table('expenditureSummary');
    expect(names(childRows(expenditure, expenditure.rows[0]!))).toEqual(['一般公共服务支出', '教育支出']);
    expect(names(childRows(expenditure, expenditure.rows[1]!))).toEqual(['政府办公厅（室）及相关机构事务']);
    expect(names(childRows(expenditure, expenditure.rows[2]!))).toEqual(['行政运行', '一般行政管理事务']);
    expect(childRows(expenditure, expenditure.rows[3]!)).toEqual([]);
  });

  it('takes the rows under each occurrence of a code printed twice (a second classification)', () => {
    const grouped = new DocumentContext(
      deepFreeze({
        tables: {
          basicExpenditureByEconomicClass: {
            title: '基本支出',
            unit: '万元',
            columns: [{ id: 'total', header: '合计' }],
            rows: [
              { key: 'total', name: '合计', values: { total: '30.00' } },
              { code: '301', name: '工资福利支出', values: { total: '10.00' } },
              { code: '30101', name: '基本工资', values: { total: '10.00' } },
              { code: '301', name: '工资福利支出', values: { total: '20.00' } },
              { code: '30101', name: '基本工资', values: { total: '15.00' } },
              { code: '30102', name: '津贴补贴', values: { total: '5.00' } },
            ],
          },
        },
      }),
    ).table('basicExpenditureByEconomicClass') as TableView;
    expect(childRows(grouped, grouped.rows[1]!).map((row) => row.index)).toEqual([2]);
    expect(childRows(grouped, grouped.rows[3]!).map((row) => row.index)).toEqual([4, 5]);
    expect(childRows(grouped, grouped.rows[0]!).map((row) => row.index)).toEqual([1, 3]);
  });

  it('falls back to levels when the children print no codes (款 by name)', () => {
    const economic = table('basicExpenditureByEconomicClass');
    expect(names(childRows(economic, economic.rows[0]!))).toEqual(['商品和服务支出']);
    expect(names(childRows(economic, economic.rows[1]!))).toEqual(['办公费', '差旅费']);
  });

  it('keeps the sides of a two-sided table apart', () => {
    const summary = table('incomeExpenditureSummary');
    expect(childRows(summary, summary.rows[1]!)).toEqual([]);
  });
});
