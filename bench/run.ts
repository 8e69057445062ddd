/**
 * `npm run bench` (compiled with tsc, like the shipped engine, and run with node): evaluates the department-budget pack over the sample disclosure repeatedly and
 * prints documents per second, next to a hand-written TypeScript baseline of the same checks
 * (bench/baseline.ts), in one run. Before timing, it checks both report the same findings on the
 * sample and on defect variants, so the ratio compares equal work. Last, PDF → report on each
 * corpus PDF (corpus/*.pdf): median and worst seconds per document.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { evaluate, importText, loadRuleSet } from '../engine/src/index.js';
import { join } from 'node:path';
import { defaultRulePackPath, checkFile, loadRuleSetFromPath, packageRoot } from '../engine/src/node.js';
import { checkByHand } from './baseline.js';
import { checkFiles } from '../engine/src/cli/batch.js';
import { buildService } from '../engine/src/server/app.js';
import { availableParallelism } from 'node:os';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const sample = JSON.parse(readFileSync(join(packageRoot(), 'examples', 'budget-2025-shenpiju.json'), 'utf8')) as unknown;
const pack = loadRuleSetFromPath(defaultRulePackPath());

const variants: Operation[][] = [
  [],
  [{ op: 'replace', path: '/tables/expenditureSummary/rows/4/values/basic', value: '11.56' }],
  [{ op: 'remove', path: '/tables/threePublicExpenses/note' }],
  [{ op: 'replace', path: '/narrative/sections/2/figures/2/value', value: '0.48' }],
  [{ op: 'replace', path: '/tables/incomeExpenditureSummary/rows/7/values/amount', value: '3011.47' }],
  [{ op: 'replace', path: '/tables/projectExpenditure/rows/5/values/total', value: '21.00' }],
  [{ op: 'remove', path: '/tables/stateCapital' }],
  // A title that names no year; an economic-class table replaced by a printed stand-in; an item explained by its amount.
  [{ op: 'replace', path: '/tables/incomeSummary/title', value: '收入总表' }],
  [
    { op: 'remove', path: '/tables/basicExpenditureByEconomicClass' },
    // The printed tables as an importer lists them, the stand-in last (outside the numbering).
    {
      op: 'add',
      path: '/meta/printedTables',
      value: [
        ...Object.entries((sample as { tables: Record<string, { label?: string; title: string; line?: number }> }).tables)
          .filter(([role]) => role !== 'basicExpenditureByEconomicClass')
          .map(([role, table]) => ({ ...(table.label !== undefined ? { label: table.label } : {}), title: table.title, role, line: table.line }))
          .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
        { title: '基本支出总表', kind: 'basicExpenditure', line: 100_000 },
      ],
    },
  ],
  [
    {
      op: 'replace',
      path: '/narrative/sections/4/text',
      value:
        '(一) 一般公共预算当年支出规模变化情况\n2025年度山西转型综合改革示范区行政审批局一般公共预算当年支出3,011.46万元，比上年减少488.54万元，下降13.96%。\n(二) 一般公共预算当年支出结构情况\n2025年度山西转型综合改革示范区行政审批局一般公共预算当年支出3,011.46万元,主要用于以下方面:一般公共预算服务支出3,011.46万元,占100.00%等。\n一般公共预算当年拨款结构图其中：基本支出 11.46 万元。',
    },
  ],
];

const key = (finding: { ruleId: string; path: string }) => `${finding.ruleId} ${finding.path}`;
// The sample and its variants, and the two Shanghai documents (another template, tables in 元).
const shanghai = ['shanghai-putuo-wanli-2025-budget.txt', 'shanghai-putuo-zhengfuban-2025-budget.txt'].map((name) => {
  const imported = importText(readFileSync(join(packageRoot(), 'examples', name), 'utf8'));
  if (!imported.ok) throw new Error(`${name}: ${imported.error.message}`);
  return { label: name, document: imported.document };
});
const checked = [...variants.map((patch) => ({ label: JSON.stringify(patch), document: fastJsonPatch.applyPatch(structuredClone(sample), patch, true, false).newDocument })), ...shanghai];
for (const { label, document } of checked) {
  const engine = (await evaluate(pack, document)).findings.map(key).sort();
  const hand = checkByHand(document).map(key).sort();
  if (JSON.stringify(engine) !== JSON.stringify(hand)) {
    console.error(`baseline and engine disagree on ${label}:\n engine: ${engine.join('; ')}\n   hand: ${hand.join('; ')}`);
    process.exit(1);
  }
}

/** Runs `check` repeatedly for `milliseconds` and returns documents per second. */
async function rate(check: () => unknown, milliseconds: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  const deadline = start + milliseconds;
  while (performance.now() < deadline) {
    for (let i = 0; i < 10; i++) await check();
    count += 10;
  }
  return (count * 1000) / (performance.now() - start);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const line = (label: string, perSecond: number) => {
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} docs/s  ${(1000 / perSecond).toFixed(3).padStart(7)} ms/doc`);
};

const ROUNDS = 25;
const slice = (SECONDS * 1000) / ROUNDS;
console.log(
  `disclosure-rules benchmark: ${pack.rules.length} rules over examples/budget-2025-shenpiju.json, ${ROUNDS} alternating rounds of ${(slice / 1000).toFixed(2)} s each (Node ${process.version})`,
);
console.log(`agreement: engine and baseline report the same findings on the sample, ${variants.length - 1} defect variants and ${shanghai.length} Shanghai documents`);
const engineCheck = () => evaluate(pack, sample);
const handCheck = () => checkByHand(sample);
for (let i = 0; i < 100; i++) {
  await engineCheck();
  handCheck();
}
// Alternate the two in short rounds so drift (JIT, GC, other load) affects both alike.
const engineRates: number[] = [];
const handRates: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  engineRates.push(await rate(engineCheck, slice / 2));
  handRates.push(await rate(handCheck, slice / 2));
  ratios.push(handRates[round]! / engineRates[round]!);
}
line('engine (evaluate, json-rules-engine)', median(engineRates));
line('hand-written baseline (decimal.js)', median(handRates));
console.log(
  `ratio engine / baseline: ${median(ratios).toFixed(2)}× the baseline's time per document (median of ${ROUNDS} rounds; range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
);
const manifest = JSON.parse(readFileSync(join(defaultRulePackPath(), 'manifest.json'), 'utf8')) as unknown;
const ruleFiles = pack.rules.map((rule) => ({ file: rule.origin.file, value: rule.definition }));
const sampleText = readFileSync(join(packageRoot(), 'examples', 'budget-2025-shenpiju.txt'), 'utf8');
line('import (sample text → document)', await rate(() => importText(sampleText), 1000));
line(
  'import + validation (sample text → report)',
  await rate(async () => {
    const imported = importText(sampleText);
    if (!imported.ok) throw new Error(imported.error.message);
    await evaluate(pack, imported.document, { importProblems: imported.problems });
  }, 1000),
);
line(
  'rule-set validation + compilation',
  await rate(() => {
    if (!loadRuleSet(manifest, { ruleFiles }).ok) throw new Error('pack failed to load');
  }, 1000),
);

