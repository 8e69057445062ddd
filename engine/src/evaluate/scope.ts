/**
 * Scope enumeration: the items a rule is applied to (tables, rows, columns, cells, figures,
 * share groups, performance tables), each with its own pointer so every failure is reported at
 * its own place. A rule without a scope has one item, the whole document.
 */
import { type DocumentContext, type FigureView, asRecord, cellPointer } from '../document/context.js';
import { pointerOf } from '../document/pointer.js';
import { type RowSelector, matchesFigure, matchesRow } from '../document/selectors.js';
import { isUnavailable } from '../document/unavailable.js';
import { type ScopeBinding, type ShareGroup } from '../facts/types.js';
import { type FigureSelector, type Scope, type TextKind } from '../rules/types.js';

/** A scope item with what a message may say about it. */
export interface ScopeItem {
  /** What facts see. */
  readonly binding: ScopeBinding;
  /** Message params describing the item (table, row, column, code, figure), computed when a finding needs them. */
  labels(): Readonly<Record<string, string>>;
  /** Source line of the item, when known. */
  readonly line?: number;
}

function figureLabels(view: FigureView): Record<string, string> {
  const text = typeof view.figure.text === 'string' ? view.figure.text : '';
  const key = typeof view.figure.key === 'string' ? view.figure.key : '';
  const subject = typeof view.figure.subject === 'string' ? view.figure.subject : key;
  const code = typeof view.figure.code === 'string' ? view.figure.code : '';
  return { figure: text, subject, code, key };
}

function* tableItems(context: DocumentContext, roles: readonly string[] | undefined): Generator<ScopeItem> {
  for (const role of roles ?? context.tableRoles()) {
    const table = context.table(role);
    if (isUnavailable(table)) continue;
    yield { binding: { pointer: table.pointer, table: role }, labels: () => ({ table: table.name }), line: table.line };
  }
}

function* rowItems(context: DocumentContext, roles: readonly string[], selector: RowSelector | undefined): Generator<ScopeItem> {
  for (const role of roles) {
    const table = context.table(role);
    if (isUnavailable(table)) continue;
    for (const row of table.rows) {
      if (selector !== undefined && !matchesRow(table, row, selector)) continue;
      yield {
        binding: { pointer: row.pointer, table: role, row: row.index },
        labels: () => ({ table: table.name, row: row.name, code: row.code ?? '' }),
        line: row.line ?? table.line,
      };
    }
  }
}

function* columnItems(context: DocumentContext, roles: readonly string[], columns: readonly string[] | undefined): Generator<ScopeItem> {
  for (const role of roles) {
    const table = context.table(role);
    if (isUnavailable(table)) continue;
    for (const [index, column] of table.columns.entries()) {
      if (column.type === 'text' || (columns !== undefined && !columns.includes(column.id))) continue;
      yield {
        binding: { pointer: `${table.pointer}/columns/${index}`, table: role, column: column.id },
        labels: () => ({ table: table.name, column: column.header }),
        line: table.line,
      };
    }
  }
}

function* cellItems(context: DocumentContext, roles: readonly string[], selector: RowSelector | undefined, columns: readonly string[] | undefined): Generator<ScopeItem> {
  for (const role of roles) {
    const table = context.table(role);
    if (isUnavailable(table)) continue;
    const amountColumns = table.columns.filter((column) => column.type !== 'text' && (columns === undefined || columns.includes(column.id)));
    for (const row of table.rows) {
      if (selector !== undefined && !matchesRow(table, row, selector)) continue;
      for (const column of amountColumns) {
        yield {
          binding: { pointer: cellPointer(row, column.id), table: role, row: row.index, column: column.id },
          labels: () => ({ table: table.name, row: row.name, code: row.code ?? '', column: column.header }),
          line: row.line ?? table.line,
        };
      }
    }
  }
}

function* figureItems(context: DocumentContext, selector: FigureSelector | undefined): Generator<ScopeItem> {
  for (const view of context.figures()) {
    if (!matchesFigure(view, selector)) continue;
    yield { binding: { pointer: view.pointer, figure: view, item: view.figure }, labels: () => figureLabels(view), line: view.line };
  }
}

