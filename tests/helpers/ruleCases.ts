/** The rule pack's case files: each *.rule.json has a sibling *.cases.json of documents and expected findings. */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Operation } from 'fast-json-patch';
import { ROOT, frozenJson, patched } from './fixtures.js';

/** One case: a document (inline, or a base plus an RFC 6902 patch) and the places the rule must report. */
export interface RuleCase {
  name: string;
  base?: string;
  document?: unknown;
  patch?: Operation[];
  status?: string;
  findings: string[];
}

/** A cases file. */
export interface CasesFile {
  rule: string;
  base?: string;
  cases: RuleCase[];
}

/** The department-budget pack's directory. */
export const PACK_DIRECTORY = join(ROOT, 'rules', 'department-budget');

/**
 * Every *.rule.json below a directory, sorted.
 * @param directory Where to look.
 */
export function ruleFiles(directory: string = PACK_DIRECTORY): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return ruleFiles(path);
      return entry.name.endsWith('.rule.json') ? [path] : [];
    })
    .sort();
}

/**
 * The cases file next to a rule file.
 * @param ruleFile The rule's path.
 */
export function casesFileOf(ruleFile: string): string {
  return ruleFile.replace(/\.rule\.json$/, '.cases.json');
}

/**
 * A case's document, or undefined when it names none.
 * @param casesFile The cases file's path (bases are relative to it).
 * @param cases Its content.
 * @param entry The case.
 */
export function caseDocument(casesFile: string, cases: CasesFile, entry: RuleCase): unknown {
  const basePath = entry.base ?? cases.base;
  const base = entry.document ?? (basePath === undefined ? undefined : frozenJson(resolve(dirname(casesFile), basePath)));
  if (base === undefined) return undefined;
  return entry.patch === undefined ? base : patched(base, entry.patch);
}
