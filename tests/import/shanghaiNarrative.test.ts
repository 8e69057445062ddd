/**
 * The Shanghai template's text parts (space-aligned layout): both example documents' 编制说明 and
 * 其他相关情况说明 become narrative sections whose figures agree with their own tables, duties,
 * organisation, glossary and project explanations become sections, 国有资产 becomes assets; what is
 * not read is reported at its own lines, never inside the tables. Synthetic texts check a sentence
 * wrapped onto the next line, an unreadable line, and that no text makes the stage throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText, validateAgainst } from '../../engine/src/index.js';
import { type Figure, type NarrativeSection, type Table } from '../../engine/src/document/model.js';
import { importLayoutTablesWithRegions } from '../../engine/src/import/layoutTables.js';
import { toLines } from '../../engine/src/import/lines.js';
import { type AssetsPart, type NarrativeParts } from '../../engine/src/import/narrative.js';
import { type DecimalValue, Money } from '../../engine/src/money/money.js';
import { ROOT } from '../helpers/fixtures.js';

const WANLI = 'shanghai-putuo-wanli-2025-budget';
const ZHENGFUBAN = 'shanghai-putuo-zhengfuban-2025-budget';

function read(name: string): string {
  return readFileSync(join(ROOT, 'examples', `${name}.txt`), 'utf8');
}

function imported(text: string) {
  const result = importText(text, { file: 'test.txt' });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** The parts this stage fills, typed. */
function partsOf(document: unknown): NarrativeParts {
  return document as NarrativeParts;
}

function sectionsOf(document: unknown): readonly NarrativeSection[] {
  return partsOf(document).narrative?.sections ?? [];
}

function figuresOf(document: unknown, id: string): readonly Figure[] {
  return sectionsOf(document).find((section) => section.id === id)?.figures ?? [];
}

function amountOf(figures: readonly Figure[], key: string): string | undefined {
  const figure = figures.find((candidate) => candidate.key === key && candidate.kind === 'amount');
  return figure === undefined ? undefined : String(figure.value);
}

/** A table cell in 万元 (the 三公 table's unit); a blank cell counts as 0 here. */
function cell(table: Table, key: string): DecimalValue {
  const value = table.rows.find((row) => row.key === key)?.values.total;
  return new Money(typeof value === 'string' ? value : 0);
}

const THREE_PUBLIC: readonly (readonly [string, string])[] = [
  ['threePublicTotal', 'total'],
  ['abroadCosts', 'abroad'],
  ['vehicleCosts', 'vehicles'],
  ['vehiclePurchaseCosts', 'vehiclePurchase'],
  ['vehicleOperationCosts', 'vehicleOperation'],
  ['receptionCosts', 'reception'],
];

/** What each document leaves unread: [line, what], everything else is data or kept text. */
const UNREAD: Readonly<Record<string, readonly (readonly [number, RegExp])[]>> = {
  [WANLI]: [
    // The text names 款 卫生健康支出 / 项 计划生育事务; the tables print 21007 计划生育事务 / 2100717 计划生育服务.
    [120, /210 卫生健康支出 之下没有“卫生健康支出”/],
    [775, /计划购置车辆的分类数/],
    [776, /计划购置的设备数/],
  ],
  [ZHENGFUBAN]: [
    [392, /计划购置车辆的分类数/],
    [393, /计划购置的设备数/],
  ],
};

