/**
 * Schema validation: the only module that touches ajv. The validators are compiled ahead of time
 * (scripts/build-validators.mjs), so nothing here needs `eval` or `new Function`.
 */
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { validateCases, validateDocument, validateReport, validateRule, validateRuleSet } from './generated/validators.js';
import { type CompiledValidator, type ValidatorError } from './types.js';
import { escapeToken } from '../document/pointer.js';
import { type Language } from '../report/messages/index.js';

/** One schema problem, ready for a person: where, what, and how to fix it. */
export interface SchemaProblem {
  /** JSON Pointer of the offending value (for a missing property: of its parent). */
  readonly pointer: string;
  /** The failing JSON Schema keyword, e.g. required, type, additionalProperties. */
  readonly keyword: string;
  /** What is wrong, in the requested language. */
  readonly message: string;
}

/** Which schema to validate against. */
export type SchemaName = 'document' | 'rule' | 'ruleSet' | 'report' | 'cases';

const VALIDATORS: Readonly<Record<SchemaName, CompiledValidator>> = {
  document: validateDocument,
  rule: validateRule,
  ruleSet: validateRuleSet,
  report: validateReport,
  cases: validateCases,
};

const COMBINATORS = new Set(['anyOf', 'oneOf', 'if']);

/** JSON types in Chinese (ajv-i18n leaves them in English: “应当是 integer 类型”). */
const TYPE_NAMES: Readonly<Record<string, string>> = { integer: '整数', number: '数字', string: '文字（字符串）', boolean: '是或否（布尔值）', object: '对象', array: '数组', null: '空值（null）' };

function describe(error: ValidatorError, language: Language): string {
  const params = error.params;
  const schema = error.parentSchema ?? {};
  const custom = typeof schema.errorMessage === 'string' ? schema.errorMessage : undefined;
  if (error.keyword === 'additionalProperties') {
    return language === 'zh-CN'
      ? `不允许的属性“${String(params.additionalProperty)}”：请删除，或检查拼写`
      : `property "${String(params.additionalProperty)}" is not allowed: remove it or check its spelling`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.map((value) => JSON.stringify(value)).join('、');
    return language === 'zh-CN' ? `应为以下值之一：${allowed}` : `must be one of: ${allowed}`;
  }
  if (COMBINATORS.has(error.keyword)) {
    if (custom !== undefined && language === 'zh-CN') return custom;
    const description = typeof schema.description === 'string' ? schema.description.split(' / ')[language === 'zh-CN' ? 0 : 1] : undefined;
    return language === 'zh-CN' ? `格式不符合要求${description ? `：${description}` : ''}` : `does not match the expected form${description ? `: ${description}` : ''}`;
  }
  if (custom !== undefined && language === 'zh-CN') return custom;
  if (error.keyword === 'type' && language === 'zh-CN' && typeof params.type === 'string') {
    return `应当是${params.type
      .split(',')
      .map((type) => TYPE_NAMES[type] ?? type)
      .join('或')}`;
  }
  return error.message ?? error.keyword;
}

/**
 * Validates a value against one of the project's schemas and returns one problem per place.
 * Branch errors under a failing anyOf/oneOf are folded into that one problem.
 * @param schema Which schema.
 * @param value The value to check.
 * @param language Message language.
 */
export function validateAgainst(schema: SchemaName, value: unknown, language: Language = 'zh-CN'): SchemaProblem[] {
  const validator = VALIDATORS[schema];
  if (validator(value)) return [];
  const errors = (validator.errors ?? []).map((error) => ({ ...error }));
  if (language === 'zh-CN') localizeZh(errors);
  const combinatorPaths = new Set(errors.filter((error) => COMBINATORS.has(error.keyword)).map((error) => error.instancePath));
  const problems = new Map<string, SchemaProblem>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    // A failed anyOf/oneOf speaks for its branches at the same place: one message, not one per branch.
    if (!COMBINATORS.has(error.keyword) && combinatorPaths.has(error.instancePath)) continue;
    const pointer = error.keyword === 'additionalProperties' ? `${error.instancePath}/${escapeToken(String(error.params.additionalProperty))}` : error.instancePath;
    const message = describe(error, language);
    const key = `${pointer}\u0000${message}`;
    if (!problems.has(key)) problems.set(key, { pointer, keyword: error.keyword, message });
  }
  return [...problems.values()];
}
