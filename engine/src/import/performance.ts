/**
 * The performance stage: reads each 绩效目标表 block (from splitPerformanceBlocks) into the
 * document's `performance` tables. Cells are found by their labels (项目名称, 实施期资金总额, 总体目标,
 * 一级指标 …), never by fixed column positions, because text extraction shifts cells; what cannot
 * be placed becomes an ImportProblem at its line.
 */
import { type ImportProblem, type SourceLine, type StageResult } from './types.js';
import { cleanCell, labelKey, parseAmount } from './performanceText.js';
import { indicatorColumns, isLevel1Name, level2Name, readIndicatorRow, type IndicatorColumns, type IndicatorState, type PerformanceIndicator } from './performanceIndicators.js';

export { type PerformanceIndicator } from './performanceIndicators.js';

/** Funds by source (schema `$defs.money`); null where the cell is blank. */
export interface PerformanceMoney {
  /** 资金总额. */
  readonly total?: string;
  /** 中央财政资金. */
  readonly central?: string | null;
  /** 省级财政资金. */
  readonly provincial?: string | null;
  /** 市县（区）财政资金. */
  readonly local?: string | null;
  /** 单位自筹. */
  readonly selfRaised?: string | null;
  /** 其他资金. */
  readonly other?: string | null;
  /** 财政拨款 (local forms). */
  readonly fiscal?: string | null;
  /** 上年结转. */
  readonly carriedOver?: string | null;
}

/** A performance-target table (schema `$defs.performanceTable`). */
export interface PerformanceTable {
  /** 表标题. */
  readonly title?: string;
  /** 表头年度. */
  readonly year?: number;
  /** 项目名称. */
  readonly project: string;
  /** 主管部门及代码. */
  readonly department?: string;
  /** 实施单位. */
  readonly implementingUnit?: string;
  /** 项目属性. */
  readonly attribute?: string;
  /** 项目期. */
  readonly period?: string;
  /** 资金单位. */
  readonly unit?: '元' | '万元';
  /** 项目资金: whole 实施期, annual 年度. */
  readonly funds?: { readonly whole?: PerformanceMoney; readonly annual?: PerformanceMoney };
  /** 项目概况. */
  readonly overview?: string;
  /** 立项依据. */
  readonly basis?: string;
  /** 项目设立必要性. */
  readonly necessity?: string;
  /** 保证项目实施的制度、措施. */
  readonly measures?: string;
  /** 项目实施计划. */
  readonly plan?: string;
  /** 总体目标: whole 实施期, annual 年度. */
  readonly goals?: { readonly whole?: string; readonly annual?: string };
  /** 绩效指标, whole-period ones first, then annual ones, each in printed order. */
  readonly indicators: readonly PerformanceIndicator[];
  /** 填报日期, as printed. */
  readonly filledAt?: string;
  /** Line of the title. */
  readonly line?: number;
  /** The fields the form prints (forms read from a PDF); absent: every field. */
  readonly printed?: readonly string[];
}

type TextField = 'project' | 'department' | 'implementingUnit' | 'attribute' | 'period' | 'overview' | 'basis' | 'necessity' | 'measures' | 'plan';
type MoneyField = keyof PerformanceMoney;
type Period = 'whole' | 'annual';

const TEXT_LABELS: Readonly<Record<string, TextField>> = {
  项目名称: 'project',
  主管部门及代码: 'department',
  主管部门: 'department',
  实施单位: 'implementingUnit',
  项目属性: 'attribute',
  项目期: 'period',
  项目概况: 'overview',
  立项依据: 'basis',
  项目设立必要性: 'necessity',
  '保证项目实施的制度、措施': 'measures',
  项目实施计划: 'plan',
};
const FUND_LABELS: Readonly<Record<string, { readonly field: MoneyField; readonly period?: Period }>> = {
  实施期资金总额: { field: 'total', period: 'whole' },
  年度资金总额: { field: 'total', period: 'annual' },
  中央财政资金: { field: 'central' },
  省级财政资金: { field: 'provincial' },
  '市县(区)财政资金': { field: 'local' },
  单位自筹: { field: 'selfRaised' },
  其他资金: { field: 'other' },
};
const GOAL_COLUMN_LABELS: Readonly<Record<string, Period>> = { 实施期目标: 'whole', 年度目标: 'annual' };
const GOALS_LABEL = '总体目标';
const FILLED_AT_LABEL = '填报日期';
const CONTACT_LABELS = ['负责人', '经办人', '联系电话'] as const;
const UNIT_LABEL = /^项目资金\((万?元)\)$/;
const SUBTOTAL_PREFIX = /^其中:?/;
const YEAR_LINE = /^[(（]?\s*(\d{4})\s*年度?\s*[)）]?$/;
const ALL_LABELS = [...Object.keys(TEXT_LABELS), ...Object.keys(FUND_LABELS), ...Object.keys(GOAL_COLUMN_LABELS), GOALS_LABEL, FILLED_AT_LABEL, ...CONTACT_LABELS].sort((a, b) => b.length - a.length);

