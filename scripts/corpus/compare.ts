/** The differences between a corpus document's expectation file and what it yields now, in words. */
import { type Expectation, NOT_APPLICABLE_GROUPS, type NotApplicableGroup, findingKey } from './expectation.js';

/** What appeared (+) and disappeared (-), counting repeats: two equal findings are two. */
function difference(label: string, expected: Iterable<string>, observed: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const item of observed) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of expected) counts.set(item, (counts.get(item) ?? 0) - 1);
  return [...counts].flatMap(([item, count]) => Array.from({ length: Math.abs(count) }, () => `${count > 0 ? '+' : '-'} ${label}: ${item}`));
}

/**
 * Every way the observed result differs from the expectation ("+" appeared, "-" disappeared):
 * the document, its tables, the rules that apply and why the others do not, the import notes, and
 * the findings with their pages. Only the reviews are not compared (they are the reviewer's).
 * @param expected The expectation file.
 * @param observed The result now.
 */
export function compareExpectation(expected: Expectation, observed: Expectation): string[] {
  const differences: string[] = [];
  if (JSON.stringify(expected.document) !== JSON.stringify(observed.document)) differences.push(`document: ${JSON.stringify(expected.document)} → ${JSON.stringify(observed.document)}`);
  const tables = (expectation: Expectation) => Object.entries(expectation.tables.recognised).map(([role, name]) => `${role} = ${name}`);
  differences.push(...difference('table', tables(expected), tables(observed)));
  differences.push(...difference('other table', expected.tables.others, observed.tables.others));
  if (expected.rules.applied !== observed.rules.applied || expected.rules.total !== observed.rules.total) {
    differences.push(`rules applied: ${expected.rules.applied}/${expected.rules.total} → ${observed.rules.applied}/${observed.rules.total}`);
  }
  for (const group of Object.keys(NOT_APPLICABLE_GROUPS) as NotApplicableGroup[]) {
    // An expectation file written before a group existed has none of it.
    const reasons = (expectation: Expectation) => Object.entries((expectation.notApplicable as Partial<Expectation['notApplicable']>)[group] ?? {}).map(([rule, reason]) => `${rule} (${reason})`);
    differences.push(...difference(`not applicable (${group})`, reasons(expected), reasons(observed)));
  }
  differences.push(...difference('import note', expected.importNotes, observed.importNotes));
  differences.push(...difference('finding', expected.findings.map(findingKey), observed.findings.map(findingKey)));
  return differences;
}
