import { asRecord } from '../document/context.js';
import { invalid, missing } from '../document/unavailable.js';
import { patternOf, patternProblem } from '../pattern.js';
import { type FactDefinition } from './types.js';

interface Section {
  readonly id?: unknown;
  readonly heading?: unknown;
  readonly text?: unknown;
}

function sectionsOf(document: unknown): { narrative: Section[]; other: Section[] } {
  const root = asRecord(document);
  const list = (value: unknown): Section[] => (Array.isArray(value) ? value.filter((entry): entry is Section => asRecord(entry) !== undefined) : []);
  return { narrative: list(asRecord(root?.narrative)?.sections), other: list(asRecord(root?.sections)?.other) };
}

/**
 * The text of a narrative section by its id, or of any section (narrative or other) whose heading
 * matches a pattern; several matching sections are joined. For "is it explained" checks.
 */
export const sectionText: FactDefinition = {
  name: 'sectionText',
  description: {
    'zh-CN':
      '某一节的正文：section 为情况说明的节 id（如 agencyOperatingCosts 机关运行经费），或 heading 为标题的正则表达式（在情况说明和“其他”各节中查找，如“政府购买服务”）。用于检查是否作了说明；没有该节时规则不适用。',
    en: 'The text of a section: a narrative section by id (e.g. agencyOperatingCosts), or any narrative or other section whose heading matches `heading` (a regular expression). To check that something is explained; not applicable when there is no such section.',
  },
  returns: 'text',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      section: {
        type: 'string',
        pattern: '^[a-z][A-Za-z0-9]*$',
        description: '节 id（见文档模型：overview、income、basicExpenditure、threePublicExpenses、agencyOperatingCosts…）。/ Section id (see the document model).',
      },
      heading: { type: 'string', minLength: 1, description: '标题的正则表达式，如“政府购买服务”。/ A regular expression the heading matches.' },
    },
    oneOf: [{ required: ['section'] }, { required: ['heading'] }],
  },
  example: { fact: 'sectionText', params: { section: 'agencyOperatingCosts' }, operator: 'matchesPattern', value: '事业单位|参照公务员法管理' },
  validateParams(params) {
    return typeof params.heading === 'string' ? patternProblem(params.heading) : undefined;
  },
  calculate(params, scope) {
    const key = typeof params.heading === 'string' ? `heading:${params.heading}` : `id:${String(params.section)}`;
    return scope.context.memo(`sectionText:${key}`, () => {
      const { narrative, other } = sectionsOf(scope.context.document);
      let found: Section[];
      if (typeof params.heading === 'string') {
        const pattern = patternOf(params.heading);
        if (pattern === undefined) return invalid(`标题的正则表达式无效：${params.heading}`);
        found = [...narrative, ...other].filter((section) => typeof section.heading === 'string' && pattern.test(section.heading));
      } else {
        found = narrative.filter((section) => section.id === params.section);
      }
      const texts = found.map((section) => section.text).filter((text): text is string => typeof text === 'string');
      return texts.length > 0 ? texts.join('\n') : missing(`没有${typeof params.heading === 'string' ? `标题符合“${params.heading}”的` : ` ${String(params.section)} `}一节`, '/narrative/sections');
    });
  },
};
