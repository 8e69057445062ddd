/**
 * The report as a printable HTML page, as staff file it: the document, the counts, each defect
 * (errors first) with every place it was found at and its basis, then the rules that did not
 * apply with the reason. Self-contained (inline style, no script), escaped throughout.
 */
import { type Language, type Report } from '../../../engine/src/index.js';
import { summaryLine } from '../../../engine/src/report/format/text.js';
import { groupFindings } from '../../../engine/src/report/groups.js';

const LABELS = {
  'zh-CN': {
    title: '预算公开检查报告',
    severity: { error: '错误', warning: '警告', info: '提示' },
    places: '处',
    basis: '依据',
    notApplicable: '不适用的规则',
    page: (page: number) => `第 ${page} 页`,
    line: (line: number) => `第 ${line} 行`,
  },
  en: {
    title: 'Budget disclosure check report',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    places: 'places',
    basis: 'Basis',
    notApplicable: 'Rules not applicable',
    page: (page: number) => `page ${page}`,
    line: (line: number) => `line ${line}`,
  },
} as const;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The page's HTML.
 * @param report The report.
 * @param language Its language.
 */
export function reportHtml(report: Report, language: Language): string {
  const labels = LABELS[language];
  const subject = [report.document.department, report.document.fiscalYear, report.document.file].filter((part) => part !== undefined).join(' · ');
  const groups = (report.groups ?? groupFindings(report.findings)).map((group) => {
    const first = report.findings[group.findings[0]!]!;
    const places = group.findings.map((index) => {
      const finding = report.findings[index]!;
      const where = [finding.source?.page !== undefined ? labels.page(finding.source.page) : '', finding.source !== undefined ? labels.line(finding.source.line) : '', finding.path || '/']
        .filter((part) => part !== '')
        .join(' · ');
      return `<li><span class="where">${escape(where)}</span> ${escape(finding.message)}</li>`;
    });
    const basis = first.basis !== undefined && first.basis.length > 0 ? `<p class="basis">${labels.basis}：${escape(first.basis.join('；'))}</p>` : '';
    return `<section class="defect ${group.severity}"><h3><span class="badge">${labels.severity[group.severity]}</span> ${escape(group.message)}（${group.count} ${labels.places}）<code>${escape(group.ruleId)}</code></h3><ol>${places.join('')}</ol>${basis}</section>`;
  });
  const notApplicable = report.outcomes.filter((outcome) => outcome.status === 'not_applicable').map((outcome) => `<li><code>${escape(outcome.ruleId)}</code> ${escape(outcome.reason ?? '')}</li>`);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escape(labels.title)} · ${escape(subject)}</title>
<style>
body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 11pt; margin: 2cm; color: #1f2328; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.5em; } h3 { font-size: 11pt; margin: 1em 0 0.3em; }
.defect { break-inside: avoid; border-left: 3px solid #d0d7de; padding-left: 0.6em; }
.defect.error { border-color: #cf222e; } .defect.warning { border-color: #9a6700; } .defect.info { border-color: #0969da; }
.where, .basis, code { color: #57606a; font-size: 9pt; } code { margin-left: 0.5em; }
ol { margin: 0.2em 0; padding-left: 1.5em; } li { margin: 0.15em 0; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escape(labels.title)}</h1>
<p>${escape(subject)}（${escape(report.ruleSet.id)} ${escape(report.ruleSet.version)}）</p>
<p><strong>${escape(summaryLine(report.summary, language))}</strong></p>
${groups.join('\n')}
<h2>${labels.notApplicable}（${notApplicable.length}）</h2>
<ul>${notApplicable.join('')}</ul>
</body>
</html>
`;
}
