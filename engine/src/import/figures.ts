/**
 * Reading the figures a narrative section states: each sentence is cut into clauses at its
 * punctuation, and each clause holding a number with a unit (万元, 元, %, 个) becomes a figure —
 * an amount or count named by the words before it (mapped to a figure key by the vocabulary
 * below), a share ("占Y%") of the amount before it, or a change ("比上年增加/减少X万元，增长/下降Y%")
 * of the amount the sentence is about. A clause with such a number that no rule reads becomes a
 * problem; clauses without one are plain text.
 */
import { type Figure } from '../document/model.js';
import { parseDecimal } from '../money/money.js';
import { builtPattern } from './builtPatterns.js';
import { foldFullWidthNumbers } from './lines.js';
import { type ImportProblem, type SourceLine } from './types.js';
import { FUNCTIONAL_CLASSES, canonicalNames } from './vocabulary.js';

/** Stable ids of the narrative's sections (docs/document-model.md). */
export type NarrativeSectionId =
  | 'overview'
  | 'income'
  | 'expenditure'
  | 'fiscalAppropriation'
  | 'generalBudget'
  | 'basicExpenditure'
  | 'threePublicExpenses'
  | 'agencyOperatingCosts'
  | 'procurement'
  | 'performance'
  | 'assets'
  | 'governmentFunds'
  | 'stateCapital'
  | 'other';

/** One entry of the figure vocabulary: the words naming a figure, and the key they map to. */
export interface FigureTerm {
  /** Amounts (万元/元) or counts (个). */
  readonly kind: 'amount' | 'count';
  /** Tested against the words before the number (lead-ins such as 其中 removed). */
  readonly pattern: RegExp;
  /** The key; absent when `byWhole` or `follows` decides it. */
  readonly key?: string;
  /** The key by the key of the whole the section is currently about, or by the section id. */
  readonly byWhole?: Readonly<Record<string, string>>;
  /** An amount named only by "金额" etc.: the amount of the count just before it. */
  readonly follows?: boolean;
  /** The figure is a whole: later shares are "of" it and later parts are "under" it. */
  readonly whole?: boolean;
  /** The figure is a part named by the text: its printed name is kept as `subject`. */
  readonly subject?: boolean;
  /** Sections where the entry applies; everywhere when absent. */
  readonly sections?: readonly NarrativeSectionId[];
  /** Sections where an entry applying everywhere else does not. */
  readonly outside?: readonly NarrativeSectionId[];
}

const incomeSide: readonly NarrativeSectionId[] = ['overview', 'income'];
/** Every section: for entries that must win over the section-limited ones wherever they stand. */
const everywhere: readonly NarrativeSectionId[] = ['overview', 'income', 'expenditure', 'fiscalAppropriation', 'generalBudget', 'basicExpenditure', 'governmentFunds', 'stateCapital'];
const expenditureSide: readonly NarrativeSectionId[] = ['overview', 'expenditure'];
/** Sections on one kind of spending or on assets, whose 基本支出 or 项目支出 is never the department's (绩效's is: 长沙, 部门整体支出绩效目标…其中，基本支出…). */
const PARTS_OF_SPENDING: readonly NarrativeSectionId[] = ['threePublicExpenses', 'agencyOperatingCosts', 'procurement', 'assets'];

/**
 * The figure vocabulary, first match wins: entries limited to a section come before the general
 * ones they refine (e.g. 基本支出 in 一般公共预算基本支出 is generalBudgetBasicExpenditure).
 */
/**
 * 项目支出 as a whole: alone, or after a department's or unit's name, a year or a fund (本部门,
 * 2026年, 一般公共预算); not a named project's own (大厅保安和安检服务项目支出 328.69万元).
 */
/** The funds' names: a total named with one (一般公共预算财政拨款支出预算) is that fund's, never the department's. */
const NAMES_A_FUND = String.raw`一般公共预算|政府性基金|国有资本经营|财政拨款|财政专户`;
/** Parts of spending: a total named with one (项目经费支出预算, 公务接待费支出预算) is that part's. */
const NAMES_A_PART = String.raw`项目|基本|人员|公用|公务|出国|接待|会议|培训|机关运行|采购|经费`;
/** The last character of a department's or unit's name (…局, …中心, …（本级）), before its 预算收入 or 预算支出. */
const DEPARTMENT_END = String.raw`[局委办厅院所站队心室会部门位处区市省县镇府级）)]`;
/**
 * What may stand before a department's total: nothing, or words ending in a department's or unit's
 * name, a year, 预算 or 相应安排 (本部门, 2026年, 部门预算, 福州: 相应安排支出预算). Not an item's name: 工资福利支出预算,
 * 社会保障和就业支出预算 and 事业收入预算 are an item's or a source's budget, not the total.
 */
const TOTAL_OWNER = String.raw`(?:.*(?:${DEPARTMENT_END}|年度?|预算|本级|相应(?:安排)?))?`;
/** A department's total: 收入预算总计, 部门预算收入, 2026年预算收入, 总收入 (and the same of 支出), named with no fund or part. */
function departmentTotal(side: '收入' | '支出', unlike: string): RegExp {
  return builtPattern(String.raw`^(?!.*(?:${unlike}))${TOTAL_OWNER}(?:总?${side}(预算)?(总计|合计|总额|总预算|预算)(为|是)?|预算${side}|总${side})$`);
}
const PROJECT_EXPENDITURE = /(?:^|[局委办厅院所站队心室会部门位处区市省县镇府年度算款金）)])项目支出(?:预算数?)?$/;

