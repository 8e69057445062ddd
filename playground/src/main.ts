/**
 * The playground: two Monaco editors (the rule pack and the document) beside the findings panel.
 * Every edit is re-evaluated in a worker after 200 ms; markers sit at the offending JSON and a
 * finding reveals its place. The state lives in the URL (share link) and in local storage.
 */
import './styles.css';
import { type Language, type Report } from '../../engine/src/index.js';
import { DEFAULT_EXAMPLE_ID, EXAMPLES, defaultRulesText, loadCases } from './defaults.js';
import { toMarkers, type MarkerSource } from './editor/markers.js';
import { type TextRange } from './editor/pointerToRange.js';
import { DOCUMENT_URI, RULES_URI, setupMonaco } from './editor/setupMonaco.js';
import { UI, type UiStrings } from './i18n/ui.js';
import { CasesPanel } from './panels/casesPanel.js';
import { FindingsPanel } from './panels/findingsPanel.js';
import { type Defaults, type PlaygroundState, STORAGE_KEY, encodeHash, initialState, toDelta } from './state/shareState.js';
import { EngineClient } from './worker/client.js';

const DEBOUNCE_MS = 200;
const AUTOSAVE_MS = 600;
const OWNER = 'disclosure-rules';

const monaco = setupMonaco();
const element = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;

const exampleTexts = new Map<string, string>();
async function exampleText(id: string): Promise<string | undefined> {
  if (!exampleTexts.has(id)) {
    const example = EXAMPLES.find((candidate) => candidate.id === id);
    if (example === undefined) return undefined;
    exampleTexts.set(id, await example.load());
  }
  return exampleTexts.get(id);
}
const defaults: Defaults = { example: DEFAULT_EXAMPLE_ID, rulesText: defaultRulesText(), exampleText };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const { state: start } = await initialState(window.location, storage(), defaults);
let example = start.example;
let language: Language = start.language;
let strings: UiStrings = UI[language];
let lastReport: Report | undefined;

const editorOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontFamily: "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
  fontSize: 13,
  scrollBeyondLastLine: false,
  wordWrap: 'off' as const,
};
const rulesModel = monaco.editor.createModel(start.rulesText, 'json', RULES_URI);
const documentModel = monaco.editor.createModel(start.documentText, 'json', DOCUMENT_URI);
const rulesEditor = monaco.editor.create(element('rules-editor'), { ...editorOptions, model: rulesModel });
const documentEditor = monaco.editor.create(element('document-editor'), { ...editorOptions, model: documentModel });

function reveal(editor: typeof documentEditor, range: TextRange): void {
  const model = editor.getModel()!;
  const start = model.getPositionAt(range.offset);
  const end = model.getPositionAt(range.offset + range.length);
  const selection = new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column);
  editor.setSelection(selection);
  editor.revealRangeInCenterIfOutsideViewport(selection);
  editor.focus();
}

const findings = new FindingsPanel(element('findings'), {
  onFinding: (finding) => reveal(documentEditor, finding.range),
  onRuleProblem: (problem) => reveal(rulesEditor, problem.range),
  onDocumentProblem: (problem) => reveal(documentEditor, problem.range),
});

const client = new EngineClient();

function setMarkers(model: typeof documentModel, sources: readonly MarkerSource[]): void {
  monaco.editor.setModelMarkers(model, OWNER, toMarkers(sources, monaco.MarkerSeverity, (offset) => model.getPositionAt(offset), language === 'zh-CN' ? '规则' : 'rule'));
}

