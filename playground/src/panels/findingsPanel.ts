/**
 * The findings panel: a status line, the counts of rule outcomes, a severity filter and a search,
 * and the findings grouped by defect (errors first; a defect found at several places is one
 * group, collapsed, with its count), or the rule-set problems, or the document's syntax problem.
 * Each finding is a button that reveals its place in an editor; findings new since the last
 * result are marked, their group opened and the first scrolled into view. The list is one stop of
 * the Tab key: the arrow keys move within it (right opens a group, left closes it or goes up to it).
 */
import type { Summary } from '../../../engine/src/index.js';
import { fillTemplate } from '../../../engine/src/report/createFinding.js';
import { groupFindings } from '../../../engine/src/report/groups.js';
import { type UiStrings } from '../i18n/ui.js';
import { type LocatedFinding, type TextProblem } from '../worker/protocol.js';

/** What the panel shows. */
export interface FindingsView {
  /** checking: a request is on its way; the others describe the last result. */
  readonly status: 'checking' | 'ready' | 'rule-problems' | 'document-problem' | 'internal-error';
  /** Counts of the last report. */
  readonly summary?: Summary;
  /** Worker time of the last evaluation. */
  readonly elapsed?: number;
  /** Findings of the last report. */
  readonly findings: readonly LocatedFinding[];
  /** Problems of the rule set. */
  readonly ruleProblems: readonly TextProblem[];
  /** Syntax problem of the document. */
  readonly documentProblem?: TextProblem;
  /** Unexpected failure. */
  readonly internalError?: string;
}

/** What happens when an entry is chosen. */
export interface FindingsHandlers {
  /** A finding: reveal it in the document editor. */
  onFinding(finding: LocatedFinding): void;
  /** A rule-set problem: reveal it in the rules editor. */
  onRuleProblem(problem: TextProblem): void;
  /** The document's syntax problem: reveal it in the document editor. */
  onDocumentProblem(problem: TextProblem): void;
}

/**
 * A list entry holding one button (a list item keeps its role for assistive technology; the
 * button inside is what is focused and chosen). Content goes into the button: see `inside`.
 */
function entry(className: string, testId: string, onChoose: () => void): HTMLLIElement {
  const item = document.createElement('li');
  item.className = className;
  item.dataset.testid = testId;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'entry';
  button.addEventListener('click', onChoose);
  item.append(button);
  return item;
}

/** The button of an entry, where its content goes. */
function inside(item: HTMLLIElement): HTMLButtonElement {
  return item.firstElementChild as HTMLButtonElement;
}

