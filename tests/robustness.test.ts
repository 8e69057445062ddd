/**
 * Any input, bounded: patterns run in linear time (rule authors' are checked when a rule set
 * loads; every pattern in the engine is fed long adversarial strings), values nested or sized
 * past the limits end in one clear finding, and no document, text or rule set makes the library
 * throw (fast-check fuzzing).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_DEPTH, MAX_TABLE_ROWS, MAX_TEXT_CHARS, MAX_TEXT_LINES, preview, tooDeep } from '../engine/src/document/limits.js';
import { parseJsonText } from '../engine/src/document/json.js';
import { evaluate, importText, loadRuleSet } from '../engine/src/index.js';
import { builtPatterns } from '../engine/src/import/builtPatterns.js';
import { importPositioned } from '../engine/src/import/importPositioned.js';
import { MAX_LINE_CHARS, type PositionedText } from '../engine/src/import/positioned/model.js';
import { exceedsPrecision, parseDecimal } from '../engine/src/money/money.js';
import { patternProblem } from '../engine/src/pattern.js';
import { ROOT, departmentBudgetPack, sampleDocument } from './helpers/fixtures.js';

function filesUnder(folder: string, suffix: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/** Every regular-expression literal of the engine's sources, and every pattern the reader builds from parts, with where it is. */
function enginePatterns(): { where: string; pattern: RegExp }[] {
  const found: { where: string; pattern: RegExp }[] = [];
  for (const file of filesUnder(join(ROOT, 'engine', 'src'), '.ts')) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const literal = /^\/(.*)\/([a-z]*)$/su.exec(text)!;
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${file.slice(ROOT.length + 1)}:${line}`, pattern: new RegExp(literal[1]!, literal[2]!.replace(/[gy]/g, '')) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  builtPatterns().forEach((pattern, index) => found.push({ where: `builtPattern #${index + 1}`, pattern }));
  return found;
}

/** Every pattern the bundled pack writes (conditions, `when`, section headings). */
function packPatterns(): string[] {
  const patterns = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ((record.operator === 'matchesPattern' || record.operator === 'notMatchesPattern') && typeof record.value === 'string') patterns.add(record.value);
      const params = record.params as Record<string, unknown> | undefined;
      if (typeof params?.heading === 'string') patterns.add(params.heading);
      Object.values(record).forEach(walk);
    }
  };
  for (const file of filesUnder(join(ROOT, 'rules'), '.rule.json')) walk(JSON.parse(readFileSync(file, 'utf8')));
  return [...patterns];
}

/** Characters a pattern may repeat on: layout, digits, punctuation, and the Chinese it names. */
const PUMPED = [' ', '\u3000', '0', '.', '…', '一'];

