/**
 * The engine evaluates comparisons itself, synchronously, with the semantics of json-rules-engine's
 * `Condition.evaluate` (engine/src/evaluate/engineAdapter.ts). This checks the two agree, on every
 * comparison of every rule, for every scope item of every rule case document and of the examples:
 * same fact value, same value side, same result.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentContext } from '../engine/src/document/context.js';
import { type CompiledConditions } from '../engine/src/evaluate/engineAdapter.js';
import { scopeItems } from '../engine/src/evaluate/scope.js';
import { type CompiledRuleSet, evaluate, importText } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack, patched, sampleDocument } from './helpers/fixtures.js';
import { type CasesFile, caseDocument, casesFileOf, ruleFiles } from './helpers/ruleCases.js';

/** Evaluates `ruleIds` on a document both ways; returns how many comparisons were checked. */
async function compareBothWays(pack: CompiledRuleSet, document: unknown, ruleIds?: ReadonlySet<string>): Promise<number> {
  const context = new DocumentContext(document);
  const session = pack.engine.session(context);
  let compared = 0;
  for (const rule of pack.rules) {
    if (ruleIds !== undefined && !ruleIds.has(rule.definition.id)) continue;
    for (const item of scopeItems(context, rule.definition.scope)) {
      const trees: CompiledConditions[] = rule.when === undefined ? [rule.conditions] : [rule.when, rule.conditions];
      for (const tree of trees) {
        const fast = session.evaluate(tree, item.binding);
        const reference = await session.evaluateWithAlmanac(tree, item.binding);
        expect(fast, `${rule.definition.id} at ${item.binding.pointer}`).toEqual(reference);
        compared += fast.leaves.length;
      }
    }
  }
  return compared;
}

describe('direct evaluation agrees with json-rules-engine', () => {
  it('on every rule and scope item of the sample', async () => {
    expect(await compareBothWays(departmentBudgetPack(), sampleDocument())).toBeGreaterThan(500);
  });

  it('on the Shanghai documents and a malformed document', async () => {
    for (const name of ['shanghai-putuo-wanli-2025-budget.txt', 'shanghai-putuo-zhengfuban-2025-budget.txt']) {
      const imported = importText(readFileSync(`${ROOT}examples/${name}`, 'utf8'));
      if (!imported.ok) expect.fail(imported.error.message);
      expect(await compareBothWays(departmentBudgetPack(), imported.document)).toBeGreaterThan(0);
    }
    const malformed = { meta: 1, tables: { expenditureSummary: { unit: '亿', rows: [{ values: { total: 'abc' } }, null] } }, narrative: { sections: [{ figures: [{}] }] } };
    expect(await compareBothWays(departmentBudgetPack(), malformed)).toBeGreaterThan(0);
  });

  it('on every rule case', async () => {
    let compared = 0;
    for (const ruleFile of ruleFiles()) {
      const casesFile = casesFileOf(ruleFile);
      const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as CasesFile;
      for (const entry of cases.cases) {
        const document = caseDocument(casesFile, cases, entry);
        expect(document, `${relative(ROOT, casesFile)}: ${entry.name}`).toBeDefined();
        compared += await compareBothWays(departmentBudgetPack(), document, new Set([cases.rule]));
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('skipping items that cannot fail or cannot apply changes nothing', () => {
  it('reports the same findings and outcomes with and without the text and `when` filters, on the sample, its mutations and both Shanghai documents', async () => {
    const pack = departmentBudgetPack();
    expect(pack.rules.filter((rule) => rule.prefilter !== undefined).length).toBeGreaterThan(5);
    expect(pack.rules.filter((rule) => rule.whenFilter !== undefined).length).toBeGreaterThan(1);
    const unfiltered: CompiledRuleSet = { ...pack, rules: pack.rules.map(({ prefilter: _prefilter, whenFilter: _whenFilter, ...rule }) => rule) };
    const documents: unknown[] = [sampleDocument()];
    for (const name of ['shanghai-putuo-wanli-2025-budget.txt', 'shanghai-putuo-zhengfuban-2025-budget.txt']) {
      const imported = importText(readFileSync(`${ROOT}examples/${name}`, 'utf8'));
      if (!imported.ok) expect.fail(imported.error.message);
      documents.push(imported.document);
    }
    // Indicators whose 二级指标 is absent or not a text are evaluated as usual.
    documents.push(
      patched(sampleDocument(), [
        { op: 'remove', path: '/performance/4/indicators/0/level2' },
        { op: 'replace', path: '/performance/4/indicators/1/level2', value: 7 },
      ]),
    );
    for (const document of documents) {
      const fast = await evaluate(pack, document);
      const full = await evaluate(unfiltered, document);
      expect(fast.findings).toEqual(full.findings);
      expect(fast.outcomes).toEqual(full.outcomes);
    }
  });
});
