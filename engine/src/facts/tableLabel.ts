import { type DocumentContext } from '../document/context.js';
import { CHINESE_NUMERAL, numeralValue } from '../numerals.js';
import { isUnavailable, missing } from '../document/unavailable.js';
import { countQuantity } from '../money/quantity.js';
import { TABLE_PARAM, resolveTable } from './resolve.js';
import { type FactDefinition } from './types.js';

function isNumeral(char: string): boolean {
  return (char >= '0' && char <= '9') || char === '十' || '一二三四五六七八九'.includes(char);
}

/** The value of a run of Arabic digits ("01") or of a Chinese numeral below 100 ("十二", "二十三"). */
function runValue(run: string): number | undefined {
  if (/^\d+$/.test(run)) return Number(run);
  return CHINESE_NUMERAL.test(run) ? numeralValue(run) : undefined;
}

/**
 * A printed table label's prefix and number: "预算公开表10" → 预算公开表, 10; "公开01表" → 公开表, 1
 * (the number may stand before a one-character 表); "表七" → 表, 7. Read without a regular
 * expression over the whole label, in one pass from its end (a label is document data, and
 * `(.*?)\s*(\d+)` backtracks polynomially on a long run of digits).
 * @param label The label.
 */
export function labelParts(label: string): { prefix: string; number: number } | undefined {
  const trimmed = label.trim();
  const suffix = trimmed.endsWith('表') && trimmed.length > 1 && isNumeral(trimmed.charAt(trimmed.length - 2)) ? '表' : '';
  const end = trimmed.length - suffix.length;
  let start = end;
  while (start > 0 && isNumeral(trimmed.charAt(start - 1))) start -= 1;
  if (start === end) return undefined;
  const number = runValue(trimmed.slice(start, end));
  return number === undefined ? undefined : { prefix: `${trimmed.slice(0, start).trim()}${suffix}`, number };
}

interface LabelIndex {
  /** Prefix and number of each labelled table, by role. */
  readonly labels: ReadonlyMap<string, { readonly prefix: string; readonly number: number }>;
  /** 1-based place of each table in print order (source line, else document order). */
  readonly positions: ReadonlyMap<string, number>;
  /** The prefix most labels use (the first of equals). */
  readonly usualPrefix?: string;
}

function indexLabels(context: DocumentContext): LabelIndex {
  return context.memo('tableLabels', () => {
    // Every table the source prints, when the importer listed them (those the model does not hold
    // count for the print order); else the document's tables, by source line or document order.
    const listed = context.printedTables();
    const tables =
      listed ??
      context.tableRoles().flatMap((role, order) => {
        const heading = context.tableHeading(role);
        return heading === undefined ? [] : [{ role, order, line: heading.line, label: heading.label }];
      });
    const printed = listed ?? [...tables].sort((a, b) => (a.line !== undefined && b.line !== undefined ? a.line - b.line : (a as { order: number }).order - (b as { order: number }).order));
    const labels = new Map<string, { prefix: string; number: number }>();
    const counts = new Map<string, number>();
    for (const table of printed) {
      const parts = table.label === undefined ? undefined : labelParts(table.label);
      if (parts === undefined) continue;
      if (table.role !== undefined) labels.set(table.role, parts);
      counts.set(parts.prefix, (counts.get(parts.prefix) ?? 0) + 1);
    }
    let usualPrefix: string | undefined;
    for (const [prefix, count] of counts) if (usualPrefix === undefined || count > counts.get(usualPrefix)!) usualPrefix = prefix;
    // The numbering runs from the first numbered table to the last: an unnumbered table before or
    // after it (a 培训费明细表 within the text before the tables) takes no place.
    const first = printed.findIndex((table) => table.label !== undefined);
    const last = printed.findLastIndex((table) => table.label !== undefined);
    const numbered = first === -1 ? printed : printed.slice(first, last + 1);
    const positions = new Map(numbered.flatMap((table, index) => (table.role === undefined ? [] : [[table.role, index + 1] as const])));
    return { labels, positions, ...(usualPrefix !== undefined ? { usualPrefix } : {}) };
  });
}

/**
 * A table's printed label prefix ("预算公开表"), or the prefix most of the document's labels use:
 * for "labels are consistent".
 */
export const tableLabel: FactDefinition = {
  name: 'tableLabel',
  description: {
    'zh-CN': '报表编号（如“预算公开表10”）的前缀：part 为 prefix 时是本表编号的前缀（“预算公开表”），为 usualPrefix 时是本文档多数编号使用的前缀。表没有编号时规则不适用。',
    en: 'A table label\'s prefix ("预算公开表" of "预算公开表10"), or with part usualPrefix the prefix most of the document\'s labels use. Not applicable to a table without a label.',
  },
  returns: 'text',
  scoped: ['table'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['part'],
    properties: { part: { enum: ['prefix', 'usualPrefix'], description: "本表前缀或多数前缀。/ This table's prefix, or the usual one." }, table: TABLE_PARAM },
  },
  example: { fact: 'tableLabel', params: { part: 'prefix' }, operator: 'equal', value: { fact: 'tableLabel', params: { part: 'usualPrefix' } } },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const index = indexLabels(scope.context);
    if (params.part === 'usualPrefix') return index.usualPrefix ?? missing('文档中的报表都没有编号', '/tables');
    return index.labels.get(table.role)?.prefix ?? missing(`${table.name} 没有编号`, table.pointer);
  },
};

/**
 * A table's label number, or its place in print order: for "labels are numbered in order".
 */
export const tableNumber: FactDefinition = {
  name: 'tableNumber',
  description: {
    'zh-CN':
      '报表编号的序号（“预算公开表10”的 10），或 part 为 position 时该表按印刷顺序的位置（从 1 起，按来源行号，没有行号时按文档中的顺序；第一个有编号的表之前、最后一个之后的未编号表不占位置）。表没有编号时 number 使规则不适用。',
    en: 'A table label\'s number (10 of "预算公开表10"), or with part position the table\'s place in print order (from 1; by source line, else document order; an unnumbered table before the first numbered one or after the last takes no place). Not applicable to a table without a label.',
  },
  returns: 'quantity',
  scoped: ['table'],
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['part'],
    properties: { part: { enum: ['number', 'position'], description: '编号序号或印刷位置。/ Label number, or place in print order.' }, table: TABLE_PARAM },
  },
  example: { fact: 'tableNumber', params: { part: 'number' }, operator: 'decimalEqual', value: { fact: 'tableNumber', params: { part: 'position' } } },
  calculate(params, scope) {
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const index = indexLabels(scope.context);
    if (params.part === 'position') return countQuantity(index.positions.get(table.role) ?? 0, table.pointer);
    const label = index.labels.get(table.role);
    return label === undefined ? missing(`${table.name} 没有编号`, table.pointer) : countQuantity(label.number, `${table.pointer}/label`);
  },
};
