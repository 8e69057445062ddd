/**
 * The names templates print, mapped to the model's stable names: table titles to roles, column
 * headers to column ids, special row names to row keys, class names to codes. Data, kept in one
 * place so a new template is mostly new entries here.
 */
import { type TableRole } from '../document/model.js';

/**
 * Older or shortened names of the funds and costs, as some templates print them, and the names the
 * vocabulary uses: 一般公共财政预算 / 公共财政预算 (the name before the 2015 Budget Law) is 一般公共预算;
 * 政府基金 is 政府性基金; 机关运行费 and 公车 are 机关运行经费 and 公务用车. Applied to titles, headers,
 * row names, section headings and the narrative's words before they are matched.
 */
export const NAME_SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/(?:一般)?公共财政预算/g, '一般公共预算'],
  [/政府基金/g, '政府性基金'],
  // Shortened names of the costs the rules check: 机关运行费, 公车购置及运行费.
  [/机关运行费/g, '机关运行经费'],
  [/(?<!办)公车/g, '公务用车'],
];

/**
 * Words with the funds' and costs' older or shortened names replaced by the vocabulary's (see NAME_SYNONYMS).
 * @param words The printed words.
 */
export function canonicalNames(words: string): string {
  return NAME_SYNONYMS.reduce((text, [pattern, name]) => text.replace(pattern, name), words);
}

/** Table titles → roles, most specific first (the first match wins). */
export const TITLE_ROLES: readonly (readonly [RegExp, TableRole])[] = [
  [/财政拨款收支/, 'fiscalAppropriationSummary'],
  [/收支(预算)?总表/, 'incomeExpenditureSummary'],
  [/收入(预算)?总表/, 'incomeSummary'],
  [/支出(预算)?总表/, 'expenditureSummary'],
  [/基本支出.*经济/, 'basicExpenditureByEconomicClass'],
  [/一般公共预算.*支出/, 'generalBudgetExpenditure'],
  [/政府性基金.*收入/, 'governmentFundIncome'],
  [/政府性基金.*支出/, 'governmentFundExpenditure'],
  [/国有资本经营预算/, 'stateCapital'],
  [/“?三公”?经费/, 'threePublicExpenses'],
  [/机关运行经费/, 'agencyOperatingCosts'],
  [/项目支出.*上年结转/, 'projectExpenditureCarriedOver'],
  [/项目支出/, 'projectExpenditure'],
  [/政府采购/, 'governmentProcurement'],
];

/**
 * The role of a table title, if it is one.
 * @param title A printed title.
 */
export function roleOfTitle(title: string): TableRole | undefined {
  return TITLE_ROLES.find(([pattern]) => pattern.test(title))?.[1];
}

/** Column headers (the last part of a multi-line header) → column ids. */
export const HEADER_COLUMNS: readonly (readonly [RegExp, string])[] = [
  [/^(合计|小计|\d{4}年?合计)$/, 'total'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^人员经费$/, 'personnel'],
  [/^公用经费$/, 'public'],
  [/^当年预算安排$/, 'currentYear'],
  [/^上年结转(安排)?$/, 'carriedOver'],
  [/^一般公共预算$/, 'generalBudget'],
  [/^政府性基\s*金(预\s*算)?$/, 'governmentFunds'],
  [/^国有资本经营预\s*算$/, 'stateCapital'],
  [/^财政专户管理\s*资金$/, 'fiscalSpecialAccount'],
  [/^单位资金$/, 'unitFunds'],
  [/^财政拨款收入$/, 'fiscalAppropriation'],
  [/^事业收入$/, 'businessIncome'],
  [/^事业单位经营收入$/, 'operatingIncome'],
  [/^其他收入$/, 'otherIncome'],
  [/^政府预算支出经济科目名称$/, 'governmentEconomicClass'],
];

/**
 * The id of a column from its printed header (parts joined with "/").
 * @param header The header.
 */
export function columnOfHeader(header: string): string | undefined {
  const last = header.split('/').pop()!.trim();
  return HEADER_COLUMNS.find(([pattern]) => pattern.test(last))?.[1];
}

