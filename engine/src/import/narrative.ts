/**
 * The narrative stage: duties and organisation from 第一部分, the numbered sections of 第三部分
 * (their text and the figures they state), the approval letter (批复) and 其他说明 as other
 * sections, 国有资产占有使用情况 as assets, and the glossary of 第四部分. The performance-target
 * tables are left to the performance stage. Every non-blank line is either kept in a text or
 * reported as a problem.
 */
import { type Figure, type NarrativeSection } from '../document/model.js';
import { type NarrativeSectionId, readFigures } from './figures.js';
import { isBlank } from './lines.js';
import { type AssetsPart, readAssets } from './narrativeAssets.js';
import { splitPerformanceBlocks } from './performanceBlocks.js';
import { type Segments } from './segment.js';
import { numeralValue } from '../numerals.js';
import { type ImportProblem, type SourceLine, type StageResult } from './types.js';

export { type AssetsPart } from './narrativeAssets.js';

/** A section kept as heading and text (`$defs.textSection`). */
export interface TextSection {
  /** Heading as printed. */
  readonly heading: string;
  /** Text, lines joined with "\n". */
  readonly text: string;
  /** Where each source line starts in the text: [offset, line] pairs. */
  readonly textLines?: readonly (readonly [number, number])[];
  /** Line of the heading. */
  readonly line?: number;
}

/** A glossary entry. */
export interface GlossaryEntry {
  /** The term. */
  readonly term: string;
  /** Its definition. */
  readonly definition: string;
  /** Line of the term. */
  readonly line?: number;
}

/** What the narrative stage contributes to the document. */
export interface NarrativeParts {
  /** The numbered sections of 第三部分 with their figures. */
  readonly narrative?: { readonly sections: readonly NarrativeSection[] };
  /** 国有资产占有使用情况. */
  readonly assets?: AssetsPart;
  /** Duties, organisation, glossary and other sections. */
  readonly sections?: {
    readonly duties?: TextSection;
    readonly organisation?: TextSection;
    readonly glossary?: readonly GlossaryEntry[];
    readonly other?: readonly TextSection[];
  };
}

/** The projects a performance section lists: "具体包括派遣人员劳务费、委托业务费、……。" */
const CITED_PROJECTS = /具体包括[:：]?([^。；;]+)/u;

/**
 * The project names a performance section lists after “具体包括”, in order.
 * @param text The section text.
 */
export function citedProjects(text: string): string[] {
  const list = CITED_PROJECTS.exec(text)?.[1];
  if (list === undefined) return [];
  return list
    .split(/[、，,]/u)
    .map((name) => name.replace(/\s+/gu, '').replace(/等$/u, ''))
    .filter((name) => name !== '');
}

/** Section headings' words → ids, first match wins (三公 before 变动, 基本支出 before 一般公共预算). */
export const SECTION_HEADINGS: readonly (readonly [RegExp, NarrativeSectionId])[] = [
  [/三公/, 'threePublicExpenses'],
  [/政府性基金/, 'governmentFunds'],
  [/国有资本经营/, 'stateCapital'],
  [/机关运行经费/, 'agencyOperatingCosts'],
  [/政府(?:集中)?采购|采购(?:预算|情况)/, 'procurement'],
  [/绩效/, 'performance'],
  [/国有资产|资产占有/, 'assets'],
  [/其他(?:相关|重要|需要|特殊)?(?:事项的?)?(?:情况)?说明|其他事项|^其他$|委托业务费/, 'other'],
  [/预算编制说明/, 'overview'],
  [/财政拨款/, 'fiscalAppropriation'],
  [/基本支出/, 'basicExpenditure'],
  [/一般公共预算/, 'generalBudget'],
  [/变动|增减变化情况|收支(?:预算)?总(?:体|表)|收支(?:预算)?(?:情况|说明)/, 'overview'],
  [/收入/, 'income'],
  [/支出/, 'expenditure'],
];

/**
 * A glossary entry's term and definition, trimmed, from a pattern capturing the text before the
 * first colon and the text after it; undefined when the line is not one or its term is blank.
 * @param pattern The template's entry pattern.
 * @param text The line or paragraph.
 */
export function glossaryTerm(pattern: RegExp, text: string): { term: string; definition: string } | undefined {
  const match = pattern.exec(text);
  const term = match?.[1]?.trim();
  return term === undefined || term === '' ? undefined : { term, definition: match![2]!.trim() };
}