type Label =
  | { readonly kind: 'text'; readonly field: TextField }
  | { readonly kind: 'fund'; readonly field: MoneyField; readonly period?: Period }
  | { readonly kind: 'unit'; readonly unit: '元' | '万元' }
  | { readonly kind: 'goalColumn'; readonly period: Period }
  | { readonly kind: 'goals' }
  | { readonly kind: 'filledAt' }
  | { readonly kind: 'contact'; readonly name: string };

interface LabelCell {
  readonly index: number;
  readonly label: Label;
  /** Text after the label in the same cell ("填报日期: 20241114170632"). */
  readonly rest: string;
}

interface Cell {
  readonly index: number;
  readonly text: string;
}

function labelOf(name: string): Label {
  const text = TEXT_LABELS[name];
  if (text !== undefined) return { kind: 'text', field: text };
  const fund = FUND_LABELS[name];
  if (fund !== undefined) return { kind: 'fund', ...fund };
  const goalColumn = GOAL_COLUMN_LABELS[name];
  if (goalColumn !== undefined) return { kind: 'goalColumn', period: goalColumn };
  if (name === GOALS_LABEL) return { kind: 'goals' };
  if (name === FILLED_AT_LABEL) return { kind: 'filledAt' };
  return { kind: 'contact', name };
}

/** The label a cell holds, if any, with any text after it in the same cell. */
function matchLabel(cell: string, index: number): LabelCell | undefined {
  const key = labelKey(cell).replace(SUBTOTAL_PREFIX, '');
  if (key === '') return undefined;
  const unit = UNIT_LABEL.exec(key);
  if (unit !== null) return { index, label: { kind: 'unit', unit: unit[1] === '万元' ? '万元' : '元' }, rest: '' };
  for (const name of ALL_LABELS) {
    if (key === name) return { index, label: labelOf(name), rest: '' };
    if (key.startsWith(`${name}:`)) {
      const rest = cleanCell(cell.slice(cell.search(/[:：]/) + 1));
      return { index, label: labelOf(name), rest };
    }
  }
  return undefined;
}

interface Draft {
  title?: string;
  year?: number;
  texts: Partial<Record<TextField, string>>;
  unit?: '元' | '万元';
  funds: Record<Period, Partial<Record<MoneyField, string | null>>>;
  goals: Partial<Record<Period, string>>;
  annualGoalColumn?: number;
  filledAt?: string;
  whole: PerformanceIndicator[];
  annual: PerformanceIndicator[];
}

class BlockReader {
  private readonly draft: Draft = { texts: {}, funds: { whole: {}, annual: {} }, goals: {}, whole: [], annual: [] };
  private readonly problems: ImportProblem[] = [];
  private mode: 'header' | 'goals' | 'indicators' | 'footer' = 'header';
  private columns: IndicatorColumns | undefined;
  private readonly state: IndicatorState = {};

  constructor(private readonly block: readonly SourceLine[]) {}

  read(): StageResult<PerformanceTable | undefined> {
    const [titleLine, ...rest] = this.block;
    if (titleLine === undefined) return { value: undefined, problems: [] };
    this.draft.title = cleanCell(titleLine.text);
    for (const line of rest) {
      if (line.text.trim() === '') continue;
      this.readLine(line);
    }
    return { value: this.build(titleLine), problems: this.problems };
  }

