/**
 * One rule as a form, for staff who do not write JSON: its title and message in both languages
 * (with the placeholders the message may use), severity, basis, tags, scope (tables, rows,
 * columns), its conditions as rows, and JSON for the rest. Every change is written into the rules
 * text by the host, exactly where it belongs, so it is checked as a typed edit would be; a change
 * of the text elsewhere refreshes the form (rebuilt only when the rule's shape changed).
 */
import { type JSONPath } from 'jsonc-parser';
import { fillTemplate } from '../../../engine/src/report/createFinding.js';
import { type UiStrings } from '../i18n/ui.js';
import { type RuleEntry, localized } from '../rules/ruleText.js';
import { SCOPE_KINDS, TABLE_ROLE_NAMES, placeholderLabel, placeholdersOf, scopeLabel, tableLabel } from '../rules/vocabulary.js';
import { type UiLanguage } from '../state/shareState.js';
import { conditionFields } from './form/conditionFields.js';
import { Binder, type FormHost, isRecord, valueAt } from './form/controls.js';

type Rule = Readonly<Record<string, unknown>>;

/** Keys the form has fields for; the others are edited as JSON. */
const HANDLED = new Set(['id', 'title', 'message', 'severity', 'basis', 'tags', 'scope', 'conditions', 'when']);
/** Scope kinds over tables (with tables, rows, columns). */
const TABLE_SCOPES = new Set(['table', 'row', 'column', 'cell']);
/** Scope keys with fields of their own; the others are edited as JSON. */
const SCOPE_HANDLED = new Set(['each', 'tables', 'rows', 'columns']);