const NUMBERED = /^\s*([一二三四五六七八九十]+)、/;
const SUBHEADING = /^\s*[（(][一二三四五六七八九十]+[）)]\s*\S/;
const LETTER_TITLE = /关于.*批复\s*$/;
const DOCUMENT_NUMBER = /[〔[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号/;
/** A glossary entry's numbering (一、 一. 1. 1、 （一） (1) ①), then its term up to the first colon, then the definition (both trimmed by glossaryTerm). */
const GLOSSARY_TERM = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|[\u2460-\u2473])([^：:]+)[：:](.*)$/s;
/** An unnumbered entry: a short term (no punctuation) and a colon at the start of a paragraph (财政拨款收入：指…). */
const UNNUMBERED_TERM = /^\s*([\u4e00-\u9fff“”（）()、\w]{2,20})[：:](.*)$/s;

function unrecognised(line: SourceLine, message: string): ImportProblem {
  return { line: line.number, code: 'unrecognised_text', message };
}

/** A section's text (its lines trimmed, blank ones left out), and where each of its source lines starts in it ([offset, line] pairs). */
function textWithLines(lines: readonly SourceLine[]): { text: string; textLines?: readonly (readonly [number, number])[] } {
  const kept = lines.filter((line) => !isBlank(line));
  const starts: (readonly [number, number])[] = [];
  let offset = 0;
  for (const line of kept) {
    starts.push([offset, line.number]);
    offset += line.text.trim().length + 1;
  }
  const text = kept.map((line) => line.text.trim()).join('\n');
  return starts.length === 0 ? { text } : { text, textLines: starts };
}

function problemsFor(lines: readonly SourceLine[], message: (line: SourceLine) => string): ImportProblem[] {
  return lines.filter((line) => !isBlank(line)).map((line) => unrecognised(line, message(line)));
}

/** A run of lines under one heading. */
interface Block {
  readonly heading: SourceLine;
  readonly body: SourceLine[];
}

/**
 * Splits lines at numbered headings ("一、…") whose numbers rise, so that a list numbered anew
 * inside a section (e.g. the points of a letter) stays text.
 * @param lines The lines.
 * @param isHeading Extra test a heading line must pass.
 */
function numberedBlocks(lines: readonly SourceLine[], isHeading: (line: SourceLine) => boolean = () => true): { preamble: SourceLine[]; blocks: Block[] } {
  const preamble: SourceLine[] = [];
  const blocks: Block[] = [];
  let last = 0;
  for (const line of lines) {
    const match = NUMBERED.exec(line.text);
    const number = match === null ? 0 : numeralValue(match[1]!);
    if (match !== null && number > last && isHeading(line)) {
      last = number;
      blocks.push({ heading: line, body: [] });
    } else {
      (blocks[blocks.length - 1]?.body ?? preamble).push(line);
    }
  }
  return { preamble, blocks };
}

function readOverview(lines: readonly SourceLine[]): { duties?: TextSection; organisation?: TextSection; problems: ImportProblem[] } {
  const { preamble, blocks } = numberedBlocks(lines);
  const problems = problemsFor(preamble, () => '概况部分中不属于“本部门职责”或“机构设置情况”的文字，未导入');
  let duties: TextSection | undefined;
  let organisation: TextSection | undefined;
  for (const { heading, body } of blocks) {
    const section: TextSection = { heading: heading.text.trim(), ...textWithLines(body), line: heading.number };
    if (/职责|职能/.test(heading.text) && duties === undefined) duties = section;
    else if (/机构/.test(heading.text) && organisation === undefined) organisation = section;
    else {
      problems.push(
        unrecognised(heading, `概况中的标题“${section.heading}”不是“本部门职责”或“机构设置情况”，这一节未导入`),
        ...problemsFor(body, () => `属于未导入的概况标题“${section.heading}”之下的文字`),
      );
    }
  }
  return { ...(duties !== undefined ? { duties } : {}), ...(organisation !== undefined ? { organisation } : {}), problems };
}

/**
 * Reads a glossary: entries “序号、名词：解释” (or, when none is numbered, “名词：解释” starting a
 * paragraph) and the lines that continue them.
 * @param lines The glossary's lines.
 */
export function readGlossary(lines: readonly SourceLine[]): { glossary: GlossaryEntry[]; problems: ImportProblem[] } {
  const glossary: { term: string; definition: string[]; line: number }[] = [];
  const problems: ImportProblem[] = [];
  const kept = lines.filter((line) => !isBlank(line));
  // Terms are numbered, or (when none is) each starts a paragraph: the line before ended a sentence.
  const numbered = kept.some((line) => glossaryTerm(GLOSSARY_TERM, line.text) !== undefined);
  kept.forEach((line, index) => {
    const startsParagraph = index === 0 || /[。.；;]\s*$/.test(kept[index - 1]!.text);
    const term = numbered ? glossaryTerm(GLOSSARY_TERM, line.text) : startsParagraph ? glossaryTerm(UNNUMBERED_TERM, line.text) : undefined;
    const current = glossary[glossary.length - 1];
    if (term !== undefined) {
      glossary.push({ term: term.term, definition: term.definition === '' ? [] : [term.definition], line: line.number });
    } else if (current !== undefined) {
      current.definition.push(line.text.trim());
    } else {
      problems.push(unrecognised(line, `名词解释中不是“序号、名词：解释”的文字“${line.text.trim()}”，未导入`));
    }
  });
  return { glossary: glossary.map(({ term, definition, line }) => ({ term, definition: definition.join('\n'), line })), problems };
}

/**
 * Where approval letters start among the narrative's lines: at the letter's title ("…关于…的批复"),
 * or before it at the issuer (a line the title starts with) and the document number (〔2025〕4号).
 * @param lines The lines.
 */
function letterStarts(lines: readonly SourceLine[]): Map<number, number> {
  const starts = new Map<number, number>();
  lines.forEach((line, titleIndex) => {
    if (!LETTER_TITLE.test(line.text)) return;
    const title = line.text.trim();
    let start = titleIndex;
    for (let index = titleIndex - 1; index >= 0; index -= 1) {
      const candidate = lines[index]!;
      if (isBlank(candidate)) continue;
      const text = candidate.text.trim();
      if (!DOCUMENT_NUMBER.test(text) && !title.startsWith(text)) break;
      start = index;
    }
    starts.set(start, titleIndex);
  });
  return starts;
}

/** A part of the narrative: a numbered section or an approval letter. */
type NarrativeBlock = { readonly kind: 'section'; readonly heading: SourceLine; readonly body: SourceLine[] } | { readonly kind: 'letter'; readonly title: SourceLine; readonly body: SourceLine[] };

function narrativeBlocks(lines: readonly SourceLine[]): { preamble: SourceLine[]; blocks: NarrativeBlock[] } {
  const starts = letterStarts(lines);
  const preamble: SourceLine[] = [];
  const blocks: NarrativeBlock[] = [];
  let last = 0;
  let titleIndex: number | undefined;
  lines.forEach((line, index) => {
    const letterTitle = starts.get(index);
    const match = NUMBERED.exec(line.text);
    const number = match === null ? 0 : numeralValue(match[1]!);
    if (letterTitle !== undefined) {
      titleIndex = letterTitle;
      blocks.push({ kind: 'letter', title: lines[letterTitle]!, body: letterTitle === index ? [] : [line] });
    } else if (match !== null && number > last && !/[。；;]$/.test(line.text.trim())) {
      last = number;
      blocks.push({ kind: 'section', heading: line, body: [] });
    } else if (index !== titleIndex) {
      (blocks[blocks.length - 1]?.body ?? preamble).push(line);
    }
  });
  return { preamble, blocks };
}

function sectionIdOf(heading: string): NarrativeSectionId | undefined {
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(heading))?.[1];
}

