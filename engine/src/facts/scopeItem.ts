import { resolvePointer } from '../document/pointer.js';
import { type FactDefinition, type FactScope } from './types.js';

const resolved = new WeakMap<object, unknown>();

/**
 * The raw JSON of the current scope item, resolved once per binding (rules read several fields of
 * one item, one leaf each).
 * @param scope The scope.
 */
export function scopeItemValue(scope: FactScope): unknown {
  if (scope.binding.item !== undefined) return scope.binding.item;
  let item = resolved.get(scope.binding);
  if (item === undefined && !resolved.has(scope.binding)) {
    item = resolvePointer(scope.context.document, scope.binding.pointer);
    resolved.set(scope.binding, item);
  }
  return item;
}

/** The raw JSON of the current scope item (a table, row, figure…), for reading one field with `path`. */
export const scopeItem: FactDefinition = {
  name: 'scopeItem',
  description: {
    'zh-CN': '作用域中当前对象（表、行、数字等）的原始 JSON；配合 path 读取其中一个字段，如 /direction。',
    en: 'The raw JSON of the current scope item (table, row, figure…); read one field with `path`, e.g. /direction.',
  },
  returns: 'json',
  params: { type: 'object', additionalProperties: false, properties: {} },
  example: { fact: 'scopeItem', path: '/percentDirection', operator: 'equal', value: { fact: 'scopeItem', path: '/direction' } },
  calculate(_params, scope) {
    return scopeItemValue(scope);
  },
};
