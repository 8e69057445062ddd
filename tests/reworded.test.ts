/**
 * The corpus reworded: each template's document read again with words other templates use for
 * the same things (一般公共财政预算 for 一般公共预算, 政府基金, 项目经费支出, a letter-spaced 万 元, zeros
 * printed as dashes, amounts without thousands separators…).
 * A reader that does not know a wording must say so, never raise an error: every error on a
 * reworded document must be one the document itself yields (a real defect, reviewed in
 * corpus/expectations/), at the same place. This is how documents nobody tuned the reader on are
 * approached here: their words differ from the corpus's, their structure does not. The text's
 * headings are renumbered too (sections 1. 2. for 一、 二、), as other templates number them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleSet, evaluate } from '../engine/src/index.js';
import { importPositioned } from '../engine/src/import/importPositioned.js';
import { type PositionedText } from '../engine/src/import/positioned/model.js';
import { readPdf } from '../engine/src/import/positioned/fromPdf.js';
import { defaultRulePackPath, loadRuleSetFromPath } from '../engine/src/node.js';

const root = fileURLToPath(new URL('../corpus/', import.meta.url));
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** One document of each template family. */
const DOCUMENTS = [
  'central-guojia-xinfangju-2026-budget',
  'changsha-xinfangju-2026-budget',
  'chongqing-shuiliju-2026-budget',
  'fuzhou-yibaoju-2026-budget',
  'guangzhou-xinfangju-2026-budget',
  'hangzhou-sifaju-2026-budget',
  'huzhou-tuiyijunren-2026-budget',
  'shanghai-shujuju-2026-unit-budget',
  'shenzhen-kouanban-2026-budget',
  'suzhou-jiaotongju-2026-budget',
  'wuxi-tongjiju-2026-budget',
  'xian-tongjiju-2026-budget',
  'yantai-tongjiju-2026-budget',
];

/** Wordings templates differ in: each replaces every occurrence in the document. */
const REWORDINGS: readonly (readonly [string | RegExp, string])[] = [
  ['一般公共预算', '一般公共财政预算'],
  ['政府性基金', '政府基金'],
  ['项目支出', '项目经费支出'],
  ['基本支出', '基本经费支出'],
  ['财政拨款', '财政拨款资金'],
  ['万元', '万 元'],
  ['公务接待费', '公务接待经费'],
  ['机关运行经费', '机关运行费'],
  ['公务用车', '公车'],
  ['预算数', '预算金额'],
  ['单位：万元', ''],
  ['（', '('],
  ['情况说明', '说明'],
  ['单位：万元', '单位：人民币万元'],
  // Zero printed as a dash, and amounts without thousands separators.
  [/(?<![\d.,])0\.00(?!\d)/g, '-'],
  [/(?<=\d),(?=\d{3}(?!\d))/g, ''],
];

const CHINESE_DIGITS = '一二三四五六七八九';
/** 一 … 九十九 as a number. */
function numberOf(numeral: string): number {
  const [tens, units] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  return (numeral.includes('十') ? (tens === '' ? 1 : CHINESE_DIGITS.indexOf(tens!) + 1) * 10 : 0) + (units === '' ? 0 : CHINESE_DIGITS.indexOf(units!) + 1);
}

/** Numberings templates differ in, applied to the headings of the text's pages (pages printing no table). */
const RENUMBERINGS: readonly (readonly [string, RegExp, (numeral: string) => string])[] = [
  ['一、→1.', /^([一二三四五六七八九十]{1,3})、/, (numeral) => `${numberOf(numeral)}.`],
  ['（一）→(1)', /^[（(]([一二三四五六七八九十]{1,3})[）)]/, (numeral) => `(${numberOf(numeral)})`],
  ['（一）→1.', /^[（(]([一二三四五六七八九十]{1,3})[）)]/, (numeral) => `${numberOf(numeral)}.`],
];

