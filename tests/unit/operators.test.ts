/** Every operator: its boundary table, including the decimal-precision block. */
import { describe, expect, it } from 'vitest';
import { invalid, missing } from '../../engine/src/document/unavailable.js';
import { blankQuantity, exactQuantity, printedQuantity, sumQuantities } from '../../engine/src/money/quantity.js';
import { Money } from '../../engine/src/money/money.js';
import { OPERATORS, createOperatorRegistry } from '../../engine/src/operators/index.js';

const registry = createOperatorRegistry();
const op = (name: string) => registry.get(name)!;
const wan = (value: string) => printedQuantity(value, '万元')!;
const yuan = (value: string) => printedQuantity(value, '元')!;
const pct = (value: string) => printedQuantity(value, '%')!;

describe('registry', () => {
  it('refuses duplicate names', () => {
    expect(() => createOperatorRegistry([OPERATORS[0]!, OPERATORS[0]!])).toThrow(/duplicate operator/);
  });

  it('documents every operator in both languages with an example', () => {
    for (const operator of OPERATORS) {
      expect(operator.description['zh-CN'].length, operator.name).toBeGreaterThan(5);
      expect(operator.description.en.length, operator.name).toBeGreaterThan(5);
      expect(operator.example.operator, operator.name).toBe(operator.name);
    }
  });
});

describe('exact decimal comparison', () => {
  it.each([
    ['decimalEqual', '0.30', '0.3', true],
    ['decimalEqual', '3000', '3000.00', true],
    ['decimalEqual', '3011.46', '3011.47', false],
    ['decimalNotEqual', '3011.46', '3011.47', true],
    ['decimalGreaterThan', '100.00', '99.00', true],
    ['decimalLessThan', '100.00', '99.00', false],
    ['decimalLessThanInclusive', '99.00', '99', true],
    ['decimalGreaterThanInclusive', '98.99', '99', false],
  ])('%s(%s, %s) is %s', (name, left, right, expected) => {
    expect(op(name).check(wan(left), wan(right))).toBe(expected);
  });

  it('adds 0.1 and 0.2 to exactly 0.3 through rule constants', () => {
    const sum = exactQuantity(new Money('0.1').plus('0.2'), '万元');
    expect(op('decimalEqual').check(sum, '0.3')).toBe(true);
  });

  it('converts 元 and 万元 exactly', () => {
    expect(op('decimalEqual').check(wan('3011.46'), yuan('30114600'))).toBe(true);
    expect(op('decimalEqual').check(wan('3011.46'), yuan('30114601'))).toBe(false);
  });

  it('counts a blank cell as 0 in comparisons', () => {
    expect(op('decimalEqual').check(blankQuantity('万元'), '0')).toBe(true);
  });

  it('refuses to compare money with a percentage', () => {
    expect(op('decimalEqual').check(wan('1'), pct('1'))).toMatchObject({ kind: 'unavailable', reason: 'invalid' });
  });

  it('passes unavailable operands through', () => {
    expect(op('decimalEqual').check(missing('no table'), '1')).toMatchObject({ reason: 'missing' });
    expect(op('decimalEqual').check(wan('1'), invalid('bad'))).toMatchObject({ reason: 'invalid' });
  });

  it('refuses a rule constant that is not a decimal', () => {
    expect(op('decimalEqual').check(wan('1'), 'one')).toMatchObject({ reason: 'invalid' });
  });
});

