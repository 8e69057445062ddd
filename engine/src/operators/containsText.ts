import { invalid, isUnavailable, missing } from '../document/unavailable.js';
import { normaliseName } from '../document/selectors.js';
import { type OperatorDefinition } from './types.js';

/** A leading administrative code, as forms print it: "640-山西……". */
const LEADING_CODE = /^\d+\s*[-－—_]\s*/u;

function comparable(text: string): string {
  return normaliseName(text.replace(LEADING_CODE, ''));
}

/**
 * The text contains another text, compared as names are (whitespace ignored, full-width brackets
 * as ASCII ones, a leading code such as "640-" dropped). For "this form belongs to this
 * department": the form's 主管部门 field contains the department's name.
 */
export const containsText: OperatorDefinition = {
  name: 'containsText',
  description: {
    'zh-CN':
      '文字中包含另一段文字（忽略空白，全角括号视同半角，开头的编码如“640-”不计）。value 通常引用另一个事实，如文档的部门名称 {"fact": "document", "path": "/meta/department"}。任一边为空时规则不适用。',
    en: 'The text contains another text (whitespace ignored, full-width brackets as ASCII ones, a leading code such as "640-" dropped). The value is usually a fact reference, e.g. the department name {"fact": "document", "path": "/meta/department"}. Not applicable when either side is empty.',
  },
  accepts: ['text', 'json'],
  value: {
    description: '要包含的文字，或 {"fact": …} 引用。/ The text to find, or a fact reference.',
    anyOf: [{ type: 'string', minLength: 1 }, { $ref: '#/$defs/factReference' }],
  },
  example: { fact: 'scopeItem', path: '/department', operator: 'containsText', value: { fact: 'document', path: '/meta/department' } },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (isUnavailable(ruleValue)) return ruleValue;
    if (factValue === undefined || factValue === null || factValue === '') return missing('要检查的文字为空');
    if (ruleValue === undefined || ruleValue === null || ruleValue === '') return missing('要查找的文字为空');
    if (typeof factValue !== 'string' || typeof ruleValue !== 'string') return invalid('containsText 只能比较文字');
    return comparable(factValue).includes(comparable(ruleValue));
  },
};
