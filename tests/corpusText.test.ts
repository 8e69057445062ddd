/**
 * The same real disclosures given as text (corpus/text/*.txt, `pdftotext -layout` of each PDF):
 * a reader that does not understand a text's layout says so and raises no error. Every error on
 * the text must be one the document's PDF yields too (reviewed in corpus/expectations/), and a
 * text takes no more import notes than a PDF may. This is the held-out check within reach: the
 * text path meets layouts its table reader was never tuned on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleSet } from '../engine/src/index.js';
import { checkFile, defaultRulePackPath, loadRuleSetFromPath } from '../engine/src/node.js';
import { readExpectation } from '../scripts/corpus/expectation.js';

const root = fileURLToPath(new URL('../corpus/', import.meta.url));
const texts = readdirSync(join(root, 'text'))
  .filter((name) => name.endsWith('.txt'))
  .sort();
/** The most import notes a document the reader understands may carry (as for the PDFs). */
const MAX_IMPORT_NOTES = 10;

/** A finding's words without the spaces a layout puts around numbers. */
const bare = (message: string) => message.replace(/\s+/g, '');

describe('corpus texts (pdftotext -layout)', () => {
  let ruleSet: CompiledRuleSet;
  beforeAll(() => {
    ruleSet = loadRuleSetFromPath(defaultRulePackPath());
  });

  it('holds the text of every corpus PDF', () => {
    expect(texts.length).toBeGreaterThanOrEqual(25);
  });

  it.each(texts)('%s: the department and year its PDF names, no error its PDF does not yield, and few import notes', async (file) => {
    const { report, loaded } = await checkFile(ruleSet, join(root, 'text', file));
    const expected = readExpectation(join(root, 'expectations', file.replace(/\.txt$/, '.json')));
    const meta = (loaded.document as { meta: { department: string; fiscalYear: number } }).meta;
    expect([meta.department, meta.fiscalYear]).toEqual([expected.document.department, expected.document.fiscalYear]);
    const reviewed = new Set(expected.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.rule} ${bare(finding.message)}`));
    const errors = report.findings.filter((finding) => finding.severity === 'error' && finding.ruleId !== 'import');
    expect(errors.filter((finding) => !reviewed.has(`${finding.ruleId} ${bare(finding.message)}`)).map((finding) => `${finding.ruleId} ${finding.path} ${finding.message}`)).toEqual([]);
    expect(report.findings.filter((finding) => finding.ruleId === 'import').length).toBeLessThanOrEqual(MAX_IMPORT_NOTES);
  });
});
