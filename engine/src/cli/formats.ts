/**
 * Reports of many documents for the tools that read them: SARIF 2.1.0 (code-review and CI tools),
 * JUnit XML (CI test views), and the summary table a person reads at the end of a batch.
 */
import type * as Sarif from 'sarif';
import { type CompiledRuleSet, type Language, type Report } from '../index.js';
import { displayWidth } from '../import/positioned/render.js';
import { localize } from '../report/createFinding.js';

/** One checked file: its report, or the one-line reason it could not be checked. */
export type FileResult = { readonly file: string; readonly report: Report; readonly seconds: number } | { readonly file: string; readonly unusable: string; readonly seconds: number };

const SARIF_LEVEL: Readonly<Record<string, Sarif.Result.level>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** What the findings the engine raises itself are about. */
const ENGINE_RULES: Readonly<Record<string, string>> = {
  import: '导入时未能读取或需要核对的内容 / what the importer could not read',
  limits: '超出检查的限制（嵌套、行数、时限）/ input past a limit of the check',
  'document-schema': '文档的结构不符合文档模型 / the document does not have the document model’s shape',
};

/**
 * A SARIF 2.1.0 log of the files' findings: one run, the rules of the rule set with their title,
 * severity and basis (the help text), one result per finding located at its file and line (and,
 * for a PDF, its page and box as properties); a file that could not be checked is a tool
 * notification.
 * @param results The files' results.
 * @param ruleSet The rule set used.
 * @param version The tool's version.
 * @param language The language of the rules' titles.
 */
export function toSarif(results: readonly FileResult[], ruleSet: CompiledRuleSet, version: string, language: Language): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = ruleSet.rules.map(({ definition }) => ({
    id: definition.id,
    shortDescription: { text: localize(definition.title, language) ?? definition.id },
    help: { text: `依据 / basis: ${definition.basis.join('；')}` },
    defaultConfiguration: { level: SARIF_LEVEL[definition.severity] ?? 'warning' },
    properties: { tags: [...(definition.tags ?? [])], basis: [...definition.basis] },
  }));
  const index = new Map(rules.map((rule, at) => [rule.id, at]));
  // Findings the engine itself raises (import notes, limits, the document's shape) get rules too.
  for (const result of results) {
    for (const finding of 'report' in result ? result.report.findings : []) {
      if (index.has(finding.ruleId)) continue;
      index.set(finding.ruleId, rules.length);
      rules.push({ id: finding.ruleId, shortDescription: { text: ENGINE_RULES[finding.ruleId] ?? finding.ruleId }, defaultConfiguration: { level: SARIF_LEVEL[finding.severity] ?? 'warning' } });
    }
  }
  const results_: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const result of results) {
    if ('unusable' in result) {
      notifications.push({ level: 'error', message: { text: result.unusable }, locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(result.file) } } }] });
      continue;
    }
    for (const finding of result.report.findings) {
      const ruleIndex = index.get(finding.ruleId);
      results_.push({
        ruleId: finding.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: SARIF_LEVEL[finding.severity] ?? 'warning',
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(result.file) },
              ...(finding.source !== undefined ? { region: { startLine: finding.source.line } } : {}),
            },
            logicalLocations: [{ fullyQualifiedName: finding.path === '' ? '/' : finding.path, kind: 'element' }],
          },
        ],
        ...(finding.source?.page !== undefined ? { properties: { page: finding.source.page, ...(finding.source.box !== undefined ? { box: [...finding.source.box] } : {}) } } : {}),
      });
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'disclosure-check', version, informationUri: 'https://github.com/disclosure-rules/disclosure-rules', rules } },
        results: results_,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

/**
 * A JUnit XML report: a test suite per file, a test case per rule (failed: its findings; not
 * applicable: skipped with the reason), and an unusable file as an errored suite.
 * @param results The files' results.
 */
export function toJunit(results: readonly FileResult[]): string {
  const suites = results.map((result) => {
    if ('unusable' in result) {
      return `  <testsuite name="${xml(result.file)}" tests="1" failures="0" errors="1" skipped="0" time="${result.seconds.toFixed(3)}">\n    <testcase classname="${xml(result.file)}" name="read"><error message="${xml(result.unusable)}"/></testcase>\n  </testsuite>`;
    }
    const { report } = result;
    const byRule = new Map<string, string[]>();
    for (const finding of report.findings)
      byRule.set(finding.ruleId, [
        ...(byRule.get(finding.ruleId) ?? []),
        `${finding.source !== undefined ? `L${finding.source.line}${finding.source.page !== undefined ? ` p${finding.source.page}` : ''} ` : ''}${finding.path} ${finding.message}`,
      ]);
    const failed = report.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'error').length;
    const skipped = report.outcomes.filter((outcome) => outcome.status === 'not_applicable').length;
    const cases = report.outcomes.map((outcome) => {
      const open = `    <testcase classname="${xml(result.file)}" name="${xml(outcome.ruleId)}"`;
      if (outcome.status === 'not_applicable') return `${open}><skipped message="${xml(outcome.reason ?? '')}"/></testcase>`;
      if (outcome.status === 'pass') return `${open}/>`;
      const lines = byRule.get(outcome.ruleId) ?? [outcome.reason ?? ''];
      const tag = outcome.status === 'error' ? 'error' : 'failure';
      return `${open}><${tag} message="${xml(lines[0] ?? '')}">${xml(lines.join('\n'))}</${tag}></testcase>`;
    });
    return `  <testsuite name="${xml(result.file)}" tests="${report.outcomes.length}" failures="${failed}" errors="0" skipped="${skipped}" time="${result.seconds.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="disclosure-check">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * The table ending a batch: a line per file (errors, warnings, rules applied, seconds) and the totals.
 * @param results The files' results.
 * @param language Its language.
 */
export function summaryTable(results: readonly FileResult[], language: Language): string {
  const zh = language === 'zh-CN';
  const header = zh ? ['文件', '错误', '警告', '规则适用', '用时（秒）'] : ['file', 'errors', 'warnings', 'rules applied', 'seconds'];
  const rows = results.map((result) => {
    if ('unusable' in result) return [result.file, '-', '-', zh ? '无法检查' : 'unusable', result.seconds.toFixed(2)];
    const { summary, outcomes } = result.report;
    return [result.file, String(summary.error), String(summary.warning), `${outcomes.length - summary.notApplicable}/${outcomes.length}`, result.seconds.toFixed(2)];
  });
  const checked = results.filter((result): result is Extract<FileResult, { report: Report }> => 'report' in result);
  const errors = checked.reduce((sum, result) => sum + result.report.summary.error, 0);
  const warnings = checked.reduce((sum, result) => sum + result.report.summary.warning, 0);
  const unusable = results.length - checked.length;
  rows.push([
    zh ? `合计（${results.length} 个文件${unusable > 0 ? `，${unusable} 个无法检查` : ''}）` : `total (${results.length} files${unusable > 0 ? `, ${unusable} unusable` : ''})`,
    String(errors),
    String(warnings),
    '',
    results.reduce((sum, result) => sum + result.seconds, 0).toFixed(2),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function uriOf(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function xml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the markup characters escaped.
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
