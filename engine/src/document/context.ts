/**
 * A read-only, defensive view of one document for one evaluation: tables by role, rows with their
 * pointers, figures, and a memo so sums are computed once per document however many rules use them.
 * Nothing here throws on a malformed document; problems come back as `Unavailable` values.
 */
import { type CurrencyUnit, MAX_SIGNIFICANT_DIGITS, exceedsPrecision } from '../money/money.js';
import { type DisplayUnit, type Quantity, blankQuantity, printedQuantity } from '../money/quantity.js';
import { type Unavailable, invalid, missing, notInLayout } from './unavailable.js';
import { escapeToken, pointerOf, resolvePointer } from './pointer.js';
import { preview } from './limits.js';

/** A column as the engine sees it. */
export interface ColumnView {
  /** Column id. */
  readonly id: string;
  /** Printed header. */
  readonly header: string;
  /** amount, text or count. */
  readonly type: 'amount' | 'text' | 'count';
}

/** A row as the engine sees it. */
export interface RowView {
  /** Index in `rows`. */
  readonly index: number;
  /** Pointer to the row. */
  readonly pointer: string;
  /** Semantic key. */
  readonly key?: string;
  /** Classification code. */
  readonly code?: string;
  /** Name as printed ('' if absent). */
  readonly name: string;
  /** Level. */
  readonly level?: number;
  /** Side of a two-sided table. */
  readonly group?: string;
  /** The raw values object, if it is one. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Source line. */
  readonly line?: number;
}

/** A table as the engine sees it. */
export interface TableView {
  /** Role (key under /tables). */
  readonly role: string;
  /** Pointer to the table. */
  readonly pointer: string;
  /** Label, or the title when there is no label: how a person names it. */
  readonly name: string;
  /** The printed label ("预算公开表1"), if any. */
  readonly label?: string;
  /** Currency unit, if valid. */
  readonly unit?: CurrencyUnit;
  /** Columns that are well-formed. */
  readonly columns: readonly ColumnView[];
  /** Rows that are objects. */
  readonly rows: readonly RowView[];
  /** Rows by their index in the document's `rows` array. */
  readonly rowAt: ReadonlyMap<number, RowView>;
  /** Note text. */
  readonly note?: string;
  /** The table's statement that rows are not published (its rows are not all of it). */
  readonly withheld?: string;
  /** Source line. */
  readonly line?: number;
}

/** A narrative figure with its place. */
export interface FigureView {
  /** Pointer to the figure. */
  readonly pointer: string;
  /** Index of its section. */
  readonly sectionIndex: number;
  /** Id of its section, if any. */
  readonly sectionId?: string;
  /** Index within the section's figures. */
  readonly index: number;
  /** The raw figure object. */
  readonly figure: Readonly<Record<string, unknown>>;
  /** Source line. */
  readonly line?: number;
}

/**
 * A JSON object as a record, or undefined for anything else (null, arrays, primitives).
 * @param value Any JSON value.
 */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function isCurrencyUnit(value: unknown): value is CurrencyUnit {
  return value === '元' || value === '万元';
}

/** The per-evaluation view of a document. */
export class DocumentContext {
  private readonly tableCache = new Map<string, TableView | Unavailable>();
  private readonly memoStore = new Map<string, unknown>();
  private readonly cellCache = new Map<RowView, Map<string, Quantity | Unavailable>>();
  private readonly figureCache = new Map<FigureView, Map<string, Quantity | Unavailable>>();
  private readonly amountCache = new Map<string, Quantity | Unavailable>();
  private figureList?: readonly FigureView[];

  /**
   * @param document The document as parsed from JSON: any value at all.
   */
  constructor(readonly document: unknown) {}

  /** The document's metadata object, if it has one. */
  get meta(): Readonly<Record<string, unknown>> | undefined {
    return asRecord(asRecord(this.document)?.meta);
  }

  /** The document's default currency unit, or 万元 if it declares none. */
  get defaultUnit(): CurrencyUnit {
    const unit = this.meta?.unit;
    return isCurrencyUnit(unit) ? unit : '万元';
  }

  /**
   * Memoises a computation for the life of this evaluation.
   * @param key A key unique to the computation and its inputs.
   * @param compute Computes the value on first use.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memoStore.has(key)) return this.memoStore.get(key) as T;
    const value = compute();
    this.memoStore.set(key, value);
    return value;
  }

  /** The performance-target tables (`/performance`), or undefined when the document has none. */
  performanceTables(): readonly unknown[] | undefined {
    const tables = asRecord(this.document)?.performance;
    return Array.isArray(tables) ? tables : undefined;
  }

  /** Roles of the tables the document has (objects only), in document order. */
  tableRoles(): string[] {
    const tables = asRecord(asRecord(this.document)?.tables);
    return tables ? Object.keys(tables).filter((role) => asRecord(tables[role]) !== undefined) : [];
  }

  /**
   * The table with this role, or why there is none.
   * @param role A table role.
   */
  table(role: string): TableView | Unavailable {
    let view = this.tableCache.get(role);
    if (view === undefined) {
      view = this.buildTable(role);
      this.tableCache.set(role, view);
    }
    return view;
  }

