/**
 * The performance stage: the sample's 20 绩效目标表 equal the hand-built JSON (header fields, funds,
 * goals and every indicator, realigned where the extraction shifted cells); single rows with
 * shifted, truncated or half-extracted cells read by meaning; a small well-formed table imports
 * exactly; and garbled blocks yield problems, never an exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../engine/src/index.js';
import { toLines } from '../../engine/src/import/lines.js';
import { importPerformance, type PerformanceTable } from '../../engine/src/import/performance.js';
import { splitPerformanceBlocks } from '../../engine/src/import/performanceBlocks.js';
import { indicatorColumns, readIndicatorRow, type IndicatorState } from '../../engine/src/import/performanceIndicators.js';
import { segment } from '../../engine/src/import/segment.js';
import { ROOT, sampleDocument } from '../helpers/fixtures.js';

const sampleText = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.txt'), 'utf8');
const expectedDocument = sampleDocument() as { performance: PerformanceTable[] };
const expected = expectedDocument.performance;

function sampleBlocks() {
  return splitPerformanceBlocks(segment(toLines(sampleText)).narrative).blocks;
}

/** Tab-separated rows to source lines numbered from 1. */
function rows(...lines: string[][]) {
  return toLines(lines.map((cells) => cells.join('\t')).join('\n'));
}

describe('importing the sample’s performance tables', () => {
  const { value: tables, problems } = importPerformance(sampleBlocks());
  const headerFields = ['title', 'year', 'project', 'department', 'implementingUnit', 'attribute', 'period', 'unit', 'filledAt', 'line'] as const;
  const textFields = ['overview', 'basis', 'necessity', 'measures', 'plan'] as const;
  const cases = expected.map((table, index) => [index, table.line, table.project] as const);

  it('reads all 20 tables exactly as the hand-built JSON has them', () => {
    expect(tables).toHaveLength(20);
    expect(tables).toEqual(expected);
  });

  it('places every cell: no problems', () => {
    expect(problems).toEqual([]);
  });

  it('yields tables the document schema accepts', () => {
    expect(validateAgainst('document', { ...expectedDocument, performance: tables })).toEqual([]);
  });

  it.each(cases)('table %i (line %i, %s): header fields', (index) => {
    for (const field of headerFields) expect(tables[index]?.[field], field).toEqual(expected[index]![field]);
  });

  it.each(cases)('table %i (line %i, %s): funds', (index) => {
    expect(tables[index]?.funds).toEqual(expected[index]!.funds);
  });

  it.each(cases)('table %i (line %i, %s): texts and goals', (index) => {
    for (const field of textFields) expect(tables[index]?.[field], field).toEqual(expected[index]![field]);
    expect(tables[index]?.goals).toEqual(expected[index]!.goals);
  });

  it.each(cases)('table %i (line %i, %s): indicators', (index) => {
    expect(tables[index]?.indicators.length).toBe(expected[index]!.indicators.length);
    expect(tables[index]?.indicators).toEqual(expected[index]!.indicators);
  });
});

