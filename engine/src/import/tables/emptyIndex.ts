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
const HEADER = /是否(?:为)?空表/;
/** A list row: its label, the table's name, and 是 in the 是否空表 column with the reason after it. */
const ROW = /^\s*((?:附)?表\s*[0-9一二三四五六七八九十]+(?:[-－—.．]\d+)?)\s+(\S.*?)(?:\s{2,}(是|否)(?:\s+(\S.*?))?)?\s*$/;
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
      const row = ROW.exec(text);
      if (row === null) break;
      gap = 0;
      if (row[3] === '是') {
        declared.set(labelKey(row[1]!), { line: lines[next]!.number, ...(row[4] !== undefined ? { reason: row[4] } : {}) });
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