function line(className: string, text: string): HTMLElement {
  // Spans (shown as blocks): a button holds phrasing content only.
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** A finding's identity across results: its rule, place and message. */
function keyOf(finding: LocatedFinding): string {
  return `${finding.ruleId}\u0000${finding.path}\u0000${finding.message}`;
}

/** The findings panel. */
export class FindingsPanel {
  private readonly status: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly tools: HTMLElement;
  private readonly outcomes: HTMLElement;
  private readonly severity: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly severityLabel: HTMLElement;
  private readonly severityText: HTMLElement;
  private lastView?: FindingsView;
  private lastStrings?: UiStrings;
  /** The findings of the previous result (to mark what is new). */
  private previous?: ReadonlySet<string>;
  /** The last result with findings: kept on screen, marked stale, while the rules or the document are broken. */
  private lastGood?: FindingsView;
  /** Groups the person opened, by rule and code (they stay open across results). */
  private readonly opened = new Set<string>();
  /** The entry that takes the Tab key into the list (by its key). */
  private current?: string;

  /**
   * @param root The element to fill (it carries data-testid="findings").
   * @param handlers What choosing an entry does.
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: FindingsHandlers,
  ) {
    this.status = document.createElement('p');
    this.status.className = 'status';
    this.outcomes = document.createElement('p');
    this.outcomes.className = 'outcomes';
    this.outcomes.dataset.testid = 'outcome-counts';
    this.tools = document.createElement('div');
    this.tools.className = 'finding-tools';
    this.severityLabel = document.createElement('label');
    this.severity = document.createElement('select');
    this.severity.dataset.testid = 'severity-filter';
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.dataset.testid = 'finding-search';
    this.severityText = document.createElement('span');
    this.severityLabel.append(this.severityText, this.severity);
    this.tools.append(this.severityLabel, this.search);
    this.list = document.createElement('ul');
    this.list.className = 'finding-list';
    root.append(this.status, this.outcomes, this.tools, this.list);
    const refilter = () => {
      if (this.lastView !== undefined && this.lastStrings !== undefined) this.renderFindings(this.lastView, this.lastStrings, false);
      this.rove(false);
    };
    this.severity.addEventListener('change', refilter);
    this.search.addEventListener('input', refilter);
    this.list.addEventListener('keydown', (event) => {
      this.move(event);
    });
    this.list.addEventListener('focusin', (event) => {
      const key = (event.target as HTMLElement).dataset.key;
      if (key !== undefined && key !== this.current) {
        this.current = key;
        this.rove(false);
      }
    });
  }

  /** The entries a person can reach now (those of closed groups are hidden). */
  private entries(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button.entry, button.group-head')].filter((button) => button.closest('[hidden]') === null);
  }

  /**
   * Makes one entry the list's Tab stop (the current one, else the first).
   * @param refocus Whether to move the focus to it (the list was redrawn under the focus).
   */
  private rove(refocus: boolean): void {
    const entries = this.entries();
    const current = entries.find((button) => button.dataset.key === this.current) ?? entries[0];
    for (const button of this.list.querySelectorAll<HTMLButtonElement>('button.entry, button.group-head')) button.tabIndex = button === current ? 0 : -1;
    if (refocus) current?.focus({ preventScroll: true });
  }

  /** Arrow keys, Home and End within the list. */
  private move(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLButtonElement)) return;
    const entries = this.entries();
    const at = entries.indexOf(target);
    if (at < 0) return;
    const isHead = target.classList.contains('group-head');
    const expanded = target.getAttribute('aria-expanded') === 'true';
    let next: HTMLButtonElement | undefined;
    if (event.key === 'ArrowDown') next = entries[Math.min(at + 1, entries.length - 1)];
    else if (event.key === 'ArrowUp') next = entries[Math.max(at - 1, 0)];
    else if (event.key === 'Home') next = entries[0];
    else if (event.key === 'End') next = entries.at(-1);
    else if (event.key === 'ArrowRight' && isHead && !expanded) target.click();
    else if (event.key === 'ArrowLeft' && isHead && expanded) target.click();
    else if (event.key === 'ArrowLeft' && !isHead) next = target.closest('.finding-group')?.querySelector<HTMLButtonElement>('button.group-head') ?? undefined;
    else return;
    event.preventDefault();
    if (next === undefined) return;
    this.current = next.dataset.key;
    this.rove(false);
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }

  /** Labels the filter controls in the interface language. */
  private labelTools(strings: UiStrings): void {
    const chosen = this.severity.value || 'all';
    this.severity.replaceChildren(
      ...(['all', 'error', 'warning', 'info'] as const).map((value) => {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = value === 'all' ? strings.allSeverities : strings.severity[value];
        return option;
      }),
    );
    this.severity.value = chosen;
    this.severityText.textContent = `${strings.severityFilter} `;
    this.search.placeholder = strings.search;
    this.search.setAttribute('aria-label', strings.search);
  }

  /**
   * Shows a view.
   * @param view What to show.
   * @param strings Interface strings.
   */
  update(view: FindingsView, strings: UiStrings): void {
    const focused = this.list.contains(document.activeElement);
    this.render(view, strings);
    this.rove(focused);
  }

  private render(view: FindingsView, strings: UiStrings): void {
    this.root.dataset.state = view.status;
    if (view.status === 'checking') {
      this.status.textContent = strings.checking;
      return;
    }
    this.root.dataset.count = String(view.findings.length);
    this.list.replaceChildren();
    this.labelTools(strings);
    const showTools = view.status === 'ready';
    this.tools.hidden = !showTools;
    this.outcomes.hidden = !showTools || view.summary === undefined;
    if (view.status === 'internal-error') {
      this.status.textContent = view.internalError ?? '';
      return;
    }
    if (view.status === 'rule-problems') {
      this.status.textContent = fillTemplate(strings.ruleProblems, { count: view.ruleProblems.length });
      for (const [index, problem] of view.ruleProblems.entries()) {
        const item = entry('finding severity-error', 'rule-problem', () => {
          this.handlers.onRuleProblem(problem);
        });
        inside(item).dataset.key = `problem:${index}`;
        inside(item).append(line('where', problem.pointer === undefined || problem.pointer === '' ? 'rules.json' : `rules.json ${problem.pointer}`), line('message', problem.message));
        this.list.append(item);
      }
      this.appendStale(strings);
      return;
    }
    if (view.status === 'document-problem' && view.documentProblem !== undefined) {
      const problem = view.documentProblem;
      this.status.textContent = strings.documentProblem;
      const item = entry('finding severity-error', 'document-problem', () => {
        this.handlers.onDocumentProblem(problem);
      });
      inside(item).dataset.key = 'document-problem';
      inside(item).append(line('message', problem.message));
      this.list.append(item);
      this.appendStale(strings);
      return;
    }
    const summary = view.summary;
    const values = {
      error: summary?.error ?? 0,
      warning: summary?.warning ?? 0,
      info: summary?.info ?? 0,
      rules: summary?.rulesEvaluated ?? 0,
      ms: Math.round(view.elapsed ?? 0),
    };
    this.status.textContent = fillTemplate(view.findings.length === 0 ? strings.clean : strings.ready, values);
    if (summary !== undefined)
      this.outcomes.textContent = fillTemplate(strings.outcomes, { passed: summary.passed, failed: summary.failed, notApplicable: summary.notApplicable, errored: summary.errored });
    this.renderFindings(view, strings, true);
  }

  /** Lists the findings by group, as the filter and search allow; a new result marks what is new. */
  private renderFindings(view: FindingsView, strings: UiStrings, fresh: boolean, into: HTMLUListElement = this.list): void {
    const stale = into !== this.list;
    if (!stale) {
      this.lastView = view;
      this.lastStrings = strings;
      if (fresh) this.lastGood = view;
    }
    const previous = this.previous;
    const isNew = (finding: LocatedFinding) => fresh && previous !== undefined && !previous.has(keyOf(finding));
    if (fresh && !stale) this.previous = new Set(view.findings.map(keyOf));
    const severity = this.severity.value;
    const words = this.search.value.trim().toLowerCase();
    const shown = (finding: LocatedFinding) =>
      (severity === 'all' || severity === '' || finding.severity === severity) &&
      (words === '' || [finding.ruleId, finding.message, finding.title ?? '', finding.path].some((text) => text.toLowerCase().includes(words)));
    into.replaceChildren();
    let firstNew: HTMLElement | undefined;
    for (const group of groupFindings(view.findings)) {
      const members = group.findings.map((index) => view.findings[index]!).filter(shown);
      if (members.length === 0) continue;
      const items = members.map((finding) => {
        const item = this.findingItem(finding, strings);
        if (isNew(finding)) {
          item.dataset.new = 'true';
          item.classList.add('new');
          const mark = document.createElement('span');
          mark.className = 'new-mark';
          mark.textContent = strings.newFinding;
          inside(item).prepend(mark);
          firstNew ??= item;
        }
        return item;
      });
      if (group.count === 1) {
        into.append(items[0]!);
        continue;
      }
      const key = `${group.ruleId}\u0000${group.code}`;
      const open = this.opened.has(key) || items.some((item) => item.dataset.new === 'true');
      const container = document.createElement('li');
      container.className = `finding-group severity-${group.severity}`;
      container.dataset.testid = 'finding-group';
      container.dataset.ruleId = group.ruleId;
      container.dataset.count = String(group.count);
      const head = document.createElement('button');
      head.type = 'button';
      head.className = 'group-head';
      head.dataset.key = `group:${key}`;
      head.setAttribute('aria-expanded', String(open));
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = strings.severity[group.severity];
      head.append(badge, ` ${group.message}${fillTemplate(strings.places, { count: members.length < group.count ? `${members.length}/${group.count}` : group.count })}`);
      const inner = document.createElement('ul');
      inner.className = 'finding-list group-items';
      inner.hidden = !open;
      inner.append(...items);
      head.addEventListener('click', () => {
        const opening = inner.hidden;
        inner.hidden = !opening;
        head.setAttribute('aria-expanded', String(opening));
        if (opening) this.opened.add(key);
        else this.opened.delete(key);
        this.rove(false);
      });
      container.append(head, inner);
      into.append(container);
    }
    if (into.childElementCount === 0 && view.findings.length > 0) {
      const none = document.createElement('li');
      none.className = 'none-shown';
      none.textContent = strings.noneShown;
      into.append(none);
    }
    if (!stale) firstNew?.scrollIntoView({ block: 'nearest' });
  }

  /** Below the problem: the last good findings, marked stale (they are not updated until it is fixed). */
  private appendStale(strings: UiStrings): void {
    if (this.lastGood === undefined || this.lastGood.findings.length === 0) return;
    const container = document.createElement('li');
    container.className = 'stale';
    container.dataset.testid = 'stale-findings';
    const heading = document.createElement('p');
    heading.className = 'stale-heading';
    heading.textContent = strings.staleFindings;
    const list = document.createElement('ul');
    list.className = 'finding-list';
    container.append(heading, list);
    this.list.append(container);
    this.renderFindings(this.lastGood, strings, false, list);
  }

  private findingItem(finding: LocatedFinding, strings: UiStrings): HTMLLIElement {
    const item = entry(`finding severity-${finding.severity}`, 'finding', () => {
      this.handlers.onFinding(finding);
    });
    item.dataset.ruleId = finding.ruleId;
    item.dataset.severity = finding.severity;
    inside(item).dataset.key = keyOf(finding);
    const head = line('where', '');
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = strings.severity[finding.severity];
    const page = finding.source?.page !== undefined ? `${fillTemplate(strings.page, { page: finding.source.page })} · ` : '';
    head.append(badge, ` ${finding.ruleId} · ${page}${finding.source === undefined ? '' : `L${finding.source.line} · `}${finding.path || '/'}`);
    if (finding.source?.page !== undefined) item.dataset.page = String(finding.source.page);
    inside(item).append(head, line('message', finding.message));
    if (finding.basis !== undefined) inside(item).append(line('basis', finding.basis.join('；')));
    return item;
  }
}
