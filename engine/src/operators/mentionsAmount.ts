/**
 * The text states an amount: some "N万元" / "N元" in it is the amount, rounded as the text printed
 * it. For "is this line explained": a narrative that gives a 项's amount (基本支出 1,517.95 万元 for
 * 行政运行 1,517.95) explains it, whatever words it uses for it.
 */
import { invalid, isUnavailable, missing } from '../document/unavailable.js';
import { roundHalfUp, unitFactor } from '../money/money.js';
import { type Quantity, isQuantity } from '../money/quantity.js';
import { type OperatorDefinition } from './types.js';

/** An amount in words: digits (thousands commas, spaces a justified line put in them) and its unit. */
const AMOUNT = /(?<![\d.])(\d{1,3}(?:\s*,\s*\d{3})+|\d+)(?:\s*\.\s*(\d+))?\s*(万元|元)/gu;

interface Stated {
  readonly printed: string;
  readonly places: number;
  readonly unit: '万元' | '元';
}

/** The amounts of the texts seen last: one section's text is asked about each of its table's rows. */
const statedCache = new Map<string, readonly Stated[]>();
const STATED_CACHE_LIMIT = 64;

function statedAmounts(text: string): readonly Stated[] {
  let stated = statedCache.get(text);
  if (stated === undefined) {
    stated = [...text.matchAll(AMOUNT)].map((match) => {
      const fraction = match[2] ?? '';
      return { printed: `${match[1]!.replace(/[\s,]/gu, '')}${fraction === '' ? '' : `.${fraction}`}`, places: fraction.length, unit: match[3] as '万元' | '元' };
    });
    if (statedCache.size >= STATED_CACHE_LIMIT) statedCache.clear();
    statedCache.set(text, stated);
  }
  return stated;
}

/** Whether the text states the amount (money) at the precision it prints each figure. */
function states(text: string, amount: Quantity): boolean {
  return statedAmounts(text).some(({ printed, places, unit }) => roundHalfUp(amount.value.div(unitFactor(unit)), places).equals(printed));
}

export const mentionsAmount: OperatorDefinition = {
  name: 'mentionsAmount',
  description: {
    'zh-CN':
      '文字中写了这个金额：文字里某个“N万元”或“N元”，按它印出的小数位四舍五入后等于该金额（1,517.95万元 与 1517.951万元 相同）。value 引用一个金额事实，如作用域当前行的合计 {"fact": "cell", "params": {"column": "total"}}。用于“是否作了说明”：说明写了某项的金额，即使没写科目名称，也算说明了。任一边为空时规则不适用。',
    en: 'The text states this amount: some "N万元" or "N元" in it equals the amount rounded as printed (1,517.95万元 states 1517.951万元). The value refers to an amount fact, e.g. the scope row\'s total {"fact": "cell", "params": {"column": "total"}}. For "is it explained": a narrative that gives an item\'s amount explains it, even without naming it. Not applicable when either side is empty.',
  },
  accepts: ['text', 'json'],
  value: { description: '金额事实的引用 {"fact": …}。/ A reference to an amount fact.', $ref: '#/$defs/factReference' },
  example: { fact: 'sectionText', params: { section: 'generalBudget' }, operator: 'mentionsAmount', value: { fact: 'cell', params: { column: 'total' } } },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (isUnavailable(ruleValue)) return ruleValue;
    if (factValue === undefined || factValue === null || factValue === '') return missing('要检查的文字为空');
    if (typeof factValue !== 'string') return invalid('mentionsAmount 只能在文字中查找金额');
    if (!isQuantity(ruleValue) || ruleValue.dimension !== 'money') return invalid('mentionsAmount 的 value 应为金额');
    if (ruleValue.blank) return missing('要查找的金额为空');
    return states(factValue, ruleValue);
  },
};