// Row scaling: the sample with every table's rows repeated 1×, 10× and 100× (names kept apart):
// time per row stays flat when the hierarchy and selectors are indexed once per table.
const scaled = (factor: number): { document: unknown; rows: number } => {
  const document = structuredClone(sample) as { tables: Record<string, { rows: { key?: string; name: string }[] }> };
  let rows = 0;
  for (const table of Object.values(document.tables)) {
    const body = table.rows.filter((row) => row.key === undefined);
    for (let copy = 1; copy < factor; copy += 1) table.rows.push(...body.map((row) => ({ ...row, name: `${row.name}（${copy}）` })));
    rows += table.rows.length;
  }
  return { document, rows };
};
const scaling = [1, 10, 100].map((factor) => {
  const { document, rows } = scaled(factor);
  return { factor, rows, document };
});
const perRow: string[] = [];
for (const { factor, rows, document } of scaling) {
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    await evaluate(pack, document, { timeBudgetMs: 0 });
    times.push(performance.now() - started);
  }
  perRow.push(`${factor}× ${rows} rows ${median(times).toFixed(0)} ms, ${((median(times) * 1000) / rows).toFixed(1)} µs/row`);
}
console.log(`row scaling (sample tables' rows repeated): ${perRow.join('; ')}`);

// Responsiveness: 200 checks started together (as a server's requests); the longest time the
// event loop could not run a 5 ms timer shows how long one check holds the process.
{
  let last = performance.now();
  let stall = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await Promise.all(Array.from({ length: 200 }, () => evaluate(pack, sample)));
  clearInterval(probe);
  console.log(`200 checks started together: ${(performance.now() - started).toFixed(0)} ms in all; longest event-loop stall ${stall.toFixed(0)} ms`);
}

