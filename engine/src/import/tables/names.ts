/**
 * The names tables print for their columns and special rows, mapped to the model's ids and keys:
 * data, with the variants the corpus shows. Column names are matched at the end of the printed
 * header (a wrapped group name before it does not change what the column is); row names without
 * their ordinal (一、, 1., （一）) and spaces, the funds' and costs' older names read as the vocabulary's.
 */
import { canonicalNames } from '../vocabulary.js';

/** Column headers → ids, most specific first. Matched against the end of the bare header. */
export const COLUMN_NAMES: readonly (readonly [RegExp, string])[] = [
  // Columns of words or serial numbers beside the amounts (read as text, never as amounts).
  [/^(?:序号|序列号|行次)$/, 'serialNumber'],
  [/^备\s*注$/, 'remarks'],
  [/^项目(?:简介|概述|说明|内容|主要内容)$|^(?:主要)?用途$|^资金用途$/, 'description'],
  [/^项目(?:类别|类型|性质)$/, 'projectCategory'],
  [/^资金(?:性质|来源|类型)$/, 'fundNature'],
  [/^(?:预算)?单位(?:编码|代码)$|^部门(?:编码|代码)$/, 'unitCode'],
  [/^(?:项目)?绩效目标$/, 'performanceTarget'],
  // The 三公 items, when the table prints them as columns.
  [/公务用车购置及运行(?:维护)?费(?:小计)?$/, 'vehicles'],
  [/购置经?费$|^(?:其中[：:])?公务用车购置$/, 'vehiclePurchase'],
  [/运行(?:维护)?经?费$/, 'vehicleOperation'],
  [/因公出国[（(]境[）)]经?费用?$/, 'abroad'],
  [/公务接待经?费$/, 'reception'],
  [/“?三公”?经费(?:合计|小计|预算数?)?$/, 'total'],
  [/机关运行经费(?:预算)?数?$/, 'agencyOperatingCosts'],
  [/会议费$/, 'meetingCosts'],
  [/培训费$/, 'trainingCosts'],
  // Funds and income types.
  [/(?:一般)?公共预算(?:财政)?(?:拨款)?(?:收入|资金|支出)?(?:小计)?$/, 'generalBudget'],
  [/政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入|资金)?$/, 'governmentFunds'],
  [/国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:收入|资金)?$/, 'stateCapital'],
  [/财政专户(?:管理)?(?:资金|拨款)?(?:收入)?$|财政专户管理的?事业收入$|^专户资金(?:结转结余)?$/, 'fiscalSpecialAccount'],
  [/单位资金(?:结转结余)?$/, 'unitFunds'],
  [/^其中[：:]?经费拨款$/, 'fundingAppropriation'],
  [/^其他专户收入(?:拨款)?$/, 'otherSpecialAccount'],
  // Procurement printed beside the expenditure (深圳's 支出总表): the amount, and the parts reserved for SMEs.
  [/预留给小型、?微型企业/, 'procurementSmallMicroReserved'],
  [/预留给中小企业/, 'procurementSmeReserved'],
  [/^(?:\d{4}年)?政府采购(?:项目)?(?:预算)?(?:金额)?$/, 'procurement'],
  [/^其中[：:]?专项资金列入部门预算的?项目$/, 'specialFundsInBudget'],
  // The 中央部门 columns that leave out central capital construction (扣除中央基建投资后预算数).
  [/扣除中央基建投资/, 'excludingCentralCapital'],
  [/财政拨款(?:收入|小计|合计)?$/, 'fiscalAppropriation'],
  [/事业收入(?:[（(]不含教育收费[）)])?$/, 'businessIncome'],
  [/(?:事业单位)?经营(?:服务)?收入$/, 'operatingIncome'],
  [/上级补助收入$/, 'superiorSubsidy'],
  [/附属单位上缴收入$/, 'affiliatedIncome'],
  [/其[他它](?:资金)?收入$/, 'otherIncome'],
  [/^其[他它]资金$/, 'otherFunds'],
  [/(?:其中[：:])?教育收费$/, 'educationFees'],
  [/使用非财政拨款结余(?:资金)?$/, 'nonFiscalBalanceUsed'],
  // 西安: the balance of the units' own bank accounts brought in from last year.
  [/^上年实户资金余额$/, 'realAccountBalance'],
  [/^(?:结转下年|年终结转(?:结余)?)$/, 'yearEndCarryForward'],
  [/上年(?:财政拨款)?结转(?:[和及]?结余)?(?:资金)?$|上年结余[、和]?结转$/, 'carriedOver'],
  [/当年(?:预算)?(?:安排|拨款)$/, 'currentYear'],
  // Expenditure types.
  [/基本支出$/, 'basic'],
  [/项目支出$/, 'project'],
  [/人员(?:经费支出|经费|支出|类)$/, 'personnel'],
  [/(?:日常)?公用(?:经费支出|经费|支出)$/, 'public'],
  [/^专项业务经?费(?:支出)?$/, 'project'],
  [/事业单位经营支出$/, 'operatingExpenditure'],
  [/对附属单位补助支出$/, 'subsidyToAffiliated'],
  [/上缴上级支出$/, 'paymentToSuperior'],
  // Totals.
  [/(?:合计|总计|小计|预算数|金额|本年预算|年初预算数?|\d{4}年预算|^预算)$/, 'total'],
];