describe('roundedEqual', () => {
  it('lets n printed figures differ from their printed total by less than (n + 1) half-units', () => {
    const sumOfTwo = sumQuantities([wan('0.50'), wan('0.51')], '万元');
    expect(op('roundedEqual').check(wan('1.00'), sumOfTwo)).toBe(true);
    expect(op('roundedEqual').check(wan('1.02'), sumOfTwo)).toBe(true);
    expect(op('roundedEqual').check(wan('1.03'), sumOfTwo)).toBe(false);
    expect(op('roundedEqual').check(wan('0.99'), sumOfTwo)).toBe(false);
  });

  it('takes a printed zero as exact, so zeros add no tolerance', () => {
    const withZeros = sumQuantities([wan('7.00'), wan('0'), wan('1046.30')], '万元');
    expect(op('roundedEqual').check(wan('1053.30'), withZeros)).toBe(true);
    expect(op('roundedEqual').check(wan('1053.31'), withZeros)).toBe(true);
    expect(op('roundedEqual').check(wan('1053.32'), withZeros)).toBe(false);
  });

  it('never lets two copies of one figure at the same precision differ', () => {
    expect(op('roundedEqual').check(wan('3011.46'), wan('3011.46'))).toBe(true);
    expect(op('roundedEqual').check(wan('3011.46'), wan('3011.47'))).toBe(false);
  });

  it('compares at the coarser printed precision (3000 vs 3000.00, 万元 vs 元)', () => {
    expect(op('roundedEqual').check(wan('3000'), wan('3000.40'))).toBe(true);
    expect(op('roundedEqual').check(wan('3000'), wan('3000.60'))).toBe(false);
    expect(op('roundedEqual').check(wan('2132.78'), yuan('21327775'))).toBe(true);
    expect(op('roundedEqual').check(wan('2132.77'), yuan('21327775'))).toBe(false);
  });

  it('allows a 2-decimal share half a unit of its last place from the exact value', () => {
    const exact = exactQuantity(new Money('11.46').div('3011.46').times(100), '%');
    expect(op('roundedEqual').check(pct('0.38'), exact)).toBe(true);
    expect(op('roundedEqual').check(pct('0.39'), exact)).toBe(false);
  });

  it('requires exact equality when both sides are exact', () => {
    expect(op('roundedEqual').check(exactQuantity(new Money('1'), '%'), '1')).toBe(true);
    expect(op('roundedEqual').check(exactQuantity(new Money('1.0001'), '%'), '1')).toBe(false);
  });
});

describe('blank, zero and presence', () => {
  it('tells blank from 0', () => {
    expect(op('isBlank').check(blankQuantity('万元'), true)).toBe(true);
    expect(op('isBlank').check(wan('0'), true)).toBe(false);
    expect(op('isBlank').check(wan('0'), false)).toBe(true);
  });

  it('treats blank and 0 alike for isZeroOrBlank', () => {
    expect(op('isZeroOrBlank').check(blankQuantity('万元'), true)).toBe(true);
    expect(op('isZeroOrBlank').check(wan('0.00'), true)).toBe(true);
    expect(op('isZeroOrBlank').check(wan('0.01'), true)).toBe(false);
    expect(op('isZeroOrBlank').check('0', true)).toMatchObject({ reason: 'invalid' });
  });

  it('checks presence of optional fields', () => {
    expect(op('isPresent').check('13.96', true)).toBe(true);
    expect(op('isPresent').check(undefined, true)).toBe(false);
    expect(op('isPresent').check(null, false)).toBe(true);
    expect(op('isPresent').check(missing('absent'), false)).toBe(true);
  });
});

describe('hasFields', () => {
  const fields = { '/project': '项目名称', '/goals/annual': '年度总体目标', '/basis': '立项依据' };
  it('requires every listed field filled, and names the missing ones', () => {
    expect(op('hasFields').check({ project: '办公设备', goals: { annual: '保障运转' }, basis: '文件' }, fields)).toBe(true);
    const form = { project: '办公设备', goals: {}, basis: '  ' };
    expect(op('hasFields').check(form, fields)).toBe(false);
    expect(op('hasFields').describe!(form, fields)).toEqual({ missing: '年度总体目标、立项依据' });
    expect(op('hasFields').check(null, fields)).toBe(false);
  });

  it('passes unusable data on, and refuses an empty field list when the rule set loads', () => {
    expect(op('hasFields').check(missing('absent'), fields)).toMatchObject({ reason: 'missing' });
    expect(op('hasFields').validateValue!({})).toMatch(/至少一个/);
    expect(op('hasFields').validateValue!(fields)).toBeUndefined();
  });
});

describe('equal and notEqual', () => {
  it('compare plain values strictly', () => {
    expect(op('equal').check(true, true)).toBe(true);
    expect(op('equal').check('decrease', 'increase')).toBe(false);
    expect(op('notEqual').check('a', 'b')).toBe(true);
  });

  it('refuse amounts, which need decimal operators', () => {
    expect(op('equal').check(wan('1'), '1')).toMatchObject({ reason: 'invalid' });
    expect(op('notEqual').check(wan('1'), '1')).toMatchObject({ reason: 'invalid' });
  });
});

