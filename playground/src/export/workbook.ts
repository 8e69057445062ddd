/**
 * The report as an Excel workbook, as staff send it on: a sheet of findings (severity, rule,
 * title, place, message, basis) and a sheet of rule outcomes (pass, fail, not applicable with the
 * reason). ExcelJS is loaded only when a workbook is made (it is larger than the engine).
 */
import { type Language, type Report } from '../../../engine/src/index.js';

const LABELS = {
  'zh-CN': {
    findings: '问题',
    outcomes: '规则结果',
    findingColumns: ['严重程度', '规则', '规则标题', '页', '行', '位置（JSON 路径）', '说明', '依据'],
    outcomeColumns: ['规则', '结果', '原因'],
    severity: { error: '错误', warning: '警告', info: '提示' },
    status: { pass: '通过', fail: '未通过', not_applicable: '不适用', error: '无法求值' },
  },
  en: {
    findings: 'Findings',
    outcomes: 'Rule outcomes',
    findingColumns: ['Severity', 'Rule', 'Rule title', 'Page', 'Line', 'Place (JSON Pointer)', 'Message', 'Basis'],
    outcomeColumns: ['Rule', 'Outcome', 'Reason'],
    severity: { error: 'error', warning: 'warning', info: 'note' },
    status: { pass: 'passed', fail: 'failed', not_applicable: 'not applicable', error: 'not evaluated' },
  },
} as const;

/**
 * The workbook's bytes (.xlsx).
 * @param report The report.
 * @param language The language of the headings and values.
 */
export async function reportWorkbook(report: Report, language: Language): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const labels = LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'disclosure-rules';
  const findings = workbook.addWorksheet(labels.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.addRow([...labels.findingColumns]);
  for (const finding of report.findings) {
    findings.addRow([
      labels.severity[finding.severity],
      finding.ruleId,
      finding.title ?? '',
      finding.source?.page ?? '',
      finding.source?.line ?? '',
      finding.path === '' ? '/' : finding.path,
      finding.message,
      (finding.basis ?? []).join('；'),
    ]);
  }
  const outcomes = workbook.addWorksheet(labels.outcomes, { views: [{ state: 'frozen', ySplit: 1 }] });
  outcomes.addRow([...labels.outcomeColumns]);
  for (const outcome of report.outcomes) outcomes.addRow([outcome.ruleId, labels.status[outcome.status], outcome.reason ?? '']);
  for (const sheet of [findings, outcomes]) {
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  }
  findings.columns.forEach((column, index) => {
    column.width = [8, 30, 30, 6, 6, 36, 80, 60][index] ?? 20;
  });
  outcomes.columns.forEach((column, index) => {
    column.width = [36, 12, 80][index] ?? 20;
  });
  return workbook.xlsx.writeBuffer();
}