/**
 * A table's note saying it leaves rows out of the published table (烟台: 部分具体项目信息公开时予以剔除;
 * 深圳: 涉密项目按要求不予公开; 长沙: 已剔除涉密部分). A note that there is nothing secret to leave
 * out (无涉密项目) says so with 无 before it.
 */
const WITHHELD_NOTE = /(?<!无)(?:涉密|保密)|予以剔除|已剔除|不予公开/;

/**
 * The statement that a table leaves rows out, from its note (without the note's brackets and 注：),
 * if the note makes one.
 * @param note The table's note.
 */
export function withheldStatement(note: string | undefined): string | undefined {
  const words = note?.replace(/\s+/g, '');
  if (words === undefined || !WITHHELD_NOTE.test(words)) return undefined;
  return words.replace(/^[（(]?(?:备注|注|说明)[：:]/, '').replace(/[）)]$/, '');
}

/** Ids of the columns of words or serial numbers: read as text, never as amounts. */
export const TEXT_COLUMN_IDS: ReadonlySet<string> = new Set(['serialNumber', 'remarks', 'description', 'projectCategory', 'fundNature', 'unitCode', 'unitName', 'performanceTarget']);

/**
 * The id of a column from its header parts (groups, then its name), if known: 小计 (合计, 金额)
 * under a group takes the group's id (财政拨款/小计 → fiscalAppropriation).
 * @param header The header parts.
 */
export function columnIdOf(header: readonly string[]): string | undefined {
  const parts = header.map((part) => canonicalNames(part.replace(/\s+/g, '')));
  const name = parts[parts.length - 1] ?? '';
  const idOf = (text: string) => COLUMN_NAMES.find(([pattern]) => pattern.test(text))?.[1];
  // A name cut by wrapping (机关运行经费预算 / 数) is read with the parts over it.
  const own = idOf(name) ?? idOf(parts.join(''));
  if (/^(?:小计|合计|金额)$/.test(name)) {
    for (const group of [...parts.slice(0, -1)].reverse()) {
      const id = idOf(group);
      if (id !== undefined && id !== 'total') return id;
    }
  }
  return own;
}

