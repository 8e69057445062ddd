import { type Unavailable, isUnavailable, missing } from '../document/unavailable.js';
import { sumInFirstUnit, termValues, termsParams } from './sum.js';
import { type FactDefinition } from './types.js';

/**
 * The first of several places a figure may be printed that the document prints: the same amount
 * stands in a table in one template and only in the narrative in another (机关运行经费).
 */
export const firstOf: FactDefinition = {
  name: 'firstOf',
  description: {
    'zh-CN':
      '同一个数在不同文档印在不同地方时，按顺序取文档印有的第一处：每项可以是一个单元格（table、row、column）、某列在若干行上的合计（table、rows、column）、或情况说明中的金额（figure: key）。一项的表、行、列或数字不存在时取下一项；都不存在时不可用（规则不适用）。如机关运行经费：有机关运行经费表时取表中合计，没有时取情况说明所述。',
    en: "The first of several places an amount may be printed that the document prints: a cell (table, row, column), a column over selected rows (table, rows, column), or a narrative amount (figure: key). A term whose table, row, column or figure is absent gives way to the next; when none is printed the value is unavailable (the rule does not apply). E.g. 机关运行经费: the table's total when the document prints that table, else the narrative's amount.",
  },
  returns: 'quantity',
  params: termsParams('按顺序尝试的各处。/ The places to try, in order.'),
  example: {
    fact: 'firstOf',
    params: {
      terms: [{ table: 'agencyOperatingCosts', row: { key: 'total' }, column: 'total' }, { figure: 'agencyOperatingCosts' }],
    },
    operator: 'roundedLessThanInclusive',
    value: { fact: 'cell', params: { table: 'basicExpenditureByEconomicClass', row: { key: 'total' }, column: 'public' } },
  },
  calculate(params, scope) {
    const terms = Array.isArray(params.terms) ? params.terms : [];
    let absent: Unavailable | undefined;
    for (const term of terms) {
      if (term === null || typeof term !== 'object') continue;
      const values = termValues(term as Record<string, unknown>, scope);
      if (isUnavailable(values)) {
        if (values.reason !== 'missing') return values;
        absent ??= values;
        continue;
      }
      // A selection of rows that matched none is a place the document does not print.
      if (values.length === 0) continue;
      // One value keeps its own place (a finding points at the cell or the narrative's amount).
      return values.length === 1 ? values[0]! : sumInFirstUnit(values, values[0]!.unit);
    }
    return absent ?? missing('文档中没有印出这个数的任何一处', '');
  },
};