export const FIGURE_TERMS: readonly FigureTerm[] = [
  // Parts that name a fund or a carried-over source: never a total or the source itself.
  // (In the 财政拨款 section too: 一般公共预算财政拨款支出 is the general budget's part of it, not the whole.)
  // (西安 2022 names it by the older 一般公共财政: 一般公共财政拨款支出.)
  { kind: 'amount', sections: ['overview', 'fiscalAppropriation'], pattern: /一般公共(预算)?(当年|本年)?(财政)?(拨款)?支出(预算)?(为)?$/, key: 'generalBudgetExpenditure' },
  { kind: 'amount', sections: everywhere, pattern: /上年结转[结余和及]*的.*(收入|资金)$/, key: 'carriedOverBySource' },
  { kind: 'amount', sections: everywhere, pattern: /政府性基金(预算)?(财政)?(拨款)?(安排的?)?支出(预算)?(为)?$/, key: 'governmentFundExpenditure' },
  { kind: 'amount', sections: everywhere, pattern: /国有资本经营(预算)?(财政)?(拨款)?(安排的?)?支出(预算)?(为)?$/, key: 'stateCapitalExpenditure' },
  // 财政拨款收支总体情况
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /财政拨款(收入?、?支出?)?(总预算|总计|合计|预算总额)$/, key: 'fiscalAppropriationTotal', whole: true },
  // (上海's 编制说明, an overview, states it too: 支出预算…，其中：财政拨款支出预算 47,145 万元.)
  { kind: 'amount', sections: ['fiscalAppropriation', 'overview'], pattern: /财政拨款(预算)?支出(预算)?$/, key: 'fiscalAppropriationExpenditure' },
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /一般公共预算(当年|本年)?(财政)?(拨款)?(收入)?$/, key: 'generalBudgetAppropriation' },
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /政府性基金(预算)?(拨款)?(收入)?$/, key: 'governmentFundAppropriation' },
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /国有资本经营(预算)?(拨款)?(收入)?$/, key: 'stateCapitalAppropriation' },
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /(当年|本年)(财政)?拨款(收入)?$/, key: 'currentYearAppropriation' },
  { kind: 'amount', sections: ['fiscalAppropriation'], pattern: /上年结转(结余)?(收入|资金)?$/, key: 'carriedOverAppropriation' },
  // 一般公共预算支出
  { kind: 'amount', sections: ['generalBudget'], pattern: /一般公共预算(当年|本年)?(财政)?(拨款)?支出$|一般公共预算(当年|本年)(财政)?拨款$/, key: 'generalBudgetExpenditure', whole: true },
  // 一般公共预算基本支出
  { kind: 'amount', sections: ['basicExpenditure'], pattern: /基本支出$/, key: 'generalBudgetBasicExpenditure', whole: true },
  { kind: 'amount', pattern: /人员经费$|^人员支出$/, key: 'personnelCosts' },
  { kind: 'amount', pattern: /公用经费$|^(日常)?公用支出$/, key: 'publicCosts' },
  // 收入（the carried-over part of a source is not the source: 上年结转结余的一般公共预算收入）
  // 财政拨款收入 as a source beside the others (四川大竹: 本年财政拨款收入…，占83.85%；上年结转…), the
  // funds' appropriations together; not in the 财政拨款 section, where its own terms read it.
  { kind: 'amount', sections: incomeSide, pattern: /^(?:\d{4}年)?(?:本年|当年)?(?:本级)?财政拨款(?:预算)?收入$/, key: 'fiscalAppropriationIncome' },
  // (重庆: 一般公共预算拨款本年收入, beside its 上年结转.)
  { kind: 'amount', sections: incomeSide, pattern: /一般公共预算(拨款)?(本年|当年)?收入$|一般公共预算(财政)?拨款(收入)?$/, key: 'generalBudgetIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /政府性基金(预算)?(财政)?(拨款)?(本年|当年)?收入$|政府性基金预算(财政)?拨款$/, key: 'governmentFundIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /国有资本经营(预算)?(拨款)?收入$/, key: 'stateCapitalIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /财政专户管理资金(收入)?$/, key: 'fiscalSpecialAccountIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /单位资金(收入)?$/, key: 'unitFundsIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /(财政专户管理)?事业收入$/, key: 'businessIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /(事业单位)?经营(服务)?收入(资金)?$/, key: 'operatingIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /其[他它]收入(资金)?$/, key: 'otherIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /上级补助收入$/, key: 'superiorSubsidyIncome' },
  { kind: 'amount', sections: incomeSide, pattern: /附属单位上缴收入$/, key: 'subordinateRemittanceIncome' },
  // (A fund's 本年收入 is that fund's: 一般公共预算拨款本年收入.)
  { kind: 'amount', sections: incomeSide, pattern: builtPattern(String.raw`^(?!.*(?:${NAMES_A_FUND})).*(?:本年收入(合计)?|(?:当年|本年)预算收入)$`), key: 'currentYearIncome' },
  {
    kind: 'amount',
    sections: incomeSide,
    pattern: departmentTotal('收入', NAMES_A_FUND),
    key: 'incomeTotal',
    whole: true,
  },
  // 重庆: “（一）收入预算：2026年年初预算数…”, the section's heading naming what the number is.
  { kind: 'amount', sections: ['income'], pattern: /^(\d{4}年)?年初预算数?$/, key: 'incomeTotal', whole: true },
  { kind: 'amount', sections: ['expenditure'], pattern: /^(\d{4}年)?年初预算数?$/, key: 'expenditureTotal', whole: true },
  // 收支总预算 (a balanced budget's one total): read as the income total.
  {
    kind: 'amount',
    sections: ['overview'],
    pattern: builtPattern(String.raw`^(?!.*(?:${NAMES_A_FUND})).*收入?、?支出?(总预算|预算(总额|总计)?)(为|是)?$`),
    key: 'incomeTotal',
    whole: true,
  },
  // 支出（基本支出、项目支出 before the totals: “本单位项目支出预算” is the project part, not the total）
  // In the sections on one fund (财政拨款, 一般公共预算) they are that fund's parts, not the department's.
  { kind: 'amount', sections: ['fiscalAppropriation', 'generalBudget'], pattern: /基本支出(预算数?)?$/, key: 'generalBudgetBasicExpenditure' },
  { kind: 'amount', sections: ['fiscalAppropriation', 'generalBudget'], pattern: PROJECT_EXPENDITURE, key: 'generalBudgetProjectExpenditure' },
  { kind: 'amount', sections: ['governmentFunds', 'stateCapital'], pattern: /(基本|项目)支出(预算数?)?$/, key: 'otherFundsExpenditure' },
  { kind: 'amount', sections: everywhere, pattern: /基本支出(预算数?)?$/, key: 'basicExpenditure' },
  { kind: 'amount', sections: everywhere, pattern: PROJECT_EXPENDITURE, key: 'projectExpenditure' },
  // In a section on one kind of spending, 基本支出 and 项目支出 are some part's (梧州, under 机关运行经费:
  // “下属…事业单位，事业运行经费总预算…，其中：基本支出预算…，项目支出预算…”), not the department's.
  { kind: 'amount', pattern: /基本支出(预算数?)?$/, key: 'basicExpenditure', outside: PARTS_OF_SPENDING },
  { kind: 'amount', pattern: PROJECT_EXPENDITURE, key: 'projectExpenditure', outside: PARTS_OF_SPENDING },
  { kind: 'amount', sections: expenditureSide, pattern: /本年(预算安排|支出(合计)?)$|(?:当年|本年)预算支出$/, key: 'currentYearExpenditure' },
  // The other uses of a unit's funds, which its lists of shares name beside 基本支出 and 项目支出.
  { kind: 'amount', sections: expenditureSide, pattern: /事业单位经营支出$/, key: 'operatingExpenditure' },
  { kind: 'amount', sections: expenditureSide, pattern: /上缴上级支出$/, key: 'superiorRemittanceExpenditure' },
  { kind: 'amount', sections: expenditureSide, pattern: /对附属单位补助支出$/, key: 'subordinateSubsidyExpenditure' },
  { kind: 'amount', sections: expenditureSide, pattern: /年终结转(结余)?$/, key: 'yearEndCarryForward' },
  // 深圳: “2026年深圳市人民政府口岸办公室部门预算支出 55,884.67 万元”. A total named with a fund
  // (一般公共预算财政拨款支出预算, in a section the reader did not recognise) is that fund's, and one
  // named with a part (项目经费支出预算, 公务接待费支出预算) that part's: never the department's.
  {
    kind: 'amount',
    sections: expenditureSide,
    pattern: departmentTotal('支出', `${NAMES_A_FUND}|${NAMES_A_PART}`),
    key: 'expenditureTotal',
    whole: true,
  },
  {
    kind: 'amount',
    pattern: /上年结转(结余)?(资金|收入)?$/,
    byWhole: { incomeTotal: 'carriedOverIncome', expenditureTotal: 'carriedOverExpenditure', income: 'carriedOverIncome', expenditure: 'carriedOverExpenditure' },
  },
  // “三公”经费、机关运行经费
  { kind: 'amount', pattern: /“?三公”?经费(财政拨款)?(预算|支出)?(合计|总额|总计)?$/, key: 'threePublicTotal', whole: true },
  { kind: 'amount', pattern: /因公出国[（(]境[）)]经?费用?$/, key: 'abroadCosts' },
  { kind: 'amount', pattern: /公务接待费用?$|^公务接待$/, key: 'receptionCosts' },
  { kind: 'amount', pattern: /公务用车购置及运行(维护)?费$/, key: 'vehicleCosts' },
  { kind: 'amount', pattern: /购置经?费用?$|^公务用车购置$/, key: 'vehiclePurchaseCosts' },
  { kind: 'amount', pattern: /运行(维护)?费用?$/, key: 'vehicleOperationCosts' },
  { kind: 'amount', pattern: /机关运行经费(财政拨款)?(预算|支出|安排)?(数)?(为|是)?$/, key: 'agencyOperatingCosts' },
  // 重庆: under the heading 机关运行经费, “2026 年一般公共预算财政拨款运行经费 2115.63 万元”.
  { kind: 'amount', sections: ['agencyOperatingCosts'], pattern: /^(\d{4}年)?(本部门)?(一般公共预算)?(财政拨款)?运行经费(预算|支出|安排)?(数)?(为|是)?$/, key: 'agencyOperatingCosts' },
  // 会议费、培训费: stated beside the “三公” figures; no rule reads them yet, but they are named.
  { kind: 'amount', pattern: /会议费$/, key: 'meetingCosts' },
  { kind: 'amount', pattern: /培训费$/, key: 'trainingCosts' },
  // 政府采购
  { kind: 'amount', sections: ['procurement'], pattern: /(一般公共预算|财政)拨款(安排的?)?政府采购/, key: 'procurementGeneralBudget' },
  { kind: 'amount', sections: ['procurement'], pattern: /小微企业/, key: 'procurementSmallMicroReserved' },
  { kind: 'amount', sections: ['procurement'], pattern: /中小企业/, key: 'procurementSmeReserved' },
  { kind: 'amount', sections: ['procurement'], pattern: /货物(类)?(采购)?(项目)?(预算)?$/, key: 'procurementGoods' },
  { kind: 'amount', sections: ['procurement'], pattern: /工程(类)?(采购)?(项目)?(预算)?$/, key: 'procurementWorks' },
  { kind: 'amount', sections: ['procurement'], pattern: /服务(类)?(采购)?(项目)?(预算)?$/, key: 'procurementServices' },
  // 集中采购 / 分散采购 are parts by how they are bought, never the total.
  { kind: 'amount', sections: ['procurement'], pattern: /^(?!.*(?:集中|分散|自行)采购).*采购(项目)?(支出)?(预算)?(总额|合计|总计)?$/, key: 'procurementTotal', whole: true },
  // 绩效管理
  { kind: 'count', sections: ['performance'], pattern: /公开(的)?项目绩效目标$|公开绩效目标的?项目$/, key: 'performancePublishedProjects', whole: true },
  {
    kind: 'count',
    sections: ['performance'],
    pattern: /运转类项目$/,
    byWhole: { performanceProjects: 'performanceOperatingProjects', performancePublishedProjects: 'performancePublishedOperatingProjects' },
    subject: true,
  },
  {
    kind: 'count',
    sections: ['performance'],
    pattern: /特定目标类项目$/,
    byWhole: { performanceProjects: 'performanceTargetedProjects', performancePublishedProjects: 'performancePublishedTargetedProjects' },
    subject: true,
  },
  { kind: 'count', sections: ['performance'], pattern: /绩效(目标)?管理.*项目$/, key: 'performanceProjects', whole: true },
  { kind: 'amount', sections: ['performance'], pattern: /一般公共预算资金$/, key: 'performanceGeneralBudgetAmount', subject: true },
  { kind: 'amount', sections: ['performance'], pattern: /(?:安排|涉及|预算|财政性)资金(?:合计|总额)?$|资金总额$|金额$/, follows: true },
];

