/**
 * Performance-target forms read from positions: each test lays out a form the way the corpus
 * PDFs print one (labels left, values right, an indicator grid with merged cells printed once
 * and centred, names and values wrapped over lines) and checks what the reader takes from it,
 * and that it says so instead of guessing when the grid cannot be read without doubt.
 */
import { describe, expect, it } from 'vitest';
import { type PositionedLine } from '../../engine/src/import/positioned/model.js';
import { isFormTitle, readForm, readForms } from '../../engine/src/import/performanceForms.js';

const SIZE = 10;

/** Lines of spans: [x, text] pairs (each character one em wide), numbered from `first`. */
function layout(first: number, rows: readonly (readonly (readonly [number, string])[])[], page = 1): PositionedLine[] {
  return rows.map((cells, index) => ({
    number: first + index,
    page,
    spans: cells.map(([x, text]) => ({ text, x0: x, x1: x + text.length * SIZE })),
    text: cells.map(([, text]) => text).join('  '),
    size: SIZE,
  }));
}

/** A row of 烟台's indicator grid: its level names, name and target under their headers (a blank one not printed on the line). */
function gridRow(level1: string, level2: string, level3: string, value = ''): (readonly [number, string])[] {
  return (
    [
      [110, level1],
      [200, level2],
      [300, level3],
      [450, value],
    ] as const
  ).filter(([, text]) => text !== '');
}

/** The header and fields of a form as 烟台's template prints them. */
const HEADER = [
  [[200, '政策和项目预算绩效目标表']],
  [[250, '(2026年度)']],
  [
    [60, '项目名称'],
    [300, '统计周期性调查'],
  ],
  [
    [50, '主管部门及代码'],
    [200, '315_烟台市统计局'],
    [380, '实施单位'],
    [460, '烟台市统计局'],
  ],
  [
    [180, '年度预算资金总额：'],
    [400, '368.00'],
  ],
  [[60, '项目资金']],
  [
    [180, '其中：财政拨款'],
    [400, '368.00'],
  ],
  [[60, '（万元）']],
  [
    [200, '其他资金'],
    [400, '0.00'],
  ],
  [
    [40, '总体目标'],
    [120, '摸清农业生产条件，为科学决策提供依据。'],
  ],
  gridRow('一级指标', '二级指标', '三级指标', '指标值'),
] as const;