function record(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

function pick(value: Rule, keep: (key: string) => boolean): Record<string, unknown> | undefined {
  const entries = Object.entries(value).filter(([key]) => keep(key));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** The structure a form is built for: it is rebuilt only when this changes. */
function shapeOf(rule: Rule, language: UiLanguage): string {
  const condition = (value: unknown): unknown => {
    if (!isRecord(value)) return typeof value;
    if (Array.isArray(value.all)) return ['all', value.all.map(condition)];
    if (Array.isArray(value.any)) return ['any', value.any.map(condition)];
    if ('not' in value) return ['not', condition(value.not)];
    return ['leaf', Object.keys(value).sort(), isRecord(value.value) && typeof value.value.fact === 'string'];
  };
  const scope = isRecord(rule.scope) ? [rule.scope.each, Object.keys(rule.scope).sort()] : undefined;
  return JSON.stringify([language, rule.id, Object.keys(rule).sort(), scope, condition(rule.conditions), 'when' in rule ? condition(rule.when) : undefined]);
}

/** The scope after choosing another kind: what still fits is kept, what a kind needs is given. */
function nextScope(previous: Readonly<Record<string, unknown>>, kind: string): Record<string, unknown> {
  const scope: Record<string, unknown> = { each: kind };
  if (TABLE_SCOPES.has(kind)) {
    const tables = Array.isArray(previous.tables) ? previous.tables : kind === 'table' ? undefined : [TABLE_ROLE_NAMES[0]];
    if (tables !== undefined) scope.tables = tables;
    if ((kind === 'row' || kind === 'cell') && previous.rows !== undefined) scope.rows = previous.rows;
    if ((kind === 'column' || kind === 'cell') && previous.columns !== undefined) scope.columns = previous.columns;
    return scope;
  }
  const own: Readonly<Record<string, string>> = { figure: 'figures', text: 'texts', performanceTable: 'printed', indicator: 'printed' };
  const key = own[kind];
  if (key !== undefined && previous[key] !== undefined) scope[key] = previous[key];
  return scope;
}

function words(text: string): string[] {
  return text.split(/[\s,，、]+/).filter((word) => word !== '');
}

/** The form of one rule. */
export class RuleForm {
  /** The form element (data-testid="rule-form"). */
  readonly element: HTMLFormElement;
  private binder?: Binder;
  private shape = '';
  private rule: Rule = {};
  private placeholders?: HTMLUListElement;
  private language: UiLanguage = 'zh-CN';

  /** @param host Writes the form's changes into the rules text. */
  constructor(private readonly host: FormHost) {
    this.element = document.createElement('form');
    this.element.className = 'rule-form';
    this.element.dataset.testid = 'rule-form';
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
    });
  }

  /**
   * Shows a rule: rebuilt when its shape changed, otherwise its fields refreshed (except the one being typed in).
   * @param entry The rule.
   * @param strings Interface strings.
   * @param language Interface language.
   */
  show(entry: RuleEntry, strings: UiStrings, language: UiLanguage): void {
    this.rule = entry.rule;
    this.language = language;
    const shape = shapeOf(entry.rule, language);
    if (shape === this.shape && this.binder !== undefined) {
      this.binder.refresh(entry.rule);
      this.showPlaceholders();
      return;
    }
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && this.element.contains(active) ? active.dataset.field : undefined;
    this.shape = shape;
    this.build(entry, strings, language);
    if (focused !== undefined) this.element.querySelector<HTMLElement>(`[data-field="${CSS.escape(focused)}"]`)?.focus();
  }

  private build(entry: RuleEntry, strings: UiStrings, language: UiLanguage): void {
    const binder = new Binder(strings.invalidJson);
    this.binder = binder;
    const host = this.host;
    const rule = entry.rule;
    this.element.replaceChildren();
    this.element.setAttribute('aria-label', fillTemplate(strings.ruleFormLabel, { id: entry.id }));
    const heading = document.createElement('h3');
    heading.textContent = entry.id;
    const hint = document.createElement('p');
    hint.className = 'form-hint';
    hint.textContent = strings.formHint;
    this.element.append(heading, hint);

    // Title and message, in both languages.
    const texts = document.createElement('div');
    texts.className = 'form-grid';
    for (const [key, zhLabel, enLabel] of [
      ['title', strings.fieldTitleZh, strings.fieldTitleEn],
      ['message', strings.fieldMessageZh, strings.fieldMessageEn],
    ] as const) {
      for (const [version, label] of [
        ['zh-CN', zhLabel],
        ['en', enLabel],
      ] as const) {
        const read = (current: Rule) => localized(current[key], version, false);
        const write = (value: string) => {
          host.setLocalized(key, version, value);
        };
        const control = key === 'title' ? binder.text(`${key}/${version}`, read, write) : binder.lines(`${key}/${version}`, read, write, 3);
        texts.append(binder.labelled(label, control));
      }
    }
    this.element.append(texts);
    const placeholderBox = document.createElement('div');
    placeholderBox.className = 'placeholders';
    const placeholderCaption = document.createElement('p');
    placeholderCaption.textContent = strings.placeholders;
    this.placeholders = document.createElement('ul');
    placeholderBox.append(placeholderCaption, this.placeholders);
    this.element.append(placeholderBox);

    // Severity, basis, tags.
    const severity = binder.select(
      'severity',
      (['error', 'warning', 'info'] as const).map(
        (value) => [value, language === 'zh-CN' ? `${strings.severity[value]}（${value}）` : strings.severity[value] === value ? value : `${strings.severity[value]} (${value})`] as const,
      ),
      (current) => (typeof current.severity === 'string' ? current.severity : ''),
      (value) => {
        host.set(['severity'], value);
      },
    );
    severity.dataset.testid = 'rule-severity';
    const basis = binder.lines(
      'basis',
      (current) => (Array.isArray(current.basis) ? current.basis.join('\n') : ''),
      (value) => {
        host.set(
          ['basis'],
          value.split('\n').filter((line) => line.trim() !== ''),
        );
      },
      3,
    );
    const tags = binder.text(
      'tags',
      (current) => (Array.isArray(current.tags) ? current.tags.join(' ') : ''),
      (value) => {
        const list = words(value);
        host.set(['tags'], list.length === 0 ? undefined : list);
      },
    );
    const meta = document.createElement('div');
    meta.className = 'form-grid';
    meta.append(binder.labelled(strings.fieldSeverity, severity), binder.labelled(strings.fieldTags, tags), binder.labelled(strings.fieldBasis, basis, 'wide'));
    this.element.append(meta);

    this.element.append(this.scopeFields(binder, rule, strings, language));

    let number = 0;
    const context = { binder, host, strings, language, next: () => ++number };
    for (const [key, legend] of [
      ['conditions', strings.conditions],
      ['when', strings.when],
    ] as const) {
      if (!(key in rule)) continue;
      const set = document.createElement('fieldset');
      set.className = 'conditions';
      const caption = document.createElement('legend');
      caption.textContent = legend;
      set.append(caption, conditionFields(context, [key], rule[key]));
      this.element.append(set);
    }

    // JSON for everything else (description, code, path, cases…).
    const rest = binder.json(
      'rest',
      (current) => pick(current, (key) => !HANDLED.has(key)),
      (value) => {
        this.writeKeys([], pick(this.rule, (key) => !HANDLED.has(key)) ?? {}, value);
      },
      { area: true, optional: true },
    );
    this.element.append(binder.labelled(strings.rest, rest, 'wide'));
    binder.refresh(rule);
    this.showPlaceholders();
  }

  private scopeFields(binder: Binder, rule: Rule, strings: UiStrings, language: UiLanguage): HTMLFieldSetElement {
    const host = this.host;
    const set = document.createElement('fieldset');
    set.className = 'scope';
    const legend = document.createElement('legend');
    legend.textContent = strings.scope;
    set.append(legend);
    const each = binder.select(
      'scope/each',
      [['', strings.scopeNone], ...SCOPE_KINDS.map((kind) => [kind, scopeLabel(kind, language)] as const)],
      (current) => {
        const value = valueAt(current, ['scope', 'each']);
        return typeof value === 'string' ? value : '';
      },
      (kind) => {
        host.set(['scope'], kind === '' ? undefined : nextScope(record(this.rule.scope), kind));
      },
    );
    set.append(binder.labelled(strings.scopeEach, each, 'inline'));
    const scope = record(rule.scope);
    const kind = typeof scope.each === 'string' ? scope.each : '';
    if (TABLE_SCOPES.has(kind)) {
      const tables = document.createElement('fieldset');
      tables.className = 'table-choices';
      const caption = document.createElement('legend');
      caption.textContent = strings.scopeTables;
      tables.append(caption);
      const chosen = (current: Rule) => {
        const value = valueAt(current, ['scope', 'tables']);
        return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      };
      const roles = [...TABLE_ROLE_NAMES, ...chosen(rule).filter((role) => !TABLE_ROLE_NAMES.includes(role))];
      for (const role of roles) {
        const box = binder.checkbox(
          `scope/tables/${role}`,
          (current) => chosen(current).includes(role),
          (checked) => {
            const list = chosen(this.rule).filter((item) => item !== role);
            if (checked) list.push(role);
            const ordered = roles.filter((item) => list.includes(item));
            host.set(['scope', 'tables'], ordered.length === 0 ? undefined : ordered);
          },
        );
        const label = document.createElement('label');
        label.className = 'choice';
        label.append(box, ` ${tableLabel(role, language)}`);
        label.title = role;
        tables.append(label);
      }
      set.append(tables);
    }
    if (kind === 'row' || kind === 'cell') {
      const rows = binder.json(
        'scope/rows',
        (current) => valueAt(current, ['scope', 'rows']),
        (value) => {
          host.set(['scope', 'rows'], value);
        },
        { optional: true },
      );
      set.append(binder.labelled(strings.scopeRows, rows, 'wide'));
    }
    if (kind === 'column' || kind === 'cell') {
      const columns = binder.text(
        'scope/columns',
        (current) => {
          const value = valueAt(current, ['scope', 'columns']);
          return Array.isArray(value) ? value.join(' ') : '';
        },
        (value) => {
          const list = words(value);
          host.set(['scope', 'columns'], list.length === 0 ? undefined : list);
        },
      );
      set.append(binder.labelled(strings.scopeColumns, columns, 'wide'));
    }
    if (kind !== '' && !TABLE_SCOPES.has(kind)) {
      const rest = binder.json(
        'scope/rest',
        (current) => pick(record(current.scope), (key) => !SCOPE_HANDLED.has(key)),
        (value) => {
          this.writeKeys(['scope'], pick(record(this.rule.scope), (key) => !SCOPE_HANDLED.has(key)) ?? {}, value);
        },
        { area: true, optional: true },
      );
      set.append(binder.labelled(strings.scopeRest, rest, 'wide'));
    }
    return set;
  }

  /** Writes the keys of an object that differ from what is there (a key left out is removed). */
  private writeKeys(base: JSONPath, before: Readonly<Record<string, unknown>>, after: unknown): void {
    const next = after === undefined ? {} : after;
    if (!isRecord(next)) return;
    for (const key of new Set([...Object.keys(before), ...Object.keys(next)])) {
      if (HANDLED.has(key) && base.length === 0) continue;
      if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) this.host.set([...base, key], next[key]);
    }
  }

  /** Lists the placeholders the message may use, marking those it uses. */
  private showPlaceholders(): void {
    if (this.placeholders === undefined) return;
    const message = `${localized(this.rule.message, 'zh-CN', false)} ${localized(this.rule.message, 'en', false)}`;
    this.placeholders.replaceChildren(
      ...placeholdersOf(this.rule).map((name) => {
        const item = document.createElement('li');
        if (message.includes(`{${name}}`)) item.className = 'used';
        const code = document.createElement('code');
        code.textContent = `{${name}}`;
        item.append(code, ` ${placeholderLabel(name, this.language)}`);
        return item;
      }),
    );
  }
}