describe('roundedGreaterThanInclusive and roundedLessThanInclusive', () => {
  it('allow a shortfall or excess under the sum of the rounding half-widths, and no more', () => {
    // 25.40 万元 printed vs 254,000.40 元: 0.40 元 over, within 0.005 万元 = 50 元.
    expect(op('roundedGreaterThanInclusive').check(wan('25.40'), yuan('254000.40'))).toBe(true);
    expect(op('roundedGreaterThanInclusive').check(wan('25.40'), yuan('254060'))).toBe(false);
    expect(op('roundedGreaterThanInclusive').check(wan('25.40'), wan('19.10'))).toBe(true);
    expect(op('roundedLessThanInclusive').check(wan('11.5'), wan('11.46'))).toBe(true);
    expect(op('roundedLessThanInclusive').check(wan('15.00'), wan('11.46'))).toBe(false);
    expect(op('roundedLessThanInclusive').check(wan('1.00'), wan('11.46'))).toBe(true);
  });

  it('are exact when both sides are exact, and refuse other dimensions', () => {
    expect(op('roundedGreaterThanInclusive').check(exactQuantity(new Money('0.999'), '个'), '1')).toBe(false);
    expect(op('roundedGreaterThanInclusive').check(exactQuantity(new Money('1'), '个'), '1')).toBe(true);
    expect(op('roundedLessThanInclusive').check(wan('1.00'), pct('1.00'))).toMatchObject({ reason: 'invalid' });
    expect(op('roundedLessThanInclusive').check(missing('absent'), wan('1.00'))).toMatchObject({ reason: 'missing' });
  });
});

describe('containsText', () => {
  it('compares as names are compared: whitespace and bracket width ignored', () => {
    expect(op('containsText').check('640-山西转型综合改革示范区行政审批局（本级）', '山西转型综合改革示范区 行政审批局(本级)')).toBe(true);
    expect(op('containsText').check('640-山西转型综合改革示范区政务服务中心', '山西转型综合改革示范区行政审批局')).toBe(false);
    // A leading code is not part of the name: a truncated form field is still found in the name.
    expect(op('containsText').check('山西转型综合改革示范区行政审批局', '640-山西转型综合改革示范区行政审批')).toBe(true);
  });

  it('is not applicable to an empty side, and refuses non-text', () => {
    expect(op('containsText').check(undefined, '部门')).toMatchObject({ reason: 'missing' });
    expect(op('containsText').check('部门', '')).toMatchObject({ reason: 'missing' });
    expect(op('containsText').check(12, '部门')).toMatchObject({ reason: 'invalid' });
  });
});

describe('includesValues', () => {
  const levels = { '/level1': ['产出指标', '效益指标', '满意度指标'] };
  it('requires each value to occur in the field of some entry, and names the absent ones', () => {
    const indicators = [{ level1: '产出指标' }, { level1: ' 效益指标 ' }, { level1: '满意度指标' }];
    expect(op('includesValues').check(indicators, levels)).toBe(true);
    expect(op('includesValues').check(indicators.slice(0, 2), levels)).toBe(false);
    expect(op('includesValues').describe!(indicators.slice(0, 1), levels)).toEqual({ missing: '效益指标、满意度指标' });
    expect(op('includesValues').check([], levels)).toBe(false);
  });

  it('is not applicable without a list, refuses a non-list and an empty requirement', () => {
    expect(op('includesValues').check(undefined, levels)).toMatchObject({ reason: 'missing' });
    expect(op('includesValues').check({ level1: '产出指标' }, levels)).toMatchObject({ reason: 'invalid' });
    expect(op('includesValues').validateValue!({ '/level1': [] })).toMatch(/至少一个/);
  });
});

