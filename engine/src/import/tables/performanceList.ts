/**
 * A 绩效目标表 printed as a list, one row per project (浙江's 项目支出绩效表: 单位名称 · 项目名称 ·
 * 金额 · 项目总体绩效目标), rather than as a form per project. Each named row becomes a
 * performance table holding what the list prints: the project, its unit, the year's amount and
 * the goal. The fields it does not print (indicators, 项目属性…) are left out of `printed`, so the
 * rules that need them do not apply.
 */
import { type PerformanceTable } from '../performance.js';
import { parseAmount } from '../performanceText.js';
import { type TableBlock } from './findTables.js';
import { type Grid } from './grid.js';
import { columnIdOf } from './names.js';

/** The header of the goal column: 绩效目标, 项目总体绩效目标, 年度绩效目标. */
const GOAL_HEADER = /绩效目标$/;
/** The header of the project-name column. */
const PROJECT_HEADER = /项目名称$/;

/**
 * Whether a 绩效目标表 may be a list of projects: its header names a project column (项目名称,
 * letter-spaced or not). Checked before the table's grid is built, which most forms do not need.
 * @param block The table as found.
 */
export function mayListProjects(block: TableBlock): boolean {
  return block.header.some((line) => line.text.replace(/\s+/g, '').includes('项目名称'));
}

/**
 * Reads a list of projects' performance targets, or nothing when the table is no such list (a
 * form, or a list without a project-name column and an amount column).
 * @param block The table as found.
 * @param grid Its grid.
 * @param context The document's year (when the title states none) and unit (when the table states none).
 */
export function readPerformanceList(block: TableBlock, grid: Grid, context: { fiscalYear: number; unit: '元' | '万元' }): PerformanceTable[] | undefined {
  const headerOf = (index: number) => (grid.columns[index]?.header ?? []).map((part) => part.replace(/\s+/g, ''));
  const amount = grid.columns.findIndex((_, index) => columnIdOf(headerOf(index)) === 'total' || headerOf(index).at(-1) === '金额');
  // The goal: the text right of the amount (a number inside it, 9.30 or 90%, may have made a column of its own).
  const goalPrinted = block.header.some((line) => line.spans.some((span) => GOAL_HEADER.test(span.text.replace(/\s+/g, ''))));
  if (amount < 0 || !grid.labelHeaders.some((header) => PROJECT_HEADER.test(header.replace(/\s+/g, '')))) return undefined;
  // An amount headed as fiscal money only (当年财政拨款预算金额) is not the project's whole amount.
  const fiscalOnly = /财政拨款|一般公共预算/.test(headerOf(amount).join(''));
  const units = grid.rows.some((row) => row.unitName !== undefined);
  const year = /(\d{4})年/.exec(block.title);
  const printed = ['project', ...(units ? ['implementingUnit'] : []), 'annualFunds', ...(goalPrinted ? ['goals'] : [])];
  return grid.rows.flatMap((row): PerformanceTable[] => {
    const project = row.name.replace(/\s+/g, '');
    if (project === '' || /^(?:合计|总计)$/.test(project)) return [];
    const total = parseAmount(row.cells[amount] ?? '');
    // A project is listed with its amount: a line without one is a wrapped line of another row's cells.
    if (total === undefined) return [];
    const goals = goalPrinted
      ? row.cells
          .slice(amount + 1)
          .filter((cell) => cell !== undefined)
          .join('')
          .trim()
      : undefined;
    return [
      {
        title: block.title,
        year: year !== null ? Number(year[1]) : context.fiscalYear,
        project,
        ...(row.unitName !== undefined ? { implementingUnit: row.unitName } : {}),
        unit: block.unit ?? context.unit,
        funds: { annual: fiscalOnly ? { fiscal: total } : { total } },
        ...(goals !== undefined ? { goals: { annual: goals } } : {}),
        indicators: [],
        line: row.line,
        printed,
      },
    ];
  });
}
