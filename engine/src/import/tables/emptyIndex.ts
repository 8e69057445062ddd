/**
 * A list of tables that says which are empty. Some templates (西安) print, before the tables, a
 * 报表目录 with the columns 是否空表 and 表格为空的理由 (公开空表理由): "表9 政府性基金收支表 是 不涉及".
 * That row is the table's declaration that it is empty, printed away from the table itself.
 */
import { type SourceLine } from '../types.js';

/** A table the list declares empty. */
export interface DeclaredEmpty {
  /** The list row's line. */
  readonly line: number;
  /** The printed reason (不涉及), if any. */
  readonly reason?: string;
}

/** The list's header: a 是否空表 column. */
const HEADER = /是否为?空表/;
/** A list row's label (表3, 附表1-2) and the start of the table's name. */
const ROW_LABEL = /^\s*(附?表\s*[0-9一二三四五六七八九十]+(?:[-－—.．]\d+)?)\s+(?=\S)/;
/** The 是否空表 cell: 是 or 否, alone or with the reason after a space. */
const ANSWER = /^(是|否)(?:\s(.*))?$/s;

/**
 * A list row: its label, and 是 or 否 in the 是否空表 column (the first cell after the name, cells
 * being two or more spaces apart, that holds only the answer or the answer and the reason), with
 * the reason printed after it; undefined for a line that is not a row.
 */
function listRow(text: string): { label: string; answer?: string; reason?: string } | undefined {
  const label = ROW_LABEL.exec(text);
  if (label === null) return undefined;
  const cells = text
    .slice(label[0].length)
    .trim()
    .split(/\s{2,}/);
  for (let index = 1; index < cells.length; index += 1) {
    const answer = ANSWER.exec(cells[index]!);
    if (answer === null) continue;
    const reason = [answer[2] ?? '', ...cells.slice(index + 1)].join('  ').trim();
    return { label: label[1]!, answer: answer[1]!, ...(reason !== '' ? { reason } : {}) };
  }
  return { label: label[1]! };
}
/** Lines the list may run over without a row (a page break, a blank line). */
const GAP = 2;

/** A label's comparable form: 表 9 → 表9. */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, '').replace(/^附/, '');
}

/**
 * The tables declared empty by a 是否空表 list, by label (表9).
 * @param lines The document's lines.
 */
export function declaredEmptyTables(lines: readonly SourceLine[]): Map<string, DeclaredEmpty> {
  const declared = new Map<string, DeclaredEmpty>();
  for (let index = 0; index < lines.length; index += 1) {
    if (!HEADER.test(lines[index]!.text)) continue;
    let gap = 0;
    for (let next = index + 1; next < lines.length && gap <= GAP; next += 1) {
      const text = lines[next]!.text;
      if (text.trim() === '') {
        gap += 1;
        continue;
      }
      const row = listRow(text);
      if (row === undefined) break;
      gap = 0;
      if (row.answer === '是') {
        declared.set(labelKey(row.label), { line: lines[next]!.number, ...(row.reason !== undefined ? { reason: row.reason } : {}) });
      }
      index = next;
    }
  }
  return declared;
}

/** The note a declaration stands for: what the list printed, in words the empty-table rule reads. */
export function declaredEmptyNote(declared: DeclaredEmpty): string {
  return `报表目录注明为空表${declared.reason !== undefined ? `，理由：${declared.reason}` : ''}（第 ${declared.line} 行）`;
}
