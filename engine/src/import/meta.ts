/**
 * Recognising what a text is: the department, the fiscal year and the kind of disclosure
 * (部门预算 / 单位预算 / 部门决算 / 单位决算), from the cover and the table headers.
 */
import { type DisclosureDocument, type DocumentKind, type Meta, type Table } from '../document/model.js';
import { withheldStatement } from './tables/names.js';
import { type SourceLine } from './types.js';

/** What the cover says. */
export interface Recognised {
  /** Department name. */
  readonly department: string;
  /** Fiscal year. */
  readonly fiscalYear: number;
  /** Kind. */
  readonly kind: DocumentKind;
  /** Cover title, e.g. 2025年度部门预算公开. */
  readonly title?: string;
  /** Province or city named first in the department's name. */
  readonly region?: string;
  /** Line of the title. */
  readonly line: number;
}

const KIND = /(?<!\d)(\d{4})\s*年度?(?:\s*[省市区县]级)?\s*(部门|单位)(预算|决算)/;
const HEADER_DEPARTMENT = /(?:部门名称|编制部门|编制单位|单位名称)[:：]\s*([^\s单]+(?:\s[^\s单]+)*?)\s*(?:单位[:：]|$)/;
const REGIONS = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
];

function kindOf(unitOrDepartment: string, budgetOrAccounts: string): DocumentKind {
  const level = unitOrDepartment === '单位' ? 'unit' : 'department';
  return budgetOrAccounts === '决算' ? `${level}-final-accounts` : `${level}-budget`;
}

/** The end of the cover: the contents page's heading. */
const CONTENTS = /^目\s*录$/;
/** The cover's statement of what the document is, on the cover's lines joined. */
const COVER_KIND = /^(.*?)(\d{4})\s*年度?(.*?)(?:[省市区县]级)?(部门|单位)(?:综合)?(预算|决算)/;
/** A unit named on the cover (上海: 预算单位：…). */
const COVER_UNIT = /(?:预算单位|部门名称|单位名称)\s*[：:]\s*(\S+)/;
/** A place prefix alone is not a department (上海市2026年市级单位预算). */
const PLACE_ONLY = /^(?:\S{2,3}[省市]|\S{2,3}市\S{2,3}[区县])$/;

/**
 * Reads the cover when its statement spans lines ("2026年" / "广州市信访局部门预算", "湖州市
 * 退役军人事务局2026年" / "部门预算"): the lines before the contents page (at most the first 6
 * non-blank lines) joined without spaces.
 * @param lines All lines.
 */
export function recogniseCover(lines: readonly SourceLine[]): Recognised | undefined {
  const cover: SourceLine[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, '');
    if (text === '') continue;
    if (CONTENTS.test(text) || cover.length >= 6) break;
    cover.push(line);
  }
  const joined = cover.map((line) => line.text.replace(/\s+/g, '')).join('');
  const match = COVER_KIND.exec(joined);
  if (match === null) return undefined;
  const named = COVER_UNIT.exec(joined)?.[1];
  const before = match[1]!.trim();
  const between = match[3]!.trim();
  const department = named ?? (between !== '' ? between : before !== '' && !PLACE_ONLY.test(before) ? before : undefined);
  if (department === undefined) return undefined;
  const region = REGIONS.find((name) => department.startsWith(name) || before.startsWith(name));
  const titleLine = cover.find((line) => line.text.includes(match[2]!)) ?? cover[0]!;
  return { department, fiscalYear: Number(match[2]), kind: kindOf(match[4]!, match[5]!), title: match[0], ...(region !== undefined ? { region } : {}), line: titleLine.number };
}

/**
 * Reads the department, year and kind, or undefined when the text is not a budget disclosure.
 * @param lines All lines.
 */
export function recognise(lines: readonly SourceLine[]): Recognised | undefined {
  const titleIndex = lines.slice(0, 80).findIndex((line) => KIND.test(line.text));
  if (titleIndex < 0) return undefined;
  const titleLine = lines[titleIndex]!;
  const match = KIND.exec(titleLine.text)!;
  const fiscalYear = Number(match[1]);
  // The department: the table headers name it (部门名称：…); otherwise the cover line above the title,
  // or the title itself before the year.
  let department: string | undefined;
  for (const line of lines) {
    const header = HEADER_DEPARTMENT.exec(line.cells.join(' '));
    if (header !== null) {
      department = header[1]!.trim();
      break;
    }
  }
  if (department === undefined) {
    const before = titleLine.text.slice(0, titleLine.text.indexOf(match[0])).trim();
    const cover = lines
      .slice(0, titleIndex)
      .reverse()
      .find((line) => line.text.trim() !== '');
    department = before !== '' ? before : cover?.text.trim();
  }
  if (department === undefined || department === '') return undefined;
  const region = REGIONS.find((name) => department.startsWith(name));
  const title = titleLine.text.trim().startsWith(match[0]) ? titleLine.text.trim() : undefined;
  return { department, fiscalYear, kind: kindOf(match[2]!, match[3]!), title, region, line: titleLine.number };
}

