/**
 * Reading the indicator rows of a 绩效目标表 (一级指标 | 二级指标 | 三级指标 | 指标值, then 二级 |
 * 三级 | 指标值 again for the year). Text extraction shifts cells left or right, so a row is read
 * by meaning: the known 一级 and 二级 names mark where the halves start, the other cells pair up
 * as 三级指标 and 指标值, and the header row's columns only break ties.
 */
import { type ImportProblem, type SourceLine } from './types.js';
import { cleanCell, labelKey } from './performanceText.js';

/** A performance indicator (schema `$defs.indicator`). */
export interface PerformanceIndicator {
  /** Which column: whole period (实施期) or this year (年度). */
  readonly period: 'whole' | 'annual';
  /** 一级指标. */
  readonly level1: string;
  /** 二级指标, as printed (may be truncated). */
  readonly level2?: string;
  /** 三级指标. */
  readonly level3: string;
  /** 指标值, as printed. */
  readonly value: string;
  /** Source line. */
  readonly line?: number;
}

/** Column positions of the indicator header row (-1 when a column is missing). */
export interface IndicatorColumns {
  /** 一级指标. */
  readonly level1: number;
  /** First 二级指标 (whole period). */
  readonly wholeLevel2: number;
  /** Second 二级指标 (this year). */
  readonly annualLevel2: number;
}

/** What carries down from the rows above: merged cells are printed once. */
export interface IndicatorState {
  /** Current 一级指标. */
  level1?: string;
  /** Current 二级指标 of the whole-period half. */
  wholeLevel2?: string;
  /** Current 二级指标 of the annual half. */
  annualLevel2?: string;
}

/** The indicators of one row, by half, and what could not be placed. */
export interface IndicatorRow {
  /** Whole-period indicators. */
  readonly whole: PerformanceIndicator[];
  /** Annual indicators. */
  readonly annual: PerformanceIndicator[];
  /** Problems. */
  readonly problems: ImportProblem[];
}

const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标'] as const;

/** Known 二级指标 names and the 一级指标 each belongs to. */
const LEVEL2_FAMILY: Readonly<Record<string, string>> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
};
const LEVEL2_NAMES = Object.keys(LEVEL2_FAMILY);
const MIN_TRUNCATED_LENGTH = 4;
const IGNORED_KEYS = new Set(['绩效指标']);

interface Token {
  readonly index: number;
  readonly text: string;
  readonly kind: 'level1' | 'level2' | 'content';
  /** The full 二级 name a level2 token stands for. */
  readonly canonical?: string;
}

/**
 * The full 二级指标 name a cell names (also when truncated, e.g. "服务对象满意度指"), or undefined.
 * @param text A cell.
 */
export function level2Name(text: string): string | undefined {
  const key = labelKey(text);
  if (key.length === 0) return undefined;
  return LEVEL2_NAMES.find((name) => name === key || (key.length >= MIN_TRUNCATED_LENGTH && name.startsWith(key)));
}

/**
 * Whether a cell names a 一级指标.
 * @param text A cell.
 */
export function isLevel1Name(text: string): boolean {
  return (LEVEL1_NAMES as readonly string[]).includes(labelKey(text));
}

/**
 * Reads the column positions of the indicator header row, or undefined when the line is not one.
 * @param line A line.
 */
export function indicatorColumns(line: SourceLine): IndicatorColumns | undefined {
  const keys = line.cells.map(labelKey);
  if (!keys.includes('一级指标') || !keys.includes('三级指标')) return undefined;
  const level2 = keys.flatMap((key, index) => (key === '二级指标' ? [index] : []));
  return { level1: keys.indexOf('一级指标'), wholeLevel2: level2[0] ?? -1, annualLevel2: level2[1] ?? -1 };
}

function tokenise(line: SourceLine): Token[] {
  const tokens: Token[] = [];
  line.cells.forEach((cell, index) => {
    const text = cleanCell(cell);
    if (text === '' || IGNORED_KEYS.has(labelKey(text))) return;
    const canonical = level2Name(text);
    if (canonical !== undefined) tokens.push({ index, text, kind: 'level2', canonical });
    else if (isLevel1Name(text)) tokens.push({ index, text, kind: 'level1' });
    else tokens.push({ index, text, kind: 'content' });
  });
  return tokens;
}

/** Drops a 二级 name printed twice side by side in one half (e.g. "经济效益指标 | 经济效益指标"). */
function collapseRepeatedMarkers(markers: readonly Token[], content: readonly Token[]): Token[] {
  if (markers.length <= 2) return [...markers];
  const kept: Token[] = [];
  for (const marker of markers) {
    const previous = kept[kept.length - 1];
    const between = previous !== undefined && content.some((token) => token.index > previous.index && token.index < marker.index);
    if (previous !== undefined && !between && previous.canonical === marker.canonical) continue;
    kept.push(marker);
  }
  return kept;
}

interface Half {
  readonly marker?: Token;
  readonly content: readonly Token[];
}

function problem(line: SourceLine, message: string): ImportProblem {
  return { line: line.number, code: 'unrecognised_performance_cell', message };
}

