/**
 * The words a document prints wherever it states a figure of a kind: a statement of the
 * procurement reserved for small and medium enterprises names 中小企业, a project count 个项目, a
 * share 占…%. When a rule found nothing to check and the document's text never prints those words,
 * the document does not state the figure (the expectation files group the rule as "not printed");
 * when it does print them, the figure may be stated in a way the reader does not know ("not found").
 * Kept as data: a phrasing met in a new document is an entry here, not code. The patterns are
 * matched against the text with its white space removed (PDF text spaces out numbers and words).
 */

/** A count of projects (…共11个项目…), which the performance statements' figures go with. */
const PROJECT_COUNT = /\d个(?:部门|一级|二级)?项目/;

/** Words that mark a statement of a narrative figure, by figure key. */
export const FIGURE_MENTIONS: Readonly<Record<string, RegExp>> = {
  procurementSmeReserved: /中小企业|预留/,
  procurementSmallMicroReserved: /小微企业/,
  procurementTotal: /政府采购/,
  procurementServices: /采购服务|服务类?采购|购买服务/,
  performanceProjects: PROJECT_COUNT,
  // A count of published performance targets says so: 公开…N个项目 (or N个项目…公开).
  performancePublishedProjects: /公开[^。；]{0,30}\d+个|\d+个[^。；]{0,20}公开/,
  performanceAmount: PROJECT_COUNT,
  performancePublishedAmount: /公开[^。；]{0,30}\d+个|\d+个[^。；]{0,20}公开/,
  // A total named as one (收支总预算, 合计): not a heading on 财政拨款收支情况 before the current year's income.
  fiscalAppropriationTotal: /财政拨款(?:收入?[、和及与]?支出?)?(?:预算)?(?:总预算|总计|合计|总额)/,
  // The parts of the appropriation a 财政拨款 section states.
  generalBudgetAppropriation: /一般公共预算(?:当年|本年)?(?:财政)?拨款(?![^。，]{0,4}支出)/,
  currentYearAppropriation: /(?<!一般公共预算)(?:当年|本年)(?:财政)?拨款收入/,
  carriedOverAppropriation: /上年结转[^。，]{0,6}拨款|拨款[^。，]{0,6}上年结转/,
  fiscalAppropriationExpenditure: /(?<!一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)财政拨款(?:预算)?支出/,
  functionalClassExpenditure: /[（(][类款项][）)]/,
  generalBudgetExpenditure: /一般公共预算[^。，]{0,8}支出/,
  // 一般公共预算拨款 alone is income (…其中一般公共预算拨款 N 万元), not 一般公共预算拨款支出.
  generalBudgetIncome: /一般公共预算[^。，]{0,6}收入|一般公共预算拨款(?![^。，]{0,4}支出)/,
  fiscalAppropriationIncome: /(?<!一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|上年结转)(?:本年|当年)?(?:本级)?财政拨款(?:预算)?收入(?![、和及与]?支出)/,
  // The department's basic and project spending, not one fund's (一般公共预算基本支出, 财政拨款项目支出: other figures).
  basicExpenditure: /(?<!一般公共预算(?:财政)?(?:拨款)?|财政拨款)基本支出/,
  projectExpenditure: /(?<!一般公共预算(?:财政)?(?:拨款)?|财政拨款)项目支出/,
  publicCosts: /公用经费/,
  personnelCosts: /人员经费/,
  expenditureTotal: /支出[^。，]{0,6}(?:总计|合计|总额|总预算)|收[、和]?支[^。，]{0,4}(?:总计|总额|总预算)/,
  incomeTotal: /收入[^。，]{0,6}(?:总计|合计|总额|总预算)|收[、和]?支[^。，]{0,4}(?:总计|总额|总预算)/,
  threePublicTotal: /三公/,
  abroadCosts: /因公出国/,
  receptionCosts: /公务接待/,
  vehicleCosts: /公务用车购置及运行/,
  vehiclePurchaseCosts: /公务用车购置(?!及)|车辆购置/,
  vehicleOperationCosts: /公务用车运行/,
  agencyOperatingCosts: /机关运行经费/,
};

/** Figures the reader reads in some sections only: their words elsewhere state another figure (财政拨款收入 in the 财政拨款 section is its current-year appropriation). */
const MENTION_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  fiscalAppropriationIncome: ['overview', 'income'],
};

/** Words that mark a share (占…%) or a list of shares. */
export const SHARE_MENTION = /占[^。，；]{0,24}?\d[\d.]*[%％]|比重/;

/** Words that mark a list of the projects a performance statement names (…绩效管理项目11个…具体包括派遣人员劳务费、…). */
export const PROJECT_LIST_MENTION = /绩效[^。]{0,80}(?:具体包括|主要包括)/;

/** Words that mark a list of equipment by category, with its counts (专用设备购置 in a list of spending types is none). */
export const EQUIPMENT_MENTION = /设备[^。；]{0,12}\d+\s*[台套件]/;

/**
 * Whether the text prints the words of any of the figures a rule checks.
 * @param text The narrative text, white space removed.
 * @param keys The figure keys the rule checks (none: any share).
 * @param sections The words of each narrative section, by id, when known.
 * @param section The one section the rule reads figures of, if it reads one only.
 * @returns undefined when no key has words listed (nothing can be said).
 */
export function mentionsFigures(text: string, keys: readonly string[], sections?: Readonly<Record<string, string>>, section?: string): boolean | undefined {
  if (keys.length === 0) return SHARE_MENTION.test(text);
  if (keys.some((key) => FIGURE_MENTIONS[key] === undefined)) return undefined;
  return keys.some((key) => {
    // A rule that reads figures of one section only (一般公共预算支出情况说明's items) finds them there or nowhere;
    // elsewhere they may be stated in a section the reader does not key them in (not found, not unprinted).
    const only = section !== undefined ? [section] : MENTION_SECTIONS[key];
    const within = only === undefined || sections === undefined ? text : only.map((id) => sections[id] ?? '').join('；');
    return stated(FIGURE_MENTIONS[key]!).test(within);
  });
}


/**
 * A figure's words stated with a number: followed, within the sentence or the next one's start
 * (深圳: 因公出国（境）费用。2026年预算数 36.14 万元), by an amount or a count. Words that only name the
 * kind (基本支出因人员增加…相应增加) state no figure.
 */
function stated(words: RegExp): RegExp {
  return /\\d/.test(words.source) ? words : new RegExp(`(?:${words.source})[^；;]{0,24}?\\d[\\d,.]*\\s*(?:万元|元|个)`);
}