/** Special rows of any table → keys. Matched against the bare name (ordinal removed). */
export const ROW_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^本年收入(?:合计)?$/, 'currentYearIncomeTotal'],
  [/^本年支出(?:合计)?$/, 'currentYearExpenditureTotal'],
  [/^收入(?:总计|合计)$/, 'incomeGrandTotal'],
  [/^支出(?:总计|合计)$/, 'expenditureGrandTotal'],
  [/^(?:上年结转(?:结余)?|上年结余[、和]?结转|上年财政拨款结转(?:结余)?|上年结转资金)$/, 'carriedOver'],
  [/^(?:年终结转(?:结余)?|结转下年(?:支出)?|结转结余下年|年末结转(?:和|及)?结余)$/, 'yearEndCarryForward'],
  [/^(?:合计|总计|部门合计|本部门合计)$/, 'total'],
  // The 三公 items, named as costs or as expenditures (广州: （一）因公出国（境）支出), and their sum.
  [/^[“"]?三公[”"]?经费(?:合计|小计|支出)?$/, 'total'],
  [/^因公出国[（(]境[）)]经?(?:费用?|支出|费支出)$/, 'abroad'],
  [/^公务接待(?:费|支出|费支出)$/, 'reception'],
  [/^公务用车购置及运行(?:维护)?(?:费|支出|费支出)$/, 'vehicles'],
  [/^(?:其中[：:])?公务用车购置经?费$/, 'vehiclePurchase'],
  [/^(?:其中[：:])?公务用车运行(?:维护)?经?费$/, 'vehicleOperation'],
];

/** Tables whose total is the sum of keyed rows rather than of their level-1 rows: those keys, by table. */
export const TOTAL_PARTS: Readonly<Partial<Record<string, readonly string[]>>> = {
  threePublicExpenses: ['abroad', 'vehicles', 'reception'],
};

/** Income sources on the income side of a summary → keys. Matched against the bare name (ordinal removed). */
export const INCOME_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^(?:本级)?(?:财政|预算)拨款(?:收入)?$/, 'fiscalAppropriation'],
  [/^一般公共预算(?:拨款)?(?:收入|资金)?$/, 'generalBudget'],
  [/^政府性基金(?:预算)?(?:拨款)?(?:收入|资金)?$/, 'governmentFunds'],
  [/^国有资本经营(?:预算)?(?:拨款)?(?:收入|资金)?$/, 'stateCapital'],
  [/^财政专户(?:管理)?(?:资金|拨款|事业)?(?:收入)?$/, 'fiscalSpecialAccount'],
  [/^单位资金(?:收入)?$/, 'unitFunds'],
  // 重庆 names each source as funds: 事业收入资金, 其他收入资金.
  [/^事业收入(?:[（(]不含教育收费[）)])?(?:资金)?$/, 'businessIncome'],
  [/^(?:事业单位)?经营(?:服务)?收入(?:资金)?$/, 'operatingIncome'],
  [/^上级补助收入(?:资金)?$/, 'superiorSubsidy'],
  [/^附属单位上缴收入(?:资金)?$/, 'affiliatedIncome'],
  [/^其[他它]收入(?:资金)?$/, 'otherIncome'],
];

/** An ordinal before a row name: 一、 1. （一） ① 其中：. */
const ORDINAL = /^(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．](?!\d)|[①-⑳]|其中\s*[：:])\s*/;

/**
 * A row name without ordinal and spaces, for matching.
 * @param name The printed name.
 */
export function bareRowName(name: string): string {
  // Two ordinals may stand together: 其中：（一）因公出国（境）支出.
  return canonicalNames(name.replace(/\s+/g, ''))
    .replace(ORDINAL, '')
    .replace(ORDINAL, '')
    .replace(/[:：]$/, '');
}

/** The level an ordinal gives a row: 一、 → 1, 1. or （一） → 2. */
export function ordinalLevel(name: string): number | undefined {
  const text = name.trim();
  if (/^[一二三四五六七八九十]+\s*[、.．]/.test(text)) return 1;
  if (/^(?:\d+\s*[.、．](?!\d)|[(（][一二三四五六七八九十\d]+[)）])/.test(text)) return 2;
  return undefined;
}