function* shareGroupItems(context: DocumentContext): Generator<ScopeItem> {
  const groups = new Map<string, ShareGroup & { figures: FigureView[] }>();
  for (const view of context.figures()) {
    if (view.figure.kind !== 'share' || typeof view.figure.of !== 'string') continue;
    const id = `${view.sectionIndex}\u0000${view.figure.of}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { sectionIndex: view.sectionIndex, of: view.figure.of, figures: [] };
      groups.set(id, group);
    }
    group.figures.push(view);
  }
  for (const group of groups.values()) {
    // A lone share is not a breakdown of its whole (e.g. "项目支出占100%"): only groups of two or more.
    if (group.figures.length < 2) continue;
    const first = group.figures[0]!;
    yield {
      binding: { pointer: pointerOf('narrative', 'sections', group.sectionIndex), shareGroup: group },
      labels: () => ({ figure: group.figures.map((view) => String(view.figure.text ?? view.figure.value)).join('；'), of: group.of }),
      line: first.line,
    };
  }
}

/** A text field of a JSON object, or '' (for labels). */
function textField(fields: Readonly<Record<string, unknown>> | undefined, name: string): string {
  const value = fields?.[name];
  return typeof value === 'string' ? value : '';
}

function lineOf(fields: Readonly<Record<string, unknown>> | undefined): number | undefined {
  return typeof fields?.line === 'number' ? fields.line : undefined;
}

/**
 * Whether a form prints every field a rule needs: a form read from a PDF lists what it prints;
 * one without the list (built by hand, or read from the provincial template) prints every field.
 */
function printsAll(table: Readonly<Record<string, unknown>> | undefined, needed: readonly string[] | undefined): boolean {
  const printed = table?.printed;
  return needed === undefined || !Array.isArray(printed) || needed.every((field) => printed.includes(field));
}

function* performanceItems(context: DocumentContext, needed?: readonly string[]): Generator<ScopeItem> {
  for (const [index, table] of (context.performanceTables() ?? []).entries()) {
    const fields = asRecord(table);
    if (!printsAll(fields, needed)) continue;
    yield {
      binding: { pointer: pointerOf('performance', index), performance: index, item: table },
      labels: () => ({ project: textField(fields, 'project') }),
      line: lineOf(fields),
    };
  }
}

function* indicatorItems(context: DocumentContext, needed?: readonly string[]): Generator<ScopeItem> {
  for (const [index, table] of (context.performanceTables() ?? []).entries()) {
    if (!printsAll(asRecord(table), needed)) continue;
    const indicators = asRecord(table)?.indicators;
    if (!Array.isArray(indicators)) continue;
    const project = textField(asRecord(table), 'project');
    for (const [position, indicator] of indicators.entries()) {
      const fields = asRecord(indicator);
      if (fields === undefined) continue;
      yield {
        binding: { pointer: pointerOf('performance', index, 'indicators', position), performance: index, indicator: position, item: indicator },
        labels: () => ({ project, indicator: textField(fields, 'level3'), level1: textField(fields, 'level1'), level2: textField(fields, 'level2'), value: textField(fields, 'value') }),
        line: lineOf(fields),
      };
    }
  }
}

const PERFORMANCE_TEXTS = ['project', 'department', 'implementingUnit', 'attribute', 'period', 'overview', 'basis', 'necessity', 'measures', 'plan', 'filledAt'];
const ALL_TEXTS: readonly TextKind[] = ['narrative', 'sections', 'performance', 'indicators', 'tables'];

/** A text as a scope item (a class, so its labels need no closure per text). */
class TextItem implements ScopeItem {
  readonly binding: ScopeBinding;

  constructor(pointer: string, text: string) {
    this.binding = { pointer, text };
  }

  labels(): Readonly<Record<string, string>> {
    return { text: excerpt(this.binding.text ?? '') };
  }
}

function addStrings(into: ScopeItem[], owner: unknown, fields: readonly string[], pointer: string): void {
  const values = asRecord(owner);
  if (values === undefined) return;
  for (const field of fields) {
    const value = values[field];
    if (typeof value === 'string' && value.trim() !== '') into.push(new TextItem(`${pointer}/${field}`, value));
  }
}

/** The texts of one kind, as scope items (plain loops: this runs for every text of every document). */
function textsOf(document: unknown, kind: TextKind): ScopeItem[] {
  const root = asRecord(document);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const items: ScopeItem[] = [];
  if (kind === 'narrative') {
    list(asRecord(root?.narrative)?.sections).forEach((section, index) => {
      addStrings(items, section, ['heading', 'text'], `/narrative/sections/${index}`);
    });
  } else if (kind === 'sections') {
    const sections = asRecord(root?.sections);
    for (const name of ['duties', 'organisation']) addStrings(items, sections?.[name], ['heading', 'text'], `/sections/${name}`);
    list(sections?.other).forEach((entry, index) => {
      addStrings(items, entry, ['heading', 'text'], `/sections/other/${index}`);
    });
    list(sections?.glossary).forEach((entry, index) => {
      addStrings(items, entry, ['definition'], `/sections/glossary/${index}`);
    });
  } else if (kind === 'performance') {
    list(root?.performance).forEach((table, index) => {
      addStrings(items, table, PERFORMANCE_TEXTS, `/performance/${index}`);
      addStrings(items, asRecord(table)?.goals, ['whole', 'annual'], `/performance/${index}/goals`);
    });
  } else if (kind === 'projects') {
    list(asRecord(root?.narrative)?.sections).forEach((section, index) => {
      list(asRecord(section)?.projects).forEach((name, position) => {
        if (typeof name === 'string' && name.trim() !== '') items.push(new TextItem(`/narrative/sections/${index}/projects/${position}`, name));
      });
    });
  } else if (kind === 'indicators') {
    list(root?.performance).forEach((table, index) => {
      list(asRecord(table)?.indicators).forEach((indicator, position) => {
        addStrings(items, indicator, ['level3', 'value'], `/performance/${index}/indicators/${position}`);
      });
    });
  } else {
    for (const [role, table] of Object.entries(asRecord(root?.tables) ?? {})) {
      const pointer = pointerOf('tables', role);
      addStrings(items, table, ['title', 'note'], pointer);
      list(asRecord(table)?.rows).forEach((row, index) => {
        addStrings(items, row, ['name'], `${pointer}/rows/${index}`);
      });
    }
  }
  return items;
}

/** A text as a message shows it: one line, at most 60 characters. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/**
 * A text as a message shows it around what a pattern found in it: the found words with some
 * before and after, so that a long section's message quotes the place, not its beginning.
 * @param text The text.
 * @param found What was found (its first occurrence is shown).
 */
export function excerptAround(text: string, found: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const words = found.replace(/\s+/g, ' ').trim();
  const at = words === '' ? -1 : line.indexOf(words);
  if (line.length <= 60 || at < 0) return excerpt(text);
  const start = Math.max(0, at - 20);
  const end = Math.min(line.length, Math.max(at + words.length, start + 60));
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}

function textItems(context: DocumentContext, kinds: readonly TextKind[] | undefined): readonly ScopeItem[] {
  const wanted = kinds ?? ALL_TEXTS;
  // Several rules visit the same texts: collect them once per document and kinds.
  if (wanted.length === 1) return context.memo(`texts:${wanted[0]!}`, () => textsOf(context.document, wanted[0]!));
  return context.memo(`texts:${wanted.join(',')}`, () => {
    const items: ScopeItem[] = [];
    for (const kind of wanted) for (const item of context.memo(`texts:${kind}`, () => textsOf(context.document, kind))) items.push(item);
    return items;
  });
}

/**
 * The items a scope covers in a document, in document order.
 * @param context The document.
 * @param scope The rule's scope, or undefined for the whole document.
 */
export function scopeItems(context: DocumentContext, scope: Scope | undefined): readonly ScopeItem[] {
  // Rules with the same scope share its items, and so what facts cache per item (bindings are
  // per document: facts key caches on them).
  if (scope === undefined) return context.memo('scope:document', () => [{ binding: { pointer: '', item: context.document }, labels: () => ({}) }]);
  return context.memo(`scope:${JSON.stringify(scope)}`, () => collectItems(context, scope));
}

function collectItems(context: DocumentContext, scope: Scope): readonly ScopeItem[] {
  switch (scope.each) {
    case 'table':
      return [...tableItems(context, scope.tables)];
    case 'row':
      return [...rowItems(context, scope.tables, scope.rows)];
    case 'column':
      return [...columnItems(context, scope.tables, scope.columns)];
    case 'cell':
      return [...cellItems(context, scope.tables, scope.rows, scope.columns)];
    case 'figure':
      return [...figureItems(context, scope.figures)];
    case 'shareGroup':
      return [...shareGroupItems(context)];
    case 'performanceTable':
      return [...performanceItems(context, scope.printed)];
    case 'indicator':
      return [...indicatorItems(context, scope.printed)];
    case 'text':
      return textItems(context, scope.texts);
  }
}