/** A heading's words naming the budget as a whole and nothing else (部门预算情况说明, 2024年单位预算说明). */
const WHOLE_BUDGET = /^(?:\d{4}年度?)?(?:部门|单位)预算(?:情况)?说明$/;

/**
 * The subject of a section with no sections under it whose heading names the budget as a whole
 * (重庆's districts: 二、部门预算情况说明, 三、单位预算情况说明), by its first clause: the
 * appropriation's when it names the appropriation (2025年一般公共预算财政拨款收入…), else the budget's
 * overview (本年单位预算收入…); undefined for any other heading. A part's title (第三部分 2026年部门预算
 * 情况说明) or a heading over sections of its own is no such heading.
 * @param title The heading's words, its number removed.
 * @param body The section's text.
 */
export function subjectOfWholeBudget(title: string, body: string): NarrativeSectionId | undefined {
  if (!WHOLE_BUDGET.test(title.replace(/\s+/g, ''))) return undefined;
  const first = body.replace(/\s+/g, '').split(/[。；，,]/)[0]!;
  return /财政拨款/.test(first) ? 'fiscalAppropriation' : 'overview';
}

function otherSections(heading: SourceLine, body: readonly SourceLine[]): TextSection[] {
  const sections: { heading: SourceLine; body: SourceLine[] }[] = [];
  const lead: SourceLine[] = [];
  for (const line of body) {
    if (SUBHEADING.test(line.text)) sections.push({ heading: line, body: [] });
    else (sections[sections.length - 1]?.body ?? lead).push(line);
  }
  const own = lead.some((line) => !isBlank(line)) || sections.length === 0 ? [{ heading, body: lead }] : [];
  return [...own, ...sections].map((section) => ({ heading: section.heading.text.trim(), ...textWithLines(section.body), line: section.heading.number }));
}

