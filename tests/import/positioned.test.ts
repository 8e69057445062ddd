/**
 * The positioned-text stages on small built layouts: each test prints a few lines the way a PDF
 * places them (spans at x positions, 10-point characters) and checks what the stage reads.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, type PositionedLine } from '../../engine/src/import/positioned/model.js';
import { spansOf } from '../../engine/src/import/positioned/fromPdf.js';
import { positionedFromText } from '../../engine/src/import/positioned/fromText.js';
import { toLines } from '../../engine/src/import/lines.js';
import { renderSpans } from '../../engine/src/import/positioned/render.js';
import { withoutRunningHeaders } from '../../engine/src/import/positioned/runningHeaders.js';
import { declaredEmptyTables } from '../../engine/src/import/tables/emptyIndex.js';
import { findTables } from '../../engine/src/import/tables/findTables.js';
import { readGrid } from '../../engine/src/import/tables/grid.js';
import { readTables } from '../../engine/src/import/tables/readTables.js';
import { assembleDocument, secretsLeftOut } from '../../engine/src/import/meta.js';
import { sniffInput } from '../../engine/src/import/sniff.js';
import { columnIdOf } from '../../engine/src/import/tables/names.js';
import { kindOfTitle } from '../../engine/src/import/tables/titles.js';
import { FUNCTIONAL_CLASSES, codeOfClassName } from '../../engine/src/import/vocabulary.js';

const SIZE = 10;
let lineNumber = 0;

/** A line of spans: [x, text] pairs (each character one em wide) on a page. */
function line(page: number, ...cells: readonly (readonly [number, string])[]): PositionedLine {
  lineNumber += 1;
  const spans = cells.map(([x, text]) => ({ text, x0: x, x1: x + text.length * SIZE }));
  return { number: lineNumber, page, spans, text: cells.map(([, text]) => text).join('  '), size: SIZE };
}

describe('a 是否空表 list before the tables', () => {
  it('declares the rows marked 是 empty, with their reason, across a blank line', () => {
    const text = (words: string, number: number) => ({ number, text: words, cells: [words] });
    const declared = declaredEmptyTables([
      text('报表    报表名称                      是否空表   表格为空的理由', 1),
      text('表1     部门综合预算收支总表', 2),
      text('表9     部门综合预算政府性基金收支表              是       不涉及', 3),
      text('', 4),
      text('表11    部门综合预算财政拨款上年结转资金支出表    是       不涉及', 5),
      text('表12    部门综合预算政府采购预算表                否', 6),
      text('一、部门职责', 7),
      text('表13    不在清单里的一行                          是', 8),
    ]);
    expect([...declared.keys()]).toEqual(['表9', '表11']);
    expect(declared.get('表9')).toEqual({ line: 3, reason: '不涉及' });
  });

  it('reads the answer alone or with its reason after one space, and not 是否 in a name', () => {
    const text = (words: string, number: number) => ({ number, text: words, cells: [words] });
    const declared = declaredEmptyTables([
      text('报表    报表名称                      是否空表', 1),
      text('表2     是否空表说明表                否', 2),
      text('表3     政府性基金收支表              是 本部门无此项收支', 3),
      text('附表1-2 国有资本经营收支表            是', 4),
    ]);
    expect([...declared.entries()]).toEqual([
      ['表3', { line: 3, reason: '本部门无此项收支' }],
      ['表1-2', { line: 4 }],
    ]);
  });
});

describe('aligned text as positioned lines', () => {
  it('places each word at its character column, counts pages by form feeds and keeps the line numbers', () => {
    const text = positionedFromText('收入总体情况表\n         合计         9,483.72    9,433.72\n广州市统计局              6,748.28    6,698.28\n\f表3\n');
    expect(text.pageCount).toBe(2);
    expect(text.lines.map((line) => [line.number, line.page])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 2],
    ]);
    // Columns line up by character index, whatever the width of the characters before them.
    expect(text.lines[1]!.spans.map((span) => [span.text, span.x0])).toEqual([
      ['合计', 9],
      ['9,483.72', 20],
      ['9,433.72', 32],
    ]);
    expect(text.lines[2]!.spans.map((span) => span.x0)).toEqual([0, 20, 32]);
    expect(text.lines[3]!.text).toBe('表3');
  });

  it('numbers lines as the text importer does: a byte-order mark dropped, CR, LF and CRLF breaks alike', () => {
    const text = positionedFromText('\ufeff封面\r第二行\r\n第三行\n第四行');
    expect(text.lines.map((line) => [line.number, line.text])).toEqual(toLines('\ufeff封面\r第二行\r\n第三行\n第四行').map((line) => [line.number, line.text]));
    expect(text.lines[0]!.text).toBe('封面');
  });
});

describe('joining a line’s items into spans', () => {
  const item = (text: string, x0: number, x1: number) => ({ text, x0, x1, y: 100, size: 16, box: [0, 0, 1, 1] as const });
  it('joins a number in prose set as two touching items, and keeps amounts in neighbouring cells apart', () => {
    expect(spansOf([item('2026年预算数为2', 79.8, 209), item('36.83', 209, 245.2), item('万元，与2025年执行数相同。', 249.5, 467.4)]).map((span) => span.text)).toEqual([
      '2026年预算数为236.83万元，与2025年执行数相同。',
    ]);
    expect(spansOf([item('增加', 400, 432), item('100.1', 451.8, 488), item('6', 488.3, 496.3)]).map((span) => span.text)).toEqual(['增加', '100.16']);
    expect(spansOf([item('16,', 100, 124), item('474.82', 124.5, 170)]).map((span) => span.text)).toEqual(['16,474.82']);
    expect(spansOf([item('1,935.36', 294, 336), item('1,935.36', 369, 411)]).map((span) => span.text)).toEqual(['1,935.36', '1,935.36']);
    expect(spansOf([item('1,935.36', 294, 336), item('7', 340, 348)]).map((span) => span.text)).toEqual(['1,935.36', '7']);
  });
});

describe('rendering a line from positioned spans', () => {
  it('places spans by position and stops at the longest line read, however far a span is placed', () => {
    expect(
      renderSpans(
        [
          { text: '合计', x0: 0, x1: 20 },
          { text: '100.00', x0: 100, x1: 130 },
        ],
        5,
      ),
    ).toBe('合计                100.00');
    const far = renderSpans(
      [
        { text: '合计', x0: 0, x1: 20 },
        { text: '100.00', x0: 1e12, x1: 1e12 + 30 },
      ],
      5,
    );
    expect(far.length).toBe(MAX_LINE_CHARS);
  });
});

