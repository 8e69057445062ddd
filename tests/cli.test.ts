/**
 * The CLI contract: exit 0 without error findings, 1 with them, 2 on unusable input with a
 * one-line reason on stderr naming the file and the place; --format json prints one report
 * that validates against schemas/report.schema.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../engine/src/cli/main.js';
import type * as Sarif from 'sarif';
import { validateAgainst } from '../engine/src/index.js';
import { ROOT, patched, sampleDocument } from './helpers/fixtures.js';

const SAMPLE = join(ROOT, 'examples', 'budget-2025-shenpiju.json');
const scratch = mkdtempSync(join(tmpdir(), 'disclosure-cli-'));

function write(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('disclosure-check', () => {
  it('exits 1 on the sample, whose real defects it prints by severity, one per defect with its first place (--verbose: every place)', async () => {
    const { code, stdout, stderr } = await cli(SAMPLE);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('山西转型综合改革示范区行政审批局');
    expect(stdout).toMatch(/错误（70，13 项缺陷）\n/);
    expect(stdout).toMatch(/警告（89，\d+ 项缺陷）\n/);
    expect(stdout).toMatch(
      / {2}所附绩效目标表应属于本部门（20 处）\n {2}\[performance-table-belongs-to-department\] budget-2025-shenpiju\.txt 第 416 行 \/performance\/0\n.*\n {4}……另有 19 处（--verbose 列出全部）\n/,
    );
    const verbose = await cli(SAMPLE, '--verbose');
    expect(verbose.stdout.match(/^ {2}\[/gm)).toHaveLength(161);
    expect(verbose.stdout).not.toContain('--verbose 列出全部');
    expect(stdout).toMatch(/ {2}\[no-non-public-material\] budget-2025-shenpiju\.txt 第 414 行 \/sections\/other\/0\/text\n/);
    expect(stdout).toMatch(/共 70 个错误、89 个警告、2 个提示/);
    // The README's quick start quotes this output: its summary line must be the real one.
    const summary = stdout.trim().split('\n').at(-1)!;
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\n${summary}\n`);
  });

  it('exits 0 without error findings: warnings alone, or the sample with its text rules skipped', async () => {
    const warnings = await cli(SAMPLE, '--only', 'no-doubled-words');
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toMatch(/共 0 个错误、8 个警告/);
    // Its defects are in its texts, performance targets, explanations, assets list, one subject name and its table labels.
    const clean = await cli(SAMPLE, '--skip', 'texts,performance,explanations,assets,narrative-subject-names-match,table-labels-consistent,tables-labelled');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/共 0 个错误、0 个警告/);
  });

  it('--format json prints exactly one report that validates', async () => {
    const { code, stdout } = await cli(SAMPLE, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as unknown;
    expect(validateAgainst('report', report)).toEqual([]);
    expect(report).toMatchObject({ valid: false, ruleSet: { id: 'department-budget' }, document: { fiscalYear: 2025 }, summary: { error: 70, warning: 89, info: 2 } });
  });

  it('reports a defect at its place, in Chinese or English', async () => {
    const defect = write('defect.json', patched(sampleDocument(), [{ op: 'remove', path: '/tables/threePublicExpenses/note' }]));
    const { code, stdout } = await cli(defect, '--only', 'three-public-filled-or-marked');
    expect(code).toBe(1);
    expect(stdout).toMatch(/错误（1）\n {2}\[three-public-filled-or-marked\] budget-2025-shenpiju\.txt 第 \d+ 行 \/tables\/threePublicExpenses\/note\n/);
    const json = await cli(defect, '--format', 'json', '--lang', 'en', '--only', 'empty-table');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { summary: unknown; findings: { ruleId: string; severity: string; message: string }[] };
    expect(report).toMatchObject({ valid: false, summary: { error: 1 } });
    expect(report.findings.find((finding) => finding.severity === 'error')?.message).toMatch(/has neither data nor an empty-table note/);
  });

  it('--only and --skip select rules by id or tag', async () => {
    const defect = write('defect2.json', patched(sampleDocument(), [{ op: 'remove', path: '/tables/threePublicExpenses/note' }]));
    expect((await cli(defect, '--skip', 'three-public,texts,performance,narrative-subject-names-match')).code).toBe(0);
    expect((await cli(defect, '--only', 'arithmetic,cross-table', '--skip', 'performance')).code).toBe(0);
    expect((await cli(defect, '--only', 'three-public-filled-or-marked')).code).toBe(1);
  });

  it('exits 2 when --only or --skip names no rule id or tag, and stops at --time-budget with one finding', async () => {
    const sample = write('sample-only.json', sampleDocument());
    const typo = await cli(sample, '--only', 'arithmetc');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--only arithmetc：规则包中没有这样的规则 id 或标签/);
    expect((await cli(sample, '--skip', 'no-such-rule')).code).toBe(2);
    const stopped = await cli(sample, '--format', 'json', '--time-budget', '0.000001');
    expect(stopped.code).toBe(1);
    const report = JSON.parse(stopped.stdout) as { findings: { code: string }[] };
    expect(report.findings.filter((finding) => finding.code === 'time_budget_exceeded')).toHaveLength(1);
    expect((await cli(sample, '--time-budget', '-1')).code).toBe(2);
  });

  it('reports keys given twice in JSON input, keeping the last value as JSON does', async () => {
    const twice = write('twice.json', '{"meta": {"fiscalYear": 2024, "fiscalYear": 2025}, "tables": {}}');
    const { stdout } = await cli(twice, '--format', 'json');
    const report = JSON.parse(stdout) as { document: { fiscalYear?: number }; findings: { code: string; message: string }[] };
    expect(report.document.fiscalYear).toBe(2025);
    expect(report.findings.find((finding) => finding.code === 'duplicate_key')?.message).toMatch(/键“fiscalYear”在 \/meta 中出现了不止一次/);
  });

  it('exits 1 for documents of the wrong shape', async () => {
    for (const content of ['{}', '[]', '{"meta": 5, "tables": {"x": 1}}', '"text"']) {
      const { code, stdout } = await cli(write('shape.json', content), '--format', 'json');
      expect(code, content).toBe(1);
      expect(validateAgainst('report', JSON.parse(stdout))).toEqual([]);
    }
  });

  it('exits 2 on malformed JSON, naming the file and line:column', async () => {
    const broken = write('broken.json', '{\n  "meta": {\n    "department": "x",\n  }\n}\n');
    const { code, stdout, stderr } = await cli(broken);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(new RegExp(`^disclosure-check: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:3: JSON 格式错误`));
  });

  it('exits 2 on a missing file and on an empty one', async () => {
    const missing = await cli(join(scratch, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: 无法读取文件/);
    const empty = await cli(write('empty.json', ''));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty\.json:1:1: JSON 格式错误/);
  });

  it('exits 2 on a file over the size limit without reading it, and on JSON nested past 1,000 levels', async () => {
    // A sparse file: 101 MB on paper, no time to write.
    const huge = join(scratch, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 101 * 1024 * 1024);
    const large = await cli(huge);
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(/huge\.json: 文件有 101 MB，超过 100 MB 的上限/);
    const nested = await cli(write('nested.json', '['.repeat(200_000)));
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/nested\.json:1:1001: JSON 嵌套过深/);
    // A text under 100 MB but past the reader's 10 million characters: refused before it is split.
    const long = await cli(write('long.txt', `2025年某局部门预算\n${'x'.repeat(10_000_001)}`));
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/long\.txt: 文本有 10000013 个字符，超过 10000000 个字符的上限/);
    expect(long.stderr).not.toMatch(/not a budget disclosure/);
  });

  it('exits 2 on an invalid rule set, naming the rule file and the JSON Pointer', async () => {
    const rules = write('rules.json', {
      id: 'broken',
      version: '1.0.0',
      title: '坏规则',
      rules: [
        { id: 'x', title: 't', message: 'm', severity: 'error', basis: ['b'], conditions: { all: [{ fact: 'tableExists', params: { table: 'incomeSummary' }, operator: 'bogus', value: true }] } },
      ],
    });
    const { code, stdout, stderr } = await cli(SAMPLE, '--rules', rules);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(/rules\.json:\/rules\/0\/conditions\/all\/0\/operator: 规则集无效：未知的运算符“bogus”/);
  });

  it('exits 2 on unknown options and on text that is not a disclosure', async () => {
    expect((await cli(SAMPLE, '--format', 'xml')).code).toBe(2);
    const text = await cli(write('doc.txt', '预算'));
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/doc\.txt:1: 不是预算公开文本/);
  });

  it('imports published text: `import` prints the document, checking a .txt names source lines', async () => {
    const sampleText = join(ROOT, 'examples', 'budget-2025-shenpiju.txt');
    const printed = await cli('import', sampleText);
    expect(printed.code).toBe(0);
    const { $schema: _schema, ...sample } = sampleDocument() as Record<string, unknown>;
    expect(JSON.parse(printed.stdout)).toEqual(sample);
    expect(printed.stderr).toBe('');

    // Checking the text finds what checking its JSON finds, with the same source lines.
    const checked = await cli(sampleText, '--format', 'json');
    const fromJson = await cli(SAMPLE, '--format', 'json');
    expect(checked.code).toBe(1);
    expect(validateAgainst('report', JSON.parse(checked.stdout))).toEqual([]);
    expect(JSON.parse(checked.stdout).findings).toEqual(JSON.parse(fromJson.stdout).findings);

    // What the importer cannot read is a warning naming its own source line (here: 事业收入 etc. on
    // line 73, for which the model has no figure key), not a range over the whole text.
    const shanghai = await cli(join(ROOT, 'examples', 'shanghai-putuo-wanli-2025-budget.txt'));
    expect(shanghai.code).toBe(0);
    expect(shanghai.stdout).toMatch(/\[import\] shanghai-putuo-wanli-2025-budget\.txt 第 120 行/);
    expect(shanghai.stdout).not.toMatch(/尚未导入/);
  });

  it('reads a PDF: findings name its page and line, --format json gives source.page and box, `import` prints its document and text view', async () => {
    const pdf = join(ROOT, 'corpus', 'central-guojia-xinfangju-2026-budget.pdf');
    const { code, stdout, stderr } = await cli(pdf);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/\[narrative-fiscal-appropriation-matches\] central-guojia-xinfangju-2026-budget\.pdf 第 18 页 第 \d+ 行 \/narrative\/sections\/\d+\/figures\/0\/value\n/);
    const json = await cli(pdf, '--format', 'json');
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; source?: { line: number; page?: number; box?: number[] } }[] };
    expect(validateAgainst('report', report)).toEqual([]);
    const finding = report.findings.find((entry) => entry.ruleId === 'narrative-fiscal-appropriation-matches')!;
    expect(finding.source?.page).toBe(18);
    expect(finding.source?.box).toHaveLength(4);
    const imported = await cli('import', pdf);
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.stdout) as { meta: { department: string } }).meta.department).toBe('国家信访局');
    const text = await cli('import', '--text', pdf);
    expect(text.stdout.split('\n')[finding.source!.line - 1]).toContain('18,728.91');
  }, 30_000);

  it('refuses a 部门决算 (no rule pack yet) and files it cannot read, with exit 2 and one line', async () => {
    const finalAccounts = await cli(write('final.txt', '某某市统计局\n2025年度部门决算\n\n目录\n一、部门职责\n'));
    expect(finalAccounts.code).toBe(2);
    expect(finalAccounts.stderr).toMatch(/final\.txt: 这是部门决算：还没有决算的规则包，暂不能检查 \/ no rule pack for 部门决算 yet\n$/);
    const workbook = await cli(write('table.xlsx', 'PK\u0003\u0004 not really a workbook'));
    expect(workbook.code).toBe(2);
    expect(workbook.stderr).toMatch(/table\.xlsx: 不支持的文件格式：Office 文档或 ZIP 压缩包/);
    const broken = await cli(write('broken.pdf', '%PDF-1.7\n this is not a PDF body'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.pdf: 无法解析 PDF（.*）：请确认文件完整 \/ not a readable PDF\n$/);
    for (const result of [finalAccounts, workbook, broken]) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs as the installed command (bin → dist), with the same exit codes', () => {
    const bin = join(ROOT, 'bin', 'disclosure-check.js');
    const sample = spawnSync(process.execPath, [bin, SAMPLE, '--format', 'json'], { encoding: 'utf8' });
    expect(sample.status).toBe(1);
    expect(validateAgainst('report', JSON.parse(sample.stdout))).toEqual([]);
    const clean = spawnSync(process.execPath, [bin, SAMPLE, '--skip', 'texts,performance,narrative-subject-names-match'], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, write('bad.json', '{')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--version prints the package version; --help shows the check options; a closed pipe ends quietly', () => {
    const bin = join(ROOT, 'bin', 'disclosure-check.js');
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const option of ['--rules', '--format', '--only', '--skip', '--time-budget', '--workers']) expect(help.stdout).toContain(option);
    // `| head -1` closes the pipe after one line: no EPIPE stack trace.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" "${SAMPLE}" --format json | head -1`], { encoding: 'utf8' });
    expect(piped.stdout).toBe('{\n');
    expect(piped.stderr).toBe('');
  });
});

describe('disclosure-check on many documents', () => {
  const PDF = join(ROOT, 'corpus', 'central-guojia-xinfangju-2026-budget.pdf');

  it('prints a report per file as JSON Lines, names each unusable file, ends with a summary table, and exits with the worst', async () => {
    const broken = write('broken.json', '{');
    const { code, stdout, stderr } = await cli(SAMPLE, PDF, broken, '--format', 'json');
    expect(code).toBe(2);
    const reports = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { document: { file?: string } });
    expect(reports.map((report) => report.document.file)).toEqual(['budget-2025-shenpiju.json', 'central-guojia-xinfangju-2026-budget.pdf']);
    for (const report of reports) expect(validateAgainst('report', report)).toEqual([]);
    expect(stderr).toMatch(/^disclosure-check: .*broken\.json:1:2: JSON 格式错误/m);
    const table = stderr.split('\n').filter((line) => /^(?:文件|.*\.(?:json|pdf) |合计)/.test(line));
    expect(table[0]).toMatch(/^文件\s+错误\s+警告\s+规则适用\s+用时（秒）$/);
    expect(table.find((line) => line.includes('budget-2025-shenpiju.json'))).toMatch(/\s70\s+89\s+105\/125\s/);
    expect(table.find((line) => line.includes('broken.json'))).toMatch(/无法检查/);
    expect(table.at(-1)).toMatch(/^合计（3 个文件，1 个无法检查）/);
  }, 30_000);

  it('--format sarif gives one SARIF 2.1.0 log: the rules with their title and basis, one result per finding at its file and line (and page for a PDF)', async () => {
    const { code, stdout } = await cli(SAMPLE, PDF, '--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    const rules = run!.tool.driver.rules!;
    // The pack’s 125 rules, then the engine's own (import notes of the PDF).
    expect(rules.slice(0, 125).every((rule) => rule.help?.text.includes('依据') === true)).toBe(true);
    expect(rules.slice(125).map((rule) => rule.id)).toEqual(['import']);
    expect(rules.find((rule) => rule.id === 'empty-table-marked')).toMatchObject({
      shortDescription: { text: expect.any(String) },
      help: { text: expect.stringContaining('依据') },
      properties: { basis: expect.arrayContaining([expect.any(String)]) },
    });
    const single = await cli(SAMPLE, '--format', 'json');
    const central = await cli(PDF, '--format', 'json');
    const findings = (JSON.parse(single.stdout) as { findings: unknown[] }).findings.length + (JSON.parse(central.stdout) as { findings: unknown[] }).findings.length;
    expect(run!.results).toHaveLength(findings);
    const fromPdf = run!.results!.find((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.endsWith('.pdf') === true && result.properties?.page !== undefined);
    expect(fromPdf).toMatchObject({
      level: expect.stringMatching(/^(?:error|warning|note)$/),
      message: { text: expect.any(String) },
      locations: [{ physicalLocation: { region: { startLine: expect.any(Number) } } }],
    });
    expect(rules[fromPdf!.ruleIndex!]!.id).toBe(fromPdf!.ruleId);
  }, 30_000);

  it('--format junit gives a test suite per file and a test case per rule', async () => {
    const { code, stdout } = await cli(SAMPLE, '--format', 'junit');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="disclosure-check">/);
    expect(stdout.match(/<testsuite /g)).toHaveLength(1);
    expect(stdout.match(/<testcase /g)).toHaveLength(125);
    expect(stdout).toMatch(/<testsuite name="[^"]*budget-2025-shenpiju\.json" tests="125" failures="34" errors="0" skipped="20"/);
  });

  it('checks a folder on worker threads as the installed command: a report per file and the summary, in the order of the files', () => {
    const folder = join(scratch, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(SAMPLE, join(folder, 'a-sample.json'));
    copyFileSync(PDF, join(folder, 'sub', 'b-central.pdf'));
    writeFileSync(join(folder, 'notes.md'), 'not a document');
    const bin = join(ROOT, 'bin', 'disclosure-check.js');
    const run = spawnSync(process.execPath, [bin, folder, '--workers', '2'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout.match(/^== .*$/gm)).toEqual([`== ${join(folder, 'a-sample.json')}`, `== ${join(folder, 'sub', 'b-central.pdf')}`]);
    expect(run.stdout).toMatch(/\n合计（2 个文件）\s+71\s+/);
    expect(run.stderr).toBe('');
  }, 30_000);
});