// PDF → report on every corpus PDF: pdf.js reading, the positioned import and the evaluation,
// as `disclosure-check file.pdf` does them (without the process start). Each document is timed
// PDF_RUNS times after one warm-up read of the first; its time is the median of its runs.
const PDF_RUNS = Math.max(1, Number(process.env.BENCH_PDF_RUNS ?? 3) || 1);
const corpus = join(packageRoot(), 'corpus');
const pdfs = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((name) => name.endsWith('.pdf'))
      .sort()
  : [];
if (pdfs.length > 0) {
  const pdfToReport = (path: string) => checkFile(pack, path);
  await pdfToReport(join(corpus, pdfs[0]!));
  const times: { name: string; ms: number }[] = [];
  for (const name of pdfs) {
    const runs: number[] = [];
    for (let run = 0; run < PDF_RUNS; run++) {
      const start = performance.now();
      await pdfToReport(join(corpus, name));
      runs.push(performance.now() - start);
    }
    times.push({ name, ms: median(runs) });
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const worst = sorted[sorted.length - 1]!;
  console.log(
    `PDF → report over ${pdfs.length} corpus PDFs (median of ${PDF_RUNS} runs each): median ${(median(times.map((time) => time.ms)) / 1000).toFixed(3)} s/doc, fastest ${(sorted[0]!.ms / 1000).toFixed(3)} s, worst ${(worst.ms / 1000).toFixed(3)} s (${worst.name})`,
  );

  // A batch over the corpus folder, as `disclosure-check corpus/*.pdf --workers N` runs it
  // (worker start-up and rule-set loading included).
  const rates: string[] = [];
  for (const workers of [1, 2]) {
    const start = performance.now();
    const results = await checkFiles(
      pdfs.map((name) => join(corpus, name)),
      { language: 'zh-CN', timeBudgetMs: 0, workers },
    );
    const seconds = (performance.now() - start) / 1000;
    rates.push(`${workers} worker${workers > 1 ? 's' : ''}: ${(results.length / seconds).toFixed(2)} docs/s (${seconds.toFixed(1)} s)`);
  }
  console.log(`batch over the ${pdfs.length} corpus PDFs: ${rates.join('; ')}; ${availableParallelism()} cores`);
}

// The HTTP service: requests per second and latency (p50, p99) for the sample JSON and a corpus
// PDF at 1, 4 and 16 concurrent clients, with 1 and 2 worker threads.
{
  const sampleBody = readFileSync(join(packageRoot(), 'examples', 'budget-2025-shenpiju.json'));
  const pdfPath = join(corpus, 'central-guojia-xinfangju-2026-budget.pdf');
  const bodies = [
    { label: 'JSON', body: sampleBody, type: 'application/json', requests: 160 },
    ...(existsSync(pdfPath) ? [{ label: 'PDF', body: readFileSync(pdfPath), type: 'application/pdf', requests: 16 }] : []),
  ];
  for (const workers of [1, 2]) {
    const app = await buildService({ workers, logLevel: 'silent' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const lines: string[] = [];
    for (const { label, body, type, requests } of bodies) {
      for (const clients of [1, 4, 16]) {
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: clients }, async () => {
            while (next < requests) {
              next += 1;
              const sent = performance.now();
              const response = await fetch(`${address}/v1/check`, { method: 'POST', body, headers: { 'content-type': type } });
              await response.arrayBuffer();
              if (response.status !== 200) throw new Error(`service answered ${response.status}`);
              latencies.push(performance.now() - sent);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const sorted = [...latencies].sort((a, b) => a - b);
        const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
        lines.push(`${label} ×${clients}: ${(latencies.length / seconds).toFixed(1)} req/s, p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms`);
      }
    }
    await app.close();
    console.log(`HTTP service, ${workers} worker thread${workers > 1 ? 's' : ''}: ${lines.join('; ')}`);
  }
}
