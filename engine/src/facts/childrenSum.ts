import { childSet } from '../document/selectors.js';
import { isUnavailable, missing } from '../document/unavailable.js';
import { type Quantity, sumQuantities } from '../money/quantity.js';
import { COLUMN_PARAM, ROW_PARAM, TABLE_PARAM, resolveCell } from './resolve.js';
import { type FactDefinition } from './types.js';

/** The sum of a row's direct children in the classification hierarchy (类 = Σ 款, 款 = Σ 项). */
export const childrenSum: FactDefinition = {
  name: 'childrenSum',
  description: {
    'zh-CN': '某行在科目层级中直接下级行的合计：类（3 位）= Σ 款（5 位），款 = Σ 项（7 位），合计行 = Σ 类；无编码时按 level 层级。没有下级时，或表注明部分行未公开（withheld）时，规则不适用。',
    en: "The sum of a row's direct children in the code hierarchy: 类 (3 digits) = Σ 款 (5), 款 = Σ 项 (7), the total = Σ 类; by `level` when there are no codes. Not applicable to a row without children, or in a table that says it leaves rows out (withheld).",
  },
  returns: 'quantity',
  scoped: ['table', 'row', 'column'],
  params: {
    type: 'object',
    additionalProperties: false,
    properties: { table: TABLE_PARAM, row: ROW_PARAM, column: COLUMN_PARAM },
  },
  example: {
    fact: 'cell',
    operator: 'roundedEqual',
    value: { fact: 'childrenSum' },
  },
  calculate(params, scope) {
    const target = resolveCell(params, scope);
    if (isUnavailable(target)) return target;
    const { table, row, column } = target;
    const children = childSet(table, row);
    if (isUnavailable(children)) return children;
    if (children.length === 0) return missing(`${table.name}“${row.name}”行没有下级行`, row.pointer);
    const parts: Quantity[] = [];
    for (const child of children) {
      const value = scope.context.cell(table, child, column);
      if (isUnavailable(value)) return value;
      parts.push(value);
    }
    return sumQuantities(parts, table.unit ?? '元', row.pointer);
  },
};