describe('where a table ends', () => {
  it('at a heading of the text ending in 说明 (one or two spans), never at a header row whose last cell is 说明', () => {
    const ended = findTables([
      line(1, [200, '“三公”经费预算表']),
      line(1, [480, '单位：万元']),
      line(1, [60, '合计'], [200, '公务接待费']),
      line(1, [60, '84.00'], [200, '5.00']),
      line(2, [200, '其他相关说明']),
      line(2, [60, '一、'], [80, '“三公”经费预算说明']),
      line(2, [60, '2026年“三公”经费预算数为84.00万元。']),
    ]);
    expect(ended[0]!.body.map((body) => body.spans[0]!.text)).toEqual(['84.00']);
    const header = findTables([
      line(1, [200, '政府采购预算表']),
      line(1, [480, '单位：元']),
      line(1, [40, '序号'], [100, '采购项目'], [300, '预算金额'], [400, '说明']),
      line(1, [40, '1'], [100, '合计'], [300, '7007500']),
    ]);
    expect(header[0]!.body).toHaveLength(1);
  });

  it('past its header when it has no data, and past a page of its continued columns that holds only their header', () => {
    const empty = line(1, [200, '政府性基金预算支出功能分类预算表']);
    const tables = findTables([
      empty,
      line(1, [40, '编制单位：某局'], [480, '单位：元']),
      line(1, [200, '政府性基金预算支出']),
      line(1, [40, '功能分类科目名称'], [200, '合计'], [300, '基本支出'], [400, '项目支出']),
      line(1, [60, '合计']),
      line(2, [200, '收入预算总表']),
      line(2, [480, '单位：元']),
      line(2, [40, '项目'], [200, '合计'], [300, '财政拨款收入']),
      line(2, [40, '合计'], [200, '10'], [300, '10']),
      line(3, [200, '收入预算总表']),
      line(3, [480, '单位：元']),
      line(3, [300, '其他收入']),
    ]);
    expect(tables.map((table) => [table.line - empty.number, table.to - empty.number])).toEqual([
      [0, 4],
      [5, 11],
    ]);
  });
});

describe('running headers and footers', () => {
  it('drops lines repeated at the top or foot of most pages, two deep, and keeps the rest', () => {
    const pages = [1, 2, 3, 4].flatMap((page) => [
      line(page, [60, '某某市某某局']),
      line(page, [60, '2026年部门预算公开']),
      line(page, [60, `第 ${page} 页的正文`]),
      line(page, [280, String(page)]),
      line(page, [200, '某某局预算公开专栏']),
    ]);
    const kept = withoutRunningHeaders({ format: 'pdf', lines: pages, pageCount: 4 }, () => false).lines.filter((kept) => kept.spans.length > 0);
    expect(kept.map((kept) => kept.spans[0]!.text)).toEqual(['第 1 页的正文', '1', '第 2 页的正文', '2', '第 3 页的正文', '3', '第 4 页的正文', '4']);
  });

  it('takes a page number for one beside other page furniture (第 3 页), never for a row of the table', () => {
    const lines = [
      line(1, [200, '支出总表']),
      line(1, [480, '单位：万元']),
      line(1, [60, '科目名称'], [300, '合计']),
      line(1, [60, '合计'], [300, '29.00']),
      line(1, [60, '一般公共服务支出'], [300, '29.00']),
      line(1, [300, '29']),
      line(1, [280, '第 3 页']),
    ];
    const [table] = findTables(lines);
    expect(table?.body.map((body) => body.spans[0]!.text)).toEqual(['合计', '一般公共服务支出']);
  });
});

describe('finding tables', () => {
  it('takes a label printed at the foot of the page before a title that opens its page', () => {
    const lines = [
      line(1, [60, '合计'], [300, '9,880.88']),
      line(1, [500, '部门公开表7']),
      line(1, [280, '12']),
      line(2, [200, '政府性基金预算支出表']),
      line(2, [480, '单位:万元']),
      line(2, [60, '科目编码'], [160, '科目名称'], [300, '合计'], [380, '基本支出'], [460, '项目支出']),
      line(2, [160, '合  计']),
    ];
    const [table] = findTables(lines);
    expect(table?.title).toBe('政府性基金预算支出表');
    expect(table?.label).toBe('部门公开表7');
  });

  it('takes a labelled title, or one over its unit line, that names no known table for a table of unknown kind, so its rows never join the table before', () => {
    const table = (titleLines: readonly PositionedLine[]) => [
      line(1, [60, '合计'], [300, '9,880.88']),
      ...titleLines,
      line(2, [60, '项目'], [300, '预算数']),
      line(2, [60, '一、一般公共预算'], [300, '9,433.72']),
    ];
    const labelled = findTables(table([line(2, [500, '表4']), line(2, [200, '财政资金收付总览表'])]));
    expect(labelled.map((block) => [block.label, block.title, block.kind])).toEqual([['表4', '财政资金收付总览表', { other: 'unknown' }]]);
    const overUnit = findTables(table([line(2, [200, '财政资金收付总览表']), line(2, [60, '单位名称：某局'], [480, '单位：万元'])]));
    expect(overUnit.map((block) => block.kind)).toEqual([{ other: 'unknown' }]);
    // Words ending in 表 over a header, with neither label nor unit line, are no title.
    expect(findTables(table([line(2, [200, '附：资金安排明细表'])]))).toEqual([]);
  });

  it('reads a letter-spaced unit line (单位：万 元) as the unit, and takes no contents entry over a part heading for a table', () => {
    const [table] = findTables([line(1, [200, '收入总表']), line(1, [480, '单位：万 元']), line(1, [60, '项目'], [300, '合计']), line(1, [60, '合计'], [300, '9,880.88'])]);
    expect([table?.title, table?.unit]).toEqual(['收入总表', '万元']);
    expect(findTables([line(1, [60, '十二、部门预算项目支出预算表']), line(1, [60, '第三部分  2026年部门预算情况说明']), line(1, [60, '一、收支预算总体情况'])])).toEqual([]);
  });

  it('knows titles by the funds’ and costs’ older or shortened names (公共财政预算, 政府基金, 机关运行费)', () => {
    expect(kindOfTitle('2026年一般公共财政预算支出情况表')).toEqual({ role: 'generalBudgetExpenditure' });
    expect(kindOfTitle('表8 政府基金预算支出表')).toEqual({ role: 'governmentFundExpenditure' });
    expect(kindOfTitle('一般公共预算机关运行费支出预算表')).toEqual({ role: 'agencyOperatingCosts' });
    expect(kindOfTitle('财政拨款资金收支总表')).toEqual({ role: 'fiscalAppropriationSummary' });
  });

  it('finds a table with no unit line, its header letter-spaced or its cells wrapped, past a line of the department’s code or a header cell’s first words', () => {
    const blocks = findTables([
      line(1, [200, '部门收支总表']),
      line(1, [60, '收'], [90, '入'], [300, '支'], [330, '出']),
      line(1, [60, '项目'], [200, '预算数'], [300, '项目'], [440, '预算数']),
      line(1, [60, '一、一般公共预算拨款收入'], [200, '16,474.82'], [300, '一、一般公共服务支出'], [440, '16,474.82']),
      line(2, [200, '部门收入总表']),
      line(2, [40, '511-某某局']),
      line(2, [300, '政府性基金'], [380, '国有资本经'], [460, '事业收入']),
      line(2, [40, '合计'], [300, '0.00'], [380, '0.00'], [460, '0.00']),
      line(3, [200, '支出预算总表']),
      line(3, [380, '事业单位经营'], [460, '对附属单位补']),
      line(3, [40, '科目编码'], [120, '科目名称'], [240, '合计'], [300, '基本支出']),
      line(3, [40, '201'], [120, '一般公共服务支出'], [240, '5.00'], [300, '5.00']),
    ]);
    expect(blocks.map((block) => block.title)).toEqual(['部门收支总表', '部门收入总表', '支出预算总表']);
  });

  it('never starts a title on a sentence’s end or on a row of cells', () => {
    const lines = [
      line(1, [60, '增长的主要原因是：代管项目相关人员专题培训。']),
      line(1, [200, '培训费明细表']),
      line(1, [480, '单位：万元']),
      line(1, [60, '序号'], [120, '培训名称'], [300, '时间'], [400, '人数'], [460, '金额']),
      line(1, [60, '1'], [120, '党务干部培训'], [300, '2026年10月'], [400, '44'], [460, '7.28']),
    ];
    expect(findTables(lines).map((table) => table.title)).toEqual(['培训费明细表']);
  });
});

