/**
 * Finding the printed tables in positioned lines: a table starts at its title (a line, or two
 * when the title wraps, naming one of the national tables) when a header or a unit line follows
 * it — so contents pages, whose entries follow each other, are never tables. It runs to the next
 * table, a part heading or prose; on a continued page the repeated title block and header are
 * skipped. Each table comes back with its title block, header lines, data lines and note.
 */
import { type PositionedLine } from '../positioned/model.js';
import { LABEL_HEADER, joinSpaced } from './grid.js';
import { TABLE_LABEL, type TableKind, bareTitle, hasTitleForm, kindOfTitle } from './titles.js';

/** One printed table's lines, sorted into their parts. */
export interface TableBlock {
  /** What it is. */
  readonly kind: TableKind;
  /** The title as printed (label removed). */
  readonly title: string;
  /** The label (公开表1, 表一…), if printed. */
  readonly label?: string;
  /** The unit stated above it. */
  readonly unit?: '元' | '万元';
  /** The department or unit named above it. */
  readonly department?: string;
  /** The title's line. */
  readonly line: number;
  /** The last line of the table. */
  readonly to: number;
  /** Header lines (the first page's). */
  readonly header: readonly PositionedLine[];
  /** Data lines, every page. */
  readonly body: readonly PositionedLine[];
  /** The note under it (注：…), joined. */
  readonly note?: string;
}

/** A page footer or header: a page number alone. */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:(?:\s*[，,/])?\s*共\s*\d+\s*页)?|\d{1,3}|\d+\s*\/\s*\d+)$/;
/** The unit line: 单位：万元, 金额单位：元, 单位：人民币万元. */
const UNIT = /(?:金额)?单\s*位\s*[：:]\s*(?:人民币)?(万\s*元|元)/;
/** The unit alone at the end of a title block's line (湖州: “511-退役军人事务局 … 万元”). */
const BARE_UNIT = /^[（(]?(万\s*元|元)[)）]?$/;

/** The unit a line states, as 单位：万元 or as the unit alone in its last cell. */
function unitIn(line: PositionedLine): '元' | '万元' | undefined {
  const stated = UNIT.exec(line.text)?.[1] ?? (line.spans.length > 1 ? BARE_UNIT.exec(bare(line.spans[line.spans.length - 1]!.text))?.[1] : undefined);
  // Letter-spaced (单位：万 元) or not, the same unit.
  return stated === undefined ? undefined : stated.includes('万') ? '万元' : '元';
}
/** Lines a table's title block may hold past where its rows end (a title printed again, or an empty table's unit and header). */
const TITLE_BLOCK_LINES = 4;
/** Whether a line states its unit as a title block does: at the line's end (单位：万元, （单位：元）). */
function statesUnitAtEnd(text: string): boolean {
  const match = UNIT.exec(text);
  return match !== null && /^[)）]?\s*$/.test(text.slice(match.index + match[0].length));
}

/**
 * Lines stating a unit as a table's title block does (单位：万元, at the line's end, no sentence)
 * outside every table found: each stands over a table the reader did not find.
 * @param lines The document's lines.
 * @param blocks The tables found.
 */
export function strayUnitLines(lines: readonly PositionedLine[], blocks: readonly TableBlock[]): PositionedLine[] {
  return lines.filter(
    (line) =>
      statesUnitAtEnd(line.text) && !/[。；]/.test(line.text) && bare(line.text).length <= 60 && !blocks.some((block) => line.number >= block.line && line.number <= block.to + TITLE_BLOCK_LINES),
  );
}
/** The department line above a table. */
const DEPARTMENT =
  /(?:部门名称|单位名称|编制部门|编制单位|部门（单位）|部门\(单位\)|预算单位|(?<![\u4e00-\u9fff])部门|(?<![\u4e00-\u9fff])单位(?!\s*[：:]\s*(?:人民币)?(?:万\s*)?元))\s*[：:]\s*(.+?)(?:\s{2,}|$)/;
