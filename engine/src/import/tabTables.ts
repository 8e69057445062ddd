/**
 * Tables in the tab-separated layout (the sample's 13 tables): each table is found by its title,
 * with its label, department, unit, multi-line header (a cell of an upper header line covers the
 * columns to its right up to the next one), rows (codes, names, special keys, values per column,
 * blank cells kept blank), two-sided tables split into income and expenditure rows, and its note.
 */
import { type Column, type Row, type Table, type TableRole } from '../document/model.js';
import { parseDecimal } from '../money/money.js';
import { isBlank } from './lines.js';
import { type ImportProblem, type SourceLine, type StageResult } from './types.js';
import { ECONOMIC_CLASSES, FUNCTIONAL_CLASSES, INCOME_SOURCES, codeOfClassName, columnOfHeader, keyOfRowName, roleOfTitle } from './vocabulary.js';

const LABEL = /^(?:预算公开表|部门公开表|公开表|表)\s*[0-9一二三四五六七八九十]+$/;
const TITLE = /^\d{4}.*表(?:（[^）]*）)?$/;
const DEPARTMENT = /(?:部门名称|编制部门|编制单位)[:：]/;
/** The department a table's heading line names (部门名称：…), up to a 单位： on the same line. */
function departmentIn(text: string): string | null {
  const label = DEPARTMENT.exec(text);
  if (label === null) return null;
  const rest = text.slice(label.index + label[0].length).trim();
  const unit = rest.slice(1).search(/单位[:：]/);
  const name = (unit === -1 ? rest : rest.slice(0, unit + 1)).trim();
  return name === '' ? null : name;
}
const UNIT = /单位[:：]\s*(万元|元)/;
const NOTE = /^注[:：]/;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const STRUCTURAL = /^(?:项目|科目编码|科目名称|收入科目编码|项目名称|单位名称|部门预算支出经济科目名称|功能分类科目编码|功能分类科目名称)$/;
const AMOUNT_HEADER = /^(?:\d{4}年|金额|预算数|.*收入预算)$/;

interface HeaderColumn {
  readonly index: number;
  readonly header: string;
  readonly side?: 'income' | 'expenditure';
}

interface Layout {
  readonly columns: readonly (Column & { index: number; side?: 'income' | 'expenditure' })[];
  readonly nameIndex: Partial<Record<'income' | 'expenditure' | 'single', number>>;
  readonly codeIndex: Partial<Record<'income' | 'expenditure' | 'single', number>>;
  readonly twoSided: boolean;
}

function isNumber(cell: string): boolean {
  return cell !== '' && parseDecimal(cell) !== undefined;
}

function isColumnNumbers(line: SourceLine): boolean {
  const cells = line.cells.filter((cell) => cell !== '');
  return cells.length >= 3 && cells.every((cell, index) => cell === String(index + 1));
}

function looksLikeData(line: SourceLine): boolean {
  const [first = ''] = line.cells;
  if (CODE.test(first) || /^[一二三四五六七八九十]+、/.test(first) || keyOfRowName(first) !== undefined) return true;
  return line.cells.slice(1).some(isNumber);
}

/** Header cells by column: an upper line's cell covers the columns to its right up to its next cell. */
function headerColumns(lines: readonly SourceLine[]): HeaderColumn[] {
  const width = Math.max(...lines.map((line) => line.cells.length));
  const columns: HeaderColumn[] = [];
  for (let index = 0; index < width; index++) {
    const parts: string[] = [];
    lines.forEach((line, depth) => {
      const last = depth === lines.length - 1;
      let cell = line.cells[index] ?? '';
      if (cell === '' && !last) {
        for (let left = index - 1; left >= 0; left--) {
          const candidate = line.cells[left] ?? '';
          if (candidate !== '') {
            cell = candidate;
            break;
          }
        }
      }
      if (cell !== '' && parts[parts.length - 1] !== cell) parts.push(cell);
    });
    const side = parts[0]?.startsWith('收入') || parts[0]?.endsWith('预算收入') ? 'income' : parts[0]?.startsWith('支出') || parts[0]?.endsWith('预算支出') ? 'expenditure' : undefined;
    columns.push({ index, header: parts.map((part) => part.replace(/\s+/g, '')).join('/'), side });
  }
  return columns;
}

