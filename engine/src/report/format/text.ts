/**
 * The human-readable report: by severity, one entry per defect (the findings of one rule with
 * one cause), its first place (source line when known, and JSON Pointer) and message, and how many
 * places more; `verbose` lists every place. Then a summary line.
 */
import { type Language } from '../messages/index.js';
import { groupFindings } from '../groups.js';
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

/** How the text is laid out. */
export interface TextOptions {
  /** Every place of every defect (by default, a defect's first place and how many more). */
  readonly verbose?: boolean;
}

/**
 * Renders a report as text.
 * @param report The report.
 * @param language Language of the headings.
 * @param options Every place, or one per defect.
 */
export function formatText(report: Report, language: Language = 'zh-CN', options: TextOptions = {}): string {
  const lines: string[] = [];
  const subject = [report.document.department, report.document.fiscalYear, report.document.file].filter((part) => part !== undefined).join(' · ');
  lines.push(`${subject}（${report.ruleSet.id} ${report.ruleSet.version}）`.replace(/^（/, '('));
  const groups = report.groups ?? groupFindings(report.findings);
  const zh = language === 'zh-CN';
  for (const severity of ['error', 'warning', 'info'] as const) {
    const ofSeverity = groups.filter((group) => group.severity === severity);
    if (ofSeverity.length === 0) continue;
    const count = ofSeverity.reduce((sum, group) => sum + group.count, 0);
    lines.push('', `${HEADINGS[language][severity]}（${count}${ofSeverity.length < count ? (zh ? `，${ofSeverity.length} 项缺陷` : `; ${ofSeverity.length} defects`) : ''}）`);
    for (const group of ofSeverity) {
      const shown = options.verbose === true ? group.findings : group.findings.slice(0, 1);
      if (group.count > 1) lines.push(`  ${group.message}${zh ? `（${group.count} 处）` : ` (${group.count} places)`}`);
      for (const index of shown) {
        const finding = report.findings[index]!;
        lines.push(`  [${finding.ruleId}] ${place(finding, report.document.sourceFile, language)}`, `    ${finding.message}`);
      }
      if (shown.length < group.count) lines.push(zh ? `    ……另有 ${group.count - shown.length} 处（--verbose 列出全部）` : `    … ${group.count - shown.length} more (--verbose lists them all)`);
      const basis = report.findings[group.findings[0]!]!.basis;
      if (basis !== undefined && basis.length > 0) lines.push(`    ${zh ? '依据' : 'Basis'}：${basis.join('；')}`);
    }
  }
  lines.push('', summaryLine(report.summary, language));
  return `${lines.join('\n')}\n`;
}

/**
 * The report's counts in one sentence, as the text report ends and the printable page opens.
 * @param summary The report's summary.
 * @param language The language.
 */
export function summaryLine(summary: Report['summary'], language: Language): string {
  return language === 'zh-CN'
    ? `共 ${summary.error} 个错误、${summary.warning} 个警告、${summary.info} 个提示；${summary.rulesEvaluated} 条规则：${summary.passed} 通过、${summary.failed} 未通过、${summary.notApplicable} 不适用、${summary.errored} 无法求值。`
    : `${summary.error} errors, ${summary.warning} warnings, ${summary.info} notes; ${summary.rulesEvaluated} rules: ${summary.passed} passed, ${summary.failed} failed, ${summary.notApplicable} not applicable, ${summary.errored} not evaluated.`;
}