/** Names of special rows → keys, by side of the table ("any" for one-sided tables). */
export const ROW_KEYS: readonly (readonly [RegExp, string])[] = [
  [/^本年收入合计$/, 'currentYearIncomeTotal'],
  [/^本年支出合计$/, 'currentYearExpenditureTotal'],
  [/^收入总计$/, 'incomeGrandTotal'],
  [/^支出总计$/, 'expenditureGrandTotal'],
  [/^(上年结转|上年财政拨款结转)$/, 'carriedOver'],
  [/^年终结转$/, 'yearEndCarryForward'],
  [/^(合计|部门合计|总计)$/, 'total'],
  [/^因公出国[（(]境[）)]费$/, 'abroad'],
  [/^公务接待费$/, 'reception'],
  [/^公务用车购置及运行费$/, 'vehicles'],
  [/^[①1.、\s]*公务用车购置费$/, 'vehiclePurchase'],
  [/^[②2.、\s]*公务用车运行(维护)?费$/, 'vehicleOperation'],
];

/** Income sources on the income side of a summary table → keys. */
export const INCOME_SOURCES: readonly (readonly [RegExp, string])[] = [
  [/一般公共预算/, 'generalBudget'],
  [/政府性基金/, 'governmentFunds'],
  [/国有资本经营/, 'stateCapital'],
  [/财政专户管理资金/, 'fiscalSpecialAccount'],
  [/单位资金/, 'unitFunds'],
  [/财政拨款收入/, 'fiscalAppropriation'],
  [/事业单位经营收入/, 'operatingIncome'],
  [/事业收入/, 'businessIncome'],
  [/其他收入/, 'otherIncome'],
];

/** The key of a special row, if its name is one. */
export function keyOfRowName(name: string): string | undefined {
  const bare = name.replace(/\s+/g, '');
  return ROW_KEYS.find(([pattern]) => pattern.test(bare))?.[1];
}

/** 3-digit functional classes (支出功能分类 类) by name. */
export const FUNCTIONAL_CLASSES: readonly (readonly [string, string])[] = [
  ['一般公共服务支出', '201'],
  ['外交支出', '202'],
  ['国防支出', '203'],
  ['公共安全支出', '204'],
  ['教育支出', '205'],
  ['科学技术支出', '206'],
  ['文化旅游体育与传媒支出', '207'],
  ['社会保障和就业支出', '208'],
  ['社会保险基金支出', '209'],
  ['卫生健康支出', '210'],
  ['节能环保支出', '211'],
  ['城乡社区支出', '212'],
  ['农林水支出', '213'],
  ['交通运输支出', '214'],
  ['资源勘探工业信息等支出', '215'],
  ['商业服务业等支出', '216'],
  ['金融支出', '217'],
  ['援助其他地区支出', '219'],
  ['自然资源海洋气象等支出', '220'],
  ['住房保障支出', '221'],
  ['粮油物资储备支出', '222'],
  ['国有资本经营预算支出', '223'],
  ['灾害防治及应急管理支出', '224'],
  ['预备费', '227'],
  ['其他支出', '229'],
  ['转移性支出', '230'],
  ['债务还本支出', '231'],
  ['债务付息支出', '232'],
  ['债务发行费用支出', '233'],
  ['抗疫特别国债安排的支出', '234'],
];

/** 3-digit economic classes (部门预算支出经济分类 类) by name. */
export const ECONOMIC_CLASSES: readonly (readonly [string, string])[] = [
  ['工资福利支出', '301'],
  ['商品和服务支出', '302'],
  ['对个人和家庭的补助', '303'],
  ['债务利息及费用支出', '307'],
  ['资本性支出（基本建设）', '309'],
  ['资本性支出', '310'],
  ['对企业补助（基本建设）', '311'],
  ['对企业补助', '312'],
  ['其他支出', '399'],
];

/**
 * The code of a class printed by name (with or without an ordinal such as "一、").
 * @param name The printed name.
 * @param classes Which classification.
 */
export function codeOfClassName(name: string, classes: readonly (readonly [string, string])[]): string | undefined {
  const bare = name.replace(/^[一二三四五六七八九十]+、/, '').replace(/\s+/g, '');
  // A class printed without its last word (一般公共服务 for 一般公共服务支出) is still that class.
  return classes.find(([className]) => className === bare || className === `${bare}支出`)?.[1];
}