/** The amount key that goes with a count key, for amounts named only by "涉及金额" and the like. */
export const COUNT_AMOUNTS: Readonly<Record<string, string>> = {
  performanceProjects: 'performanceAmount',
  performancePublishedProjects: 'performancePublishedAmount',
  performanceOperatingProjects: 'performanceOperatingAmount',
  performanceTargetedProjects: 'performanceTargetedAmount',
  performancePublishedOperatingProjects: 'performancePublishedOperatingAmount',
  performancePublishedTargetedProjects: 'performancePublishedTargetedAmount',
};

/**
 * A line with the unit 万元 wrapped after its 万 (…缴费支出 50.97 万 / 元。主要用于…): the 元 is
 * read at the end of the amount's line, and blanked (not removed, so offsets hold) on the next.
 * @param text The line.
 * @param previous The line before, if any.
 * @param next The line after, if any.
 */
function withUnitJoined(text: string, previous: string | undefined, next: string | undefined): string {
  let joined = text;
  if (previous !== undefined && /\d\s*万\s*$/.test(previous) && /^\s*元/.test(joined)) joined = joined.replace(/元/, ' ');
  if (next !== undefined && /\d\s*万\s*$/.test(joined) && /^\s*元/.test(next)) joined = `${joined.trimEnd()}元`;
  return joined;
}

