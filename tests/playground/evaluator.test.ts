/** The worker's work, run in Node: findings located in the text, rule problems at their place, cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handle, locate } from '../../playground/src/worker/evaluator.js';
import { ROOT, sampleRuleIds } from '../helpers/fixtures.js';
import { ruleFiles } from '../helpers/ruleCases.js';

function rulesText(): string {
  const rules = ruleFiles().map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return JSON.stringify({ id: 'department-budget', version: '0.1.0', title: '部门预算', rules }, null, 2);
}

const rules = rulesText();
const defect = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju-defects-empty-and-narrative.json'), 'utf8');

describe('the evaluation worker', () => {
  it('evaluates and then locates each finding in the document text', async () => {
    const request = { type: 'evaluate' as const, id: 1, rulesText: rules, documentText: defect, language: 'zh-CN' as const };
    const response = await handle(request);
    expect(response.type).toBe('evaluated');
    if (response.type !== 'evaluated') return;
    const sampleRules = new Set(await sampleRuleIds());
    expect(response.findings.filter((finding) => !sampleRules.has(finding.ruleId))).toHaveLength(5);
    const located = locate(request, response);
    expect(located?.type).toBe('located');
    if (located?.type !== 'located') return;
    const noteFinding = response.findings.findIndex((finding) => finding.path === '/tables/threePublicExpenses/note');
    const range = located.ranges[noteFinding]!;
    expect(range.exact).toBe(false);
    expect(defect.slice(range.offset, range.offset + range.length)).toBe('"threePublicExpenses"');
  });

  it('locates a broken rule in the rules text and reports a malformed document', async () => {
    const broken = rules.replace('"operator": "roundedEqual"', '"operator": "roundEqual"');
    const response = await handle({ type: 'evaluate', id: 2, rulesText: broken, documentText: '{"meta": ', language: 'zh-CN' });
    if (response.type !== 'evaluated') throw new Error(response.type);
    expect(response.ruleProblems).toHaveLength(1);
    const [problem] = response.ruleProblems;
    expect(problem!.message).toContain('未知的运算符“roundEqual”');
    expect(broken.slice(problem!.range.offset, problem!.range.offset + problem!.range.length)).toBe('"roundEqual"');
    expect(response.documentProblem?.message).toMatch(/JSON 格式错误/);
  });

  it("runs a rule's cases against the rules being edited", async () => {
    const document = JSON.parse(defect) as unknown;
    const response = await handle({
      type: 'runCases',
      id: 3,
      rulesText: rules,
      ruleId: 'three-public-filled-or-marked',
      language: 'zh-CN',
      cases: [
        { name: 'fails', document, findings: ['/tables/threePublicExpenses/note'] },
        { name: 'wrong expectation', document, findings: [] },
        { name: 'patched', document, patch: [{ op: 'add', path: '/tables/threePublicExpenses/note', value: '注：本表无数据' }], findings: [] },
      ],
    });
    if (response.type !== 'casesRun') throw new Error(response.type);
    expect(response.results.map((result) => result.passed)).toEqual([true, false, true]);
  });
});
