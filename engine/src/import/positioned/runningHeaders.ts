/**
 * Lines a template prints at the top or foot of most pages (“苏州市交通运输局 2026 年度部门预算公开”):
 * not part of any table or text, so they are dropped before the stages read the lines.
 */
import { type PositionedLine, type PositionedText } from './model.js';

function bare(line: PositionedLine): string {
  return line.text.replace(/\s+/g, '');
}

/**
 * The text without its running headers and footers: a line that opens (or closes) at least three
 * pages, and a third of them, with the same words. A table title or label repeated over a
 * continued table is kept (the table stage needs it): `keep` tells which texts those are. Page
 * numbers, which differ from page to page, are left to the stages.
 * @param text The positioned text.
 * @param keep Texts never dropped.
 */
export function withoutRunningHeaders(text: PositionedText, keep: (bareText: string) => boolean): PositionedText {
  const dropped = new Set<PositionedLine>();
  // A page may carry two such lines (the department, then the document's title): look again past the ones dropped.
  for (let round = 0; round < MAX_RUNNING_LINES; round += 1) {
    const firstOfPage = new Map<number, PositionedLine>();
    const lastOfPage = new Map<number, PositionedLine>();
    for (const line of text.lines) {
      if (bare(line) === '' || dropped.has(line)) continue;
      if (!firstOfPage.has(line.page)) firstOfPage.set(line.page, line);
      lastOfPage.set(line.page, line);
    }
    const before = dropped.size;
    for (const edge of [firstOfPage, lastOfPage]) {
      const counts = new Map<string, number>();
      for (const line of edge.values()) counts.set(bare(line), (counts.get(bare(line)) ?? 0) + 1);
      const running = new Set([...counts].filter(([words, count]) => count >= 3 && count * 3 >= text.pageCount && !keep(words)).map(([words]) => words));
      for (const line of edge.values()) if (running.has(bare(line))) dropped.add(line);
    }
    if (dropped.size === before) break;
  }
  if (dropped.size === 0) return text;
  return { ...text, lines: text.lines.map((line) => (dropped.has(line) ? { ...line, spans: [], text: line.text.includes('\f') ? '\f' : '' } : line)) };
}

/** Running lines looked for at each edge of a page. */
const MAX_RUNNING_LINES = 3;