describe('reading a grid', () => {
  it('drops a 序号 column and keeps a project’s unit apart from its name', () => {
    const header = [line(1, [40, '序号'], [80, '单位名称'], [200, '项目名称'], [340, '合计'], [440, '一般公共预算'])];
    const body = [
      line(1, [40, '1'], [80, '杭州市司法局'], [200, '法治杭州建设'], [340, '69.00'], [440, '69.00']),
      line(1, [40, '2'], [80, '杭州市司法局'], [200, '法治政府建设'], [340, '676.51'], [440, '676.51']),
      line(1, [40, '3'], [80, '杭州市东郊监狱'], [200, '监狱综合管理'], [340, '20.35'], [440, '20.35']),
    ];
    const grid = readGrid(header, body);
    expect(grid.columns.map((column) => column.header.join('/'))).toEqual(['合计', '一般公共预算']);
    expect(grid.rows.map((row) => [row.unitName, row.name, ...row.cells])).toEqual([
      ['杭州市司法局', '法治杭州建设', '69.00', '69.00'],
      ['杭州市司法局', '法治政府建设', '676.51', '676.51'],
      ['杭州市东郊监狱', '监狱综合管理', '20.35', '20.35'],
    ]);
  });

  it('takes a row number and a class code set as one text item (“17 302”) as two cells, the code a code', () => {
    const header = [line(1, [40, '序号'], [60, '科目编码'], [120, '科目名称'], [300, '合计'], [400, '人员经费'], [500, '公用经费'])];
    const body = [
      line(1, [40, '1'], [120, '合计'], [300, '30.00'], [400, '20.00'], [500, '10.00']),
      line(1, [40, '2'], [60, '301'], [120, '工资福利支出'], [300, '20.00'], [400, '20.00'], [500, '0']),
      line(1, [40, '3'], [70, '30101'], [120, '基本工资'], [300, '20.00'], [400, '20.00'], [500, '0']),
      line(1, [40, '4 302'], [120, '商品和服务支出'], [300, '10.00'], [400, '0'], [500, '10.00']),
      line(1, [40, '5'], [70, '30201'], [120, '办公费'], [300, '10.00'], [400, '0'], [500, '10.00']),
    ];
    const grid = readGrid(header, body);
    expect(grid.twoSided).toBe(false);
    expect(grid.rows.map((row) => [row.code ?? '', row.name, ...row.cells])).toEqual([
      ['', '合计', '30.00', '20.00', '10.00'],
      ['301', '工资福利支出', '20.00', '20.00', '0'],
      ['30101', '基本工资', '20.00', '20.00', '0'],
      ['302', '商品和服务支出', '10.00', '0', '10.00'],
      ['30201', '办公费', '10.00', '0', '10.00'],
    ]);
  });

  it('keeps the words of a 项目类别 column right of the name out of the name', () => {
    const header = [line(1, [40, '项目名称'], [240, '项目类别'], [340, '合计'], [440, '一般公共预算'])];
    const body = [
      line(1, [40, '合  计'], [340, '41.00'], [440, '41.00']),
      line(1, [40, '实施公车统管费用'], [240, '其他运转类'], [340, '25.00'], [440, '25.00']),
      line(1, [40, '设备购置更新'], [240, '特定目标类'], [340, '16.00'], [440, '16.00']),
    ];
    const grid = readGrid(header, body);
    expect(grid.rows.map((row) => [row.name.replace(/\s+/g, ''), row.texts?.projectCategory, ...row.cells])).toEqual([
      ['合计', undefined, '41.00', '41.00'],
      ['实施公车统管费用', '其他运转类', '25.00', '25.00'],
      ['设备购置更新', '特定目标类', '16.00', '16.00'],
    ]);
  });

  it('keeps a long name that runs on into the first value column as the row’s name, not as text in its amount', () => {
    const header = [line(1, [40, '项目'], [200, '预算数'], [300, '支出功能分类科目'], [470, '预算数'])];
    const body = [
      line(1, [40, '1、财政拨款'], [190, '100.00'], [300, '14、交通运输支出'], [480, '0.00']),
      line(1, [40, '其中：专项资金列入部门预算的项目'], [200, '0.00'], [300, '15、资源勘探工业信息等支出'], [480, '0.00']),
      line(1, [40, '2、事业收入'], [200, '0.00'], [300, '16、商业服务业等支出'], [460, '100.00']),
    ];
    const grid = readGrid(header, body);
    expect(grid.twoSided).toBe(true);
    expect(grid.rows.map((row) => [row.side, row.name, row.cells.filter((cell) => cell !== undefined)])).toEqual([
      ['income', '1、财政拨款', ['100.00']],
      ['expenditure', '14、交通运输支出', ['0.00']],
      ['income', '其中：专项资金列入部门预算的项目', ['0.00']],
      ['expenditure', '15、资源勘探工业信息等支出', ['0.00']],
      ['income', '2、事业收入', ['0.00']],
      ['expenditure', '16、商业服务业等支出', ['100.00']],
    ]);
  });

  it('splits a header cell that reads as two known names run together (政府性基金预算国有资本经营预算) into two columns', () => {
    const header = [line(1, [40, '项目'], [200, '合计'], [300, '一般公共预算'], [420, '政府性基金预算国有资本经营预算'])];
    const body = [line(1, [40, '一、一般公共服务支出'], [190, '100.00'], [310, '100.00'])];
    expect(readGrid(header, body).columns.map((column) => columnIdOf(column.header))).toEqual(['total', 'generalBudget', 'governmentFunds', 'stateCapital']);
  });

  it('keeps class codes that count up by one (301, 302) as codes', () => {
    const header = [line(1, [40, '经济科目编码'], [160, '经济科目名称'], [340, '合计'])];
    const body = [
      line(1, [40, '301'], [160, '工资福利支出'], [340, '10.00']),
      line(1, [50, '30101'], [160, '基本工资'], [340, '6.00']),
      line(1, [50, '30102'], [160, '津贴补贴'], [340, '4.00']),
      line(1, [40, '302'], [160, '商品和服务支出'], [340, '2.00']),
      line(1, [50, '30201'], [160, '办公费'], [340, '2.00']),
    ];
    expect(readGrid(header, body).rows.map((row) => row.code)).toEqual(['301', '30101', '30102', '302', '30201']);
  });
});

