/**
 * The words of the rule form, in both languages: a short label for every fact and operator (their
 * help is the registry's own description), the scope kinds, the table roles (from the document
 * schema) and the message placeholders, with which of them a rule's message may use.
 */
import { FACTS } from '../../../engine/src/facts/index.js';
import { OPERATORS } from '../../../engine/src/operators/index.js';
import documentSchema from '../../../schemas/document.schema.json';
import { type UiLanguage } from '../state/shareState.js';

type Words = Readonly<Record<string, readonly [zh: string, en: string]>>;

const FACT_LABELS: Words = {
  document: ['文档中的一个值', 'A value of the document'],
  scopeItem: ['当前对象的一个字段', 'A field of the current item'],
  tableExists: ['是否有该报表', 'Whether the table exists'],
  tableHasData: ['报表是否有数据', 'Whether the table has data'],
  tableMarkedEmpty: ['表注是否注明无数据', 'Whether the note marks it empty'],
  tableLabel: ['报表编号前缀', 'Table label prefix'],
  tableNumber: ['报表编号序号', 'Table label number'],
  cell: ['单元格金额', 'Cell amount'],
  rowSum: ['一行中若干列之和', 'Sum of columns in a row'],
  columnSum: ['一列中若干行之和', 'Sum of rows in a column'],
  childrenSum: ['下级科目之和', 'Sum of child rows'],
  hierarchyCount: ['科目层级计数', 'Hierarchy count'],
  sum: ['若干项之和', 'Sum of terms'],
  fieldSum: ['若干字段之和', 'Sum of fields'],
  count: ['计数', 'Count'],
  figure: ['情况说明中的数字', 'Narrative figure'],
  computedShare: ['占比应为', 'Share it should be'],
  shareSum: ['占比之和', 'Sum of shares'],
  shareDecimals: ['占比的小数位数种数', 'Decimal places used by shares'],
  impliedChangePercent: ['增减所隐含的百分比', 'Percentage a change implies'],
  text: ['当前文字', 'Current text'],
  sectionText: ['某一节的正文', 'Text of a section'],
};

const OPERATOR_LABELS: Words = {
  decimalEqual: ['等于（精确）', 'equals (exact)'],
  decimalNotEqual: ['不等于（精确）', 'differs from (exact)'],
  decimalLessThan: ['小于', 'is less than'],
  decimalLessThanInclusive: ['小于或等于', 'is at most'],
  decimalGreaterThan: ['大于', 'is greater than'],
  decimalGreaterThanInclusive: ['大于或等于', 'is at least'],
  roundedEqual: ['等于（允许四舍五入误差）', 'equals (within rounding)'],
  roundedGreaterThanInclusive: ['大于或等于（允许四舍五入误差）', 'is at least (within rounding)'],
  roundedLessThanInclusive: ['小于或等于（允许四舍五入误差）', 'is at most (within rounding)'],
  isBlank: ['为空', 'is blank'],
  isZeroOrBlank: ['为 0 或空', 'is zero or blank'],
  isPresent: ['存在', 'is present'],
  hasFields: ['各字段都已填写', 'has every field filled'],
  includesValues: ['包含所列的值', 'includes the values'],
  matchesPattern: ['符合正则表达式', 'matches the pattern'],
  notMatchesPattern: ['不含正则表达式所指内容', 'does not match the pattern'],
  containsText: ['包含文字', 'contains the text'],
  mentionsAmount: ['写明金额', 'states the amount'],
  datesNotBefore: ['日期不早于该年度', 'has no date before the year'],
  namesYear: ['写明该年度', 'names the year'],
  namesNoOtherYear: ['不写其他年度', 'names no other year'],
  equal: ['等于', 'equals'],
  notEqual: ['不等于', 'differs from'],
};

/** The scope kinds a rule may be applied to, in the form's order. */
export const SCOPE_KINDS = ['table', 'row', 'column', 'cell', 'figure', 'shareGroup', 'performanceTable', 'indicator', 'text'] as const;

const SCOPE_LABELS: Words = {
  table: ['每张表', 'each table'],
  row: ['每一行', 'each row'],
  column: ['每一列', 'each column'],
  cell: ['每个单元格（行 × 列）', 'each cell (row × column)'],
  figure: ['情况说明中的每个数字', 'each narrative figure'],
  shareGroup: ['同一分母的每组占比', 'each group of shares'],
  performanceTable: ['每张绩效目标表', 'each performance table'],
  indicator: ['每个绩效指标', 'each performance indicator'],
  text: ['每段文字', 'each text'],
};

