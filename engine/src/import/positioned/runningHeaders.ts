/**
 * Lines a template prints at the top of most pages (“苏州市交通运输局 2026 年度部门预算公开”): not
 * part of any table or text, so they are dropped before the stages read the lines.
 */
import { type PositionedLine, type PositionedText } from './model.js';

function bare(line: PositionedLine): string {
  return line.text.replace(/\s+/g, '');
}

/**
 * The text without its running headers: a line that opens at least three pages, and a third of
 * them, with the same words. A table title or label repeated over a continued table is kept
 * (the table stage needs it): `keep` tells which texts those are.
 * @param text The positioned text.
 * @param keep Texts never dropped.
 */
export function withoutRunningHeaders(text: PositionedText, keep: (bareText: string) => boolean): PositionedText {
  const firstOfPage = new Map<number, PositionedLine>();
  for (const line of text.lines) if (!firstOfPage.has(line.page) && bare(line) !== '') firstOfPage.set(line.page, line);
  const counts = new Map<string, number>();
  for (const line of firstOfPage.values()) counts.set(bare(line), (counts.get(bare(line)) ?? 0) + 1);
  const running = new Set([...counts].filter(([words, count]) => count >= 3 && count * 3 >= text.pageCount && !keep(words)).map(([words]) => words));
  if (running.size === 0) return text;
  const dropped = new Set([...firstOfPage.values()].filter((line) => running.has(bare(line))));
  return { ...text, lines: text.lines.map((line) => (dropped.has(line) ? { ...line, spans: [], text: line.text.includes('\f') ? '\f' : '' } : line)) };
}