describe('headers and rows of tables printed without data or with merged cells', () => {
  it('takes a lone 合 计 in the label column of a table with no data as its total row, not a header', () => {
    const [found] = findTables([
      line(1, [200, '政府性基金预算支出表']),
      line(1, [480, '单位:万元']),
      line(1, [60, '科目编码'], [160, '科目名称']),
      line(1, [300, '合计'], [380, '基本支出'], [460, '项目支出']),
      line(1, [110, '合'], [130, '计']),
      line(1, [40, '（注：本部门没有使用政府性基金预算拨款安排的支出。）']),
    ]);
    expect(found?.header.map((header) => header.text)).toEqual(['科目编码  科目名称', '合计  基本支出  项目支出']);
    expect(found?.body.map((row) => row.text)).toEqual(['合  计']);
    expect(readGrid(found!.header, found!.body).columns.map((column) => column.header.join('/'))).toEqual(['合计', '基本支出', '项目支出']);
  });

  it('joins letter-spaced header words (收  入) but not single characters of neighbouring cells’ wrapped names (事业收 / 入 beside 其他收 / 入)', () => {
    const header = [line(1, [40, '单位名称'], [150, '合计'], [262, '事业收'], [342, '其他收']), line(1, [272, '入'], [352, '入'])];
    const body = [line(1, [40, '合计'], [140, '9,483.72'], [250, '0.00'], [330, '50.00'])];
    expect(readGrid(header, body).columns.map((column) => column.header.join('/'))).toEqual(['合计', '事业收入', '其他收入']);
    const spaced = readGrid([line(1, [40, '项'], [100, '目'], [200, '合计'])], [line(1, [40, '合计'], [190, '100.00'])]);
    expect(spaced.labelHeaders).toEqual(['项目']);
  });

  it('takes a group’s name set between two wrapped names that start above it (财政专户管 / 理资金 · 单位资金 · 使用非财政 / 拨款结余) for a column of its own', () => {
    const header = [line(1, [300, '财政专户管'], [420, '使用非财政']), line(1, [20, '项目名称'], [100, '合计'], [362, '单位资金'], [470, '上年结转']), line(1, [310, '理资金'], [425, '拨款结余'])];
    const body = [line(1, [20, '合计'], [100, '9.00'], [310, '1.00'], [370, '2.00'], [425, '3.00'], [470, '3.00'])];
    const grid = readGrid(header, body);
    expect(grid.columns.map((column) => column.header.join('/'))).toEqual(['合计', '财政专户管理资金', '单位资金', '使用非财政拨款结余', '上年结转']);
  });

  it('puts a group name centred over two columns (本级财政拨款 over 金额 · 其中) over both, and 金额 under it is the group’s amount', () => {
    const header = [
      line(1, [300, '本级财政拨款']),
      line(1, [20, '功能科目'], [100, '合计'], [480, '其它收入']),
      line(1, [260, '金额'], [340, '其中:经费拨款']),
      line(1, [105, '1'], [265, '2'], [380, '3'], [490, '4']),
    ];
    const body = [line(1, [20, '合计'], [70, '1,935.36'], [230, '1,935.36'], [345, '1,935.36'])];
    const grid = readGrid(header, body);
    expect(grid.columns.map((column) => column.header.join('/'))).toEqual(['合计', '本级财政拨款/金额', '本级财政拨款/其中:经费拨款', '其它收入']);
    expect(columnIdOf(['本级财政拨款', '金额'])).toBe('fiscalAppropriation');
    // Any name centred over a 金额 column and the one after it is their group (中央: 事业收入 / 金额 · 其中:教育收费).
    const income = readGrid(
      [line(1, [100, '合计'], [428, '事业收入']), line(1, [452, '其中:教育']), line(1, [409, '金额']), line(1, [465, '收费'])],
      [line(1, [72, '50,616.94'], [400, '10.00'], [470, '2.00'])],
    );
    expect(income.columns.map((column) => column.header.join('/'))).toEqual(['合计', '事业收入/金额', '事业收入/其中:教育收费']);
    expect(columnIdOf(['事业单位经营服务收入'])).toBe('operatingIncome');
    expect(columnIdOf(['财政专户管理事业收入'])).toBe('fiscalSpecialAccount');
  });

  it('widens a group centred over its own subtotal (财政拨款收入 over 合计 · 一般 · 基金 · 国有) to the subtotal, but never over the table’s total', () => {
    const header = (first: string) => [line(1, [310, '财政拨款收入']), line(1, [20, '项目'], [160, first], [230, '合计'], [300, '一般预算'], [350, '基金预算'], [410, '国有资本'], [470, '其他收入'])];
    const body = [line(1, [20, '合计'], [160, '10.00'], [230, '9.00'], [300, '9.00'], [350, '0.00'], [410, '0.00'], [470, '1.00'])];
    expect(readGrid(header('总计'), body).columns.map((column) => column.header.join('/'))).toEqual([
      '总计',
      '财政拨款收入/合计',
      '财政拨款收入/一般预算',
      '财政拨款收入/基金预算',
      '财政拨款收入/国有资本',
      '其他收入',
    ]);
    // With no total before it (序号 and 单位名称 are labels), the 合计 is the table's own total.
    const noTotal = [line(1, [310, '财政拨款收入']), line(1, [20, '单位名称'], [230, '合计'], [300, '一般预算'], [350, '基金预算'], [410, '国有资本'], [470, '其他收入'])];
    const rows = [line(1, [20, '某单位'], [230, '9.00'], [300, '9.00'], [350, '0.00'], [410, '0.00'], [470, '1.00'])];
    expect(readGrid(noTotal, rows).columns.map((column) => column.header.join('/'))[0]).toBe('合计');
  });

  it('takes 资金来源 centred over the fund columns for their group, not a column of its own (苏州/无锡 政府采购表)', () => {
    const header = [line(1, [380, '资金来源']), line(1, [20, '采购品目'], [300, '一般公共'], [350, '政府性基金'], [410, '其他资金'], [470, '上年结转'], [540, '总计'])];
    const body = [line(1, [20, '合计'], [300, '2.61'], [540, '2.61'])];
    const headers = readGrid(header, body).columns.map((column) => column.header.join('/'));
    expect(headers).not.toContain('资金来源');
    expect(headers).toHaveLength(5);
  });
});

