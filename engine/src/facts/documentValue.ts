import { type FactDefinition } from './types.js';

/** The whole document, for reading one value with a JSON Pointer `path`. */
export const documentValue: FactDefinition = {
  name: 'document',
  description: {
    'zh-CN': '整个文档；配合条件的 path（JSON Pointer，如 /meta/fiscalYear）读取其中一个值。',
    en: 'The whole document; read one value with the condition `path` (a JSON Pointer such as /meta/fiscalYear).',
  },
  returns: 'json',
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'document', path: '/meta/kind', operator: 'equal', value: 'department-budget' },
  calculate(_params, scope) {
    return scope.context.document;
  },
};