describe('datesNotBefore and namesYear', () => {
  it('finds dates before the year, but not years alone or digits inside numbers', () => {
    expect(op('datesNotBefore').check('2022年6月10日XX月XX日前', 2025)).toBe(false);
    expect(op('datesNotBefore').describe!('2022年6月10日前、2024年底完成', 2025)).toEqual({ dates: '2022年6月10日、2024年底' });
    expect(op('datesNotBefore').check('2024-12-31前完成', 2025)).toBe(false);
    expect(op('datesNotBefore').check('2025年6月前', 2025)).toBe(true);
    expect(op('datesNotBefore').check('较2024年增长10%', 2025)).toBe(true);
    expect(op('datesNotBefore').check('≥200000人/次', 2025)).toBe(true);
    expect(op('datesNotBefore').check('20241114165705', 2025)).toBe(true);
  });

  it('requires titles to name the year and no other', () => {
    expect(op('namesYear').check('2025年预算收支总表', 2025)).toBe(true);
    expect(op('namesYear').check('2024年预算收支总表', 2025)).toBe(false);
    expect(op('namesYear').describe!('2024年预算收支总表', 2025)).toEqual({ years: '2024年' });
    expect(op('namesYear').check('预算收支总表', 2025)).toBe(false);
    expect(op('namesYear').check('2025年与2024年对比表', 2025)).toBe(false);
  });

  it('accept titles that name no other year, with or without the year', () => {
    expect(op('namesNoOtherYear').check('2025年预算收支总表', 2025)).toBe(true);
    expect(op('namesNoOtherYear').check('收支总体情况表', 2025)).toBe(true);
    expect(op('namesNoOtherYear').check('2024年预算收支总表', 2025)).toBe(false);
    expect(op('namesNoOtherYear').describe!('2025年与2024年对比表', 2025)).toEqual({ years: '2024年' });
    expect(op('namesNoOtherYear').check(undefined, 2025)).toMatchObject({ reason: 'missing' });
  });

  it('needs a year and a text', () => {
    expect(op('datesNotBefore').check('2022年6月', undefined)).toMatchObject({ reason: 'missing' });
    expect(op('datesNotBefore').check('2022年6月', '二〇二五')).toMatchObject({ reason: 'invalid' });
    expect(op('namesYear').check(undefined, 2025)).toMatchObject({ reason: 'missing' });
    expect(op('namesYear').check(5, 2025)).toMatchObject({ reason: 'invalid' });
  });

  it('tell the engine which texts can fail, so the others are skipped', () => {
    expect(op('datesNotBefore').textFilter!(2025)?.test('无日期的指标值')).toBe(false);
    expect(op('datesNotBefore').textFilter!(2025)?.test('2022年6月')).toBe(true);
    expect(op('notMatchesPattern').textFilter!('此件不予公开')?.test('本件此件不予公开')).toBe(true);
    expect(op('notMatchesPattern').textFilter!('(')).toBeUndefined();
  });
});

describe('pattern operators on absent text', () => {
  it('make the rule not applicable instead of failing it', () => {
    expect(op('matchesPattern').check(undefined, '部门预算')).toMatchObject({ reason: 'missing' });
    expect(op('notMatchesPattern').check(null, '部门预算')).toMatchObject({ reason: 'missing' });
    expect(op('matchesPattern').check(5, '部门预算')).toMatchObject({ reason: 'invalid' });
  });
});

describe('equal on texts', () => {
  it('compares texts strictly, and passes unusable values on', () => {
    expect(op('equal').check('预算公开表', '预算公开表')).toBe(true);
    expect(op('equal').check('部门公开表', '预算公开表')).toBe(false);
    expect(op('equal').accepts).toContain('text');
    expect(op('equal').check(missing('no label'), '预算公开表')).toMatchObject({ reason: 'missing' });
  });
});

describe('mentionsAmount', () => {
  const amount = (value: string) => exactQuantity(new Money(value), '万元');
  it('finds an amount stated at its printed precision, in 万元 or 元, with commas or justified spaces', () => {
    expect(op('mentionsAmount').check('基本支出 1,517.95 万元，主要用于……', amount('1517.95'))).toBe(true);
    expect(op('mentionsAmount').check('基本支出1517.95万元', amount('1517.951'))).toBe(true);
    expect(op('mentionsAmount').check('基本支出 1,5 17.9 5万元', amount('1517.95'))).toBe(false);
    expect(op('mentionsAmount').check('项目支出 15,179,500 元', amount('1517.95'))).toBe(true);
    expect(op('mentionsAmount').check('项目支出 1518 万元', amount('1517.95'))).toBe(true);
  });
  it('does not take another amount, a percentage or a bare number for it', () => {
    expect(op('mentionsAmount').check('基本支出1517.96万元', amount('1517.95'))).toBe(false);
    expect(op('mentionsAmount').check('增长1517.95%', amount('1517.95'))).toBe(false);
    expect(op('mentionsAmount').check('共1517.95人', amount('1517.95'))).toBe(false);
    expect(op('mentionsAmount').check('21517.95万元', amount('1517.95'))).toBe(false);
  });
  it('is not applicable to an empty text or a blank amount, and refuses what is not money', () => {
    expect(op('mentionsAmount').check('', amount('1'))).toMatchObject({ reason: 'missing' });
    expect(op('mentionsAmount').check('1万元', { ...amount('0'), blank: true })).toMatchObject({ reason: 'missing' });
    expect(op('mentionsAmount').check('1万元', '1')).toMatchObject({ reason: 'invalid' });
  });
});