describe('a performance-target form read from positions', () => {
  it('reads the labelled fields: the project, the units, the year’s funds by source and the goal', () => {
    const form = readForm(layout(1, [...HEADER, gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户')]));
    expect(form.problem).toBeUndefined();
    expect(form.table).toMatchObject({
      title: '政策和项目预算绩效目标表',
      year: 2026,
      project: '统计周期性调查',
      department: '315_烟台市统计局',
      implementingUnit: '烟台市统计局',
      unit: '万元',
      funds: { annual: { total: '368.00', fiscal: '368.00', other: '0.00' } },
      goals: { annual: '摸清农业生产条件，为科学决策提供依据。' },
      printed: ['project', 'annualFunds', 'annualSources', 'department', 'implementingUnit', 'goals', 'indicators', 'indicatorLevels'],
    });
  });

  it('gives each row the level names centred on it by where they stand on the page, not by counting lines (a tall cell’s lines between two rows)', () => {
    // PDF lines with boxes: rows 20 points apart, eight lines of a tall note between the second and the third.
    // 经济效益指标 stands on the first row alone, 社会效益指标 centred on the other three (on the third).
    const placed = (lines: PositionedLine[], downs: readonly number[]): PositionedLine[] => lines.map((line, index) => ({ ...line, box: [0, 790 - downs[index]!, 600, 800 - downs[index]!] as const }));
    const rows: (readonly (readonly [number, string])[])[] = [
      gridRow('效益指标', '经济效益指标', '带动就业', '≥10人'),
      [
        [300, '节约成本'],
        [450, '≥5%'],
      ],
      ...Array.from({ length: 8 }, () => [[20, '注']] as const),
      gridRow('', '社会效益指标', '群众知晓率', '≥90%'),
      [
        [300, '宣传覆盖率'],
        [450, '≥80%'],
      ],
    ];
    const lines = layout(1, [...HEADER, ...rows]);
    const header = HEADER.length;
    const downs = lines.map((_, index) => (index < header ? index * 20 : header * 20 + [0, 20, 22, 24, 26, 28, 30, 32, 34, 36, 40, 60][index - header]!));
    const form = readForm(placed(lines, downs));
    expect(form.table?.indicators.map((item) => `${item.level2}/${item.level3}`)).toEqual(['经济效益指标/带动就业', '社会效益指标/节约成本', '社会效益指标/群众知晓率', '社会效益指标/宣传覆盖率']);
  });

  it('keeps only the total of funds whose sources it cannot all name (其中：财政拨款资金), so the sources are never summed short', () => {
    const renamed = HEADER.map((cells) => cells.map(([x, text]) => [x, text === '其中：财政拨款' ? '其中：财政拨款资金' : text] as const));
    const form = readForm(layout(1, [...renamed, gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户')]));
    expect(form.table?.funds).toEqual({ annual: { total: '368.00' } });
    expect(form.table?.printed).not.toContain('annualSources');
  });

  it('takes 上年结转结余 for 上年结转, and keeps only the total when a source in the labels’ column has a name of its own (单位自筹)', () => {
    const withSource = (name: string) =>
      readForm(
        layout(1, [
          ...HEADER.slice(0, 9),
          [
            [200, name],
            [400, '10.00'],
          ],
          ...HEADER.slice(9),
          gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户'),
        ]),
      ).table?.funds;
    expect(withSource('上年结转结余')).toEqual({ annual: { total: '368.00', fiscal: '368.00', carriedOver: '10.00', other: '0.00' } });
    expect(withSource('单位自筹')).toEqual({ annual: { total: '368.00' } });
  });

  it('reads indicators listed by name alone (指标名称 · 指标性质 · 指标值 · 计量单位) by name and target; the form prints no levels', () => {
    // The form's fields, then a header of named columns and the rows under it.
    const flat = (...rows: Parameters<typeof layout>[1]) =>
      readForm(
        layout(1, [
          ...HEADER.slice(0, -1),
          [
            [150, '指标名称'],
            [300, '指标性质'],
            [380, '指标值'],
            [450, '计量单位'],
            [520, '指标权重(%)'],
          ],
          ...rows,
        ]),
      );
    const form = flat(
      [
        [120, '完工项目验收率'],
        [310, '≥'],
        [390, '90'],
        [460, '%'],
        [530, '20'],
      ],
      [[20, '绩效指标']],
      [
        [120, '移民对后期扶持政策实施满意度'],
        [310, '≥'],
        [390, '90'],
        [460, '%'],
        [530, '10'],
      ],
      [
        [120, '实施项目数量'],
        [310, '≥'],
        [390, '86'],
        [460, '个'],
        [530, '20'],
      ],
    );
    expect(form.problem).toBeUndefined();
    expect(form.table?.indicators.map((indicator) => [indicator.level1, indicator.level3, indicator.value])).toEqual([
      ['', '完工项目验收率', '≥90%'],
      ['', '移民对后期扶持政策实施满意度', '≥90%'],
      ['', '实施项目数量', '≥86个'],
    ]);
    // Read, but without the levels the checks that classify indicators need.
    expect(form.table?.printed).toContain('indicators');
    expect(form.table?.printed).not.toContain('indicatorLevels');
    // A name wrapped onto a line of its own: whose target it shares cannot be told; none is read.
    const wrapped = flat(
      [[120, '移民对后期扶持政策']],
      [
        [120, '实施满意度'],
        [310, '≥'],
        [390, '90%'],
      ],
    );
    expect(wrapped.table?.printed).not.toContain('indicators');
    expect(wrapped.problem?.message).toMatch(/绩效指标未能读取/);
    // A comparison column holding something else: the columns are not where the header says; none is read.
    const misplaced = flat([
      [120, '完工项目验收率'],
      [310, '定量'],
      [390, '90'],
    ]);
    expect(misplaced.table?.printed).not.toContain('indicators');
    expect(misplaced.problem?.message).toMatch(/统计周期性调查）的绩效指标未能读取/);
  });

  it('gives each indicator the level names printed once over its rows, centred or on the first of them', () => {
    const form = readForm(
      layout(1, [
        ...HEADER,
        [
          [300, '项目总成本'],
          [450, '≤368万元'],
        ],
        [
          [20, '绩效指标'],
          [110, '成本指标'],
          [200, '经济成本'],
        ],
        [
          [300, '培训单位成本'],
          [450, '≤450元/人'],
        ],
        [
          [20, '绩效指标'],
          [110, '产出指标'],
          [200, '时效指标'],
          [300, '清查工作完成及时率'],
          [450, '=100%'],
        ],
        [
          [300, '主体名录覆盖率'],
          [450, '≥95%'],
        ],
        [
          [110, '效益指标'],
          [200, '社会效益指标'],
        ],
        [
          [300, '公共服务覆盖率'],
          [450, '≥90%'],
        ],
        [[200, '服务对象满意度']],
        [
          [110, '满意度指标'],
          [300, '调查对象满意度'],
          [450, '≥90%'],
        ],
        [[200, '指标']],
      ]),
    );
    expect(form.problem).toBeUndefined();
    expect(form.table?.indicators.map((indicator) => [indicator.level1, indicator.level2, indicator.level3, indicator.value])).toEqual([
      ['成本指标', '经济成本', '项目总成本', '≤368万元'],
      ['成本指标', '经济成本', '培训单位成本', '≤450元/人'],
      ['产出指标', '时效指标', '清查工作完成及时率', '=100%'],
      ['效益指标', '社会效益指标', '主体名录覆盖率', '≥95%'],
      ['效益指标', '社会效益指标', '公共服务覆盖率', '≥90%'],
      ['满意度指标', '服务对象满意度指标', '调查对象满意度', '≥90%'],
    ]);
  });

  describe('names wrapped around their values', () => {
    const indicatorsOf = (rows: (readonly (readonly [number, string])[])[]) => readForm(layout(1, [...HEADER, ...rows])).table?.indicators.map((item) => `${item.level3}=${item.value}`);

    it('takes a name’s last piece centred right of its header for the name’s, not a value (西安: 为政府了解社情、民意提供统计 / 支持)', () => {
      expect(
        indicatorsOf([
          gridRow('效益指标', '社会效益指标', '为政府了解社情民意提供统计'),
          [[450, '显著']],
          [[350, '支持']],
          gridRow('满意度指标', '服务对象满意度指标', '数据产品获得各部'),
          [[450, '≥90%']],
          [[320, '门的认可']],
        ]),
      ).toEqual(['为政府了解社情民意提供统计支持=显著', '数据产品获得各部门的认可=≥90%']);
    });

    it('gives a piece as near to two values to the row whose name it keeps centred (长沙: 省委省政府群 / 众非访及时处理 / 性 under a name of three lines)', () => {
      expect(
        indicatorsOf([
          [[300, '来访接待中心登']],
          gridRow('产出指标', '质量指标', '记电脑网络正', '≥95%'),
          [[300, '常运行率']],
          [[300, '省委省政府群']],
          [[600, '说明']],
          gridRow('', '时效指标', '众非访及时处理', '及时处理'),
          [[600, '说明']],
          [[300, '性']],
        ]),
      ).toEqual(['来访接待中心登记电脑网络正常运行率=≥95%', '省委省政府群众非访及时处理性=及时处理']);
    });

    it('reads a name of four lines centred on its value, and doubts one of four lines that is not', () => {
      const fourLines = (valueAt: number) =>
        indicatorsOf(
          ['接访大厅接待座', '椅填单台电', '视等可正常使用', '率'].map((piece, index): (readonly [number, string])[] =>
            index === valueAt
              ? [
                  [110, '效益指标'],
                  [200, '社会效益指标'],
                  [300, piece],
                  [450, '≥98%'],
                ]
              : [[300, piece]],
          ),
        );
      expect(fourLines(1)).toEqual(['接访大厅接待座椅填单台电视等可正常使用率=≥98%']);
      expect(fourLines(0)).toEqual([]);
    });
  });

  it('joins names and values wrapped over lines, and labels printed in pieces (主管部门及代 / 码, 年 / 度 / 目 / 标)', () => {
    const form = readForm(
      layout(1, [
        [[200, '信息化运行维护绩效目标表']],
        [
          [60, '项目名称'],
          [300, '信息化运行维护'],
        ],
        [[50, '主管部门及代']],
        [
          [200, '[292]国家信访局'],
          [380, '实施单位'],
          [460, '国家信访局本级'],
        ],
        [[70, '码']],
        [
          [180, '年度资金总额：'],
          [400, '2,134.87'],
        ],
        [
          [180, '其中：财政拨款'],
          [400, '1,384.87'],
          [500, '执行率'],
        ],
        [
          [60, '项目资金'],
          [180, '上年结转'],
          [400, '750.00'],
        ],
        [
          [60, '（万元）'],
          [180, '其他资金'],
          [400, '-'],
        ],
        [[120, '1.加强对信访信息系统应用工作的指导。']],
        [[40, '年']],
        [[120, '2.推进信访工作法治化。']],
        [[40, '度']],
        [[40, '目']],
        [[40, '标']],
        gridRow('一级指标', '二级指标', '三级指标', '指标值'),
        gridRow('成本指标', '经济成本指标', '租金成本控制', '≤100%'),
        [[300, '率']],
        [[450, '=2873.46平']],
        gridRow('产出指标', '数量指标', '租赁房屋面积数'),
        [[450, '方米']],
      ]),
    );
    expect(form.problem).toBeUndefined();
    expect(form.table).toMatchObject({
      project: '信息化运行维护',
      department: '[292]国家信访局',
      implementingUnit: '国家信访局本级',
      funds: { annual: { total: '2134.87', fiscal: '1384.87', carriedOver: '750.00', other: null } },
      goals: { annual: '1.加强对信访信息系统应用工作的指导。2.推进信访工作法治化。' },
    });
    expect(form.table?.indicators.map((indicator) => [indicator.level3, indicator.value])).toEqual([
      ['租金成本控制率', '≤100%'],
      ['租赁房屋面积数', '=2873.46平方米'],
    ]);
  });

  it('reads no funds from a form that states no unit for them', () => {
    const noUnit = readForm(
      layout(
        1,
        HEADER.filter((cells) => cells[0][1] !== '（万元）'),
      ),
    );
    expect(noUnit.table?.funds).toBeUndefined();
    expect(noUnit.table?.printed).not.toContain('annualFunds');
    expect(readForm(layout(1, [...HEADER])).table).toMatchObject({ unit: '万元', funds: { annual: { total: '368.00' } } });
  });

  it('keeps the fields but reads no indicators when the grid is in doubt, and says why', () => {
    const unknownLevel = readForm(layout(1, [...HEADER, gridRow('产出指标', '某某指标', '清查摸底数量', '≥130万户')]));
    expect(unknownLevel.table?.indicators).toEqual([]);
    expect(unknownLevel.table?.printed).not.toContain('indicators');
    expect(unknownLevel.problem?.message).toMatch(/二级指标“某某指标”不在词表中/);
    const severalValues = readForm(layout(1, [...HEADER, gridRow('产出指标', '数量指标', '人数；次数', '2人；1次')]));
    expect(severalValues.table?.indicators).toEqual([]);
    expect(severalValues.problem?.message).toMatch(/几个值写在一格里/);
  });

  it('does not read a table with a column of project names as one form', () => {
    const grid = readForm(
      layout(1, [
        [[200, '2026年市级一般性项目绩效目标表（一级项目）']],
        [
          [60, '序号'],
          [110, '项目名称'],
          [300, '当年绩效目标'],
          [450, '指标名称'],
        ],
        [[190, '预算金额']],
      ]),
    );
    expect(grid.table).toBeUndefined();
    expect(grid.problem?.message).toMatch(/未能读取/);
  });
});

describe('where forms are', () => {
  it('knows a form’s title from a heading or a contents entry that names forms, and from department-wide forms', () => {
    expect(isFormTitle('政策和项目预算绩效目标表')).toBe(true);
    expect(isFormTitle('补助资金项目绩效目标表')).toBe(true);
    expect(isFormTitle('（二）部门主管专项资金的绩效目标表')).toBe(false);
    expect(isFormTitle('9、项目支出绩效目标表')).toBe(false);
    expect(isFormTitle('2026年部门整体支出绩效目标表')).toBe(false);
    expect(isFormTitle('2022年专项资金总体绩效目标表')).toBe(false);
  });

  it('reads each form to the next one, a title printed twice being one form, and covers their lines', () => {
    const first = layout(1, [...HEADER, gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户')]);
    const second = layout(first.length + 1, [[[200, '政策和项目预算绩效目标表']], ...HEADER.slice(1), gridRow('效益指标', '社会效益指标', '数据使用率', '=100%')], 2);
    const narrative = layout(first.length + second.length + 1, [[[40, '第四部分  名词解释']]], 3);
    const forms = readForms([...first, ...second, ...narrative], new Set());
    expect(forms.problems).toEqual([]);
    expect(forms.tables.map((table) => [table.project, table.indicators.length])).toEqual([
      ['统计周期性调查', 1],
      ['统计周期性调查', 1],
    ]);
    expect(forms.lines.has(narrative[0]!.number)).toBe(false);
    expect(forms.lines.size).toBe(first.length + second.length);
  });

  it('does not judge the levels of a form cut at a page whose first line it does not know, and says so; a title wrapped over two lines is known', () => {
    const form = layout(1, [...HEADER, gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户')]);
    const overleaf = (first: readonly (readonly [number, string])[][]) => layout(form.length + 1, [...first, gridRow('效益指标', '社会效益指标', '数据使用率', '=100%')], 2);
    const unknown = readForms([...form, ...overleaf([[[60, '某某局内部资料']]])], new Set());
    expect(unknown.tables[0]!.printed).not.toContain('indicatorLevels');
    expect(unknown.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('在第 2 页前中断，下一页开头“某某局内部资料”不是已知的续表或新表')]);
    const wrapped = readForms([...form, ...overleaf([[[40, '困难残疾人生活补贴市级配套项']], [[40, '目绩效目标表']]])], new Set());
    expect(wrapped.tables[0]!.printed).toContain('indicatorLevels');
    expect(wrapped.problems.map((problem) => problem.message)).not.toContainEqual(expect.stringContaining('中断'));
  });

  it('ends a form’s grid at a department-wide form’s title on the next page, whose words stand where the grid’s would', () => {
    const form = layout(1, [...HEADER, gridRow('产出指标', '数量指标', '清查摸底数量', '≥130万户')]);
    const wide = layout(form.length + 1, [[[300, '2026年部门整体支出绩效目标表']], [[300, '按支出性质分']]], 2);
    const forms = readForms([...form, ...wide], new Set());
    expect(forms.problems).toEqual([]);
    expect(forms.tables.map((table) => table.indicators.length)).toEqual([1]);
    expect(forms.lines.has(wide[0]!.number)).toBe(false);
  });

  it('reads forms that list their project as a row beside the grid (湖南), one per page, and keeps no indicators of a project also on a page of several', () => {
    // One page of a form: the title, the list's headers, the grid's headers, then rows.
    const page = (first: number, number: number, rows: readonly (readonly (readonly [number, string])[])[]) =>
      layout(
        first,
        [
          [[500, '2026年项目支出绩效目标表']],
          [
            [40, '部门名称：某局'],
            [1100, '单位：万元'],
          ],
          [
            [40, '单位编码'],
            [130, '单位（项目）名称'],
            [260, '资金总额'],
            [360, '绩效目标'],
          ],
          [
            [450, '一级指标'],
            [500, '二级指标'],
            [560, '三级指标'],
            [620, '指标值'],
          ],
          ...rows,
        ],
        number,
      );
    const indicator = (name: string, value: string): (readonly [number, string])[] => [
      [450, '产出指标'],
      [500, '数量指标'],
      [560, name],
      [625, value],
    ];
    const project = (name: string, amount: string, goal: string): (readonly [number, string])[] => [
      [40, '126001'],
      [140, name],
      [290, amount],
      [350, goal],
    ];
    const first = page(1, 1, [
      [
        [40, '合计'],
        [290, '45.00'],
      ],
      [
        [40, '126001'],
        [140, '某局'],
        [290, '45.00'],
      ],
      indicator('接待人数', '100'),
      project('甲项目', '35.00', '做好接待。'),
      indicator('调解数量', '40'),
    ]);
    const second = page(first.length + 1, 2, [indicator('办结数量', '30'), project('甲项目', '35.00', '做好接待。'), indicator('维修次数', '2'), project('乙项目', '10.00', '保障运行。')]);
    const third = page(first.length + second.length + 1, 3, [indicator('培训人次', '50'), project('丙项目', '5.00', '做好培训。'), indicator('宣传次数', '4')]);
    // A project over two pages of its own is one table, its indicators in page order.
    const fourth = page(first.length + second.length + third.length + 1, 4, [indicator('会议次数', '6'), project('丁项目', '8.00', '办好会议。')]);
    const fifth = page(first.length + second.length + third.length + fourth.length + 1, 5, [project('丁项目', '8.00', '办好会议。'), indicator('参会人数', '300')]);
    const forms = readForms([...first, ...second, ...third, ...fourth, ...fifth], new Set());
    expect(forms.tables.map((table) => [table.project, table.funds?.annual?.total, table.goals?.annual, table.indicators.map((item) => item.level3), table.printed])).toEqual([
      ['甲项目', '35.00', '做好接待。', [], ['project', 'annualFunds', 'goals']],
      ['丙项目', '5.00', '做好培训。', ['培训人次', '宣传次数'], ['project', 'annualFunds', 'goals', 'indicators', 'indicatorLevels']],
      ['丁项目', '8.00', '办好会议。', ['会议次数', '参会人数'], ['project', 'annualFunds', 'goals', 'indicators', 'indicatorLevels']],
    ]);
    expect(forms.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('一页列了 2 个项目（甲项目、乙项目）')]);
  });

  describe('a page listing two projects (长沙), their names and goals merged cells centred on their rows', () => {
    const header: (readonly (readonly [number, string])[])[] = [
      [[500, '2026年项目支出绩效目标表']],
      [
        [40, '部门名称：某局'],
        [1100, '单位：万元'],
      ],
      [
        [130, '单位（项目）名称'],
        [260, '资金总额'],
        [360, '绩效目标'],
      ],
      [
        [400, '一级指标'],
        [480, '二级指标'],
        [580, '三级指标'],
        [680, '指标值'],
        [750, '度量单位'],
        [830, '指标值类型'],
      ],
    ];
    // Cells left-aligned in their columns, as 长沙 prints them (the unit and the comparison left of their headers' middles).
    const indicator = (level1: string, level2: string, name: string, value: string, unit = '', comparison = ''): (readonly [number, string])[] => [
      [400, level1],
      [470, level2],
      [580, name],
      [680, value],
      ...(unit !== '' ? [[745, unit] as const] : []),
      ...(comparison !== '' ? [[815, comparison] as const] : []),
    ];
    const goal = (text: string): (readonly [number, string])[] => [[330, text]];
    const named = (name: string, amount: string, text: string): (readonly [number, string])[] => [
      [140, name],
      [270, amount],
      [330, text],
    ];

    it('reads each project’s rows: as far below its name as above it, the next project’s after them; a target is its comparison, value and unit', () => {
      const forms = readForms(
        layout(1, [
          ...header,
          indicator('产出指标', '数量指标', '接待人数', '100', '人', '≥'),
          goal('做好接待，'),
          named('甲项目', '35.00', '保障来访'),
          goal('群众诉求。'),
          indicator('满意度指标', '服务对象满意度指标', '群众满意度', '90', '%', '≥'),
          goal('保障中心'),
          indicator('产出指标', '数量指标', '维修次数', '2', '次'),
          named('乙项目', '10.22', '设施设备'),
          indicator('成本指标', '经济成本指标', '总成本', '10.22', '万元', '≤'),
          goal('正常运转。'),
        ]),
        new Set(),
      );
      expect(forms.problems).toEqual([]);
      expect(forms.tables.map((table) => [table.project, table.funds?.annual?.total, table.goals?.annual, table.indicators.map((item) => `${item.level3}=${item.value}`)])).toEqual([
        ['甲项目', '35.00', '做好接待，保障来访群众诉求。', ['接待人数=≥100人', '群众满意度=≥90%']],
        ['乙项目', '10.22', '保障中心设施设备正常运转。', ['维修次数=2次', '总成本=≤10.22万元']],
      ]);
    });

    it('reads no indicator of a page whose names are not centred on their rows (a name at the top of its rows): which indicator is whose cannot be told', () => {
      const forms = readForms(
        layout(1, [
          ...header,
          named('甲项目', '35.00', '做好接待，'),
          goal('保障来访'),
          goal('群众诉求。'),
          indicator('产出指标', '数量指标', '接待人数', '100'),
          named('乙项目', '10.22', '保障中心'),
          goal('设施设备'),
          goal('正常运转。'),
          indicator('产出指标', '数量指标', '维修次数', '2'),
        ]),
        new Set(),
      );
      expect(forms.tables).toEqual([]);
      expect(forms.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('一页列了 2 个项目（甲项目、乙项目），分不清各项目的绩效指标')]);
    });
  });
});
