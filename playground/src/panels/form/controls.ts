/**
 * The controls of the rule form, each bound to one place in the rule: it shows the value found
 * there, writes what is typed back through the form's host, and is refreshed when the rules text
 * changes elsewhere (never while it has the focus, so typing is not disturbed). JSON fields write
 * only once their text is valid JSON, and say so meanwhile.
 */
import { type JSONPath } from 'jsonc-parser';

/** A form control. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the form asks of the page. */
export interface FormHost {
  /** Sets a value of the rule (undefined removes it). */
  set(path: JSONPath, value: unknown): void;
  /** Appends an item to an array of the rule. */
  append(path: JSONPath, value: unknown): void;
  /** Sets one language of the rule's title or message. */
  setLocalized(key: 'title' | 'message', language: 'zh-CN' | 'en', value: string): void;
}

type Rule = Readonly<Record<string, unknown>>;

interface Binding {
  readonly control: Control;
  /** The control's value for a rule (a checkbox: whether it is checked). */
  readonly read: (rule: Rule) => string | boolean;
}

/** The value at a path of a JSON value, or undefined. */
export function valueAt(value: unknown, path: JSONPath): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** Whether a value is a JSON object (not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value as a field shows it: compact on one line, or indented in a text area. */
export function jsonText(value: unknown, indent = false): string {
  return value === undefined ? '' : JSON.stringify(value, null, indent ? 2 : undefined);
}

let nextId = 0;

/** Makes and keeps the bound controls of one form. */
export class Binder {
  private readonly bindings: Binding[] = [];

  /** @param invalidText What a field with malformed JSON says. */
  constructor(private readonly invalidText: string) {}

  /** Updates every control that does not have the focus to a rule's values. */
  refresh(rule: Rule): void {
    for (const { control, read } of this.bindings) {
      if (control === document.activeElement) continue;
      const value = read(rule);
      if (typeof value === 'boolean' && control instanceof HTMLInputElement) control.checked = value;
      else if (typeof value === 'string' && control instanceof HTMLSelectElement) Binder.keep(control, value);
      else if (typeof value === 'string' && control.value !== value) control.value = value;
      this.setInvalid(control, false);
    }
  }

  /**
   * A control with its visible label (the label wraps it).
   * @param text The label.
   * @param control The control.
   * @param className Extra class of the label.
   */
  labelled(text: string, control: Control, className = ''): HTMLLabelElement {
    const label = document.createElement('label');
    label.className = `field ${className}`.trim();
    const caption = document.createElement('span');
    caption.className = 'field-label';
    caption.textContent = text;
    label.append(caption, control);
    return label;
  }

  private bind<T extends Control>(control: T, field: string, read: (rule: Rule) => string | boolean): T {
    control.dataset.field = field;
    this.bindings.push({ control, read });
    return control;
  }

  /**
   * A one-line text field.
   * @param field Its key (kept across rebuilds, for the focus).
   * @param read Its value in a rule.
   * @param write Writes what is typed.
   */
  text(field: string, read: (rule: Rule) => string, write: (value: string) => void): HTMLInputElement {
    const input = document.createElement('input');
    input.type = 'text';
    input.addEventListener('input', () => {
      write(input.value);
    });
    return this.bind(input, field, read);
  }

  /** A text area (lines of text). */
  lines(field: string, read: (rule: Rule) => string, write: (value: string) => void, rows = 2): HTMLTextAreaElement {
    const area = document.createElement('textarea');
    area.rows = rows;
    area.addEventListener('input', () => {
      write(area.value);
    });
    return this.bind(area, field, read);
  }

  /**
   * A field holding JSON: written once it parses; an empty field writes undefined when allowed.
   * @param field Its key.
   * @param read The value in a rule.
   * @param write Writes the parsed value.
   * @param options Whether it is a text area, and whether it may be empty.
   */
  json(field: string, read: (rule: Rule) => unknown, write: (value: unknown) => void, options: { area?: boolean; optional?: boolean } = {}): Control {
    const control: HTMLInputElement | HTMLTextAreaElement = options.area === true ? document.createElement('textarea') : document.createElement('input');
    if (control instanceof HTMLInputElement) control.type = 'text';
    else control.rows = 4;
    control.spellcheck = false;
    control.classList.add('json');
    control.addEventListener('input', () => {
      const text = control.value.trim();
      if (text === '' && options.optional === true) {
        this.setInvalid(control, false);
        write(undefined);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        this.setInvalid(control, true);
        return;
      }
      this.setInvalid(control, false);
      write(value);
    });
    return this.bind(control, field, (rule) => jsonText(read(rule), options.area === true));
  }

  /**
   * A drop-down list.
   * @param field Its key.
   * @param options Values and labels (the current value is added when it is not among them).
   * @param read The value in a rule.
   * @param write Writes the choice.
   */
  select(field: string, options: readonly (readonly [value: string, label: string])[], read: (rule: Rule) => string, write: (value: string) => void): HTMLSelectElement {
    const select = document.createElement('select');
    for (const [value, label] of options) select.append(new Option(label, value));
    select.addEventListener('change', () => {
      write(select.value);
    });
    return this.bind(select, field, read);
  }

  /** Adds an option for a value the list does not offer (a name typed in the JSON), so it shows as it is. */
  static keep(select: HTMLSelectElement, value: string): void {
    if (![...select.options].some((option) => option.value === value)) select.append(new Option(value, value));
    select.value = value;
  }

  /** A check box. */
  checkbox(field: string, read: (rule: Rule) => boolean, write: (checked: boolean) => void): HTMLInputElement {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.addEventListener('change', () => {
      write(box.checked);
    });
    return this.bind(box, field, read);
  }

  /** Marks a field as holding malformed JSON (and says so), or clears the mark. */
  private setInvalid(control: Control, invalid: boolean): void {
    const describedBy = control.getAttribute('aria-describedby');
    if (!invalid) {
      control.removeAttribute('aria-invalid');
      if (describedBy !== null) document.getElementById(describedBy)?.remove();
      control.removeAttribute('aria-describedby');
      return;
    }
    control.setAttribute('aria-invalid', 'true');
    if (describedBy !== null) return;
    const note = document.createElement('span');
    note.className = 'field-error';
    note.id = `field-error-${nextId++}`;
    note.textContent = this.invalidText;
    control.setAttribute('aria-describedby', note.id);
    control.after(note);
  }
}