const PLACEHOLDER_LABELS: Words = {
  actual: ['实际值', 'the value found'],
  expected: ['应为', 'the value expected'],
  difference: ['差额', 'the difference'],
  table: ['表名', 'table name'],
  tableRole: ['报表角色', 'table role'],
  row: ['行名称', 'row name'],
  column: ['列名称', 'column name'],
  code: ['科目编码', 'code'],
  figure: ['原句', 'the sentence'],
  subject: ['科目', 'subject'],
  key: ['数字 key', 'figure key'],
  of: ['分母', 'the whole'],
  project: ['项目', 'project'],
  indicator: ['指标', 'indicator'],
  level1: ['一级指标', 'level-1 indicator'],
  level2: ['二级指标', 'level-2 indicator'],
  value: ['指标值', 'indicator value'],
  text: ['文字', 'the text'],
  title: ['规则标题', 'rule title'],
  ruleId: ['规则 id', 'rule id'],
  department: ['部门', 'department'],
  match: ['找到的文字', 'the text found'],
  missing: ['缺少的项', 'what is missing'],
  years: ['写到的年度', 'years named'],
  dates: ['写到的日期', 'dates named'],
};

/** Placeholders every finding has, and those each scope kind adds. */
const ALWAYS = ['title', 'ruleId', 'department'];
const COMPARISON = ['actual', 'expected', 'difference'];
const BY_SCOPE: Readonly<Record<string, readonly string[]>> = {
  table: ['table'],
  row: ['table', 'row', 'code'],
  column: ['table', 'column'],
  cell: ['table', 'row', 'code', 'column'],
  figure: ['figure', 'subject', 'code', 'key'],
  shareGroup: ['figure', 'of'],
  performanceTable: ['project'],
  indicator: ['project', 'indicator', 'level1', 'level2', 'value'],
  text: ['text'],
};

function pick(words: Words, name: string, language: UiLanguage): string {
  const entry = words[name];
  return entry === undefined ? name : language === 'zh-CN' ? entry[0] : entry[1];
}

const factHelp = new Map(FACTS.map((fact) => [fact.name, fact.description]));
const operatorHelp = new Map(OPERATORS.map((operator) => [operator.name, operator.description]));

/** Fact names, in the registry's order. */
export const FACT_NAMES: readonly string[] = FACTS.map((fact) => fact.name);
/** Operator names, in the registry's order. */
export const OPERATOR_NAMES: readonly string[] = OPERATORS.map((operator) => operator.name);

/** A fact's short label. */
export function factLabel(name: string, language: UiLanguage): string {
  return pick(FACT_LABELS, name, language);
}

/** An operator's short label. */
export function operatorLabel(name: string, language: UiLanguage): string {
  return pick(OPERATOR_LABELS, name, language);
}

/** A fact's documentation from the registry ('' for an unknown name). */
export function factHelpText(name: string, language: UiLanguage): string {
  return factHelp.get(name)?.[language] ?? '';
}

/** An operator's documentation from the registry ('' for an unknown name). */
export function operatorHelpText(name: string, language: UiLanguage): string {
  return operatorHelp.get(name)?.[language] ?? '';
}

/** A scope kind's label. */
export function scopeLabel(kind: string, language: UiLanguage): string {
  return pick(SCOPE_LABELS, kind, language);
}

/** A placeholder's meaning. */
export function placeholderLabel(name: string, language: UiLanguage): string {
  return pick(PLACEHOLDER_LABELS, name, language);
}

const tableDescriptions = (documentSchema as { properties: { tables: { properties: Record<string, { description?: string }> } } }).properties.tables.properties;

/** The table roles, in the document schema's order. */
export const TABLE_ROLE_NAMES: readonly string[] = Object.keys(tableDescriptions);

/**
 * A table role's name, from the document schema's description ("收支总表（…）。… / Summary of …").
 * @param role The role.
 * @param language Which language.
 */
export function tableLabel(role: string, language: UiLanguage): string {
  const description = tableDescriptions[role]?.description;
  if (description === undefined) return role;
  // "中文…。/ English." (the English part follows the last slash).
  const slash = description.lastIndexOf('/ ');
  if (language === 'en') return slash < 0 ? role : description.slice(slash + 2).replace(/\.$/, '');
  return description.split(/[（。(]/)[0]!.trim() || role;
}

/** Operators used anywhere in a condition tree. */
function operatorsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) operatorsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'operator' && typeof item === 'string') into.add(item);
      else operatorsIn(item, into);
    }
  }
  return into;
}

/**
 * The placeholders a rule's message may use: those of every finding, those of its scope, the
 * comparison's values, and what its operators add.
 * @param rule The rule.
 */
export function placeholdersOf(rule: Readonly<Record<string, unknown>>): string[] {
  const scope = rule.scope as { each?: unknown } | undefined;
  const each = typeof scope?.each === 'string' ? scope.each : undefined;
  const added = [...operatorsIn(rule.conditions, new Set())].flatMap((name) => OPERATORS.find((operator) => operator.name === name)?.placeholders ?? []);
  return [...new Set([...COMPARISON, ...(each === undefined ? ['table', 'tableRole'] : (BY_SCOPE[each] ?? [])), ...added, ...ALWAYS])];
}