describe('patterns run in linear time', () => {
  it('refuses a rule author’s pattern that backtracks super-linearly, with the reason and a rewrite where there is one', () => {
    expect(patternProblem('(a+)+$')).toMatch(/指数级回溯/);
    expect(patternProblem('^\\s*无\\s*[。.；;]?\\s*$')).toMatch(/多项式级回溯/);
    expect(patternProblem('^\\s*无\\s*(?:[。.；;]\\s*)?$')).toBeUndefined();
    expect(patternProblem('(')).toMatch(/不是有效的正则表达式/);
    expect(patternProblem('a'.repeat(1001))).toMatch(/超过 1000 个字符/);
    const loaded = loadRuleSet({
      id: 'slow',
      version: '1.0.0',
      title: '慢',
      rules: [
        {
          id: 'slow',
          title: '慢',
          message: '慢',
          severity: 'error',
          basis: ['测试'],
          scope: { each: 'text' },
          conditions: { all: [{ fact: 'text', operator: 'notMatchesPattern', value: '(a+)+$' }] },
        },
      ],
    });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatchObject({ pointer: '/rules/0/conditions/all/0/value', message: expect.stringMatching(/回溯/) });
  });

  it('every pattern of the bundled pack passes the check', () => {
    const patterns = packPatterns();
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns.filter((pattern) => patternProblem(pattern) !== undefined)).toEqual([]);
  });

  it('no pattern written in the engine or built by the reader can backtrack super-linearly (static analysis, as for rule authors’ patterns)', () => {
    const patterns = enginePatterns();
    expect(patterns.length).toBeGreaterThan(600);
    expect(builtPatterns().length).toBeGreaterThan(10);
    const flagged = patterns.filter(({ pattern }) => analyse({ source: pattern.source, flags: pattern.flags }, { maxReports: 1 }).reports.length > 0);
    expect(flagged.map(({ where, pattern }) => `${where} /${pattern.source}/`)).toEqual([]);
  });

  it('every pattern of the engine ends within 250 ms on 3,000-character adversarial strings (quadratic ones took ~50 ms; cubic or exponential ones never end)', () => {
    const slow: string[] = [];
    for (const { where, pattern } of enginePatterns()) {
      // Repeat a character, after a phrase the pattern names, and end with one that makes it fail,
      // alone or after another phrase it names (a unit, a delimiter) so that the failure comes last.
      const named = [...new Set(pattern.source.match(/[\u4e00-\u9fff]{1,4}/gu) ?? [])].slice(0, 2);
      const phrases = ['', ...named.slice(0, 1)];
      const tails = ['\u0001', ...named.map((phrase) => `${phrase}x`), '%x', '：x'];
      for (const phrase of phrases) {
        for (const character of [...PUMPED, ...named.map((candidate) => candidate[0]!)]) {
          for (const tail of tails) {
            const subject = `${phrase}${character.repeat(3_000)}${tail}`;
            const started = performance.now();
            pattern.test(subject);
            const elapsed = performance.now() - started;
            if (elapsed > 250) slow.push(`${where} ${pattern.source.slice(0, 60)} on ${JSON.stringify(phrase + character + tail)}: ${elapsed.toFixed(0)} ms`);
          }
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('a disclosure with a thousand adversarial lines of the longest length read imports within seconds, from text and from positioned lines', () => {
    const sample = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.txt'), 'utf8').split('\n');
    const length = MAX_LINE_CHARS;
    // Each line pumps what a stage's patterns repeat on: layout, numbering, numbers, units, delimiters, tabs.
    const lines = [
      `一、${' '.repeat(length - 3)}x`,
      `第一部分${'.'.repeat(length - 4)}`,
      '1'.repeat(length - 2) + '元x',
      '1万元（'.repeat(length / 4),
      '表1'.repeat(length / 2),
      '1\t'.repeat(length / 2),
      '- '.repeat(length / 2),
      '合计1万元，'.repeat(length / 6),
    ];
    const slow: string[] = [];
    for (const line of lines) {
      const every = Math.floor(sample.length / 1_000) || 1;
      const text = sample.flatMap((original, index) => (index > 10 && index % every === 0 ? [original, line] : [original])).join('\n');
      let started = performance.now();
      const fromText = importText(text);
      const textTime = performance.now() - started;
      const positioned: PositionedText = {
        format: 'pdf',
        pageCount: 1,
        lines: text
          .split('\n')
          .map((content, index) => ({ number: index + 1, page: 1, spans: content.trim() === '' ? [] : [{ text: content.trim(), x0: 0, x1: content.length * 5 }], text: content, size: 10 })),
      };
      started = performance.now();
      const fromLines = importPositioned(positioned);
      const linesTime = performance.now() - started;
      expect(fromText.ok && fromLines.ok).toBe(true);
      if (textTime > 5_000 || linesTime > 5_000) slow.push(`${JSON.stringify(line.slice(0, 12))}…: text ${textTime.toFixed(0)} ms, lines ${linesTime.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('cuts a line past the longest read, and says so once; refuses a text past the size limits before splitting it', () => {
    const sample = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.txt'), 'utf8');
    const long = '说明'.repeat(MAX_LINE_CHARS);
    const result = importText(`${sample}\n${long}\n${long}\n`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const notes = result.problems.filter((problem) => problem.code === 'line_too_long');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.message).toMatch(new RegExp(`等 2 行超过 ${MAX_LINE_CHARS} 个字符（该行 ${2 * MAX_LINE_CHARS} 个字符）`));
    }
    const tooLong = importText('x'.repeat(MAX_TEXT_CHARS + 1));
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'text_too_large', message: expect.stringContaining(String(MAX_TEXT_CHARS)) } });
    // Forty million characters of blank lines were 4.3 GB and half a minute; now one scan and a refusal.
    const started = performance.now();
    const blank = importText(`2025年某局部门预算\n${'\n'.repeat(40_000_000)}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(blank).toMatchObject({ ok: false, error: { code: 'text_too_large' } });
    const manyLines = importText(`2025年某局部门预算${'\n'.repeat(MAX_TEXT_LINES + 1)}`);
    expect(manyLines).toMatchObject({ ok: false, error: { code: 'text_too_large', message: expect.stringContaining(String(MAX_TEXT_LINES)) } });
  });
});

describe('limits before work', () => {
  it('finds nesting past a limit without recursion, and previews any value within bounds', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(tooDeep(deep, MAX_DOCUMENT_DEPTH)).toBe(`/0`.repeat(MAX_DOCUMENT_DEPTH));
    expect(tooDeep({ a: [1, { b: 2 }] }, MAX_DOCUMENT_DEPTH)).toBeUndefined();
    expect(preview(deep)).toBe('[[…]]');
    expect(preview('x'.repeat(10_000)).length).toBeLessThanOrEqual(60);
    expect(preview({ a: 1, b: [1, 2], c: { d: 1 }, e: 5 })).toBe('{"a":1,"b":[…],"c":{…},…}');
  });

  it('a document nested too deep, or a table with too many rows, ends in one clear finding and no rule runs', async () => {
    const deep = { ...(sampleDocument() as object), meta: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown };
    const report = await evaluate(departmentBudgetPack(), deep);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'limits', code: 'document_too_deep', severity: 'error' });
    expect(report.outcomes.every((outcome) => outcome.status === 'error')).toBe(true);
    const rows = Array.from({ length: MAX_TABLE_ROWS + 1 }, (_, index) => ({ name: `行${index}`, values: {} }));
    const large = await evaluate(departmentBudgetPack(), { meta: {}, tables: { expenditureSummary: { title: '支出总表', unit: '万元', columns: [], rows } } });
    expect(large.findings.map((finding) => [finding.code, finding.path])).toEqual([['table_too_large', '/tables/expenditureSummary/rows']]);
  });

  it('a rule set nested too deep is refused with its place', () => {
    let condition: unknown = { fact: 'text', operator: 'equal', value: 'x' };
    for (let level = 0; level < 300; level += 1) condition = { all: [condition] };
    const loaded = loadRuleSet({ id: 'deep', version: '1.0.0', title: '深', rules: [{ id: 'deep', title: '深', message: '深', severity: 'error', basis: ['测试'], conditions: condition }] });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0].message).toMatch(/嵌套超过 64 层/);
  });

  it('a check past its time budget stops with one finding naming the rule, and the rules not run are errors', async () => {
    const report = await evaluate(departmentBudgetPack(), sampleDocument(), { timeBudgetMs: 0.001 });
    const stopped = report.findings.filter((finding) => finding.code === 'time_budget_exceeded');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.message).toMatch(/检查超过时限 0\.000001 秒，在规则 \S+ 处停止/);
    expect(report.outcomes).toHaveLength(departmentBudgetPack().rules.length);
    expect(report.outcomes.filter((outcome) => outcome.status === 'error').length).toBeGreaterThan(0);
  });

  it('tells each rule as it starts, in order, so that a check stopped from outside can name where it was', async () => {
    const started: string[] = [];
    const report = await evaluate(departmentBudgetPack(), sampleDocument(), { onRule: (ruleId) => started.push(ruleId) });
    expect(started).toEqual(report.outcomes.map((outcome) => outcome.ruleId));
  });

  it('refuses amounts beyond the exact precision, instead of rounding them', () => {
    expect(exceedsPrecision('1' + '0'.repeat(41) + '.00')).toBe(true);
    expect(parseDecimal('1' + '0'.repeat(41) + '.00')).toBeUndefined();
    expect(exceedsPrecision('12,345,678,901,234,567,890.12')).toBe(false);
    expect(parseDecimal(`0.${'1'.repeat(30)}`)).toBeUndefined();
    expect(parseDecimal('0.000000000000000000000000000001')).toBeDefined();
  });

  it('reports a key given twice, and refuses JSON nested past 1000 levels before the recursive checker sees it', () => {
    const parsed = parseJsonText('{"meta": {"fiscalYear": 2024,\n "fiscalYear": 2025}, "tables": {}}', { duplicates: true });
    expect(parsed).toMatchObject({ ok: true, duplicates: [{ key: 'fiscalYear', pointer: '/meta', line: 2 }] });
    expect(parseJsonText('['.repeat(200_000))).toMatchObject({ ok: false, error: { code: 'NestedTooDeep' } });
  });
});

