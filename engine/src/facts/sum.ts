import { isUnnamedColumnId } from '../document/model.js';
import { rowSet } from '../document/selectors.js';
import { type Unavailable, isUnavailable, missing } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { findAmountFigure } from './figure.js';
import { resolveColumn, resolveRow, resolveTable, withScope } from './resolve.js';
import { type FactDefinition, type FactScope } from './types.js';

/**
 * The values one term stands for: a cell, a column over selected rows, or a narrative amount.
 * @param term The term as written (table, row or rows, column; or figure).
 * @param scope The scope it is read in.
 */
export function termValues(term: Readonly<Record<string, unknown>>, scope: FactScope): Quantity[] | Unavailable {
  if (typeof term.figure === 'string') {
    const near = scope.binding.figure;
    const view =
      near !== undefined ? findAmountFigure(scope, term.figure, near) : scope.context.figures().find((candidate) => candidate.figure.key === term.figure && candidate.figure.kind === 'amount');
    if (view === undefined) return term.optional === true ? [] : missing(`情况说明中没有 ${term.figure} 金额`, '/narrative');
    const value = scope.context.figureQuantity(view);
    return isUnavailable(value) ? value : [value];
  }
  const table = resolveTable(term, scope);
  if (isUnavailable(table)) return term.optional === true && table.reason === 'missing' ? [] : table;
  const column = resolveColumn(term, scope);
  if (isUnavailable(column)) return column;
  // An optional term of a column the table does not print counts 0, as one of a table not printed;
  // unless the table has a column the importer could not name (column3), which may be that one.
  if (term.optional === true && !table.columns.some((candidate) => candidate.id === column)) {
    const unnamed = table.columns.find((candidate) => isUnnamedColumnId(candidate.id) && candidate.type !== 'text');
    return unnamed === undefined ? [] : missing(`${table.name}有未能识别的列“${unnamed.header}”，可能就是 ${column} 列`, table.pointer);
  }
  const rows =
    term.rows !== undefined && term.rows !== null && typeof term.rows === 'object'
      ? rowSet(table, withScope(term.rows, scope))
      : (() => {
          const row = resolveRow(table, term, scope);
          return isUnavailable(row) ? row : [row];
        })();
  if (isUnavailable(rows)) return rows;
  const values: Quantity[] = [];
  for (const row of rows) {
    const value = scope.context.cell(table, row, column);
    if (isUnavailable(value)) return value;
    values.push(value);
  }
  return values;
}

/**
 * JSON Schema of a fact's params that are a list of terms, each a cell, a column over selected
 * rows, or a narrative amount (shared by sum and firstOf).
 * @param description What the list is, in both languages.
 * @param extra Properties a term may have besides its place.
 */
export function termsParams(description: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['terms'],
    properties: {
      terms: {
        type: 'array',
        minItems: 1,
        description,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            table: { type: 'string', description: '报表角色。/ Table role.' },
            row: { $ref: '#/$defs/rowSelector' },
            rows: { $ref: '#/$defs/rowSelector' },
            column: { type: 'string', description: '列 id。/ Column id.' },
            figure: { type: 'string', description: '情况说明中金额的 key。/ Key of a narrative amount.' },
            ...extra,
          },
        },
      },
    },
  };
}

/**
 * The sum of amounts, in the unit of the first printed one (else the first one's, else the fallback).
 * @param parts The amounts.
 * @param fallback The unit when there is no amount.
 */
export function sumInFirstUnit(parts: readonly Quantity[], fallback: Quantity['unit']): Quantity {
  return sumQuantities(parts, parts.find((part) => !part.blank)?.unit ?? parts[0]?.unit ?? fallback);
}

/** The sum of several terms: cells, column sums over selected rows, or narrative amounts. */
export const sum: FactDefinition = {
  name: 'sum',
  description: {
    'zh-CN':
      '若干项之和，每项可以是：一个单元格（table、row、column）、某列在若干行上的合计（table、rows、column）、或情况说明中的金额（figure: key）。optional 为 true 的项在表、列或数字不存在时按 0 计；但表中有导入时未能识别的列（id 为 column3 这样的位置编号）时，缺少的列可能就是它，和无法求得（规则不适用）。表注明部分行未公开（withheld）时，其若干行的合计无法求得（按 key 选的行除外）。结果按第一项的单位表示，元与万元精确换算。',
    en: 'The sum of several terms: a cell (table, row, column), a column over selected rows (table, rows, column), or a narrative amount (figure: key). A term with optional: true counts 0 when its table, column or figure is absent; but when the table has a column the importer could not name (a positional id such as column3), the missing column may be that one, and the sum is unknown (the rule does not apply). So is a sum over rows of a table that says it leaves rows out (withheld), unless they are named by key.',
  },
  returns: 'quantity',
  params: termsParams('要相加的项。/ The terms to add.', {
    optional: { type: 'boolean', description: '表、列或数字不存在时按 0 计。/ Count 0 when its table, column or figure is absent.' },
  }),
  example: {
    fact: 'cell',
    params: { table: 'expenditureSummary', row: { key: 'total' }, column: 'project' },
    operator: 'decimalEqual',
    value: {
      fact: 'sum',
      params: {
        terms: [
          { table: 'projectExpenditure', rows: { level: 1 }, column: 'total' },
          { table: 'projectExpenditureCarriedOver', rows: { level: 1 }, column: 'total', optional: true },
        ],
      },
    },
  },
  calculate(params, scope) {
    const terms = Array.isArray(params.terms) ? params.terms : [];
    const parts: Quantity[] = [];
    for (const term of terms) {
      if (term === null || typeof term !== 'object') continue;
      const values = termValues(term as Record<string, unknown>, scope);
      if (isUnavailable(values)) return values;
      parts.push(...values);
    }
    return sumInFirstUnit(parts, scope.context.defaultUnit);
  },
};
