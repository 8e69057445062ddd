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