/** Arbitrary JSON the shape of a document, and anything else. */
const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.stringMatching(/^-?\d{1,40}(\.\d{1,30})?$/u));
const row = fc.record(
  {
    key: fc.option(fc.constantFrom('total', 'generalBudget', 'x'), { nil: undefined }),
    code: fc.option(fc.stringMatching(/^\d{3,7}$/u), { nil: undefined }),
    name: fc.string(),
    level: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
    values: fc.dictionary(fc.constantFrom('total', 'amount', 'generalBudget', 'basic'), cell),
  },
  { requiredKeys: ['name'] },
);
const table = fc.record({
  title: fc.string(),
  unit: fc.constantFrom('元', '万元', 'x'),
  columns: fc.array(fc.record({ id: fc.constantFrom('total', 'amount', 'generalBudget', 'basic'), header: fc.string() }), { maxLength: 4 }),
  rows: fc.array(row, { maxLength: 8 }),
  note: fc.option(fc.string(), { nil: undefined }),
});
const documentLike = fc.record({
  meta: fc.record({ department: fc.string(), fiscalYear: fc.oneof(fc.integer(), fc.string(), fc.jsonValue()), kind: fc.constantFrom('department-budget', 'x') }),
  tables: fc.dictionary(fc.constantFrom('expenditureSummary', 'incomeSummary', 'threePublicExpenses', 'projectExpenditure', 'generalBudgetExpenditure'), table),
  narrative: fc.record({
    sections: fc.array(
      fc.record({
        id: fc.constantFrom('overview', 'income', 'expenditure'),
        heading: fc.string(),
        text: fc.string(),
        figures: fc.array(
          fc.record({ key: fc.constantFrom('incomeTotal', 'expenditureTotal'), kind: fc.constantFrom('amount', 'share', 'change'), value: cell, unit: fc.constantFrom('万元', '元', '%') }),
        ),
      }),
      { maxLength: 3 },
    ),
  }),
  performance: fc.array(
    fc.record({
      project: fc.string(),
      funds: fc.jsonValue(),
      indicators: fc.array(fc.record({ period: fc.constantFrom('whole', 'annual'), level1: fc.string(), level3: fc.string(), value: fc.string() }), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});

describe('the library never throws (fuzzing)', () => {
  it('evaluate returns a report for any JSON value or document-like value', async () => {
    const pack = departmentBudgetPack();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), documentLike), async (document) => {
        const report = await evaluate(pack, document, { timeBudgetMs: 0 });
        expect(report.outcomes).toHaveLength(pack.rules.length);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('importText returns a document or a reason for any text, disclosure-like or not', () => {
    const disclosureLike = fc
      .array(
        fc.oneof(fc.string(), fc.constantFrom('2025年某局部门预算', '第一部分 部门概况', '一、收入预算情况说明', '收入预算总计100万元，占100%。', '表1 收支总表', '合计\t100.00\t50.00', '……', '\f')),
        { maxLength: 40 },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), disclosureLike), (text) => {
        const result = importText(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('loadRuleSet returns a rule set or its problems for any JSON', () => {
    const ruleLike = fc.record({
      id: fc.string(),
      version: fc.string(),
      title: fc.string(),
      rules: fc.array(
        fc.record({
          id: fc.string(),
          title: fc.jsonValue(),
          message: fc.jsonValue(),
          severity: fc.constantFrom('error', 'x'),
          basis: fc.jsonValue(),
          scope: fc.jsonValue(),
          conditions: fc.jsonValue(),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), ruleLike), (manifest) => {
        const loaded = loadRuleSet(manifest);
        expect(typeof loaded.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