/**
 * The refusal of a 部门决算 / 单位决算: no rule pack covers final accounts yet.
 * @param recognised What the cover says the document is.
 */
export function finalAccountsRefusal(recognised: { readonly kind: string; readonly line: number }): { line: number; code: string; message: string } | undefined {
  if (!recognised.kind.endsWith('final-accounts')) return undefined;
  const level = recognised.kind.startsWith('unit') ? '单位' : '部门';
  return { line: recognised.line, code: 'no_rule_pack', message: `这是${level}决算：还没有决算的规则包，暂不能检查 / no rule pack for ${level}决算 yet` };
}

/** What the importers read besides the tables, to assemble a document from. */
export interface ReadParts {
  readonly narrative?: DisclosureDocument['narrative'];
  readonly performance?: DisclosureDocument['performance'];
  readonly assets?: DisclosureDocument['assets'];
  readonly sections?: DisclosureDocument['sections'];
}

/** Tables whose note says rows are left out, marked so (`withheld`): their rows are not all of them. */
function withWithheld(tables: Readonly<Record<string, Table>>): Record<string, Table> {
  return Object.fromEntries(
    Object.entries(tables).map(([role, table]) => {
      const withheld = withheldStatement(table.note);
      return [role, withheld === undefined ? table : { ...table, withheld }];
    }),
  );
}

/**
 * Words saying secret items were left out of what is published: 烟台's “部分涉密事项在预算公开时予以
 * 剔除”, 长沙's “注：已剔除涉密部分” under a form, 深圳's “涉密项目按要求不予公开”.
 */
const SECRETS_LEFT_OUT = /(?:涉密|保密)[^。；]{0,40}?(?:不予公开|予以剔除|已剔除|未予公开|未公开)|已剔除涉密|公开时予以剔除/g;
/** A sentence saying there is nothing secret (无涉密项目, 不涉及涉密内容): no statement that anything was left out. */
const NOTHING_SECRET = /(?:无|没有|不涉及|未涉及|不存在)(?:涉密|保密)/;

/**
 * The document's statement that secret items were left out, if it makes one anywhere (a
 * sentence of its own, a table's note, a line under a form), read across line breaks.
 * @param lines The document's lines.
 */
export function secretsLeftOut(lines: readonly SourceLine[]): string | undefined {
  const words = lines.map((line) => line.text.replace(/\s+/g, ''));
  const text = words.join('');
  // Where each line starts in the joined text: a statement starts on the line where it is found.
  const starts: number[] = [];
  let offset = 0;
  for (const line of words) {
    starts.push(offset);
    offset += line.length;
  }
  for (const match of text.matchAll(SECRETS_LEFT_OUT)) {
    // The statement: back to the start of its sentence, bracket or line, on to its end (a full
    // stop, a closing bracket, or the figures of whatever is printed next), within a few words.
    const lineStart = starts.findLast((start) => start <= match.index) ?? 0;
    const before = text.slice(Math.max(lineStart, match.index - 30), match.index);
    const opening = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('（'), before.lastIndexOf('('));
    const after = /^[^。；）)\d]{0,12}。?/.exec(text.slice(match.index + match[0].length))![0];
    const statement = `${before.slice(opening + 1)}${match[0]}${after}`;
    if (!NOTHING_SECRET.test(statement)) return statement.replace(/^(?:备注|注|说明)[：:]/, '');
  }
  return undefined;
}

/**
 * The document both importers build: the cover's metadata (the tables' default unit 万元, the unit
 * type unknown), the source, and the parts read; what was not read is left out.
 * @param recognised What the cover says.
 * @param source The file, its format, and what the importer adds to the metadata (template, printed tables).
 * @param tables The tables.
 * @param parts The text parts and performance tables.
 */
export function assembleDocument(
  recognised: Recognised,
  source: { readonly file?: string; readonly format: string; readonly meta?: Partial<Pick<Meta, 'template' | 'printedTables' | 'withheld'>> },
  tables: Readonly<Record<string, Table>>,
  parts: ReadParts,
): DisclosureDocument {
  return {
    meta: {
      department: recognised.department,
      fiscalYear: recognised.fiscalYear,
      kind: recognised.kind,
      unit: '万元',
      ...(recognised.title !== undefined ? { title: recognised.title } : {}),
      ...(recognised.region !== undefined ? { region: recognised.region } : {}),
      ...(source.meta?.template !== undefined ? { template: source.meta.template } : {}),
      unitType: 'unknown',
      source: { ...(source.file !== undefined ? { file: source.file } : {}), format: source.format },
      ...(source.meta?.printedTables !== undefined ? { printedTables: source.meta.printedTables } : {}),
      ...(source.meta?.withheld !== undefined ? { withheld: source.meta.withheld } : {}),
    },
    tables: withWithheld(tables),
    ...(parts.narrative !== undefined ? { narrative: parts.narrative } : {}),
    ...(parts.performance !== undefined && parts.performance.length > 0 ? { performance: parts.performance } : {}),
    ...(parts.assets !== undefined ? { assets: parts.assets } : {}),
    ...(parts.sections !== undefined ? { sections: parts.sections } : {}),
  };
}
