/**
 * Filling a rule's message: placeholders take their values, a missing one stays visible, and a
 * value the template quotes keeps its own quotes as inner quotes (never ““…”).
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../engine/src/index.js';

describe('fillTemplate', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(fillTemplate('{table}“{row}”行合计 {actual}', { table: '表1', row: '合计', actual: '3.00万元' })).toBe('表1“合计”行合计 3.00万元');
    expect(fillTemplate('部门“{department}”{missing}', { department: '某局' })).toBe('部门“某局”{missing}');
  });

  it('nests the quotes of a quoted value (the indicator “两节”慰问及时率)', () => {
    expect(fillTemplate('指标“{indicator}”的值“{value}”', { indicator: '“两节”慰问及时率', value: '≥100%' })).toBe('指标“‘两节’慰问及时率”的值“≥100%”');
    // Unquoted by the template: the value is left as printed.
    expect(fillTemplate('情况说明（{figure}）', { figure: '“一般公共服务支出”3.00万元' })).toBe('情况说明（“一般公共服务支出”3.00万元）');
  });
});
