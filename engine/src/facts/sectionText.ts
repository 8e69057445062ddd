import { missing } from '../document/unavailable.js';
import { type FactDefinition } from './types.js';

/** The text of a narrative section by its id (several sections with one id are joined), for "is the absence explained" checks. */
export const sectionText: FactDefinition = {
  name: 'sectionText',
  description: {
    'zh-CN': '情况说明中某一节的正文（按节 id，如 agencyOperatingCosts 机关运行经费），用于检查是否作了说明；没有该节时规则不适用。',
    en: 'The text of a narrative section by id (e.g. agencyOperatingCosts), to check that something is explained; not applicable when the section is absent.',
  },
  returns: 'text',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['section'],
    properties: {
      section: {
        type: 'string',
        pattern: '^[a-z][A-Za-z0-9]*$',
        description: '节 id（见文档模型：overview、income、basicExpenditure、threePublicExpenses、agencyOperatingCosts…）。/ Section id (see the document model).',
      },
    },
  },
  example: { fact: 'sectionText', params: { section: 'agencyOperatingCosts' }, operator: 'matchesPattern', value: '事业单位|参照公务员法管理' },
  calculate(params, scope) {
    const section = params.section;
    return scope.context.memo(`sectionText:${String(section)}`, () => {
      const sections = (scope.context.document as { narrative?: { sections?: unknown } } | null)?.narrative?.sections;
      const texts = (Array.isArray(sections) ? sections : [])
        .filter((entry): entry is { id: unknown; text: unknown } => entry !== null && typeof entry === 'object' && (entry as { id?: unknown }).id === section)
        .map((entry) => entry.text)
        .filter((text): text is string => typeof text === 'string');
      return texts.length > 0 ? texts.join('\n') : missing(`情况说明中没有 ${String(section)} 一节`, '/narrative/sections');
    });
  },
};
