/**
 * `npm run bench`: evaluates the department-budget pack over the sample disclosure repeatedly and
 * prints documents per second, next to a hand-written TypeScript baseline of the same checks
 * (bench/baseline.ts), in one run. Before timing, it checks both report the same findings on the
 * sample and on defect variants, so the ratio compares equal work.
 */
import { readFileSync } from 'node:fs';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { evaluate, loadRuleSet } from '../engine/src/index.js';
import { defaultRulePackPath, loadRuleSetFromPath } from '../engine/src/node.js';
import { checkByHand } from './baseline.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const sample = JSON.parse(readFileSync(new URL('../examples/budget-2025-shenpiju.json', import.meta.url), 'utf8')) as unknown;
const pack = loadRuleSetFromPath(defaultRulePackPath());

const variants: Operation[][] = [
  [],
  [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '11.56' }],
  [{ op: 'remove', path: '/tables/threePublicExpenses/note' }],
  [{ op: 'replace', path: '/narrative/sections/2/figures/2/value', value: '0.48' }],
  [{ op: 'replace', path: '/tables/incomeExpenditureSummary/rows/7/values/amount', value: '3011.47' }],
  [{ op: 'replace', path: '/tables/projectExpenditure/rows/5/values/total', value: '21.00' }],
  [{ op: 'remove', path: '/tables/stateCapital' }],
];

const key = (finding: { ruleId: string; path: string }) => `${finding.ruleId} ${finding.path}`;
for (const patch of variants) {
  const document = fastJsonPatch.applyPatch(structuredClone(sample), patch, true, false).newDocument;
  const engine = (await evaluate(pack, document)).findings.map(key).sort();
  const hand = checkByHand(document).map(key).sort();
  if (JSON.stringify(engine) !== JSON.stringify(hand)) {
    console.error(`baseline and engine disagree on ${JSON.stringify(patch)}:\n engine: ${engine.join('; ')}\n   hand: ${hand.join('; ')}`);
    process.exit(1);
  }
}

async function measure(label: string, check: () => unknown): Promise<number> {
  for (let i = 0; i < 50; i++) await check();
  let count = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 20; i++) await check();
    count += 20;
  }
  const perSecond = (count * 1000) / (performance.now() - start);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} docs/s  ${(1000 / perSecond).toFixed(3).padStart(7)} ms/doc`);
  return perSecond;
}

console.log(`disclosure-rules benchmark: ${pack.rules.length} rules over examples/budget-2025-shenpiju.json, ${SECONDS} s each (Node ${process.version})`);
console.log(`agreement: engine and baseline report the same findings on ${variants.length} variants`);
const engineRate = await measure('engine (evaluate, json-rules-engine)', () => evaluate(pack, sample));
const handRate = await measure('hand-written baseline (decimal.js)', () => checkByHand(sample));
console.log(`ratio engine / baseline: ${(handRate / engineRate).toFixed(2)}× the baseline's time per document`);
const loadRate = await measure('rule-set load + compile (per load)', () => {
  const result = loadRuleSet(JSON.parse(readFileSync(new URL('../rules/department-budget/manifest.json', import.meta.url), 'utf8')), {
    ruleFiles: pack.rules.map((rule) => ({ file: rule.origin.file, value: rule.definition })),
  });
  if (!result.ok) throw new Error('pack failed to load');
});
void loadRate;