describe('reading indicator rows by meaning', () => {
  const [header] = rows(['绩效 指 标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值']);
  const columns = indicatorColumns(header!)!;
  const read = (state: IndicatorState, ...cells: string[]) => readIndicatorRow(rows(cells)[0]!, columns, state);

  it('finds the header columns by their labels', () => {
    expect(columns).toEqual({ level1: 1, wholeLevel2: 2, annualLevel2: 5 });
    expect(indicatorColumns(rows(['项目名称', '', 'x'])[0]!)).toBeUndefined();
  });

  it('reads an aligned row into both halves', () => {
    const row = read({}, '', '产出指标', '数量指标', '购置数量', '26套', '数量指标', '购置数', '20套');
    expect(row.whole).toEqual([{ period: 'whole', level1: '产出指标', level2: '数量指标', level3: '购置数量', value: '26套', line: 1 }]);
    expect(row.annual).toEqual([{ period: 'annual', level1: '产出指标', level2: '数量指标', level3: '购置数', value: '20套', line: 1 }]);
    expect(row.problems).toEqual([]);
  });

  it('realigns a row shifted right (二级 printed in the 三级 column)', () => {
    const state: IndicatorState = { level1: '产出指标', wholeLevel2: '质量指标', annualLevel2: '质量指标' };
    const row = read(state, '', '', '', '成本指标', '成本控制率', '', '≥0%', '成本指标');
    expect(row.whole).toEqual([{ period: 'whole', level1: '产出指标', level2: '成本指标', level3: '成本控制率', value: '≥0%', line: 1 }]);
    expect(row.annual).toEqual([]);
    expect(state.annualLevel2).toBe('成本指标');
  });

  it('treats 可持续影响指标 printed in the 一级 column as a 二级 under 效益指标, and a truncated 二级 name as such', () => {
    const row = read({}, '可持续影响指标', '履职效能', '有效', '可持续影响指标', '履职效', '有效');
    expect(row.whole[0]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', level3: '履职效能' });
    const satisfaction = read({ level1: '效益指标' }, '满意度指标', '服务对象满意度', '群众满意度', '≥95%', '服务对象满意度指', '群众满意', '≥95%');
    expect(satisfaction.annual).toEqual([{ period: 'annual', level1: '满意度指标', level2: '服务对象满意度指', level3: '群众满意', value: '≥95%', line: 1 }]);
  });

  it('carries level1 and level2 down, and splits four loose cells into the two halves', () => {
    const state: IndicatorState = { level1: '产出指标', wholeLevel2: '成本指标', annualLevel2: '成本指' };
    const row = read(state, '', '人员考核奖', '716元/月', '人员考', '716元/月', '', '', '');
    expect(row.whole).toEqual([{ period: 'whole', level1: '产出指标', level2: '成本指标', level3: '人员考核奖', value: '716元/月', line: 1 }]);
    expect(row.annual).toEqual([{ period: 'annual', level1: '产出指标', level2: '成本指', level3: '人员考', value: '716元/月', line: 1 }]);
  });

  it('puts a half-extracted row in the whole-period column', () => {
    const state: IndicatorState = { level1: '满意度指标', wholeLevel2: '服务对象满意度', annualLevel2: '服务对象满意度指' };
    const row = read(state, '群众满意度', '', '', '≥100%', '', '', '');
    expect(row.whole).toEqual([{ period: 'whole', level1: '满意度指标', level2: '服务对象满意度', level3: '群众满意度', value: '≥100%', line: 1 }]);
    expect(row.annual).toEqual([]);
  });

  it('reads a 二级 name followed by a lone value, within the same group, as the 三级 name', () => {
    const state: IndicatorState = { level1: '满意度指标', wholeLevel2: '服务对象满意度', annualLevel2: '服务对象满意度指' };
    const row = read(state, '', '', '', '服务对象满意度', '≥95%', '', '服务对象满意度', '≥95%');
    expect(row.whole[0]).toMatchObject({ level2: '服务对象满意度', level3: '服务对象满意度', value: '≥95%' });
    expect(row.annual[0]).toMatchObject({ level2: '服务对象满意度指', level3: '服务对象满意度', value: '≥95%' });
    expect(state.annualLevel2).toBe('服务对象满意度指');
  });

  it('infers level1 from the 二级 name when no 一级 came before (a table continued after a page break)', () => {
    const row = read({}, '', '', '生态效益指标', '', '', '生态效益指标', '', '');
    expect(row.whole).toEqual([]);
    const next = read({ wholeLevel2: '生态效益指标' }, '', '', '可持续影响指标', '后续管护', '良好', '可持续影响指标', '后续管护', '良好');
    expect(next.whole[0]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标' });
  });

  it('reports cells that do not pair as 三级指标 + 指标值', () => {
    const row = read({ level1: '产出指标', wholeLevel2: '数量指标' }, '', '', '', '只有名称', '', '', '', '');
    expect(row.whole).toEqual([]);
    expect(row.problems).toEqual([expect.objectContaining({ line: 1, code: 'unrecognised_performance_cell' })]);
  });
});

describe('a well-formed table', () => {
  const block = rows(
    ['某市级预算部门项目支出绩效目标表'],
    ['(2024年度)'],
    ['项目名称', '', '道路养护经费', '', '', ''],
    ['主管部门及代码', '', '101-某市交通局', '实施单位', '某市公路 养护中心'],
    ['项目属性', '', '经常性项目', '项目期', '1年'],
    ['项目资金（万元）', '实施期资金总额：', '1,250.50', '年度资金总额：', '1,250.50'],
    ['', '其中：中央财政资金', '0', '其中：中央财政资金', '0'],
    ['', '省级财政资金', '200', '省级财政资金', '200'],
    ['', '市县（区）财政资金', '1,050.50', '市县（区）财政资金', '1,050.50'],
    ['', '单位自筹', '', '单位自筹', ''],
    ['', '其他资金', '', '其他资金', ''],
    ['项目概况', '', '全市干线公路日常养护。'],
    ['立项依据', '', '公路法'],
    ['项目设立必要性', '', '保障道路通行'],
    ['保证项目实施的制度、措施', '', '养护管理办法'],
    ['项目实施计划', '', '按季度养护'],
    ['实施期目标', '', '', '年度目标', ''],
    ['总体目标', '完成干线公路 养护。', '', '完成年度养护。', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
    ['', '产出指标', '数量指标', '养护里程', '≥300公里', '数量指标', '养护里程', '≥300公里'],
    ['', '', '质量指标', '优良路率', '≥90%', '质量指标', '优良路率', '≥90%'],
    ['', '效益指标', '社会效益指标', '通行保障', '有效', '社会效益指标', '通行保障', '有效'],
    ['', '满意度指标', '服务对象满意度指标', '群众满意度', '≥95%', '服务对象满意度指标', '群众满意度', '≥95%'],
    ['负责人：', '', '经办人：', '', '联系电话：', '', '填报日期：', '20240301'],
  );
  const indicator = (period: 'whole' | 'annual', level1: string, level2: string, level3: string, value: string, line: number) => ({
    period,
    level1,
    level2,
    level3,
    value,
    line,
  });
  const money = { total: '1250.50', central: '0', provincial: '200', local: '1050.50', selfRaised: null, other: null };

  it('imports exactly', () => {
    const { value, problems } = importPerformance([block]);
    expect(problems).toEqual([]);
    expect(value).toEqual([
      {
        title: '某市级预算部门项目支出绩效目标表',
        year: 2024,
        project: '道路养护经费',
        department: '101-某市交通局',
        implementingUnit: '某市公路养护中心',
        attribute: '经常性项目',
        period: '1年',
        unit: '万元',
        funds: { whole: money, annual: money },
        overview: '全市干线公路日常养护。',
        basis: '公路法',
        necessity: '保障道路通行',
        measures: '养护管理办法',
        plan: '按季度养护',
        goals: { whole: '完成干线公路养护。', annual: '完成年度养护。' },
        indicators: [
          indicator('whole', '产出指标', '数量指标', '养护里程', '≥300公里', 20),
          indicator('whole', '产出指标', '质量指标', '优良路率', '≥90%', 21),
          indicator('whole', '效益指标', '社会效益指标', '通行保障', '有效', 22),
          indicator('whole', '满意度指标', '服务对象满意度指标', '群众满意度', '≥95%', 23),
          indicator('annual', '产出指标', '数量指标', '养护里程', '≥300公里', 20),
          indicator('annual', '产出指标', '质量指标', '优良路率', '≥90%', 21),
          indicator('annual', '效益指标', '社会效益指标', '通行保障', '有效', 22),
          indicator('annual', '满意度指标', '服务对象满意度指标', '群众满意度', '≥95%', 23),
        ],
        filledAt: '20240301',
        line: 1,
      },
    ]);
    expect(validateAgainst('document', { ...expectedDocument, performance: value })).toEqual([]);
  });
});

describe('a table whose indicator header row was lost', () => {
  it('reads the indicator rows by their 一级/二级 names', () => {
    const block = rows(
      ['某部门项目支出绩效目标表'],
      ['项目名称', '办公经费'],
      ['总体目标', '保障运转', '保障运转'],
      ['', '产出指标', '数量指标', '设备数', '5台', '数量指标', '设备数', '5台'],
      ['满意度指标', '服务对象满意度', '满意度', '≥95%', '服务对象满意度指', '满意度', '≥95%'],
    );
    const { value, problems } = importPerformance([block]);
    expect(problems).toEqual([]);
    expect(value[0]!.goals).toEqual({ whole: '保障运转', annual: '保障运转' });
    expect(value[0]!.indicators.map((indicator) => [indicator.period, indicator.level1, indicator.level2, indicator.level3])).toEqual([
      ['whole', '产出指标', '数量指标', '设备数'],
      ['whole', '满意度指标', '服务对象满意度', '满意度'],
      ['annual', '产出指标', '数量指标', '设备数'],
      ['annual', '满意度指标', '服务对象满意度指', '满意度'],
    ]);
  });
});

describe('garbled blocks', () => {
  it('reports what it cannot place and does not throw', () => {
    const block = rows(
      ['某部门项目支出绩效目标表'],
      ['随便', '什么', '内容'],
      ['项目资金（元）', '实施期资金总额：', '一百万', '年度资金总额：', '12,34a'],
      ['总体目标', '甲', '乙', '丙'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
      ['', '产出指标', '数量指标', '只有名称', '', '数量指标', '', ''],
      ['数量指标', '质量指标', '时效指标', '成本指标', 'x', 'y'],
      ['', '', '', 'a', 'b', 'c', '', ''],
      ['负责人：', '张三', '填报日期：', ''],
      ['页脚之后的残留'],
    );
    let result: ReturnType<typeof importPerformance> | undefined;
    expect(() => {
      result = importPerformance([block]);
    }).not.toThrow();
    const codes = result!.problems.map((problem) => problem.code);
    expect(codes).toEqual(
      expect.arrayContaining(['unrecognised_performance_line', 'unrecognised_performance_amount', 'unrecognised_performance_cell', 'unplaced_performance_field', 'missing_performance_field']),
    );
    for (const problem of result!.problems) {
      expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
      expect(block.map((line) => line.number)).toContain(problem.line);
    }
    expect(result!.value).toHaveLength(1);
    expect(result!.value[0]!.indicators).toEqual([]);
  });

  it('copes with no blocks, an empty block and arbitrary cells', () => {
    expect(importPerformance([])).toEqual({ value: [], problems: [] });
    expect(importPerformance([[]])).toEqual({ value: [], problems: [] });
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const vocabulary = [
      '',
      '',
      '项目名称',
      '一级指标',
      '三级指标',
      '二级指标',
      '数量指标',
      '服务对象满意度指',
      '产出指标',
      '效益指标',
      '1,000',
      'x',
      '≥95%',
      '填报日期:',
      '总体目标',
      '年度目标',
      '其他资金',
      '(2025年度)',
      ' ',
    ];
    for (let round = 0; round < 200; round += 1) {
      const lines = Array.from({ length: 1 + (next() % 12) }, () => Array.from({ length: 1 + (next() % 9) }, () => vocabulary[next() % vocabulary.length]!));
      expect(() => importPerformance([rows(['绩效目标表'], ...lines)])).not.toThrow();
    }
  });
});
