/**
 * The rule form's pure parts, in Node: rules read from the rules text, edits that change one value
 * of one rule and leave every other character as it was, and the templates, each a valid rule
 * whose own pass and fail cases hold when the worker runs them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendInRule, appendRule, applyTextEdits, freeId, readRules, setInRule, setLocalized } from '../../playground/src/rules/ruleText.js';
import { SAMPLE_BASE, TEMPLATES, ruleFromTemplate } from '../../playground/src/rules/templates.js';
import { placeholdersOf } from '../../playground/src/rules/vocabulary.js';
import { handle } from '../../playground/src/worker/evaluator.js';
import { ROOT, sampleDocument } from '../helpers/fixtures.js';
import { ruleFiles } from '../helpers/ruleCases.js';

const rulesText = `${JSON.stringify(
  {
    id: 'department-budget',
    version: '0.1.0',
    title: '部门预算',
    rules: ruleFiles().map((file) => {
      const { $schema: _schema, ...rule } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return rule;
    }),
  },
  null,
  2,
)}\n`;

/** The lines of two texts that differ (same number of lines expected). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  return after.split('\n').filter((line, index) => line !== old[index]);
}

describe('the rules text as the form edits it', () => {
  it('reads every rule with its place, and still reads them while the text has a syntax error after them', () => {
    const { rules, broken } = readRules(rulesText);
    expect(broken).toBe(false);
    expect(rules).toHaveLength(ruleFiles().length);
    const first = rules[0]!;
    expect(rulesText.slice(first.offset, first.offset + first.length)).toMatch(/^\{\s+"id": "/);
    const cut = readRules(`${rulesText.slice(0, -3)},`);
    expect(cut.broken).toBe(true);
    expect(cut.rules.length).toBe(rules.length);
  });

  it('changes a severity in place: one line changes, nothing else', () => {
    const { rules } = readRules(rulesText);
    const index = rules.findIndex((entry) => entry.id === 'summary-table-balances');
    const after = applyTextEdits(rulesText, setInRule(rulesText, index, ['severity'], 'warning'));
    expect(changedLines(rulesText, after)).toEqual(['      "severity": "warning",']);
    expect(readRules(after).rules[index]!.rule.severity).toBe('warning');
  });

  it('gives a plain-text title an English version, and removes an empty one', () => {
    const text = '{\n  "rules": [\n    {\n      "id": "a",\n      "title": "标题"\n    }\n  ]\n}\n';
    const withEnglish = applyTextEdits(text, setLocalized(text, 0, 'title', '标题', 'en', 'Title'));
    expect(JSON.parse(withEnglish)).toEqual({ rules: [{ id: 'a', title: { 'zh-CN': '标题', en: 'Title' } }] });
    const without = applyTextEdits(withEnglish, setLocalized(withEnglish, 0, 'title', { 'zh-CN': '标题', en: 'Title' }, 'en', ''));
    expect(JSON.parse(without)).toEqual({ rules: [{ id: 'a', title: { 'zh-CN': '标题' } }] });
    expect(applyTextEdits(text, setLocalized(text, 0, 'title', '标题', 'zh-CN', '新标题'))).toBe(text.replace('"标题"', '"新标题"'));
  });

  it('appends a condition to a group and a rule to the set, formatted like the rest', () => {
    const text = '{\n  "rules": [\n    {\n      "id": "a",\n      "conditions": {\n        "all": [\n          {\n            "fact": "cell"\n          }\n        ]\n      }\n    }\n  ]\n}\n';
    const added = applyTextEdits(text, appendInRule(text, 0, ['conditions', 'all'], { fact: 'count' }));
    expect(JSON.parse(added)).toEqual({ rules: [{ id: 'a', conditions: { all: [{ fact: 'cell' }, { fact: 'count' }] } }] });
    const twoRules = applyTextEdits(added, appendRule(added, { id: 'b' }));
    expect(JSON.parse(twoRules)).toMatchObject({ rules: [{ id: 'a' }, { id: 'b' }] });
    expect(twoRules).toContain('\n    {\n      "id": "b"\n    }\n');
  });

  it('finds a free id', () => {
    expect(freeId('new-rule', new Set(['x']))).toBe('new-rule');
    expect(freeId('new-rule', new Set(['new-rule', 'new-rule-2']))).toBe('new-rule-3');
  });

  it("offers the placeholders of a rule's scope, its comparison and its operators", () => {
    const rule = readRules(rulesText).rules.find((entry) => entry.id === 'three-public-items-add-up')!.rule;
    expect(placeholdersOf(rule)).toEqual(expect.arrayContaining(['actual', 'expected', 'difference', 'table', 'column', 'department']));
    expect(placeholdersOf({ scope: { each: 'text' }, conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: 'x' }] } })).toContain('match');
  });
});

describe('new rules from templates', () => {
  it('name their cases’ base relative to the pack, the sample', () => {
    expect(join(ROOT, 'rules', 'department-budget', SAMPLE_BASE)).toBe(join(ROOT, 'examples', 'budget-2025-shenpiju.json'));
  });

  for (const template of TEMPLATES) {
    it(`${template.id}: a valid rule added to the pack, whose pass and fail cases hold`, async () => {
      const taken = new Set(readRules(rulesText).rules.map((entry) => entry.id));
      const rule = ruleFromTemplate(template, taken);
      const text = applyTextEdits(rulesText, appendRule(rulesText, rule));
      const cases = (rule.cases as { cases: { name: string; patch?: unknown[]; findings: string[] }[] }).cases.map((entry) => ({ ...entry, document: sampleDocument() }));
      const response = await handle({ type: 'runCases', id: 1, rulesText: text, ruleId: String(rule.id), cases, language: 'zh-CN' });
      if (response.type !== 'casesRun') throw new Error(response.type);
      expect(response.ruleProblems).toEqual([]);
      expect(response.results.map((result) => [result.name, result.passed, result.actual])).toEqual(cases.map((entry) => [entry.name, true, [...entry.findings].sort()]));
      expect(cases.some((entry) => entry.findings.length > 0)).toBe(true);
    });
  }
});
