/** The differences between a corpus document's expectation file and what it yields now, in words. */
import { type Expectation, NOT_APPLICABLE_GROUPS, type NotApplicableGroup, findingKey } from './expectation.js';

function setDifference(label: string, expected: Iterable<string>, observed: Iterable<string>): string[] {
  const before = new Set(expected);
  const after = new Set(observed);
  return [...[...after].filter((item) => !before.has(item)).map((item) => `+ ${label}: ${item}`), ...[...before].filter((item) => !after.has(item)).map((item) => `- ${label}: ${item}`)];
}

/**
 * Every way the observed result differs from the expectation ("+" appeared, "-" disappeared).
 * Reviews are not compared; the reasons of not-applicable rules are not either (only their groups).
 * @param expected The expectation file.
 * @param observed The result now.
 */
export function compareExpectation(expected: Expectation, observed: Expectation): string[] {
  const differences: string[] = [];
  if (JSON.stringify(expected.document) !== JSON.stringify(observed.document)) differences.push(`document: ${JSON.stringify(expected.document)} → ${JSON.stringify(observed.document)}`);
  const tables = (expectation: Expectation) => [...Object.entries(expectation.tables.recognised).map(([role, name]) => `${role} = ${name}`)];
  differences.push(...setDifference('table', tables(expected), tables(observed)));
  differences.push(...setDifference('other table', expected.tables.others, observed.tables.others));
  if (expected.rules.applied !== observed.rules.applied || expected.rules.total !== observed.rules.total) {
    differences.push(`rules applied: ${expected.rules.applied}/${expected.rules.total} → ${observed.rules.applied}/${observed.rules.total}`);
  }
  for (const group of Object.keys(NOT_APPLICABLE_GROUPS) as NotApplicableGroup[]) {
    differences.push(...setDifference(`not applicable (${group})`, Object.keys(expected.notApplicable[group] ?? {}), Object.keys(observed.notApplicable[group])));
  }
  differences.push(...setDifference('import note', expected.importNotes, observed.importNotes));
  differences.push(...setDifference('finding', expected.findings.map(findingKey), observed.findings.map(findingKey)));
  return differences;
}
