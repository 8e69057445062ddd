/**
 * The outline of a disclosure's text, whatever its template: the contents pages are skipped, page
 * numbers and running headers dropped, and the remaining lines split at their headings — parts
 * (第三部分…), numbered sections (一、… with rising numbers), sub-sections ((一)… and 1.…) and the
 * centred unnumbered titles some templates use (…主要职能, 名词解释, …预算编制说明). A heading may
 * run into its text after “：” or “。”, or wrap onto a second line.
 */
import { numeralValue } from '../../numerals.js';
import { type SourceLine } from '../types.js';
import { endsWithLeaders } from '../contents.js';

/** A heading and what stands under it. */
export interface OutlineNode {
  /** Depth: 0 part, 1 section (一、), 2 sub-section ((一)), 3 item (1.). */
  readonly level: number;
  /** The heading's words, ordinal removed. */
  readonly title: string;
  /** The heading as printed. */
  readonly heading: string;
  /** Its line. */
  readonly line: number;
  /** Lines of text directly under it (before its first sub-heading), a run-in heading's text first. */
  readonly body: SourceLine[];
  /** Sub-headings. */
  readonly children: OutlineNode[];
}

/** A page number or a footer alone on its line: 12, - 12 -, — 12 —, 第 12 页. */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:(?:\s*[，,/])?\s*共\s*\d+\s*页)?|\d{1,3})$/;
/** The contents page's title. */
const CONTENTS = /^目\s*录$/;
/** A contents entry: leaders and a page number at the end, or a page number after a space. */
const leaders = (text: string): boolean => endsWithLeaders(text) || PAGE_AT_END.test(text);
const PAGE_AT_END = /\s\d{1,3}$/;

const PART = /^第([一二三四五六七八九十]+)部分(.*)$/s;
const SECTION = /^([一二三四五六七八九十]+)\s*[、.．](.*)$/s;
const SUBSECTION = /^[(（]([一二三四五六七八九十]+)[)）](.*)$/s;
const ITEM = /^(\d{1,2})\s*[.．、](?!\d)(.*)$/s;
/** Centred titles of templates without numbered parts (上海): matched at the end of the line. */
const UNNUMBERED_TITLES = /(?:主要职能|主要职责|机构设置|名词解释|预算编制说明|其他相关情况说明)$/;

function plain(line: SourceLine): string {
  return line.text.replace(/\f/g, '').trim();
}

/** Pages of the lines, in order, by the form feed that starts each page. */
function pagesOf(lines: readonly SourceLine[]): SourceLine[][] {
  const pages: SourceLine[][] = [];
  for (const line of lines) {
    if (line.text.includes('\f') || pages.length === 0) pages.push([]);
    pages[pages.length - 1]!.push(line);
  }
  return pages;
}

/** Whether a page is (a continuation of) the contents: its lines are short entries, none prose. */
function isContentsPage(page: readonly SourceLine[]): boolean {
  const texts = page.map(plain).filter((text) => text !== '' && !PAGE_NUMBER.test(text));
  return texts.length > 0 && texts.every((text) => text.length <= 45 && !/[。；]/.test(text)) && texts.some((text) => leaders(text) || PART.test(text) || SECTION.test(text));
}

/**
 * The lines of the text that matter for the outline: without contents pages and page numbers
 * (running headers are dropped before the stages).
 * @param lines All non-table lines.
 */
export function textLines(lines: readonly SourceLine[]): SourceLine[] {
  const pages = pagesOf(lines);
  const kept: SourceLine[] = [];
  let inContents = false;
  for (const page of pages) {
    const hasTitle = page.some((line) => CONTENTS.test(plain(line).replace(/\s+/g, '')));
    if (hasTitle) inContents = true;
    else if (inContents && !isContentsPage(page)) inContents = false;
    if (inContents) {
      // The contents may end on its last page: keep what follows the last entry only when it is prose.
      continue;
    }
    for (const line of page) {
      const text = plain(line);
      if (text === '' || PAGE_NUMBER.test(text)) continue;
      kept.push(line);
    }
  }
  return kept;
}

/** A heading found on a line: its level, number, words, and the text that runs on after it. */
interface HeadingMatch {
  readonly level: number;
  readonly number: number;
  readonly title: string;
  readonly runIn?: string;
}

/** Splits a heading that runs into its text at the first “：” or “。” (机关运行经费：2026 年…). */
function splitRunIn(words: string): { title: string; runIn?: string } {
  const stop = words.search(/[：:。]/);
  if (stop < 0) return { title: words };
  const title = words.slice(0, stop);
  const rest = words.slice(stop + 1).trim();
  return rest === '' ? { title } : { title, runIn: rest };
}

