/**
 * The outline of a document's text parts: which lines are section headings. Lines carry `full`
 * when they run to the right margin (the PDF reader sets it), which usually means a wrapped list
 * item rather than a heading.
 */
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../engine/src/import/text/outline.js';
import { type SourceLine } from '../../engine/src/import/types.js';

let lineNumber = 0;
function line(text: string, full = false): SourceLine {
  lineNumber += 1;
  return { number: lineNumber, text, cells: [text], ...(full ? { full: true } : {}) };
}

describe('section headings in the outline', () => {
  it('keeps a heading that runs to the margin when it ends as a title does (…情况说明（详见表4）), and not a list item that runs on', () => {
    const { nodes } = outlineOf([
      line('二、部门预算安排情况说明'),
      line('（三）支出预算情况说明（详见表1-3）'),
      line('2026年支出预算  99,230.46  万元。'),
      line('（四）财政拨款收支预算情况的总体说明（详见表4）', true),
      line('2026年财政拨款收支总预算  91,842.80  万元。收入包', true),
      line('括：一般公共预算收入  91,495.48  万元。'),
      line('（五）一般公共服务支出（类）社会工作事务（款）其', true),
      line('他社会工作事务支出（项）  0.19  万元。'),
    ]);
    expect(nodes[0]!.children.map((node) => node.title)).toEqual(['支出预算情况说明（详见表1-3）', '财政拨款收支预算情况的总体说明（详见表4）']);
    expect(nodes[0]!.children[1]!.body.map((body) => body.text)).toEqual([
      '2026年财政拨款收支总预算  91,842.80  万元。收入包',
      '括：一般公共预算收入  91,495.48  万元。',
      '（五）一般公共服务支出（类）社会工作事务（款）其',
      '他社会工作事务支出（项）  0.19  万元。',
    ]);
  });
});

/** The outline as [depth, heading] pairs, depth first. */
function shape(texts: readonly string[]): [number, string][] {
  const pairs: [number, string][] = [];
  const visit = (node: ReturnType<typeof outlineOf>['nodes'][number]) => {
    pairs.push([node.level, node.heading]);
    node.children.forEach(visit);
  };
  outlineOf(texts.map((text) => line(text))).nodes.forEach(visit);
  return pairs;
}

describe('numbering forms', () => {
  it('nests sections numbered 1. 2. and their parts （一） as it nests 一、 and （一）', () => {
    expect(shape(['第三部分 情况说明', '1.收支总体情况', '（一）收入预算', '收入 10 万元。', '（二）支出预算', '支出 10 万元。', '2.“三公”经费', '三公 1 万元。'])).toEqual([
      [0, '第三部分 情况说明'],
      [1, '1.收支总体情况'],
      [2, '（一）收入预算'],
      [2, '（二）支出预算'],
      [1, '2.“三公”经费'],
    ]);
  });

  it('keeps a list in the text numbered as the sections are (1. … 2. … under （一）主要职责) as text', () => {
    const texts = [
      '1.单位基本情况',
      '（一）主要职责',
      '主要职能如下：',
      '1.负责水资源工作。贯彻执行法规。',
      '2.负责用水保障。组织实施制度。',
      '3.负责节约用水工作。',
      '（二）机构设置',
      '本局设 9 个处室。',
      '2.部门收支总体情况',
      '收入 10 万元。',
    ];
    expect(shape(texts)).toEqual([
      [0, '1.单位基本情况'],
      [1, '（一）主要职责'],
      [2, '1.负责水资源工作。'],
      [2, '2.负责用水保障。'],
      [2, '3.负责节约用水工作。'],
      [1, '（二）机构设置'],
      [0, '2.部门收支总体情况'],
    ]);
  });

  it('reads items 1. 2. right under a heading numbered alike (10.其他重要事项) as its own list, and the next number as the outer list’s', () => {
    expect(
      shape(['9.国有资本经营预算支出情况说明', '无。', '10.其他重要事项的情况说明', '1.机关运行经费', '运行经费 5 万元。', '2.政府采购情况', '采购 3 万元。', '11.名词解释', '基本支出：指……']),
    ).toEqual([
      [0, '9.国有资本经营预算支出情况说明'],
      [0, '10.其他重要事项的情况说明'],
      [1, '1.机关运行经费'],
      [1, '2.政府采购情况'],
      [0, '11.名词解释'],
    ]);
  });

  it('takes 2.2026年… as a heading (a year after the point), not as a decimal', () => {
    expect(shape(['1.部门概况', '本局负责统计。', '2.2026年部门预算安排情况说明', '收入 10 万元。'])).toEqual([
      [0, '1.部门概况'],
      [0, '2.2026年部门预算安排情况说明'],
    ]);
  });
});

describe('part headings', () => {
  it('takes the words of a part whose number stands alone (第二部分) from the short lines under it, up to a title’s end', () => {
    expect(shape(['第二部分', '2026年度', '某某市交通运输局', '部门预算表', '公开01表', '第三部分', '情况说明', '一、收支总体情况', '收入 10 万元。'])).toEqual([
      [0, '第二部分'],
      [0, '第三部分'],
      [1, '一、收支总体情况'],
    ]);
    const { nodes } = outlineOf(['第二部分', '2026年度', '某某市交通运输局', '部门预算表', '公开01表'].map((text) => line(text)));
    expect(nodes[0]!.title).toBe('2026年度某某市交通运输局部门预算表');
    expect(nodes[0]!.body.map((body) => body.text)).toEqual(['公开01表']);
  });
});
