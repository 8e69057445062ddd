/**
 * The outline of a disclosure's text, whatever its template: the contents pages are skipped, page
 * numbers and running headers dropped, and the remaining lines split at their headings — parts
 * (第三部分…), numbered headings (一、 （一） 1. (1), with rising numbers) and the centred unnumbered
 * titles some templates use (…主要职能, 名词解释, …预算编制说明). How deep a heading stands follows
 * from the order its numbering first appears in, not from the numbering itself: one template's
 * sections are 一、, another's 1. A heading may run into its text after “：” or “。”, or wrap onto a
 * second line.
 */
import { numeralValue } from '../../numerals.js';
import { type SourceLine } from '../types.js';
import { endsWithLeaders } from '../contents.js';

/** How a heading is numbered: 第一部分 (or a centred title), 一、, （一）, 1., (1). */
export type HeadingStyle = 'part' | 'section' | 'subsection' | 'item' | 'parenItem';

/** A heading and what stands under it. */
export interface OutlineNode {
  /** Depth in the outline: 0 for the top headings (parts, or sections in a document without parts). */
  readonly level: number;
  /** How its heading is numbered. */
  readonly style: HeadingStyle;
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
/** 1. 1、 (a point after a number starts a decimal, unless a year follows: 2.2026年…). */
const ITEM = /^(\d{1,2})\s*(?:、|[.．](?:(?!\d)|(?=\d{4}\s*年)))(.*)$/s;
const PAREN_ITEM = /^[(（](\d{1,2})[)）](.*)$/s;
/** Centred titles of templates without numbered parts (上海): matched at the end of the line. */
const UNNUMBERED_TITLES = /(?:主要职能|主要职责|机构设置|名词解释|预算编制说明|其他相关(?:情况)?说明)$/;

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
  return texts.length > 0 && texts.every((text) => text.length <= 45 && !/[。；]/.test(text)) && texts.some((text) => leaders(text) || PART.test(text) || numberingOf(text) !== undefined);
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

/** The numbered forms, outermost first as templates use them. */
const NUMBERED: readonly (readonly [RegExp, HeadingStyle])[] = [
  [SECTION, 'section'],
  [SUBSECTION, 'subsection'],
  [ITEM, 'item'],
  [PAREN_ITEM, 'parenItem'],
];

/** How a line's text is numbered, if it starts with a number (a heading's, or a list item's), and the words after it. */
function numberingOf(text: string): { style: HeadingStyle; number: number; rest: string } | undefined {
  for (const [pattern, style] of NUMBERED) {
    const match = pattern.exec(text);
    if (match !== null) return { style, number: style === 'item' || style === 'parenItem' ? Number(match[1]) : numeralValue(match[1]!), rest: match[2]! };
  }
  return undefined;
}

/** A heading found on a line: its level, number, words, and the text that runs on after it. */
interface HeadingMatch {
  readonly style: HeadingStyle;
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
  if (part !== null) return { style: 'part', number: numeralValue(part[1]!), title: part[2]!.replace(/^[\s：:]+/, '').trim() };
  const numbered = numberingOf(text);
  if (numbered !== undefined) {
    const { style, number } = numbered;
    const { title, runIn } = splitRunIn(numbered.rest.trim().replace(/^[：:]\s*/, ''));
    // A heading is short; a long first clause, or one stating an amount (2．公务用车购置及运行维护费预算支出 299.12 万元。), is a numbered sentence of the text.
    if (title.length === 0 || title.length > 40 || /[，,；;]/.test(title) || /\d\s*(?:万元|元)$/.test(title)) return undefined;
    return { style, number, title, ...(runIn !== undefined ? { runIn } : {}) };
  }
  const bare = text.replace(/\s+/g, '');
  if (bare.length <= 30 && UNNUMBERED_TITLES.test(bare) && !/[，,；;。：:]/.test(bare)) return { style: 'part', number: 0, title: bare };
  return undefined;
}

/**
 * The words of a line shaped as a heading (numbered, or a part's), ordinal removed; undefined for
 * any other line.
 * @param text The line's text.
 */
export function headingWords(text: string): string | undefined {
  return headingOf(text)?.title.replace(/\s+/g, '');
}

/** A short line of a part's words, under its number alone (第二部分 / 2026年部门预算表). */
function partTitleLine(text: string): boolean {
  return text !== '' && text.length <= 30 && headingOf(text) === undefined && !/[。；;，,：:]/.test(text);
}

/** How a section's title ends, even on a line that runs to the margin: …情况说明（详见表4）. */
const SECTION_TITLE_END = /^[^，,。；;：:]*(?:说明|情况)(?:[（(]详见[^）)]{1,12}[）)])?$/;

/**
 * The outline of the text lines (contents pages, page numbers and running headers already dropped).
 * Numbers must rise within their parent (a list numbered anew inside a section stays text, as does
 * the next item of a list the text runs); a heading is short, and one running to the margin must end
 * as a title does.
 * @param lines The text lines.
 */
