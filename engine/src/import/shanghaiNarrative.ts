/**
 * The text parts of the Shanghai template (space-aligned `pdftotext -layout` text). Its body has
 * no 第N部分 headings but centred part titles: "…主要职能", "…机构设置", "名词解释", "2025年部门预算
 * 编制说明", the tables (read by layoutTables.ts), "其他相关情况说明" (numbered sections on 三公,
 * 机关运行经费, 政府采购, 绩效目标 and 国有资产) and one "…项目经费情况说明" per project. Duties,
 * organisation and glossary go to `sections`, the 编制说明 and the numbered sections of 其他相关情况说明
 * to `narrative.sections` with their figures, 国有资产 to `assets`, the project explanations to
 * `sections.other`. Lines inside a table's region are left to the tables; every other non-blank
 * line is kept in a text or reported as a problem at its line.
 */
import { type Figure, type NarrativeSection, type Table } from '../document/model.js';
import { type NarrativeSectionId } from './figures.js';
import { isBlank } from './lines.js';
import { type GlossaryEntry, type NarrativeParts, SECTION_HEADINGS, type TextSection, glossaryTerm } from './narrative.js';
import { type AssetsPart } from './narrativeAssets.js';
import { type TableRegion } from './layoutTables.js';
import { readShanghaiAssets } from './shanghaiAssets.js';
import { type CodeBook, codeBookOf, readShanghaiFigures } from './shanghaiFigures.js';
import { type Paragraph, firstLine, fullWidthOf, linesOf, paragraphsOf } from './shanghaiText.js';
import { type ImportProblem, type SourceLine, type StageResult } from './types.js';

/** The parts of the Shanghai template's body. */
type PartKind = 'duties' | 'organisation' | 'glossary' | 'budgetNotes' | 'otherNotes' | 'project';

/** Part titles (spaces and a leading "一、" removed) → parts. */
const PART_TITLES: readonly (readonly [RegExp, PartKind])[] = [
  [/(?:主要职能|部门职责|主要职责)$/, 'duties'],
  [/机构设置(?:情况)?$/, 'organisation'],
  [/^名词解释$/, 'glossary'],
  [/预算编制说明$/, 'budgetNotes'],
  [/其他相关(?:情况)?说明$/, 'otherNotes'],
  [/项目经费情况说明$/, 'project'],
];

const TOC_TITLE = /^目录$/;
const TOC_ENTRY = /…{2,}|\.{4,}|·{4,}/;
const COVER = /^(?:预算主管部门|主管部门|部门名称|单位名称)\s*[：:]/;
const NUMBERED_HEADING = /^[一二三四五六七八九十]+、[^。；;，,]{1,40}$/;
const GLOSSARY_TERM = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|[一二三四五六七八九十]+、)([^：:]+)[：:](.*)$/s;

/** A part: its title line and body lines. */
interface Part {
  readonly kind: PartKind;
  readonly title: SourceLine;
  readonly body: SourceLine[];
}

function plain(line: SourceLine): string {
  return line.text.replace(/\f/g, '').trim();
}

/**
 * The part a line is the title of, if it is one: a short line without sentence punctuation or
 * table-of-contents leaders, ending in a part's name.
 * @param line The line.
 */
function partTitle(line: SourceLine): PartKind | undefined {
  const text = plain(line);
  if (text === '' || text.length > 60 || TOC_ENTRY.test(text) || /[。，,；;：:]/.test(text)) return undefined;
  const bare = text.replace(/\s+/g, '').replace(/^[一二三四五六七八九十]+、/, '');
  return PART_TITLES.find(([pattern]) => pattern.test(bare))?.[1];
}

function unrecognised(line: number, message: string): ImportProblem {
  return { line, code: 'unrecognised_text', message };
}

function paragraphProblems(paragraphs: readonly Paragraph[], message: (text: string) => string): ImportProblem[] {
  return paragraphs.flatMap((paragraph) => linesOf(paragraph).map((line) => unrecognised(line, message(paragraph.text))));
}

