/** The cases panel: pick a rule, run its pass and fail cases against the rules being edited. */
import { type UiStrings } from '../i18n/ui.js';
import { type CaseResult } from '../worker/protocol.js';

/** The cases panel. */
export class CasesPanel {
  private readonly select: HTMLSelectElement;
  private readonly button: HTMLButtonElement;
  private readonly results: HTMLUListElement;
  private readonly heading: HTMLElement;

  /**
   * @param root The element to fill.
   * @param ruleIds Rules that have cases.
   * @param onRun Runs the chosen rule's cases.
   */
  constructor(root: HTMLElement, ruleIds: readonly string[], onRun: (ruleId: string) => void) {
    this.heading = document.createElement('h2');
    this.select = document.createElement('select');
    this.select.dataset.testid = 'case-rule';
    this.select.setAttribute('aria-label', '规则 / rule');
    for (const id of ruleIds) this.select.append(new Option(id, id));
    this.button = document.createElement('button');
    this.button.dataset.testid = 'run-cases';
    this.button.addEventListener('click', () => {
      onRun(this.select.value);
    });
    this.results = document.createElement('ul');
    this.results.className = 'case-list';
    const controls = document.createElement('div');
    controls.className = 'controls';
    controls.append(this.select, this.button);
    root.append(this.heading, controls, this.results);
  }

  /**
   * Offers another list of rules (the chosen one stays chosen while it is in it).
   * @param ruleIds The rules' ids.
   */
  setRules(ruleIds: readonly string[]): void {
    const chosen = this.select.value;
    if (ruleIds.length === this.select.options.length && ruleIds.every((id, index) => this.select.options[index]?.value === id)) return;
    this.select.replaceChildren(...ruleIds.map((id) => new Option(id, id)));
    if (ruleIds.includes(chosen)) this.select.value = chosen;
  }

  /**
   * Chooses a rule (its cases run on the next click of the button).
   * @param ruleId The rule's id.
   */
  choose(ruleId: string): void {
    if ([...this.select.options].some((option) => option.value === ruleId)) this.select.value = ruleId;
  }

  /**
   * Sets the interface strings.
   * @param strings Interface strings.
   */
  localize(strings: UiStrings): void {
    this.heading.textContent = strings.cases;
    this.button.textContent = strings.runCases;
  }

  /**
   * Shows the results of a run.
   * @param results One per case (empty: the rule has no cases).
   * @param strings Interface strings.
   */
  show(results: readonly CaseResult[], strings: UiStrings): void {
    this.results.replaceChildren();
    if (results.length === 0) {
      const item = document.createElement('li');
      item.textContent = strings.noCases;
      this.results.append(item);
      return;
    }
    for (const result of results) {
      const item = document.createElement('li');
      item.dataset.testid = 'case-result';
      item.dataset.passed = String(result.passed);
      item.className = result.passed ? 'case-pass' : 'case-fail';
      const list = (paths: readonly string[]) => (paths.length === 0 ? strings.none : paths.join(', '));
      item.textContent = `${result.passed ? '✓' : '✗'} ${result.name} — ${result.passed ? strings.casePassed : `${strings.caseFailed}：${strings.expected} ${list(result.expected)}；${strings.actual} ${list(result.actual)}${result.error ? `（${result.error}）` : ''}`}`;
      this.results.append(item);
    }
  }
}