  private problem(line: SourceLine, code: string, message: string): void {
    this.problems.push({ line: line.number, code, message });
  }

  private readLine(line: SourceLine): void {
    const labels = line.cells.flatMap((cell, index) => matchLabel(cell, index) ?? []);
    if (labels.some((cell) => cell.label.kind === 'filledAt' || cell.label.kind === 'contact')) {
      this.mode = 'footer';
      this.readLabelled(line, labels);
      return;
    }
    const columns = indicatorColumns(line);
    if (columns !== undefined) {
      this.columns = columns;
      this.mode = 'indicators';
      return;
    }
    if (this.mode !== 'indicators' && this.mode !== 'footer' && labels.length === 0 && this.namesIndicator(line)) {
      // Indicator rows without their header row (lost at a page break): read them by meaning alone.
      this.columns = { level1: -1, wholeLevel2: -1, annualLevel2: -1 };
      this.mode = 'indicators';
    }
    if (this.mode === 'indicators' && this.columns !== undefined) {
      const row = readIndicatorRow(line, this.columns, this.state);
      this.draft.whole.push(...row.whole);
      this.draft.annual.push(...row.annual);
      this.problems.push(...row.problems);
      return;
    }
    if (labels.length > 0 && this.mode !== 'footer') {
      this.mode = 'header';
      this.readLabelled(line, labels);
      return;
    }
    const year = YEAR_LINE.exec(line.text.trim());
    if (year !== null && this.draft.year === undefined) {
      this.draft.year = Number(year[1]);
      return;
    }
    if (this.mode === 'goals') {
      this.assignGoals(line, this.cellsOf(line, 0, line.cells.length));
      return;
    }
    const text = line.cells
      .map(cleanCell)
      .filter((cell) => cell !== '')
      .join(' | ');
    this.problem(line, 'unrecognised_performance_line', `绩效目标表中无法识别的行：“${text}”；请核对原表。`);
  }

  private namesIndicator(line: SourceLine): boolean {
    return line.cells.some((cell) => isLevel1Name(cell) || level2Name(cell) !== undefined);
  }

  private cellsOf(line: SourceLine, from: number, to: number): Cell[] {
    const cells: Cell[] = [];
    for (let index = from; index < to; index += 1) {
      const text = cleanCell(line.cells[index] ?? '');
      if (text !== '') cells.push({ index, text });
    }
    return cells;
  }

  private readLabelled(line: SourceLine, labels: readonly LabelCell[]): void {
    let fundsInRow = 0;
    labels.forEach((labelCell, position) => {
      const end = labels[position + 1]?.index ?? line.cells.length;
      const values = this.cellsOf(line, labelCell.index + 1, end);
      if (labelCell.rest !== '') values.unshift({ index: labelCell.index, text: labelCell.rest });
      const label = labelCell.label;
      switch (label.kind) {
        case 'text':
          this.setText(line, label.field, values);
          break;
        case 'fund': {
          const period = label.period ?? (fundsInRow === 0 ? 'whole' : 'annual');
          fundsInRow += 1;
          this.setFund(line, period, label.field, values);
          break;
        }
        case 'unit':
          this.draft.unit = label.unit;
          this.unplaced(line, values);
          break;
        case 'goalColumn':
          if (label.period === 'annual') this.draft.annualGoalColumn = labelCell.index;
          this.unplaced(line, values);
          break;
        case 'goals':
          this.mode = 'goals';
          this.assignGoals(line, values);
          break;
        case 'filledAt':
          if (values[0] !== undefined) this.draft.filledAt = values[0].text;
          this.unplaced(line, values.slice(1));
          break;
        case 'contact':
          if (values.length > 0) {
            this.problem(line, 'unplaced_performance_field', `“${label.name}”的内容 ${values.map((cell) => `“${cell.text}”`).join('、')} 在文档模型中没有对应字段，未导入。`);
          }
          break;
      }
    });
    const first = labels[0];
    if (first !== undefined) this.unplaced(line, this.cellsOf(line, 0, first.index));
  }

  private unplaced(line: SourceLine, cells: readonly Cell[]): void {
    if (cells.length === 0) return;
    const text = cells.map((cell) => `“${cell.text}”`).join('、');
    this.problem(line, 'unrecognised_performance_cell', `绩效目标表中无法归位的单元格 ${text}；请核对原表。`);
  }

