/**
 * Real disclosures (corpus/*.pdf, 12 cities and one central department): each PDF is read and
 * checked, and the result must be exactly its reviewed expectation file (corpus/expectations/):
 * the national tables recognised, the rules that apply, the import notes, and every error and
 * warning, each with a reviewer's note of the real defect. A finding that appears or disappears
 * fails here until it is reviewed (`npm run corpus:review -- --write`, then review the TODOs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleSet } from '../engine/src/index.js';
import { defaultRulePackPath, loadRuleSetFromPath } from '../engine/src/node.js';
import { compareExpectation } from '../scripts/corpus/compare.js';
import { type Expectation, expectationPath, observe, readExpectation } from '../scripts/corpus/expectation.js';

const root = fileURLToPath(new URL('../corpus/', import.meta.url));
const pdfs = readdirSync(root)
  .filter((name) => name.endsWith('.pdf'))
  .sort();
/** The most import notes a document the reader understands may carry. */
const MAX_IMPORT_NOTES = 10;

describe('corpus of real disclosures', () => {
  let ruleSet: CompiledRuleSet;
  const results = new Map<string, { expected: Expectation; observed: Expectation }>();
  beforeAll(() => {
    ruleSet = loadRuleSetFromPath(defaultRulePackPath());
  });

  it('holds PDFs, each with an expectation file', () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(25);
    const missing = pdfs.filter((name) => !existsSync(expectationPath(join(root, name))));
    expect(missing, 'run npm run corpus:review -- --write and review the new files').toEqual([]);
  });

  describe.each(pdfs)('%s', (file) => {
    beforeAll(async () => {
      const expected = readExpectation(expectationPath(join(root, file)));
      results.set(file, { expected, observed: await observe(join(root, file), ruleSet) });
    }, 60_000);

    it('yields exactly what was reviewed', () => {
      const { expected, observed } = results.get(file)!;
      expect(compareExpectation(expected, observed), 'npm run corpus:review shows the differences; review them before writing').toEqual([]);
    });

    it('has every error and warning reviewed against its PDF page', () => {
      const { expected } = results.get(file)!;
      const unreviewed = expected.findings.filter((finding) => finding.review.trim() === '' || finding.review.startsWith('TODO'));
      expect(unreviewed.map((finding) => `${finding.rule} ${finding.path}`)).toEqual([]);
    });

    it(`says at most ${MAX_IMPORT_NOTES} times what it did not understand`, () => {
      const { observed } = results.get(file)!;
      expect(observed.importNotes.length).toBeLessThanOrEqual(MAX_IMPORT_NOTES);
    });

    it('recognises the core tables every template prints', () => {
      const { observed } = results.get(file)!;
      for (const role of ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalAppropriationSummary', 'generalBudgetExpenditure', 'threePublicExpenses']) {
        expect(Object.keys(observed.tables.recognised), role).toContain(role);
      }
    });
  });
});
