/**
 * What the page ships with: the examples (sample disclosure and defect variants), the
 * department-budget pack as one rule-set text, and each rule's cases. All bundled at build time;
 * example texts and case files load on demand.
 */
import manifest from '../../rules/department-budget/manifest.json';

/** An example document the picker offers. */
export interface Example {
  /** Stable id (used in share links). */
  readonly id: string;
  /** File name in examples/. */
  readonly file: string;
  /** Whether it is published text, imported when chosen (otherwise a JSON document). */
  readonly published: boolean;
  /** Loads the file's text. */
  load(): Promise<string>;
}

const exampleTexts = import.meta.glob<string>('../../examples/*.json', { query: '?raw', import: 'default' });
const publishedTexts = import.meta.glob<string>('../../examples/*.txt', { query: '?raw', import: 'default' });
const ruleModules = import.meta.glob<Record<string, unknown>>('../../rules/department-budget/**/*.rule.json', { eager: true, import: 'default' });
const caseModules = import.meta.glob<CasesFile>('../../rules/department-budget/**/*.cases.json', { import: 'default' });
const exampleDocuments = import.meta.glob<unknown>('../../examples/*.json', { import: 'default' });

/** A rule's cases file. */
export interface CasesFile {
  /** Rule id. */
  readonly rule: string;
  /** Default base document, relative to the cases file. */
  readonly base?: string;
  /** The cases. */
  readonly cases: readonly { name: string; base?: string; document?: unknown; patch?: unknown[]; findings: string[] }[];
}

/** The example opened by default: the published sample. */
export const DEFAULT_EXAMPLE_ID = 'budget-2025-shenpiju';

const documents: Example[] = Object.keys(exampleTexts)
  .sort((a, b) => (a.endsWith(`${DEFAULT_EXAMPLE_ID}.json`) ? -1 : b.endsWith(`${DEFAULT_EXAMPLE_ID}.json`) ? 1 : a < b ? -1 : 1))
  .map((path) => {
    const file = path.split('/').pop()!;
    return { id: file.replace(/\.json$/, ''), file, published: false, load: exampleTexts[path]! };
  });

/** Every example: the JSON documents (the published sample first), then published texts that have no JSON beside them. */
export const EXAMPLES: readonly Example[] = [
  ...documents,
  ...Object.keys(publishedTexts)
    .sort()
    .map((path) => {
      const file = path.split('/').pop()!;
      return { id: file.replace(/\.txt$/, ''), file, published: true, load: publishedTexts[path]! };
    })
    .filter((example) => !documents.some((document) => document.id === example.id)),
];

/** The bundled pack as one rule-set JSON text (manifest with its rules inline, in file order). */
export function defaultRulesText(): string {
  const rules = Object.keys(ruleModules)
    .sort()
    .map((path) => {
      const { $schema: _schema, ...rule } = ruleModules[path]!;
      return rule;
    });
  const { $schema: _manifestSchema, ...rest } = manifest as Record<string, unknown>;
  return `${JSON.stringify({ ...rest, rules }, null, 2)}\n`;
}

/**
 * The cases of a rule with their base documents loaded, or undefined if the rule has none.
 * @param ruleId The rule id.
 */
export async function loadCases(ruleId: string): Promise<{ name: string; document: unknown; patch?: unknown[]; findings: string[] }[] | undefined> {
  const path = Object.keys(caseModules).find((candidate) => candidate.endsWith(`/${ruleId}.cases.json`));
  if (path === undefined) return undefined;
  return casesOf(await caseModules[path]!(), path.slice(0, path.lastIndexOf('/')));
}

/** The pack's folder: cases kept inside a rule (`"cases"`) name their base relative to it. */
const PACK_DIRECTORY = '../../rules/department-budget';

/**
 * The cases a rule carries itself (a rule made in the page), with their base documents loaded.
 * @param file The rule's `cases`.
 */
export async function inlineCases(file: CasesFile): Promise<{ name: string; document: unknown; patch?: unknown[]; findings: string[] }[]> {
  return casesOf(file, PACK_DIRECTORY);
}

/**
 * The cases a rule of a rules text carries itself, if it has any (a rule made from a template).
 * @param rulesText The rule set's JSON text.
 * @param ruleId The rule's id.
 */
export function casesInRules(rulesText: string, ruleId: string): CasesFile | undefined {
  let set: unknown;
  try {
    set = JSON.parse(rulesText);
  } catch {
    return undefined;
  }
  const rules = (set as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return undefined;
  const rule = rules.find((candidate): candidate is { id: string; cases?: unknown } => (candidate as { id?: unknown } | null)?.id === ruleId);
  const cases = rule?.cases as Partial<CasesFile> | undefined;
  return Array.isArray(cases?.cases) ? (cases as CasesFile) : undefined;
}

async function casesOf(file: CasesFile, directory: string): Promise<{ name: string; document: unknown; patch?: unknown[]; findings: string[] }[]> {
  const cases = [];
  for (const entry of file.cases) {
    const base = entry.base ?? file.base;
    const document = entry.document ?? (base === undefined ? undefined : await loadRelative(directory, base));
    cases.push({ name: entry.name, document, ...(entry.patch !== undefined ? { patch: entry.patch } : {}), findings: entry.findings });
  }
  return cases;
}

async function loadRelative(directory: string, relative: string): Promise<unknown> {
  const parts = directory.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const loader = exampleDocuments[parts.join('/')];
  if (loader === undefined) throw new Error(`case base not bundled: ${relative}`);
  return loader();
}