/** A clause without the spaces justified lines put between characters (增 长, 比 上 年). */
function withoutLayoutSpaces(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

/** Words that open a clause without being part of what it names; 其中/包括 also open a breakdown. */
const LEAD_IN = /^(其中|主要包括|包括|主要用于|用于|分别为|分别是|具体为|具体包括)\s*/;
const BREAKDOWN = new Set(['其中', '主要包括', '包括', '主要用于', '用于']);
/** An item's number in digits (1. 1、 （1） (1)) or in numerals within brackets (（一）). */
const DIGIT_NUMBER = String.raw`[（(]?\d{1,2}[)）.、．]`;
const BRACKETED_NUMERAL = String.raw`[（(][一二三四五六七八九十]+[)）]`;
/** The number of a list item before its name: 1. 1、 （1） (1) 一、 （一）. */
const NUMBERING = String.raw`(?:${DIGIT_NUMBER}|${BRACKETED_NUMERAL}|[一二三四五六七八九十]+、)?`;
const LEADING_NUMBERING = builtPattern(`^${NUMBERING}`);
/** A clause opening with an item number (1. （1） (一)), not with a bare 一、 (which may be words) nor a decimal. */
const LIST_ITEM = builtPattern(String.raw`^\s*(?:${DIGIT_NUMBER}(?!\d)|${BRACKETED_NUMERAL})`);
/** A class named with its level marker: 一般公共服务（类）支出, （2）社会保障和就业支出（类）. */
const CLASS_WITH_MARKER = builtPattern(String.raw`^${NUMBERING}([^（(]+?)(?:支出)?[（(]类[)）](?:支出)?$`);
/** A printed number, with or without thousands separators (shared with the Shanghai reader). */
export const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const FIGURE_TOKEN = /\d\s*(?:万元|[元%个])/;
/** A clause ending in an amount: its words, the number, the unit. */
// Its words end on a character a number cannot start with, so the number is taken whole and each
// start is tried once (a lazy `(.*?)` before the number backtracked quadratically on long digit runs).
export const AMOUNT = builtPattern(String.raw`^((?:.*[^\d.,\s])?)\s*${NUMBER}\s*(万元|元)$`, 's');
/**
 * A count before the projects it counts (共计7个一级项目, 共84个项目纳入绩效目标管理): words, number,
 * the projects, words after. (Not 二级项目: the project tables list the projects one level up.)
 */
const COUNT_OF_PROJECTS = builtPattern(String.raw`^((?:.*[^\d.,\s])?)\s*${NUMBER}\s*个\s*((?:一级|部门)?(?:预算)?项目)([^\d]*)$`, 's');
/** A clause ending in a count. */
export const COUNT = builtPattern(String.raw`^((?:.*[^\d.,\s])?)\s*${NUMBER}\s*个$`, 's');

/**
 * The count a clause states, with the words that name it: …项目11个, or a count before the
 * projects it counts in a performance statement (共计7个一级项目), named by the words around it
 * with the noun last, as the first way puts it.
 */
function countIn(text: string, section: NarrativeSectionId | undefined): { words: string; number: string; unit: '个' } | undefined {
  const projects = section === 'performance' ? COUNT_OF_PROJECTS.exec(text) : null;
  if (projects !== null) return { words: `${projects[1]!}${projects[4]!}${projects[3]!}`, number: projects[2]!, unit: '个' };
  const count = COUNT.exec(text);
  return count === null ? undefined : { words: count[1]!, number: count[2]!, unit: '个' };
}

const SHARE = builtPattern(String.raw`^占(?:(.+?)的)?\s*${NUMBER}\s*%$`);
/** What a change is measured against: 比上年, 较上年预算数, 与上年执行数相比, 比上年年初预算, 同比. */
const AGAINST = String.raw`(?:(?:比|较|与|同)(?:上年度?|去年|年初|\d{4}年度?)(?:年初)?(?:预算|执行|同期)?(?:数)?(?:相比|比较)?|同比)`;
// (临沧: “较上年增 59.11万元”, the direction in one character.)
const CHANGE = builtPattern(String.raw`^(.*?)${AGAINST}\s*(增加|减少|增长|下降|上升|降低|增|减)\s*${NUMBER}\s*(万元|元)$`);
/** A clause that only says what the next clause's change is measured against (“与上年相比，”). */
const AGAINST_ONLY = builtPattern(String.raw`^${AGAINST}$`);
/** After such a clause: a change without the comparison (“财政拨款支出增加242.3万元”). */
const CHANGE_AFTER_AGAINST = builtPattern(String.raw`^(.*?)各?(增加|减少|增长|下降|上升|降低)了?\s*${NUMBER}\s*(万元|元)$`);
/** A percent change: its direction word and number. */
export const PERCENT_CHANGE = builtPattern(String.raw`^(增长|下降|增加|减少|上升|降低|增幅|减幅|降幅|涨幅)(?:率)?(?:为|是)?\s*${NUMBER}\s*%$`);
const WHOLE_SUFFIX = /(?:总额|总计|合计|总数)$/;

/** A clause: its range in the text and the sentence it belongs to. */
export interface Clause {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** The clause ends with an amount that a parenthesis follows (“…6.7万元（其中：…）”). */
  readonly opensParenthesis?: boolean;
  /** The clause follows that parenthesis' end: it speaks of the amount before it. */
  readonly closesParenthesis?: boolean;
  /** The clause opens a sentence after a full stop (。), not after a semicolon. */
  readonly afterFullStop?: boolean;
}

/** A figure while its sentence is read; its text is the line's range [start, end). */
interface Draft {
  key: string;
  kind: Figure['kind'];
  value: string;
  unit: NonNullable<Figure['unit']>;
  of?: string;
  code?: string;
  subject?: string;
  direction?: 'increase' | 'decrease';
  percent?: string;
  percentDirection?: 'increase' | 'decrease';
  current?: string;
  start: number;
  end: number;
  line: SourceLine;
}

/** What a section's reading remembers between clauses. */
interface ReadingState {
  readonly section: NarrativeSectionId | undefined;
  /** The 款 and 项 this document's tables print, to read “…（款）…（项）” names. */
  readonly items?: ItemNames;
  /** The whole the section is about (the last figure of a `whole` term). */
  whole?: Draft;
  /** The sentence being read (line number and sentence index). */
  sentence: string;
  /** The words of the sentence's clauses before the one being read. */
  sentenceWords: string;
  /** Figures of the current sentence. */
  lastFigure?: Draft;
  lastAmount?: Draft;
  lastCount?: Draft;
  /**
   * An amount named only as 涉及资金 before any count in its sentence (深圳: “…纳入绩效管理，涉及预算
   * 资金 50,878.08 万元，设置并编报5个项目绩效目标”): the amount of the count the sentence states next.
   */
  pendingAmount?: { readonly base: Pick<Draft, 'value' | 'unit' | 'start' | 'end' | 'line'>; readonly text: string };
  /** The amount stated before the sentence's breakdown (其中…), which a later change refers to. */
  beforeBreakdown?: Draft;
  /** The amount a parenthesis of parts followed. */
  beforeParenthesis?: Draft;
  /** The last amount read could not be named: a change after it is its change, not another's. */
  unnamedAmount?: boolean;
  /** Amounts (named or not) read since the last full stop. */
  amountsSinceStop: number;
  /** The previous sentence's amount when the text since the full stop before it stated exactly one: a sentence opening with a change (“…万元，主要用于…。比上年增加…”) speaks of it. */
  previousSentenceAmount?: Draft;
  /** The clause before said what a change is measured against (“与上年相比，”). */
  against?: boolean;
  /** Wholes with a share the reader could not place (of an amount it could not name): their lists of shares are incomplete. */
  readonly incompleteShares: Set<string>;
  /** A numbered heading naming a figure (（一）因公出国（境）经费), for the amount right after it that names nothing else. */
  headingTerm?: FigureTerm;
}

const CLAUSE_DELIMITERS = new Set(['，', ',', '：', ':', '、']);
const SENTENCE_DELIMITERS = new Set(['。', '；', ';']);

/**
 * Cuts a text into clauses at its punctuation; a comma between digits grouping thousands
 * ("3,011.46") does not cut.
 * @param folded The text with full-width digits folded (same length as the original).
 * @param from Where to start.
 */
export function clausesOf(folded: string, from = 0): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  let start = from;
  // A parenthesis after an amount holds that amount's parts; the clause after it speaks of the amount again.
  let inParenthesis = false;
  let afterParenthesis = false;
  let afterFullStop = false;
  const push = (end: number, opens = false): void => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(folded[from]!)) from += 1;
    while (to > from && /\s/.test(folded[to - 1]!)) to -= 1;
    if (to > from) {
      clauses.push({
        start: from,
        end: to,
        sentence,
        ...(opens ? { opensParenthesis: true } : {}),
        ...(afterParenthesis ? { closesParenthesis: true } : {}),
        ...(afterFullStop ? { afterFullStop: true } : {}),
      });
      afterParenthesis = false;
      afterFullStop = false;
    }
  };
  for (let index = from; index < folded.length; index += 1) {
    const character = folded[index]!;
    const groupsThousands = character === ',' && /\d/.test(folded[index - 1] ?? '') && /^\d{3}(?!\d)/.test(folded.slice(index + 1));
    // “收、支总预算”, “收、支总计”: one name, not two clauses.
    const joinsIncomeAndExpenditure = character === '、' && folded[index - 1] === '收' && folded[index + 1] === '支';
    if ((character === '（' || character === '(') && /\d\s*(?:万元|元)\s*$/.test(folded.slice(start, index))) {
      push(index, true);
      inParenthesis = true;
      start = index + 1;
    } else if ((character === '）' || character === ')') && inParenthesis) {
      push(index);
      inParenthesis = false;
      afterParenthesis = true;
      start = index + 1;
    } else if (SENTENCE_DELIMITERS.has(character)) {
      push(index);
      sentence += 1;
      afterFullStop = character === '。';
      start = index + 1;
    } else if (CLAUSE_DELIMITERS.has(character) && !groupsThousands && !joinsIncomeAndExpenditure) {
      push(index);
      start = index + 1;
    }
  }
  push(folded.length);
  return clauses;
}