describe.each([WANLI, ZHENGFUBAN])('the text parts of %s', (name) => {
  const text = read(name);
  const { document, problems } = imported(text);
  const tables = document.tables as Record<string, Table>;

  it('gives a schema-valid document', () => {
    expect(validateAgainst('document', document)).toEqual([]);
  });

  it('reports exactly what it does not read, each at its own line, none inside a table', () => {
    const expected = UNREAD[name]!;
    expect(problems.map((problem) => problem.code)).toEqual(expected.map(() => 'unrecognised_text'));
    expect(problems.map((problem) => problem.line)).toEqual(expected.map(([line]) => line));
    problems.forEach((problem, index) => {
      expect(problem.message).toMatch(expected[index]![1]);
    });
    const { regions } = importLayoutTablesWithRegions(toLines(text), { department: '', fiscalYear: 2025, unit: '万元', layout: 'layout-text' });
    expect(regions).toHaveLength(9);
    for (const problem of problems) {
      expect(
        regions.some((region) => problem.line >= region.from && problem.line <= region.to),
        `line ${problem.line}`,
      ).toBe(false);
    }
  });

  it('reads the 编制说明 and the numbered sections of 其他相关情况说明 with stable ids', () => {
    expect(sectionsOf(document).map((section) => section.id)).toEqual(['overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement', 'performance']);
    const overview = figuresOf(document, 'overview');
    const income = tables.incomeExpenditureSummary!.rows.find((row) => row.key === 'incomeGrandTotal')!.values.amount as string;
    expect(new Money(amountOf(overview, 'incomeTotal')!).equals(new Money(income).dividedBy(10000).toDecimalPlaces(2))).toBe(true);
    expect(amountOf(overview, 'expenditureTotal')).toBe(amountOf(overview, 'incomeTotal'));
    expect(overview.filter((figure) => figure.key === 'functionalClassExpenditure').every((figure) => /^\d{7}$/.test(figure.code ?? ''))).toBe(true);
  });

  it('states the 三公 figures of its own 三公 table', () => {
    const figures = figuresOf(document, 'threePublicExpenses');
    for (const [key, row] of THREE_PUBLIC) {
      const stated = amountOf(figures, key);
      expect(stated, key).toBeDefined();
      expect(new Money(stated!).equals(cell(tables.threePublicExpenses!, row)), key).toBe(true);
    }
    expect(figures.filter((figure) => figure.kind === 'change')).toHaveLength(6);
  });

  it('states the 机关运行经费 of its table', () => {
    const stated = amountOf(figuresOf(document, 'agencyOperatingCosts'), 'agencyOperatingCosts')!;
    expect(new Money(stated).equals(cell(tables.agencyOperatingCosts!, 'total'))).toBe(true);
  });

  it('states a procurement total equal to goods + works + services', () => {
    const figures = figuresOf(document, 'procurement');
    const parts = ['procurementGoods', 'procurementWorks', 'procurementServices'].map((key) => new Money(amountOf(figures, key)!));
    expect(parts.reduce((sum, part) => sum.plus(part), new Money(0)).equals(new Money(amountOf(figures, 'procurementTotal')!))).toBe(true);
    expect(amountOf(figures, 'procurementSmeReserved')).toBeDefined();
    expect(amountOf(figures, 'procurementSmallMicroReserved')).toBeDefined();
  });

  it('keeps duties, organisation, the eight glossary terms and the project explanation as sections', () => {
    const sections = partsOf(document).sections!;
    expect(sections.duties!.heading).toMatch(/主要职能$/);
    expect(sections.organisation!.heading).toMatch(/机构设置$/);
    expect(sections.glossary!.map((entry) => entry.term)).toEqual(['财政拨款收入', '事业收入', '事业单位经营收入', '其他收入', '基本支出预算', '项目支出预算', '“三公”经费', '机关运行经费']);
    expect(sections.other!.map((section) => section.heading)).toEqual([expect.stringMatching(/项目经费情况说明$/)]);
    expect(sections.other![0]!.text).toMatch(/^一、项目概/);
  });
});

