/**
 * The rules panel, beside the rules editor (loaded when it is first opened): the pack as a
 * searchable list (title, severity, tags, basis, and a switch that leaves a rule out of the
 * check), the chosen rule as a form, and new rules from templates. The list is one stop of the Tab
 * key; the arrow keys move within it (up and down between rules, left and right between a rule
 * and its switch). Everything it changes is written into the rules text through the host.
 */
import { fillTemplate } from '../../../engine/src/report/createFinding.js';
import { type TextRange } from '../editor/pointerToRange.js';
import { type UiStrings } from '../i18n/ui.js';
import { type RuleEntry, type TextEdit, appendInRule, appendRule, localized, readRules, setInRule, setLocalized } from '../rules/ruleText.js';
import { TEMPLATES, type RuleTemplate, ruleFromTemplate } from '../rules/templates.js';
import { type UiLanguage } from '../state/shareState.js';
import { type FormHost } from './form/controls.js';
import { RuleForm } from './ruleForm.js';

/** What the panel asks of the page. */
export interface RulesHost {
  /** The rules text. */
  text(): string;
  /** Applies edits made on the current rules text (as typing them would). */
  edit(edits: readonly TextEdit[]): void;
  /** Scrolls the rules editor to a range (the focus stays where it is). */
  show(range: TextRange): void;
  /** Whether a rule is switched on. */
  enabled(ruleId: string): boolean;
  /** Switches a rule on or off (off: it is left out of the check). */
  setEnabled(ruleId: string, on: boolean): void;
  /** A rule was chosen in the list. */
  chosen(ruleId: string): void;
  /** A rule was added from a template. */
  added(ruleId: string): void;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** Keys that move within the list or the template menu. */
const MOVES = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** The rules panel. */
export class RulesPanel {
  private readonly search: HTMLInputElement;
  private readonly newRule: HTMLButtonElement;
  private readonly menu: HTMLUListElement;
  private readonly count: HTMLParagraphElement;
  private readonly list: HTMLUListElement;
  private readonly formArea: HTMLElement;
  private readonly form: RuleForm;
  private entries: RuleEntry[] = [];
  private broken = false;
  private readText?: string;
  private selectedId?: string;
  private selectedIndex?: number;
  /** The rule whose buttons take the Tab key into the list. */
  private current?: string;
  private uid = 0;

  /**
   * @param root The element to fill (data-testid="rules-view").
   * @param host The page.
   * @param strings Interface strings.
   * @param language Interface language.
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly host: RulesHost,
    private strings: UiStrings,
    private language: UiLanguage,
  ) {
    const browser = document.createElement('div');
    browser.className = 'rule-browser';
    const tools = document.createElement('div');
    tools.className = 'rule-tools';
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.dataset.testid = 'rule-search';
    this.search.addEventListener('input', () => {
      this.renderList();
    });
    this.newRule = document.createElement('button');
    this.newRule.type = 'button';
    this.newRule.dataset.testid = 'new-rule';
    this.newRule.setAttribute('aria-expanded', 'false');
    this.menu = document.createElement('ul');
    this.menu.className = 'template-menu';
    this.menu.id = 'rule-templates';
    this.menu.hidden = true;
    this.newRule.setAttribute('aria-controls', this.menu.id);
    this.newRule.addEventListener('click', () => {
      this.openMenu(this.menu.hidden);
    });
    this.menu.addEventListener('keydown', (event) => {
      this.menuKey(event);
    });
    tools.append(this.search, this.newRule, this.menu);
    this.count = document.createElement('p');
    this.count.className = 'rule-count';
    this.count.setAttribute('role', 'status');
    this.list = document.createElement('ul');
    this.list.className = 'rule-list';
    this.list.dataset.testid = 'rule-list';
    this.list.addEventListener('keydown', (event) => {
      this.listKey(event);
    });
    this.list.addEventListener('focusin', (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="rule-item"]');
      if (item?.dataset.ruleId !== undefined) this.rove(item.dataset.ruleId);
    });
    browser.append(tools, this.count, this.list);
    this.formArea = document.createElement('div');
    this.formArea.className = 'rule-form-area';
    this.form = new RuleForm(this.formHost());
    root.append(browser, this.formArea);
    this.localize(strings, language);
  }

  /** The form's edits, made on the chosen rule in the current text. */
  private formHost(): FormHost {
    return {
      set: (path, value) => {
        this.editRule((text, entry) => setInRule(text, entry.index, path, value));
      },
      append: (path, value) => {
        this.editRule((text, entry) => appendInRule(text, entry.index, path, value));
      },
      setLocalized: (key, language, value) => {
        this.editRule((text, entry) => setLocalized(text, entry.index, key, entry.rule[key], language, value));
      },
    };
  }

