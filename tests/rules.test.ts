/**
 * The generic rule-case runner: every *.rule.json in rules/ has a sibling *.cases.json with at
 * least one passing and one failing case; each case is a document (a base plus an RFC 6902
 * patch, or inline) and the places the rule must report. Findings are compared as the
 * projection {ruleId, path}, never by message text.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMA_RULE, evaluate, validateAgainst } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack } from './helpers/fixtures.js';
import { type CasesFile, caseDocument, casesFileOf, ruleFiles } from './helpers/ruleCases.js';

const files = ruleFiles();

describe('rule cases (department-budget)', () => {
  it('finds the rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const ruleFile of files) {
    const ruleId = (JSON.parse(readFileSync(ruleFile, 'utf8')) as { id: string }).id;
    const casesFile = casesFileOf(ruleFile);

    describe(relative(ROOT, ruleFile), () => {
      let cases: CasesFile;
      try {
        cases = JSON.parse(readFileSync(casesFile, 'utf8')) as CasesFile;
      } catch {
        it('has a cases file', () => {
          expect.fail(`missing or unreadable ${relative(ROOT, casesFile)}`);
        });
        return;
      }

      it('has a valid cases file for this rule, with pass and fail cases', () => {
        expect(validateAgainst('cases', cases)).toEqual([]);
        expect(cases.rule).toBe(ruleId);
        expect(cases.cases.some((entry) => entry.findings.length === 0)).toBe(true);
        expect(cases.cases.some((entry) => entry.findings.length > 0)).toBe(true);
      });

      for (const entry of cases.cases) {
        it(`${entry.findings.length === 0 ? 'passes' : 'fails'}: ${entry.name}`, async () => {
          const document = caseDocument(casesFile, cases, entry);
          expect(document, 'a case needs a document or a base').toBeDefined();
          const report = await evaluate(departmentBudgetPack(), document, { only: [ruleId] });
          expect(
            report.findings.filter((finding) => finding.ruleId === DOCUMENT_SCHEMA_RULE),
            'a case document stays schema-valid',
          ).toEqual([]);
          const actual = report.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ ruleId: finding.ruleId, path: finding.path }));
          const expected = [...entry.findings].sort().map((path) => ({ ruleId, path }));
          expect(actual.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))).toEqual(expected);
          if (entry.status !== undefined) {
            expect(report.outcomes.find((outcome) => outcome.ruleId === ruleId)?.status).toBe(entry.status);
          }
        });
      }
    });
  }
});