describe('column vocabulary', () => {
  it('knows the text columns beside the amounts and the 西安 names of the expenditure types', () => {
    expect(['序号', '备注', '项目简介', '项目类别', '资金性质', '单位编码'].map((name) => columnIdOf([name]))).toEqual([
      'serialNumber',
      'remarks',
      'description',
      'projectCategory',
      'fundNature',
      'unitCode',
    ]);
    expect(['人员经费支出', '公用经费支出', '专项业务经费支出', '一般公共预算拨款小计'].map((name) => columnIdOf([name]))).toEqual(['personnel', 'public', 'project', 'generalBudget']);
    expect(
      [
        ['使用非财政拨款结余'],
        ['结转下年'],
        ['其中：教育收费'],
        ['其他资金'],
        ['上年结转和结余资金'],
        ['其中：公务用车购置'],
        ['绩效目标'],
        ['上年结转结余', '专户资金结转结余'],
        ['扣除中央基建投资后预算数'],
        ['上年实户资金余额'],
        ['公共预算拨款小计'],
      ].map((header) => columnIdOf(header)),
    ).toEqual([
      'nonFiscalBalanceUsed',
      'yearEndCarryForward',
      'educationFees',
      'otherFunds',
      'carriedOver',
      'vehiclePurchase',
      'performanceTarget',
      'fiscalSpecialAccount',
      'excludingCentralCapital',
      'realAccountBalance',
      'generalBudget',
    ]);
  });
});

