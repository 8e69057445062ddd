/**
 * Reading the figures the Shanghai template's explanations state. Its sentences differ from the
 * Shanxi ones that figures.ts reads: an amount is often followed directly by its own year-on-year
 * change ("财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元", "…0万元，与2024年预算持平"),
 * subjects end in "预算数为" and the like, and the 编制说明 lists its subjects by name
 * ("1. “一般公共服务支出（类）…（款）…（项）”科目43.83万元，主要用于…"). So each paragraph (wrapped lines
 * joined) is cut into clauses here, and a clause's subject is looked up in the Shanghai terms below,
 * then in the shared vocabulary of figures.ts (FIGURE_TERMS, COUNT_AMOUNTS, functionalClassCode).
 * A clause stating an amount (万元, 元, %) or ending in a count (个) that no rule reads is a problem
 * at its line; numbers inside a clause's words ("1家机关", "3个预算单位开展了…") are plain text.
 */
import { type Figure, type Table } from '../document/model.js';
import { builtPattern } from './builtPatterns.js';
import {
  AMOUNT,
  COUNT,
  COUNT_AMOUNTS,
  type Clause,
  FIGURE_TERMS,
  type FigureTerm,
  NUMBER,
  type NarrativeSectionId,
  PERCENT_CHANGE,
  clausesOf,
  decimalText,
  directionOf,
  functionalClassCode,
} from './figures.js';
import { foldFullWidthNumbers } from './lines.js';
import { type Paragraph, lineAt } from './shanghaiText.js';
import { type ImportProblem } from './types.js';

/**
 * The Shanghai template's words for figures that the shared vocabulary names differently, tried
 * before FIGURE_TERMS (in its 编制说明, 财政拨款收入 and 财政拨款支出预算 both state the fiscal
 * appropriation total, and the 一般公共预算 / 政府性基金 / 国有资本经营预算 拨款支出预算 its parts).
 */
export const SHANGHAI_FIGURE_TERMS: readonly FigureTerm[] = [
  { kind: 'amount', sections: ['overview'], pattern: /财政拨款(收入|支出)(预算)?$/, key: 'fiscalAppropriationTotal' },
  { kind: 'amount', sections: ['overview'], pattern: /事业单位经营收入$/, key: 'operatingIncome' },
  { kind: 'amount', sections: ['overview'], pattern: /事业收入$/, key: 'businessIncome' },
  { kind: 'amount', sections: ['overview'], pattern: /其他收入$/, key: 'otherIncome' },
  { kind: 'amount', sections: ['overview'], pattern: /一般公共预算(财政)?(拨款)?支出(预算)?$/, key: 'generalBudgetExpenditure' },
  { kind: 'amount', sections: ['overview'], pattern: /政府性基金(预算)?(财政)?(拨款)?支出(预算)?$/, key: 'governmentFundAppropriation' },
  { kind: 'amount', sections: ['overview'], pattern: /国有资本经营(预算)?(财政)?(拨款)?支出(预算)?$/, key: 'stateCapitalAppropriation' },
  { kind: 'amount', sections: ['procurement'], pattern: /小型和微型企业|小微企业/, key: 'procurementSmallMicroReserved' },
  { kind: 'count', sections: ['performance'], pattern: /绩效目标的?项目$/, key: 'performanceProjects', whole: true },
  { kind: 'amount', sections: ['performance'], pattern: /(涉及|安排)?(项目)?(预算)?资金(总额)?$|金额$/, follows: true },
];

/** Functional-class codes of the tables, by code, with their names (spaces removed). */
export type CodeBook = ReadonlyMap<string, string>;

