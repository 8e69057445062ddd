import { asRecord } from '../document/context.js';
import { resolvePointer } from '../document/pointer.js';
import { type FigureCriteria, type RowSelector, matchesFigure, normaliseName, rowSet } from '../document/selectors.js';
import { isUnavailable, missing } from '../document/unavailable.js';
import { countQuantity } from '../money/quantity.js';
import { resolveTable, scopeRow, withScope } from './resolve.js';
import { scopeItemValue } from './scopeItem.js';
import { type FactDefinition } from './types.js';

function projectOf(table: unknown): string | undefined {
  const project = asRecord(table)?.project;
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
      '计数：某表中符合行选择器的行数（如项目支出表的项目行 {"level": 3}），文档所附绩效目标表的张数（of: performanceTables），或情况说明中符合条件的数字个数（of: figures，可用 sameCode 只数引用当前行科目的数字）。行选择器可用 sameAs 只数与当前对象同名或同编码的行；sameProject 只数项目名称与当前对象某字段相同的绩效目标表。结果为精确的个数。表注明部分行未公开（withheld）时，行数不是全表的，无法取值（按 key 选的行除外）；文档注明部分涉密内容未公开（meta.withheld）时，绩效目标表的张数无法取值，某项目没有绩效目标表时其张数也无法取值。',
    en: "A count: the rows of a table that meet a selector (e.g. the project rows {\"level\": 3}), the performance-target tables of the document (of: performanceTables), or the narrative figures that meet criteria (of: figures; sameCode: only those citing the scope row's code). With sameAs in the selector, only rows carrying the scope item's code or name; with sameProject, only tables whose project is the scope item's field. An exact count. Unavailable on a table that says it leaves rows out (withheld), unless the selector names rows by key; when the document says secret items were left out (meta.withheld), the performance tables' count is unavailable, and so is a project's when it has none.",
  },
  returns: 'quantity',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      table: { type: 'string', description: '数哪张表的行（报表角色）。/ The table whose rows to count.' },
      rows: { $ref: '#/$defs/rowSelector', description: '只数符合的行；省略为全部行。/ Only rows that meet it; all rows when omitted.' },
      of: {
        enum: ['performanceTables', 'figures'],
        description: '改为数绩效目标表（performanceTables），或情况说明中的数字（figures）。/ Count the performance-target tables, or narrative figures, instead.',
      },
      figures: {
        type: 'object',
        additionalProperties: false,
        description: '数哪些数字（of 为 figures 时）：key、kind、section 须同时满足。/ Which figures (with of: figures).',
        properties: {
          key: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: '数字 key。/ Figure key(s).' },
          kind: { enum: ['amount', 'share', 'change', 'count'], description: '数字类型。/ Figure kind.' },
          section: { type: 'string', description: '所在节 id。/ Section id.' },
        },
      },
      sameUnit: {
        const: true,
        description:
          "与 sameProject 同用：只数实施单位也与当前对象相同的表（各单位同名的项目，如几个单位各有一张“综合工作经费”表，不算重复）；当前对象是项目支出表的行时，取该行的单位名称。/ With sameProject: only tables whose implementing unit is the scope item's too (a project row's unit is its 单位名称 cell).",
      },
      distinctNames: {
        const: true,
        description:
          '与 table 同用：同名的行只数一次（如一个项目由几个单位分别列示，项目支出表列了几行）。/ With table: rows of the same name count once (a project listed once per unit that carries it).',
      },
      sameCode: { const: true, description: "只数科目编码与作用域当前行相同的数字（of 为 figures 时）。/ Only figures citing the scope row's code." },
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
    if (params.of === 'figures') {
      let code: string | undefined;
      if (params.sameCode === true) {
        code = scopeRow(scope)?.code;
        if (code === undefined) return missing('作用域当前行没有科目编码', scope.binding.pointer);
      }
      const criteria = params.figures as FigureCriteria | undefined;
      const counted = scope.context.figures().filter((view) => matchesFigure(view, criteria) && (code === undefined || view.figure.code === code)).length;
      return countQuantity(counted, '/narrative/sections');
    }
    if (params.of === 'performanceTables') {
      const tables = scope.context.performanceTables();
      if (tables === undefined) return missing('文档没有附绩效目标表（/performance）', '/performance');
      // Secret projects left out: the tables attached are not all of them, so their number is not
      // known, nor is a project's when none is attached (its table may be left out). Tables that are
      // attached are still counted for a project: leaving some out adds none.
      const withheld = scope.context.meta?.withheld;
      const notAll = typeof withheld === 'string' && withheld !== '' ? missing(`文档注明部分涉密内容未公开（${withheld}），所附绩效目标表不是全部`, '/meta/withheld') : undefined;
      if (notAll !== undefined && typeof params.sameProject !== 'string') return notAll;
      let counted = tables.length;
      if (typeof params.sameProject === 'string') {
        const wanted = resolvePointer(scopeItemValue(scope), params.sameProject);
        const name = typeof wanted === 'string' ? normaliseName(wanted) : undefined;
        // A performance table's unit is its 实施单位; a project row's, its 单位名称 cell.
        const unitOf = (item: unknown) => {
          const unit = resolvePointer(item, '/implementingUnit') ?? resolvePointer(item, '/values/unitName');
          return typeof unit === 'string' && unit.trim() !== '' ? normaliseName(unit) : undefined;
        };
        const unit = params.sameUnit === true ? unitOf(scopeItemValue(scope)) : undefined;
        counted = name === undefined || name === '' ? 0 : tables.filter((table) => projectOf(table) === name && (unit === undefined || unitOf(table) === undefined || unitOf(table) === unit)).length;
        if (counted === 0 && notAll !== undefined) return notAll;
      }
      return countQuantity(counted, '/performance');
    }
    const table = resolveTable(params, scope);
    if (isUnavailable(table)) return table;
    const written = (params.rows ?? {}) as RowSelector;
    const selector = withScope(written, scope);
    const counted = () => {
      const rows = rowSet(table, selector);
      if (isUnavailable(rows)) return rows;
      const number = params.distinctNames === true ? new Set(rows.map((row) => normaliseName(row.name))).size : rows.length;
      return countQuantity(number, `${table.pointer}/rows`);
    };
    // Without sameAs or sameCode the count is the same for every scope item: count once per document.
    return selector === written ? scope.context.memo(`count:${table.role}:${params.distinctNames === true ? 'distinct:' : ''}${JSON.stringify(selector)}`, counted) : counted();
  },
};
