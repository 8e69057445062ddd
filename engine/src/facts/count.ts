import { resolvePointer } from '../document/pointer.js';
import { type RowSelector, normaliseName, selectRows } from '../document/selectors.js';
import { isUnavailable, missing } from '../document/unavailable.js';
import { Money } from '../money/money.js';
import { exactQuantity } from '../money/quantity.js';
import { resolveTable, withScope } from './resolve.js';
import { scopeItemValue } from './scopeItem.js';
import { type FactDefinition, type FactScope } from './types.js';

function performanceTables(scope: FactScope): unknown[] | undefined {
  const tables = (scope.context.document as { performance?: unknown } | null)?.performance;
  return Array.isArray(tables) ? tables : undefined;
}

function projectOf(table: unknown): string | undefined {
  const project = table !== null && typeof table === 'object' ? (table as { project?: unknown }).project : undefined;
  return typeof project === 'string' ? normaliseName(project) : undefined;
}

/**
 * How many rows of a table meet a selector, or how many performance-target tables the document
 * has; with `sameAs` (rows) or `sameProject` (tables), only those that carry the current scope
 * item's code or name. An exact count (个).
 */
export const count: FactDefinition = {
  name: 'count',
  description: {
    'zh-CN':
      '计数：某表中符合行选择器的行数（如项目支出表的项目行 {"level": 3}），或文档所附绩效目标表的张数（of: performanceTables）。行选择器可用 sameAs 只数与当前对象同名或同编码的行；sameProject 只数项目名称与当前对象某字段相同的绩效目标表。结果为精确的个数。',
    en: 'A count: the rows of a table that meet a selector (e.g. the project rows {"level": 3}), or the performance-target tables of the document (of: performanceTables). With sameAs in the selector, only rows carrying the scope item\'s code or name; with sameProject, only tables whose project is the scope item\'s field. An exact count.',
  },
  returns: 'quantity',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      table: { type: 'string', description: '数哪张表的行（报表角色）。/ The table whose rows to count.' },
      rows: { $ref: '#/$defs/rowSelector', description: '只数符合的行；省略为全部行。/ Only rows that meet it; all rows when omitted.' },
      of: { const: 'performanceTables', description: '改为数绩效目标表（/performance）。/ Count the performance-target tables instead.' },
      sameProject: {
        type: 'string',
        pattern: '^(/[^/]*)+$',
        description: '只数项目名称等于当前对象该字段的绩效目标表（忽略空白），如 /name。/ Only tables whose project equals this field of the scope item.',
      },
    },
    // Either the rows of a table or the performance-target tables.
    oneOf: [{ required: ['table'] }, { required: ['of'] }],
  },
  example: {
    fact: 'figure',
    params: { key: 'performancePublishedProjects' },
    operator: 'decimalEqual',
    value: { fact: 'count', params: { of: 'performanceTables' } },
  },
  calculate(params, scope) {
    if (params.of === 'performanceTables') {
      const tables = performanceTables(scope);
      if (tables === undefined) return missing('文档没有附绩效目标表（/performance）', '/performance');
      let counted = tables.length;
      if (typeof params.sameProject === 'string') {
        const wanted = resolvePointer(scopeItemValue(scope), params.sameProject);
        const name = typeof wanted === 'string' ? normaliseName(wanted) : undefined;
        counted = name === undefined || name === '' ? 0 : tables.filter((table) => projectOf(table) === name).length;
      }
      return { ...exactQuantity(new Money(counted), '个', 0), pointer: '/performance' };
    }
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const selector = withScope((params.rows ?? {}) as RowSelector, scope);
    // Without sameAs the count is the same for every scope item: count once per document.
    return scope.context.memo(`count:${table.role}:${JSON.stringify(selector)}`, () => ({
      ...exactQuantity(new Money(selectRows(table, selector).length), '个', 0),
      pointer: `${table.pointer}/rows`,
    }));
  },
};