const CHANGE = builtPattern(String.raw`^(?:比|较|与|同)(?:\d{4}\s*年度?|上年度?|去年)(?:同期)?(?:预算数?|预算安排)?(?:相比)?\s*(?:(持平)|(增加|减少|增长|下降|上升|降低)\s*${NUMBER}\s*(万元|元))$`);
const ITEM = builtPattern(String.raw`^\d+\s*[.、]\s*([“"])([^”"]+)[”"]\s*科目\s*${NUMBER}\s*(万元|元)`);
/** A number with a unit anywhere, or a count ending the clause: the clause states a figure. */
const FIGURE_TOKEN = /\d\s*(?:万元|元|%)|\d\s*个$/;
const CHANGE_START = /^[比较与同](?:\d{4}\s*年度?|上年度?|去年)/;
const LEAD_IN = /^(?:其中|主要包括|包括|分别为|分别是|具体为|具体包括)\s*/;
const ITEM_MARK = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.、](?!\d)|[一二三四五六七八九十]+、)\s*/;
const CODE_LENGTHS = [3, 5, 7];
const ROLES_WITH_CODES = ['generalBudgetExpenditure', 'expenditureSummary', 'incomeSummary'];

/**
 * The functional-class codes printed in the tables with their names, to resolve the subjects the
 * 编制说明 lists by name.
 * @param tables The imported tables.
 */
export function codeBookOf(tables: Readonly<Record<string, Table | undefined>>): CodeBook {
  const book = new Map<string, string>();
  for (const role of ROLES_WITH_CODES) {
    for (const row of tables[role]?.rows ?? []) {
      if (row.code !== undefined && !book.has(row.code)) book.set(row.code, row.name.replace(/\s+/g, ''));
    }
  }
  return book;
}

/**
 * A clause's subject as the vocabulary expects it: no item mark, no leading year, no trailing
 * "为", and "预算数" / "预算金额" as "预算".
 * @param subject The words before the number.
 */
function plainSubject(subject: string): string {
  return subject
    .replace(/\s+/g, '')
    .replace(ITEM_MARK, '')
    .replace(LEAD_IN, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(?:为|是)$/, '')
    .replace(/预算(?:数|金额)$/, '预算');
}

function termFor(subject: string, kind: FigureTerm['kind'], section: NarrativeSectionId | undefined): FigureTerm | undefined {
  const applies = (term: FigureTerm): boolean => term.kind === kind && term.pattern.test(subject);
  const scoped = (term: FigureTerm): boolean => term.sections !== undefined && section !== undefined && term.sections.includes(section);
  return (
    SHANGHAI_FIGURE_TERMS.find((term) => scoped(term) && applies(term)) ??
    FIGURE_TERMS.find((term) => scoped(term) && applies(term)) ??
    FIGURE_TERMS.find((term) => term.sections === undefined && applies(term))
  );
}

/** What a paragraph's reading remembers between clauses. */
interface Reading {
  readonly section: NarrativeSectionId | undefined;
  readonly paragraph: Paragraph;
  readonly folded: string;
  readonly figures: Figure[];
  readonly problems: ImportProblem[];
  /** The last amount stated (a change that follows refers to it). */
  lastAmount?: Figure;
  /** The last count stated (an amount named only by 资金/金额 belongs to it). */
  lastCount?: Figure;
  /** The whole the section is about. */
  whole?: Figure;
}

function problem(reading: Reading, offset: number, message: string): void {
  reading.problems.push({ line: lineAt(reading.paragraph, offset), code: 'unrecognised_text', message });
}

/**
 * Reads a year-on-year change clause; true when it also took the next clause (its percentage).
 * @param reading The reading.
 * @param clause The clause.
 * @param match The clause's CHANGE match.
 * @param next The next clause of the same sentence, if any.
 */
