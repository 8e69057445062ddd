import { invalid, isUnavailable, missing } from '../document/unavailable.js';
import { resolvePointer } from '../document/pointer.js';
import { type OperatorDefinition } from './types.js';

/** The rule value: a field of the list's entries (JSON Pointer) → the values that must occur in it. */
function requirementsOf(ruleValue: unknown): [string, string[]][] {
  if (ruleValue === null || typeof ruleValue !== 'object' || Array.isArray(ruleValue)) return [];
  return Object.entries(ruleValue as Record<string, unknown>).map(([pointer, values]) => [pointer, Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : []]);
}

function absentValues(list: readonly unknown[], ruleValue: unknown): string[] {
  return requirementsOf(ruleValue).flatMap(([pointer, wanted]) => {
    const present = new Set(
      list
        .map((entry) => resolvePointer(entry, pointer))
        .filter((value): value is string => typeof value === 'string')
        .map((value) => value.trim()),
    );
    return wanted.filter((value) => !present.has(value));
  });
}

/**
 * A list of objects (such as a table's performance indicators) includes entries with each
 * required value in a field: e.g. its 一级指标 include 产出指标, 效益指标 and 满意度指标.
 */
export const includesValues: OperatorDefinition = {
  name: 'includesValues',
  description: {
    'zh-CN':
      '对象列表（如绩效目标表的指标）在某字段上包含所列的每个值，如一级指标须有产出指标、效益指标、满意度指标。value 为 {字段的 JSON Pointer: [必须出现的值…]}；不成立时消息中的 {missing} 列出缺少的值。列表不存在时规则不适用。',
    en: 'A list of objects (e.g. performance indicators) includes, in a field, each listed value: e.g. level-1 indicators include 产出指标, 效益指标 and 满意度指标. The value is {field pointer: [required values…]}; on failure {missing} lists the absent ones. Not applicable when there is no list.',
  },
  accepts: ['json'],
  value: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: '^(/[^/]*)+$' },
    additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    description: '{"/level1": ["产出指标", "效益指标", "满意度指标"]}：各条目该字段须包含的值。/ Field → values that must occur in it.',
  },
  example: { fact: 'scopeItem', path: '/indicators', operator: 'includesValues', value: { '/level1': ['产出指标', '效益指标', '满意度指标'] } },
  check(factValue, ruleValue) {
    if (isUnavailable(factValue)) return factValue;
    if (factValue === undefined || factValue === null) return missing('没有要检查的列表');
    if (!Array.isArray(factValue)) return invalid('includesValues 只能检查列表');
    return absentValues(factValue, ruleValue).length === 0;
  },
  validateValue(ruleValue) {
    return requirementsOf(ruleValue).some(([, values]) => values.length > 0) ? undefined : '应列出至少一个必须出现的值 / must list at least one required value';
  },
  placeholders: ['missing'],
  describe(factValue, ruleValue): Record<string, string> {
    if (!Array.isArray(factValue)) return {};
    const absent = absentValues(factValue, ruleValue);
    return absent.length === 0 ? {} : { missing: absent.join('、') };
  },
};
