/**
 * The generic rule-case runner: every *.rule.json in rules/ has a sibling *.cases.json with at
 * least one passing and one failing case; each case is a document (a base plus an RFC 6902
 * patch, or inline) and the places the rule must report. Findings are compared as the
 * projection {ruleId, path}, never by message text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type Operation } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMA_RULE, evaluate, validateAgainst } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack, frozenJson, patched } from './helpers/fixtures.js';

interface RuleCase {
  name: string;
  base?: string;
  document?: unknown;
  patch?: Operation[];
  status?: string;
  findings: string[];
}

interface CasesFile {
  rule: string;
  base?: string;
  cases: RuleCase[];
}

function ruleFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return ruleFiles(path);
    return entry.name.endsWith('.rule.json') ? [path] : [];
  });
}

const packDirectory = join(ROOT, 'rules', 'department-budget');
const files = ruleFiles(packDirectory).sort();

describe('rule cases (department-budget)', () => {
  it('finds the rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const ruleFile of files) {
    const ruleId = (JSON.parse(readFileSync(ruleFile, 'utf8')) as { id: string }).id;
    const casesFile = ruleFile.replace(/\.rule\.json$/, '.cases.json');

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
          const basePath = entry.base ?? cases.base;
          const base = entry.document ?? (basePath === undefined ? undefined : frozenJson(resolve(dirname(casesFile), basePath)));
          expect(base, 'a case needs a document or a base').toBeDefined();
          const document = entry.patch === undefined ? base : patched(base, entry.patch);
          const report = await evaluate(departmentBudgetPack(), document, { only: [ruleId] });
          expect(report.findings.filter((finding) => finding.ruleId === DOCUMENT_SCHEMA_RULE), 'a case document stays schema-valid').toEqual([]);
          const actual = report.findings
            .filter((finding) => finding.ruleId === ruleId)
            .map((finding) => ({ ruleId: finding.ruleId, path: finding.path }));
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
