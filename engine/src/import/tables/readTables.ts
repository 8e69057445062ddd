/**
 * The table stage for every source: find each printed table, know which national table it is,
 * rebuild its grid and turn it into the model's table. Tables the model does not hold (绩效目标表,
 * 基本支出表 by function…) are recognised and listed, so their lines are never read as text. A
 * second table for a role already taken is listed, not stored. Each table whose header or numbers
 * were not understood gets one problem naming what was not understood.
 */
import { type Table, type TableRole } from '../../document/model.js';
import { type PositionedText } from '../positioned/model.js';
import { type ImportProblem } from '../types.js';
import { type TableBlock, findTables, strayUnitLines } from './findTables.js';
import { readGrid } from './grid.js';
import { type TableKind } from './titles.js';
import { toTable } from './toTable.js';
import { type PerformanceTable } from '../performance.js';
import { mayListProjects, readPerformanceList } from './performanceList.js';

/** A printed table as recognised. */
export interface RecognisedTable {
  /** Its label (公开表1…), if printed. */
  readonly label?: string;
  /** Its title. */
  readonly title: string;
  /** The national table it is. */
  readonly kind: TableKind;
  /** First and last line. */
  readonly from: number;
  readonly to: number;
  /** Whether it was stored under its role (false: the model holds no such table, or the role was taken). */
  readonly stored: boolean;
}

/** The tables of a document. */
export interface TablesResult {
  /** Tables by role. */
  readonly tables: Partial<Record<TableRole, Table>>;
  /** Every table printed, in order. */
  readonly recognised: readonly RecognisedTable[];
  /** Problems, one per table at most. */
  readonly problems: readonly ImportProblem[];
  /** Performance targets printed as lists of projects (one table each), and the lines of those lists. */
  readonly performanceLists: { readonly tables: readonly PerformanceTable[]; readonly lines: ReadonlySet<number> };
}

function nameOf(label: string | undefined, title: string): string {
  return label !== undefined ? `${label}《${title}》` : `《${title}》`;
}

function entryOf(block: TableBlock): Omit<RecognisedTable, 'stored'> {
  return { ...(block.label !== undefined ? { label: block.label } : {}), title: block.title, kind: block.kind, from: block.line, to: block.to };
}

/**
 * The tables a document prints, found by their titles, without reading their grids (for a source
 * whose numbers are not read: aligned text). Each is `stored` when it is the first of its role.
 * @param text The positioned text.
 */
export function listTables(text: PositionedText): RecognisedTable[] {
  const seen = new Set<string>();
  return findTables(text.lines).map((block) => {
    const role = 'role' in block.kind ? block.kind.role : undefined;
    const stored = role !== undefined && !seen.has(role);
    if (role !== undefined) seen.add(role);
    return { ...entryOf(block), stored };
  });
}

/**
 * Reads the tables of a document.
 * @param text The positioned text.
 * @param context The fiscal year and default unit.
 */
export function readTables(text: PositionedText, context: { fiscalYear: number; unit: '元' | '万元' }): TablesResult {
  const tables: Partial<Record<TableRole, Table>> = {};
  const recognised: RecognisedTable[] = [];
  const problems: ImportProblem[] = [];
  const blocks = findTables(text.lines);
  // A table whose unit line the reader did not find (printed on the page of its continued columns,
  // or not at all) is in the unit most of the document's tables state, else the default.
  const stated = blocks.flatMap((block) => (block.unit === undefined ? [] : [block.unit]));
  const yuan = stated.filter((unit) => unit === '元').length;
  if (stated.length > 0) context = { ...context, unit: yuan * 2 > stated.length ? '元' : yuan * 2 < stated.length ? '万元' : context.unit };
  // The 机关运行经费 printed inside the 三公 table, kept only if no table of its own is printed.
  let derivedAgencyCosts: Table | undefined;
  const listed: PerformanceTable[] = [];
  const listLines = new Set<number>();
  const unitless: TableBlock[] = [];
  for (const block of blocks) {
    const entry = entryOf(block);
    if ('other' in block.kind && block.kind.other === 'performanceTargets' && mayListProjects(block)) {
      const list = readPerformanceList(block, readGrid(block.header, block.body), context);
      if (list !== undefined && list.length > 0) {
        listed.push(...list);
        listLines.add(block.line);
      }
    }
    if (!('role' in block.kind) || tables[block.kind.role] !== undefined) {
      recognised.push({ ...entry, stored: false });
      if ('other' in block.kind && block.kind.other === 'unknown') {
        problems.push({
          line: block.line,
          code: 'table_unknown',
          message: `${nameOf(block.label, block.title)}：标题不在报表词表中，未能确定是哪一张公开报表，未读取；是否缺少某张报表因此无法确定`,
        });
      }
      continue;
    }
    const role = block.kind.role;
    const grid = readGrid(block.header, block.body);
    const read = toTable(block, grid, role, context);
    tables[role] = read.table;
    derivedAgencyCosts ??= read.agencyOperatingCosts;
    recognised.push({ ...entry, stored: true });
    const notes: string[] = [];
    if (read.table.doubt !== undefined) notes.push(`数值未能可靠读取（${read.table.doubt}），依赖其数值的规则不适用`);
    if (grid.extraViews > 0) notes.push(`支出一侧另有 ${grid.extraViews} 栏（按经济分类等另行列示），未导入`);
    if (read.unknownColumns.length > 0) notes.push(`列“${read.unknownColumns.join('”“')}”未能识别，依赖这些列的规则不适用`);
    if (block.unit === undefined) unitless.push(block);
    if (notes.length > 0) {
      problems.push({ line: block.line, code: read.table.doubt !== undefined ? 'table_doubtful' : 'table_partly_read', message: `${nameOf(block.label, block.title)}：${notes.join('；')}` });
    }
  }
  if (derivedAgencyCosts !== undefined && tables.agencyOperatingCosts === undefined) tables.agencyOperatingCosts = derivedAgencyCosts;
  // Tables that state no unit: one note for them all.
  if (unitless.length > 0) {
    const names = unitless.slice(0, 3).map((block) => nameOf(block.label, block.title));
    problems.push({
      line: unitless[0]!.line,
      code: 'table_no_unit',
      message: `${unitless.length} 张表上没有写明金额单位（${names.join('、')}${unitless.length > 3 ? '等' : ''}），按${context.unit}读取`,
    });
  }
  // A unit line outside every table found stands over a table the reader did not find: it may be
  // any of them, so none is known to be missing.
  const stray = strayUnitLines(text.lines, blocks);
  if (stray.length > 0) {
    for (const line of stray) recognised.push({ title: `第 ${line.number} 行单位说明之上的表`, kind: { other: 'unknown' }, from: line.number, to: line.number, stored: false });
    problems.push({
      line: stray[0]!.number,
      code: 'table_unknown',
      message: `第 ${stray.map((line) => line.number).join('、')} 行写明了金额单位，但未能找到其所属报表的标题，未读取；是否缺少某张报表因此无法确定`,
    });
  }
  return { tables, recognised, problems, performanceLists: { tables: listed, lines: listLines } };
}