  /**
   * Whether the document prints the table with this role, read or not (a table whose values the
   * importer doubted is printed, but `table()` does not give it).
   * @param role A table role.
   */
  hasTable(role: string): boolean {
    return asRecord(asRecord(asRecord(this.document)?.tables)?.[role]) !== undefined;
  }

  /**
   * A printed table's label, title and line, read or not (a doubtful table included).
   * @param role A table role.
   */
  tableHeading(role: string): { readonly label?: string; readonly title?: string; readonly line?: number } | undefined {
    const raw = asRecord(asRecord(asRecord(this.document)?.tables)?.[role]);
    if (raw === undefined) return undefined;
    const label = asString(raw.label);
    const title = asString(raw.title);
    const line = asInteger(raw.line);
    return { ...(label !== undefined ? { label } : {}), ...(title !== undefined ? { title } : {}), ...(line !== undefined ? { line } : {}) };
  }

  /** The tables the source prints (meta.printedTables), in print order, when the importer listed them. */
  printedTables(): readonly { readonly role?: string; readonly kind?: string; readonly label?: string; readonly title?: string; readonly line?: number }[] | undefined {
    const list = this.meta?.printedTables;
    if (!Array.isArray(list)) return undefined;
    return list.flatMap((entry) => {
      const record = asRecord(entry);
      if (record === undefined) return [];
      const role = asString(record.role);
      const kind = asString(record.kind);
      const label = asString(record.label);
      const title = asString(record.title);
      const line = asInteger(record.line);
      return [
        {
          ...(role !== undefined ? { role } : {}),
          ...(kind !== undefined ? { kind } : {}),
          ...(label !== undefined ? { label } : {}),
          ...(title !== undefined ? { title } : {}),
          ...(line !== undefined ? { line } : {}),
        },
      ];
    });
  }

  private buildTable(role: string): TableView | Unavailable {
    const pointer = pointerOf('tables', role);
    const raw = asRecord(asRecord(asRecord(this.document)?.tables)?.[role]);
    if (raw === undefined) return missing(`文档中没有 ${role} 表`, pointer);
    const doubt = asString(raw.doubt);
    if (doubt !== undefined) return missing(`${asString(raw.label) ?? ''}《${asString(raw.title) ?? role}》的数值未能可靠读取（${doubt}）`, pointer);
    const columns: ColumnView[] = [];
    const rawColumns = Array.isArray(raw.columns) ? raw.columns : [];
    for (const column of rawColumns) {
      const record = asRecord(column);
      const id = asString(record?.id);
      if (record === undefined || id === undefined) continue;
      const type = record.type === 'text' || record.type === 'count' ? record.type : 'amount';
      columns.push({ id, header: asString(record.header) ?? id, type });
    }
    const rows: RowView[] = [];
    const rawRows = Array.isArray(raw.rows) ? raw.rows : [];
    rawRows.forEach((row, index) => {
      const record = asRecord(row);
      if (record === undefined) return;
      rows.push({
        index,
        pointer: `${pointer}/rows/${index}`,
        key: asString(record.key),
        code: asString(record.code),
        name: asString(record.name) ?? '',
        level: asInteger(record.level),
        group: asString(record.group),
        values: asRecord(record.values),
        line: asInteger(record.line),
      });
    });
    const label = asString(raw.label);
    const title = asString(raw.title);
    return {
      role,
      pointer,
      name: label && title ? `${label}《${title}》` : (label ?? title ?? role),
      ...(label !== undefined ? { label } : {}),
      unit: isCurrencyUnit(raw.unit) ? raw.unit : undefined,
      columns,
      rows,
      rowAt: new Map(rows.map((row) => [row.index, row])),
      note: asString(raw.note),
      withheld: asString(raw.withheld),
      line: asInteger(raw.line),
    };
  }

  /**
   * Reads one cell as a quantity in the table's unit: blank cells are blank quantities, text
   * where an amount belongs is `invalid`, an unknown column is `missing`.
   * @param table The table.
   * @param row The row.
   * @param columnId The column id.
   */
  cell(table: TableView, row: RowView, columnId: string): Quantity | Unavailable {
    // Cells are read many times per evaluation: cache per row, keyed by column (hot path).
    return cached(this.cellCache, row, columnId, () => this.readCell(table, row, columnId));
  }

  private readCell(table: TableView, row: RowView, columnId: string): Quantity | Unavailable {
    const pointer = cellPointer(row, columnId);
    const column = table.columns.find((candidate) => candidate.id === columnId);
    if (column === undefined) return notInLayout(`${table.name} 没有 ${columnId} 列`, `${table.pointer}/columns`);
    if (table.unit === undefined) return invalid(`${table.name} 的单位必须是“元”或“万元”`, `${table.pointer}/unit`);
    const raw = rawCell(row, columnId);
    // A blank cell is blank in the table's unit, count columns included (it prints no unit).
    if (raw === undefined || raw === null || raw === '') return blankQuantity(table.unit, pointer);
    return readAmount(raw, column.type === 'count' ? '个' : table.unit, pointer, () => `${table.name}“${row.name}”行 ${column.header} 列的值 ${preview(raw)} 不是数字`);
  }

