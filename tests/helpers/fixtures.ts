/** Shared test fixtures: frozen documents and the bundled rule pack, loaded once. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { type CompiledRuleSet, evaluate } from '../../engine/src/index.js';
import { loadRuleSetFromPath } from '../../engine/src/node.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Deep-freezes a value so no test can change a shared fixture. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

const documents = new Map<string, unknown>();

/**
 * Reads a JSON file once and returns it frozen.
 * @param path Absolute path.
 */
export function frozenJson(path: string): unknown {
  let value = documents.get(path);
  if (value === undefined) {
    value = deepFreeze(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    documents.set(path, value);
  }
  return value;
}

/** The sample disclosure (frozen). */
export function sampleDocument(): unknown {
  return frozenJson(`${ROOT}examples/budget-2025-shenpiju.json`);
}

/**
 * A patched copy of a document (RFC 6902); the original is untouched.
 * @param document The base.
 * @param patch The operations.
 */
export function patched(document: unknown, patch: readonly Operation[]): unknown {
  const copy = structuredClone(document);
  return fastJsonPatch.applyPatch(copy, patch as Operation[], true, true).newDocument;
}

let pack: CompiledRuleSet | undefined;

/** The bundled department-budget pack, loaded once. */
export function departmentBudgetPack(): CompiledRuleSet {
  pack ??= loadRuleSetFromPath(`${ROOT}rules/department-budget`);
  return pack;
}

let sampleRules: Promise<readonly string[]> | undefined;

/**
 * The rules that report something on the clean sample (its own, catalogued defects), sorted: tests
 * of documents derived from the sample look at the other rules' findings.
 */
export function sampleRuleIds(): Promise<readonly string[]> {
  sampleRules ??= evaluate(departmentBudgetPack(), sampleDocument()).then((report) => [...new Set(report.findings.map((finding) => finding.ruleId))].sort());
  return sampleRules;
}