function layoutOf(headerLines: readonly SourceLine[], problems: ImportProblem[]): Layout {
  const headers = headerColumns(headerLines);
  const twoSided = headers.some((column) => column.side === 'income') && headers.some((column) => column.side === 'expenditure');
  const columns: Layout['columns'][number][] = [];
  const nameIndex: Layout['nameIndex'] = {};
  const codeIndex: Layout['codeIndex'] = {};
  for (const column of headers) {
    const side = twoSided ? column.side : undefined;
    const slot = side ?? 'single';
    const last = column.header.split('/').pop() ?? '';
    const structural = column.header.split('/').find((part) => STRUCTURAL.test(part));
    if (structural !== undefined && !/政府预算支出经济科目名称/.test(column.header)) {
      if (/编码/.test(last) || (last === '项目' && nameIndex[slot] !== undefined)) codeIndex[slot] ??= column.index;
      else if (/编码/.test(structural) && last === structural) codeIndex[slot] ??= column.index;
      else nameIndex[slot] ??= column.index;
      continue;
    }
    const id = columnOfHeader(column.header) ?? (AMOUNT_HEADER.test(last) && (side === 'income' || !twoSided) ? 'amount' : undefined);
    if (id === undefined) {
      if (column.header !== '') {
        problems.push({ line: headerLines[0]!.number, code: 'unknown_column', message: `未能识别的表头“${column.header}”：该列未导入，请检查表头或补充词表` });
      }
      continue;
    }
    columns.push({ id, header: column.header, ...(id === 'governmentEconomicClass' ? { type: 'text' as const } : {}), index: column.index, ...(side !== undefined ? { side } : {}) });
  }
  // A code column printed under 项目 (收入科目编码 / 科目编码) comes before the name column.
  for (const slot of ['single', 'income', 'expenditure'] as const) {
    if (codeIndex[slot] !== undefined && nameIndex[slot] !== undefined && codeIndex[slot] > nameIndex[slot]) {
      [codeIndex[slot], nameIndex[slot]] = [nameIndex[slot], codeIndex[slot]];
    }
  }
  return { columns, nameIndex, codeIndex, twoSided };
}