  private editRule(make: (text: string, entry: RuleEntry) => TextEdit[]): void {
    const text = this.read();
    const entry = this.selected();
    if (entry === undefined) return;
    const edits = make(text, entry);
    if (edits.length > 0) this.host.edit(edits);
  }

  /** Reads the rules text (once per change of it). */
  private read(): string {
    const text = this.host.text();
    if (text !== this.readText) {
      const { rules, broken } = readRules(text);
      this.broken = broken;
      // A text broken before its rules keeps the last list on screen (with a note).
      if (rules.length > 0 || !broken) this.entries = rules;
      this.readText = text;
    }
    return text;
  }

  private selected(): RuleEntry | undefined {
    const byId = this.entries.find((entry) => entry.id === this.selectedId);
    if (byId !== undefined || this.selectedIndex === undefined) return byId;
    // Its id was changed in the text: it is the rule at the same place.
    const byIndex = this.entries.find((entry) => entry.index === this.selectedIndex);
    if (byIndex !== undefined) this.selectedId = byIndex.id;
    return byIndex;
  }

  /**
   * Sets the interface strings and language (and redraws).
   * @param strings Interface strings.
   * @param language Interface language.
   */
  localize(strings: UiStrings, language: UiLanguage): void {
    this.strings = strings;
    this.language = language;
    this.search.placeholder = strings.ruleSearch;
    this.search.setAttribute('aria-label', strings.ruleSearch);
    this.newRule.textContent = `+ ${strings.newRule}`;
    this.menu.setAttribute('aria-label', strings.templates);
    this.list.setAttribute('aria-label', strings.ruleList);
    this.menu.replaceChildren(
      ...TEMPLATES.map((template) => {
        const item = document.createElement('li');
        const choose = document.createElement('button');
        choose.type = 'button';
        choose.dataset.testid = 'rule-template';
        choose.dataset.template = template.id;
        choose.textContent = template.name[language];
        choose.addEventListener('click', () => {
          this.addFromTemplate(template);
        });
        item.append(choose);
        return item;
      }),
    );
    this.update();
  }

  /** Reads the rules text again and redraws the list and the form. */
  update(): void {
    this.read();
    this.renderList();
    this.renderForm();
  }

  private renderList(): void {
    const focused = document.activeElement instanceof HTMLElement && this.list.contains(document.activeElement) ? document.activeElement : undefined;
    const focusedRule = focused?.closest<HTMLElement>('[data-testid="rule-item"]')?.dataset.ruleId;
    const focusedSwitch = focused?.getAttribute('role') === 'switch';
    const scroll = this.list.scrollTop;
    const words = this.search.value.trim().toLowerCase();
    const shown = this.entries.filter((entry) => words === '' || this.searchText(entry).includes(words));
    if (this.current === undefined || !shown.some((entry) => entry.id === this.current)) this.current = this.selectedId ?? shown[0]?.id;
    this.list.replaceChildren(...shown.map((entry) => this.item(entry)));
    this.list.scrollTop = scroll;
    const total = this.entries.length;
    const counted = shown.length === total ? fillTemplate(this.strings.ruleCount, { total }) : fillTemplate(this.strings.ruleCountFiltered, { shown: shown.length, total });
    this.count.textContent = this.broken ? `${counted} · ${this.strings.rulesUnreadable}` : counted;
    if (focusedRule !== undefined) this.focusRule(focusedRule, focusedSwitch);
  }

  private searchText(entry: RuleEntry): string {
    const rule = entry.rule;
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
    const parts = [entry.id, localized(rule.title, 'zh-CN'), localized(rule.title, 'en'), ...list(rule.tags), ...list(rule.basis)];
    return parts.map(String).join(' ').toLowerCase();
  }