function textOf(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((paragraph) => paragraph.text).join('\n');
}

/**
 * Which lines belong to tables: each read table's lines, and a table that was not read up to the
 * next part title (it is reported as an unknown table).
 * @param lines The lines.
 * @param regions The tables' regions.
 */
function tableLines(lines: readonly SourceLine[], regions: readonly TableRegion[]): Set<number> {
  const numbers = new Set<number>();
  for (const region of regions) {
    for (const line of lines) {
      if (line.number < region.from || line.number > region.to) continue;
      if (!region.read && line.number > region.from && partTitle(line) !== undefined) break;
      numbers.add(line.number);
    }
  }
  return numbers;
}

/** What the parts contribute, gathered while reading them. */
interface Gathered {
  readonly narrative: NarrativeSection[];
  readonly other: TextSection[];
  readonly glossary: GlossaryEntry[];
  duties?: TextSection;
  organisation?: TextSection;
  assets?: AssetsPart;
  readonly problems: ImportProblem[];
}

function readGlossary(paragraphs: readonly Paragraph[], gathered: Gathered): void {
  const entries: { term: string; definition: string[]; line: number }[] = [];
  for (const paragraph of paragraphs) {
    const term = glossaryTerm(GLOSSARY_TERM, paragraph.text);
    const current = entries[entries.length - 1];
    if (term !== undefined) entries.push({ term: term.term, definition: term.definition === '' ? [] : [term.definition], line: firstLine(paragraph) });
    else if (current !== undefined) current.definition.push(paragraph.text);
    else gathered.problems.push(...paragraphProblems([paragraph], (text) => `名词解释中不是“序号、名词：解释”的文字“${text}”，未导入`));
  }
  gathered.glossary.push(...entries.map(({ term, definition, line }) => ({ term, definition: definition.join('\n'), line })));
}

function sectionIdOf(heading: string): NarrativeSectionId | undefined {
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(heading))?.[1];
}

function narrativeSection(id: NarrativeSectionId | undefined, heading: string, line: number, paragraphs: readonly Paragraph[], book: CodeBook, gathered: Gathered): void {
  const { figures, problems } = readShanghaiFigures(paragraphs, id, book);
  gathered.problems.push(...problems);
  const section: NarrativeSection & { figures: readonly Figure[] } = { ...(id !== undefined ? { id } : {}), heading, text: textOf(paragraphs), figures, line };
  gathered.narrative.push(section);
}

/**
 * Reads 其他相关情况说明: its numbered sections, each by its heading's words.
 * @param paragraphs The part's paragraphs.
 * @param book The tables' codes.
 * @param gathered Where the results go.
 */
function readOtherNotes(paragraphs: readonly Paragraph[], book: CodeBook, gathered: Gathered): void {
  const blocks: { heading: Paragraph; body: Paragraph[] }[] = [];
  const preamble: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    if (NUMBERED_HEADING.test(paragraph.text)) blocks.push({ heading: paragraph, body: [] });
    else (blocks[blocks.length - 1]?.body ?? preamble).push(paragraph);
  }
  gathered.problems.push(...paragraphProblems(preamble, (text) => `其他相关情况说明中位于第一个编号标题之前的文字“${text}”，不属于任何章节，未导入`));
  for (const { heading, body } of blocks) {
    const id = sectionIdOf(heading.text);
    const line = firstLine(heading);
    if (id === 'assets') {
      const read = readShanghaiAssets(body);
      gathered.problems.push(...read.problems);
      if (gathered.assets === undefined) gathered.assets = read.assets;
      else gathered.other.push({ heading: heading.text, text: textOf(body), line });
    } else if (id === 'other') {
      gathered.other.push({ heading: heading.text, text: textOf(body), line });
    } else {
      if (id === undefined) gathered.problems.push(unrecognised(line, `未能识别说明章节“${heading.text}”：文字已保留，但没有章节标识，规则无法引用`));
      narrativeSection(id, heading.text, line, body, book, gathered);
    }
  }
}

