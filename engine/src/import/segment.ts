/**
 * Finding the parts of a disclosure in its lines: the body's part headings (第一部分 概况 …
 * 第四部分 名词解释), after the table of contents. A template without part headings (e.g.
 * Shanghai's "一、部门主要职能 … 七、项目经费情况说明") yields one `body` part and no others; the
 * stages then look for their own headings.
 */
import { type SourceLine } from './types.js';
import { isContentsEntry } from './contents.js';

/** The parts of a disclosure, as ranges of lines (empty when the template has no such part). */
export interface Segments {
  /** Cover and table of contents. */
  readonly front: readonly SourceLine[];
  /** 第一部分 概况: duties and organisation. */
  readonly overview: readonly SourceLine[];
  /** 第二部分 the tables. */
  readonly tables: readonly SourceLine[];
  /** 第三部分 the narrative (with attachments such as the approval letter and 绩效目标表). */
  readonly narrative: readonly SourceLine[];
  /** 第四部分 名词解释. */
  readonly glossary: readonly SourceLine[];
  /** Everything after the front matter, when the template has no part headings. */
  readonly body: readonly SourceLine[];
}

const PART = /^\s*第([一二三四])部分(.*)$/s;

/**
 * Splits lines into the parts of a disclosure.
 * @param lines All lines.
 */
export function segment(lines: readonly SourceLine[]): Segments {
  const starts = new Map<string, number>();
  lines.forEach((line, index) => {
    const match = PART.exec(line.text);
    if (match === null || isContentsEntry(line.text)) return;
    if (!starts.has(match[1]!)) starts.set(match[1]!, index);
  });
  const order = ['一', '二', '三', '四'].filter((part) => starts.has(part)).map((part) => [part, starts.get(part)!] as const);
  const slice = (part: string): readonly SourceLine[] => {
    const position = order.findIndex(([name]) => name === part);
    if (position < 0) return [];
    const from = order[position]![1] + 1;
    const to = order[position + 1]?.[1] ?? lines.length;
    return lines.slice(from, to);
  };
  const firstPart = order[0]?.[1];
  const front = lines.slice(0, firstPart ?? 0);
  return {
    front,
    overview: slice('一'),
    tables: slice('二'),
    narrative: slice('三'),
    glossary: slice('四'),
    body: firstPart === undefined ? lines : [],
  };
}
