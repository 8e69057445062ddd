/**
 * Importing published text: the sample's 13 tables equal the hand-built JSON, the document is
 * recognised, what is not read yet is reported at its lines, text that is not a disclosure is
 * refused, and the tab layout copes with CRLF, full-width digits, thousands separators, missing
 * labels and a table continued after blank lines. No text, however arbitrary, makes it throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText, validateAgainst } from '../../engine/src/index.js';
import { ROOT, sampleDocument } from '../helpers/fixtures.js';

const sampleText = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.txt'), 'utf8');
const expected = sampleDocument();

function imported(text: string) {
  const result = importText(text, { file: 'budget-2025-shenpiju.txt' });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('importing the sample text', () => {
  const { document, problems } = imported(sampleText);

  it('equals the hand-built JSON in examples/, all of it: meta, 13 tables, narrative, 20 performance tables, assets, sections', () => {
    const { $schema: _schema, ...withoutSchema } = expected as Record<string, unknown>;
    expect(document).toEqual(withoutSchema);
    expect(Object.keys(document.tables)).toHaveLength(13);
    expect(document.performance).toHaveLength(20);
  });

  it('gives a schema-valid document and reads every line (no import problems)', () => {
    expect(validateAgainst('document', document)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads the same document from CRLF text', () => {
    expect(imported(sampleText.replace(/\n/g, '\r\n')).document).toEqual(document);
  });
});

const header = ['2025年度部门预算公开', '', '部门名称：测试局', '', '单位：万元', ''];

describe('tables in the tab layout', () => {
  it('reads full-width digits and thousands separators, keeps blank cells blank, and needs no label', () => {
    const text = [
      ...header,
      '2025年预算支出总表',
      '部门名称：测试局',
      '单位：万元',
      '项目\t\t2025年预算数\t\t',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '合计\t\t１,２３４.５０\t34.50\t1,200.00',
      '',
      '201\t一般公共服务支出\t1,234.50\t34.50\t1,200.00',
      '2010301\t行政运行\t34.50\t34.50\t',
    ].join('\n');
    const table = imported(text).document.tables.expenditureSummary!;
    expect(table.label).toBeUndefined();
    expect(table.columns.map((column) => column.id)).toEqual(['total', 'basic', 'project']);
    expect(table.rows.map((row) => [row.key ?? row.code, row.values])).toEqual([
      ['total', { total: '1234.50', basic: '34.50', project: '1200.00' }],
      ['201', { total: '1234.50', basic: '34.50', project: '1200.00' }],
      ['2010301', { total: '34.50', basic: '34.50' }],
    ]);
  });

  it('continues a table across a page break that repeats its header', () => {
    const text = [
      ...header,
      '2025年一般公共预算支出预算表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '合计\t\t30.00\t10.00\t20.00',
      '201\t一般公共服务支出\t30.00\t10.00\t20.00',
      '',
      '',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '20103\t政府办公厅（室）及相关机构事务\t30.00\t10.00\t20.00',
    ].join('\n');
    const result = imported(text);
    const table = result.document.tables.generalBudgetExpenditure!;
    expect(table.rows.map((row) => row.key ?? row.code)).toEqual(['total', '201', '20103']);
    expect(table.rows[2]!.line).toBe(15);
    // Only the cover lines before the table are unread text; nothing about the table's lines.
    expect(result.problems.map((problem) => [problem.code, problem.line, problem.message.includes('第 3–5 行')])).toEqual([['part_not_imported', 3, true]]);
  });

  it('reports a header it does not know instead of inventing a column', () => {
    const text = [...header, '2025年预算支出总表', '单位：万元', '科目编码\t科目名称\t合计\t奇怪的列', '合计\t\t1.00\t2.00'].join('\n');
    const result = imported(text);
    expect(result.problems.map((problem) => problem.code)).toContain('unknown_column');
    expect(result.document.tables.expenditureSummary!.columns.map((column) => column.id)).toEqual(['total']);
  });
});

describe('the Shanghai documents (space-aligned layout)', () => {
  for (const name of ['shanghai-putuo-wanli-2025-budget', 'shanghai-putuo-zhengfuban-2025-budget']) {
    it(`${name}: all nine printed tables (ten roles), 元 for tables 1–8 and 万元 for 三公 / 机关运行经费, schema-valid`, () => {
      const result = importText(readFileSync(join(ROOT, 'examples', `${name}.txt`), 'utf8'), { file: `${name}.txt` });
      if (!result.ok) throw new Error(result.error.message);
      const { document } = result;
      expect(document.meta).toMatchObject({ fiscalYear: 2025, kind: 'department-budget', region: '上海', source: { format: 'layout-text' } });
      expect(Object.keys(document.tables)).toHaveLength(10);
      for (const [role, table] of Object.entries(document.tables)) {
        expect(table.unit, role).toBe(role === 'threePublicExpenses' || role === 'agencyOperatingCosts' ? '万元' : '元');
      }
      expect(validateAgainst('document', document)).toEqual([]);
      // The text parts are read too (tests/import/shanghaiNarrative.test.ts): what is left unread is
      // reported line by line, never as one range over the imported tables.
      expect(document.narrative?.sections.map((section) => section.id)).toEqual(['overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement', 'performance']);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((problem) => problem.code === 'unrecognised_text')).toBe(true);
    });
  }
});

describe('the imported Shanghai example', () => {
  it('examples/shanghai-putuo-zhengfuban-2025-budget-imported.json is exactly what importing its text gives (rule cases use it as a base)', () => {
    const result = importText(readFileSync(join(ROOT, 'examples', 'shanghai-putuo-zhengfuban-2025-budget.txt'), 'utf8'), { file: 'shanghai-putuo-zhengfuban-2025-budget.txt' });
    if (!result.ok) throw new Error(result.error.message);
    const { $schema: _schema, ...saved } = JSON.parse(readFileSync(join(ROOT, 'examples', 'shanghai-putuo-zhengfuban-2025-budget-imported.json'), 'utf8')) as Record<string, unknown>;
    expect(result.document).toEqual(saved);
  });
});

describe('text that is not a disclosure', () => {
  it('is refused with a reason', () => {
    const result = importText('会议纪要\n\n今天天气很好。');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_a_disclosure');
  });

  it('never makes the importer throw, whatever it contains', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        importText(text);
        // After a recognisable header the text reaches the table, narrative and performance stages.
        expect(importText([...header, text].join('\n')).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constantFrom('合计', '201', '一、一般公共预算', '1,234.50', '', '注：本表无数据', '2025年预算支出总表', '单位：万元'), fc.string()), { maxLength: 8 }), {
          maxLength: 40,
        }),
        (rows) => {
          const text = [...header, '第二部分 报表', ...rows.map((cells) => cells.join('\t'))].join('\n');
          const result = importText(text);
          expect(result.ok).toBe(true);
          if (result.ok) expect(validateAgainst('document', result.document).filter((problem) => problem.keyword === 'type')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