describe('万里街道 as printed', () => {
  const { document } = imported(read(WANLI));

  it('reads the 三公 amounts and their year-on-year changes', () => {
    const figures = figuresOf(document, 'threePublicExpenses');
    expect(figures.map((figure) => [figure.key, figure.kind, figure.value, figure.direction ?? '', figure.line])).toEqual([
      ['threePublicTotal', 'amount', '37.91', '', 755],
      ['threePublicTotal', 'change', '10', 'decrease', 755],
      ['abroadCosts', 'amount', '0', '', 756],
      ['abroadCosts', 'change', '0', 'flat', 756],
      ['vehicleCosts', 'amount', '36.56', '', 757],
      ['vehicleCosts', 'change', '10', 'decrease', 757],
      ['vehiclePurchaseCosts', 'amount', '15', '', 758],
      ['vehiclePurchaseCosts', 'change', '10', 'decrease', 758],
      ['vehicleOperationCosts', 'amount', '21.56', '', 758],
      ['vehicleOperationCosts', 'change', '0', 'flat', 759],
      ['receptionCosts', 'amount', '1.35', '', 760],
      ['receptionCosts', 'change', '0', 'flat', 760],
    ]);
  });

  it('reads 机关运行经费, procurement, performance and assets', () => {
    expect(amountOf(figuresOf(document, 'agencyOperatingCosts'), 'agencyOperatingCosts')).toBe('464.64');
    const procurement = figuresOf(document, 'procurement');
    expect(
      ['procurementTotal', 'procurementGoods', 'procurementWorks', 'procurementServices', 'procurementSmeReserved', 'procurementSmallMicroReserved'].map((key) => amountOf(procurement, key)),
    ).toEqual(['4821.20', '57.43', '3780.72', '983.05', '1928.48', '1349.94']);
    // "…预留给小型和微型企业的政府采购项目预算为1349.94\n万元。" is wrapped: the figure is at the line it starts on.
    expect(procurement.find((figure) => figure.key === 'procurementSmallMicroReserved')).toMatchObject({ text: '预留给小型和微型企业的政府采购项目预算为1349.94万元', line: 766 });
    expect(figuresOf(document, 'performance').map((figure) => [figure.key, figure.value])).toEqual([
      ['performanceProjects', '49'],
      ['performanceAmount', '8825.98'],
    ]);
    const assets = partsOf(document).assets as AssetsPart;
    expect(assets).toMatchObject({ asOf: '2024-08-31', vehicles: { actual: 8, planned: 1, line: 772 }, equipment: [{ category: '设备（不含车辆）', threshold: '100', count: 0, line: 773 }] });
    expect(assets.vehicles!.byCategory).toHaveLength(8);
    expect(assets.vehicles!.byCategory![7]).toEqual({ category: '其他用车', count: 8 });
  });

  it('resolves the subjects the 编制说明 lists by name to the tables’ codes', () => {
    const listed = figuresOf(document, 'overview').filter((figure) => figure.key === 'functionalClassExpenditure');
    expect(listed).toHaveLength(32);
    expect(listed[0]).toMatchObject({ code: '2010507', value: '43.83', unit: '万元', line: 80, subject: '一般公共服务支出（类）统计信息事务（款）专项普查活动（项）' });
    // Item 14 wraps after "主要": the figure is on its first line, the section text has the item on one line.
    expect(listed.find((figure) => figure.code === '2080505')).toMatchObject({ value: '482.72', line: 107 });
    expect(sectionsOf(document)[0]!.text).toContain('科目482.72万元，主要用于机关事业单位基本养老保险缴费支出。');
  });
});

describe('区府办 as printed', () => {
  const { document } = imported(read(ZHENGFUBAN));

  it('reads its 三公 figures (公务用车 0, blank in the table), 机关运行经费 and “A-B-C” subjects', () => {
    const figures = figuresOf(document, 'threePublicExpenses');
    expect(THREE_PUBLIC.map(([key]) => amountOf(figures, key))).toEqual(['867.50', '839', '0', '0', '0', '28.50']);
    expect(figures.filter((figure) => figure.kind === 'change').every((figure) => figure.direction === 'flat')).toBe(true);
    expect(amountOf(figuresOf(document, 'agencyOperatingCosts'), 'agencyOperatingCosts')).toBe('213.28');
    const listed = figuresOf(document, 'overview').filter((figure) => figure.key === 'functionalClassExpenditure');
    expect(listed.map((figure) => figure.code)).toEqual(['2010301', '2010302', '2010350', '2010399', '2080501', '2080505', '2080506', '2080599', '2101101', '2101102', '2210201', '2210203']);
    // "…比2024年预算减少2,389.52万\n元；" is wrapped in the middle of its unit.
    expect(figuresOf(document, 'overview')[2]).toMatchObject({ key: 'fiscalAppropriationTotal', kind: 'change', value: '2389.52', unit: '万元', direction: 'decrease', current: '9101.68', line: 71 });
  });
});

/** A small Shanghai-layout text: cover, contents, a part, the 三公 table and 其他相关情况说明. */
function synthetic(otherNotes: readonly string[], between: readonly string[] = []): string {
  const wide = '  上海市普陀区测试局是区政府工作部门，负责本区测试工作的统筹协调、组织实施、监督检查和相关的服务保障工作，承担';
  return [
    '上海市普陀区2025年区级部门预算',
    '',
    ' 预算主管部门：上海市普陀区测试局',
    '                            目   录',
    '一、部门主要职能    ……………………………………………………',
    '\f           上海市普陀区测试局主要职能',
    '',
    wide,
    '区政府交办的其他任务。',
    '                     2025年部门“三公”经费和机关运行经费预算表',
    '编制部门：上海市普陀区测试局                                                             单位:万元',
    '',
    '                                 “三公”经费预算数',
    '',
    '                                                                                机关运行经费预算',
    '                                                  公务用车购置及运行费',
    '                                                                                    数',
    '   合计           因公出国(境)费       公务接待费',
    '                                          小计           购置费        运行费',
    '',
    '        37.91              0       1.35        36.56         15         21.56        464.64',
    ...between,
    '\f                             其他相关情况说明',
    '',
    ...otherNotes,
  ].join('\n');
}

