/**
 * The document as it was published, for staff who do not read JSON: each table as a grid with its
 * label, title and unit, its note, the narrative as headed paragraphs, and the performance tables
 * by project. Every cell and paragraph carries the JSON Pointer of what it shows, so that a
 * finding can highlight its place here (the nearest shown ancestor of its pointer).
 */
import { pointerOf } from '../../../engine/src/document/pointer.js';

interface TableLike {
  readonly label?: string;
  readonly title?: string;
  readonly unit?: string;
  readonly note?: string;
  readonly columns?: readonly { readonly id: string; readonly header?: string }[];
  readonly rows?: readonly { readonly code?: string; readonly name?: string; readonly values?: Readonly<Record<string, unknown>> }[];
}

interface SectionLike {
  readonly heading?: string;
  readonly text?: string;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content = '', pointer?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (content !== '') node.textContent = content;
  if (pointer !== undefined) {
    node.dataset.testid = 'doc-cell';
    node.dataset.pointer = pointer;
  }
  return node;
}

/** The document view. */
export class DocumentView {
  private selected?: HTMLElement;

  /** @param root The element to fill (data-testid="document-view"). */
  constructor(private readonly root: HTMLElement) {}

  /**
   * Shows a document (any JSON value: what is not a disclosure shows nothing).
   * @param value The parsed document.
   * @param labels Headings in the interface language.
   */
  render(value: unknown, labels: { readonly tables: string; readonly narrative: string; readonly performance: string; readonly unit: string; readonly item: string }): void {
    this.selected = undefined;
    this.root.replaceChildren();
    if (value === null || typeof value !== 'object') return;
    const documentValue = value as { tables?: Record<string, TableLike>; narrative?: { sections?: readonly SectionLike[] }; performance?: readonly { project?: string }[] };
    const tables = Object.entries(documentValue.tables ?? {});
    if (tables.length > 0) this.root.append(element('h3', 'view-heading', labels.tables));
    for (const [role, table] of tables) {
      const pointer = pointerOf('tables', role);
      const figure = element('figure', 'view-table', '', pointer);
      const caption = element('figcaption', '', `${text(table.label)} ${text(table.title)}`.trim());
      if (table.unit !== undefined) caption.append(element('span', 'view-unit', ` ${labels.unit}${text(table.unit)}`));
      figure.append(caption);
      const grid = element('table', '');
      // A grid: its cells may be selected (aria-selected is for gridcells and rows).
      grid.setAttribute('role', 'grid');
      grid.setAttribute('aria-readonly', 'true');
      const head = element('tr', '');
      head.append(element('th', '', labels.item), ...(table.columns ?? []).map((column) => element('th', '', text(column.header) || column.id)));
      grid.append(element('thead', ''));
      grid.tHead!.append(head);
      const body = element('tbody', '');
      (table.rows ?? []).forEach((row, index) => {
        const rowPointer = pointerOf('tables', role, 'rows', index);
        const line = element('tr', '', '', rowPointer);
        line.append(element('th', '', `${row.code !== undefined ? `${row.code} ` : ''}${text(row.name)}`));
        for (const column of table.columns ?? []) line.append(element('td', '', text(row.values?.[column.id]), pointerOf('tables', role, 'rows', index, 'values', column.id)));
        body.append(line);
      });
      grid.append(body);
      figure.append(grid);
      if (table.note !== undefined) figure.append(element('p', 'view-note', text(table.note), pointerOf('tables', role, 'note')));
      this.root.append(figure);
    }
    const sections = documentValue.narrative?.sections ?? [];
    if (sections.length > 0) this.root.append(element('h3', 'view-heading', labels.narrative));
    sections.forEach((section, index) => {
      const block = element('section', 'view-section', '', pointerOf('narrative', 'sections', index));
      block.append(element('h4', '', text(section.heading)), element('p', '', text(section.text)));
      this.root.append(block);
    });
    const performance = documentValue.performance ?? [];
    if (performance.length > 0) {
      this.root.append(element('h3', 'view-heading', labels.performance));
      const list = element('ol', 'view-performance');
      performance.forEach((form, index) => {
        list.append(element('li', '', text(form.project), pointerOf('performance', index)));
      });
      this.root.append(list);
    }
  }

  /**
   * Highlights the place of a pointer: its own cell, or the nearest ancestor shown.
   * @param pointer A finding's JSON Pointer.
   * @returns Whether a place was found.
   */
  select(pointer: string): boolean {
    this.selected?.removeAttribute('aria-selected');
    this.selected?.removeAttribute('aria-current');
    this.selected = undefined;
    const cells = new Map([...this.root.querySelectorAll<HTMLElement>('[data-pointer]')].map((cell) => [cell.dataset.pointer!, cell]));
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const cell = cells.get(at);
      if (cell !== undefined) {
        // Cells and rows of a grid are selected; other places (a note, a section) are the current one.
        cell.setAttribute(cell.tagName === 'TD' || cell.tagName === 'TR' ? 'aria-selected' : 'aria-current', 'true');
        cell.scrollIntoView({ block: 'center' });
        this.selected = cell;
        return true;
      }
      if (at === '') return false;
    }
  }
}
