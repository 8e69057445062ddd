/**
 * TypeScript shapes of the disclosure document (schemas/document.schema.json). The engine reads
 * documents defensively through `DocumentContext`: these types describe a valid document, never
 * an assumption about the input.
 */

/** A cell value: decimal string, number, text, or blank (null / absent). */
export type CellValue = string | number | null;

/** A table column. */
export interface Column {
  /** Stable column id. */
  readonly id: string;
  /** Printed header. */
  readonly header: string;
  /** Column type; amount by default. */
  readonly type?: 'amount' | 'text' | 'count';
}

/**
 * The id an importer gives a column whose header it could not name: its position (column3). Such a
 * column may be any of the table's (docs/document-model.md).
 * @param index The column's 0-based position.
 */
export function unnamedColumnId(index: number): string {
  return `column${index + 1}`;
}

/** Whether a column id is one an importer gave a column it could not name. */
export function isUnnamedColumnId(id: string): boolean {
  return /^column\d+$/.test(id);
}

/** A table row. */
export interface Row {
  /** Semantic key of a special row (total, incomeGrandTotal…). */
  readonly key?: string;
  /** Classification code (3, 5 or 7 digits). */
  readonly code?: string;
  /** Row name as printed. */
  readonly name: string;
  /** Hierarchy level, 1 = top. */
  readonly level?: number;
  /** Side of a two-sided table. */
  readonly group?: 'income' | 'expenditure';
  /** Values keyed by column id. */
  readonly values: Readonly<Record<string, CellValue>>;
  /** Source line. */
  readonly line?: number;
}

/** A table, in the one shape every role shares. */
export interface Table {
  /** Template label, e.g. 预算公开表10. */
  readonly label?: string;
  /** Printed title. */
  readonly title: string;
  /** Department named in the header. */
  readonly department?: string;
  /** Currency unit. */
  readonly unit: '元' | '万元';
  /** Columns. */
  readonly columns: readonly Column[];
  /** Data rows. */
  readonly rows: readonly Row[];
  /** Note, e.g. 注：本表无数据. */
  readonly note?: string;
  /** Why the importer could not read the values with certainty (rules needing them do not apply). */
  readonly doubt?: string;
  /**
   * The table's own statement that some rows are not published (涉密项目不予公开): its total
   * covers rows it does not print, so sums and counts of its rows are not known.
   */
  readonly withheld?: string;
  /** Source line. */
  readonly line?: number;
}

/** A figure stated in the narrative. */
export interface Figure {
  /** What it is about (vocabulary in docs/document-model.md). */
  readonly key: string;
  /** amount, share, change or count. */
  readonly kind: 'amount' | 'share' | 'change' | 'count';
  /** The stated value. */
  readonly value: string | number;
  /** Its unit. */
  readonly unit?: '元' | '万元' | '%' | '个';
  /** For shares: the key of the whole. */
  readonly of?: string;
  /** Classification code of the subject. */
  readonly code?: string;
  /** The subject as named in the text. */
  readonly subject?: string;
  /** Direction of a change. */
  readonly direction?: 'increase' | 'decrease' | 'flat';
  /** Percentage of a change. */
  readonly percent?: string | number;
  /** Direction word of the percentage. */
  readonly percentDirection?: 'increase' | 'decrease' | 'flat';
  /** Current-year amount a change refers to. */
  readonly current?: string | number;
  /** Source sentence. */
  readonly text?: string;
  /** Source line. */
  readonly line?: number;
}

/** A narrative section. */
export interface NarrativeSection {
  /** Stable section id. */
  readonly id?: string;
  /** Heading. */
  readonly heading: string;
  /** Text. */
  readonly text: string;
  /** Figures it states. */
  readonly figures?: readonly Figure[];
  /** Project names it lists (the performance section's “具体包括……”). */
  readonly projects?: readonly string[];
  /** Where each source line starts in `text`: [offset (a string index), line] pairs, by offset. */
  readonly textLines?: readonly (readonly [number, number])[];
  /** Source line. */
  readonly line?: number;
}

/** Document kinds. */
export type DocumentKind = 'department-budget' | 'unit-budget' | 'department-final-accounts' | 'unit-final-accounts';

/** A table as printed: its label and title, and the role the document holds it under (absent when not held). */
export interface PrintedTable {
  readonly label?: string;
  readonly title: string;
  readonly role?: string;
  readonly kind?: string;
  readonly line?: number;
}

/** Document metadata. */
export interface Meta {
  /** Department name. */
  readonly department: string;
  /** Fiscal year. */
  readonly fiscalYear: number;
  /** Document kind. */
  readonly kind: DocumentKind;
  /** Default currency unit. */
  readonly unit: '元' | '万元';
  /** Unit type, if known. */
  readonly unitType?: string;
  /** Cover title. */
  readonly title?: string;
  /** Region. */
  readonly region?: string;
  /** Template profile id. */
  readonly template?: string;
  /** Source. */
  readonly source?: { readonly file?: string; readonly format?: string };
  /** Every table the source prints, in print order, those the model does not hold included. */
  readonly printedTables?: readonly PrintedTable[];
  /** The document's statement that secret items were left out: its performance tables are not all of them. */
  readonly withheld?: string;
}

/** A disclosure document (valid shape). */
export interface DisclosureDocument {
  /** Metadata. */
  readonly meta: Meta;
  /** Tables by role. */
  readonly tables: Readonly<Record<string, Table>>;
  /** The narrative. */
  readonly narrative?: { readonly sections: readonly NarrativeSection[] };
  /** Performance-target tables. */
  readonly performance?: readonly unknown[];
  /** Assets. */
  readonly assets?: unknown;
  /** Other sections. */
  readonly sections?: unknown;
}

/** Table roles the model defines (docs/document-model.md). */
export const TABLE_ROLES = [
  'incomeExpenditureSummary',
  'incomeSummary',
  'expenditureSummary',
  'fiscalAppropriationSummary',
  'generalBudgetExpenditure',
  'basicExpenditureByEconomicClass',
  'governmentFundIncome',
  'governmentFundExpenditure',
  'stateCapital',
  'threePublicExpenses',
  'agencyOperatingCosts',
  'projectExpenditure',
  'projectExpenditureCarriedOver',
  'governmentProcurement',
] as const;

/** A table role. */
export type TableRole = (typeof TABLE_ROLES)[number];