/** A note under a table. */
const NOTE = /^[（(]?(?:注|说明|备注)\s*(?:\d+\s*)?[：:]/;
/** A heading of the text parts, which ends any table. */
const PART_HEADING = /^(?:第[一二三四五六七八九十]+部分|名词解释|附件\s*(?:\d+\s*)?[：:]?$)/;
/** Header words: a line made of these (and years) is a header line. */
const HEADER_WORD =
  /^(?![一二三四五六七八九十]+、)(?:\d{4}\s*年.*|.*(?:合计|小计|总计|预算数?|金额|支出|收入|经费|拨款|资金|结转|结余|科目|项目|编码|名称|分类|单位|增减|增长|比例|上年|本年|其中|说明|数量|[类款项费])(?:[（(].{0,12}[）)])?|[（(].{0,12}[）)]|\d+|[一二三四五六七八九十]+|栏次)$/;

function bare(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Lines that are a page number alone: bare digits count only as the first or last line of their page, page furniture aside (elsewhere they are a table's). */
const footers = new WeakSet<PositionedLine>();

function markFooters(lines: readonly PositionedLine[]): void {
  // A line beside which only other page furniture (blank, 第 3 页, - 3 -) stands on its page is at the page's edge.
  const furniture = (line: PositionedLine | undefined) => line !== undefined && (bare(line.text) === '' || (PAGE_NUMBER.test(bare(line.text)) && !/^\d+$/.test(bare(line.text))));
  const atEdge = (index: number, step: 1 | -1) => {
    const page = lines[index]!.page;
    for (let at = index + step; ; at += step) {
      const other = lines[at];
      if (other === undefined || other.page !== page) return true;
      if (!furniture(other)) return false;
    }
  };
  lines.forEach((line, index) => {
    const text = bare(line.text);
    if (!PAGE_NUMBER.test(text)) return;
    if (!/^\d+$/.test(text) || atEdge(index, 1) || atEdge(index, -1)) footers.add(line);
  });
}

function isFooter(line: PositionedLine): boolean {
  return footers.has(line);
}

/** A title on this line (or wrapped onto the next): the title text, its label and how many lines it takes. */
function titleAt(lines: readonly PositionedLine[], index: number): { kind: TableKind; title: string; label?: string; lines: number } | undefined {
  const line = lines[index]!;
  const spans = line.spans.map((span) => span.text.trim());
  const labelSpan = spans.find((text) => TABLE_LABEL.test(bare(text)));
  const titleSpans = spans.filter((text) => text !== labelSpan && !UNIT.test(text));
  const titleText = titleSpans.join('');
  const candidates: { text: string; lines: number }[] = [{ text: titleText, lines: 1 }];
  const next = lines[index + 1];
  // A sentence's end (…专题培训。) is prose above a title, never a title's first line.
  // A row of cells (4 清查摸底布置会 … 1.22) is a table's last row above a title, never a title's first line.
  if (next !== undefined && next.page === line.page && next.spans.length === 1 && bare(next.text).length <= 20 && titleSpans.length <= 2 && !/[。；;]$/.test(titleText)) {
    candidates.push({ text: titleText + next.spans[0]!.text, lines: 2 });
  }
  const read = (candidate: { text: string; lines: number }, kind: TableKind) => {
    const leading = /^((?:部门|单位)?(?:预算)?(?:公开)?附?表\s*[0-9一二三四五六七八九十]+)\s*[:：.．、]?\s*(?=\d{4}|\D)/.exec(bare(candidate.text));
    const label = labelSpan !== undefined ? bare(labelSpan) : leading?.[1];
    const title = leading !== null ? bare(candidate.text).slice(leading[0].length) : bare(candidate.text);
    return { kind, title, ...(label !== undefined ? { label } : {}), lines: candidate.lines };
  };
  for (const candidate of candidates) {
    const kind = kindOfTitle(candidate.text);
    if (kind !== undefined) return read(candidate, kind);
  }
  // A labelled title naming none of the national tables (a variant the vocabulary lacks): a table
  // of its own, known to be unknown, so that its rows never join the table before it and a rule
  // asking whether a table is printed is not sure it is missing.
  // (Most lines are no title at all: the form is checked first.)
  if (!hasTitleForm(bareTitle(titleText))) return undefined;
  const unknown = read(candidates[0]!, { other: 'unknown' });
  return unknown.label !== undefined || labelAbove(lines, index) !== undefined || unitFollows(lines, index + 1) ? unknown : undefined;
}

/** Whether the unit line (单位：万元) comes right after a line, past its department line: a table's title block. */
function unitFollows(lines: readonly PositionedLine[], from: number): boolean {
  for (const line of lines.slice(from, from + 2)) {
    if (line.page !== lines[from - 1]?.page) return false;
    if (UNIT.test(line.text)) return true;
    if (!DEPARTMENT.test(line.text)) return false;
  }
  return false;
}

/**
 * A label alone on its line (表6, 公开表1), printed above the title: on the title's page, or, when
 * the title opens its page, at the foot of the page before (国家信访局 prints 部门公开表7 there).
 */
function labelAbove(lines: readonly PositionedLine[], index: number): string | undefined {
  for (let back = index - 1; back >= 0; back -= 1) {
    const line = lines[back]!;
    if (line.page < lines[index]!.page - 1) return undefined;
    const text = bare(line.text);
    if (TABLE_LABEL.test(text)) return text;
    if (!isFooter(line) && text !== '') return undefined;
  }
  return undefined;
}

/** Whether the line is header-like: every span a header word or a label-column name. */
function isHeaderLine(line: PositionedLine): boolean {
  return isHeaderCells(cellsOf(line));
}

/** A line's cells as words: letter-spaced header words (收      入, 项    目) read joined. */
function cellsOf(line: PositionedLine): string[] {
  return joinSpaced(line.spans, line.size).map((span) => bare(span.text));
}

/** Whether cells are header words or label-column names (a header word may end with a colon: 其中：). */
function isHeaderCells(cells: readonly string[]): boolean {
  const words = cells.map((cell) => cell.replace(/[：:]$/, ''));
  return words.length > 0 && words.every((word) => HEADER_WORD.test(word) || LABEL_HEADER.test(word));
}

/**
 * Whether cells are a row of short words (a header whose names wrap: 政府性基金 · 国有资本经 ·
 * 事业收入): several cells, none a sentence or a number. Prose and contents entries are one cell.
 */
function isCellRow(cells: readonly string[]): boolean {
  return cells.length >= 3 && cells.every((cell) => cell.length <= 10 && !/[，。；;、\d]/.test(cell));
}

/** Whether the lines after a title show a table (a unit line, a department line or a header) before anything else. */
function tableFollows(lines: readonly PositionedLine[], from: number): boolean {
  let skipped = 0;
  for (let index = from; index < lines.length && index < from + 8; index += 1) {
    const line = lines[index]!;
    const text = bare(line.text);
    if (text === '' || isFooter(line) || TABLE_LABEL.test(text)) continue;
    if (titleAt(lines, index) !== undefined) return false;
    // A part's or section's heading (第三部分…情况说明) after a title: a contents entry, not a table.
    if (PART_HEADING.test(text) || isTextHeading(line)) return false;
    const cells = cellsOf(line);
    if (unitIn(line) !== undefined || DEPARTMENT.test(line.text) || isHeaderCells(cells) || isCellRow(cells)) return true;
    // A line of one or two short cells (the department's code and name, 511-退役军人事务局; header
    // cells' first words, 事业单位经营 · 对附属单位补) may stand between the title and its header:
    // look past two of them.
    const spans = line.spans.map((span) => bare(span.text));
    if (spans.length <= 2 && spans.every((cell) => cell.length <= 15 && !/[，。；;：:]/.test(cell)) && (skipped += 1) <= 2) continue;
    return false;
  }
  return false;
}

/**
 * Whether the line above (same page, not blank) is the title of another table: then both are
 * contents entries. (A heading naming the same table, as 福州's “一、收支预算总表” over its title, is not.)
 */
function titleAbove(lines: readonly PositionedLine[], index: number, kind: TableKind): boolean {
  for (let back = index - 1; back >= 0; back -= 1) {
    const line = lines[back]!;
    if (line.page !== lines[index]!.page) return false;
    if (bare(line.text) === '' || isFooter(line)) continue;
    const above = titleAt(lines, back);
    return above !== undefined && JSON.stringify(above.kind) !== JSON.stringify(kind);
  }
  return false;
}

/** Whether a line is prose (a long run of text with no number cells): the text after a table. */
function isProse(line: PositionedLine, left = Number.NEGATIVE_INFINITY): boolean {
  // A paragraph line starts at the left of the page; a table's text column (a description) stands further right.
  const first = line.spans[0];
  return first !== undefined && first.x0 <= left && bare(first.text).length >= 20 && /[，。；]/.test(first.text);
}

/** A cell holding an amount alone. */
const AMOUNT_CELL = /^[-−]?[\d,]+(?:\.\d+)?$/;
/** The words of a heading of the text after the tables (其他相关情况说明, 一、2026年“三公”经费预算说明). */
const TEXT_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?.{0,30}(?:[\u4e00-\u9fff”]{2}说明|名词解释)$/;

/**
 * Whether a line is a heading of the text after the tables, which ends a table: its words so, in
 * one span or two (its number apart), with no amount beside them (a header row's cells are more).
 */
function isTextHeading(line: PositionedLine): boolean {
  return TEXT_HEADING.test(bare(line.text)) && line.spans.length <= 2 && !line.spans.some((span) => AMOUNT_CELL.test(bare(span.text)));
}

/**
 * A line belonging to the title block (label, title, unit, department) or a footer.
 * @param inHeader Whether the page's header has begun: the title is printed again before it, so
 *   a part of the title's words after it is a header cell (机关运行经费预算 over its column).
 */
function isTitleBlock(line: PositionedLine, title: string, inHeader: boolean): boolean {
  const text = bare(line.text);
  if (text === '' || isFooter(line) || TABLE_LABEL.test(text)) return true;
  if (UNIT.test(line.text) || DEPARTMENT.test(line.text))
    return line.spans.every((span) => UNIT.test(span.text) || DEPARTMENT.test(span.text) || TABLE_LABEL.test(bare(span.text)) || bare(span.text).length <= 8);
  // The title printed again (a continued page), or a part of it wrapped: long enough to be the title's words, not a header cell's.
  return bareTitle(text).includes(bareTitle(title)) || (!inHeader && bareTitle(text).length >= 6 && bareTitle(title).includes(bareTitle(text)));
}

/** The row of column numbers under a header (栏次 1 2 3 …, or ** ** 1 2 3): part of the header. */
export function isColumnNumbers(line: PositionedLine): boolean {
  const texts = line.spans.map((span) => bare(span.text)).filter((text) => !/^(?:\*+|行次|[甲乙丙丁]|栏\s*次)$/.test(text));
  // One column number needs the ** of the label columns beside it to be told from a value.
  if (texts.length < (line.spans.length > texts.length ? 1 : 2)) return false;
  const numbers = texts.flatMap((text) => text.split(/(?<=\d)(?=\s)/)).map(Number);
  return numbers.every((value, index) => value === index + 1 || (index > 0 && value === numbers[index - 1]! + 1 && numbers[0] === 1));
}

/** A classification code starting a row: 201, 2010301, [30101], 201 01 01. */
const CODE_START = /^[[【]?\d{3}(?:\d{2}){0,2}[\]】]?(?!\d|年)/;

/**
 * A line that starts the data of a page: it holds a number after its first cell, or starts with a
 * classification code. (Header cells such as 总计 or a lone 合计 do not: a row of a table without
 * any number, an empty table, is not needed to check it.)
 */
function isDataLine(line: PositionedLine): boolean {
  if (isColumnNumbers(line)) return false;
  // Amounts alone (a cut amount wrapped above its row's line) are data, never header words.
  if (line.spans.length > 0 && line.spans.every((span) => /^[-−]?\d{1,3}(?:,\d{3})*\.\d*$|^[-−]?\d{1,3}(?:,\d{3})+$/.test(bare(span.text)))) return true;
  if (line.spans.some((span, index) => index > 0 && /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/.test(bare(span.text)))) return true;
  const first = bare(line.spans[0]?.text ?? '');
  // A row named as a numbered item (一、一般公共预算收入) or a summary's total row: header cells are
  // never numbered, so an empty table's rows are rows, not its header.
  return CODE_START.test(first) || /^[一二三四五六七八九十]{1,3}、\S/.test(first);
}

/**
 * Finds the tables in positioned lines.
 * @param lines All lines of the document.
 */
export function findTables(lines: readonly PositionedLine[]): TableBlock[] {
  markFooters(lines);
  const starts: { index: number; kind: TableKind; title: string; label?: string; lines: number }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const title = titleAt(lines, index);
    if (title === undefined || !tableFollows(lines, index + title.lines) || titleAbove(lines, index, title.kind)) continue;
    starts.push({ index, ...title });
    index += title.lines - 1;
  }
  const blocks: TableBlock[] = [];
  starts.forEach((start, position) => {
    const end = starts[position + 1]?.index ?? lines.length;
    const block = readBlock(lines, start, end);
    const previous = blocks[blocks.length - 1];
    // The title printed again on the next page: the same table continued.
    const previousPage = previous === undefined ? undefined : lines.find((line) => line.number === previous.to)?.page;
    if (previous !== undefined && previous.title === block.title && previousPage !== undefined && lines[start.index]!.page === previousPage + 1) {
      blocks[blocks.length - 1] = {
        ...previous,
        to: block.to,
        body: [...previous.body, ...block.body],
        ...(previous.note !== undefined || block.note !== undefined ? { note: [previous.note, block.note].filter((note) => note !== undefined).join('') } : {}),
      };
      return;
    }
    blocks.push(block);
  });
  return blocks;
}

function readBlock(lines: readonly PositionedLine[], start: { index: number; kind: TableKind; title: string; label?: string; lines: number }, end: number): TableBlock {
  let unit: '元' | '万元' | undefined;
  let department: string | undefined;
  const header: PositionedLine[] = [];
  const body: PositionedLine[] = [];
  const note: string[] = [];
  let inNote = false;
  let seenData = false;
  let page = lines[start.index]!.page;
  let pageHasData = false;
  // Header lines taken (or skipped as repeated) on the current page.
  let pageHeader = 0;
  let last = start.index + start.lines - 1;
  const headerTexts = new Set<string>();
  // Where a paragraph would start: left of the first fifth of the table's width (known once its header is read).
  const proseLeft = (): number => {
    const spans = [...header, ...body].flatMap((line) => line.spans);
    if (spans.length === 0) return Number.POSITIVE_INFINITY;
    const left = Math.min(...spans.map((span) => span.x0));
    const right = Math.max(...spans.map((span) => span.x1));
    return left + (right - left) * 0.2;
  };
  for (let index = start.index + start.lines; index < end; index += 1) {
    const line = lines[index]!;
    const text = bare(line.text);
    // A part heading, or another table's title or heading (福州 prints “七、国有资本经营预算拨款支出预算表” over the next title), ends the table.
    if (PART_HEADING.test(text) || (index > start.index + start.lines && titleAt(lines, index) !== undefined)) break;
    if (isTextHeading(line)) break;
    if (line.page !== page) {
      page = line.page;
      pageHasData = false;
      pageHeader = 0;
      inNote = false;
    }
    if (text === '' || isFooter(line)) continue;
    const unitMatch = pageHasData ? undefined : unitIn(line);
    if (unitMatch !== undefined) unit ??= unitMatch;
    const departmentMatch = DEPARTMENT.exec(line.text);
    if (departmentMatch !== null) department ??= departmentMatch[1]!.trim();
    if (NOTE.test(text) || (/本表无数据|本表为空|空表|无数据|无此项/.test(text) && !isDataLine(line))) {
      inNote = true;
      note.push(line.text.trim());
      last = index;
      continue;
    }
    if (inNote) {
      if (isProse(line, proseLeft()) && note.length > 3) break;
      note.push(line.text.trim());
      last = index;
      continue;
    }
    // The title block, unit line, header and its repetitions are the table's lines too, even when
    // no data follows them (a table printed empty, or its continued columns' page).
    if (isTitleBlock(line, start.title, pageHeader > 0) || (!pageHasData && (unitMatch !== undefined || departmentMatch !== null))) {
      last = index;
      continue;
    }
    if (!pageHasData && !isDataLine(line)) {
      pageHeader += 1;
      // Before the first data line of a page: the header (first page) or its repetition; on a
      // continued page, a line that repeats no header line is the start of a wrapped row name.
      if (isProse(line, proseLeft())) break;
      last = index;
      if (!seenData) {
        header.push(line);
        headerTexts.add(text);
        continue;
      }
      if (headerTexts.has(text) || isHeaderLine(line)) continue;
      body.push(line);
      continue;
    }
    if (isProse(line, proseLeft())) break;
    pageHasData = true;
    seenData = true;
    body.push(line);
    last = index;
  }
  // The first row's name centred over two lines starts above its numbers, on what looked like the
  // header's last line: a line of the label column that is no header word goes back to the rows.
  const first = body[0];
  const lastHeader = header[header.length - 1];
  // (It stands in the label columns, left of the row's first amount: a header cell's last word wrapped
  // over the amounts, 深圳's 资金规 / 模, is no name.)
  const firstAmount = first?.spans.find((span, index) => index > 0 && AMOUNT_CELL.test(bare(span.text)));
  if (
    first !== undefined &&
    lastHeader !== undefined &&
    /^[-−\d]/.test(bare(first.spans[0]?.text ?? '')) &&
    !isHeaderLine(lastHeader) &&
    lastHeader.spans.length === 1 &&
    (firstAmount === undefined || lastHeader.spans[0]!.x1 < firstAmount.x0)
  ) {
    body.unshift(header.pop()!);
  }
  // A table printed without data (注：本表无数据) ends on its total row: a lone 合计 under the label
  // column's header is that row, not a header line.
  const lone = header[header.length - 1];
  if (body.length === 0 && lone !== undefined && /^(?:合计|总计)$/.test(bare(lone.spans.map((span) => span.text).join('')))) {
    // The header's value cells: not the label columns' words (项目, 科目名称, 功能分类), their
    // letter-spaced characters, or the column numbers.
    const values = header.slice(0, -1).flatMap((line) => line.spans.filter((span) => !LABEL_HEADER.test(bare(span.text)) && !/分类|^[\u4e00-\u9fff]$|^\d{1,2}$/.test(bare(span.text))));
    const right = Math.max(...lone.spans.map((span) => span.x1));
    if (values.length > 0 && values.every((span) => span.x0 > right)) body.push(header.pop()!);
  }
  return {
    kind: start.kind,
    title: start.title,
    ...(start.label !== undefined ? { label: start.label } : labelAbove(lines, start.index) !== undefined ? { label: labelAbove(lines, start.index)! } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(department !== undefined ? { department } : {}),
    line: lines[start.index]!.number,
    to: lines[last]?.number ?? lines[start.index]!.number,
    header,
    body,
    ...(note.length > 0 ? { note: note.join('') } : {}),
  };
}
