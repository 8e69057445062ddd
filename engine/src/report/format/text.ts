/**
 * The human-readable report: findings grouped by severity, each with its rule id, place (source
 * line when known, and JSON Pointer) and message, then a summary line.
 */
import { type Language } from '../messages/index.js';
import { type Finding, type Report } from '../types.js';

const HEADINGS: Readonly<Record<Language, Readonly<Record<Finding['severity'], string>>>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
};

function place(finding: Finding, sourceFile: string | undefined, language: Language): string {
  const pointer = finding.path === '' ? '/' : finding.path;
  if (finding.source === undefined) return pointer;
  const file = sourceFile === undefined ? '' : language === 'zh-CN' ? `${sourceFile} ` : `${sourceFile}, `;
  // A PDF's findings name the page too (its line numbers are those of the text view `import --text` prints).
  const page = finding.source.page;
  if (language === 'zh-CN') return `${file}${page !== undefined ? `第 ${page} 页 ` : ''}第 ${finding.source.line} 行 ${pointer}`;
  return `${file}${page !== undefined ? `page ${page}, ` : ''}line ${finding.source.line} ${pointer}`;
}

/**
 * Renders a report as text.
 * @param report The report.
 * @param language Language of the headings.
 */
export function formatText(report: Report, language: Language = 'zh-CN'): string {
  const lines: string[] = [];
  const subject = [report.document.department, report.document.fiscalYear, report.document.file].filter((part) => part !== undefined).join(' · ');
  lines.push(`${subject}（${report.ruleSet.id} ${report.ruleSet.version}）`.replace(/^（/, '('));
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[language][severity]}（${group.length}）`);
    for (const finding of group) {
      lines.push(`  [${finding.ruleId}] ${place(finding, report.document.sourceFile, language)}`, `    ${finding.message}`);
      if (finding.basis !== undefined && finding.basis.length > 0) lines.push(`    ${language === 'zh-CN' ? '依据' : 'Basis'}：${finding.basis.join('；')}`);
    }
  }
  const { summary } = report;
  lines.push(
    '',
    language === 'zh-CN'
      ? `共 ${summary.error} 个错误、${summary.warning} 个警告、${summary.info} 个提示；${summary.rulesEvaluated} 条规则：${summary.passed} 通过、${summary.failed} 未通过、${summary.notApplicable} 不适用、${summary.errored} 无法求值。`
      : `${summary.error} errors, ${summary.warning} warnings, ${summary.info} notes; ${summary.rulesEvaluated} rules: ${summary.passed} passed, ${summary.failed} failed, ${summary.notApplicable} not applicable, ${summary.errored} not evaluated.`,
  );
  return `${lines.join('\n')}\n`;
}