function readPart(part: Part, fullWidth: number, book: CodeBook, gathered: Gathered): void {
  const heading = plain(part.title).replace(/\s+/g, '');
  const line = part.title.number;
  const paragraphs = paragraphsOf(part.body, fullWidth);
  const section: TextSection = { heading, text: textOf(paragraphs), line };
  switch (part.kind) {
    case 'duties':
      if (gathered.duties === undefined) gathered.duties = section;
      else gathered.other.push(section);
      return;
    case 'organisation':
      if (gathered.organisation === undefined) gathered.organisation = section;
      else gathered.other.push(section);
      return;
    case 'glossary':
      readGlossary(paragraphs, gathered);
      return;
    case 'budgetNotes':
      narrativeSection('overview', heading, line, paragraphs, book, gathered);
      return;
    case 'otherNotes':
      readOtherNotes(paragraphs, book, gathered);
      return;
    case 'project':
      gathered.other.push(section);
      return;
  }
}

/**
 * Imports the text parts of a Shanghai-template disclosure in the space-aligned layout.
 * @param lines The lines after the cover title.
 * @param regions The lines of each table (from importLayoutTablesWithRegions), which are not text.
 * @param tables The imported tables, whose code rows resolve the subjects the 编制说明 lists by name.
 */
export function importShanghaiNarrative(lines: readonly SourceLine[], regions: readonly TableRegion[], tables: Readonly<Record<string, Table | undefined>>): StageResult<NarrativeParts> {
  const inTables = tableLines(lines, regions);
  const text = lines.filter((line) => !inTables.has(line.number));
  const fullWidth = fullWidthOf(text);
  const book = codeBookOf(tables);
  const gathered: Gathered = { narrative: [], other: [], glossary: [], problems: [] };
  const parts: Part[] = [];
  let current: Part | undefined;
  let front = true;
  const titled = lines.some((line) => !inTables.has(line.number) && partTitle(line) !== undefined);
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (inTables.has(line.number)) {
      current = undefined;
      front = false;
      continue;
    }
    const kind = partTitle(line);
    if (kind !== undefined) {
      current = { kind, title: line, body: [] };
      parts.push(current);
      front = false;
    } else if (current !== undefined) {
      current.body.push(line);
    } else if (front) {
      const printed = plain(line);
      if (!COVER.test(printed) && !TOC_TITLE.test(printed.replace(/\s+/g, '')) && !TOC_ENTRY.test(printed)) {
        const where = titled ? '封面或目录中的文字' : '文字（文中没有“主要职能”“预算编制说明”“其他相关情况说明”等部分标题）';
        gathered.problems.push(unrecognised(line.number, `${where}“${printed}”不属于任何已知部分，未导入`));
      }
    } else {
      gathered.problems.push(unrecognised(line.number, `报表之后、下一个部分标题之前的文字“${plain(line)}”不属于任何部分，未导入`));
    }
  }
  for (const part of parts) readPart(part, fullWidth, book, gathered);

  const sections = {
    ...(gathered.duties !== undefined ? { duties: gathered.duties } : {}),
    ...(gathered.organisation !== undefined ? { organisation: gathered.organisation } : {}),
    ...(gathered.glossary.length > 0 ? { glossary: gathered.glossary } : {}),
    ...(gathered.other.length > 0 ? { other: gathered.other } : {}),
  };
  const value: NarrativeParts = {
    ...(gathered.narrative.length > 0 ? { narrative: { sections: gathered.narrative } } : {}),
    ...(gathered.assets !== undefined ? { assets: gathered.assets } : {}),
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
  };
  return { value, problems: gathered.problems.sort((a, b) => a.line - b.line) };
}
