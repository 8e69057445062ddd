/**
 * Rules over texts: the `text` scope visits every text of a document (narrative, other sections,
 * performance-target fields and indicators, table titles, notes and row names), the `text` fact
 * reads it, and the pattern operators match regular expressions checked when the rule set loads.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, loadRuleSet } from '../engine/src/index.js';
import { createOperatorRegistry } from '../engine/src/operators/index.js';
import { sampleDocument } from './helpers/fixtures.js';

const operators = createOperatorRegistry();

function pack(rule: Record<string, unknown>) {
  const loaded = loadRuleSet({
    id: 'texts',
    version: '1.0.0',
    title: '文字',
    rules: [{ id: 'text-rule', title: '文字规则', message: '“{text}”中有“{match}”', severity: 'error', basis: ['测试'], ...rule }],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

describe('pattern operators', () => {
  it('match anywhere in a text, in Unicode mode', () => {
    expect(operators.get('matchesPattern')!.check('主要原因是。', '主要原因是[。；]')).toBe(true);
    expect(operators.get('notMatchesPattern')!.check('办公设备购置购置费', '(\\p{Script=Han}{2})\\1')).toBe(false);
    expect(operators.get('notMatchesPattern')!.check('办公设备购置费', '(\\p{Script=Han}{2})\\1')).toBe(true);
  });

  it('say what matched, for the message', () => {
    expect(operators.get('notMatchesPattern')!.describe!('2022年6月10日XX月XX日前', 'XX月XX日')).toEqual({ match: 'XX月XX日' });
  });

  it('refuse non-text facts and invalid patterns', () => {
    expect(operators.get('matchesPattern')!.check(3, 'x')).toMatchObject({ reason: 'invalid' });
    expect(operators.get('matchesPattern')!.validateValue!('(')).toMatch(/不是有效的正则表达式/);
    expect(operators.get('matchesPattern')!.validateValue!('ok')).toBeUndefined();
  });
});

describe('the text scope on the sample', () => {
  it('finds the page marked non-public in the approval letter, at its pointer and source line', async () => {
    const report = await evaluate(pack({ scope: { each: 'text' }, conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: '此件不予公开' }] } }), sampleDocument());
    // On the line of the letter where it stands (the letter's heading is line 391).
    expect(report.findings.map((finding) => [finding.path, finding.source?.line])).toEqual([['/sections/other/0/text', 414]]);
    expect(report.findings[0]!.message).toMatch(/中有“此件不予公开”$/);
  });

  it('visits only the texts asked for: indicator values with template placeholders', async () => {
    const report = await evaluate(
      pack({ scope: { each: 'text', texts: ['indicators'] }, conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: 'XX月XX日' }] } }),
      sampleDocument(),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => /^\/performance\/\d+\/indicators\/\d+\/value$/.test(finding.path))).toBe(true);
  });

  it('reads table row names too (a doubled word in a project name)', async () => {
    const report = await evaluate(
      pack({ scope: { each: 'text', texts: ['tables'] }, conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: '(\\p{Script=Han}{2})\\1' }] } }),
      sampleDocument(),
    );
    expect(report.findings.map((finding) => finding.params?.match)).toContain('购置购置');
  });
});

describe('loading text rules', () => {
  it('refuses an invalid pattern at its place, and the text fact outside a text scope', () => {
    const loaded = loadRuleSet({
      id: 'bad',
      version: '1.0.0',
      title: '坏',
      rules: [
        { id: 'bad-pattern', title: 't', message: 'm', severity: 'error', basis: ['b'], scope: { each: 'text' }, conditions: { all: [{ fact: 'text', operator: 'matchesPattern', value: '([' }] } },
        { id: 'no-scope', title: 't', message: 'm', severity: 'error', basis: ['b'], conditions: { all: [{ fact: 'text', operator: 'matchesPattern', value: 'x' }] } },
      ],
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((error) => error.pointer)).toEqual(expect.arrayContaining(['/rules/0/conditions/all/0/value', '/rules/1/conditions/all/0/fact']));
  });
});