function headingOf(text: string): HeadingMatch | undefined {
  if (leaders(text) && /\.{3,}|…{2,}/.test(text)) return undefined;
  const part = PART.exec(text);
  if (part !== null) return { level: 0, number: numeralValue(part[1]!), title: part[2]!.replace(/^[\s：:]+/, '').trim() };
  const candidates: readonly [RegExp, number][] = [
    [SECTION, 1],
    [SUBSECTION, 2],
    [ITEM, 3],
  ];
  for (const [pattern, level] of candidates) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const number = level === 3 ? Number(match[1]) : numeralValue(match[1]!);
    const { title, runIn } = splitRunIn(match[2]!.trim());
    // A heading is short; a long first clause, or one stating an amount (2．公务用车购置及运行维护费预算支出 299.12 万元。), is a numbered sentence of the text.
    if (title.length === 0 || title.length > 40 || /[，,；;]/.test(title) || /\d\s*(?:万元|元)$/.test(title)) return undefined;
    return { level, number, title, ...(runIn !== undefined ? { runIn } : {}) };
  }
  const bare = text.replace(/\s+/g, '');
  if (bare.length <= 30 && UNNUMBERED_TITLES.test(bare) && !/[，,；;。：:]/.test(bare)) return { level: 0, number: 0, title: bare };
  return undefined;
}

/** How a section's title ends, even on a line that runs to the margin: …情况说明（详见表4）. */
const SECTION_TITLE_END = /^[^，,。；;：:]*(?:说明|情况)(?:[（(]详见[^）)]{1,12}[）)])?$/;

/**
 * The outline of the text lines (contents pages, page numbers and running headers already dropped).
 * Numbers must rise within their parent (a list numbered anew inside a section stays text); an
 * item (1.) is a heading only when it is short and followed by text.
 * @param lines The text lines.
 */
export function outlineOf(lines: readonly SourceLine[]): { preamble: SourceLine[]; nodes: OutlineNode[] } {
  const root: OutlineNode = { level: -1, title: '', heading: '', line: 0, body: [], children: [] };
  const stack: OutlineNode[] = [root];
  const lastNumber = new Map<OutlineNode, Map<number, number>>();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const text = plain(line);
    let match = headingOf(text);
    // A heading wrapped onto a short second line (… 收支预算情 / 况的总体说明); a line running to
    // the margin is otherwise the start of a wrapped list item, not a heading.
    const next = lines[index + 1];
    const nextText = next === undefined ? '' : plain(next);
    const wrapped =
      match !== undefined &&
      match.level > 0 &&
      match.runIn === undefined &&
      !/[。：:]$/.test(text) &&
      nextText !== '' &&
      nextText.length <= 12 &&
      headingOf(nextText) === undefined &&
      !/[。；;，,]/.test(nextText) &&
      !/^\d/.test(nextText);
    if (wrapped && line.full === true) {
      match = { ...match!, title: match!.title + nextText.replace(/\s+/g, '') };
      index += 1;
    } else if (match !== undefined && match.level > 0 && match.runIn === undefined && line.full === true && !SECTION_TITLE_END.test(text.replace(/\s+/g, ''))) {
      match = undefined;
    }
    if (match === undefined) {
      stack[stack.length - 1]!.body.push(line);
      continue;
    }
    // The parent: the nearest open node of a lower level.
    while (stack.length > 1 && stack[stack.length - 1]!.level >= match.level) stack.pop();
    const parent = stack[stack.length - 1]!;
    const numbers = lastNumber.get(parent) ?? new Map<number, number>();
    const last = numbers.get(match.level) ?? 0;
    const rising = match.level === 0 || match.number > last;
    if (!rising) {
      // Not a heading after all: a list item inside the text.
      stack[stack.length - 1]!.body.push(line);
      continue;
    }
    numbers.set(match.level, match.number);
    lastNumber.set(parent, numbers);
    const node: OutlineNode = {
      level: match.level,
      title: match.title,
      // A run-in heading's own words (（一）收入预算：); its text is the body's first line.
      heading: match.runIn !== undefined && text.lastIndexOf(match.runIn) > 0 ? text.slice(0, text.lastIndexOf(match.runIn)).trim() : text,
      line: line.number,
      body: match.runIn !== undefined ? [{ ...line, text: match.runIn, cells: [match.runIn] }] : [],
      children: [],
    };
    parent.children.push(node);
    stack.push(node);
  }
  return { preamble: root.body, nodes: root.children };
}

/**
 * All lines under a node: its body and its children's headings and bodies, in order.
 * @param node The node.
 */
export function allLines(node: OutlineNode): SourceLine[] {
  const lines: SourceLine[] = [...node.body];
  for (const child of node.children) {
    lines.push({ number: child.line, text: child.heading, cells: [child.heading] }, ...allLines(child));
  }
  return lines.sort((a, b) => a.number - b.number);
}