describe('reading a table as a whole', () => {
  const table = (...lines: PositionedLine[]) => readTables({ format: 'pdf', lines, pageCount: 1 }, { fiscalYear: 2026, unit: '万元' });

  it('takes a 合计 column the sum of the others, even under a group header that stands over it', () => {
    const read = table(
      line(1, [260, '收入总体情况表']),
      line(1, [40, '单位名称：某局'], [520, '单位：万元']),
      line(1, [200, '财政拨款收入'], [420, '其他资金收入']),
      line(1, [40, '单位名称'], [160, '合计'], [260, '一般公共预算'], [420, '其他收入']),
      line(1, [60, '合计'], [150, '9,483.72'], [260, '9,433.72'], [420, '50.00']),
      line(1, [40, '某局'], [150, '6,748.28'], [260, '6,698.28'], [420, '50.00']),
      line(1, [40, '某中心'], [150, '2,735.44'], [260, '2,735.44'], [420, '0.00']),
    );
    const income = read.tables.incomeSummary!;
    expect(income.columns.map((column) => column.id)).toEqual(['total', 'generalBudget', 'otherIncome']);
    expect(income.rows[0]).toMatchObject({ key: 'total', values: { total: '9483.72', generalBudget: '9433.72' } });
  });

  it('takes rows numbered 1. 2. as the top level where no row is numbered 一、 (a template numbering in Arabic numerals)', () => {
    const read = table(
      line(1, [260, '收入总表']),
      line(1, [520, '单位：万元']),
      line(1, [40, '项目'], [300, '合计']),
      line(1, [40, '合计'], [300, '10.00']),
      line(1, [40, '1.一般公共预算拨款收入'], [300, '8.00']),
      line(1, [40, '2.其他收入'], [300, '2.00']),
    ).tables.incomeSummary!;
    expect(read.rows.map((row) => [row.name, row.level ?? null])).toEqual([
      ['合计', null],
      ['1.一般公共预算拨款收入', 1],
      ['2.其他收入', 1],
    ]);
  });

  it('knows the income sources of a summary named as funds (重庆: 八、事业单位经营收入资金, 九、其他收入资金)', () => {
    const summary = table(
      line(1, [260, '部门收支总体情况表']),
      line(1, [520, '单位：万元']),
      line(1, [100, '收入'], [400, '支出']),
      line(1, [40, '项目'], [200, '预算数'], [300, '项目'], [480, '预算数']),
      line(1, [40, '一、一般公共预算资金'], [200, '8.00'], [300, '一、一般公共服务支出'], [480, '10.00']),
      line(1, [40, '二、事业收入资金'], [300, '二、教育支出']),
      line(1, [40, '三、上级补助收入资金'], [300, '三、科学技术支出']),
      line(1, [40, '四、附属单位上缴收入资金'], [300, '四、卫生健康支出']),
      line(1, [40, '五、事业单位经营收入资金'], [200, '1.50']),
      line(1, [40, '六、其他收入资金'], [200, '0.50']),
      line(1, [40, '收入总计'], [200, '10.00'], [300, '支出总计'], [480, '10.00']),
    ).tables.incomeExpenditureSummary!;
    expect(summary.rows.filter((row) => row.group === 'income').map((row) => row.key)).toEqual([
      'generalBudget',
      'businessIncome',
      'superiorSubsidy',
      'affiliatedIncome',
      'operatingIncome',
      'otherIncome',
      'incomeGrandTotal',
    ]);
  });

  it('withholds a table whose numbers stand under a header it does not know while a known column beside it is left empty', () => {
    const expenditure = (header: string, project: readonly (readonly [number, string])[]) =>
      table(
        line(1, [260, '支出总表']),
        line(1, [520, '单位：万元']),
        line(1, [40, '科目名称'], [200, '合计'], [300, header], [400, '项目支出']),
        line(1, [40, '合计'], [200, '10.00'], [300, '10.00'], ...project),
        line(1, [40, '一般公共服务支出'], [200, '10.00'], [300, '10.00'], ...project),
      ).tables.expenditureSummary!;
    expect(expenditure('基本支出', [[400, '0.00']]).doubt).toBeUndefined();
    // 项目支出 printed as 0.00 is filled; a header unknown with numbers beside a known column all blank is not.
    expect(expenditure('日常运转经费', []).doubt).toContain('列的位置可能读错');
  });

  it('joins an amount wrapped in a narrow cell, its last digit on the line below, with or without thousands separators', () => {
    for (const [cut, whole] of [
      ['21,118.5', '21118.51'],
      ['21118.5', '21118.51'],
    ] as const) {
      const read = table(
        line(1, [260, '支出总表']),
        line(1, [520, '单位：万元']),
        line(1, [40, '科目名称'], [200, '合计'], [300, '基本支出'], [400, '项目支出']),
        line(1, [40, '合计'], [200, '21128.51'], [300, '10.00'], [420, '21118.51']),
        line(1, [400 + (10 - cut.length) * SIZE, cut]),
        line(1, [40, '一般公共服务支出'], [200, '21128.51'], [300, '10.00']),
        line(1, [490, '1']),
        line(1, [40, '其他支出'], [200, '0.00'], [300, '0.00']),
        line(1, [40, '其他支出'], [200, '0.00'], [300, '0.00']),
      ).tables.expenditureSummary!;
      expect(read.rows[1]!.values).toMatchObject({ total: '21128.51', basic: '10.00', project: whole });
    }
  });

  it('takes the 基本支出 column of a basic-expenditure table (基本支出预算 over 小计 · 人员支出 · 日常公用支出) for its total', () => {
    const read = table(
      line(1, [220, '一般公共预算基本支出情况表']),
      line(1, [520, '单位：万元']),
      line(1, [40, '科目名称'], [320, '基本支出预算']),
      line(1, [200, '小计'], [300, '人员支出'], [400, '日常公用支出']),
      line(1, [40, '合计'], [200, '15.00'], [300, '10.00'], [400, '5.00']),
      line(1, [40, '301 工资福利支出'], [200, '10.00'], [300, '10.00']),
      line(1, [40, '302 商品和服务支出'], [200, '5.00'], [400, '5.00']),
    ).tables.basicExpenditureByEconomicClass!;
    expect(read.columns.map((column) => column.id)).toEqual(['total', 'personnel', 'public']);
    expect(read.rows[0]!.values).toEqual({ total: '15.00', personnel: '10.00', public: '5.00' });
  });

  it('knows a class printed by name, with or without an ordinal or its last word (一般公共服务 for 一般公共服务支出)', () => {
    expect(['一、一般公共服务支出', '一般公共服务', '住房保障', '十九、住房保障支出', '一般公共'].map((name) => codeOfClassName(name, FUNCTIONAL_CLASSES))).toEqual([
      '201',
      '201',
      '221',
      '221',
      undefined,
    ]);
  });

  it('takes a unit line outside every table found for a table it did not find, whatever its title: none is then known to be missing', () => {
    const read = table(line(1, [260, '部门收支总览表格']), line(1, [520, '单位：万元']), line(1, [40, '项目'], [200, '预算数']), line(1, [40, '合计'], [200, '10.00']));
    expect(read.recognised.map((entry) => entry.kind)).toEqual([{ other: 'unknown' }]);
    expect(read.problems.map((problem) => problem.code)).toEqual(['table_unknown']);
  });

  it('withholds a table whose known amount column holds words only (a description’s last line placed under 其他资金): never a text column read as amounts', () => {
    const projects = table(
      line(1, [260, '项目支出表']),
      line(1, [520, '单位：万元']),
      line(1, [40, '项目名称'], [200, '合计'], [300, '一般公共预算'], [400, '其他资金']),
      line(1, [40, '合计'], [200, '10.00'], [300, '10.00']),
      line(1, [40, '信息化运维'], [200, '10.00'], [300, '10.00']),
      line(1, [400, '稳定运行。']),
    ).tables.projectExpenditure!;
    expect(projects.columns.find((column) => column.id === 'otherFunds')?.type).toBeUndefined();
    expect(projects.doubt).toContain('金额列中读到了文字');
  });

  it('withholds a 三公 table printed with its items as columns when one item’s column is not named: its items and total are not known', () => {
    const threePublic = (vehicles: readonly [string, string]) =>
      table(
        line(1, [260, '“三公”经费预算表']),
        line(1, [520, '单位：万元']),
        line(1, [20, '项目'], [100, '合计'], [180, '因公出国（境）费'], [340, '公务接待费'], [460, vehicles[0]]),
        line(1, [460, vehicles[1]]),
        line(1, [20, '预算数'], [100, '6.00'], [200, '1.00'], [350, '2.00'], [470, '3.00']),
      ).tables.threePublicExpenses!;
    const named = threePublic(['公务用车购置', '及运行费']);
    expect(named.doubt).toBeUndefined();
    expect(named.rows.find((row) => row.key === 'total')?.values).toEqual({ total: '6.00' });
    expect(threePublic(['交通工具', '费用']).doubt).toContain('有的列未能识别');
    // An item printed for another year only: this year's figure for it is not in the table.
    const otherYear = table(
      line(1, [260, '“三公”经费预算表']),
      line(1, [520, '单位：万元']),
      line(1, [20, '项目'], [100, '合计'], [180, '因公出国（境）费'], [340, '2025年公务接待费'], [460, '公务用车购置及运行费']),
      line(1, [20, '预算数'], [100, '6.00'], [200, '1.00'], [350, '2.00'], [470, '3.00']),
    ).tables.threePublicExpenses!;
    expect(otherYear.doubt).toContain('有的列未能识别');
  });

  it('reads a 三公 table printed as items × funds, one row per year: the items as rows, the funds as columns, from the fiscal year’s row', () => {
    // Three cycles of fund columns (centres 30, 115 and 200 past each cycle's start), each item's name over its middle column.
    const starts = [120, 370, 620];
    const funds = starts.flatMap((x) => [[x, '一般公共预算'] as const, [x + 80, '政府性基金预算'] as const, [x + 160, '国有资本经营预算'] as const]);
    const amounts = (values: readonly string[]) => values.map((value, index) => [starts[Math.floor(index / 3)]! + [30, 115, 200][index % 3]! - value.length * 5, value] as const);
    const read = table(
      line(1, [400, '财政拨款“三公”经费支出表']),
      line(1, [40, '部门名称：某局'], [900, '单位：万元']),
      line(1, [225, '总计'], [445, '因公出国(境)费'], [710, '公务接待费']),
      line(1, [0, '预算单位'], [60, '年度'], ...funds),
      line(1, [0, '某局'], [60, '2025年'], ...amounts(['37.77', '0.00', '0.00', '17.88', '0.00', '0.00', '19.89', '0.00', '0.00'])),
      line(1, [60, '2026年'], ...amounts(['43.79', '0.00', '0.00', '36.14', '0.00', '0.00', '7.65', '0.00', '0.00'])),
    );
    const three = read.tables.threePublicExpenses!;
    expect(three.columns.map((column) => column.id)).toEqual(['generalBudget', 'governmentFunds', 'stateCapital']);
    expect(three.rows.map((row) => [row.key, row.values.generalBudget])).toEqual([
      ['abroad', '36.14'],
      ['reception', '7.65'],
      ['total', '43.79'],
    ]);
    expect(read.problems).toEqual([]);
  });

  it('reads one line of amounts under a header without a label column as the total, and takes the document’s unit where a table states none', () => {
    const read = table(
      line(1, [260, '部门收入总表']),
      line(1, [60, '合计'], [160, '上年结转'], [260, '一般公共预算拨款收入'], [420, '其他收入']),
      line(1, [60, '50,616.94'], [160, '2,254.12'], [260, '16,474.82'], [420, '31,888.00']),
      line(2, [260, '部门支出总表']),
      line(2, [520, '单位：元']),
      line(2, [40, '科目编码'], [120, '科目名称'], [300, '合计'], [380, '基本支出'], [460, '项目支出']),
      line(2, [160, '合计'], [300, '100'], [380, '60'], [460, '40']),
      line(3, [260, '财政拨款收支总表']),
      line(3, [520, '单位：元']),
      line(3, [40, '项目'], [200, '预算数'], [300, '项目'], [460, '预算数']),
      line(3, [40, '收入总计'], [200, '100'], [300, '支出总计'], [460, '100']),
    );
    expect(read.tables.incomeSummary?.rows).toEqual([expect.objectContaining({ key: 'total', name: '合计', values: expect.objectContaining({ total: '50616.94' }) })]);
    expect(read.tables.incomeSummary?.unit).toBe('元');
  });

  it('keeps a project table whose note says projects are left out (涉密…予以剔除): its total above its rows is no sign of misread columns, and the document marks it withheld', () => {
    const read = table(
      line(1, [260, '项目支出预算情况表']),
      line(1, [520, '单位：万元']),
      line(1, [40, '项目名称'], [300, '合计'], [400, '一般公共预算']),
      line(1, [40, '合  计'], [300, '525.00'], [400, '525.00']),
      line(1, [40, '实施公车统管费用'], [300, '15.00'], [400, '15.00']),
      line(1, [40, '接访大厅运行经费'], [300, '145.00'], [400, '145.00']),
      line(1, [40, '（注：根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除。）']),
    );
    const projects = read.tables.projectExpenditure!;
    expect(projects.doubt).toBeUndefined();
    expect(projects.rows.map((row) => row.values.total)).toEqual(['525.00', '15.00', '145.00']);
    const recognised = { department: '某局', fiscalYear: 2026, kind: 'department-budget', line: 1 } as const;
    const marked = assembleDocument(recognised, { format: 'pdf' }, { projectExpenditure: projects }, {}).tables.projectExpenditure!;
    expect(marked.withheld).toBe('根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除。');
    const plain = assembleDocument(recognised, { format: 'pdf' }, { projectExpenditure: { ...projects, note: '注：本单位无涉密项目' } }, {}).tables.projectExpenditure!;
    expect(plain.withheld).toBeUndefined();
  });

  it('finds the document’s statement that secret items were left out wherever it stands, across line breaks (长沙: 注：已剔除涉 / 密部分), but not one that there is nothing secret', () => {
    const lines = (...texts: string[]) => texts.map((text, index) => ({ number: index + 1, text, cells: [text] }));
    expect(secretsLeftOut(lines('满意度指标  群众满意度  90', '注：已剔除涉', '密部分', '2026年部门整体支出绩效目标表'))).toBe('已剔除涉密部分');
    expect(secretsLeftOut(lines('八、其他特殊事项说明', '根据国家保密法律法规和有关保密事项范围的规定，部分涉密事项在预', '算公开时予以剔除。'))).toBe(
      '根据国家保密法律法规和有关保密事项范围的规定，部分涉密事项在预算公开时予以剔除。',
    );
    expect(secretsLeftOut(lines('备注：涉密项目按要求不予公开。（请核实单位是否有涉密项目）'))).toBe('涉密项目按要求不予公开。');
    expect(secretsLeftOut(lines('备注：本单位无涉密项目，不存在不予公开的内容。'))).toBeUndefined();
    expect(secretsLeftOut(lines('本部门不涉及涉密事项，预算全部公开。'))).toBeUndefined();
  });

  it('reads an empty two-sided table (no number at all) by its header: numbered rows are rows, the second 项目 starts the expenditure side', () => {
    const read = table(
      line(1, [300, '财政拨款收支总体情况表']),
      line(1, [40, '部门（单位）：某局'], [900, '单位：万元']),
      line(1, [150, '收  入'], [600, '支  出']),
      line(1, [120, '项目'], [260, '预算数'], [400, '项目'], [540, '总计'], [640, '一般公共预算'], [780, '政府性基金预算']),
      line(1, [40, '一、一般公共预算收入'], [340, '一、一般公共服务支出']),
      line(1, [40, '二、政府性基金预算收入'], [340, '二、外交支出']),
      line(1, [60, '本年收入合计'], [360, '本年支出合计']),
      line(1, [60, '收入总计'], [360, '支出总计']),
      line(1, [40, '（注：2026年没有使用财政拨款收入和支出。）']),
    );
    const summary = read.tables.fiscalAppropriationSummary!;
    expect(summary.columns.map((column) => column.id)).toEqual(['amount', 'total', 'generalBudget', 'governmentFunds']);
    expect(summary.rows.map((row) => [row.group, row.key ?? row.code, row.values])).toEqual([
      ['income', 'generalBudget', {}],
      ['expenditure', '201', {}],
      ['income', 'governmentFunds', {}],
      ['expenditure', '202', {}],
      ['income', 'currentYearIncomeTotal', {}],
      ['expenditure', 'currentYearExpenditureTotal', {}],
      ['income', 'incomeGrandTotal', {}],
      ['expenditure', 'expenditureGrandTotal', {}],
    ]);
  });

  it('reads a 绩效目标表 printed as a list (单位名称 · 项目名称 · 金额 · 项目总体绩效目标) as one performance table per project, after a bare 万元 unit line', () => {
    const title = line(1, [400, '2026年市级部门项目支出绩效表']);
    const read = table(
      title,
      line(1, [40, '511-某局'], [900, '万元']),
      line(1, [100, '单位名称'], [260, '项目名称'], [390, '金额'], [580, '项目总体绩效目标']),
      line(1, [110, '**'], [270, '**'], [394, '**'], [610, '**']),
      line(1, [390, '4,651.90']),
      line(1, [500, '面向部队提供饮食，']),
      line(1, [40, '某供应站'], [187, '军供保障'], [420, '35.00'], [500, '做到有求必应。']),
      line(1, [40, '某服务中心'], [187, '服务管理'], [430, '2.37'], [500, '满意率90%以上。']),
    );
    expect(read.performanceLists.lines).toEqual(new Set([title.number]));
    expect(read.performanceLists.tables.map((form) => [form.implementingUnit, form.project, form.funds?.annual?.total, form.unit, form.goals?.annual, form.printed])).toEqual([
      ['某供应站', '军供保障', '35.00', '万元', '面向部队提供饮食，做到有求必应。', ['project', 'implementingUnit', 'annualFunds', 'goals']],
      ['某服务中心', '服务管理', '2.37', '万元', '满意率90%以上。', ['project', 'implementingUnit', 'annualFunds', 'goals']],
    ]);
    // An amount headed as fiscal money only is that, not the project's whole amount.
    const fiscal = table(
      line(2, [400, '2026年一般性项目绩效目标表']),
      line(2, [900, '单位：万元']),
      line(2, [100, '项目名称'], [300, '当年财政拨款预算金额'], [580, '当年绩效目标']),
      line(2, [100, '信息化运维'], [340, '35.00'], [580, '系统正常运行。']),
    );
    expect(fiscal.performanceLists.tables.map((form) => form.funds)).toEqual([{ annual: { fiscal: '35.00' } }]);
  });

  it('reads no value from an empty table whose words stand under amount headers (a second label column beside the first)', () => {
    const read = table(
      line(1, [300, '政府性基金收支表']),
      line(1, [900, '单位：万元']),
      line(1, [40, '支出功能分类科目'], [300, '预算数'], [420, '支出经济分类科目'], [700, '预算数']),
      line(1, [40, '一、科学技术支出'], [300, '工资福利支出'], [420, '一、机关工资福利支出']),
      line(1, [40, '二、教育支出'], [300, '商品和服务支出'], [420, '二、机关商品和服务支出']),
    );
    const fund = read.tables.governmentFundExpenditure!;
    expect(fund.doubt).toBeUndefined();
    expect(fund.rows.map((row) => [row.code, row.values])).toEqual([
      ['206', {}],
      ['205', {}],
    ]);
  });
});

