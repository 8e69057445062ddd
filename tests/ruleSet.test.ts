/**
 * Loading rule sets: a broken rule set is refused as a whole, every problem with its file, its
 * JSON Pointer and what to do; a good one compiles.
 */
import { describe, expect, it } from 'vitest';
import { type RuleSetProblem, loadRuleSet } from '../engine/src/index.js';

const goodRule = {
  id: 'basic-plus-project',
  title: '合计 = 基本支出 + 项目支出',
  message: '{table}“{row}”合计 {actual}，应为 {expected}',
  severity: 'error',
  basis: ['《预算法实施条例》第五条'],
  scope: { each: 'row', tables: ['expenditureSummary'] },
  conditions: { all: [{ fact: 'cell', params: { column: 'total' }, operator: 'roundedEqual', value: { fact: 'rowSum', params: { columns: ['basic', 'project'] } } }] },
};
const set = (rules: unknown[]) => ({ id: 'test', version: '1.0.0', title: '测试', rules });

function problems(manifest: unknown, ruleFiles?: { file: string; value: unknown }[]): RuleSetProblem[] {
  const result = loadRuleSet(manifest, { file: 'set.json', ruleFiles });
  return result.ok ? [] : [...result.errors];
}

function withCondition(condition: unknown): unknown {
  return set([{ ...goodRule, conditions: { all: [condition] } }]);
}

describe('loadRuleSet', () => {
  it('compiles a valid rule set', () => {
    const result = loadRuleSet(set([goodRule]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.rules.map((rule) => rule.definition.id)).toEqual(['basic-plus-project']);
  });

  it('refuses an unknown operator at its place', () => {
    const found = problems(withCondition({ fact: 'cell', params: { column: 'total' }, operator: 'lessThan', value: '1' }));
    expect(found).toContainEqual(expect.objectContaining({ file: 'set.json', pointer: '/rules/0/conditions/all/0/operator', message: expect.stringContaining('未知的运算符“lessThan”') }));
  });

  it('refuses an unknown fact at its place, also on the value side', () => {
    const found = problems(withCondition({ fact: 'cell', params: { column: 'total' }, operator: 'decimalEqual', value: { fact: 'magic' } }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/value/fact', message: expect.stringContaining('未知的事实“magic”') }));
  });

  it('refuses an operator that cannot compare the fact (equal on amounts)', () => {
    const found = problems(withCondition({ fact: 'cell', params: { column: 'total' }, operator: 'equal', value: '1' }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/operator', message: expect.stringContaining('decimalEqual') }));
  });

  it('refuses a fact param that its schema cannot check (an invalid heading pattern) at its place', () => {
    const found = problems(withCondition({ fact: 'sectionText', params: { heading: '政府购买(' }, operator: 'matchesPattern', value: '无' }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/params', message: expect.stringContaining('不是有效的正则表达式') }));
    expect(problems(withCondition({ fact: 'sectionText', params: { heading: '政府购买服务' }, operator: 'matchesPattern', value: '无' }))).toEqual([]);
  });

  it('refuses duplicate ids, naming where the first one is', () => {
    const found = problems(set([goodRule]), [{ file: 'other.rule.json', value: goodRule }]);
    expect(found).toEqual([expect.objectContaining({ file: 'other.rule.json', pointer: '/id', message: expect.stringContaining('set.json#/rules/0') })]);
  });

  it('allows ifMissing only on a comparison directly under the top-level all of conditions', () => {
    const comparison = { fact: 'cell', params: { column: 'total' }, operator: 'roundedEqual', value: '1', ifMissing: 'skip' };
    expect(problems(withCondition(comparison))).toEqual([]);
    const nested = problems(withCondition({ any: [comparison, { ...comparison, ifMissing: undefined }] }));
    expect(nested).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/any/0/ifMissing', message: expect.stringContaining('顶层 all') }));
    const inWhen = problems(set([{ ...goodRule, when: { all: [comparison] } }]));
    expect(inWhen).toContainEqual(expect.objectContaining({ pointer: '/rules/0/when/all/0/ifMissing' }));
    const other = problems(withCondition({ ...comparison, ifMissing: 'blank' }));
    expect(other).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/ifMissing' }));
  });

  it('refuses unknown table roles and placeholders', () => {
    const found = problems(set([{ ...goodRule, message: '合计 {total}', scope: { each: 'row', tables: ['tableOne'] } }]));
    expect(found.map((problem) => problem.pointer).sort()).toEqual(['/rules/0/message', '/rules/0/scope/tables/0']);
  });

  it('refuses a fact used without the params or scope it needs', () => {
    const found = problems(set([{ ...goodRule, scope: undefined }]));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/params', message: expect.stringContaining('table') }));
    const share = problems(withCondition({ fact: 'figure', operator: 'roundedEqual', value: { fact: 'computedShare' } }));
    expect(share).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/value/fact', message: expect.stringContaining('figure') }));
  });

  it('refuses malformed conditions and rules with one message per place', () => {
    expect(problems(withCondition({ fact: 'cell', params: { column: 'total' } }))).toContainEqual(
      expect.objectContaining({ pointer: '/rules/0/conditions/all/0', message: expect.stringContaining('operator') }),
    );
    const missing = problems(set([{ id: 'Bad Id', title: 't', severity: 'fatal', conditions: { all: [] } }]));
    const pointers = missing.map((problem) => problem.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/rules/0', '/rules/0/id', '/rules/0/severity', '/rules/0/conditions/all']));
    expect(new Set(pointers.map((pointer, index) => `${pointer}${missing[index]!.message}`)).size).toBe(pointers.length);
  });

  it('refuses params a fact does not take', () => {
    const found = problems(withCondition({ fact: 'cell', params: { column: 'total', colum: 'x' }, operator: 'decimalEqual', value: '1' }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules/0/conditions/all/0/params/colum' }));
  });

  it('refuses a manifest that is not an object, and speaks English when asked', () => {
    expect(problems('rules')[0]).toMatchObject({ pointer: '' });
    const result = loadRuleSet(withCondition({ fact: 'cell', params: { column: 'total' }, operator: 'lessThan', value: '1' }), { language: 'en' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.message).join('\n')).toMatch(/unknown operator "lessThan"/);
  });
});