  /**
   * Reads the amount at a pointer (below a scope item, e.g. a performance table's funds), once
   * per evaluation: an absent value is `missing`, otherwise as `readAmount`.
   * @param pointer Where the value is.
   * @param unit The unit it is printed in.
   */
  amountAt(pointer: string, unit: DisplayUnit): Quantity | Unavailable {
    const key = `${unit}${pointer}`;
    let value = this.amountCache.get(key);
    if (value === undefined) {
      const raw = resolvePointer(this.document, pointer);
      value = raw === undefined ? missing(`没有字段 ${pointer}`, pointer) : readAmount(raw, unit, pointer, () => `${pointer} 的值 ${preview(raw)} 不是数字`);
      this.amountCache.set(key, value);
    }
    return value;
  }

  /** Every figure stated in the narrative, in document order. */
  figures(): readonly FigureView[] {
    if (this.figureList === undefined) this.figureList = this.collectFigures();
    return this.figureList;
  }

  private collectFigures(): FigureView[] {
    const sections = asRecord(asRecord(this.document)?.narrative)?.sections;
    if (!Array.isArray(sections)) return [];
    const views: FigureView[] = [];
    sections.forEach((section, sectionIndex) => {
      const record = asRecord(section);
      const figures = record?.figures;
      if (!Array.isArray(figures)) return;
      figures.forEach((figure, index) => {
        const figureRecord = asRecord(figure);
        if (figureRecord === undefined) return;
        views.push({
          pointer: pointerOf('narrative', 'sections', sectionIndex, 'figures', index),
          sectionIndex,
          sectionId: asString(record?.id),
          index,
          figure: figureRecord,
          line: asInteger(figureRecord.line),
        });
      });
    });
    return views;
  }

  /**
   * A figure's stated value as a quantity. Units default by kind: money in the document's unit,
   * shares in %, counts in 个.
   * @param view The figure.
   * @param field Which field to read (value, percent or current).
   */
  figureQuantity(view: FigureView, field: 'value' | 'percent' | 'current' = 'value'): Quantity | Unavailable {
    return cached(this.figureCache, view, field, () => this.readFigure(view, field));
  }

  private readFigure(view: FigureView, field: 'value' | 'percent' | 'current'): Quantity | Unavailable {
    const pointer = `${view.pointer}/${field}`;
    const raw = view.figure[field];
    if (raw === undefined || raw === null) return missing(`数字 ${view.pointer} 没有 ${field}`, pointer);
    const unit = figureUnit(view.figure, field, this.defaultUnit);
    return printedQuantity(raw, unit, pointer) ?? invalid(`情况说明中的数字 ${preview(raw)} 不是数字`, pointer);
  }
}

/**
 * The raw value of a row's cell, from the row's own values only (a column id such as
 * "constructor" must not read an inherited property).
 * @param row The row.
 * @param columnId The column id.
 */
export function rawCell(row: RowView, columnId: string): unknown {
  return row.values !== undefined && Object.hasOwn(row.values, columnId) ? row.values[columnId] : undefined;
}

/**
 * The JSON Pointer of a row's cell (the column id escaped as RFC 6901 requires).
 * @param row The row.
 * @param columnId The column id.
 */
export function cellPointer(row: RowView, columnId: string): string {
  return `${row.pointer}/values/${escapeToken(columnId)}`;
}

/**
 * Reads a printed amount: null or "" is a blank quantity (0, but not printed as 0); a decimal
 * string or number is a printed quantity; anything else is `invalid`, with the message given.
 * @param raw The value as found in the document (not undefined).
 * @param unit The unit it is printed in.
 * @param pointer Where it is.
 * @param notANumber Says what is wrong, when it is not a number.
 */
export function readAmount(raw: unknown, unit: DisplayUnit, pointer: string, notANumber: () => string): Quantity | Unavailable {
  if (raw === null || raw === '') return blankQuantity(unit, pointer);
  // Why a value is not a quantity is worked out only when it is not one (cells are read often).
  return (
    printedQuantity(raw, unit, pointer) ??
    invalid(exceedsPrecision(raw) ? `${pointer} 的值 ${preview(raw)} 超过 ${MAX_SIGNIFICANT_DIGITS} 位有效数字，无法精确计算：请核对金额` : notANumber(), pointer)
  );
}

function cached<K, V>(store: Map<K, Map<string, V>>, owner: K, key: string, compute: () => V): V {
  let values = store.get(owner);
  if (values === undefined) {
    values = new Map();
    store.set(owner, values);
  }
  let value = values.get(key);
  if (value === undefined) {
    value = compute();
    values.set(key, value);
  }
  return value;
}

function figureUnit(figure: Readonly<Record<string, unknown>>, field: string, fallback: CurrencyUnit): DisplayUnit {
  if (field === 'percent') return '%';
  const unit = figure.unit;
  if (unit === '元' || unit === '万元' || unit === '%' || unit === '个') return unit;
  if (figure.kind === 'share') return '%';
  if (figure.kind === 'count') return '个';
  return fallback;
}