  private setText(line: SourceLine, field: TextField, values: readonly Cell[]): void {
    if (values.length === 0) return;
    if (this.draft.texts[field] !== undefined) {
      this.unplaced(line, values);
      return;
    }
    this.draft.texts[field] = values.map((cell) => cell.text).join('');
  }

  private setFund(line: SourceLine, period: Period, field: MoneyField, values: readonly Cell[]): void {
    const [first, ...others] = values;
    this.unplaced(line, others);
    if (first === undefined) {
      if (field !== 'total') this.draft.funds[period][field] = null;
      return;
    }
    const amount = parseAmount(first.text);
    if (amount === undefined) {
      this.problem(line, 'unrecognised_performance_amount', `绩效目标表的金额“${first.text}”不是数字；请核对原表。`);
      return;
    }
    this.draft.funds[period][field] = amount;
  }

  /** Goal text: two cells are whole then annual; one cell goes by the 年度目标 column, else to the whole period. */
  private assignGoals(line: SourceLine, values: readonly Cell[]): void {
    if (values.length === 0) return;
    if (values.length > 2) {
      this.unplaced(line, values.slice(1, -1));
    }
    const whole = values.length >= 2 ? values[0] : undefined;
    const annual = values.length >= 2 ? values[values.length - 1] : undefined;
    const single = values.length === 1 ? values[0] : undefined;
    const append = (period: Period, text: string): void => {
      this.draft.goals[period] = (this.draft.goals[period] ?? '') + text;
    };
    if (whole !== undefined && annual !== undefined) {
      append('whole', whole.text);
      append('annual', annual.text);
    } else if (single !== undefined) {
      const column = this.draft.annualGoalColumn;
      append(column !== undefined && single.index >= column ? 'annual' : 'whole', single.text);
    }
  }

  private build(titleLine: SourceLine): PerformanceTable {
    const draft = this.draft;
    const texts = draft.texts;
    if (texts.project === undefined) {
      this.problem(titleLine, 'missing_performance_field', '绩效目标表缺少“项目名称”；请核对原表。');
    }
    const money = (period: Period): PerformanceMoney | undefined => {
      const funds = draft.funds[period];
      return Object.keys(funds).length === 0 ? undefined : (funds as PerformanceMoney);
    };
    const whole = money('whole');
    const annual = money('annual');
    const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
    return {
      ...optional('title', draft.title),
      ...optional('year', draft.year),
      project: texts.project ?? '',
      ...optional('department', texts.department),
      ...optional('implementingUnit', texts.implementingUnit),
      ...optional('attribute', texts.attribute),
      ...optional('period', texts.period),
      ...optional('unit', draft.unit),
      ...(whole === undefined && annual === undefined ? {} : { funds: { ...optional('whole', whole), ...optional('annual', annual) } }),
      ...optional('overview', texts.overview),
      ...optional('basis', texts.basis),
      ...optional('necessity', texts.necessity),
      ...optional('measures', texts.measures),
      ...optional('plan', texts.plan),
      ...(Object.keys(draft.goals).length === 0 ? {} : { goals: { ...draft.goals } }),
      indicators: [...draft.whole, ...draft.annual],
      ...optional('filledAt', draft.filledAt),
      line: titleLine.number,
    };
  }
}

/**
 * Reads the performance-target tables, one per block (title line first), with problems for what cannot be placed.
 * @param blocks The blocks from splitPerformanceBlocks.
 */
export function importPerformance(blocks: readonly (readonly SourceLine[])[]): StageResult<PerformanceTable[]> {
  const tables: PerformanceTable[] = [];
  const problems: ImportProblem[] = [];
  for (const block of blocks) {
    try {
      const result = new BlockReader(block).read();
      if (result.value !== undefined) tables.push(result.value);
      problems.push(...result.problems);
    } catch (error) {
      const line = block[0]?.number ?? 1;
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({ line, code: 'unreadable_performance_table', message: `无法读取这张绩效目标表（${reason}）；请核对原表。` });
    }
  }
  return { value: tables, problems };
}
