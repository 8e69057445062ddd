/**
 * The national set of disclosure tables and the titles templates print for them, as data: a new
 * city's variant is a new entry here (with an example in the tests), not new code. Titles are
 * matched without spaces, after their label (公开表1, 表一, 预算01表…), year and department.
 */
import { type TableRole } from '../../document/model.js';
import { canonicalNames } from '../vocabulary.js';

/** Tables the disclosures print that the model does not hold (recognised, so never read as text). */
export type OtherTableKind =
  | 'basicExpenditureByFunction'
  | 'generalBudgetByEconomicClass'
  | 'projectExpenditureByEconomicClass'
  | 'basicExpenditure'
  | 'performanceTargets'
  | 'assets'
  | 'meetingsAndTraining'
  | 'fiscalAppropriationExpenditure'
  | 'fiscalAppropriationBasicExpenditure'
  | 'other'
  /** A labelled table whose title names none of the tables here (a variant the vocabulary lacks). */
  | 'unknown';

/** What a printed title is. */
export type TableKind = { readonly role: TableRole } | { readonly other: OtherTableKind };

/** One entry: titles matching `pattern` (and not `unless`) are this table. */
interface TitleEntry {
  readonly pattern: RegExp;
  readonly unless?: RegExp;
  readonly kind: TableKind;
}

/**
 * Title patterns, most specific first (the first match wins). Examples of each, as printed:
 * 财政拨款收支总表 / 财政拨款收支总体情况表 / 部门综合预算财政拨款收支总表; 收支总表 / 收支总体情况表 /
 * 部门收支预算总表 / 部门财务收支预算总表; 收入总表 / 收入总体情况表; 支出总表 / 本年支出总体情况表;
 * 一般公共预算支出情况表（按功能分类科目）/ 财政拨款支出表（功能科目）/ 一般公共预算支出预算表;
 * 一般公共预算基本支出情况表（按经济分类科目）/ 财政拨款基本支出表（经济科目）; “三公”经费支出表 /
 * 财政拨款安排的行政经费及“三公”经费预算表 / “三公”经费和机关运行经费预算表.
 */
const TITLES: readonly TitleEntry[] = [
  { pattern: /绩效目标表|绩效表$|绩效目标申报表/, kind: { other: 'performanceTargets' } },
  { pattern: /三公/, kind: { role: 'threePublicExpenses' } },
  { pattern: /机关运行经费/, kind: { role: 'agencyOperatingCosts' } },
  { pattern: /会议费.*培训费|培训费.*明细|会议费.*明细/, kind: { other: 'meetingsAndTraining' } },
  { pattern: /(?:项目支出|专项业务经费).*上年结转|上年结转.*支出表|结转资金支出表/, kind: { role: 'projectExpenditureCarriedOver' } },
  { pattern: /财政拨款(?:资金)?收支/, kind: { role: 'fiscalAppropriationSummary' } },
  { pattern: /政府性基金.*收入/, unless: /支出/, kind: { role: 'governmentFundIncome' } },
  { pattern: /政府性基金/, kind: { role: 'governmentFundExpenditure' } },
  { pattern: /国有资本经营/, kind: { role: 'stateCapital' } },
  { pattern: /政府采购/, kind: { role: 'governmentProcurement' } },
  { pattern: /国有资产|资产占用|资产配置/, kind: { other: 'assets' } },
  { pattern: /收支(?:预算)?(?:总体情况|总)表/, kind: { role: 'incomeExpenditureSummary' } },
  { pattern: /收入(?:预算)?(?:总体情况|总)表/, kind: { role: 'incomeSummary' } },
  { pattern: /^财政拨款基本支出/, kind: { other: 'fiscalAppropriationBasicExpenditure' } },
  { pattern: /^财政拨款支出表/, kind: { other: 'fiscalAppropriationExpenditure' } },
  { pattern: /(?:一般公共预算|财政拨款).*基本支出.*经济/, kind: { role: 'basicExpenditureByEconomicClass' } },
  { pattern: /基本支出.*功能/, kind: { other: 'basicExpenditureByFunction' } },
  { pattern: /(?:一般公共预算|财政拨款)(?:安排的?)?基本支出/, kind: { role: 'basicExpenditureByEconomicClass' } },
  { pattern: /基本支出/, kind: { other: 'basicExpenditure' } },
  { pattern: /项目支出.*经济/, kind: { other: 'projectExpenditureByEconomicClass' } },
  { pattern: /(?:一般公共预算|财政拨款).*支出.*经济/, kind: { other: 'generalBudgetByEconomicClass' } },
  { pattern: /(?:一般公共预算|财政拨款)(?:财政)?(?:当年)?(?:拨款)?(?:支出|安排)/, kind: { role: 'generalBudgetExpenditure' } },
  { pattern: /项目支出|专项业务经费支出|项目经费/, kind: { role: 'projectExpenditure' } },
  { pattern: /支出(?:预算)?(?:总体情况|总)表/, kind: { role: 'expenditureSummary' } },
];

/** A label printed before or beside a title: 公开表1, 表一, 表 1, 预算01表, 公开13表, 部门预算表三, 附表2. */
export const TABLE_LABEL = /^(?:(?:部门|单位)?(?:预算)?(?:公开)?附?表\s*[0-9一二三四五六七八九十]+(?:[-－—.．]\d+)?|(?:预算|公开)\s*\d+\s*表)$/;

/** A label at the start of a title line, with the separator after it: "表7：", "表 9.", "（一）", "一、". */
const LEADING_LABEL = /^(?:(?:部门|单位)?(?:预算)?(?:公开)?附?表\s*[0-9一二三四五六七八九十]+[-－—.．:：、]?|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d))/;

/** The year and the level/department words before the table's own name: 2026年, 市级部门, 部门, 单位. */
const LEADING_WORDS = /^(?:\d{4}\s*年度?)?(?:[省市区县]级)?(?:部门|单位)?(?:综合预算)?/;

/**
 * The title without its label and year, for matching (spaces removed).
 * @param title The printed title (possibly with its label).
 */
export function bareTitle(title: string): string {
  return canonicalNames(title.replace(/\s+/g, '')).replace(LEADING_LABEL, '').replace(LEADING_WORDS, '');
}

/**
 * What a printed title is, if it is a table title at all: it must end with 表 (or 表 and a
 * parenthesis) and name one of the tables above.
 * @param title The title as printed, label and year included.
 */
export function kindOfTitle(title: string): TableKind | undefined {
  const bare = bareTitle(title);
  if (!hasTitleForm(bare)) return undefined;
  return TITLES.find((entry) => entry.pattern.test(bare) && !(entry.unless?.test(bare) ?? false))?.kind;
}

/**
 * Whether words read as a table's title, whatever table they name: they end with 表 (or 表 and a
 * parenthesis: 表（按经济分类科目）) and are as long as titles are.
 * @param title The title without its label and year (bareTitle).
 */
export function hasTitleForm(title: string): boolean {
  return /表(?:[（(][^）)]{1,20}[）)])?$/.test(title) && title.length >= 4 && title.length <= 60 && !/[，。；;]/.test(title);
}