/**
 * Imports the narrative, assets and text sections of a disclosure.
 * @param segments The parts of the text (every figure's unit is printed: no context needed).
 */
export function importNarrative(segments: Segments): StageResult<NarrativeParts> {
  const problems: ImportProblem[] = [];
  const overview = readOverview(segments.overview);
  problems.push(...overview.problems);

  const sections: NarrativeSection[] = [];
  const other: TextSection[] = [];
  let assets: AssetsPart | undefined;
  const { rest } = splitPerformanceBlocks(segments.narrative);
  const { preamble, blocks } = narrativeBlocks(rest);
  problems.push(...problemsFor(preamble, (line) => `情况说明中位于第一个编号标题之前的文字“${line.text.trim()}”，不属于任何章节，未导入`));
  for (const block of blocks) {
    if (block.kind === 'letter') {
      other.push({ heading: block.title.text.trim(), ...textWithLines(block.body), line: block.title.number });
      continue;
    }
    const heading = block.heading.text.trim();
    // (A section's heading is numbered 一、: its words are what follows.)
    const id = sectionIdOf(heading) ?? subjectOfWholeBudget(heading.replace(NUMBERED, ''), block.body.map((line) => line.text).join(''));
    if (id === 'assets') {
      const read = readAssets(block.body);
      if (assets === undefined) assets = read.assets;
      else problems.push(unrecognised(block.heading, `重复的国有资产章节“${heading}”，未导入`), ...problemsFor(block.body, () => `属于重复的国有资产章节“${heading}”的文字，未导入`));
      problems.push(...read.problems);
      continue;
    }
    if (id === 'other') {
      other.push(...otherSections(block.heading, block.body));
      continue;
    }
    const { figures, problems: figureProblems } = readFigures(block.body, id);
    problems.push(...figureProblems);
    if (id === undefined) problems.push(unrecognised(block.heading, `未能识别说明章节“${heading}”：文字已保留，但没有章节标识，规则无法引用`));
    const { text, textLines } = textWithLines(block.body);
    const projects = id === 'performance' ? citedProjects(text) : [];
    const section: NarrativeSection & { figures: readonly Figure[] } = {
      ...(id !== undefined ? { id } : {}),
      heading,
      text,
      figures,
      ...(projects.length > 0 ? { projects } : {}),
      ...(textLines !== undefined ? { textLines } : {}),
      line: block.heading.number,
    };
    sections.push(section);
  }

  const glossary = readGlossary(segments.glossary);
  problems.push(...glossary.problems);

  const textSections = {
    ...(overview.duties !== undefined ? { duties: overview.duties } : {}),
    ...(overview.organisation !== undefined ? { organisation: overview.organisation } : {}),
    ...(glossary.glossary.length > 0 ? { glossary: glossary.glossary } : {}),
    ...(other.length > 0 ? { other } : {}),
  };
  const value: NarrativeParts = {
    ...(sections.length > 0 ? { narrative: { sections } } : {}),
    ...(assets !== undefined ? { assets } : {}),
    ...(Object.keys(textSections).length > 0 ? { sections: textSections } : {}),
  };
  return { value, problems: problems.sort((a, b) => a.line - b.line) };
}
