/**
 * The hand-written baseline: the department-budget pack's checks written directly in
 * TypeScript with decimal.js — no rule engine, no JSON rules, no scopes — as a developer would
 * write them for this one document model. The benchmark checks that it reports the same
 * {ruleId, path} findings as the engine before timing either, so both do the same work.
 */
import Decimal from 'decimal.js';
import { validateAgainst } from '../engine/src/index.js';
// What counts as an empty-table note is the pack's definition, not a check: share it.
import { isEmptyNote } from '../engine/src/facts/tableMarkedEmpty.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;
const ZERO = new D(0);
const ONE = new D(1);
const HUNDRED = new D(100);
const HALF = Array.from({ length: 9 }, (_, places) => new D(10).pow(-places).div(2));

/** A figure: value in 元 (or points), rounding half-width, blank flag. */
interface Fig {
  v: Dec;
  u: Dec;
  blank: boolean;
}

/** A finding as the benchmark compares them. */
export interface BaselineFinding {
  ruleId: string;
  path: string;
}

type Row = { key?: string; code?: string; name: string; level?: number; group?: string; values: Record<string, unknown> };
type Table = { unit: string; columns: { id: string; type?: string }[]; rows: Row[]; note?: string; withheld?: string };
type FigureJson = { key: string; kind: string; value: unknown; unit?: string; of?: string; code?: string; percent?: unknown; direction?: string; percentDirection?: string; current?: unknown };

const PLAIN = /^-?\d+(?:\.\d+)?$/;

function parse(raw: unknown, factor: Dec): Fig | undefined {
  if (raw === undefined || raw === null || raw === '') return { v: ZERO, u: ZERO, blank: true };
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.replace(/,/g, '') : undefined;
  if (text === undefined || !PLAIN.test(text)) return undefined;
  const dot = text.indexOf('.');
  const places = dot < 0 ? 0 : text.length - dot - 1;
  const value = new D(text);
  return { v: value.times(factor), u: value.isZero() ? ZERO : HALF[places]!.times(factor), blank: false };
}

function add(figs: Fig[]): Fig {
  let v = ZERO;
  let u = ZERO;
  for (const fig of figs) {
    v = v.plus(fig.v);
    u = u.plus(fig.u);
  }
  return { v, u, blank: false };
}

const rounded = (a: Fig, b: Fig) => {
  const allowance = a.u.plus(b.u);
  const difference = a.v.minus(b.v).abs();
  return allowance.isZero() ? difference.isZero() : difference.lessThan(allowance);
};
const exact = (a: Fig, b: Fig) => a.v.equals(b.v);

const TABLES = [
  'incomeExpenditureSummary',
  'incomeSummary',
  'expenditureSummary',
  'fiscalAppropriationSummary',
  'generalBudgetExpenditure',
  'basicExpenditureByEconomicClass',
  'governmentFundIncome',
  'governmentFundExpenditure',
  'stateCapital',
  'agencyOperatingCosts',
  'projectExpenditure',
  'projectExpenditureCarriedOver',
  'governmentProcurement',
];
const REQUIRED = ['incomeExpenditureSummary', 'incomeSummary', 'expenditureSummary', 'fiscalAppropriationSummary', 'generalBudgetExpenditure', 'governmentFundExpenditure', 'threePublicExpenses'];
/** Tables most templates print (a warning when missing). */
const RECOMMENDED = ['basicExpenditureByEconomicClass', 'stateCapital'];

/**
 * Checks one document the hand-written way.
 * @param document The document.
 */
