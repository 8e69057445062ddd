/**
 * Rules that carry the national classification's names as data stay in step with the importer's
 * vocabulary: a class added to one is added to the other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONAL_CLASSES } from '../engine/src/import/vocabulary.js';

describe('the functional classes’ names in the rules', () => {
  it('narrative-subject-names-match accepts exactly the classes the vocabulary knows, by their full names', () => {
    const rule = JSON.parse(readFileSync(new URL('../rules/department-budget/narrative/narrative-subject-names-match.rule.json', import.meta.url), 'utf8')) as {
      conditions: { any: { operator: string; value: unknown }[] };
    };
    const pattern = rule.conditions.any.find((condition) => condition.operator === 'matchesPattern')!.value as string;
    const names = /^\^\(\?:(.*)\)\$$/.exec(pattern)![1]!.split('|');
    expect(names).toEqual(FUNCTIONAL_CLASSES.map(([name]) => name));
    expect(new RegExp(pattern).test('一般公共服务支出')).toBe(true);
    expect(new RegExp(pattern).test('一般公共预算服务支出')).toBe(false);
  });
});
