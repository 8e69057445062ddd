/**
 * The text stage for every template: from the outline of the non-table lines, the duties and the
 * organisation, the glossary, the numbered explanation sections with their ids and the figures
 * they state (sentences joined across line and page breaks first), 国有资产 as assets, and the
 * rest as other sections. What is not understood is said once: the headings that name no known
 * section, and the figures that could not be read, each as one problem.
 */
import { type Figure, type NarrativeSection } from '../../document/model.js';
import { type ItemNames, type NarrativeSectionId, namesFunctionalClass, readFigures } from '../figures.js';
import { type GlossaryEntry, type NarrativeParts, SECTION_HEADINGS, type TextSection, citedProjects, readGlossary, subjectOfWholeBudget } from '../narrative.js';
import { type AssetsPart, readAssets } from '../narrativeAssets.js';
import { canonicalNames } from '../vocabulary.js';
import { type ImportProblem, type SourceLine, type StageResult } from '../types.js';
import { type OutlineNode, allLines, headingWords, outlineOf, textLines } from './outline.js';

/** Headings of the overview, the glossary and the tables part: not explanation sections. */
const DUTIES = /职责|职能/;
const ORGANISATION = /机构设置|机构编制|机构情况|(?:预算)?单位构成/;
const GLOSSARY = /名词解释/;
const TABLES_PART = /预算(?:公开)?报?表$|公开报表$|预算表格?$|表格部分$/;
/** A part the tables part may run into: the explanations (…情况说明) or the glossary, never a table's title (…表). */
const TEXT_AFTER_TABLES = /(?:说明|名词解释)$/;
/** Overview headings that hold no figures to check (工作任务, 人员情况, 预算单位构成). */
const OVERVIEW = /概况|基本情况|工作任务|工作目标|人员情况|预算构成/;

function sectionIdOf(title: string): NarrativeSectionId | undefined {
  const words = canonicalNames(title);
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(words))?.[1];
}

/** Sections of one subject, which a heading the vocabulary does not know may still be (by its first sentence). */
const SUBJECTS: ReadonlySet<NarrativeSectionId> = new Set(['threePublicExpenses', 'agencyOperatingCosts', 'procurement', 'governmentFunds', 'stateCapital']);

/**
 * The subject of a section whose heading names none (七、集中采购安排): its first sentence's, when
 * that names one subject of its own (2026年度政府采购预算总额…), and the section has no sections under it.
 */
function subjectOfBody(node: OutlineNode): NarrativeSectionId | undefined {
  if (node.children.length > 0) return undefined;
  const first = canonicalNames(
    node.body
      .map(plain)
      .join('')
      .split(/[。；]/)[0]!,
  );
  const subjects = new Set(SECTION_HEADINGS.filter(([pattern, subject]) => SUBJECTS.has(subject) && pattern.test(first)).map(([, subject]) => subject));
  return subjects.size === 1 ? [...subjects][0] : undefined;
}

function plain(line: SourceLine): string {
  return line.text.replace(/\f/g, '').trim();
}

/**
 * A section's text, and where each source line starts in it: [offset, line] pairs, so that what a
 * rule finds in the text can be placed on its line.
 */
