/**
 * Compares what the corpus PDFs yield now with their reviewed expectation files, and shows every
 * difference: findings that appeared or disappeared, tables, applicable rules, import notes.
 *
 *   npm run corpus:review                  # show differences; exit 1 if any
 *   npm run corpus:review -- --write       # write the results into the files; reviews kept, new findings get a TODO
 *   npm run corpus:review -- yantai xian   # only documents whose name contains one of these
 *
 * After --write, open each finding marked TODO on its PDF page (page and line are in the file),
 * and replace TODO with a one-line note of the real defect, or fix the reader or the rule if it is
 * not one. tests/corpus.test.ts fails while any TODO is left or any difference is unwritten.
 */
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadRuleSetFromPath, defaultRulePackPath } from '../engine/src/node.js';
import { type Expectation, expectationPath, findingKey, observe, readExpectation } from './corpus/expectation.js';
import { compareExpectation } from './corpus/compare.js';

const program = new Command()
  .name('corpus-review')
  .argument('[filters...]', 'only documents whose file name contains one of these')
  .option('--write', 'write the observed results into the expectation files, keeping reviews of unchanged findings')
  .parse();
const filters = program.args;
const write = program.opts<{ write?: boolean }>().write === true;

const root = fileURLToPath(new URL('../corpus/', import.meta.url));
const expectations = join(root, 'expectations');
mkdirSync(expectations, { recursive: true });
const ruleSet = loadRuleSetFromPath(defaultRulePackPath());
let differing = 0;
let todo = 0;
for (const file of readdirSync(root).filter((name) => name.endsWith('.pdf') && (filters.length === 0 || filters.some((filter) => name.includes(filter))))) {
  const path = expectationPath(join(root, file));
  const observed = await observe(join(root, file), ruleSet);
  const expected: Expectation | undefined = existsSync(path) ? readExpectation(path) : undefined;
  const differences = expected === undefined ? ['no expectation file yet'] : compareExpectation(expected, observed);
  if (differences.length > 0) {
    differing += 1;
    console.log(`\n${file}`);
    for (const line of differences) console.log(`  ${line}`);
  }
  const reviews = new Map((expected?.findings ?? []).map((finding) => [findingKey(finding), finding.review]));
  const merged: Expectation = {
    ...observed,
    findings: observed.findings.map((finding) => ({
      ...finding,
      review: reviews.get(findingKey(finding)) ?? `TODO: 核对 PDF 第 ${finding.page ?? '?'} 页（文本第 ${finding.line ?? '?'} 行），写明这是文件的什么问题`,
    })),
  };
  todo += merged.findings.filter((finding) => finding.review.startsWith('TODO')).length;
  if (write) writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
}
console.log(`\n${differing} document(s) differ from their expectation files${write ? ' (written)' : ''}; ${todo} finding(s) await review (TODO).`);
process.exitCode = differing > 0 && !write ? 1 : 0;