const THREE_PUBLIC_NOTES = [
  '   一、2025年“三公”经费预算情况说明',
  '      2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：',
  '     （一）因公出国（境）费0万元，与2024年预算持平。',
  '     （二）公务用车购置及运行费36.56万元，比2024年预算减少10万元。其中：公务用车购置费15万元，比2024年预算',
  '减少10万元，主要原因是购置车辆的类型与上年不同，不再购置大型客车，改为购置小型轿车；公务用车运行费21.56万',
  '元，比2024年预算持平，主要原因是公务用车运行费保持不变。',
  '     （三）公务接待费1.35万元，与2024年预算持平。',
  '  二、机关运行经费预算',
  '      2025年上海市普陀区测试局下属1家机关财政拨款的机关运行经费预算为464.64万元。',
];

describe('synthetic Shanghai-layout texts', () => {
  it('joins a sentence wrapped onto the next line and reads its figures at the line each starts on', () => {
    const { document, problems } = imported(synthetic(THREE_PUBLIC_NOTES));
    expect(problems).toEqual([]);
    expect(validateAgainst('document', document)).toEqual([]);
    const figures = figuresOf(document, 'threePublicExpenses');
    expect(figures.find((figure) => figure.key === 'vehiclePurchaseCosts' && figure.kind === 'change')).toMatchObject({ value: '10', direction: 'decrease', text: '比2024年预算减少10万元', line: 27 });
    expect(figures.find((figure) => figure.key === 'vehicleOperationCosts' && figure.kind === 'amount')).toMatchObject({ value: '21.56', unit: '万元', text: '公务用车运行费21.56万元', line: 28 });
    expect(figures.find((figure) => figure.key === 'vehicleOperationCosts' && figure.kind === 'change')).toMatchObject({
      value: '0',
      direction: 'flat',
      current: '21.56',
      text: '比2024年预算持平',
      line: 29,
    });
    expect(sectionsOf(document)[0]!.text.split('\n')[2]).toBe(
      '（二）公务用车购置及运行费36.56万元，比2024年预算减少10万元。其中：公务用车购置费15万元，比2024年预算减少10万元，主要原因是购置车辆的类型与上年不同，不再购置大型客车，改为购置小型轿车；公务用车运行费21.56万元，比2024年预算持平，主要原因是公务用车运行费保持不变。',
    );
    expect(partsOf(document).sections!.duties).toEqual({
      heading: '上海市普陀区测试局主要职能',
      text: '上海市普陀区测试局是区政府工作部门，负责本区测试工作的统筹协调、组织实施、监督检查和相关的服务保障工作，承担区政府交办的其他任务。',
      line: 6,
    });
    expect(document.tables.threePublicExpenses!.rows.find((row) => row.key === 'total')!.values.total).toBe('37.91');
  });

  it('reports an unreadable line at that line, and only it', () => {
    const notes = [...THREE_PUBLIC_NOTES.slice(0, 3), '     （二）公务用车购置及运行费大约三十六万元，另有补贴5万元。', ...THREE_PUBLIC_NOTES.slice(6)];
    const { problems } = imported(synthetic(notes, ['', '（此页无正文）']));
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([
      [23, 'unrecognised_text'],
      [29, 'unrecognised_text'],
    ]);
    expect(problems[0]!.message).toMatch(/（此页无正文）.*不属于任何部分/);
    expect(problems[1]!.message).toMatch(/另有补贴5万元/);
  });

  it('reports text before the first numbered section, and a change with no amount before it', () => {
    const notes = ['      以下为其他说明。', '   一、2025年“三公”经费预算情况说明', '      比2024年预算减少10万元。'];
    const { problems } = imported(synthetic(notes));
    expect(problems.map((problem) => problem.line)).toEqual([24, 26]);
    expect(problems[1]!.message).toMatch(/前面没有它所说明的金额/);
  });

  it('never throws, whatever the text parts contain', () => {
    const pool = fc.constantFrom(
      '其他相关情况说明',
      '项目经费情况说明',
      '名词解释',
      '  一、2025年“三公”经费预算情况说明',
      '  五、国有资产占有使用情况',
      '     （一）因公出国（境）费0万元，与2024年预算持平。',
      '比2024年预算增加',
      '共有车辆8辆，其中：其他用车8辆；单价100万元（含）以上设备（不含车辆）0台（套）。',
      '  1. “一般公共服务支出（类）统计信息事务（款）”科目43.83万元',
      '',
      '\f',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pool, fc.string({ maxLength: 130 })), { maxLength: 30 }), (lines) => {
        const result = importText(synthetic(lines));
        expect(result.ok).toBe(true);
        if (result.ok) expect(validateAgainst('document', result.document)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
