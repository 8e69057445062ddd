/** Findings grouped by defect, for the report and its text form. */
import { type Finding, type FindingGroup } from './types.js';

const SEVERITY_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The findings grouped by defect: one group per rule and finding code (a rule that finds twenty
 * tables of another unit is one defect at twenty places). Errors first, then larger groups, then
 * in the order of their first finding.
 * @param findings The report's findings.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { ruleId: string; code: string; severity: Finding['severity']; message: string; findings: number[] }>();
  findings.forEach((finding, index) => {
    const key = `${finding.ruleId}\u0000${finding.code}\u0000${finding.severity}`;
    const group = groups.get(key);
    if (group !== undefined) group.findings.push(index);
    else groups.set(key, { ruleId: finding.ruleId, code: finding.code, severity: finding.severity, message: finding.title ?? finding.message, findings: [index] });
  });
  return [...groups.values()]
    .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || b.findings.length - a.findings.length || a.findings[0]! - b.findings[0]!)
    .map((group) => ({ ...group, count: group.findings.length }));
}