describe('names wrapped over several lines of a cell', () => {
  /** A line at a height on the page (PDF input gives each line its box). */
  const at = (y: number, ...cells: readonly (readonly [number, string])[]): PositionedLine => {
    const made = line(1, ...cells);
    const x1 = Math.max(...made.spans.map((span) => span.x1));
    return { ...made, box: [made.spans[0]!.x0, y, x1, y + SIZE] };
  };
  const header = [line(1, [20, '项目名称'], [200, '合计'], [300, '财政拨款'])];

  it('joins a name centred on three lines, its amounts on the middle one, and indents it as its first line', () => {
    const body = [
      at(700, [20, '某某市某某局'], [200, '300.00'], [300, '300.00']),
      at(684, [40, '一般工作经费'], [200, '100.00'], [300, '100.00']),
      at(668, [40, '某某市某某局本级二〇二六年度']),
      at(652.4, [20, '信息化整体运维服务项目经费支出'], [200, '200.00'], [300, '200.00']),
      at(636.8, [20, '（一期）']),
    ];
    const rows = readGrid(header, body).rows;
    expect(rows.map((row) => [row.name, row.cells[0]])).toEqual([
      ['某某市某某局', '300.00'],
      ['一般工作经费', '100.00'],
      ['某某市某某局本级二〇二六年度信息化整体运维服务项目经费支出（一期）', '200.00'],
    ]);
    expect(rows[2]!.indent).toBe(40);
  });

  it('keeps short names on rows of their own, whatever their spacing: rows with blank amounts are common', () => {
    const body = [at(700, [20, '某某局'], [200, '300.00'], [300, '300.00']), at(684.4, [20, '甲项目']), at(668.8, [20, '乙项目'], [200, '300.00'], [300, '300.00']), at(653.2, [20, '丙项目'])];
    expect(readGrid(header, body).rows.map((row) => row.name)).toEqual(['某某局', '甲项目', '乙项目', '丙项目']);
  });

  it('joins a name on four lines whose amounts stand alone between its second and third line, past a description’s lines beside it', () => {
    const withTarget = [line(1, [20, '项目名称'], [200, '合计'], [300, '财政拨款'], [400, '绩效目标'])];
    const body = [
      line(1, [40, '某某交换站']),
      line(1, [400, '保障公文交换']),
      line(1, [20, '(某某市政府公报编辑']),
      line(1, [200, '3.18'], [300, '3.18'], [400, '系统稳定运行']),
      line(1, [20, '部)2026-2027年度信息化运']),
      line(1, [20, '维服务']),
      line(1, [40, '购置经费'], [200, '1.02'], [300, '1.02']),
    ];
    expect(readGrid(withTarget, body).rows.map((row) => row.name)).toEqual(['某某交换站(某某市政府公报编辑部)2026-2027年度信息化运维服务', '购置经费']);
  });
});

describe('robustness on odd input', () => {
  it('reads a row of many code-shaped numbers without blowing up (each number is looked at once)', () => {
    const numbers = Array.from({ length: 40 }, (_, index) => [120 + index * 40, String(10 + index)] as const);
    const grid = readGrid([line(1, [40, '项目'], ...numbers.map(([x]) => [x, '金额'] as const))], [line(1, [40, '某项'], ...numbers)]);
    expect(grid.rows).toHaveLength(1);
  });

  it('finds a PDF header after a byte-order mark or a few bytes of junk, within the first 1 KB', () => {
    const bytes = (prefix: number[]) => new Uint8Array([...prefix, ...new TextEncoder().encode('%PDF-1.7\n')]);
    expect(sniffInput(bytes([0xef, 0xbb, 0xbf])).kind).toBe('pdf');
    expect(sniffInput(bytes([...new TextEncoder().encode('junk\n')])).kind).toBe('pdf');
    expect(sniffInput(bytes(Array.from({ length: 1100 }, () => 0x20))).kind).not.toBe('pdf');
  });
});