function printed(cell: string): string | undefined {
  const value = parseDecimal(cell);
  if (value === undefined) return undefined;
  return cell.replace(/,/g, '').replace(/[０-９．－]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

function rowsOf(role: TableRole, layout: Layout, lines: readonly SourceLine[], problems: ImportProblem[]): Row[] {
  const sides: ('income' | 'expenditure' | 'single')[] = layout.twoSided ? ['income', 'expenditure'] : ['single'];
  const rows: Record<string, Row[]> = { income: [], expenditure: [], single: [] };
  for (const side of sides) {
    let afterCarriedOver = false;
    for (const line of lines) {
      const nameAt = layout.nameIndex[side];
      const codeAt = layout.codeIndex[side];
      let name = nameAt === undefined ? '' : (line.cells[nameAt] ?? '');
      // One 合计 printed across both halves of a two-sided table totals both sides.
      if (side === 'expenditure' && name === '') {
        const incomeLabel = [layout.codeIndex.income, layout.nameIndex.income].map((index) => (index === undefined ? '' : (line.cells[index] ?? ''))).find((cell) => cell !== '');
        if (incomeLabel !== undefined && keyOfRowName(incomeLabel) === 'total') name = incomeLabel;
      }
      let code = codeAt === undefined ? undefined : line.cells[codeAt];
      if (code !== undefined && !CODE.test(code)) {
        if (name === '' && code !== '') name = code;
        code = undefined;
      }
      if (name === '' && code === undefined) continue;
      const values: Record<string, string> = {};
      for (const column of layout.columns) {
        if (layout.twoSided && column.side !== side) continue;
        const cell = line.cells[column.index] ?? '';
        if (cell === '') continue;
        if (column.type === 'text') {
          values[column.id] = cell;
          continue;
        }
        const value = printed(cell);
        if (value === undefined) problems.push({ line: line.number, code: 'invalid_amount', message: `“${cell}”不是金额：该单元格未导入` });
        else values[column.id] = value;
      }
      let key = keyOfRowName(name);
      if (side === 'income' && key === undefined && /^[一二三四五六七八九十]+、/.test(name)) {
        const source = INCOME_SOURCES.find(([pattern]) => pattern.test(name))?.[1];
        key = source === undefined ? undefined : afterCarriedOver ? `carriedOver${source[0]!.toUpperCase()}${source.slice(1)}` : source;
      }
      if (key === 'carriedOver') afterCarriedOver = true;
      if (side === 'expenditure' && code === undefined && key === undefined) code = codeOfClassName(name, FUNCTIONAL_CLASSES);
      let level: number | undefined;
      if (role === 'basicExpenditureByEconomicClass' && key === undefined) {
        const classCode = codeOfClassName(name, ECONOMIC_CLASSES);
        if (classCode !== undefined && values.governmentEconomicClass === undefined) {
          code ??= classCode;
          level = 1;
        } else {
          level = 2;
        }
      }
      rows[side]!.push({
        ...(key !== undefined ? { key } : {}),
        ...(code !== undefined ? { code } : {}),
        name,
        ...(level !== undefined ? { level } : {}),
        ...(layout.twoSided ? { group: side as 'income' | 'expenditure' } : {}),
        values,
        line: line.number,
      });
    }
  }
  const all = [...rows.single!, ...rows.income!, ...rows.expenditure!];
  return role === 'projectExpenditure' || role === 'projectExpenditureCarriedOver' ? withProjectLevels(all) : all;
}

/** Project tables: leading rows that name organisations (the department, then its units) group the projects below. */
function withProjectLevels(rows: readonly Row[]): Row[] {
  const organisation = /(?:[局厅]|委员会|[委站所院队部]|办公室|办事处|中心)$/;
  let seenProject = false;
  return rows.map(({ values, line, ...identity }, index) => {
    const group = !seenProject && organisation.test(identity.name);
    if (!group) seenProject = true;
    return { ...identity, level: group ? (index === 0 ? 1 : 2) : 3, values, line };
  });
}

interface Block {
  readonly role: TableRole;
  readonly label?: string;
  readonly title: SourceLine;
  readonly lines: readonly SourceLine[];
}

function blocksOf(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  const titles = lines
    .map((line, index) => ({ line, index, role: TITLE.test(line.text.trim()) ? roleOfTitle(line.text) : undefined }))
    .filter((entry): entry is { line: SourceLine; index: number; role: TableRole } => entry.role !== undefined);
  titles.forEach((entry, position) => {
    const previous = lines.slice(0, entry.index).findLast((line) => !isBlank(line));
    const label = previous !== undefined && LABEL.test(previous.text.trim()) ? previous.text.trim() : undefined;
    const end = titles[position + 1]?.index ?? lines.length;
    blocks.push({ role: entry.role, label, title: entry.line, lines: lines.slice(entry.index + 1, end) });
  });
  return blocks;
}

/** The lines a table occupies, from its title (or label) to its last line. */
export interface TabTableRegion {
  /** First line. */
  readonly from: number;
  /** Last non-blank line. */
  readonly to: number;
}

/**
 * Reads the tables of the tab-separated layout.
 * @param lines The lines of the tables part.
 */
export function importTabTables(lines: readonly SourceLine[]): StageResult<Partial<Record<TableRole, Table>>> & { readonly regions: readonly TabTableRegion[] } {
  const problems: ImportProblem[] = [];
  const tables: Partial<Record<TableRole, Table>> = {};
  const regions: TabTableRegion[] = [];
  for (const block of blocksOf(lines)) {
    const lastLine = block.lines.findLast((line) => !isBlank(line));
    regions.push({ from: block.title.number - (block.label === undefined ? 0 : 1), to: lastLine?.number ?? block.title.number });
    let department: string | undefined;
    let unit: '元' | '万元' | undefined;
    let note: string | undefined;
    const header: SourceLine[] = [];
    const body: SourceLine[] = [];
    for (const line of block.lines) {
      if (isBlank(line) || LABEL.test(line.text.trim()) || isColumnNumbers(line)) continue;
      const text = line.cells.join(' ').trim();
      const departmentMatch = departmentIn(text);
      const unitMatch = UNIT.exec(text);
      if (departmentMatch !== null || (unitMatch !== null && header.length === 0 && body.length === 0)) {
        if (departmentMatch !== null) department = departmentMatch;
        if (unitMatch !== null) unit = unitMatch[1] as '元' | '万元';
        continue;
      }
      if (NOTE.test(text)) {
        note = text;
        continue;
      }
      if (body.length === 0 && !looksLikeData(line)) header.push(line);
      // A table continued on the next page repeats its header: not a row.
      else if (header.some((headerLine) => headerLine.cells.join('\t') === line.cells.join('\t'))) continue;
      else body.push(line);
    }
    if (unit === undefined) problems.push({ line: block.title.number, code: 'missing_unit', message: `${block.title.text.trim()} 未注明金额单位：按万元导入，请核对` });
    if (tables[block.role] !== undefined) {
      problems.push({ line: block.title.number, code: 'duplicate_table', message: `又一张“${block.title.text.trim()}”：同类报表只导入第一张` });
      continue;
    }
    const layout = layoutOf(header.length > 0 ? header : [block.title], problems);
    const rows = rowsOf(block.role, layout, body, problems);
    tables[block.role] = {
      ...(block.label !== undefined ? { label: block.label } : {}),
      title: block.title.text.trim(),
      ...(department !== undefined ? { department } : {}),
      unit: unit ?? '万元',
      columns: layout.columns.map(({ id, header: printedHeader, type }) => ({ id, header: printedHeader, ...(type !== undefined ? { type } : {}) })),
      rows,
      ...(note !== undefined ? { note } : {}),
      line: block.title.number,
    };
  }
  return { value: tables, problems, regions };
}
