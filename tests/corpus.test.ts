/**
 * Real disclosures (corpus/*.pdf, 12 cities and one central department): each PDF is read and
 * checked, and the result must be exactly its reviewed expectation file (corpus/expectations/):
 * the national tables recognised, the rules that apply, the import notes, and every error and
 * warning, each with a reviewer's note of the real defect. A finding that appears or disappears
 * fails here until it is reviewed (`npm run corpus:review -- --write`, then review the TODOs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleSet } from '../engine/src/index.js';
import { defaultRulePackPath, loadRuleSetFromPath } from '../engine/src/node.js';
import { compareExpectation } from '../scripts/corpus/compare.js';
import { type Expectation, expectationPath, groupOf, observe, readExpectation } from '../scripts/corpus/expectation.js';

const root = fileURLToPath(new URL('../corpus/', import.meta.url));
const pdfs = readdirSync(root)
  .filter((name) => name.endsWith('.pdf'))
  .sort();
/** The most import notes a document the reader understands may carry. */
const MAX_IMPORT_NOTES = 10;

describe('why a rule does not apply, grouped', () => {
  const clean = { notes: [], unknownTable: false };
  it('calls a table or column not printed only when the reader saw nothing it could not place', () => {
    expect(groupOf('文档中没有 agencyOperatingCosts 表', clean)).toBe('notPrinted');
    expect(groupOf('文档中没有 agencyOperatingCosts 表', { ...clean, unknownTable: true })).toBe('notFound');
    expect(groupOf('表4《财政拨款收支总体情况表》 没有 generalBudget 列', clean)).toBe('notPrinted');
    expect(groupOf('表4《财政拨款收支总体情况表》 没有 generalBudget 列', { ...clean, notes: ['表4《财政拨款收支总体情况表》：列“其他”未能识别，依赖这些列的规则不适用'] })).toBe('notRead');
  });

  it('calls a rule with nothing to check not printed when nothing of its kind went unread', () => {
    const figure = { each: 'figure', figures: { key: 'procurementSmeReserved' } };
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: figure })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: figure, notes: ['情况说明中有 3 处数字未能识别'] })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: { each: 'performanceTable' }, notes: ['绩效目标表《x》的绩效指标未能可靠读取'] })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: { each: 'text', texts: ['indicators'] }, notes: ['绩效目标表《x》的绩效指标未能可靠读取'] })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: { each: 'row' } })).toBe('notFound');
    expect(groupOf('适用条件不成立', clean)).toBe('situation');
    // A table that says it leaves rows out does not print them.
    expect(groupOf('公开表11《项目支出预算情况表》注明部分行未公开（部分具体项目信息公开时予以剔除。），其各行之和与行数不是全表的', clean)).toBe('notPrinted');
    expect(groupOf('公开01表《收支总表》 没有编号', clean)).toBe('notPrinted');
  });

  it('calls a figure, list or section not printed when the text never prints its words, though other numbers went unread', () => {
    const unread = { ...clean, notes: ['情况说明中有 3 处数字未能识别'] };
    const reserved = { each: 'figure', figures: { key: 'procurementSmeReserved' } };
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: reserved, narrative: '政府采购预算总额 10 万元。' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: reserved, narrative: '其中预留给中小企业 5 万元。' })).toBe('notFound');
    // Words that only name the kind state no figure; with a number after them (even past a full stop) they do.
    const basic = { each: 'figure', figures: { key: 'basicExpenditure' } };
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: basic, narrative: '主要原因是基本支出因人员增加相应增加。' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: basic, narrative: '（二）基本支出。2026年预算数 36.14 万元。' })).toBe('notFound');
    // One fund's basic spending is another figure than the department's.
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: basic, narrative: '2026年一般公共预算基本支出1604.41万元，其中：' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: { each: 'figure', figures: { key: 'noSuchKey' } }, narrative: '任何文字' })).toBe('notFound');
    // A heading on 财政拨款收支 before the current year's income states no total.
    const fiscalTotal = { each: 'figure', figures: { key: 'fiscalAppropriationTotal' } };
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: fiscalTotal, narrative: '六、财政拨款收支情况说明本部门当年财政拨款收入6,210.93万元' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: fiscalTotal, narrative: '财政拨款收支总预算 3,011.46 万元' })).toBe('notFound');
    // A rule reading one section's figures: stated in another section is not stated for it.
    const items = { each: 'figure', figures: { key: 'functionalClassExpenditure', section: 'generalBudget' } };
    const fiscalItems = '（一）社会保障和就业支出（类）行政单位离退休（项）支出155.66万元';
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: items, narrative: fiscalItems, sections: { fiscalAppropriation: fiscalItems } })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: items, narrative: fiscalItems, sections: { generalBudget: fiscalItems } })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: { each: 'shareGroup' }, narrative: '基本支出 5 万元。' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...unread, scope: { each: 'shareGroup' }, narrative: '基本支出 5 万元，占 50%。' })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: { each: 'text', texts: ['projects'] }, narrative: '实行绩效目标管理。公用经费主要包括：办公费、印刷费。' })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: { each: 'text', texts: ['projects'] }, narrative: '实行绩效管理项目11个，具体包括派遣人员劳务费、委托业务费。' })).toBe('notFound');
    expect(groupOf('没有标题符合“政府购买服务”的一节', { ...clean, narrative: '九、政府采购情况' })).toBe('notPrinted');
    expect(groupOf('没有标题符合“政府购买服务”的一节', { ...clean, narrative: '十、政府购买服务情况' })).toBe('notFound');
    expect(groupOf('没有要检查的列表', { ...clean, narrative: '车辆 3 辆。' })).toBe('notPrinted');
    expect(groupOf('没有要检查的列表', { ...clean, narrative: '包括办公设备购置、专用设备购置等支出。' })).toBe('notPrinted');
    expect(groupOf('没有要检查的列表', { ...clean, narrative: '单位价值100万元以上专用设备2台。' })).toBe('notFound');
    const projectRows = { each: 'row', tables: ['projectExpenditure'] };
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: projectRows, roles: ['incomeSummary'] })).toBe('notPrinted');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: projectRows, roles: ['incomeSummary'], unknownTable: true })).toBe('notFound');
    expect(groupOf('文档中没有本规则适用的对象', { ...clean, scope: projectRows, roles: ['projectExpenditure'] })).toBe('notFound');
    expect(groupOf('表1《收支总表》的数值未能可靠读取（…）', clean)).toBe('notRead');
  });
});