async function check(): Promise<void> {
  findings.update({ status: 'checking', findings: [], ruleProblems: [] }, strings);
  const response = await client.request('evaluate', { rulesText: rulesModel.getValue(), documentText: documentModel.getValue(), language });
  if (response === undefined) return;
  lastReport = response.report;
  const basisLabel = language === 'zh-CN' ? '依据' : 'Basis';
  setMarkers(
    documentModel,
    [
      ...response.findings.map((finding) => ({
        range: finding.range,
        severity: finding.severity,
        code: finding.ruleId,
        message: finding.basis === undefined ? finding.message : `${finding.message}\n${basisLabel}：${finding.basis.join('；')}`,
      })),
      ...(response.documentProblem !== undefined ? [{ range: response.documentProblem.range, severity: 'error' as const, message: response.documentProblem.message }] : []),
    ],
  );
  setMarkers(rulesModel, response.ruleProblems.map((problem) => ({ range: problem.range, severity: 'error' as const, message: problem.message })));
  const status = response.internalError !== undefined ? 'internal-error' : response.ruleProblems.length > 0 ? 'rule-problems' : response.documentProblem !== undefined ? 'document-problem' : 'ready';
  findings.update(
    {
      status,
      summary: response.report?.summary,
      elapsed: response.elapsed,
      findings: response.findings,
      ruleProblems: response.ruleProblems,
      documentProblem: response.documentProblem,
      internalError: response.internalError,
    },
    strings,
  );
}

function debounce(action: () => void, wait: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}

function currentState(): PlaygroundState {
  return { example, language, rulesText: rulesModel.getValue(), documentText: documentModel.getValue() };
}

async function currentDelta() {
  return toDelta(currentState(), defaults, (await exampleText(example)) ?? '');
}

const autosave = debounce(() => {
  void currentDelta().then((delta) => {
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify(delta));
    } catch {
      // Storage full or disabled: the share link still carries the state.
    }
  });
}, AUTOSAVE_MS);
const scheduleCheck = debounce(() => void check(), DEBOUNCE_MS);
for (const model of [rulesModel, documentModel]) {
  model.onDidChangeContent(() => {
    scheduleCheck();
    autosave();
  });
}

// Toolbar.
const picker = element<HTMLSelectElement>('example-picker');
const languagePicker = element<HTMLSelectElement>('language-picker');
const cases = new CasesPanel(element('cases'), [...defaultRulesText().matchAll(/^ {6}"id": "([a-z0-9-]+)"/gm)].map((match) => match[1]!), (ruleId) => void runCases(ruleId));

function localize(): void {
  strings = UI[language];
  document.documentElement.lang = language;
  document.title = strings.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof UiStrings;
    if (typeof strings[key] === 'string') node.textContent = strings[key];
  }
  picker.replaceChildren(...EXAMPLES.map((candidate) => new Option(strings.example_names[candidate.id] ?? candidate.file, candidate.id, false, candidate.id === example)));
  languagePicker.value = language;
  cases.localize(strings);
}

async function runCases(ruleId: string): Promise<void> {
  const loaded = await loadCases(ruleId);
  if (loaded === undefined) {
    cases.show([], strings);
    return;
  }
  const response = await client.request('runCases', { rulesText: rulesModel.getValue(), ruleId, cases: loaded, language });
  if (response !== undefined) cases.show(response.results, strings);
}

picker.addEventListener('change', () => {
  example = picker.value;
  void exampleText(example).then((text) => documentModel.setValue(text ?? ''));
});
languagePicker.addEventListener('change', () => {
  language = languagePicker.value === 'en' ? 'en' : 'zh-CN';
  localize();
  autosave();
  void check();
});
element('share').addEventListener('click', () => {
  void currentDelta().then(async (delta) => {
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}${encodeHash(delta)}`;
    window.history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: the link is in the address bar.
    }
    element('notice').textContent = strings.shared;
  });
});
element('export').addEventListener('click', () => {
  if (lastReport === undefined) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([`${JSON.stringify(lastReport, null, 2)}\n`], { type: 'application/json' }));
  link.download = `report-${example}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
element('reset').addEventListener('click', () => {
  rulesModel.setValue(defaults.rulesText);
  void exampleText(example).then((text) => documentModel.setValue(text ?? ''));
});

localize();
void check();
