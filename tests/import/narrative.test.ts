/** The narrative stage: the sample against its hand-built JSON, and small texts for each rule. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Figure, type NarrativeSection } from '../../engine/src/document/model.js';
import { type ItemNames, type NarrativeSectionId, functionalClassCode, itemByPath, namesFunctionalClass, readFigures } from '../../engine/src/import/figures.js';
import { toLines } from '../../engine/src/import/lines.js';
import { citedProjects, importNarrative, type NarrativeParts } from '../../engine/src/import/narrative.js';
import { segment } from '../../engine/src/import/segment.js';
import { readTextParts } from '../../engine/src/import/text/readText.js';
import { ROOT, sampleDocument } from '../helpers/fixtures.js';

const sampleText = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.txt'), 'utf8');
/** The parts of the hand-built JSON this stage produces. */
interface Target {
  readonly narrative: { readonly sections: readonly (NarrativeSection & { readonly figures: readonly Figure[] })[] };
  readonly assets: NonNullable<NarrativeParts['assets']>;
  readonly sections: NonNullable<NarrativeParts['sections']>;
}
const target = sampleDocument() as Target;

const run = (text: string) => importNarrative(segment(toLines(text)));
/** The figures and problems of one paragraph of a section. */
const readParagraph = (text: string, section: NarrativeSectionId, items?: ItemNames) => readFigures([{ number: 1, text, cells: [text] }], section, items);
/** The keys and values of one paragraph's figures. */
const keyedFigures = (text: string, section: NarrativeSectionId) => readParagraph(text, section).figures.map((figure) => [figure.key, figure.value]);
const sample = run(sampleText);

describe('importNarrative on examples/budget-2025-shenpiju.txt', () => {
  it('reads every line of the overview, narrative and glossary without problems', () => {
    expect(sample.problems).toEqual([]);
  });

  it('reproduces the narrative sections: ids, headings, texts, lines and figures', () => {
    expect(sample.value.narrative).toEqual(target.narrative);
    // Same property order as the JSON, too.
    expect(JSON.stringify(sample.value.narrative)).toBe(JSON.stringify(target.narrative));
  });

  it('gives every figure the JSON has, in the same order, with the same key, kind, value and line', () => {
    const pick = (figure: Figure) => [figure.key, figure.kind, figure.value, figure.unit, figure.of, figure.code, figure.subject, figure.direction, figure.percent, figure.current, figure.line];
    const mine = sample.value.narrative!.sections.map((section) => (section.figures ?? []).map(pick));
    expect(mine).toEqual(target.narrative.sections.map((section) => section.figures.map(pick)));
  });

  it('reproduces assets exactly', () => {
    expect(JSON.stringify(sample.value.assets)).toBe(JSON.stringify(target.assets));
  });

  it('reproduces duties, organisation and the other sections (approval letter, 其他说明) exactly', () => {
    const sections = sample.value.sections!;
    expect(JSON.stringify(sections.duties)).toBe(JSON.stringify(target.sections.duties));
    expect(JSON.stringify(sections.organisation)).toBe(JSON.stringify(target.sections.organisation));
    expect(JSON.stringify(sections.other)).toBe(JSON.stringify(target.sections.other));
  });

  it("reproduces the glossary, including 十二、财政拨款 on the text's last line", () => {
    expect(sample.value.sections!.glossary).toEqual(target.sections.glossary);
  });
});

/** A small disclosure: overview, narrative body and glossary, each under its part heading. */
function disclosure(narrative: readonly string[], options: { overview?: readonly string[]; glossary?: readonly string[] } = {}): string {
  return [
    '某局2025年度部门预算公开',
    '第一部分 概况',
    ...(options.overview ?? ['一、本部门职责', '负责某事。', '二、机构设置情况', '内设机构2个。']),
    '第二部分 2025年部门预算报表',
    '第三部分 2025年度部门预算情况说明',
    ...narrative,
    '第四部分 名词解释',
    ...(options.glossary ?? ['一、基本支出：指人员支出和公用支出。']),
  ].join('\r\n');
}

const figuresOf = (result: ReturnType<typeof run>, id: string): readonly Figure[] => result.value.narrative?.sections.find((section) => section.id === id)?.figures ?? [];