function describe(tokens: readonly Token[]): string {
  return tokens.map((token) => `“${token.text}”`).join('、');
}

/** Splits the row's cells into the whole-period and annual halves. */
function splitHalves(line: SourceLine, tokens: readonly Token[], columns: IndicatorColumns, problems: ImportProblem[]): { whole: Half; annual: Half } | undefined {
  const content = tokens.filter((token) => token.kind === 'content');
  const markers = collapseRepeatedMarkers(
    tokens.filter((token) => token.kind === 'level2'),
    content,
  );
  if (markers.length > 2) {
    problems.push(problem(line, `绩效指标行有 ${markers.length} 个二级指标（${describe(markers)}），无法分出实施期与年度两栏；请核对原表。`));
    return undefined;
  }
  const [first, second] = markers;
  if (first !== undefined && second !== undefined) {
    const before = content.filter((token) => token.index < first.index);
    if (before.length > 0) problems.push(problem(line, `二级指标前的单元格 ${describe(before)} 无法归入三级指标或指标值；请核对原表。`));
    return {
      whole: { marker: first, content: content.filter((token) => token.index > first.index && token.index < second.index) },
      annual: { marker: second, content: content.filter((token) => token.index > second.index) },
    };
  }
  if (first !== undefined) {
    const before = content.filter((token) => token.index < first.index);
    const after = content.filter((token) => token.index > first.index);
    // Cells before the only 二级 name: that name starts the annual half.
    if (before.length > 0) return { whole: { content: before }, annual: { marker: first, content: after } };
    if (after.length === 4) return { whole: { marker: first, content: after.slice(0, 2) }, annual: { content: after.slice(2) } };
    return { whole: { marker: first, content: after }, annual: { content: [] } };
  }
  if (content.length === 4) return { whole: { content: content.slice(0, 2) }, annual: { content: content.slice(2) } };
  const inAnnualColumns = columns.annualLevel2 >= 0 && content.length > 0 && content[0]!.index >= columns.annualLevel2;
  return inAnnualColumns ? { whole: { content: [] }, annual: { content } } : { whole: { content }, annual: { content: [] } };
}

/**
 * Reads one indicator row, updating the carried-down 一级/二级 names.
 * @param line The row.
 * @param columns The header row's columns.
 * @param state What carries down from the rows above (updated).
 */
export function readIndicatorRow(line: SourceLine, columns: IndicatorColumns, state: IndicatorState): IndicatorRow {
  const result: IndicatorRow = { whole: [], annual: [], problems: [] };
  const tokens = tokenise(line);
  if (tokens.length === 0) return result;
  const level1Tokens = tokens.filter((token) => token.kind === 'level1');
  if (level1Tokens.length > 1 && new Set(level1Tokens.map((token) => labelKey(token.text))).size > 1) {
    result.problems.push(problem(line, `一行里有多个一级指标（${describe(level1Tokens)}），取第一个；请核对原表。`));
  }
  const level1Token = level1Tokens[0];
  const before: Readonly<IndicatorState> = { ...state };
  if (level1Token !== undefined) state.level1 = level1Token.text;
  const halves = splitHalves(line, tokens, columns, result.problems);
  if (halves === undefined) return result;
  for (const period of ['whole', 'annual'] as const) {
    const half = halves[period];
    const carriedKey = period === 'whole' ? 'wholeLevel2' : 'annualLevel2';
    const carried = before[carriedKey];
    let content = half.content;
    const marker = half.marker;
    let level3Text: string | undefined;
    if (marker !== undefined) {
      // A 二级 name followed by a lone value, under the same 二级 group, is the 三级 name
      // (e.g. 三级指标 "服务对象满意度" under 二级 "服务对象满意度指标").
      const sameGroup = carried !== undefined && level2Name(carried) === marker.canonical;
      if (content.length === 1 && sameGroup) {
        level3Text = marker.text;
      } else {
        if (period === 'whole') state.annualLevel2 = marker.text;
        state[carriedKey] = marker.text;
        if (level1Token === undefined && state.level1 === undefined) state.level1 = LEVEL2_FAMILY[marker.canonical!];
      }
    }
    if (level3Text === undefined) {
      if (content.length === 0) continue;
      if (content.length !== 2) {
        const column = period === 'whole' ? '实施期' : '年度';
        result.problems.push(problem(line, `${column}栏的单元格 ${describe(content)} 无法配成“三级指标 + 指标值”；请核对原表。`));
        continue;
      }
      level3Text = content[0]!.text;
      content = content.slice(1);
    }
    const level2 = state[carriedKey];
    const level1 = state.level1 ?? (level2 === undefined ? undefined : LEVEL2_FAMILY[level2Name(level2) ?? '']);
    if (level1 === undefined) {
      result.problems.push(problem(line, `指标“${level3Text}”没有可归属的一级指标；请核对原表。`));
      continue;
    }
    const indicator: PerformanceIndicator = {
      period,
      level1,
      ...(level2 === undefined ? {} : { level2 }),
      level3: level3Text,
      value: content[0]!.text,
      line: line.number,
    };
    result[period].push(indicator);
  }
  return result;
}
