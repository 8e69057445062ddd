import { missing } from '../document/unavailable.js';
import { type FactDefinition } from './types.js';

/** The current text of a `text` scope: a narrative section, a note, a row name, an indicator value…. */
export const text: FactDefinition = {
  name: 'text',
  description: {
    'zh-CN': '作用域 text 中的当前文字：情况说明各节正文、其他部分、名词解释、绩效目标表各栏及指标值、报表标题、表注和行名称。',
    en: 'The current text of scope `text`: narrative sections, other sections, the glossary, performance-target fields and indicator values, table titles, notes and row names.',
  },
  returns: 'text',
  requiresScope: ['text'],
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'text', operator: 'notMatchesPattern', value: '此件不予公开|内部资料' },
  calculate(_params, scope) {
    return scope.binding.text ?? missing('作用域中没有当前文字');
  },
};