/**
 * A printed number as a decimal string: thousands separators removed, digits and places kept
 * ("3,000.00" → "3000.00").
 * @param printed The number (full-width digits already folded).
 */
export function decimalText(printed: string): string | undefined {
  const plain = printed.replace(/,/g, '');
  return parseDecimal(plain) === undefined ? undefined : plain;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

function isSubsequence(short: string, long: string): boolean {
  let position = 0;
  for (const character of long) if (character === short[position]) position += 1;
  return position === short.length;
}

/**
 * The code of a 3-digit functional class named in the text. An exact name wins; otherwise the
 * closest class name, when the printed name is that name with at most two characters inserted
 * or differs from it by one character. This is how a slip such as "一般公共预算服务支出" (printed
 * for 一般公共服务支出, whose name it contains with "预算" inserted) still gets its code 201: the
 * printed name is kept as `subject`, so a check can compare it with the class name. The narrative
 * stage does not see the tables, so "the table's only class" is not used as evidence.
 * @param name The printed name.
 */
export function functionalClassCode(name: string): string | undefined {
  // “一般公共服务（类）支出”: a class named with its level marker. A name going on to a 款 or 项
  // (…（类）信访事务（款）行政运行（项）) is that item's, not the class's.
  const marked = CLASS_WITH_MARKER.exec(name.replace(/\s+/g, ''));
  const bare = marked !== null ? `${marked[1]!}支出` : name.replace(/\s+/g, '');
  const exact = FUNCTIONAL_CLASSES.find(([className]) => className === bare);
  if (exact !== undefined) return exact[1];
  if (!/支出$|预备费$/.test(bare)) return undefined;
  const candidates = FUNCTIONAL_CLASSES.map(([className, code]) => ({ code, distance: editDistance(className, bare), inserted: isSubsequence(className, bare) }))
    .filter(({ distance, inserted }) => distance <= 1 || (inserted && distance <= 2))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = candidates;
  if (best === undefined || (second !== undefined && second.distance === best.distance)) return undefined;
  return best.code;
}

/**
 * Whether a heading names a functional class and nothing else (（一）一般公共服务支出（类）,
 * 2.社会保障和就业支出): such a heading is a part of its section's subject, not a subject of its own.
 * @param heading The heading's words.
 */
export function namesFunctionalClass(heading: string): boolean {
  return functionalClassCode(heading.replace(/\s+/g, '').replace(LEADING_NUMBERING, '')) !== undefined;
}

/** The 款 and 项 a document's tables print: each name with the codes it stands for. */
export type ItemNames = ReadonlyMap<string, readonly string[]>;

/**
 * The item a name with level markers stands for (一般公共服务支出（类）信访事务（款）行政运行（项）支出,
 * 行政事业单位养老支出（款）行政单位离退休（项）支出), by the names the document's own tables
 * print: the innermost level's name, its code chosen by the outer names when several items share
 * it (行政运行 under many 款). Undefined when the tables do not settle it.
 * @param subject The printed name.
 * @param items The tables' 款 and 项 names.
 */
export function itemByPath(subject: string, items: ItemNames): { code: string; name: string } | undefined {
  const bare = subject.replace(/\s+/g, '').replace(LEADING_NUMBERING, '');
  const parts = [...bare.matchAll(/(?<![^（()）])([^（()）]+)[（(]([类款项])[)）]/g)].map((match) => ({ name: match[1]!.replace(LEADING_NUMBERING, ''), level: match[2]! }));
  const last = parts[parts.length - 1];
  // After the path: nothing, 支出, or the amount's words (2026年预算数为).
  if (last === undefined) return undefined;
  const tail = bare.slice(bare.lastIndexOf(last.level) + 2);
  if (last.level === '类' || !/^(?:\d{4}年)?(?:支出|预算支出|支出预算|预算数|预算|安排)?(?:为|是)?$/.test(tail)) return undefined;
  const codes = (items.get(last.name) ?? []).filter((code) => code.length === (last.level === '项' ? 7 : 5));
  // Each outer name narrows the codes to those under it. A 款 the tables do not print leaves the
  // item unsettled: it is another 款's item of the same name (林业和草原（款）一般行政管理事务（项）
  // 0 万元, where the tables print only 水利's), not the one the tables print.
  const parents = parts.slice(0, -1).map((part) => {
    if (part.level === '类') {
      const code = functionalClassCode(part.name.endsWith('支出') ? part.name : `${part.name}支出`);
      return code === undefined ? [] : [code];
    }
    return (items.get(part.name) ?? []).filter((code) => code.length === 5);
  });
  if (parts.slice(0, -1).some((part, index) => part.level === '款' && parents[index]!.length === 0)) return undefined;
  const chosen = codes.filter((code) => parents.every((under) => under.length === 0 || under.some((parent) => code.startsWith(parent))));
  return chosen.length === 1 ? { code: chosen[0]!, name: last.name } : undefined;
}

/** A name followed by its classification code in parentheses: 住房公积金（2210201）, 商品和服务支出（302）. */
// (A name may hold 年 (机关事业单位职业年金缴费支出); it holds no digit, so never a year.)
const CODED_NAME = builtPattern(String.raw`^${NUMBERING}([^\d]+?)[（(](\d{3}|\d{5}|\d{7})[)）](?:支出|预算数?|安排)*(?:为|是)?$`);
/** An item named by its code, then its name (福州: （一）2080201-行政运行 993.77 万元). */
// (The name runs to the amount: its own 支出 is part of it, as the tables print it.)
const CODE_FIRST = builtPattern(String.raw`^${NUMBERING}(\d{3}|\d{5}|\d{7})[-—－–]([^\d]+?)(?:预算数?|安排)*(?:为|是)?$`);

/**
 * The item a name with its code stands for: a functional class, 款 or 项 (codes 2xx…), or an
 * economic class or 款 (3xx, 5xx…). The code is printed, so no vocabulary is needed.
 * @param subject The words before the amount.
 */
function codedItem(subject: string): Pick<Draft, 'key' | 'code' | 'subject'> | undefined {
  const bare = subject.replace(/\s+/g, '');
  const named = CODED_NAME.exec(bare);
  const coded = named === null ? CODE_FIRST.exec(bare) : null;
  if (named === null && coded === null) return undefined;
  const [name, code] = named !== null ? [named[1]!, named[2]!] : [coded![2]!, coded![1]!];
  if (code.startsWith('2')) return { key: 'functionalClassExpenditure', code, subject: name };
  if (/^[35]/.test(code)) return { key: 'economicClassExpenditure', code, subject: name };
  return undefined;
}

function termFor(subject: string, kind: FigureTerm['kind'], section: NarrativeSectionId | undefined): FigureTerm | undefined {
  const find = (words: string): FigureTerm | undefined => {
    const applies = (term: FigureTerm): boolean => term.kind === kind && term.pattern.test(words);
    return (
      FIGURE_TERMS.find((term) => term.sections !== undefined && section !== undefined && term.sections.includes(section) && applies(term)) ??
      FIGURE_TERMS.find((term) => term.sections === undefined && (section === undefined || term.outside?.includes(section) !== true) && applies(term))
    );
  };
  // The verb before the number (“三公”经费预算数为 8.00 万元, 收入预算共计…) is not part of the
  // name, nor are the generic words after it (公务接待费预算支出, 机关运行经费预算安排): each
  // shorter form is tried only when the longer one names nothing.
  // A list item's number (（1）公务用车购置…) is not part of the name.
  let words = canonicalNames(subject.replace(/\s+/g, '').replace(LEADING_NUMBERING, ''));
  for (;;) {
    const term = find(words);
    if (term !== undefined) return term;
    const shorter = words.replace(VERB_BEFORE_NUMBER, '').replace(GENERIC_TAIL, '');
    if (shorter === words || shorter === '') return undefined;
    words = shorter;
  }
}

/**
 * The figure a numbered heading names, when it names one and nothing else (（一）因公出国（境）经费,
 * 1.因公出国（境）费用): 福州 and 深圳 state its amount in the next sentence as “2026年预算安排 7.05 万元”.
 * @param text The clause, without a figure.
 * @param section The section.
 */
function headingTermOf(text: string, section: NarrativeSectionId | undefined): FigureTerm | undefined {
  const bare = text.replace(/\s+/g, '');
  const numbering = LEADING_NUMBERING.exec(bare)?.[0] ?? '';
  if (numbering === '' || bare.length - numbering.length > 16) return undefined;
  const term = termFor(bare.slice(numbering.length), 'amount', section);
  return term?.key !== undefined && term.follows !== true && term.subject !== true ? term : undefined;
}

/** What an amount is named by when its heading says what it is: a year and budget words (2026年预算安排, 2026年预算数为). */
const ONLY_BUDGET_WORDS = /^(?:\d{4}年度?)?(?:年初)?(?:预算)?(?:安排|数|支出)?(?:为|是)?$/;

/** Words that join a name to its number: 为, 是, 共计, 合计为, 约为, and 数 of 预算数为. */
const VERB_BEFORE_NUMBER = /数?(?:共计|共有|合计为|总计为|约为|[为是达共])$/;
/** Generic words after a name: 预算, 支出, 安排, 预算数 (in any order: 预算支出, 支出预算, 预算安排). */
const GENERIC_TAIL = /(?:预算数?|支出|安排|资金|\d{4}年度?)$/;

/**
 * The key of a whole named in a share ("占部门(单位)项目支出总额的100%" → projectExpenditure).
 * @param name The printed whole.
 * @param section The section.
 */
function keyOfWhole(name: string, section: NarrativeSectionId | undefined): string | undefined {
  const bare = name.replace(WHOLE_SUFFIX, '');
  for (const candidate of [bare, name]) {
    // (A whole named in a section where its term does not apply, 项目支出 of a share in 绩效, is still that whole.)
    const term =
      termFor(candidate, 'amount', section) ??
      termFor(candidate, 'amount', undefined) ??
      FIGURE_TERMS.find((entry) => entry.kind === 'amount' && entry.key !== undefined && entry.pattern.test(candidate));
    if (term?.key !== undefined) return term.key;
  }
  return undefined;
}

/** The funds' incomes, parts of 财政拨款收入 (fiscalAppropriationIncome). */
const FUND_INCOMES: ReadonlySet<string> = new Set(['generalBudgetIncome', 'governmentFundIncome', 'stateCapitalIncome']);

/** Words before a change that name nothing of their own: the change speaks of the amount before it. */
const UNNAMED_CHANGE = /^(?:其中|另外|同时|总体|整体|分别|[均各这该此其]|共计|合计|总计|预算数?|安排|本年度?|当年|全年|年初|[共，,、:：;；\s]|\d{4}年度?|收、?支(?:总计|总预算|预算)?)*$/;

/** A change's subject named by its side alone (收入, 总支出, 本年收入预算). */
const SIDE_ONLY = /^(?:本年|全年)?总?(收入|支出)(?:预算)?$/;

/**
 * What a change's own words name (“公务接待费” of “公务接待费比上年增加1万元”): undefined when
 * they name nothing (“比上年增加…”, “其中…”), 'unknown' when they are words the vocabulary
 * does not know, so that the change is not given to some other amount.
 */
function changeSubject(words: string, state: ReadingState): Pick<Draft, 'key' | 'code'> | 'unknown' | undefined {
  const bare = words.replace(/\s+/g, '').replace(LEAD_IN, '').replace(LEADING_NUMBERING, '');
  if (UNNAMED_CHANGE.test(bare)) return undefined;
  const coded = codedItem(bare);
  if (coded !== undefined) return coded;
  // “收入较去年减少…” after the income total: the side alone names its total, in the sections on the totals.
  const side = SIDE_ONLY.exec(bare);
  if (side !== null && state.section !== undefined && ['overview', 'income', 'expenditure'].includes(state.section)) return { key: side[1] === '收入' ? 'incomeTotal' : 'expenditureTotal' };
  const term = termFor(bare, 'amount', state.section);
  const key = term === undefined || term.follows === true ? undefined : keyOfTerm(term, state);
  return key === undefined ? 'unknown' : { key };
}

/** A term's key: its own, or the one its whole (or, failing that, its section) decides. */
function keyOfTerm(term: FigureTerm, state: ReadingState): string | undefined {
  return term.key ?? (term.byWhole === undefined ? undefined : (term.byWhole[state.whole?.key ?? ''] ?? term.byWhole[state.section ?? '']));
}

/** Whether an amount is the one a change names: the same key, and the same code when it names one. */
function sameSubject(amount: Draft, named: Pick<Draft, 'key' | 'code'>): boolean {
  return amount.key === named.key && (named.code === undefined || amount.code === named.code);
}

/**
 * The direction a change word states.
 * @param word 增加, 增长, 上升, 增 (increase) or 减少, 下降, 降低, 减 (decrease).
 */
export function directionOf(word: string): 'increase' | 'decrease' {
  return /[增升涨]/.test(word) ? 'increase' : 'decrease';
}

/** An amount named only as 涉及资金 that no count of its sentence claimed: said, never dropped. */
function unclaimedAmount(state: ReadingState, problems: ImportProblem[]): void {
  const pending = state.pendingAmount;
  if (pending === undefined) return;
  problems.push(problemAt(pending.base.line, `未能识别“${pending.text}”：它前后没有它所属的项目个数，无法确定它是哪一项金额`));
  state.pendingAmount = undefined;
}

function problemAt(line: SourceLine, message: string): ImportProblem {
  return { line: line.number, code: 'unrecognised_text', message };
}

function finish(draft: Draft): Figure {
  return {
    key: draft.key,
    kind: draft.kind,
    value: draft.value,
    unit: draft.unit,
    ...(draft.of !== undefined ? { of: draft.of } : {}),
    ...(draft.code !== undefined ? { code: draft.code } : {}),
    ...(draft.subject !== undefined ? { subject: draft.subject } : {}),
    ...(draft.direction !== undefined ? { direction: draft.direction } : {}),
    ...(draft.percent !== undefined ? { percent: draft.percent } : {}),
    ...(draft.percentDirection !== undefined ? { percentDirection: draft.percentDirection } : {}),
    ...(draft.current !== undefined ? { current: draft.current } : {}),
    text: draft.line.text.slice(draft.start, draft.end),
    line: draft.line.number,
  };
}

/**
 * Reads the figures of a section's lines, in order.
 * @param lines The section's body lines (heading excluded).
 * @param section The section's id, when known.
 * @param items The 款 and 项 the document's tables print, by name (to read “…（款）…（项）” names).
 */
export function readFigures(lines: readonly SourceLine[], section: NarrativeSectionId | undefined, items?: ItemNames): { figures: Figure[]; problems: ImportProblem[] } {
  const drafts: Draft[] = [];
  const problems: ImportProblem[] = [];
  const state: ReadingState = { section, sentence: '', sentenceWords: '', amountsSinceStop: 0, incompleteShares: new Set(), ...(items !== undefined ? { items } : {}) };
  for (const [position, line] of lines.entries()) {
    const folded = withUnitJoined(foldFullWidthNumbers(line.text), lines[position - 1]?.text, lines[position + 1]?.text);
    const clauses = clausesOf(folded);
    for (let index = 0; index < clauses.length; index += 1) {
      const clause = clauses[index]!;
      const sentence = `${line.number}:${clause.sentence}`;
      if (clause.closesParenthesis === true) {
        // After “（…）”: the sentence that opened the parenthesis goes on, about the amount before it.
        state.sentence = sentence;
        state.lastAmount = state.beforeParenthesis;
        state.lastFigure = state.beforeParenthesis;
        state.beforeBreakdown = undefined;
      } else if (sentence !== state.sentence) {
        unclaimedAmount(state, problems);
        state.sentence = sentence;
        state.sentenceWords = '';
        // Only a sentence ended by a full stop counts: after “；” the previous clause may be one item of a list.
        state.previousSentenceAmount = clause.afterFullStop === true && state.amountsSinceStop === 1 ? state.lastAmount : undefined;
        if (clause.afterFullStop === true) state.amountsSinceStop = 0;
        state.lastFigure = undefined;
        state.lastAmount = undefined;
        state.lastCount = undefined;
        state.beforeBreakdown = undefined;
        state.against = false;
      }
      let start = clause.start;
      let end = clause.end;
      const leadIn = LEAD_IN.exec(folded.slice(start, end));
      if (leadIn !== null) {
        if (BREAKDOWN.has(leadIn[1]!) && state.beforeBreakdown === undefined) state.beforeBreakdown = state.lastAmount;
        if (leadIn[0].length < end - start) start += leadIn[0].length;
      }
      if (folded.slice(start, end).endsWith('等')) end -= 1;
      // Justified lines put spaces between characters (增 长, 比 上 年): they are not part of the words.
      const text = withoutLayoutSpaces(folded.slice(start, end));
      const against = AGAINST_ONLY.test(text.replace(/\s+/g, ''));
      if (!FIGURE_TOKEN.test(text)) {
        // “与上年相比，收、支总计各增加…”: the comparison holds until the sentence's next figure.
        if (against) state.against = true;
        state.headingTerm = headingTermOf(text, section) ?? state.headingTerm;
        state.sentenceWords += text;
        continue;
      }
      // A numbered item of the breakdown (其中：1.行政运行（2010501）2,542.46万元，较上年增加…) is a
      // subject of its own: the change after it speaks of the item, not of the whole before 其中.
      if (LIST_ITEM.test(text)) state.beforeBreakdown = undefined;
      const next = clauses[index + 1];
      if (clause.opensParenthesis === true) state.beforeParenthesis = undefined;
      const consumedNext = readClause({
        text,
        start,
        end,
        line,
        state,
        drafts,
        problems,
        next: next !== undefined && next.sentence === clause.sentence ? { ...next, text: withoutLayoutSpaces(folded.slice(next.start, next.end)) } : undefined,
      });
      state.sentenceWords += text;
      if (consumedNext) index += 1;
      if (clause.opensParenthesis === true) state.beforeParenthesis = state.lastAmount;
    }
  }
  unclaimedAmount(state, problems);
  // A list of shares with a member the reader could not place is not the whole list: no share of
  // that whole is kept, so no check adds up an incomplete list.
  // A list naming both the appropriation and a fund's part of it (财政拨款收入…，其中一般公共预算…)
  // counts the fund twice: its shares are not one breakdown either.
  const overlapping = new Set<string>();
  for (const draft of drafts) {
    if (draft.kind !== 'share' || !FUND_INCOMES.has(draft.key) || draft.of === undefined) continue;
    if (drafts.some((other) => other.kind === 'share' && other.key === 'fiscalAppropriationIncome' && other.of === draft.of)) overlapping.add(draft.of);
  }
  const kept = (draft: Draft) => draft.kind !== 'share' || (!state.incompleteShares.has(draft.of ?? '') && !state.incompleteShares.has('*'));
  const unplaced = drafts.filter((draft) => !kept(draft)).length;
  if (unplaced > 0) problems.push(problemAt(lines[0]!, `有占比未能对应到金额，同一总额的各项占比不参与核对（${unplaced} 处）`));
  const complete = drafts.filter((draft) => kept(draft) && (draft.kind !== 'share' || !overlapping.has(draft.of ?? '')));
  if (complete.length < drafts.length - unplaced) {
    problems.push(problemAt(lines[0]!, `财政拨款收入与其中一类拨款的占比并列（重复计算），同一总额的各项占比不参与核对（${drafts.length - unplaced - complete.length} 处）`));
  }
  return { figures: complete.map(finish), problems };
}

interface ClauseInput {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: SourceLine;
  readonly state: ReadingState;
  readonly drafts: Draft[];
  readonly problems: ImportProblem[];
  readonly next: (Clause & { readonly text: string }) | undefined;
}

/** Reads one clause holding a figure-like number; true when it also consumed the next clause. */
function readClause(input: ClauseInput): boolean {
  const { text, start, end, line, state, drafts, problems } = input;
  const heading = state.headingTerm;
  state.headingTerm = undefined;
  const change = CHANGE.exec(text) ?? (state.against === true ? CHANGE_AFTER_AGAINST.exec(text) : null);
  state.against = false;
  if (change !== null) {
    // A change opening its sentence speaks of the previous sentence's one amount; otherwise of the
    // amount before the sentence's breakdown, its last amount, or the section's whole.
    const opensSentence = state.lastFigure === undefined && state.lastAmount === undefined;
    // A sentence that named an amount the reader could not read (预算数为-万元) speaks of that one, not of the previous sentence's.
    const unreadAmount = opensSentence && state.sentenceWords.includes('元');
    const implied = state.unnamedAmount === true || unreadAmount ? undefined : opensSentence ? state.previousSentenceAmount : (state.beforeBreakdown ?? state.lastAmount ?? state.whole);
    const value = decimalText(change[3]!);
    // A change that names its subject (“支出预算比上年增加…”, “公务接待费增加…”) speaks of that
    // subject's amount, which must be one the sentence (or the section) has just stated.
    const named = changeSubject(change[1]!, state);
    if (named === 'unknown') {
      problems.push(problemAt(line, `未能识别增减变动“${text}”：“${change[1]!.trim()}”不在说明文字的科目词表中，无法确定它是哪一项的增减`));
      return false;
    }
    const candidates = state.unnamedAmount === true ? [] : [state.lastAmount, state.beforeBreakdown, state.whole, opensSentence ? state.previousSentenceAmount : undefined];
    const reference = named === undefined ? implied : candidates.find((amount) => amount !== undefined && sameSubject(amount, named));
    if (reference === undefined || value === undefined) {
      problems.push(problemAt(line, `未能识别增减变动“${text}”：前面没有它所说明的金额`));
      return false;
    }
    const draft: Draft = { key: reference.key, kind: 'change', value, unit: change[4] as '万元' | '元', direction: directionOf(change[2]!), current: reference.value, start, end, line };
    if (reference.code !== undefined) draft.code = reference.code;
    if (reference.subject !== undefined) draft.subject = reference.subject;
    const percent = input.next === undefined ? null : PERCENT_CHANGE.exec(input.next.text);
    const percentValue = percent === null ? undefined : decimalText(percent[2]!);
    if (percent !== null && percentValue !== undefined && input.next !== undefined) {
      draft.percent = percentValue;
      draft.percentDirection = directionOf(percent[1]!);
      draft.end = input.next.end;
    }
    drafts.push(draft);
    state.lastFigure = draft;
    return draft.percent !== undefined;
  }
  const share = SHARE.exec(text);
  if (share !== null) {
    const part = state.lastFigure;
    const of = share[1] !== undefined ? keyOfWhole(share[1], state.section) : state.whole?.key;
    const value = decimalText(share[2]!);
    if (part === undefined || part.kind === 'share' || part.kind === 'change' || of === undefined || value === undefined || state.unnamedAmount === true) {
      problems.push(problemAt(line, `未能识别占比“${text}”：找不到它所属的金额或总额`));
      state.incompleteShares.add(of ?? '*');
      return false;
    }
    part.end = end;
    const draft: Draft = { key: part.key, kind: 'share', value, unit: '%', of, start: part.start, end, line };
    if (part.code !== undefined) draft.code = part.code;
    if (part.subject !== undefined) draft.subject = part.subject;
    drafts.push(draft);
    state.lastFigure = draft;
    return false;
  }
  const amount = AMOUNT.exec(text);
  const match = amount !== null ? { words: amount[1]!, number: amount[2]!, unit: amount[3] as Draft['unit'] } : countIn(text, state.section);
  if (match === undefined) {
    problems.push(problemAt(line, `未能识别“${text}”中的数字：它不是可识别的金额、占比、增减或个数`));
    // An amount was printed here (“6  57.51 万元”, broken by the layout): a change after it is not
    // about any earlier amount.
    if (/\d\s*(?:万元|元)/.test(text)) {
      state.unnamedAmount = true;
      state.amountsSinceStop += 1;
    }
    return false;
  }
  const kind = amount !== null ? 'amount' : 'count';
  const subject = match.words.trim();
  const value = decimalText(match.number);
  const base = value === undefined ? undefined : { value, unit: match.unit, start, end, line };
  // A count of projects in a statement on performance management is named by its whole sentence
  // (“…均实行绩效目标管理，共计7个一级项目”), when its own words name nothing.
  const bySentence = kind === 'count' && state.section === 'performance' && state.sentenceWords !== '' && !/二级/.test(subject);
  const draft = base === undefined ? undefined : (draftOf(subject, kind, base, state, heading) ?? (bySentence ? draftOf(`${state.sentenceWords}${subject}`, kind, base, state) : undefined));
  if (draft === undefined && base !== undefined && state.pendingAmount?.base.start === base.start) {
    state.pendingAmount = { ...state.pendingAmount, text };
    return false;
  }
  if (draft === undefined) {
    problems.push(problemAt(line, `未能识别“${text}”：“${subject}”不在说明文字的科目词表中，无法确定它是哪一项${kind === 'amount' ? '金额' : '个数'}`));
    if (kind === 'amount') {
      state.unnamedAmount = true;
      state.amountsSinceStop += 1;
    }
    return false;
  }
  if (kind === 'amount') state.unnamedAmount = false;
  drafts.push(draft);
  state.lastFigure = draft;
  if (kind === 'amount') {
    state.lastAmount = draft;
    state.amountsSinceStop += 1;
  } else {
    state.lastCount = draft;
    claimPendingAmount(state, draft, drafts);
  }
  return false;
}

/** A count that has an amount (个项目 → 涉及资金) takes the amount its sentence named before it. */
function claimPendingAmount(state: ReadingState, count: Draft, drafts: Draft[]): void {
  const pending = state.pendingAmount;
  const key = COUNT_AMOUNTS[count.key];
  if (pending === undefined || key === undefined) return;
  drafts.splice(drafts.length - 1, 0, { key, kind: 'amount', ...pending.base });
  state.pendingAmount = undefined;
}

/** Quotation marks around a printed name. */
const QUOTES = /[“”"「」]/g;

function draftOf(subject: string, kind: 'amount' | 'count', base: Pick<Draft, 'value' | 'unit' | 'start' | 'end' | 'line'>, state: ReadingState, heading?: FigureTerm): Draft | undefined {
  const coded = kind === 'amount' ? codedItem(subject) : undefined;
  if (coded !== undefined) return { kind, ...base, ...coded };
  const term = heading !== undefined && kind === heading.kind && ONLY_BUDGET_WORDS.test(subject.replace(/\s+/g, '')) ? heading : termFor(subject, kind, state.section);
  if (term === undefined) {
    // An item's name may be quoted (上海: 1.“一般公共服务支出（类）商贸事务（款）行政运行（项）” 938.99 万元).
    const unquoted = subject.replace(QUOTES, '');
    const item = kind === 'amount' && state.items !== undefined ? itemByPath(unquoted, state.items) : undefined;
    if (item !== undefined) return { key: 'functionalClassExpenditure', kind, ...base, code: item.code, subject: item.name };
    // The 预算 of 社会保障和就业支出预算 and the (类)科目 of 文化旅游体育与传媒支出类科目, 上海's “一般公共服务支出”科目, are not part of the class's name.
    const code =
      kind === 'amount'
        ? functionalClassCode(
            unquoted
              .replace(/\s+/g, '')
              .replace(LEADING_NUMBERING, '')
              .replace(/(?<=支出)(?:预算数?|类?科目)$/, ''),
          )
        : undefined;
    // The name as the class is named: without the level marker and the spaces of a justified line.
    // （1）一般公共服务支出（类）支出 is named 一般公共服务支出: its number and its second 支出 are not part of the name.
    const named = unquoted
      .replace(/\s+/g, '')
      .replace(LEADING_NUMBERING, '')
      .replace(/[（(]类[)）]/, '')
      .replace(/支出(?:支出|预算数?|类?科目)+$/, '支出');
    return code === undefined ? undefined : { key: 'functionalClassExpenditure', kind, ...base, code, subject: named };
  }
  if (term.follows === true) {
    const count = state.lastCount;
    const key = count === undefined ? undefined : COUNT_AMOUNTS[count.key];
    // No count before it in the sentence: the count after it may claim it.
    if (count === undefined && kind === 'amount') state.pendingAmount = { base, text: subject };
    if (count === undefined || key === undefined) return undefined;
    const draft: Draft = { key, kind, ...base };
    if (count.subject !== undefined) {
      // A part named by the count ("其他运转类项目11个,涉及金额…"): one statement, one text.
      draft.subject = count.subject;
      draft.start = count.start;
      count.end = draft.end;
    }
    return draft;
  }
  const key = keyOfTerm(term, state);
  if (key === undefined) return undefined;
  const draft: Draft = { key, kind, ...base };
  if (term.subject === true) draft.subject = subject;
  if (term.whole === true) state.whole = draft;
  return draft;
}