  private item(entry: RuleEntry): HTMLLIElement {
    const rule = entry.rule;
    const severity = rule.severity === 'warning' || rule.severity === 'info' ? rule.severity : 'error';
    const on = this.host.enabled(entry.id);
    const item = document.createElement('li');
    item.className = `rule-item severity-${severity}${on ? '' : ' rule-off'}`;
    item.dataset.testid = 'rule-item';
    item.dataset.ruleId = entry.id;
    item.dataset.severity = severity;
    item.dataset.enabled = String(on);
    const roving = entry.id === this.current ? 0 : -1;
    const choose = document.createElement('button');
    choose.type = 'button';
    choose.className = 'rule-choose';
    choose.tabIndex = roving;
    if (entry.id === this.selectedId) choose.setAttribute('aria-current', 'true');
    const titleId = `rule-title-${this.uid++}`;
    const title = span('rule-title', localized(rule.title, this.language) || entry.id);
    title.id = titleId;
    const tags = Array.isArray(rule.tags) ? rule.tags.map(String).join(' ') : '';
    const meta = span('rule-meta', '');
    meta.append(span('badge', this.strings.severity[severity]), ` · ${entry.id}${tags === '' ? '' : ` · ${tags}`}${on ? '' : ` · ${this.strings.ruleOffMark}`}`);
    choose.append(title, meta);
    if (Array.isArray(rule.basis) && rule.basis.length > 0) choose.append(span('rule-basis', rule.basis.map(String).join('；')));
    choose.addEventListener('click', () => {
      this.choose(entry.id);
    });
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'rule-switch';
    toggle.dataset.testid = 'rule-switch';
    toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', String(on));
    toggle.tabIndex = roving;
    const switchText = span('', this.strings.ruleSwitch);
    switchText.id = `rule-switch-${this.uid++}`;
    toggle.append(switchText);
    toggle.setAttribute('aria-labelledby', `${switchText.id} ${titleId}`);
    toggle.addEventListener('click', () => {
      this.host.setEnabled(entry.id, !this.host.enabled(entry.id));
      this.renderList();
    });
    item.append(choose, toggle);
    return item;
  }

  private choose(ruleId: string): void {
    this.selectedId = ruleId;
    this.current = ruleId;
    const entry = this.selected();
    this.selectedIndex = entry?.index;
    this.renderList();
    this.renderForm();
    if (entry !== undefined) this.host.show({ offset: entry.offset, length: entry.length, exact: true });
    this.host.chosen(ruleId);
  }

  private renderForm(): void {
    const entry = this.selected();
    if (entry === undefined) {
      const note = document.createElement('p');
      note.className = 'form-note';
      note.textContent = this.strings.noRuleChosen;
      this.formArea.replaceChildren(note);
      return;
    }
    this.form.show(entry, this.strings, this.language);
    if (this.form.element.parentElement !== this.formArea) this.formArea.replaceChildren(this.form.element);
  }

  /** Makes a rule's buttons the list's Tab stop. */
  private rove(ruleId: string): void {
    if (this.current === ruleId) return;
    this.current = ruleId;
    for (const item of this.list.querySelectorAll<HTMLElement>('[data-testid="rule-item"]')) {
      for (const button of item.querySelectorAll('button')) button.tabIndex = item.dataset.ruleId === ruleId ? 0 : -1;
    }
  }

  private focusRule(ruleId: string, toSwitch: boolean): void {
    const item = [...this.list.querySelectorAll<HTMLElement>('[data-testid="rule-item"]')].find((candidate) => candidate.dataset.ruleId === ruleId);
    const target = item?.querySelector<HTMLElement>(toSwitch ? '.rule-switch' : '.rule-choose');
    if (target === undefined || target === null) return;
    this.rove(ruleId);
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  private listKey(event: KeyboardEvent): void {
    if (!MOVES.has(event.key)) return;
    const target = event.target as HTMLElement;
    const item = target.closest<HTMLElement>('[data-testid="rule-item"]');
    if (item === null) return;
    event.preventDefault();
    const onSwitch = target.getAttribute('role') === 'switch';
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      this.focusRule(item.dataset.ruleId!, event.key === 'ArrowRight');
      return;
    }
    const items = [...this.list.querySelectorAll<HTMLElement>('[data-testid="rule-item"]')];
    const at = items.indexOf(item);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), items.length - 1);
    this.focusRule(items[next]!.dataset.ruleId!, onSwitch);
  }

  private openMenu(open: boolean): void {
    this.menu.hidden = !open;
    this.newRule.setAttribute('aria-expanded', String(open));
    if (open) this.menu.querySelector('button')?.focus();
  }

  private menuKey(event: KeyboardEvent): void {
    const buttons = [...this.menu.querySelectorAll('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.openMenu(false);
      this.newRule.focus();
    } else if (MOVES.has(event.key) && at >= 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + step + buttons.length) % buttons.length;
      buttons[next]!.focus();
    }
  }

  private addFromTemplate(template: RuleTemplate): void {
    const text = this.read();
    const rule = ruleFromTemplate(template, new Set(this.entries.map((entry) => entry.id)));
    const id = String(rule.id);
    this.host.edit(appendRule(text, rule));
    this.openMenu(false);
    this.search.value = '';
    this.selectedId = id;
    this.current = id;
    this.read();
    this.selectedIndex = this.selected()?.index;
    this.renderList();
    this.renderForm();
    this.focusRule(id, false);
    const entry = this.selected();
    if (entry !== undefined) this.host.show({ offset: entry.offset, length: entry.length, exact: true });
    this.host.added(id);
  }

  /** Empties the panel. */
  unmount(): void {
    this.root.replaceChildren();
  }
}