function renumbered(text: PositionedText, pattern: RegExp, to: (numeral: string) => string): PositionedText {
  const tablePages = new Set(text.lines.filter((line) => /单位[：:]/.test(line.text)).map((line) => line.page));
  const swap = (words: string) => {
    const lead = words.length - words.trimStart().length;
    return words.slice(0, lead) + words.slice(lead).replace(pattern, (_, numeral: string) => to(numeral));
  };
  return {
    ...text,
    lines: text.lines.map((line) =>
      tablePages.has(line.page) ? line : { ...line, text: swap(line.text), spans: line.spans.map((span, index) => (index === 0 ? { ...span, text: swap(span.text) } : span)) },
    ),
  };
}

function reworded(text: PositionedText, from: string | RegExp, to: string): PositionedText {
  const swap = (words: string) => (typeof from === 'string' ? words.split(from).join(to) : words.replace(from, to));
  return { ...text, lines: text.lines.map((line) => ({ ...line, text: swap(line.text), spans: line.spans.map((span) => ({ ...span, text: swap(span.text) })) })) };
}

/** The errors of a document read from positioned text, by rule and line (or, when lines are added, by rule and message). */
async function errorsOf(ruleSet: CompiledRuleSet, text: PositionedText, byMessage = false): Promise<string[]> {
  const read = importPositioned(text);
  if (!read.ok) return [`import: ${read.error.message}`];
  const report = await evaluate(ruleSet, read.document, { importProblems: read.problems });
  // By rule and source line (a rewording keeps every line): a figure lost before it shifts a finding's path, not its line.
  return report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.ruleId} ${byMessage ? finding.message : (finding.source?.line ?? finding.path)}`);
}

/**
 * The text with page furniture other templates print: two running header lines and a running
 * footer on every page, and a 第 N 页 under the page's own number.
 */
function withPageFurniture(text: PositionedText): PositionedText {
  const lines: PositionedText['lines'][number][] = [];
  const extra = (page: number, words: string, y: number) => ({
    number: 0,
    page,
    spans: [{ text: words, x0: 60, x1: 60 + words.length * 9 }],
    text: `    ${words}`,
    box: [60, y, 60 + words.length * 9, y + 9] as const,
    size: 9,
  });
  text.lines.forEach((line, index) => {
    const opens = index === 0 || text.lines[index - 1]!.page !== line.page;
    if (opens) lines.push({ ...extra(line.page, '某某市某某局', 820), text: '\f    某某市某某局' }, extra(line.page, '2026年部门预算公开', 808));
    lines.push(opens ? { ...line, text: line.text.replace(/\f/g, '') } : line);
    const closes = text.lines[index + 1]?.page !== line.page;
    if (closes) lines.push(extra(line.page, `第 ${line.page} 页`, 30), extra(line.page, '某某市财政局监制', 18));
  });
  return { ...text, lines: lines.map((line, index) => ({ ...line, number: index + 1 })) };
}

describe('the corpus reworded', () => {
  let ruleSet: CompiledRuleSet;
  beforeAll(() => {
    ruleSet = loadRuleSetFromPath(defaultRulePackPath());
  });

  it.each(DOCUMENTS)('%s: no error its own wording does not yield, whatever words it uses', async (name) => {
    const text = await readPdf(new Uint8Array(readFileSync(join(root, `${name}.pdf`))), pdfjs, {
      cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
      standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    });
    const own = new Set(await errorsOf(ruleSet, text));
    const fresh: string[] = [];
    for (const [from, to] of REWORDINGS) {
      for (const error of await errorsOf(ruleSet, reworded(text, from, to))) if (!own.has(error)) fresh.push(`${String(from)}→${to}: ${error}`);
    }
    for (const [name, pattern, to] of RENUMBERINGS) {
      for (const error of await errorsOf(ruleSet, renumbered(text, pattern, to))) if (!own.has(error)) fresh.push(`${name}: ${error}`);
    }
    const ownMessages = new Set(await errorsOf(ruleSet, text, true));
    for (const error of await errorsOf(ruleSet, withPageFurniture(text), true)) if (!ownMessages.has(error)) fresh.push(`page furniture: ${error}`);
    expect(fresh).toEqual([]);
  });
});