describe('corpus of real disclosures', () => {
  let ruleSet: CompiledRuleSet;
  const results = new Map<string, { expected: Expectation; observed: Expectation }>();
  beforeAll(() => {
    ruleSet = loadRuleSetFromPath(defaultRulePackPath());
  });

  it('holds PDFs, each with an expectation file', () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(25);
    const missing = pdfs.filter((name) => !existsSync(expectationPath(join(root, name))));
    expect(missing, 'run npm run corpus:review -- --write and review the new files').toEqual([]);
  });

  describe.each(pdfs)('%s', (file) => {
    beforeAll(async () => {
      const expected = readExpectation(expectationPath(join(root, file)));
      results.set(file, { expected, observed: await observe(join(root, file), ruleSet) });
    }, 60_000);

    it('yields exactly what was reviewed', () => {
      const { expected, observed } = results.get(file)!;
      expect(compareExpectation(expected, observed), 'npm run corpus:review shows the differences; review them before writing').toEqual([]);
    });

    it('has every error and warning reviewed against its PDF page', () => {
      const { expected } = results.get(file)!;
      const unreviewed = expected.findings.filter((finding) => finding.review.trim() === '' || finding.review.startsWith('TODO'));
      expect(unreviewed.map((finding) => `${finding.rule} ${finding.path}`)).toEqual([]);
    });

    it(`says at most ${MAX_IMPORT_NOTES} times what it did not understand`, () => {
      const { observed } = results.get(file)!;
      expect(observed.importNotes.length).toBeLessThanOrEqual(MAX_IMPORT_NOTES);
    });

    it('recognises the core tables every template prints', () => {
      const { observed } = results.get(file)!;
      for (const role of ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalAppropriationSummary', 'generalBudgetExpenditure', 'threePublicExpenses']) {
        expect(Object.keys(observed.tables.recognised), role).toContain(role);
      }
    });
  });
});