function readChange(reading: Reading, clause: Clause, match: RegExpExecArray, next: Clause | undefined): boolean {
  const { paragraph, folded } = reading;
  const reference = reading.lastAmount;
  const text = paragraph.text.slice(clause.start, clause.end);
  if (reference === undefined) {
    problem(reading, clause.start, `未能识别增减变动“${text}”：前面没有它所说明的金额`);
    return false;
  }
  const flat = match[1] !== undefined;
  const value = flat ? '0' : decimalText(match[3]!);
  if (value === undefined) {
    problem(reading, clause.start, `未能识别增减变动“${text}”中的数字`);
    return false;
  }
  const percent = next === undefined ? null : PERCENT_CHANGE.exec(folded.slice(next.start, next.end));
  const percentValue = percent === null ? undefined : decimalText(percent[2]!);
  const end = percentValue !== undefined && next !== undefined ? next.end : clause.end;
  const direction = flat ? 'flat' : directionOf(match[2]!);
  reading.figures.push({
    key: reference.key,
    kind: 'change',
    value,
    unit: (flat ? reference.unit : match[4]) as Figure['unit'],
    ...(reference.code !== undefined ? { code: reference.code } : {}),
    ...(reference.subject !== undefined ? { subject: reference.subject } : {}),
    direction,
    ...(percent !== null && percentValue !== undefined ? { percent: percentValue, percentDirection: directionOf(percent[1]!) } : {}),
    current: reference.value,
    text: paragraph.text.slice(clause.start, end),
    line: lineAt(paragraph, clause.start),
  });
  return end !== clause.end;
}

/**
 * Reads an amount or count clause into a figure, or reports it.
 * @param reading The reading.
 * @param start Where the clause starts (after any lead-in).
 * @param end Where it ends.
 */
function readAmount(reading: Reading, start: number, end: number): void {
  const { paragraph, folded, section } = reading;
  const clause = folded.slice(start, end);
  const text = paragraph.text.slice(start, end);
  const amount = AMOUNT.exec(clause);
  const count = amount === null ? COUNT.exec(clause) : null;
  const match = amount ?? count;
  if (match === null) {
    problem(reading, start, `未能识别“${text}”中的数字：它不是可识别的金额、个数或与上年相比的增减`);
    return;
  }
  const kind = amount !== null ? 'amount' : 'count';
  const subject = plainSubject(match[1]!);
  const value = decimalText(match[2]!);
  const term = termFor(subject, kind, section);
  let key: string | undefined;
  let code: string | undefined;
  if (term?.follows === true) key = reading.lastCount === undefined ? undefined : COUNT_AMOUNTS[reading.lastCount.key];
  else if (term !== undefined) key = term.key ?? term.byWhole?.[reading.whole?.key ?? ''] ?? term.byWhole?.[section ?? ''];
  else if (kind === 'amount') {
    code = functionalClassCode(subject);
    if (code !== undefined) key = 'functionalClassExpenditure';
  }
  if (key === undefined || value === undefined) {
    problem(reading, start, `未能识别“${text}”：“${subject}”不在说明文字的科目词表中（文档模型没有这一项的数字标识），已只保留为文字`);
    return;
  }
  const figure: Figure = {
    key,
    kind,
    value,
    unit: (amount !== null ? amount[3] : '个') as Figure['unit'],
    ...(code !== undefined ? { code, subject } : term?.subject === true ? { subject } : {}),
    text,
    line: lineAt(paragraph, start),
  };
  reading.figures.push(figure);
  if (kind === 'amount') reading.lastAmount = figure;
  else reading.lastCount = figure;
  if (term?.whole === true) reading.whole = figure;
}

/**
 * The parts of a subject listed by name: "A（类）B（款）C（项）" or "A-B-C".
 * @param name The quoted name.
 */
function subjectParts(name: string): string[] {
  const bare = name.replace(/\s+/g, '');
  const parts = /[（(][类款项][）)]/.test(bare) ? bare.split(/[（(][类款项][）)]/) : bare.split(/[-—–]/);
  return parts.filter((part) => part !== '');
}

/**
 * The code of a subject named by its class, 款 and 项 names, found in the tables' code rows.
 * @param parts The names, class first.
 * @param book The tables' codes.
 */