describe('importNarrative on small texts', () => {
  it('reads a change stated with 增加/增长, its current amount, and CRLF line ends', () => {
    const result = run(disclosure(['一、部门预算收支数据变动情况及原因', '2025年度某局预算收入总计1,200.50万元，比上年增加100万元，增长9.08%，主要原因是人员增加。']));
    expect(result.problems).toEqual([]);
    expect(figuresOf(result, 'overview')).toEqual([
      { key: 'incomeTotal', kind: 'amount', value: '1200.50', unit: '万元', text: '2025年度某局预算收入总计1,200.50万元', line: 10 },
      {
        key: 'incomeTotal',
        kind: 'change',
        value: '100',
        unit: '万元',
        direction: 'increase',
        percent: '9.08',
        percentDirection: 'increase',
        current: '1200.50',
        text: '比上年增加100万元，增长9.08%',
        line: 10,
      },
    ]);
  });

  it('reads a class named with its level marker (一般公共服务（类）支出), under the class’s own name', () => {
    const result = run(disclosure(['五、一般公共预算支出情况说明', '按照支出功能分类，一般公共服务（类）支出13,144.37万元，占79.78%；教 育（类）支出118.01万元，占0.72%。']));
    expect(
      figuresOf(result, 'generalBudget')
        .filter((figure) => figure.kind === 'amount')
        .map((figure) => [figure.code, figure.subject, figure.value]),
    ).toEqual([
      ['201', '一般公共服务支出', '13144.37'],
      ['205', '教育支出', '118.01'],
    ]);
    expect(functionalClassCode('一般公共服务支出（类）信访事务（款）行政运行（项）')).toBeUndefined();
  });

  it('reads a 项 named by its path (…（款）…（项）支出) with the codes the document’s own tables print', () => {
    const items = new Map([
      ['行政运行', ['2010101', '2014001', '2040601']],
      ['信访事务', ['20140']],
      ['司法', ['20406']],
      ['行政事业单位养老支出', ['20805']],
      ['行政单位离退休', ['2080501']],
      ['一般行政管理事务', ['2014002']],
    ]);
    expect(itemByPath('2.一般公共服务支出（类）信访事务（款）一般行政管理事务（项）2026年预算数为', items)).toEqual({ code: '2014002', name: '一般行政管理事务' });
    expect(itemByPath('一般公共服务支出（类）信访事务（款）一般行政管理事务（项）主要用于', items)).toBeUndefined();
    expect(itemByPath('一般公共服务支出（类）信访事务（款）行政运行（项）支出', items)).toEqual({ code: '2014001', name: '行政运行' });
    expect(itemByPath('公共安全支出（类）司法（款）行政运行（项）', items)).toEqual({ code: '2040601', name: '行政运行' });
    expect(itemByPath('1.行政事业单位养老支出（款）行政单位离退休（项）支出', items)).toEqual({ code: '2080501', name: '行政单位离退休' });
    // Not settled by the tables: several 行政运行 and no outer name, or a name they do not print.
    expect(itemByPath('行政运行（项）支出', items)).toBeUndefined();
    expect(itemByPath('事业运行（项）支出', items)).toBeUndefined();
    expect(itemByPath('一般公共服务（类）支出', items)).toBeUndefined();
    // A 款 the tables do not print: its 项 is not the same-named one under a printed 款.
    expect(itemByPath('1.林业和草原（款）一般行政管理事务（项）支出', items)).toBeUndefined();
  });

  it('keeps the items listed under class headings (（一）一般公共服务支出（类）) in the section they explain, not as sections of their own', () => {
    const lines = [
      '四、财政拨款支出预算情况说明',
      '本部门2026年财政拨款预算支出 3,210.1 万元。',
      '其中：',
      '（一）一般公共服务支出（类）',
      '1.统计信息事务（款）行政运行（项）支出 1,429.11 万元，与上年相比增加 50.65 万元。',
      '（二）社会保障和就业支出（类）',
      '行政事业单位养老支出（款）行政单位离退休（项）支出 175.9 万元。',
      '五、一般公共预算“三公”经费支出预算情况说明',
      '“三公”经费支出预算 3 万元。',
    ].map((text, index) => ({ number: index + 1, text, cells: [text] }));
    const items = new Map([
      ['统计信息事务', ['20105']],
      ['行政运行', ['2010501']],
      ['行政事业单位养老支出', ['20805']],
      ['行政单位离退休', ['2080501']],
    ]);
    const sections = readTextParts(lines, items).value.narrative!.sections;
    expect(sections.map((section) => [section.id, section.heading])).toEqual([
      ['fiscalAppropriation', '四、财政拨款支出预算情况说明'],
      ['threePublicExpenses', '五、一般公共预算“三公”经费支出预算情况说明'],
    ]);
    expect(sections[0]!.figures!.filter((figure) => figure.kind === 'amount').map((figure) => [figure.key, figure.code, figure.value])).toEqual([
      ['fiscalAppropriationExpenditure', undefined, '3210.1'],
      ['functionalClassExpenditure', '2010501', '1429.11'],
      ['functionalClassExpenditure', '2080501', '175.9'],
    ]);
    expect(['（一）一般公共服务支出（类）', '2.社会保障和就业支出', '一般公共服务支出'].map(namesFunctionalClass)).toEqual([true, true, true]);
    expect(['（三）支出预算情况说明', '一般公共预算支出情况说明', '（一）人员经费'].map(namesFunctionalClass)).toEqual([false, false, false]);
  });

  it('reads an item named in quotation marks (上海: 1.“一般公共服务支出（类）商贸事务（款）行政运行（项）” 938.99 万元)', () => {
    const items = new Map([
      ['商贸事务', ['20113']],
      ['行政运行', ['2011301']],
    ]);
    const text = '1.  “一般公共服务支出（类）商贸事务（款）行政运行（项）”  938.99  万元，主要用于机关行政运行。2.“科学技术支出（类）”  5.00  万元。';
    const read = readParagraph(text, 'overview', items);
    expect(read.figures.map((figure) => [figure.key, figure.code, figure.subject, figure.value])).toEqual([
      ['functionalClassExpenditure', '2011301', '行政运行', '938.99'],
      ['functionalClassExpenditure', '206', '科学技术支出', '5.00'],
    ]);
    expect(read.problems).toEqual([]);
  });

  it('reads a department’s budget named 部门预算收入 / 部门预算支出 as its totals (深圳), not a project’s or a fund’s 预算支出', () => {
    const text = '2026年深圳市某某局部门预算收入  55,884.67  万元，较2025年年初预算增加  2,757.53  万元。2026年深圳市某某局部门预算支出  55,884.67  万元。';
    const read = readParagraph(text, 'overview');
    expect(read.figures.filter((figure) => figure.kind === 'amount').map((figure) => [figure.key, figure.value])).toEqual([
      ['incomeTotal', '55884.67'],
      ['expenditureTotal', '55884.67'],
    ]);
    expect(readParagraph('本单位信息化项目预算支出  40.00  万元。', 'expenditure').figures).toEqual([]);
  });

  it('reads 上年结转结余收入 in a 财政拨款 section as the carried-over appropriation (杭州)', () => {
    const text = '2026年财政拨款收支总预算  91,842.80  万元。收入包括：一般公共预算收入  91,495.48  万元、上年结转结余收入  347.32  万元。';
    expect(keyedFigures(text, 'fiscalAppropriation')).toEqual([
      ['fiscalAppropriationTotal', '91842.80'],
      ['generalBudgetAppropriation', '91495.48'],
      ['carriedOverAppropriation', '347.32'],
    ]);
  });

  it('reads the general budget’s part of the appropriation as the general budget’s, however it is named (一般公共财政拨款支出, 一般公共预算当年拨款收入, 一般公共预算财政拨款支出)', () => {
    // 西安 2022, an overview.
    expect(keyedFigures('2022年本部门一般公共财政拨款支出  1899.9  万元。', 'overview')).toEqual([['generalBudgetExpenditure', '1899.9']]);
    // 国家信访局: not every fund's current-year appropriation.
    const central = '财政拨款收入全部为一般公共预算拨款，包括：一般公共预算当年拨款收入16,474.82万元、上年结转2,254.12万元。本部门当年财政拨款收入6,210.93万元。';
    expect(keyedFigures(central, 'fiscalAppropriation')).toEqual([
      ['generalBudgetAppropriation', '16474.82'],
      ['carriedOverAppropriation', '2254.12'],
      ['currentYearAppropriation', '6210.93'],
    ]);
    // 重庆: not the whole appropriation's expenditure.
    const chongqing = '2026年一般公共预算财政拨款支出  128148.56  万元，比2025年增加  10300.15  万元。财政拨款支出  172283.15  万元。';
    const amounts = readParagraph(chongqing, 'fiscalAppropriation').figures.filter((figure) => figure.kind === 'amount');
    expect(amounts.map((figure) => [figure.key, figure.value])).toEqual([
      ['generalBudgetExpenditure', '128148.56'],
      ['fiscalAppropriationExpenditure', '172283.15'],
    ]);
  });

  it('never reads a fund’s or a part’s total as the department’s, and reads the funds’ older names as today’s (一般公共财政预算, 政府基金)', () => {
    const read = keyedFigures;
    expect(read('本单位2026年一般公共预算财政拨款支出预算 242,360.1 万元。', 'expenditure')).toEqual([]);
    expect(read('2026年本单位项目经费支出预算 417.41 万元。', 'expenditure')).toEqual([]);
    expect(read('公务接待费支出预算 46.51 万元。', 'expenditure')).toEqual([['receptionCosts', '46.51']]);
    expect(read('（1）公务用车购置预算支出 154.97 万元。', 'overview')).toEqual([['vehiclePurchaseCosts', '154.97']]);
    expect(read('本部门当年预算支出 6,210.93 万元，本年部门预算支出总计 6,210.93 万元。', 'overview')).toEqual([
      ['currentYearExpenditure', '6210.93'],
      ['expenditureTotal', '6210.93'],
    ]);
    expect(read('本年政府基金预算收入 0 万元。', 'income')).toEqual([['governmentFundIncome', '0']]);
    expect(read('本单位一般公共财政预算支出 100.00 万元。', 'overview')).toEqual([['generalBudgetExpenditure', '100.00']]);
    expect(read('政府采购预算总额 100.00 万元，其中：政府集中采购 60.00 万元，分散采购 40.00 万元。', 'procurement')).toEqual([['procurementTotal', '100.00']]);
    expect(read('机关运行费预算 10.00 万元，公车购置及运行费 5.00 万元。', 'overview')).toEqual([
      ['agencyOperatingCosts', '10.00'],
      ['vehicleCosts', '5.00'],
    ]);
    // (财政拨款支出预算 is the appropriation's, never the department's.)
    expect(read('支出预算 37,151.47 万元，其中：财政拨款支出预算 37,151.47 万元。', 'overview')).toEqual([
      ['expenditureTotal', '37151.47'],
      ['fiscalAppropriationExpenditure', '37151.47'],
    ]);
  });

  it('reads a fund’s 本年收入 as the fund’s (一般公共预算拨款本年收入), the shorter names of the “三公” parts, a change named by its side alone (收入较去年减少…) as its total’s, and a direction in one character (增 / 减)', () => {
    const income = '收入预算：2025年年初预算数1165.79万元，其中：一般公共预算拨款本年收入1144.25万元，上年结转21.54万元；政府性基金预算拨款0万元。收入较去年减少59.04万元。';
    expect(readParagraph(income, 'income').figures.map((figure) => [figure.key, figure.kind, figure.value, figure.current])).toEqual([
      ['incomeTotal', 'amount', '1165.79', undefined],
      ['generalBudgetIncome', 'amount', '1144.25', undefined],
      ['carriedOverIncome', 'amount', '21.54', undefined],
      ['governmentFundIncome', 'amount', '0', undefined],
      ['incomeTotal', 'change', '59.04', '1165.79'],
    ]);
    // The direction in one character (临沧: 较上年增 59.11万元).
    expect(
      readParagraph('2018年基本支出预算1000万元，较上年增 59.11万元；项目支出200万元，较上年减6万元。', 'expenditure')
        .figures.filter((figure) => figure.kind === 'change')
        .map((figure) => [figure.key, figure.direction, figure.value]),
    ).toEqual([
      ['basicExpenditure', 'increase', '59.11'],
      ['projectExpenditure', 'decrease', '6'],
    ]);
    expect(keyedFigures('公务接待11.8万元，公务用车运行费用10万元，公务用车购置经费0万元。', 'threePublicExpenses')).toEqual([
      ['receptionCosts', '11.8'],
      ['vehicleOperationCosts', '10'],
      ['vehiclePurchaseCosts', '0'],
    ]);
  });

  it('reads 财政拨款收入 as a source beside the others, and keeps no shares of a list naming it with a fund’s part of it (the fund counted twice)', () => {
    const sources = readParagraph('收入预算1000万元，其中：本年财政拨款收入900万元，占90%；上年结转100万元，占10%。', 'income');
    expect(sources.figures.map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['incomeTotal', 'amount', '1000'],
      ['fiscalAppropriationIncome', 'amount', '900'],
      ['fiscalAppropriationIncome', 'share', '90'],
      ['carriedOverIncome', 'amount', '100'],
      ['carriedOverIncome', 'share', '10'],
    ]);
    const nested = readParagraph('收入预算1000万元，其中：财政拨款收入900万元，占90%，一般公共预算拨款收入800万元，占80%；上年结转100万元，占10%。', 'income');
    expect(nested.figures.filter((figure) => figure.kind === 'share')).toEqual([]);
    expect(nested.figures.map((figure) => figure.key)).toEqual(['incomeTotal', 'fiscalAppropriationIncome', 'generalBudgetIncome', 'carriedOverIncome']);
    expect(nested.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('财政拨款收入与其中一类拨款的占比并列（重复计算），同一总额的各项占比不参与核对（3 处）')]);
  });

  it('reads a numbered heading naming the budget as a whole (重庆’s districts: 二、部门预算情况说明) by its first clause: the appropriation’s when it names the appropriation, else the overview', () => {
    const result = run(
      disclosure([
        '二、部门预算情况说明',
        '本年单位预算收入46.65万元，比上年增加1.59万元，其中一般公共预算拨款46.65万元。',
        '三、单位预算情况说明',
        '2024年一般公共预算财政拨款收入8904.98万元，一般公共预算财政拨款支出8904.98万元。其中：基本支出5991.26万元；项目支出2913.72万元。',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.value.narrative?.sections.map((section) => [section.id, section.figures?.filter((figure) => figure.kind === 'amount').map((figure) => figure.key)])).toEqual([
      ['overview', ['incomeTotal', 'generalBudgetIncome']],
      ['fiscalAppropriation', ['generalBudgetAppropriation', 'generalBudgetExpenditure', 'generalBudgetBasicExpenditure', 'generalBudgetProjectExpenditure']],
    ]);
  });

  it('never reads 基本支出 or 项目支出 under 机关运行经费, “三公”经费, 采购 or 资产 as the department’s, but does under 绩效', () => {
    const units = '下属共有6个事业单位，事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，项目支出预算36849227元。';
    expect(keyedFigures(units, 'agencyOperatingCosts')).toEqual([]);
    expect(keyedFigures('政府采购预算100万元，其中项目支出安排60万元。', 'procurement')).toEqual([['procurementTotal', '100']]);
    expect(keyedFigures('纳入部门整体支出绩效目标的金额为1935.36万元，其中，基本支出1517.95万元，项目支出417.41万元。', 'performance')).toEqual([
      ['basicExpenditure', '1517.95'],
      ['projectExpenditure', '417.41'],
    ]);
  });

  it('never reads an item’s or a source’s budget (工资福利支出预算, 事业收入预算) as the total (a source’s is the source’s); reads a class’s (…支出预算, …支出类科目) as the class, and 总收入 / 总支出 as the totals', () => {
    const read = keyedFigures;
    expect(read('工资福利支出预算 2016908.34 元，商品和服务支出预算 445372.24 元。', 'expenditure')).toEqual([]);
    expect(read('事业收入预算 20 万元。', 'income')).toEqual([['businessIncome', '20']]);
    expect(read('支出预算：2024年年初预算数8904.98万元，其中：社会保障和就业支出预算1740.8万元，(一)文化旅游体育与传媒支出类科目 850088.3 元。', 'expenditure')).toEqual([
      ['expenditureTotal', '8904.98'],
      ['functionalClassExpenditure', '1740.8'],
      ['functionalClassExpenditure', '850088.3'],
    ]);
    expect(readParagraph('1.“一般公共服务支出”科目  46,389  万元，主要用于单位人员经费支出。', 'overview').figures.map((figure) => [figure.key, figure.code, figure.subject])).toEqual([
      ['functionalClassExpenditure', '201', '一般公共服务支出'],
    ]);
    expect(read('我部门总收入7041.76万元，总支出7041.76万元；收入预算 100 万元，相应安排支出预算 100 万元。', 'overview')).toEqual([
      ['incomeTotal', '7041.76'],
      ['expenditureTotal', '7041.76'],
      ['incomeTotal', '100'],
      ['expenditureTotal', '100'],
    ]);
  });

  it('keeps no share of a whole whose list has a member it cannot place, so an incomplete list is never summed', () => {
    const result = run(
      disclosure([
        '二、收入预算情况说明',
        '2025年度某局收入预算总计50,616.94万元，其中，一般公共预算拨款收入16,474.82万元，占32.55%；某某来源收入31,888.00万元，占63.0%；上年结转2,254.12万元，占4.45%。',
      ]),
    );
    expect(figuresOf(result, 'income').filter((figure) => figure.kind === 'share')).toEqual([]);
    expect(
      figuresOf(result, 'income')
        .filter((figure) => figure.kind === 'amount')
        .map((figure) => figure.key),
    ).toEqual(['incomeTotal', 'generalBudgetIncome', 'carriedOverIncome']);
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/同一总额的各项占比不参与核对/);
  });

  it('reads a name joined to its number by 为 / 共计 (“三公”经费预算数为…)', () => {
    const result = run(disclosure(['七、“三公”经费增减变动原因说明', '某局2025年“三公”经费预算数为1.10万元，比上年减少25万元，下降95.8%。']));
    expect(figuresOf(result, 'threePublicExpenses').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['threePublicTotal', 'amount', '1.10'],
      ['threePublicTotal', 'change', '25'],
    ]);
  });

  it('reads a section whose heading names its whole (收入预算：2026年年初预算数…) and sources named 财政拨款 or 收入资金', () => {
    const result = run(
      disclosure([
        '二、收入预算情况说明',
        '2026年年初预算数186549.30万元，其中：一般公共预算财政拨款128148.56万元，政府性基金预算财政拨款44134.59万元，事业单位经营收入资金962.62万元，其他收入资金1512.04万元。',
      ]),
    );
    expect(figuresOf(result, 'income').map((figure) => [figure.key, figure.value])).toEqual([
      ['incomeTotal', '186549.30'],
      ['generalBudgetIncome', '128148.56'],
      ['governmentFundIncome', '44134.59'],
      ['operatingIncome', '962.62'],
      ['otherIncome', '1512.04'],
    ]);
  });

  it('reads 项目支出 as the whole only when nothing but a department, a year or a fund stands before it, never a named project’s', () => {
    const result = run(disclosure(['三、支出预算情况说明', '本部门2026年项目支出1612.29万元，其中：大厅保安和安检服务项目支出328.69万元。']));
    expect(figuresOf(result, 'expenditure').map((figure) => [figure.key, figure.value])).toEqual([['projectExpenditure', '1612.29']]);
  });

  it('gives a change after an amount it cannot name to nothing, not to an earlier amount', () => {
    const result = run(disclosure(['七、“三公”经费增减变动原因说明', '某局2025年“三公”经费预算413.00万元。某某专项经费安排339.68万元，比上年增加14.18万元，增长4.4%。']));
    expect(figuresOf(result, 'threePublicExpenses').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([['threePublicTotal', 'amount', '413.00']]);
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/未能识别增减变动“比上年增加14\.18万元/);
  });

  it('reads names followed by generic words (预算支出, 预算安排, 2026年预算数) and the 会议费, 培训费 beside the “三公” figures', () => {
    const result = run(
      disclosure([
        '七、“三公”经费增减变动原因说明',
        '某局2025年度一般公共预算拨款安排的“三公”经费支出预算3万元，比上年预算减少11.3万元。其中，因公出国（境）费支出0万元，占“三公”经费的0%；公务接待费支出3万元，占“三公”经费的100%。公务用车运行维护费2025年预算数 2.00 万元。会议费预算支出2.61万元，培训费预算支出19.03万元。',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(figuresOf(result, 'threePublicExpenses').map((figure) => [figure.key, figure.kind, figure.value, figure.of ?? ''])).toEqual([
      ['threePublicTotal', 'amount', '3', ''],
      ['threePublicTotal', 'change', '11.3', ''],
      ['abroadCosts', 'amount', '0', ''],
      ['abroadCosts', 'share', '0', 'threePublicTotal'],
      ['receptionCosts', 'amount', '3', ''],
      ['receptionCosts', 'share', '100', 'threePublicTotal'],
      ['vehicleOperationCosts', 'amount', '2.00', ''],
      ['meetingCosts', 'amount', '2.61', ''],
      ['trainingCosts', 'amount', '19.03', ''],
    ]);
  });

  it('reads an amount named only by its year and budget words as the figure its numbered heading names, and nothing else as it', () => {
    const result = run(
      disclosure([
        '七、“三公”经费增减变动原因说明',
        '（一）因公出国（境）经费',
        '2025年预算安排 7.05 万元，与上年持平。',
        '2.公务接待费。2025年预算数 1.65 万元，较2024年年初预算增加 0.26 万元。',
        '（三）主要用途',
        '2025年预算安排 3.00 万元。',
        '因公出国（境）经费0.00万元。',
      ]),
    );
    expect(figuresOf(result, 'threePublicExpenses').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['abroadCosts', 'amount', '7.05'],
      ['receptionCosts', 'amount', '1.65'],
      ['receptionCosts', 'change', '0.26'],
      ['abroadCosts', 'amount', '0.00'],
    ]);
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('2025年预算安排 3.00 万元')]);
  });

  it('reads a count printed before the projects it counts, named by its sentence on performance management, and the funds it involves; not a count of projects evaluated', () => {
    const result = run(
      disclosure([
        '十、预算绩效管理情况说明',
        '2025年本部门其他运转类项目和特定目标类项目均实行绩效目标管理，共计7个一级项目，涉及资金 4368.60 万元。',
        '本部门共84个项目纳入绩效目标管理，涉及财政性资金合计 212,753.77 万元。',
        '拟对统计周期性调查1个项目开展部门重点绩效评价，涉及预算资金368万元。',
        '本部门实行绩效目标管理，共计31个二级项目；实行绩效目标管理，涉及二级项目12个。',
      ]),
    );
    expect(figuresOf(result, 'performance').map((figure) => [figure.key, figure.kind, figure.value, figure.line])).toEqual([
      ['performanceProjects', 'count', '7', 10],
      ['performanceAmount', 'amount', '4368.60', 10],
      ['performanceProjects', 'count', '84', 11],
      ['performanceAmount', 'amount', '212753.77', 11],
    ]);
  });

  it('reads the funds named before the count of projects they go with (深圳: 涉及预算资金…万元，设置并编报5个项目绩效目标), and says so when no count follows', () => {
    const result = run(
      disclosure([
        '十、预算绩效管理情况说明',
        '2026年本部门所有项目支出预算纳入部门预算绩效管理，涉及预算资金  50,878.08  万元，设置并编报5个项目绩效目标。',
        '本部门项目支出纳入绩效管理，涉及预算资金 12.00 万元。',
      ]),
    );
    expect(figuresOf(result, 'performance').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['performanceAmount', 'amount', '50878.08'],
      ['performanceProjects', 'count', '5'],
    ]);
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('涉及预算资金 12.00 万元')]);
  });

  it('reads items named code-first (（五）2080506-机关事业单位职业年金缴费支出), an amount whose 万元 wraps after 万, and numbered items stating amounts as sentences, not headings', () => {
    const result = run(
      disclosure([
        '四、一般公共预算支出情况说明',
        '（一）2080201-行政运行  993.77  万元。主要用于机关运行。',
        '（二）2080506-机关事业单位职业年金缴费支出  50.97  万',
        '元。主要用于职业年金缴费。',
        '五、“三公”经费支出情况说明',
        '“三公”经费预算支出 299.12 万元。',
        '1．公务用车购置及运行维护费预算支出  299.12  万元。其中：',
        '（1）公务用车购置预算支出  154.97  万元，比上年预算增加 22.97 万元。',
      ]),
    );
    expect(figuresOf(result, 'generalBudget').map((figure) => [figure.key, figure.code, figure.subject, figure.value])).toEqual([
      ['functionalClassExpenditure', '2080201', '行政运行', '993.77'],
      ['functionalClassExpenditure', '2080506', '机关事业单位职业年金缴费支出', '50.97'],
    ]);
    expect(figuresOf(result, 'threePublicExpenses').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['threePublicTotal', 'amount', '299.12'],
      ['vehicleCosts', 'amount', '299.12'],
      ['vehiclePurchaseCosts', 'amount', '154.97'],
      ['vehiclePurchaseCosts', 'change', '22.97'],
    ]);
  });

  it('reads the procurement total and parts named as 支出预算总额 or as 项目 (货物类项目, 政府采购项目共有)', () => {
    const result = run(
      disclosure([
        '十二、政府采购情况说明',
        '2025年度政府采购支出预算总额 3,668.17 万元，其中：拟采购货物支出 532.93 万元、拟采购工程支出56万元、拟采购服务支出 3,079.24 万元。',
        '某局纳入2025年部门预算的政府采购项目共有 3,966.73 万元，其中：货物类项目 0.00 万元、工程类项目 0.00 万元、服务类项目 3,966.73 万元。',
      ]),
    );
    expect(figuresOf(result, 'procurement').map((figure) => [figure.key, figure.value])).toEqual([
      ['procurementTotal', '3668.17'],
      ['procurementGoods', '532.93'],
      ['procurementWorks', '56'],
      ['procurementServices', '3079.24'],
      ['procurementTotal', '3966.73'],
      ['procurementGoods', '0.00'],
      ['procurementWorks', '0.00'],
      ['procurementServices', '3966.73'],
    ]);
  });

  it('reads changes measured against 上年执行数, 2025年年初预算, or a “与上年相比，” clause before them, and percent changes stated as 增幅', () => {
    const result = run(
      disclosure(['一、部门预算收支数据变动情况及原因', '2026年收入预算1,100万元，比上年执行数增加100万元，增幅10%。某局2026年度收支总预算1,100万元。与上年相比，收、支总计各增加100万元，增长10%。']),
    );
    expect(result.problems).toEqual([]);
    expect(
      figuresOf(result, 'overview')
        .filter((figure) => figure.kind === 'change')
        .map((figure) => [figure.key, figure.value, figure.direction, figure.percent, figure.current]),
    ).toEqual([
      ['incomeTotal', '100', 'increase', '10', '1100'],
      ['incomeTotal', '100', 'increase', '10', '1100'],
    ]);
  });

  it('gives a change that opens its sentence to the previous sentence’s one amount, and to nothing when it stated several', () => {
    const items = '（1）一般公共服务支出（类）支出 2,404.17 万元，主要用于统计事务。与上年相比增加 223.26 万元，增长10.24%。';
    const several = '基本支出100万元，项目支出50万元。比上年增加10万元。';
    const result = run(disclosure(['五、一般公共预算支出情况说明', `${items}${several}`]));
    const changes = figuresOf(result, 'generalBudget').filter((figure) => figure.kind === 'change');
    expect(changes.map((figure) => [figure.key, figure.code, figure.current])).toEqual([['functionalClassExpenditure', '201', '2404.17']]);
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(/未能识别增减变动“比上年增加10万元”/);
  });

  it('gives a change that names its subject to that subject’s amount only, and to nothing when the sentence stated no such amount', () => {
    const overview = '2024年收入预算1000万元，支出预算比上年增加50万元。';
    const threePublic = '2024年“三公”经费预算数为30万元，比上年减少2万元，其中：因公出国（境）费5万元，比上年增加1万元，公务接待费比上年增加1万元，办公楼修缮比上年增加3万元。';
    const result = run(disclosure(['一、收支预算总体情况', overview, '七、“三公”经费预算情况说明', threePublic]));
    const changes = [...figuresOf(result, 'overview'), ...figuresOf(result, 'threePublicExpenses')].filter((figure) => figure.kind === 'change');
    expect(changes.map((figure) => [figure.key, figure.value, figure.current])).toEqual([
      ['threePublicTotal', '2', '30'],
      ['threePublicTotal', '1', '30'],
    ]);
    const messages = result.problems.map((problem) => problem.message).join('\n');
    expect(messages).toMatch(/未能识别增减变动“支出预算比上年增加50万元”：前面没有它所说明的金额/);
    expect(messages).toMatch(/未能识别增减变动“公务接待费比上年增加1万元”：前面没有它所说明的金额/);
    expect(messages).toMatch(/“办公楼修缮”不在说明文字的科目词表中/);
  });

  it('reads items named with their code in parentheses (住房公积金（2210201）, 商品和服务支出（302）), names holding 年 too (职业年金)', () => {
    const result = run(
      disclosure([
        '五、一般公共预算支出情况说明',
        '（6）住房公积金（2210201）9.57 万元，上年度该科目无预算资金。8.机关事业单位职业年金缴费支出（2080506）176.34万元。商品和服务支出（302）1421.06 万元，较上年增加 130.06 万元。',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(figuresOf(result, 'generalBudget').map((figure) => [figure.key, figure.kind, figure.code, figure.subject])).toEqual([
      ['functionalClassExpenditure', 'amount', '2210201', '住房公积金'],
      ['functionalClassExpenditure', 'amount', '2080506', '机关事业单位职业年金缴费支出'],
      ['economicClassExpenditure', 'amount', '302', '商品和服务支出'],
      ['economicClassExpenditure', 'change', '302', '商品和服务支出'],
    ]);
  });

  it('reads the carried-over part of each source (上年结转结余的单位资金, 上年结转和结余的…) as such, never as the source itself', () => {
    const result = run(
      disclosure([
        '二、收入预算情况说明',
        '某局2026年收入预算合计100万元。其中：本年财政专户管理资金60万元，占60%；上年结转结余的财政专户管理资金30万元，占30%；上年结转和结余的一般公共预算收入0万元，占0%；上年结转结余的单位资金10万元，占10%。',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(
      figuresOf(result, 'income')
        .filter((figure) => figure.kind === 'amount')
        .map((figure) => figure.key),
    ).toEqual(['incomeTotal', 'fiscalSpecialAccountIncome', 'carriedOverBySource', 'carriedOverBySource', 'carriedOverBySource']);
  });

  it("reads a list of shares of the section's whole", () => {
    const result = run(disclosure(['二、收入预算情况说明', '2025年度某局预算收入100万元，主要包括一般公共预算拨款收入80万元，占80%；单位资金20万元，占20.00%。']));
    expect(result.problems).toEqual([]);
    const shares = figuresOf(result, 'income').filter((figure) => figure.kind === 'share');
    expect(shares).toEqual([
      { key: 'generalBudgetIncome', kind: 'share', value: '80', unit: '%', of: 'incomeTotal', text: '一般公共预算拨款收入80万元，占80%', line: 10 },
      { key: 'unitFundsIncome', kind: 'share', value: '20.00', unit: '%', of: 'incomeTotal', text: '单位资金20万元，占20.00%', line: 10 },
    ]);
  });

  it('reads numbers with thousands separators, keeping the printed places', () => {
    const result = run(disclosure(['三、支出预算情况说明', '2025年度某局支出预算12,345,678.90万元，其中：基本支出1,000万元，占0.01%；项目支出12,344,678.90万元，占99.99%。']));
    expect(result.problems).toEqual([]);
    expect(figuresOf(result, 'expenditure').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['expenditureTotal', 'amount', '12345678.90'],
      ['basicExpenditure', 'amount', '1000'],
      ['basicExpenditure', 'share', '0.01'],
      ['projectExpenditure', 'amount', '12344678.90'],
      ['projectExpenditure', 'share', '99.99'],
    ]);
  });

  it('reads full-width digits, keeping the printed text', () => {
    const result = run(disclosure(['九、政府采购情况', '2025年某局政府采购预算总额１，０５３．３０万元。其中:政府采购货物预算７万元、政府采购服务预算１，０４６．３０万元。']));
    expect(result.problems).toEqual([]);
    expect(figuresOf(result, 'procurement')).toEqual([
      { key: 'procurementTotal', kind: 'amount', value: '1053.30', unit: '万元', text: '2025年某局政府采购预算总额１，０５３．３０万元', line: 10 },
      { key: 'procurementGoods', kind: 'amount', value: '7', unit: '万元', text: '政府采购货物预算７万元', line: 10 },
      { key: 'procurementServices', kind: 'amount', value: '1046.30', unit: '万元', text: '政府采购服务预算１，０４６．３０万元', line: 10 },
    ]);
  });

  it('returns what exists when sections and parts are missing', () => {
    const text = [
      '某局2025年度部门预算公开',
      '第三部分 2025年度部门预算情况说明',
      '五、一般公共预算支出情况说明',
      '2025年度某局一般公共预算当年支出50万元,主要用于以下方面:教育支出50万元,占100%等。',
    ].join('\n');
    const result = run(text);
    expect(result.problems).toEqual([]);
    expect(result.value.assets).toBeUndefined();
    expect(result.value.sections).toBeUndefined();
    expect(result.value.narrative?.sections.map((section) => section.id)).toEqual(['generalBudget']);
    expect(figuresOf(result, 'generalBudget')).toContainEqual({
      key: 'functionalClassExpenditure',
      kind: 'share',
      value: '100',
      unit: '%',
      of: 'generalBudgetExpenditure',
      code: '205',
      subject: '教育支出',
      text: '教育支出50万元,占100%',
      line: 4,
    });
    expect(run('').value).toEqual({});
  });

  it('reports lines and clauses it does not understand, keeping the text', () => {
    const result = run(
      disclosure(['这一行不在任何章节之下。', '二、收入预算情况说明', '2025年度某局预算收入100万元，其中：某某奇特款项100万元。', '十三、某项说明', '另有说明。'], {
        overview: ['一、本部门职责', '负责某事。', '三、领导分工', '局长负责全面工作。'],
        glossary: ['以下名词：', '一、基本支出：指人员支出和公用支出。'],
      }),
    );
    expect(result.problems.map((problem) => [problem.line, problem.code])).toEqual([
      [5, 'unrecognised_text'],
      [6, 'unrecognised_text'],
      [9, 'unrecognised_text'],
      [11, 'unrecognised_text'],
      [12, 'unrecognised_text'],
      [15, 'unrecognised_text'],
    ]);
    expect(result.problems.find((problem) => problem.line === 11)!.message).toContain('某某奇特款项');
    expect(result.value.narrative?.sections.map((section) => [section.id, section.text])).toEqual([
      ['income', '2025年度某局预算收入100万元，其中：某某奇特款项100万元。'],
      [undefined, '另有说明。'],
    ]);
    expect(result.value.sections?.glossary).toEqual([{ term: '基本支出', definition: '指人员支出和公用支出。', line: 16 }]);
  });

  it('maps a misprinted functional class name to the closest class, keeping the printed subject', () => {
    expect(functionalClassCode('一般公共服务支出')).toBe('201');
    expect(functionalClassCode('一般公共预算服务支出')).toBe('201');
    expect(functionalClassCode('本年支出')).toBeUndefined();
  });

  it('reads assets stated with full-width digits and a glossary definition on the following line', () => {
    const result = run(
      disclosure(['十一、国有资产占有使用情况', '截至２０２５年１月５日，某局共有公务用车编制２辆，实有１辆，其中：领导用车１辆。使用的办公用房建筑总面积1,200.5平方米。'], {
        glossary: ['六、财政专户管理资金：', '专指教育收费。'],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.value.assets).toEqual({
      asOf: '2025-01-05',
      vehicles: { establishment: 2, actual: 1, byCategory: [{ category: '领导用车', count: 1 }], line: 10 },
      buildings: { officeArea: '1200.5', line: 10 },
      text: '截至２０２５年１月５日，某局共有公务用车编制２辆，实有１辆，其中：领导用车１辆。使用的办公用房建筑总面积1,200.5平方米。',
    });
    expect(result.value.sections?.glossary).toEqual([{ term: '财政专户管理资金', definition: '专指教育收费。', line: 12 }]);
  });
});

describe('projects a performance section lists', () => {
  it('reads the names after “具体包括”, up to the end of the sentence', () => {
    expect(citedProjects('2025年度我单位实行绩效管理项目2个。具体包括派遣人员劳务费、 委托业务费等。其他说明')).toEqual(['派遣人员劳务费', '委托业务费']);
    expect(citedProjects('具体包括：培训费，宣传资料印刷费；')).toEqual(['培训费', '宣传资料印刷费']);
    expect(citedProjects('没有列举项目。')).toEqual([]);
  });
});

describe('changes whose amount is not read', () => {
  it('never ties a change to the previous sentence’s amount when its own sentence named one the reader could not read (为-万元)', () => {
    const read = readParagraph('一般公共预算支出375.86万元。卫生健康支出预算数为-万元，比2025年执行数减少218.91万元，减幅100.00%。', 'generalBudget');
    expect(read.figures.filter((figure) => figure.kind === 'change').map((figure) => [figure.value, figure.current])).toEqual([]);
    expect(read.problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('前面没有它所说明的金额'));
    // A sentence opening with the change still speaks of the previous one's amount.
    const opening = readParagraph('一般公共预算支出375.86万元。比上年增加17.04万元，增长4.75%。', 'generalBudget');
    expect(opening.figures.filter((figure) => figure.kind === 'change').map((figure) => [figure.value, figure.current])).toEqual([['17.04', '375.86']]);
  });
});

describe('text parts whatever their numbering', () => {
  const linesOf = (texts: readonly string[]) => texts.map((text, index) => ({ number: index + 1, text, cells: [text] }));

  it('reads glossary entries numbered 一. or (1), and unnumbered ones starting a paragraph', () => {
    const numbered = readTextParts(linesOf(['第四部分 名词解释', '一.财政拨款收入：指本级财政拨付的资金。', '二.基本支出：指保障机构正常运转的支出，', '包括人员经费和公用经费。'])).value;
    expect(numbered.sections!.glossary!.map((entry) => entry.term)).toEqual(['财政拨款收入', '基本支出']);
    const bare = readTextParts(linesOf(['第四部分 名词解释', '财政拨款收入：指本级财政拨付的资金。', '基本支出：指保障机构正常运转的支出，主要是：', '人员经费和公用经费。'])).value;
    expect(bare.sections!.glossary!.map((entry) => [entry.term, entry.definition])).toEqual([
      ['财政拨款收入', '指本级财政拨付的资金。'],
      ['基本支出', '指保障机构正常运转的支出，主要是：\n人员经费和公用经费。'],
    ]);
  });

  it('keeps a glossary whose entries it cannot split as one entry under its heading, said once', () => {
    const read = readTextParts(linesOf(['第四部分 名词解释', '财政拨款收入是指本级财政拨付的资金。', '基本支出是指保障机构正常运转的支出。']));
    expect(read.value.sections!.glossary).toEqual([{ term: '名词解释', definition: '财政拨款收入是指本级财政拨付的资金。\n基本支出是指保障机构正常运转的支出。', line: 1 }]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['glossary_whole']);
  });

  it('reads a section under a heading naming the budget as a whole by its first clause in a PDF’s outline too, but not such a heading over sections of its own', () => {
    const read = readTextParts(
      linesOf([
        '第三部分 2024年部门预算情况说明',
        '二、部门预算情况说明',
        '本年单位预算收入46.65万元，比上年增加1.59万元。',
        '三、单位预算情况说明',
        '2024年一般公共预算财政拨款收入8904.98万元，一般公共预算财政拨款支出8904.98万元。其中：基本支出5991.26万元。',
      ]),
    ).value;
    expect(read.narrative!.sections.map((section) => [section.id, (section.figures ?? []).filter((figure) => figure.kind === 'amount').map((figure) => figure.key)])).toEqual([
      ['overview', ['incomeTotal']],
      ['fiscalAppropriation', ['generalBudgetAppropriation', 'generalBudgetExpenditure', 'generalBudgetBasicExpenditure']],
    ]);
  });

  it('walks an explanation part the tables part runs into (its heading not read as a part), but not the tables’ titles', () => {
    const read = readTextParts(linesOf(['第二部分 部门预算表', '一、收支总体情况表', '三、部门预算情况说明', '（一）“三公”经费情况', '“三公”经费 5 万元。'])).value;
    expect(read.narrative!.sections.map((section) => [section.id, section.heading])).toEqual([['threePublicExpenses', '（一）“三公”经费情况']]);
  });

  it('keeps a subsection named by 支出 alone under a part of the budget as that part’s (西安: 一般公共预算拨款支出明细 over “支出按功能科目分类”), and ties a change after a numbered item of a breakdown to the item', () => {
    const read = readTextParts(
      linesOf([
        '第二部分 情况说明',
        '一、收支预算总体情况说明',
        '本部门当年预算收入 100 万元。',
        '二、一般公共预算拨款支出明细情况说明',
        '（一）一般公共预算当年拨款规模变化情况',
        '本部门当年一般公共预算拨款支出 100 万元，较上年增加 10 万元，增长 11.11%。',
        '（二）支出按功能科目分类的明细情况',
        '本部门当年一般公共预算支出 100 万元，其中：',
        '1.行政运行（2010501）60 万元，较上年增加 5 万元，增长 9.09%；',
        '2.住房公积金（2210201）40 万元，较上年增加 5 万元，增长 14.29%。',
      ]),
    );
    const sections = read.value.narrative!.sections;
    expect(sections.map((section) => section.id)).toEqual(['overview', 'generalBudget']);
    expect(sections[1]!.figures!.filter((figure) => figure.code !== undefined).map((figure) => [figure.kind, figure.code, figure.kind === 'change' ? figure.current : figure.value])).toEqual([
      ['amount', '2010501', '60'],
      ['change', '2010501', '60'],
      ['amount', '2210201', '40'],
      ['change', '2210201', '40'],
    ]);
    // A part of the totals keeps its own subsections apart (收支总体 over 收入 and 支出); so does a
    // part of the budget over a part of its spending (长沙: 一般公共预算拨款支出 over （二）项目支出:
    // its 一般公共服务支出 417.41 万元 is the projects', not the class's whole).
    const totals = readTextParts(linesOf(['第二部分 情况说明', '一、收支预算总体情况说明', '（一）收入预算', '收入 100 万元。', '（二）支出预算', '支出 100 万元。']));
    expect(totals.value.narrative!.sections.map((section) => section.id)).toEqual(['overview', 'income', 'expenditure']);
    const parts = readTextParts(
      linesOf(['第二部分 情况说明', '一、一般公共预算拨款支出', '本部门一般公共预算拨款支出 100 万元。', '（一）基本经费支出：60 万元。', '（二）项目支出：其中：一般公共服务支出 40 万元。']),
    );
    expect(parts.value.narrative!.sections.map((section) => section.id)).toEqual(['generalBudget', 'expenditure', 'expenditure']);
  });

  it('reads 机关运行经费 named 运行经费 under its own heading (重庆: 一般公共预算财政拨款运行经费), and only there', () => {
    const result = run(disclosure(['一、机关运行经费', '2026 年一般公共预算财政拨款运行经费 2115.63 万元，比2025年增加 1.05 万元。', '二、“三公”经费情况说明', '公务用车运行经费 5 万元。']));
    expect(figuresOf(result, 'agencyOperatingCosts').map((figure) => [figure.key, figure.kind, figure.value])).toEqual([
      ['agencyOperatingCosts', 'amount', '2115.63'],
      ['agencyOperatingCosts', 'change', '1.05'],
    ]);
    expect(figuresOf(result, 'threePublicExpenses').some((figure) => figure.key === 'agencyOperatingCosts')).toBe(false);
  });

  it('takes …说明 for …情况说明 in a section’s heading (一、收支预算总体说明)', () => {
    const read = readTextParts(linesOf(['第三部分 情况说明', '一、收支预算总体说明', '2026年收入预算 10 万元。', '二、其他特殊事项说明', '无。']));
    expect(read.value.narrative!.sections.map((section) => section.id)).toEqual(['overview']);
    expect(read.problems).toEqual([]);
  });

  it('knows 委托业务费 and a bare 其他 for sections of their own, checked by no rule and not noted as unknown', () => {
    const read = readTextParts(linesOf(['第三部分 情况说明', '一、委托业务费安排情况', '委托业务费 12 万元。', '二、其他', '无。']));
    expect(read.value.sections?.other?.map((section) => section.heading)).toEqual(['一、委托业务费安排情况', '二、其他']);
    expect(read.problems).toEqual([]);
  });

  it('takes a section under a heading it does not know for a required explanation its text gives (“三公”经费 under 公车及接待), figures unread, said once', () => {
    const read = readTextParts(
      linesOf([
        '第三部分 情况说明',
        '一、收支总体情况',
        '收入 10 万元。',
        '二、公车及接待安排',
        '本部门严格控制一般性支出。“三公”经费预算 5 万元，比上年持平。',
        '三、机关运行经费情况',
        '运行经费 3 万元。',
      ]),
    );
    const sections = read.value.narrative!.sections;
    expect(sections.find((section) => section.id === 'threePublicExpenses')).toMatchObject({ heading: '二、公车及接待安排', figures: [] });
    expect(read.problems.map((problem) => problem.code)).toContain('sections_by_content');
    expect(read.problems.map((problem) => problem.code)).not.toContain('unknown_sections');
  });

  it('keeps a required part the outline could not place, found by its heading, with its figures unread and one note', () => {
    // 第X部分 alone on a line, then sections under parts the outline cannot tell apart from them.
    const texts = [
      '一、',
      '部门概况',
      '（一）主要职责',
      '负责统计工作。',
      '（二）机构设置',
      '(1)统计局机关',
      '(2)调查队',
      '（一）收支总体情况',
      '收入 10 万元。',
      '（二）“三公”经费情况',
      '“三公”经费 5 万元。',
      '（三）机关运行经费情况',
      '运行经费 3 万元。',
      '（四）政府采购情况',
      '采购 2 万元。',
    ];
    const read = readTextParts(linesOf(texts));
    const sections = read.value.narrative!.sections;
    expect(sections.map((section) => section.id)).toEqual(expect.arrayContaining(['overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement']));
    expect(sections.filter((section) => section.figures?.length === 0).map((section) => section.heading)).toContain('（四）政府采购情况');
    expect(read.problems.filter((problem) => problem.code === 'sections_by_heading')).toHaveLength(1);
  });

  it('keeps a glossary the outline could not place with its entries, when they are numbered like headings (（一）财政拨款收入：指…)', () => {
    const texts = [
      '第一部分 部门概况',
      '一、主要职责',
      '负责信访工作。',
      '二、机构设置',
      '内设 3 个处室。',
      '第三部分 情况说明',
      '（一）收支总体情况',
      '收入 10 万元。',
      '七、重点项目绩效目标情况',
      '项目 5 个。',
      '四、名词解释',
      '（一）财政拨款收入：指预算单位从本级财政部门取得的财政预算资金收入。',
      '（二）基本支出：指为保障机构正常运转而发生的支出。',
    ];
    const read = readTextParts(linesOf(texts));
    expect(read.value.sections?.glossary?.map((entry) => entry.term)).toEqual(['财政拨款收入', '基本支出']);
  });
});