export function outlineOf(lines: readonly SourceLine[]): { preamble: SourceLine[]; nodes: OutlineNode[] } {
  const root: OutlineNode = { level: -1, style: 'part', title: '', heading: '', line: 0, body: [], children: [] };
  const stack: OutlineNode[] = [root];
  const lastNumber = new Map<OutlineNode, Map<HeadingStyle, number>>();
  // The last number of each form that a node's text (not its headings) has used: a list in the text.
  const listed = new Map<OutlineNode, Map<HeadingStyle, number>>();
  const toBody = (line: SourceLine) => {
    const top = stack[stack.length - 1]!;
    top.body.push(line);
    const numbering = numberingOf(plain(line));
    if (numbering === undefined) return;
    const numbers = listed.get(top) ?? new Map<HeadingStyle, number>();
    numbers.set(numbering.style, numbering.number);
    listed.set(top, numbers);
  };
  const numberOf = new Map<OutlineNode, number>();
  const parentOf = (match: HeadingMatch): OutlineNode | undefined => {
    if (match.style === 'part') return root;
    const alike = stack.map((open, at) => ({ open, at })).filter(({ open, at }) => at > 0 && open.style === match.style);
    const continued = alike.findLast(({ open }) => match.number === numberOf.get(open)! + 1) ?? alike.findLast(({ open }) => match.number > numberOf.get(open)!);
    if (continued !== undefined) return stack[continued.at - 1]!;
    const top = stack[stack.length - 1]!;
    // A 1. restarts a list of its own under a heading of another form, or right under one numbered alike (10.其他重要事项 / 1.机关运行经费).
    const restarts = match.number === 1 && (top.style !== match.style || (top.body.length === 0 && top.children.length === 0));
    if (alike.length > 0 && !restarts) return undefined;
    return match.number > (lastNumber.get(top)?.get(match.style) ?? 0) ? top : undefined;
  };
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
      match.style !== 'part' &&
      match.runIn === undefined &&
      !/[。：:]$/.test(text) &&
      nextText !== '' &&
      nextText.length <= 12 &&
      headingOf(nextText) === undefined &&
      !/[。；;，,]/.test(nextText) &&
      !/^\d/.test(nextText);
    // A part's number alone on its line (第二部分), its words on the next short lines (2026年度 / 某某局 / 部门预算表).
    if (match?.style === 'part' && match.title === '' && partTitleLine(nextText)) {
      let words = '';
      for (let taken = 0; taken < 3 && !/(?:表|说明|概况|解释|情况)$/.test(words) && index + 1 < lines.length && partTitleLine(plain(lines[index + 1]!)); taken += 1) {
        words += plain(lines[index + 1]!).replace(/\s+/g, '');
        index += 1;
      }
      match = { ...match, title: words };
    } else if (wrapped && line.full === true) {
      match = { ...match!, title: match!.title + nextText.replace(/\s+/g, '') };
      index += 1;
    } else if (match !== undefined && match.style !== 'part' && match.runIn === undefined && line.full === true && !SECTION_TITLE_END.test(text.replace(/\s+/g, ''))) {
      match = undefined;
    }
    if (match === undefined || listed.get(stack[stack.length - 1]!)?.get(match.style) === match.number - 1) {
      // No heading, or the next item of a list the text runs (1. … 2. …), numbered as the sections are.
      toBody(line);
      continue;
    }
    // The parent: a heading numbered as an open one is its sibling (二、 closes 一、 and all under it);
    // a new numbering is a level below the innermost open heading, whatever its form, so a template
    // numbering its sections 1. 2. (and their parts （一）) nests as one numbering them 一、 (（一）) does.
    // When several open headings are numbered alike (sections 1. 2., and items 1. 2. under a （十）),
    // the number says which one it follows: the innermost it continues (3. after 2.), else the
    // innermost it exceeds; a 1. may start a list of its own.
    const parent = parentOf(match);
    if (parent === undefined) {
      // Not a heading after all: a list item inside the text.
      toBody(line);
      continue;
    }
    const numbers = lastNumber.get(parent) ?? new Map<HeadingStyle, number>();
    stack.length = stack.indexOf(parent) + 1;
    numbers.set(match.style, match.number);
    lastNumber.set(parent, numbers);
    const node: OutlineNode = {
      level: parent.level + 1,
      style: match.style,
      title: match.title,
      // A run-in heading's own words (（一）收入预算：); its text is the body's first line.
      heading: match.runIn !== undefined && text.lastIndexOf(match.runIn) > 0 ? text.slice(0, text.lastIndexOf(match.runIn)).trim() : text,
      line: line.number,
      body: match.runIn !== undefined ? [{ ...line, text: match.runIn, cells: [match.runIn] }] : [],
      children: [],
    };
    parent.children.push(node);
    stack.push(node);
    numberOf.set(node, match.number);
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