function resolveCode(parts: readonly string[], book: CodeBook): { code: string } | { missing: string; under?: string } {
  let prefix = '';
  for (const [index, part] of parts.entries()) {
    const length = CODE_LENGTHS[index];
    if (length === undefined) return { missing: part };
    const found = [...book].filter(([code, name]) => code.length === length && code.startsWith(prefix) && name === part).map(([code]) => code);
    const code = found.length === 1 ? found[0] : index === 0 && found.length === 0 ? functionalClassCode(part) : undefined;
    if (code === undefined) return prefix === '' ? { missing: part } : { missing: part, under: `${prefix} ${book.get(prefix) ?? ''}`.trim() };
    prefix = code;
  }
  return prefix === '' ? { missing: parts.join('') } : { code: prefix };
}

/**
 * Reads a listed subject ("N. “名称”科目X万元"); returns where the rest of the paragraph starts.
 * @param reading The reading.
 * @param match The ITEM match on the folded paragraph.
 * @param book The tables' codes.
 */
function readItem(reading: Reading, match: RegExpExecArray, book: CodeBook): number {
  const { paragraph } = reading;
  const start = match.index + match[0].indexOf(match[1]!);
  const end = match.index + match[0].length;
  const name = paragraph.text.slice(start + 1, start + 1 + match[2]!.length);
  const text = paragraph.text.slice(start, end);
  const value = decimalText(match[3]!);
  const resolved = resolveCode(subjectParts(match[2]!), book);
  if ('missing' in resolved || value === undefined) {
    const where = 'missing' in resolved ? (resolved.under === undefined ? `“${resolved.missing}”不是报表中的功能分类科目` : `报表中 ${resolved.under} 之下没有“${resolved.missing}”`) : '金额无法识别';
    problem(reading, start, `未能识别“${text}”的科目编码：${where}，这一金额未导入为数字；请核对说明与报表的科目名称`);
    return end;
  }
  const figure: Figure = { key: 'functionalClassExpenditure', kind: 'amount', value, unit: match[4] as Figure['unit'], code: resolved.code, subject: name, text, line: lineAt(paragraph, start) };
  reading.figures.push(figure);
  reading.lastAmount = figure;
  return end;
}

/**
 * Reads the figures of a section's paragraphs, in order.
 * @param paragraphs The section's paragraphs (heading excluded).
 * @param section The section's id, when known.
 * @param book The tables' functional-class codes, for subjects listed by name.
 */
export function readShanghaiFigures(paragraphs: readonly Paragraph[], section: NarrativeSectionId | undefined, book: CodeBook): { figures: Figure[]; problems: ImportProblem[] } {
  const figures: Figure[] = [];
  const problems: ImportProblem[] = [];
  let whole: Figure | undefined;
  for (const paragraph of paragraphs) {
    const folded = foldFullWidthNumbers(paragraph.text);
    const reading: Reading = { section, paragraph, folded, figures, problems, ...(whole !== undefined ? { whole } : {}) };
    const item = ITEM.exec(folded);
    const from = item === null ? 0 : readItem(reading, item, book);
    const clauses = clausesOf(folded, from);
    for (let index = 0; index < clauses.length; index += 1) {
      const clause = clauses[index]!;
      let start = clause.start;
      const lead = LEAD_IN.exec(folded.slice(start, clause.end));
      if (lead !== null && lead[0].length < clause.end - start) start += lead[0].length;
      const mark = ITEM_MARK.exec(folded.slice(start, clause.end));
      if (mark !== null && mark[0].length < clause.end - start) start += mark[0].length;
      const text = folded.slice(start, clause.end);
      const change = CHANGE.exec(text);
      if (change !== null) {
        const next = clauses[index + 1];
        if (readChange(reading, { ...clause, start }, change, next !== undefined && next.sentence === clause.sentence ? next : undefined)) index += 1;
        continue;
      }
      if (FIGURE_TOKEN.test(text)) readAmount(reading, start, clause.end);
      else if (CHANGE_START.test(text) && /\d/.test(text.replace(/^\D*\d{4}/, ''))) problem(reading, start, `未能识别增减变动“${paragraph.text.slice(start, clause.end)}”`);
    }
    whole = reading.whole;
  }
  return { figures, problems };
}
