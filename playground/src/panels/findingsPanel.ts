/**
 * The findings panel: a status line and the list of findings (or of rule-set problems, or the
 * document's syntax problem). Each entry is a button that reveals its place in an editor.
 */
import { type Summary, fillTemplate } from '../../../engine/src/index.js';
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

function entry(className: string, testId: string, onChoose: () => void): HTMLLIElement {
  const item = document.createElement('li');
  item.className = className;
  item.dataset.testid = testId;
  item.tabIndex = 0;
  item.setAttribute('role', 'button');
  item.addEventListener('click', onChoose);
  item.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChoose();
    }
  });
  return item;
}

function line(className: string, text: string): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The findings panel. */
export class FindingsPanel {
  private readonly status: HTMLElement;
  private readonly list: HTMLUListElement;

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
    this.list = document.createElement('ul');
    this.list.className = 'finding-list';
    root.append(this.status, this.list);
  }

  /**
   * Shows a view.
   * @param view What to show.
   * @param strings Interface strings.
   */
  update(view: FindingsView, strings: UiStrings): void {
    this.root.dataset.state = view.status;
    if (view.status === 'checking') {
      this.status.textContent = strings.checking;
      return;
    }
    this.root.dataset.count = String(view.findings.length);
    this.list.replaceChildren();
    if (view.status === 'internal-error') {
      this.status.textContent = view.internalError ?? '';
      return;
    }
    if (view.status === 'rule-problems') {
      this.status.textContent = fillTemplate(strings.ruleProblems, { count: view.ruleProblems.length });
      for (const problem of view.ruleProblems) {
        const item = entry('finding severity-error', 'rule-problem', () => {
          this.handlers.onRuleProblem(problem);
        });
        item.append(line('where', problem.pointer === undefined || problem.pointer === '' ? 'rules.json' : `rules.json ${problem.pointer}`), line('message', problem.message));
        this.list.append(item);
      }
      return;
    }
    if (view.status === 'document-problem' && view.documentProblem !== undefined) {
      const problem = view.documentProblem;
      this.status.textContent = strings.documentProblem;
      const item = entry('finding severity-error', 'document-problem', () => {
        this.handlers.onDocumentProblem(problem);
      });
      item.append(line('message', problem.message));
      this.list.append(item);
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
    for (const finding of view.findings) {
      const item = entry(`finding severity-${finding.severity}`, 'finding', () => {
        this.handlers.onFinding(finding);
      });
      item.dataset.ruleId = finding.ruleId;
      item.dataset.severity = finding.severity;
      const head = line('where', '');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = strings.severity[finding.severity];
      const page = finding.source?.page !== undefined ? `${fillTemplate(strings.page, { page: finding.source.page })} · ` : '';
      head.append(badge, ` ${finding.ruleId} · ${page}${finding.source === undefined ? '' : `L${finding.source.line} · `}${finding.path || '/'}`);
      if (finding.source?.page !== undefined) item.dataset.page = String(finding.source.page);
      item.append(head, line('message', finding.message));
      if (finding.basis !== undefined) item.append(line('basis', finding.basis.join('；')));
      this.list.append(item);
    }
  }
}