export function checkByHand(document: unknown): BaselineFinding[] {
  const findings: BaselineFinding[] = [];
  const report = (ruleId: string, path: string) => findings.push({ ruleId, path });
  for (const problem of validateAgainst('document', document)) report('document-schema', problem.pointer);

  const doc = document as { meta?: { unit?: string }; tables?: Record<string, Table>; narrative?: { sections?: { figures?: FigureJson[] }[] } };
  const tables = doc.tables ?? {};
  const docFactor = new D(doc.meta?.unit === '元' ? 1 : 10000);
  const factorOf = (table: Table) => new D(table.unit === '万元' ? 10000 : 1);
  const cache = new Map<Row, Map<string, Fig>>();
  const cell = (table: Table, row: Row, column: string): Fig => {
    let cells = cache.get(row);
    if (!cells) cache.set(row, (cells = new Map<string, Fig>()));
    let fig = cells.get(column);
    if (!fig) {
      fig = parse(row.values[column], factorOf(table)) ?? { v: ZERO, u: ZERO, blank: true };
      cells.set(column, fig);
    }
    return fig;
  };
  const rowByKey = (table: Table, key: string) => table.rows.find((row) => row.key === key);
  const keyCell = (role: string, key: string, column: string): [Fig, string] | undefined => {
    const table = tables[role];
    const index = table?.rows.findIndex((row) => row.key === key) ?? -1;
    if (!table || index < 0 || !table.columns.some((c) => c.id === column)) return undefined;
    return [cell(table, table.rows[index]!, column), `/tables/${role}/rows/${index}/values/${column}`];
  };
  const hasColumns = (table: Table, columns: string[]) => columns.every((id) => table.columns.some((column) => column.id === id));
  const rowSum = (table: Table, row: Row, columns: string[]) => add(columns.map((column) => cell(table, row, column)));
  const children = (table: Table, row: Row): Row[] => {
    const same = table.rows.filter((candidate) => candidate.group === row.group && candidate !== row);
    if (row.code !== undefined) {
      const coded = same.filter((c) => c.code !== undefined && c.code.length === row.code!.length + 2 && c.code.startsWith(row.code!));
      if (coded.length > 0 || row.level === undefined) return coded;
    }
    if (row.key === 'total') {
      const classes = same.filter((c) => c.code?.length === 3);
      return classes.length > 0 ? classes : same.filter((c) => c.level === 1);
    }
    if (row.level === undefined) return [];
    const result: Row[] = [];
    for (const candidate of table.rows.slice(table.rows.indexOf(row) + 1)) {
      if (candidate.group !== row.group) continue;
      if (candidate.level === undefined || candidate.level <= row.level) break;
      if (candidate.level === row.level + 1) result.push(candidate);
    }
    return result;
  };
  const hasData = (table: Table) => table.rows.some((row) => table.columns.some((column) => column.type !== 'text' && !cell(table, row, column.id).v.isZero()));

  // amount cells must be decimals (the engine's shape check beyond the schema)
  for (const [role, table] of Object.entries(tables)) {
    if (table.unit !== '元' && table.unit !== '万元') continue;
    table.rows.forEach((row, index) => {
      for (const column of table.columns) {
        if (column.type === 'text') continue;
        if (parse(row.values[column.id], factorOf(table)) === undefined) report('document-schema', `/tables/${role}/rows/${index}/values/${column.id}`);
      }
    });
  }

  // structure
  for (const role of REQUIRED) if (!tables[role]) report('required-tables-present', `/tables/${role}`);
  // Another printed table may stand in for the economic-class table (tableExists orPrinted).
  const printedKinds = new Set(((document as { meta?: { printedTables?: { kind?: string }[] } }).meta?.printedTables ?? []).map((table) => table.kind));
  const standsIn: Record<string, string[]> = { basicExpenditureByEconomicClass: ['basicExpenditure', 'generalBudgetByEconomicClass'] };
  for (const role of RECOMMENDED) if (!tables[role] && !(standsIn[role] ?? []).some((kind) => printedKinds.has(kind))) report('recommended-tables-present', `/tables/${role}`);

  // empty tables
  const three = tables.threePublicExpenses;
  if (three) {
    const marked = three.note !== undefined && isEmptyNote(three.note);
    const data = hasData(three);
    if (!data && !marked) report('three-public-filled-or-marked', '/tables/threePublicExpenses/note');
    if (data && marked) report('three-public-not-marked-empty-with-data', '/tables/threePublicExpenses/note');
  }
  for (const role of TABLES) {
    const table = tables[role];
    if (!table) continue;
    const marked = table.note !== undefined && isEmptyNote(table.note);
    const data = hasData(table);
    if (!data && !marked) report('empty-table-marked', `/tables/${role}/note`);
    if (data && marked) report('marked-empty-table-has-no-data', `/tables/${role}/note`);
  }

  // row arithmetic: total = Σ columns, per row
  const rowRule = (ruleId: string, role: string, columns: string[], group?: string, skipBlank = false) => {
    const table = tables[role];
    if (!table || !hasColumns(table, ['total', ...columns])) return;
    table.rows.forEach((row, index) => {
      if (group !== undefined && row.group !== group) return;
      if (skipBlank && !filled(table, row)) return;
      if (!rounded(cell(table, row, 'total'), rowSum(table, row, columns))) report(ruleId, `/tables/${role}/rows/${index}/values/total`);
    });
  };
  const filled = (table: Table, row: Row) =>
    table.columns.some((column) => column.type !== 'text' && row.values[column.id] !== undefined && row.values[column.id] !== null && row.values[column.id] !== '');
  rowRule('summary-expenditure-rows-add-up', 'incomeExpenditureSummary', ['currentYear', 'carriedOver'], 'expenditure', true);
  const income = tables.incomeSummary;
  if (income && hasColumns(income, ['total', 'generalBudget'])) {
    // By source: the funds (with 单位资金 as one column), or every source listed column by column; with or without 上年结转.
    const funds = ['generalBudget', 'governmentFunds', 'stateCapital', 'fiscalSpecialAccount', 'unitFunds'];
    const sources = [...funds, 'otherSpecialAccount', 'businessIncome', 'operatingIncome', 'superiorSubsidy', 'affiliatedIncome', 'otherIncome', 'nonFiscalBalanceUsed'];
    income.rows.forEach((row, index) => {
      const total = cell(income, row, 'total');
      const carried = cell(income, row, 'carriedOver');
      const holds = [funds, sources].some((columns) => rounded(total, rowSum(income, row, columns)) || rounded(total, add([rowSum(income, row, columns), carried])));
      if (!holds) report('income-summary-rows-add-up', `/tables/incomeSummary/rows/${index}/values/total`);
    });
  }
  for (const role of ['expenditureSummary', 'generalBudgetExpenditure', 'governmentFundExpenditure']) {
    // Tables without a 基本支出 column list 人员经费 and 公用经费 instead.
    const table = tables[role];
    if (table && !hasColumns(table, ['basic'])) rowRule('expenditure-rows-basic-plus-project', role, ['personnel', 'public', 'project']);
    else rowRule('expenditure-rows-basic-plus-project', role, ['basic', 'project']);
  }
  rowRule('economic-class-rows-add-up', 'basicExpenditureByEconomicClass', ['personnel', 'public']);
  rowRule('fiscal-appropriation-rows-add-up', 'fiscalAppropriationSummary', ['generalBudget', 'governmentFunds', 'stateCapital'], 'expenditure', true);
  rowRule('three-public-funds-add-up', 'threePublicExpenses', ['generalBudget', 'governmentFunds', 'stateCapital']);
  rowRule('project-table-funds-add-up', 'projectExpenditure', ['generalBudget', 'governmentFunds', 'stateCapital', 'fiscalSpecialAccount', 'unitFunds']);

  const summary = tables.incomeExpenditureSummary;
  if (summary) {
    const total = keyCell('incomeExpenditureSummary', 'currentYearIncomeTotal', 'amount');
    const sources = summary.rows.filter((row) => row.group === 'income' && row.key !== undefined && !['currentYearIncomeTotal', 'carriedOver', 'incomeGrandTotal'].includes(row.key));
    if (total && !rounded(total[0], add(sources.map((row) => cell(summary, row, 'amount'))))) report('summary-income-total-adds-up', total[1]);
    summary.columns.forEach((column) => {
      if (!['total', 'currentYear', 'carriedOver'].includes(column.id)) return;
      const totalRow = keyCell('incomeExpenditureSummary', 'currentYearExpenditureTotal', column.id);
      const classes = summary.rows.filter((row) => row.group === 'expenditure' && row.code !== undefined);
      if (totalRow && !rounded(totalRow[0], add(classes.map((row) => cell(summary, row, column.id))))) report('summary-expenditure-total-adds-up', totalRow[1]);
    });
    const grandIn = keyCell('incomeExpenditureSummary', 'incomeGrandTotal', 'amount');
    const thisYearIn = keyCell('incomeExpenditureSummary', 'currentYearIncomeTotal', 'amount');
    const carriedIn = keyCell('incomeExpenditureSummary', 'carriedOver', 'amount');
    const grandOut = keyCell('incomeExpenditureSummary', 'expenditureGrandTotal', 'total');
    const thisYearOut = keyCell('incomeExpenditureSummary', 'currentYearExpenditureTotal', 'total');
    const carriedOut = keyCell('incomeExpenditureSummary', 'yearEndCarryForward', 'total');
    if (grandIn && thisYearIn && carriedIn && grandOut && thisYearOut && carriedOut) {
      if (!rounded(grandIn[0], add([thisYearIn[0], carriedIn[0]]))) report('summary-grand-totals-add-up', grandIn[1]);
      if (!rounded(grandOut[0], add([thisYearOut[0], carriedOut[0]]))) report('summary-grand-totals-add-up', grandOut[1]);
    }
    if (grandIn && grandOut && !exact(grandIn[0], grandOut[0])) report('summary-table-balances', grandIn[1]);
  }
  const fiscal = tables.fiscalAppropriationSummary;
  if (fiscal) {
    const income = keyCell('fiscalAppropriationSummary', 'incomeGrandTotal', 'amount');
    const spending = keyCell('fiscalAppropriationSummary', 'expenditureGrandTotal', 'total');
    if (income && spending && !exact(income[0], spending[0])) report('fiscal-appropriation-table-balances', income[1]);
    // 表4's appropriations = 表1's: its 财政拨款 row, else the appropriations it lists; against 本年收入合计 or 收入总计.
    const summaryTable = tables.incomeExpenditureSummary;
    if (summaryTable) {
      const incomeRows = summaryTable.rows.filter((row) => row.group === 'income');
      const whole = incomeRows.filter((row) => row.key === 'fiscalAppropriation');
      const listed = incomeRows.filter((row) => ['generalBudget', 'governmentFunds', 'stateCapital'].includes(row.key ?? ''));
      const stated = whole.length > 0 ? whole : listed;
      const thisYear = keyCell('fiscalAppropriationSummary', 'currentYearIncomeTotal', 'amount');
      const grand = keyCell('fiscalAppropriationSummary', 'incomeGrandTotal', 'amount');
      if (stated.length > 0 && (thisYear || grand)) {
        const appropriations = add(stated.map((row) => cell(summaryTable, row, 'amount')));
        const holds = [thisYear, grand].some((total) => total !== undefined && rounded(total[0], appropriations));
        // Either total may be the one the sources add up to: both must be printed to say neither is.
        if (!holds && thisYear && grand) report('fiscal-appropriation-income-matches-summary', thisYear[1]);
      }
    }
    const grandRow = fiscal.rows.findIndex((row) => row.key === 'expenditureGrandTotal');
    const classes = fiscal.rows.filter((row) => row.group === 'expenditure' && row.code?.length === 3);
    const carried = fiscal.rows.filter((row) => row.key === 'yearEndCarryForward');
    fiscal.columns.forEach((column, position) => {
      if (grandRow < 0 || classes.length === 0 || !['total', 'generalBudget', 'governmentFunds', 'stateCapital'].includes(column.id)) return;
      const parts = [...classes, ...carried].map((row) => cell(fiscal, row, column.id));
      if (!rounded(cell(fiscal, fiscal.rows[grandRow]!, column.id), add(parts))) report('fiscal-appropriation-expenditure-adds-up', `/tables/fiscalAppropriationSummary/columns/${position}`);
    });
  }

  // hierarchy
  const hierarchy = (ruleId: string, roles: string[]) => {
    for (const role of roles) {
      const table = tables[role];
      // A table that leaves rows out (withheld): its rows do not add up to its totals.
      if (!table || table.withheld !== undefined) continue;
      table.rows.forEach((row, index) => {
        const kids = children(table, row);
        if (kids.length === 0) return;
        for (const column of table.columns) {
          if (column.type === 'text') continue;
          if (!rounded(cell(table, row, column.id), add(kids.map((kid) => cell(table, kid, column.id))))) report(ruleId, `/tables/${role}/rows/${index}/values/${column.id}`);
        }
      });
    }
  };
  hierarchy('code-hierarchy-adds-up', ['incomeSummary', 'expenditureSummary', 'generalBudgetExpenditure', 'governmentFundExpenditure', 'basicExpenditureByEconomicClass']);
  hierarchy('project-table-groups-add-up', ['projectExpenditure', 'projectExpenditureCarriedOver']);
  if (three) {
    for (const column of three.columns) {
      const total = keyCell('threePublicExpenses', 'total', column.id);
      const vehicles = keyCell('threePublicExpenses', 'vehicles', column.id);
      const items = three.rows.filter((row) => ['abroad', 'reception', 'vehicles'].includes(row.key ?? ''));
      const parts = three.rows.filter((row) => ['vehiclePurchase', 'vehicleOperation'].includes(row.key ?? ''));
      if (total && !rounded(total[0], add(items.map((row) => cell(three, row, column.id))))) report('three-public-items-add-up', total[1]);
      if (vehicles && !rounded(vehicles[0], add(parts.map((row) => cell(three, row, column.id))))) report('three-public-items-add-up', vehicles[1]);
    }
  }

  // cross-table
  // 收入总计 (the grand total: it includes a carry-over where the template has one, as the income summary's 合计 does)
  const t1in = keyCell('incomeExpenditureSummary', 'incomeGrandTotal', 'amount');
  const t1out = keyCell('incomeExpenditureSummary', 'currentYearExpenditureTotal', 'total');
  const t2 = keyCell('incomeSummary', 'total', 'total');
  const t3 = keyCell('expenditureSummary', 'total', 'total');
  if (t1in && t2 && t3 && t1out) {
    if (!exact(t1in[0], t2[0])) report('summary-totals-agree', t1in[1]);
    if (!exact(t3[0], t2[0])) report('summary-totals-agree', t3[1]);
    if (!exact(t1out[0], t3[0])) report('summary-totals-agree', t1out[1]);
  }
  const expenditure = tables.expenditureSummary;
  if (summary && expenditure) {
    summary.rows.forEach((row, index) => {
      if (row.group !== 'expenditure' || row.code === undefined) return;
      const other = expenditure.rows.find((candidate) => candidate.code === row.code);
      const theirs = other ? cell(expenditure, other, 'total') : { v: ZERO, u: ZERO, blank: true };
      if (!exact(cell(summary, row, 'total'), theirs)) report('summary-classes-match-expenditure-summary', `/tables/incomeExpenditureSummary/rows/${index}/values/total`);
    });
  }
  const incomeTotal = tables.incomeSummary && rowByKey(tables.incomeSummary, 'total');
  const sourceColumns = ['generalBudget', 'governmentFunds', 'stateCapital', 'fiscalSpecialAccount', 'unitFunds'];
  // As the engine: a source column the income summary does not have makes the check not applicable.
  if (summary && tables.incomeSummary && incomeTotal && hasColumns(tables.incomeSummary, sourceColumns)) {
    for (const key of sourceColumns) {
      const mine = keyCell('incomeExpenditureSummary', key, 'amount');
      if (mine && !exact(mine[0], cell(tables.incomeSummary, incomeTotal, key))) report('income-sources-match-income-summary', mine[1]);
    }
  }
  // A summary row for a group of sources (预算拨款, 财政专户拨款) against the income table's columns for its parts.
  if (summary && tables.incomeSummary && incomeTotal) {
    const income = tables.incomeSummary;
    for (const [key, parts, optional] of [
      ['fiscalAppropriation', ['generalBudget'], ['governmentFunds', 'stateCapital']],
      ['fiscalSpecialAccount', ['educationFees'], ['otherSpecialAccount']],
    ] as const) {
      const mine = keyCell('incomeExpenditureSummary', key, 'amount');
      if (!mine || hasColumns(income, [key]) || !hasColumns(income, [...parts])) continue;
      const terms = [...parts, ...optional.filter((id) => hasColumns(income, [id]))].map((id) => cell(income, incomeTotal, id));
      if (!exact(mine[0], add(terms))) report('income-sources-match-income-summary', mine[1]);
    }
  }
  const basic = keyCell('generalBudgetExpenditure', 'total', 'basic');
  const economic = keyCell('basicExpenditureByEconomicClass', 'total', 'total');
  if (basic && economic && !exact(basic[0], economic[0])) report('basic-expenditure-matches-economic-class', basic[1]);
  // No 基本支出 column: its 人员经费 and 公用经费 together.
  const personnelCell = keyCell('generalBudgetExpenditure', 'total', 'personnel');
  const publicCell = keyCell('generalBudgetExpenditure', 'total', 'public');
  if (!basic && personnelCell && publicCell && economic && !rounded(add([personnelCell[0], publicCell[0]]), economic[0])) {
    report('basic-expenditure-matches-economic-class', personnelCell[1].replace(/\/values\/personnel$/, ''));
  }
  const projects = tables.projectExpenditure;
  // Sums and counts of the projects, unless the table leaves some out.
  const allProjects = projects?.withheld === undefined ? projects : undefined;
  const project = keyCell('expenditureSummary', 'total', 'project');
  if (project && allProjects) {
    const carried = tables.projectExpenditureCarriedOver;
    const terms = [...allProjects.rows.filter((row) => row.level === 1).map((row) => cell(allProjects, row, 'total'))];
    if (carried) terms.push(...carried.rows.filter((row) => row.level === 1).map((row) => cell(carried, row, 'total')));
    if (!exact(project[0], add(terms))) report('project-expenditure-matches-project-tables', project[1]);
  }
  const generalProject = keyCell('generalBudgetExpenditure', 'total', 'project');
  if (generalProject && allProjects && !exact(generalProject[0], add(allProjects.rows.filter((row) => row.level === 1).map((row) => cell(allProjects, row, 'generalBudget'))))) {
    report('general-budget-project-matches-project-table', generalProject[1]);
  }
  const fiscalGeneral = keyCell('fiscalAppropriationSummary', 'currentYearExpenditureTotal', 'generalBudget');
  const generalTotal = keyCell('generalBudgetExpenditure', 'total', 'total');
  if (fiscalGeneral && generalTotal && !exact(fiscalGeneral[0], generalTotal[0])) report('fiscal-appropriation-matches-general-budget', fiscalGeneral[1]);

  // narrative
  const sections = doc.narrative?.sections ?? [];
  const figures = sections.flatMap((section, s) => (section.figures ?? []).map((figure, f) => ({ figure, s, pointer: `/narrative/sections/${s}/figures/${f}` })));
  const figureValue = (figure: FigureJson, field: 'value' | 'percent' | 'current' = 'value'): Fig | undefined => {
    const unit = field === 'percent' ? '%' : (figure.unit ?? (figure.kind === 'share' ? '%' : undefined));
    const factor = unit === '万元' ? new D(10000) : unit === '元' ? new D(1) : unit === '%' || unit === '个' ? new D(1) : docFactor;
    return parse(figure[field], factor);
  };
  const amountNear = (key: string, s: number, code?: string) => {
    const candidates = figures.filter((entry) => entry.figure.key === key && entry.figure.kind === 'amount' && (code === undefined || entry.figure.code === code));
    return candidates.find((entry) => entry.s === s) ?? candidates[0];
  };
  const narrative: [string, string, string, string, string][] = [
    ['narrative-income-total-matches', 'incomeTotal', 'incomeExpenditureSummary', 'incomeGrandTotal', 'amount'],
    ['narrative-expenditure-total-matches', 'expenditureTotal', 'incomeExpenditureSummary', 'expenditureGrandTotal', 'total'],
    ['narrative-basic-expenditure-matches', 'basicExpenditure', 'expenditureSummary', 'total', 'basic'],
    ['narrative-project-expenditure-matches', 'projectExpenditure', 'expenditureSummary', 'total', 'project'],
    ['narrative-general-budget-income-matches', 'generalBudgetIncome', 'incomeExpenditureSummary', 'generalBudget', 'amount'],
    ['narrative-fiscal-appropriation-matches', 'fiscalAppropriationTotal', 'fiscalAppropriationSummary', 'incomeGrandTotal', 'amount'],
    ['narrative-current-year-appropriation-matches', 'currentYearAppropriation', 'fiscalAppropriationSummary', 'currentYearIncomeTotal', 'amount'],
    ['narrative-carried-over-appropriation-matches', 'carriedOverAppropriation', 'fiscalAppropriationSummary', 'carriedOver', 'amount'],
    ['narrative-general-budget-expenditure-matches', 'generalBudgetExpenditure', 'generalBudgetExpenditure', 'total', 'total'],
    ['narrative-public-costs-match', 'publicCosts', 'basicExpenditureByEconomicClass', 'total', 'public'],
    ['narrative-three-public-total-matches', 'threePublicTotal', 'threePublicExpenses', 'total', 'total'],
    ['narrative-abroad-costs-match', 'abroadCosts', 'threePublicExpenses', 'abroad', 'total'],
    ['narrative-reception-costs-match', 'receptionCosts', 'threePublicExpenses', 'reception', 'total'],
    ['narrative-vehicle-costs-match', 'vehicleCosts', 'threePublicExpenses', 'vehicles', 'total'],
    ['narrative-vehicle-purchase-costs-match', 'vehiclePurchaseCosts', 'threePublicExpenses', 'vehiclePurchase', 'total'],
    ['narrative-vehicle-operation-costs-match', 'vehicleOperationCosts', 'threePublicExpenses', 'vehicleOperation', 'total'],
    ['narrative-agency-operating-costs-match', 'agencyOperatingCosts', 'agencyOperatingCosts', 'total', 'total'],
  ];
  for (const [ruleId, key, role, rowKey, column] of narrative) {
    for (const entry of figures) {
      if (entry.figure.key !== key || entry.figure.kind !== 'amount') continue;
      const stated = figureValue(entry.figure);
      const table = keyCell(role, rowKey, column);
      if (stated && table && !rounded(stated, table[0])) report(ruleId, `${entry.pointer}/value`);
    }
  }
  // 财政拨款收入: the summary's own row when it prints one, else its funds' rows added.
  const summaryTable = tables.incomeExpenditureSummary;
  const fundRows = summaryTable?.rows.filter((row) => row.key !== undefined && ['generalBudget', 'governmentFunds', 'stateCapital'].includes(row.key)) ?? [];
  const appropriationIncome =
    keyCell('incomeExpenditureSummary', 'fiscalAppropriation', 'amount')?.[0] ?? (summaryTable && fundRows.length > 0 ? add(fundRows.map((row) => cell(summaryTable, row, 'amount'))) : undefined);
  for (const entry of figures) {
    if (entry.figure.key !== 'fiscalAppropriationIncome' || entry.figure.kind !== 'amount') continue;
    const stated = figureValue(entry.figure);
    if (stated && appropriationIncome && !rounded(stated, appropriationIncome)) report('narrative-fiscal-appropriation-income-matches', `${entry.pointer}/value`);
  }
  // Figures that may mean either of two of 表4's amounts: the current year's or with the carry-over.
  const fiscalTable = tables.fiscalAppropriationSummary;
  const sumOfKeys = (keys: string[]): Fig | undefined => {
    const rows = fiscalTable?.rows.filter((row) => row.key !== undefined && keys.includes(row.key)) ?? [];
    return fiscalTable && rows.length > 0 ? add(rows.map((row) => cell(fiscalTable, row, 'amount'))) : undefined;
  };
  const eitherOf: [string, string, (Fig | undefined)[]][] = [
    [
      'narrative-general-budget-appropriation-matches',
      'generalBudgetAppropriation',
      [keyCell('fiscalAppropriationSummary', 'generalBudget', 'amount')?.[0], sumOfKeys(['generalBudget', 'carriedOverGeneralBudget'])],
    ],
    [
      'narrative-fiscal-appropriation-expenditure-matches',
      'fiscalAppropriationExpenditure',
      [keyCell('fiscalAppropriationSummary', 'currentYearExpenditureTotal', 'total')?.[0], keyCell('fiscalAppropriationSummary', 'expenditureGrandTotal', 'total')?.[0]],
    ],
  ];
  for (const [ruleId, key, candidates] of eitherOf) {
    const known = candidates.filter((candidate): candidate is Fig => candidate !== undefined);
    for (const entry of figures) {
      if (entry.figure.key !== key || entry.figure.kind !== 'amount') continue;
      const stated = figureValue(entry.figure);
      if (stated && known.length === candidates.length && !known.some((candidate) => rounded(stated, candidate))) report(ruleId, `${entry.pointer}/value`);
    }
  }
  for (const entry of figures) {
    if (entry.figure.key !== 'procurementTotal' || entry.figure.kind !== 'amount') continue;
    const parts = ['procurementGoods', 'procurementWorks', 'procurementServices'].map((key) => amountNear(key, entry.s));
    const total = figureValue(entry.figure);
    if (total) {
      const values = parts.flatMap((part) => (part === undefined ? [] : [figureValue(part.figure)!]));
      if (!rounded(total, add(values))) report('procurement-parts-add-up', `${entry.pointer}/value`);
    }
  }

  // procurement reservations
  const firstAmount = (key: string) => figures.find((entry) => entry.figure.key === key && entry.figure.kind === 'amount');
  const within = (ruleId: string, partKey: string, wholeKey: string) => {
    const whole = firstAmount(wholeKey);
    for (const entry of figures) {
      if (entry.figure.key !== partKey || entry.figure.kind !== 'amount' || whole === undefined) continue;
      if (figureValue(entry.figure)!.v.greaterThan(figureValue(whole.figure)!.v)) report(ruleId, `${entry.pointer}/value`);
    }
  };
  within('procurement-reserved-within-total', 'procurementSmeReserved', 'procurementTotal');
  within('procurement-small-micro-within-reserved', 'procurementSmallMicroReserved', 'procurementSmeReserved');

  // shares and changes
  const groups = new Map<string, typeof figures>();
  for (const entry of figures) {
    if (entry.figure.kind !== 'share' || typeof entry.figure.of !== 'string') continue;
    const id = `${entry.s}|${entry.figure.of}`;
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sum = add(group.map((entry) => figureValue(entry.figure)!));
    if (!rounded(sum, { v: HUNDRED, u: ZERO, blank: false })) report('shares-sum-to-100', group[0]!.pointer);
  }
  for (const entry of figures) {
    const figure = entry.figure;
    if (figure.kind === 'share' && typeof figure.of === 'string') {
      const part = amountNear(figure.key, entry.s, figure.code);
      const whole = amountNear(figure.of, entry.s);
      if (part && whole) {
        const wholeValue = figureValue(whole.figure)!;
        if (!wholeValue.v.isZero()) {
          const computed = figureValue(part.figure)!.v.div(wholeValue.v).times(HUNDRED);
          if (!rounded(figureValue(figure)!, { v: computed, u: ZERO, blank: false })) report('share-matches-computed', `${entry.pointer}/value`);
        }
      }
    }
    if (figure.kind === 'change') {
      if (figure.percent !== undefined) {
        const amount = figureValue(figure)!;
        const current =
          figure.current !== undefined
            ? figureValue(figure, 'current')
            : (() => {
                const near = amountNear(figure.key, entry.s);
                return near ? figureValue(near.figure) : undefined;
              })();
        if (current) {
          const signed = figure.direction === 'decrease' ? amount.v.negated() : figure.direction === 'flat' ? ZERO : amount.v;
          const previous = current.v.minus(signed);
          if (previous.greaterThan(0)) {
            const implied = amount.v.div(previous).times(HUNDRED);
            if (!rounded(figureValue(figure, 'percent')!, { v: implied, u: ZERO, blank: false })) report('change-percent-matches-amount', `${entry.pointer}/percent`);
          }
        }
      }
      if (figure.percentDirection !== undefined && figure.direction !== undefined && figure.percentDirection !== figure.direction) report('change-direction-words-agree', entry.pointer);
    }
  }
  // performance-target tables: funds (元) and required fields
  const performanceTables = (document as { performance?: Record<string, unknown>[] }).performance ?? [];
  const present = (value: unknown) => value !== undefined && value !== null;
  performanceTables.forEach((table, index) => {
    const at = `/performance/${index}`;
    const funds = (table.funds ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const amount = (side: string, field: string) => (funds[side] !== undefined && field in funds[side] ? parse(funds[side][field], ONE) : undefined);
    const annual = amount('annual', 'total');
    const whole = amount('whole', 'total');
    if (annual !== undefined && whole !== undefined && annual.v.greaterThan(whole.v)) report('performance-annual-funds-within-whole', `${at}/funds/annual/total`);
    for (const [side, ruleId] of [
      ['annual', 'performance-annual-sources-add-up'],
      ['whole', 'performance-whole-sources-add-up'],
    ] as const) {
      const total = amount(side, 'total');
      const parts = ['central', 'provincial', 'local', 'selfRaised', 'other'].map((field) => amount(side, field));
      if (total !== undefined && parts.every((part) => part !== undefined) && !exact(total, add(parts))) report(ruleId, `${at}/funds/${side}/total`);
    }
    const indicators = table.indicators as unknown[] | undefined;
    if (annual !== undefined && annual.v.isZero() && present(indicators?.[0])) report('performance-zero-funds-no-targets', `${at}/funds/annual/total`);
    if (!present((table.goals as Record<string, unknown> | undefined)?.annual)) report('performance-annual-goal-present', at);
    if (!['project', 'department', 'implementingUnit', 'attribute', 'period', 'basis'].every((field) => present(table[field]))) report('performance-required-fields-present', at);
  });

  // texts: every text field, each pattern rule over the kinds it covers
  const texts: { kind: string; pointer: string; text: string }[] = [];
  const addText = (kind: string, owner: unknown, fields: string[], pointer: string) => {
    if (owner === null || typeof owner !== 'object') return;
    for (const field of fields) {
      const value = (owner as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim() !== '') texts.push({ kind, pointer: `${pointer}/${field}`, text: value });
    }
  };
  const full = document as { narrative?: { sections?: unknown[] }; sections?: Record<string, unknown>; performance?: Record<string, unknown>[] };
  (full.narrative?.sections ?? []).forEach((section, index) => {
    addText('narrative', section, ['heading', 'text'], `/narrative/sections/${index}`);
  });
  const other = full.sections ?? {};
  for (const name of ['duties', 'organisation']) addText('sections', other[name], ['heading', 'text'], `/sections/${name}`);
  ((other.other as unknown[] | undefined) ?? []).forEach((entry, index) => {
    addText('sections', entry, ['heading', 'text'], `/sections/other/${index}`);
  });
  ((other.glossary as unknown[] | undefined) ?? []).forEach((entry, index) => {
    addText('sections', entry, ['definition'], `/sections/glossary/${index}`);
  });
  (full.performance ?? []).forEach((table, index) => {
    addText('performance', table, ['project', 'department', 'implementingUnit', 'attribute', 'period', 'overview', 'basis', 'necessity', 'measures', 'plan', 'filledAt'], `/performance/${index}`);
    addText('performance', table.goals, ['whole', 'annual'], `/performance/${index}/goals`);
  });
  (full.performance ?? []).forEach((table, index) => {
    ((table.indicators as unknown[] | undefined) ?? []).forEach((indicator, position) => {
      addText('indicators', indicator, ['level3', 'value'], `/performance/${index}/indicators/${position}`);
    });
  });
  for (const [role, table] of Object.entries(tables)) {
    addText('tables', table, ['title', 'note'], `/tables/${role}`);
    table.rows.forEach((row, index) => {
      addText('tables', row, ['name'], `/tables/${role}/rows/${index}`);
    });
  }
  const patterns: [string, RegExp, string[] | undefined][] = [
    ['no-non-public-material', /此件不予公开|不予公开|内部资料|内部文件|绝密|机密/u, undefined],
    ['no-doubled-words', /(\p{Script=Han}{2})\1/u, undefined],
    ['no-template-notes', /请(?:核实|填写|补充|补全|删除|在此|据实)|[（(](?:增加内容|略|待补充|此处[^）)]{0,12})[）)]|若(?:无|没有)[^。；]{0,20}则[^。；]{0,12}(?:写|填)/u, undefined],
    ['no-empty-reasons', /原因(?:是|为|主要是)[：:]?\s*[。；，,]|原因(?:是|为)[：:]?\s*$/u, ['narrative', 'sections']],
    ['performance-no-placeholders', /X{1,2}月X{1,2}日|\*{2}月\*{2}日|X{2,}|×{2,}|待定|请填写/u, ['performance', 'indicators']],
    ['performance-no-degenerate-ratio-targets', /^\s*(?:≥|>=|大于等于)\s*100(?:\.0+)?\s*%\s*$|^\s*(?:≤|<=|小于等于)\s*100(?:\.0+)?\s*%\s*$/u, ['indicators']],
    ['performance-no-zero-targets', /^\s*(?:≥|>=|大于等于)\s*0(?:\.0+)?\s*(?:%\s*)?$/u, ['indicators']],
  ];
  for (const [ruleId, pattern, kinds] of patterns) {
    for (const entry of texts) if ((kinds === undefined || kinds.includes(entry.kind)) && pattern.test(entry.text)) report(ruleId, entry.pointer);
  }

  // rules of the second batch: notes, explanations, names, counts, performance-table coverage
  const fiscalYear = (document as { meta?: { fiscalYear?: unknown } }).meta?.fiscalYear;
  const department = (document as { meta?: { department?: unknown } }).meta?.department;
  const bareNote = /^\s*(?:注\s*(?:[:：]\s*)?)?(?:本表)?(?:无数据|为空表?|数据为空|无内容)\s*(?:[。.；;]\s*)?$/u;
  for (const role of [...TABLES, 'threePublicExpenses']) {
    const table = tables[role];
    if (table?.note === undefined || !isEmptyNote(table.note)) continue;
    if (bareNote.test(table.note)) report('empty-note-states-reason', `/tables/${role}/note`);
    if (role === 'stateCapital' && /^(?!.*国有资本).*?(?:政府性基金|“三公”经费|三公经费|机关运行经费|项目支出)/u.test(table.note)) report('state-capital-note-names-own-fund', `/tables/${role}/note`);
    if ((role === 'governmentFundIncome' || role === 'governmentFundExpenditure') && /^(?!.*政府性基金).*?(?:国有资本经营|“三公”经费|三公经费|机关运行经费|项目支出)/u.test(table.note)) {
      report('government-fund-note-names-own-fund', `/tables/${role}/note`);
    }
  }
  const econ = tables.basicExpenditureByEconomicClass;
  const econLine = (names: string[]): Fig => {
    const row = econ?.rows.find((candidate) => names.includes(candidate.name.replace(/\s+/g, '')));
    return row && econ ? cell(econ, row, 'total') : { v: ZERO, u: ZERO, blank: true };
  };
  const atLeast = (a: Fig, b: Fig) => {
    const allowance = a.u.plus(b.u);
    const difference = a.v.minus(b.v);
    return allowance.isZero() ? !difference.isNegative() : difference.abs().lessThan(allowance) || !difference.isNegative();
  };
  if (econ) {
    for (const [key, names] of [
      ['reception', ['公务接待费']],
      ['vehicleOperation', ['公务用车运行维护费']],
      ['abroad', ['因公出国（境）费用', '因公出国(境)费用']],
    ] as const) {
      const mine = keyCell('threePublicExpenses', key, 'total');
      if (mine && !atLeast(mine[0], econLine([...names]))) report('three-public-covers-economic-lines', mine[1]);
    }
  }
  // 机关运行经费: the table's total, or the narrative's amount where the document prints no such table.
  const agencyFigure = firstAmount('agencyOperatingCosts');
  const agencyStated = agencyFigure !== undefined ? figureValue(agencyFigure.figure) : undefined;
  const agency = keyCell('agencyOperatingCosts', 'total', 'total') ?? (agencyStated !== undefined ? ([agencyStated, `${agencyFigure!.pointer}/value`] as [Fig, string]) : undefined);
  const publicCosts = keyCell('basicExpenditureByEconomicClass', 'total', 'public');
  if (agency && publicCosts) {
    if (!atLeast(publicCosts[0], agency[0])) report('agency-costs-within-public-costs', agency[1]);
    const unitType = (document as { meta?: { unitType?: unknown } }).meta?.unitType;
    if ((unitType === 'administrative' || unitType === 'civil-servant-managed') && !rounded(agency[0], publicCosts[0])) report('agency-costs-match-public-costs', agency[1]);
  }
  const sectionText = (id: string): string | undefined => {
    const found = ((full.narrative?.sections ?? []) as { id?: unknown; text?: unknown }[]).filter((section) => section.id === id && typeof section.text === 'string');
    return found.length > 0 ? found.map((section) => section.text).join('\n') : undefined;
  };
  if (agency && publicCosts && publicCosts[0].v.greaterThan(0) && !agency[0].v.greaterThan(0)) {
    const text = sectionText('agencyOperatingCosts');
    if (text !== undefined && !/事业单位|参照公务员法管理|参公|原因|由于|因为|不属于/u.test(text)) report('agency-costs-absence-explained', agency[1]);
  }
  const organisation = (other.organisation as { text?: unknown } | undefined)?.text;
  const personnel = keyCell('basicExpenditureByEconomicClass', 'total', 'personnel');
  if (typeof organisation === 'string' && /编制\s*[1-9]\d*\s*[名人个]/u.test(organisation) && personnel && !personnel[0].v.greaterThan(0)) {
    const text = sectionText('basicExpenditure');
    if (text !== undefined && !/原因|由于|因为|列支|承担|统筹|不在本(?:部门|单位)/u.test(text)) report('personnel-costs-absence-explained', personnel[1]);
  }
  const vehicles = (document as { assets?: { vehicles?: { actual?: unknown } } }).assets?.vehicles?.actual;
  const operation = keyCell('threePublicExpenses', 'vehicleOperation', 'total');
  if (vehicles === 0 && operation && !operation[0].v.isZero()) {
    const text = sectionText('threePublicExpenses');
    if (text !== undefined && !/租用|租车|租赁|统筹|借用|平台|调剂/u.test(text)) report('vehicle-costs-without-vehicles-explained', operation[1]);
  }
  // names and amounts cited by code
  const general = tables.generalBudgetExpenditure;
  const normalise = (name: string) => name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const leaf = (name: string) => {
    if (/[（(][类款项][）)]/u.test(name))
      return name
        .split(/[（(][类款项][）)]/u)
        .filter((part) => part.trim() !== '')
        .pop()!
        .trim();
    const parts = name.split(/\s*[-－—]\s*/u).filter((part) => part.trim() !== '');
    return parts.length >= 2 && parts[0]!.trim().endsWith('支出') ? parts[parts.length - 1]!.trim() : name;
  };
  if (general) {
    for (const entry of figures) {
      const figure = entry.figure as FigureJson & { subject?: string };
      if (figure.key !== 'functionalClassExpenditure' || figure.kind !== 'amount' || typeof figure.code !== 'string') continue;
      const row = general.rows.find((candidate) => candidate.code === figure.code);
      if (row === undefined) continue;
      const subject = typeof figure.subject === 'string' && figure.subject.trim() !== '' ? normalise(leaf(figure.subject)) : undefined;
      if (!general.rows.some((candidate) => candidate.code === figure.code && normalise(candidate.name) === subject)) report('narrative-subject-names-match', entry.pointer);
      if (sections[entry.s] !== undefined && (sections[entry.s] as { id?: string }).id === 'generalBudget' && !rounded(figureValue(figure)!, cell(general, row, 'total'))) {
        report('narrative-functional-class-amounts-match', `${entry.pointer}/value`);
      }
    }
  }
  const projectRows = projects?.rows.filter((row) => row.level === 3) ?? [];
  const count = (n: number): Fig => ({ v: new D(n), u: ZERO, blank: false });
  // With secret projects left out (meta.withheld), the performance tables attached are not all of them.
  const secretsLeftOut = typeof (document as { meta?: { withheld?: unknown } }).meta?.withheld === 'string';
  for (const entry of figures) {
    const figure = entry.figure;
    if (figure.key === 'performanceProjects' && figure.kind === 'count' && allProjects && projectRows.length > 0 && !exact(figureValue(figure)!, count(projectRows.length)))
      report('performance-project-count-matches', `${entry.pointer}/value`);
    if (figure.key === 'performancePublishedProjects' && figure.kind === 'count' && performanceTables.length > 0 && !secretsLeftOut && !exact(figureValue(figure)!, count(performanceTables.length))) {
      report('performance-published-count-matches-tables', `${entry.pointer}/value`);
    }
    if ((figure.key === 'performanceAmount' || figure.key === 'performancePublishedAmount') && figure.kind === 'amount' && allProjects) {
      if (!rounded(figureValue(figure)!, add(allProjects.rows.filter((row) => row.level === 1).map((row) => cell(allProjects, row, 'total')))))
        report('performance-amount-matches-project-table', `${entry.pointer}/value`);
    }
  }
  const projectNamed = (name: unknown) => (typeof name === 'string' && name.trim() !== '' ? projectRows.filter((row) => normalise(row.name) === normalise(leaf(name))) : []);
  const withoutCode = (text: string) => normalise(text.replace(/^\d+\s*[-－—_]\s*/u, ''));
  const contains = (text: string, whole: unknown) => typeof whole === 'string' && whole !== '' && withoutCode(text).includes(withoutCode(whole));
  performanceTables.forEach((table, index) => {
    const at = `/performance/${index}`;
    const owner = [table.department, table.implementingUnit];
    const listedUnit = typeof organisation === 'string' && typeof table.implementingUnit === 'string' && table.implementingUnit !== '' && contains(organisation, table.implementingUnit);
    if (
      typeof department === 'string' &&
      owner.some((field) => typeof field === 'string') &&
      !listedUnit &&
      !owner.some((field) => typeof field === 'string' && field !== '' && (contains(field, department) || contains(department, field)))
    ) {
      report('performance-table-belongs-to-department', at);
    }
    const matches = projectNamed(table.project);
    if (allProjects && projectRows.length > 0 && matches.length === 0) report('performance-project-in-project-table', at);
    const annual = ((table.funds as Record<string, Record<string, unknown>> | undefined)?.annual ?? {}).total;
    if (matches.length > 0 && projects && annual !== undefined && !rounded(parse(annual, ONE)!, cell(projects, matches[0]!, 'total')))
      report('performance-funds-match-project-table', `${at}/funds/annual/total`);
    const levels = new Set(((table.indicators as { level1?: unknown }[] | undefined) ?? []).map((indicator) => (typeof indicator.level1 === 'string' ? indicator.level1.trim() : '')));
    if (Array.isArray(table.indicators) && !['产出指标', '效益指标', '满意度指标'].every((level) => levels.has(level))) report('performance-indicator-levels-present', at);
  });
  if (projects && performanceTables.length > 0 && !secretsLeftOut) {
    projects.rows.forEach((row, index) => {
      if (row.level !== 3) return;
      const tablesFor = performanceTables.filter((table) => typeof table.project === 'string' && normalise(table.project) === normalise(leaf(row.name))).length;
      if (tablesFor !== 1) report('project-has-performance-table', `/tables/projectExpenditure/rows/${index}`);
    });
  }
  const dateBefore = /(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)|[-./](?:1[0-2]|0?[1-9])(?:[-./](?:3[01]|[12]\d|0?[1-9]))?(?!\d))/gu;
  if (typeof fiscalYear === 'number') {
    for (const entry of texts) {
      if (entry.kind === 'indicators' && [...entry.text.matchAll(dateBefore)].some((match) => Number(match[1]) < fiscalYear)) report('performance-dates-not-before-year', entry.pointer);
    }
    for (const [role, table] of Object.entries(tables)) {
      const title = (table as { title?: unknown }).title;
      if (typeof title !== 'string') continue;
      const years = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/gu)].map((match) => Number(match[1]));
      // A title may name no year (namesNoOtherYear); a year it names must be the budget year.
      if (years.some((year) => year !== fiscalYear)) report('table-titles-name-year', `/tables/${role}/title`);
    }
  }
  const equipment = (document as { assets?: { equipment?: { category?: unknown }[] } }).assets?.equipment;
  if (Array.isArray(equipment)) {
    const categories = new Set(equipment.map((item) => (typeof item.category === 'string' ? item.category.trim() : '')));
    if (categories.has('通用设备') && !categories.has('专用设备')) report('asset-equipment-categories', '/assets/equipment');
  }
  for (const entry of texts) {
    if (entry.kind === 'narrative' && /[^，。；,;\s]{0,20}(?:结构图|示意图|饼图|柱状图|图\s*[0-9一二三四五六七八九十]+)/u.test(entry.text)) report('charts-have-data', entry.pointer);
  }

  // rules of the third batch: parts, hierarchy, signals, periods, duplicates, approvals
  const meta = (document as { meta?: { title?: unknown; unitType?: unknown } }).meta ?? {};
  if (typeof meta.title === 'string' && typeof fiscalYear === 'number') {
    const years = [...meta.title.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/gu)].map((match) => Number(match[1]));
    if (years.length === 0 || years.some((year) => year !== fiscalYear) || !/部门预算|单位预算/u.test(meta.title)) report('document-title-names-year-and-kind', '/meta/title');
  }
  const filledText = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  const duties = (other.duties as { text?: unknown } | undefined)?.text;
  if (![duties, organisation, (full.narrative?.sections ?? [])[0], ((other.glossary as unknown[] | undefined) ?? [])[0]].every(filledText)) report('required-parts-present', '/sections');
  const sectionIds = new Set(((full.narrative?.sections ?? []) as { id?: unknown }[]).map((section) => (typeof section.id === 'string' ? section.id.trim() : '')));
  if (Array.isArray(full.narrative?.sections) && !['overview', 'threePublicExpenses', 'agencyOperatingCosts', 'procurement'].every((id) => sectionIds.has(id))) {
    report('required-explanations-present', '/narrative/sections');
  }
  const parentOf = (table: Table, row: Row) => table.rows.some((candidate) => candidate.group === row.group && candidate.code === row.code!.slice(0, -2));
  for (const role of ['expenditureSummary', 'generalBudgetExpenditure', 'governmentFundExpenditure', 'incomeSummary']) {
    const table = tables[role];
    table?.rows.forEach((row, index) => {
      const length = row.code?.length;
      if ((length === 3 || length === 5) && children(table, row).length === 0) report('functional-tables-show-items', `/tables/${role}/rows/${index}`);
      if ((length === 5 || length === 7) && !parentOf(table, row)) report('codes-have-parents', `/tables/${role}/rows/${index}`);
    });
  }
  econ?.rows.forEach((row, index) => {
    if (row.code?.length === 3 && children(econ, row).length === 0) report('economic-class-shows-items', `/tables/basicExpenditureByEconomicClass/rows/${index}`);
  });
  if (general && expenditure) {
    general.rows.forEach((row, index) => {
      if (row.code !== undefined && !expenditure.rows.some((candidate) => candidate.code === row.code))
        report('general-budget-rows-in-expenditure-summary', `/tables/generalBudgetExpenditure/rows/${index}`);
    });
  }
  const officeName = /(?:局|委员会|委|办公室|[办厅])$/u;
  if (general && typeof department === 'string' && officeName.test(department) && general.rows.some((row) => normalise(row.name) === '事业运行')) {
    if (!general.rows.some((row) => normalise(row.name) === '行政运行') && !/^(?:public-institution|mixed)$/u.test(String(meta.unitType))) report('unit-type-signals-agree', '/meta/department');
  }
  performanceTables.forEach((table, index) => {
    if (typeof table.period === 'string' && /^\s*(?:[2-9]\d|[1-9]\d{2,})\s*年/u.test(table.period)) report('performance-period-plausible', `/performance/${index}/period`);
    const name = typeof table.project === 'string' ? normalise(table.project) : '';
    if (performanceTables.filter((candidate) => typeof candidate.project === 'string' && normalise(candidate.project) === name && name !== '').length !== 1) {
      report('performance-tables-not-duplicated', `/performance/${index}`);
    }
  });
  for (const entry of texts) {
    if (entry.kind !== 'sections') continue;
    if (/省直部门|省级部门|省直单位|中央部门|中央本级/u.test(entry.text)) report('glossary-fits-level', entry.pointer);
    if (typeof department === 'string' && /予以批复|批复如下|现将.{0,20}批复/u.test(entry.text) && !contains(entry.text, department)) report('approval-page-names-department', entry.pointer);
  }
  for (const [id, ruleId] of [
    ['threePublicExpenses', 'three-public-changes-explained'],
    ['agencyOperatingCosts', 'agency-costs-changes-explained'],
  ] as const) {
    const text = sectionText(id);
    if (text !== undefined && /增加|减少|增长|下降|上升|降低/u.test(text) && !/原因|由于|因为|主要是|主要用于|系/u.test(text)) report(ruleId, '/narrative/sections');
  }
  for (const [role, key, ruleId] of [
    ['governmentFundExpenditure', 'governmentFunds', 'empty-fund-table-agrees'],
    ['stateCapital', 'stateCapital', 'empty-state-capital-table-agrees'],
  ] as const) {
    const table = tables[role];
    if (table?.note === undefined || !isEmptyNote(table.note)) continue;
    for (const summaryRole of ['incomeExpenditureSummary', 'fiscalAppropriationSummary']) {
      const found = keyCell(summaryRole, key, 'amount');
      if (found && !found[0].v.isZero()) report(ruleId, found[1]);
    }
  }

  // summary tables without carry-over rows, income by type (the Shanghai layout)
  if (summary) {
    const has = (key: string) => summary.rows.some((row) => row.key === key);
    const noCarryIn = !has('currentYearIncomeTotal') && !has('carriedOver');
    const noCarryOut = !has('currentYearExpenditureTotal') && !has('yearEndCarryForward');
    const grandIn = keyCell('incomeExpenditureSummary', 'incomeGrandTotal', 'amount');
    const grandOut = keyCell('incomeExpenditureSummary', 'expenditureGrandTotal', 'total');
    if (noCarryIn && grandIn) {
      const levelOne = summary.rows.filter((row) => row.group === 'income' && row.level === 1).map((row) => cell(summary, row, 'amount'));
      const fiscalRow = rowByKey(summary, 'fiscalAppropriation');
      const fiscalParts = fiscalRow ? children(summary, fiscalRow) : [];
      const fiscal = keyCell('incomeExpenditureSummary', 'fiscalAppropriation', 'amount');
      if (fiscal && fiscalParts.length > 0) {
        if (!rounded(grandIn[0], add(levelOne))) report('summary-income-total-adds-up-no-carry-over', grandIn[1]);
        if (!rounded(fiscal[0], add(fiscalParts.map((row) => cell(summary, row, 'amount'))))) report('summary-income-total-adds-up-no-carry-over', fiscal[1]);
      }
    }
    if (noCarryOut && grandOut) {
      const classes = summary.rows.filter((row) => row.group === 'expenditure' && row.code !== undefined).map((row) => cell(summary, row, 'total'));
      if (!rounded(grandOut[0], add(classes))) report('summary-expenditure-total-adds-up-no-carry-over', grandOut[1]);
    }
    const t2total = keyCell('incomeSummary', 'total', 'total');
    const t3total = keyCell('expenditureSummary', 'total', 'total');
    if (noCarryIn && noCarryOut && grandIn && grandOut && t2total && t3total) {
      if (!exact(grandIn[0], t2total[0])) report('summary-totals-agree-no-carry-over', grandIn[1]);
      if (!exact(t3total[0], t2total[0])) report('summary-totals-agree-no-carry-over', t3total[1]);
      if (!exact(grandOut[0], t3total[0])) report('summary-totals-agree-no-carry-over', grandOut[1]);
    }
    const types = ['fiscalAppropriation', 'businessIncome', 'operatingIncome', 'otherIncome'];
    const incomeTable = tables.incomeSummary;
    const typeTotal = incomeTable && rowByKey(incomeTable, 'total');
    if (incomeTable && typeTotal && hasColumns(incomeTable, types) && types.every((key) => has(key))) {
      for (const key of types) {
        const mine = keyCell('incomeExpenditureSummary', key, 'amount')!;
        if (!exact(mine[0], cell(incomeTable, typeTotal, key))) report('income-types-match-income-summary', mine[1]);
      }
    }
  }
  if (fiscal) {
    const has = (key: string) => fiscal.rows.some((row) => row.key === key);
    const grand = keyCell('fiscalAppropriationSummary', 'expenditureGrandTotal', 'generalBudget');
    if (!has('currentYearExpenditureTotal') && !has('yearEndCarryForward') && grand && generalTotal && !exact(grand[0], generalTotal[0])) {
      report('fiscal-appropriation-matches-general-budget-no-carry-over', grand[1]);
    }
  }
  // 其他收入 is added where the table prints it.
  const byType = ['fiscalAppropriation', 'businessIncome', 'operatingIncome'];
  rowRule('income-summary-rows-add-up-by-income-type', 'incomeSummary', income && hasColumns(income, ['otherIncome']) ? [...byType, 'otherIncome'] : byType);

  // each indicator: quantity indicators quantified, satisfaction targets as percentages ≤ 100%
  performanceTables.forEach((table, index) => {
    ((table.indicators as unknown[] | undefined) ?? []).forEach((entry, position) => {
      if (entry === null || typeof entry !== 'object') return;
      const indicator = entry as Record<string, unknown>;
      const text = (field: string) => (typeof indicator[field] === 'string' ? indicator[field] : undefined);
      const value = text('value');
      const at = `/performance/${index}/indicators/${position}`;
      if (/数量/u.test(text('level2') ?? '') && value !== undefined && !/[0-9０-９]|[一二两三四五六七八九十百千万]+\s*[个项次人台套件份家场期篇批部条处所辆册本户名]/u.test(value)) {
        report('quantity-indicators-are-quantified', at);
      }
      if ((/满意/u.test(text('level2') ?? '') || /满意度/u.test(text('level3') ?? '')) && value !== undefined) {
        if (!/[%％]|定性/u.test(value) || /(?<![0-9.])(?:10[1-9]|1[1-9]\d|[2-9]\d{2}|\d{4,}|100\.0*[1-9]\d*)(?:\.\d+)?\s*[%％]/u.test(value)) report('satisfaction-targets-are-percentages', at);
      }
    });
  });

  // table labels: one prefix, numbered in print order, all labelled when any is
  const printedTables = Object.entries(tables)
    .map(([role, table], order) => ({ role, order, line: (table as { line?: number }).line, label: (table as { label?: string | null }).label }))
    .sort((a, b) => (a.line !== undefined && b.line !== undefined ? a.line - b.line : a.order - b.order));
  // A label's prefix and number ("预算公开表10" → 预算公开表, 10), read in one pass as the engine
  // does (`(.*?)\s*(\d+)` backtracks polynomially): what /^\s*(.*?)\s*(\d+)\s*$/u matched, a prefix
  // spanning lines being no match there either.
  const labelParts = (label: string) => {
    const trimmed = label.trim();
    let start = trimmed.length;
    while (start > 0 && trimmed.charCodeAt(start - 1) >= 48 && trimmed.charCodeAt(start - 1) <= 57) start -= 1;
    const prefix = trimmed.slice(0, start).trim();
    return start === trimmed.length || /[\n\r\u2028\u2029]/u.test(prefix) ? null : { prefix, number: trimmed.slice(start) };
  };
  const parsedLabels = printedTables.map((table) => ({ ...table, parts: table.label === undefined ? null : labelParts(String(table.label)) }));
  const prefixCounts = new Map<string, number>();
  for (const { parts } of parsedLabels) if (parts) prefixCounts.set(parts.prefix, (prefixCounts.get(parts.prefix) ?? 0) + 1);
  let usualPrefix: string | undefined;
  for (const [prefix, n] of prefixCounts) if (usualPrefix === undefined || n > prefixCounts.get(usualPrefix)!) usualPrefix = prefix;
  // the numbering runs from the first labelled table to the last: unlabelled ones outside it take no place
  const firstLabelled = Math.max(
    0,
    parsedLabels.findIndex(({ parts }) => parts !== null),
  );
  parsedLabels.forEach(({ role, label, parts }, index) => {
    if (parts && usualPrefix !== undefined && parts.prefix !== usualPrefix) report('table-labels-consistent', `/tables/${role}/label`);
    if (parts && Number(parts.number) !== index - firstLabelled + 1) report('table-labels-in-order', `/tables/${role}/label`);
    if (usualPrefix !== undefined && (label === undefined || label === null)) report('tables-labelled', `/tables/${role}/label`);
  });

  // each 项 of the general-budget table is cited in the narrative (when its general-budget section
  // cites items at all): by a figure of the same code, or by name in that section's text
  const isGeneralBudget = (s: number) => (sections[s] as { id?: string } | undefined)?.id === 'generalBudget';
  const itemFigure = (entry: (typeof figures)[number]) => entry.figure.key === 'functionalClassExpenditure' && entry.figure.kind === 'amount';
  if (figures.some((entry) => itemFigure(entry) && isGeneralBudget(entry.s))) {
    const squash = (text: string) => text.replace(/\s+/gu, '').replace(/[（）]/gu, (bracket) => (bracket === '（' ? '(' : ')'));
    const rawText = sections
      .filter((_, s) => isGeneralBudget(s))
      .map((section) => (section as { text?: string }).text ?? '')
      .join('\n');
    const generalText = squash(rawText);
    // Amounts the section states (“1,517.95 万元”), in 元, with their printed places.
    const stated = [...rawText.matchAll(/(?<![\d.])(\d{1,3}(?:\s*,\s*\d{3})+|\d+)(?:\s*\.\s*(\d+))?\s*(万元|元)/gu)].map((match) => ({
      value: new D(`${match[1]!.replace(/[\s,]/gu, '')}${match[2] === undefined ? '' : `.${match[2]}`}`),
      places: match[2]?.length ?? 0,
      factor: match[3] === '万元' ? new D(10000) : new D(1),
    }));
    general?.rows.forEach((row, index) => {
      if (row.code?.length !== 7) return;
      const named = row.name !== '' && generalText.includes(squash(row.name));
      const total = cell(general, row, 'total');
      const amountStated = !total.blank && stated.some((amount) => total.v.div(amount.factor).toDecimalPlaces(amount.places, D.ROUND_HALF_UP).equals(amount.value));
      if (!named && !amountStated && !figures.some((entry) => itemFigure(entry) && entry.figure.code === row.code)) {
        report('general-budget-items-explained', `/tables/generalBudgetExpenditure/rows/${index}`);
      }
    });
  }

  // services procurement against a “政府购买服务：无” section
  const services = figures.find((entry) => entry.figure.key === 'procurementServices' && entry.figure.kind === 'amount');
  const servicesValue = services ? figureValue(services.figure) : undefined;
  if (servicesValue && servicesValue.v.greaterThan(0)) {
    const purchase = [...((full.narrative?.sections ?? []) as { heading?: unknown; text?: unknown }[]), ...(((other.other as unknown[] | undefined) ?? []) as { heading?: unknown; text?: unknown }[])]
      .filter((section) => typeof section.heading === 'string' && /政府购买服务/u.test(section.heading) && typeof section.text === 'string')
      .map((section) => section.text as string);
    if (purchase.length > 0 && /^\s*无\s*(?:[。.；;]\s*)?$/u.test(purchase.join('\n'))) report('purchase-services-explained', '/sections/other');
  }

  // projects the narrative lists are named as in the project table
  if (projectRows.length > 0) {
    ((full.narrative?.sections ?? []) as { projects?: unknown }[]).forEach((section, index) => {
      ((Array.isArray(section.projects) ? section.projects : []) as unknown[]).forEach((name, position) => {
        if (typeof name !== 'string' || name.trim() === '') return;
        if (!projectRows.some((row) => normalise(row.name) === normalise(leaf(name)))) report('cited-projects-in-project-table', `/narrative/sections/${index}/projects/${position}`);
      });
    });
  }

  // 三公 section states the change on last year; shares of one group printed alike
  const threeText = sectionText('threePublicExpenses');
  if (threeText !== undefined && !/上年|同比|持平|增加|减少|增长|下降|比\s*\d{4}\s*年|与\s*\d{4}\s*年/u.test(threeText)) report('three-public-change-stated', '/narrative/sections');
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const scales = new Set(
      group.map((entry) => {
        const text = String(entry.figure.value).trim();
        const dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length - dot - 1;
      }),
    );
    if (scales.size > 1) report('share-formats-consistent', group[0]!.pointer);
  }

  return findings.sort((a, b) => (a.path === b.path ? (a.ruleId < b.ruleId ? -1 : 1) : a.path < b.path ? -1 : 1));
}