function textWithLines(lines: readonly SourceLine[]): { text: string; textLines?: readonly (readonly [number, number])[] } {
  // A line that runs to the margin, or stops mid-sentence (on a comma), was wrapped by the layout:
  // the next one continues its sentence.
  let text = '';
  let joinNext = false;
  const starts: (readonly [number, number])[] = [];
  for (const line of lines) {
    // Justified lines spread characters apart (深 圳 市 人 民 政 府): spaces between Chinese characters are layout.
    // A run of single characters each followed by a space is one spread word; words apart (cells of a grid) stay apart.
    const words = plain(line).replace(/(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]/g, (run) => run.replace(/ /g, ''));
    if (words === '') continue;
    if (text !== '' && !joinNext) text += '\n';
    starts.push([text.length, line.number]);
    text += words;
    joinNext = line.full === true || /[，,、（(]$/.test(words);
  }
  return starts.length === 0 ? { text } : { text, textLines: starts };
}

function textOf(lines: readonly SourceLine[]): string {
  return textWithLines(lines).text;
}

/**
 * Numbers broken by justified spacing, joined: “16, 474.82” → “16,474.82”, “2,208.1  9万元” →
 * “2,208.19万元” (a decimal part cut short by a space before the digit that completes it), “34.5 万 元”
 * → “34.5 万元”.
 * @param text A paragraph.
 */
export function joinSpacedNumbers(text: string): string {
  return text
    .replace(/(\d\s*万)\s+(?=元)/g, '$1')
    .replace(/(\d,)\s+(?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d\.\d?)\s+(\d{1,2})(?=\s*(?:万元|[万元%％]))/g, (whole, head: string, tail: string) => ((head.split('.')[1] ?? '').length + tail.length <= 2 ? head + tail : whole));
}

/**
 * A section's lines as one paragraph (a sentence wraps across lines and pages; a number never
 * does), and where each line begins in it, to give each figure the line it starts on.
 */
function paragraphOf(lines: readonly SourceLine[]): { line: SourceLine; starts: readonly { offset: number; number: number }[] } | undefined {
  const kept = lines.filter((line) => plain(line) !== '');
  if (kept.length === 0) return undefined;
  let text = '';
  const starts: { offset: number; number: number }[] = [];
  for (const line of kept) {
    const piece = plain(line);
    // Justified lines space out their characters: join without adding more.
    const joiner = text === '' || /[\u4e00-\u9fff，。；：、）)]$/.test(text) || /^[\u4e00-\u9fff，。；：、（(]/.test(piece) ? '' : ' ';
    text += joiner;
    starts.push({ offset: text.length, number: line.number });
    text += piece;
  }
  // Joining numbers only removes characters inside a number: offsets after it shift by the removed spaces.
  const joined = joinSpacedNumbers(text);
  if (joined.length !== text.length) {
    const shift = (offset: number) => offset - (text.slice(0, offset).length - joinSpacedNumbers(text.slice(0, offset)).length);
    return { line: { number: kept[0]!.number, text: joined, cells: [joined] }, starts: starts.map((start) => ({ ...start, offset: shift(start.offset) })) };
  }
  return { line: { number: kept[0]!.number, text, cells: [text] }, starts };
}

/** Reads the figures of a section's lines, each at the line its text starts on. */
function figuresOf(lines: readonly SourceLine[], id: NarrativeSectionId | undefined, items: ItemNames | undefined): { figures: Figure[]; unread: ImportProblem[] } {
  const paragraph = paragraphOf(lines);
  if (paragraph === undefined) return { figures: [], unread: [] };
  const read = readFigures([paragraph.line], id, items);
  let from = 0;
  const lineAt = (offset: number) => [...paragraph.starts].reverse().find((start) => start.offset <= offset)?.number ?? paragraph.line.number;
  const figures = read.figures.map((figure) => {
    const at = figure.text === undefined ? -1 : paragraph.line.text.indexOf(figure.text, from);
    if (at < 0) return figure;
    from = at;
    return { ...figure, line: lineAt(at) };
  });
  const unread = read.problems.map((problem) => {
    const quoted = /“([^“”]+)”/.exec(problem.message)?.[1];
    const at = quoted === undefined ? -1 : paragraph.line.text.indexOf(quoted);
    return at < 0 ? problem : { ...problem, line: lineAt(at) };
  });
  return { figures, unread };
}

/** What the walk collects. */
interface Gathered {
  /** The 款 and 项 the document's tables print. */
  readonly items?: ItemNames;
  duties?: TextSection;
  organisation?: TextSection;
  glossary?: GlossaryEntry[];
  assets?: AssetsPart;
  readonly sections: NarrativeSection[];
  readonly other: TextSection[];
  readonly unknownHeadings: OutlineNode[];
  readonly unread: ImportProblem[];
  readonly problems: ImportProblem[];
}

function section(node: OutlineNode): TextSection {
  return { heading: node.heading, ...textWithLines(allLines(node)), line: node.line };
}

/**
 * Whether a node's sub-headings are about other subjects than its own (a container such as 其他重要事项).
 * A sub-heading naming a functional class (（一）一般公共服务支出（类）) is a part of the node's own
 * subject: 苏州 and 无锡 explain their 财政拨款 spending class by class under such headings.
 */
function containsOthers(node: OutlineNode, id: NarrativeSectionId): boolean {
  return node.children.some((child) => {
    if (namesFunctionalClass(child.title)) return false;
    const childId = sectionIdOf(child.title);
    return childId !== undefined && childId !== id && !breakdownOfParent(child.title, childId, id);
  });
}

/** Sections that are one part of the budget, not its totals: their subsections are theirs. */
const TOTALS: ReadonlySet<NarrativeSectionId | 'other'> = new Set(['overview', 'income', 'expenditure', 'other']);

/**
 * Whether a subsection is its parent's whole broken down by classification, named by the generic
 * words alone: under 一般公共预算拨款支出明细情况说明, “（二）支出按功能科目分类的明细情况” explains
 * the general budget's spending, not the department's total spending. A part of the spending
 * (（二）项目支出) is not: its amounts are the part's.
 */
function breakdownOfParent(title: string, childId: NarrativeSectionId | 'other', parentId: NarrativeSectionId | 'other'): boolean {
  return (childId === 'income' || childId === 'expenditure') && !TOTALS.has(parentId) && /按.{0,8}分类|明细/.test(title) && !/项目|基本|人员|公用/.test(title);
}

/**
 * The glossary under a heading: its entries, or, when its text cannot be split into entries (no
 * “名词：解释” the reader knows), that text as one entry under the heading, said once.
 */
function glossaryUnder(title: string, lines: readonly SourceLine[], line: number): { glossary: GlossaryEntry[]; problems: ImportProblem[] } {
  const read = readGlossary(lines);
  const text = textOf(lines);
  if (read.glossary.length > 0 || text === '') return read;
  return {
    glossary: [{ term: title.replace(/\s+/g, ''), definition: text, line }],
    problems: [{ line, code: 'glossary_whole', message: '名词解释未能逐条分出名词与解释，已整体保留为一条' }],
  };
}

function walk(node: OutlineNode, gathered: Gathered, inOverview: boolean): void {
  const title = node.title.replace(/\s+/g, '');
  if (TABLES_PART.test(title)) {
    // The tables part ends where the text resumes: an explanation or the glossary under it (its
    // own heading not read as a part's) is walked; its table titles are not sections.
    for (const child of node.children) if (TEXT_AFTER_TABLES.test(child.title.replace(/\s+/g, ''))) walk(child, gathered, false);
    return;
  }
  if (GLOSSARY.test(title)) {
    if (gathered.glossary !== undefined) return;
    const read = glossaryUnder(node.title, allLines(node), node.line);
    gathered.glossary = read.glossary;
    gathered.problems.push(...read.problems);
    return;
  }
  const duties = DUTIES.test(title) && !/工作任务/.test(title);
  const organisation = ORGANISATION.test(title);
  if (duties || organisation) {
    if (duties) gathered.duties ??= section(node);
    if (organisation) gathered.organisation ??= section(node);
    // The other overview part, when the outline put it under this one (its heading numbered otherwise).
    for (const child of node.children) if (duties ? ORGANISATION.test(child.title) : DUTIES.test(child.title)) walk(child, gathered, true);
    return;
  }
  const overview = inOverview || OVERVIEW.test(title);
  const id =
    overview && !/收支/.test(title)
      ? undefined
      : (sectionIdOf(title) ?? subjectOfBody(node) ?? (node.style === 'part' || node.children.length > 0 ? undefined : subjectOfWholeBudget(node.title, node.body.map(plain).join(''))));
  if (id === 'assets') {
    const read = readAssets(allLines(node));
    gathered.assets ??= { ...read.assets };
    gathered.problems.push(...read.problems);
    return;
  }
  if (id !== undefined && id !== 'other' && containsOthers(node, id)) {
    // A section over sections of its own (收支总体情况 over 收入预算 and 支出预算): its text, the figures in its children.
    const { figures, unread } = figuresOf(node.body, id, gathered.items);
    gathered.unread.push(...unread);
    gathered.sections.push({ id, heading: node.heading, ...textWithLines(allLines(node)), figures, line: node.line });
  } else if (id !== undefined && id !== 'other') {
    const lines = allLines(node);
    const { figures, unread } = figuresOf(lines, id, gathered.items);
    gathered.unread.push(...unread);
    const { text, textLines } = textWithLines(lines);
    const projects = id === 'performance' ? citedProjects(text) : [];
    gathered.sections.push({ id, heading: node.heading, text, figures, ...(projects.length > 0 ? { projects } : {}), ...(textLines !== undefined ? { textLines } : {}), line: node.line });
    return;
  }
  if (node.body.some((line) => plain(line) !== '')) {
    if (id === 'other' || overview) gathered.other.push({ heading: node.heading, ...textWithLines(node.body), line: node.line });
    else if (node.children.length === 0) gathered.unknownHeadings.push(node);
  }
  for (const child of node.children) walk(child, gathered, overview);
}

/** Texts quoted in a note, the first few of them: “一”、“二”等. */
function quoted(texts: readonly string[], most = 5): string {
  return `${texts
    .slice(0, most)
    .map((text) => `“${text}”`)
    .join('、')}${texts.length > most ? '等' : ''}`;
}

/** The explanations a disclosure must give (rule required-explanations-present). */
const REQUIRED_EXPLANATIONS: ReadonlySet<NarrativeSectionId> = new Set(['overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement']);

/**
 * The required parts the outline did not place, found by a heading of theirs anywhere in the text
 * (a template numbering its outline in a way not foreseen): each is kept with the lines up to the
 * next heading (a glossary: up to the next heading that is not one of its entries), its figures
 * unread, so that a part the document prints is never reported missing. Table titles (…表) are no
 * such headings. Returns the headings so found.
 */
function recoverByHeadings(lines: readonly SourceLine[], gathered: Gathered): SourceLine[] {
  const missingExplanation = (id: NarrativeSectionId | undefined) => id !== undefined && REQUIRED_EXPLANATIONS.has(id) && !gathered.sections.some((section) => section.id === id);
  // Which required part a heading's words name that the outline left unplaced, if any.
  const missingPartOf = (words: string, id: NarrativeSectionId | undefined) => {
    if (GLOSSARY.test(words) && gathered.glossary === undefined) return 'glossary';
    if (DUTIES.test(words) && !/工作任务/.test(words) && gathered.duties === undefined) return 'duties';
    if (ORGANISATION.test(words) && gathered.organisation === undefined) return 'organisation';
    return missingExplanation(id) ? 'explanation' : undefined;
  };
  if (gathered.glossary !== undefined && gathered.duties !== undefined && gathered.organisation !== undefined && ![...REQUIRED_EXPLANATIONS].some(missingExplanation)) return [];
  const found: SourceLine[] = [];
  const headings = lines.map((line) => headingWords(plain(line)));
  headings.forEach((words, index) => {
    if (words === undefined || /表$/.test(words)) return;
    const id = sectionIdOf(words);
    const part = missingPartOf(words, id);
    if (part === undefined) return;
    // A glossary's entries may be numbered like headings (（一）财政拨款收入：指…): its text runs to
    // the next heading that is no entry (an entry names its term before a colon).
    const next = headings.findIndex((other, at) => at > index && other !== undefined && (part !== 'glossary' || !/[:：]/.test(plain(lines[at]!))));
    const body = lines.slice(index + 1, next < 0 ? lines.length : next);
    const heading = lines[index]!;
    const text = textOf(body) || plain(heading);
    if (part === 'glossary') {
      gathered.glossary = glossaryUnder(words, body, heading.number).glossary;
    } else if (part === 'explanation') {
      gathered.sections.push({ id: id!, heading: plain(heading), text, figures: [], line: heading.number });
    } else {
      gathered[part] = { heading: plain(heading), text, line: heading.number };
    }
    found.push(heading);
  });
  return found;
}

/** Required explanations of one subject, which a section under a heading the vocabulary does not know may give. */
const BY_CONTENT: readonly NarrativeSectionId[] = ['threePublicExpenses', 'agencyOperatingCosts', 'procurement'];

/**
 * A required explanation still missing, found in the text of a section whose heading names no
 * known subject (公车及接待费情况 speaking of “三公”经费): kept, its figures unread, so that an
 * explanation the document gives under an unforeseen heading is never reported missing.
 * Returns the sections so taken.
 */
function recoverByContent(gathered: Gathered): OutlineNode[] {
  const taken: OutlineNode[] = [];
  for (const id of BY_CONTENT) {
    if (gathered.sections.some((section) => section.id === id)) continue;
    const pattern = SECTION_HEADINGS.find(([, subject]) => subject === id)![0];
    const node = gathered.unknownHeadings.find((candidate) => !taken.includes(candidate) && pattern.test(canonicalNames(textOf(allLines(candidate)))));
    if (node === undefined) continue;
    gathered.sections.push({ id, heading: node.heading, ...textWithLines(allLines(node)), figures: [], line: node.line });
    taken.push(node);
  }
  return taken;
}

/**
 * Reads the text parts of a document.
 * @param lines The lines that are not tables (table lines blanked).
 * @param items The 款 and 项 the document's tables print, to read “…（款）…（项）” names.
 */
export function readTextParts(lines: readonly SourceLine[], items?: ItemNames): StageResult<NarrativeParts> {
  const kept = textLines(lines);
  const { nodes } = outlineOf(kept);
  const gathered: Gathered = { ...(items !== undefined ? { items } : {}), sections: [], other: [], unknownHeadings: [], unread: [], problems: [] };
  for (const node of nodes) walk(node, gathered, false);
  const problems: ImportProblem[] = [...gathered.problems];
  const recovered = recoverByHeadings(kept, gathered);
  if (recovered.length > 0) {
    problems.push({
      line: recovered[0]!.number,
      code: 'sections_by_heading',
      message: `${recovered.length} 个章节未能在文件的层次结构中定位（${quoted(recovered.map(plain))}）：只按标题认定它们已列出，其中的数字不参与核对`,
    });
  }
  const byContent = recoverByContent(gathered);
  if (byContent.length > 0) {
    problems.push({
      line: byContent[0]!.line,
      code: 'sections_by_content',
      message: `${byContent.length} 个标题未能识别的章节按其正文认定为必备的说明（${quoted(byContent.map((node) => node.heading))}）：其中的数字不参与核对`,
    });
  }
  const unknown = gathered.unknownHeadings.filter((node) => !byContent.includes(node));
  if (unknown.length > 0) {
    problems.push({
      line: unknown[0]!.line,
      code: 'unknown_sections',
      message: `${unknown.length} 个说明章节的标题未能识别（${quoted(unknown.map((node) => node.heading))}）：文字已保留在其他章节，其中的数字不参与核对`,
    });
  }
  if (gathered.unread.length > 0) {
    problems.push({
      line: gathered.unread[0]!.line,
      code: 'figures_unread',
      message: `情况说明中有 ${gathered.unread.length} 处数字未能识别（第一处：${gathered.unread[0]!.message}）：这些数字不参与核对`,
    });
  }
  const textSections = {
    ...(gathered.duties !== undefined ? { duties: gathered.duties } : {}),
    ...(gathered.organisation !== undefined ? { organisation: gathered.organisation } : {}),
    ...(gathered.glossary !== undefined && gathered.glossary.length > 0 ? { glossary: gathered.glossary } : {}),
    ...(gathered.other.length > 0 ? { other: gathered.other } : {}),
  };
  const value: NarrativeParts = {
    ...(gathered.sections.length > 0 ? { narrative: { sections: gathered.sections } } : {}),
    ...(gathered.assets !== undefined ? { assets: gathered.assets } : {}),
    ...(Object.keys(textSections).length > 0 ? { sections: textSections } : {}),
  };
  return { value, problems };
}
