/**
 * The playground: two Monaco editors (the rule pack and the document) beside the findings panel.
 * Every edit is re-evaluated in a worker after 150 ms; markers sit at the offending JSON and a
 * finding reveals its place. The state lives in the URL (share link) and in local storage.
 * The first check starts before Monaco has loaded; the editors attach when it arrives.
 */
import './styles.css';
import type { Language, Report } from '../../engine/src/index.js';
// The engine runs in the worker: the page takes only the one function it needs (through the
// public index, the whole engine, 1.7 MB, would be part of the page's first load).
import { fillTemplate } from '../../engine/src/report/createFinding.js';
import { DEFAULT_EXAMPLE_ID, EXAMPLES, casesInRules, defaultRulesText, inlineCases, loadCases } from './defaults.js';
import { type EditorName, type Editors } from './editor/editors.js';
import { type MarkerSource } from './editor/markers.js';
import { UI, type UiStrings } from './i18n/ui.js';
import { CasesPanel } from './panels/casesPanel.js';
import { reportHtml } from './export/printable.js';
import { DocumentView } from './panels/documentView.js';
import { FindingsPanel } from './panels/findingsPanel.js';
import type { PdfPageView } from './panels/pdfPage.js';
import type { RulesHost, RulesPanel } from './panels/rulesPanel.js';
import { type Defaults, type PlaygroundState, STORAGE_KEY, encodeHash, initialState, toDelta } from './state/shareState.js';
import { EngineClient } from './worker/client.js';
import { type TextRange } from './editor/pointerToRange.js';
import { type ImportNote, type LocatedFinding, type WorkerResponse } from './worker/protocol.js';

const DEBOUNCE_MS = 150;
const AUTOSAVE_MS = 600;
/** The longest share link offered (characters). */
const MAX_SHARE_URL = 1_000_000;

performance.mark('playground:start');
/** The element with this data-testid. */
function element(testId: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
}
const client = new EngineClient();
/** Where each finding of the last result is in the document text, once the worker has located them. */
const findingRanges = new WeakMap<LocatedFinding, TextRange>();
client.onLocated((located) => {
  if (lastResponse?.id !== located.id) return;
  located.ranges.forEach((range, index) => {
    const finding = lastResponse?.findings[index];
    if (finding !== undefined) findingRanges.set(finding, range);
  });
  showMarkers();
});

const exampleTexts = new Map<string, string>();
const exampleNotes = new Map<string, readonly ImportNote[]>();

/**
 * Imports published text in the worker: the document's JSON text and what could not be read.
 * @param text The published text.
 * @param file Its file name.
 */
async function importPublished(text: string, file: string): Promise<{ documentText: string; notes: readonly ImportNote[] } | undefined> {
  const response = await client.request('import', { text, file });
  if (response === undefined) return undefined;
  if (response.documentText === undefined) {
    element('notice').textContent = response.error ?? '';
    return undefined;
  }
  return { documentText: response.documentText, notes: response.problems };
}

async function exampleText(id: string): Promise<string | undefined> {
  if (!exampleTexts.has(id)) {
    const example = EXAMPLES.find((candidate) => candidate.id === id);
    if (example === undefined) return undefined;
    const text = await example.load();
    if (!example.published) {
      exampleTexts.set(id, text);
    } else {
      const imported = await importPublished(text, example.file);
      if (imported === undefined) return undefined;
      exampleTexts.set(id, imported.documentText);
      exampleNotes.set(id, imported.notes);
    }
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
performance.mark('playground:state');
let example = start.example;
let language: Language = start.language;
let strings: UiStrings = UI[language];
let editors: Editors | undefined;
/** The language Monaco's own strings were loaded in (once it loads). */
let monacoLanguage: Language | undefined;
/** Whether the document was replaced as a whole since the last check (not edited). */
let documentReplaced = true;
/** What the importer could not read in the text the current document came from. */
let importNotes: readonly ImportNote[] = exampleNotes.get(example) ?? [];
let lastResponse: Extract<WorkerResponse, { type: 'evaluated' }> | undefined;

const texts = (): Record<EditorName, string> =>
  editors === undefined ? { rules: start.rulesText, document: start.documentText } : { rules: editors.text('rules'), document: editors.text('document') };

const documentView = new DocumentView(element('document-view'));
const viewToggle = element('document-view-toggle');
/** Whether the document shows as tables (the JSON editor hidden). */
function viewShown(): boolean {
  return viewToggle.getAttribute('aria-pressed') === 'true';
}
/** Draws the document view from the document text (when it is shown and the text is JSON). */
function renderView(): void {
  if (!viewShown()) return;
  let value: unknown;
  try {
    value = JSON.parse(texts().document);
  } catch {
    return;
  }
  documentView.render(value, { tables: strings.viewTables, narrative: strings.viewNarrative, performance: strings.viewPerformance, unit: strings.viewUnit, item: strings.viewItem });
}
const pdfToggle = element('pdf-view-toggle');
/** Whether the document pane shows the PDF page (the JSON editor hidden). */
function pdfShown(): boolean {
  return pdfToggle.getAttribute('aria-pressed') === 'true';
}
/** Shows the document as JSON, as tables, or as the page of the PDF it was read from. */
function showDocumentAs(view: 'json' | 'tables' | 'pdf'): void {
  viewToggle.setAttribute('aria-pressed', String(view === 'tables'));
  pdfToggle.setAttribute('aria-pressed', String(view === 'pdf'));
  element('document-view').hidden = view !== 'tables';
  element('pdf-view').hidden = view !== 'pdf';
  element('document-editor').hidden = view !== 'json';
  renderView();
}
viewToggle.addEventListener('click', () => {
  showDocumentAs(viewShown() ? 'json' : 'tables');
});
pdfToggle.addEventListener('click', () => {
  showDocumentAs(pdfShown() ? 'json' : 'pdf');
});

/** The PDF the document was read from (while it is the document). */
let pdfBytes: Uint8Array | undefined;
let pdfView: PdfPageView | undefined;
/** Shows a finding's page of the PDF with its box (pdf.js is loaded on the first one). */
async function showPdfPage(bytes: Uint8Array, page: number, box: readonly [number, number, number, number] | undefined): Promise<void> {
  showDocumentAs('pdf');
  const { PdfPageView } = await import('./panels/pdfPage.js');
  pdfView ??= new PdfPageView(element('pdf-view'));
  const pane = element('pdf-view');
  await pdfView.show(bytes, page, box, { page: strings.pdfPage, box: strings.pdfBox, rendering: strings.pdfRendering }, pane.clientWidth - 2 * PDF_MARGIN);
}
/** Room left beside the PDF page in its pane (CSS pixels). */
const PDF_MARGIN = 12;

const findings = new FindingsPanel(element('findings'), {
  onFinding: (finding) => {
    const page = finding.source?.page;
    if (fromPdf && pdfBytes !== undefined && page !== undefined) {
      showPdfPage(pdfBytes, page, finding.source?.box).catch((error: unknown) => {
        element('notice').textContent = (error as Error).message;
      });
    }
    if (viewShown()) documentView.select(finding.path);
    const range = findingRanges.get(finding);
    if (range === undefined) return;
    // The editor takes the focus only when it is shown; otherwise its place is kept for later.
    if (viewShown() || pdfShown()) editors?.show('document', range);
    else editors?.reveal('document', range);
  },
  onRuleProblem: (problem) => editors?.reveal('rules', problem.range),
  onDocumentProblem: (problem) => editors?.reveal('document', problem.range),
});

function showMarkers(): void {
  if (editors === undefined || lastResponse === undefined) return;
  const response = lastResponse;
  const basisLabel = language === 'zh-CN' ? '依据' : 'Basis';
  const sourceLabel = language === 'zh-CN' ? '规则' : 'rule';
  const documentMarkers: MarkerSource[] = response.findings.flatMap((finding) => {
    const range = findingRanges.get(finding);
    if (range === undefined) return [];
    const message = finding.basis === undefined ? finding.message : `${finding.message}\n${basisLabel}：${finding.basis.join('；')}`;
    return [{ range, severity: finding.severity, code: finding.ruleId, message }];
  });
  if (response.documentProblem !== undefined) documentMarkers.push({ range: response.documentProblem.range, severity: 'error', message: response.documentProblem.message });
  editors.setMarkers('document', documentMarkers, sourceLabel);
  editors.setMarkers(
    'rules',
    response.ruleProblems.map((problem) => ({ range: problem.range, severity: 'error', message: problem.message })),
    sourceLabel,
  );
}

/**
 * Whether the document editor holds published text rather than JSON: text pasted in is imported
 * in its place. JSON someone is editing (a character typed before the `{`, a bracket deleted)
 * stays JSON: its syntax error is shown, the document is never replaced.
 * @param documentText The editor's text.
 */
function isPublishedText(documentText: string): boolean {
  return documentText.trim() !== '' && !/^\s*[[{]/.test(documentText) && !documentText.includes('{"') && !/"meta"\s*:/.test(documentText);
}

/** Published text pasted into the document editor is imported in its place. */
async function importPasted(documentText: string): Promise<boolean> {
  if (editors === undefined || !isPublishedText(documentText)) return false;
  const imported = await importPublished(documentText, strings.pasted);
  if (imported === undefined) return false;
  importNotes = imported.notes;
  replaceDocument(imported.documentText);
  return true;
}

async function check(): Promise<void> {
  findings.update({ status: 'checking', findings: [], ruleProblems: [] }, strings);
  const { rules, document: documentText } = texts();
  if (await importPasted(documentText)) return;
  performance.mark('playground:check-sent');
  const warmUp = documentReplaced;
  documentReplaced = false;
  const response = await client.request('evaluate', { rulesText: rules, documentText, language, importProblems: importNotes, warmUp, fromPdf, skip: [...switchedOff] });
  if (response === undefined) return;
  performance.mark('playground:check-received');
  lastResponse = response;
  showMarkers();
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
  performance.mark('playground:findings-shown');
  renderView();
}

/** Whether the current document was read from the PDF last opened (its findings carry page and box). */
let fromPdf = false;
/** Rules switched off in the rules panel (left out of the check). */
/** Rules switched off in the rule list (kept in the share link and the autosave). */
const switchedOff = new Set<string>(start.off ?? []);

/** Replaces the whole document (an example, a file, imported text), not an edit. */
function replaceDocument(text: string): void {
  documentReplaced = true;
  fromPdf = false;
  pdfBytes = undefined;
  pdfToggle.hidden = true;
  if (pdfShown()) showDocumentAs('json');
  editors?.setText('document', text);
}

function debounce(action: () => void, wait: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}

function currentState(): PlaygroundState {
  const { rules, document: documentText } = texts();
  return { example, language, rulesText: rules, documentText, off: [...switchedOff] };
}

async function currentDelta() {
  return toDelta(currentState(), defaults, (await exampleText(example)) ?? '');
}

/** Whether edits are waiting to be saved. */
let unsaved = false;
/** Saves the texts now: local storage keeps the texts themselves; share links carry patches. */
function saveNow(): void {
  if (!unsaved) return;
  unsaved = false;
  const { rules, document: documentText } = texts();
  const saved = {
    ...(example !== defaults.example ? { e: example } : {}),
    ...(language !== 'zh-CN' ? { l: language } : {}),
    ...(rules !== defaults.rulesText ? { r: { t: rules } } : {}),
    ...(documentText !== exampleTexts.get(example) ? { d: { t: documentText } } : {}),
  };
  const store = storage();
  try {
    if (store === undefined) throw new Error('no storage');
    store.setItem(STORAGE_KEY, JSON.stringify(saved));
    element('notice').dataset.storage = 'ok';
  } catch {
    // Storage full or disabled: say so once, the share link and the export still keep the edits.
    if (element('notice').dataset.storage !== 'failed') offerFiles(strings.storageFailed);
    element('notice').dataset.storage = 'failed';
  }
}
const saveSoon = debounce(() => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(saveNow, { timeout: 2000 });
  else saveNow();
}, AUTOSAVE_MS);
function autosave(): void {
  unsaved = true;
  saveSoon();
}
// Tabs share one saved state: when another tab saves, say that this one would overwrite it.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY && event.newValue !== null) element('notice').textContent = strings.otherTab;
});
// Leaving or hiding the page saves at once: an edit made just before a reload is not lost.
window.addEventListener('pagehide', saveNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saveNow();
});
const scheduleCheck = debounce(() => void check(), DEBOUNCE_MS);

// Toolbar and cases.
const picker = element('example-picker') as HTMLSelectElement;
const languagePicker = element('language-picker') as HTMLSelectElement;
/** The ids of the rules in a rules text (as the pack is laid out: one rule per indented object). */
const ruleIdsOf = (rulesText: string) => [...rulesText.matchAll(/^ {6}"id": "([a-z0-9-]+)"/gm)].map((match) => match[1]!);
const cases = new CasesPanel(element('cases'), ruleIdsOf(start.rulesText), (ruleId) => void runCases(ruleId));

function localize(): void {
  strings = UI[language];
  document.documentElement.lang = language;
  document.title = strings.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = strings[node.dataset.i18n as keyof UiStrings];
    if (typeof value === 'string') node.textContent = value;
  }
  picker.replaceChildren(...EXAMPLES.map((candidate) => new Option(strings.example_names[candidate.id] ?? candidate.file, candidate.id, false, candidate.id === example)));
  languagePicker.value = language;
  cases.localize(strings);
  rulesPanel?.localize(strings, language);
}

async function runCases(ruleId: string): Promise<void> {
  // A rule made in the page carries its own cases.
  const own = casesInRules(texts().rules, ruleId);
  const loaded = own !== undefined ? await inlineCases(own) : await loadCases(ruleId);
  if (loaded === undefined) {
    cases.show([], strings);
    return;
  }
  const response = await client.request('runCases', { rulesText: texts().rules, ruleId, cases: loaded, language });
  if (response !== undefined) cases.show(response.results, strings);
}

/** Whether the rules or the document differ from what the current example opened with. */
function edited(): boolean {
  const { rules, document: documentText } = texts();
  return rules !== defaults.rulesText || (exampleTexts.has(example) && documentText !== exampleTexts.get(example));
}

/** Asks before edits are discarded (reset, another example); true to go on. */
function mayDiscard(): boolean {
  return !edited() || window.confirm(strings.confirmDiscard);
}

picker.addEventListener('change', () => {
  if (!mayDiscard()) {
    picker.value = example;
    return;
  }
  example = picker.value;
  void exampleText(example).then((text) => {
    importNotes = exampleNotes.get(example) ?? [];
    replaceDocument(text ?? '');
  });
});
/**
 * Opens a file as the document: a PDF is read with pdf.js in the worker, published text is
 * imported, JSON is taken as it is.
 * @param file The file picked or dropped.
 */
async function openFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (isPdf) {
    element('notice').textContent = strings.readingPdf;
    const response = await client.request('importPdf', { data: bytes.buffer, file: file.name });
    if (response === undefined) return;
    if (response.documentText === undefined) {
      element('notice').textContent = response.error ?? '';
      return;
    }
    element('notice').textContent = fillTemplate(strings.readPdf, { file: file.name, pages: response.pageCount ?? '?' });
    importNotes = response.problems;
    replaceDocument(response.documentText);
    fromPdf = true;
    pdfBytes = bytes;
    pdfToggle.hidden = false;
    return;
  }
  const text = new TextDecoder().decode(bytes);
  if (file.name.toLowerCase().endsWith('.json')) {
    importNotes = [];
    replaceDocument(text);
    return;
  }
  const imported = await importPublished(text, file.name);
  if (imported === undefined) return;
  importNotes = imported.notes;
  replaceDocument(imported.documentText);
}

(element('open-file') as HTMLInputElement).addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (file !== undefined) void openFile(file);
});
// A file dropped anywhere on the page is opened (not navigated to).
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (file === undefined) return;
  event.preventDefault();
  void openFile(file);
});
languagePicker.addEventListener('change', () => {
  language = languagePicker.value === 'en' ? 'en' : 'zh-CN';
  localize();
  autosave();
  void check();
  // Monaco's own strings were set when it loaded: say when they follow.
  if (monacoLanguage !== undefined && monacoLanguage !== language) element('notice').textContent = strings.editorStringsNextLoad;
});
element('share').addEventListener('click', () => {
  void currentDelta().then(async (delta) => {
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}${encodeHash(delta)}`;
    // Browsers open links up to about 2 million characters; past a safe length, offer the export.
    if (url.length > MAX_SHARE_URL) {
      offerFiles(fillTemplate(strings.shareTooLong, { length: url.length }));
      return;
    }
    window.history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: the link is in the address bar.
    }
    element('notice').textContent = strings.shared;
  });
});
/** Downloads a text or bytes as a file. */
function download(content: string | ArrayBuffer, name: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
  }, 1000);
}

/** Says why, and offers to save the rules and the document as files (when a link cannot hold them). */
function offerFiles(message: string): void {
  const notice = element('notice');
  notice.textContent = `${message} `;
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'save-files';
  button.textContent = strings.saveFiles;
  button.addEventListener('click', () => {
    const { rules, document: documentText } = texts();
    download(rules, `rules-${example}.json`, 'application/json');
    download(documentText, `document-${example}.json`, 'application/json');
  });
  notice.append(button);
}

element('export-xlsx').addEventListener('click', () => {
  const report: Report | undefined = lastResponse?.report;
  if (report === undefined) return;
  void import('./export/workbook.js')
    .then(({ reportWorkbook }) => reportWorkbook(report, language))
    .then((bytes) => {
      download(bytes, `report-${example}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });
});
element('export-html').addEventListener('click', () => {
  const report: Report | undefined = lastResponse?.report;
  if (report === undefined) return;
  download(reportHtml(report, language), `report-${example}.html`, 'text/html');
});
element('export').addEventListener('click', () => {
  const report: Report | undefined = lastResponse?.report;
  if (report === undefined) return;
  download(`${JSON.stringify(report, null, 2)}\n`, `report-${example}.json`, 'application/json');
});
element('reset').addEventListener('click', () => {
  if (!mayDiscard()) return;
  editors?.setText('rules', defaults.rulesText);
  void exampleText(example).then((text) => {
    importNotes = exampleNotes.get(example) ?? [];
    replaceDocument(text ?? '');
  });
});

// The rules as a list and forms, beside the rules editor (its code loads on the first opening).
const rulesToggle = element('rules-view-toggle');
let rulesPanel: RulesPanel | undefined;
let editorsLoaded: () => void = () => undefined;
const editorsReady = new Promise<void>((resolve) => (editorsLoaded = resolve));
const rulesHost: RulesHost = {
  text: () => texts().rules,
  edit: (edits) => editors?.edit('rules', edits),
  show: (range) => editors?.show('rules', range),
  enabled: (ruleId) => !switchedOff.has(ruleId),
  setEnabled(ruleId, on) {
    if (on) switchedOff.delete(ruleId);
    else switchedOff.add(ruleId);
    void check();
    autosave();
  },
  chosen: (ruleId) => {
    cases.choose(ruleId);
  },
  added(ruleId) {
    cases.setRules(ruleIdsOf(texts().rules));
    cases.choose(ruleId);
    element('notice').textContent = fillTemplate(strings.ruleAdded, { id: ruleId });
    void runCases(ruleId);
  },
};
rulesToggle.addEventListener('click', () => {
  const showing = rulesToggle.getAttribute('aria-pressed') !== 'true';
  rulesToggle.setAttribute('aria-pressed', String(showing));
  element('rules-view').hidden = !showing;
  document.querySelector('main')!.classList.toggle('forms-shown', showing);
  if (!showing) return;
  if (rulesPanel !== undefined) {
    rulesPanel.update();
    return;
  }
  void Promise.all([import('./panels/rulesPanel.js'), editorsReady]).then(([{ RulesPanel: Panel }]) => {
    rulesPanel ??= new Panel(element('rules-view'), rulesHost, strings, language);
  });
});
/** After an edit of the rules: the panel and the cases' rule list follow (debounced like the check). */
const rulesChanged = debounce(() => {
  cases.setRules(ruleIdsOf(texts().rules));
  if (rulesToggle.getAttribute('aria-pressed') === 'true') rulesPanel?.update();
}, DEBOUNCE_MS);

localize();
// Monaco is most of the page's weight: load it once the first findings are on screen (parsed
// at the same time, it slows the worker's first check on a machine with few cores), or after
// 1.5 s whatever the check does (a slow or failing check never keeps the editors away).
await Promise.race([check().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1500))]);
// Monaco's own strings (menus, the find widget, hovers) in the page's language: its Chinese pack
// must be evaluated before any Monaco module, so it is loaded, and awaited, first. A language
// switched later applies to them on the next load.
monacoLanguage = language;
if (monacoLanguage === 'zh-CN') await import('monaco-editor/nls/lang/zh-cn.js');
const { createEditors } = await import('./editor/editors.js');
performance.mark('playground:monaco-loaded');
editors = createEditors({ rules: element('rules-editor'), document: element('document-editor') }, { rules: start.rulesText, document: start.documentText });
editors.onChange((name) => {
  if (name === 'rules') rulesChanged();
  scheduleCheck();
  autosave();
  // Once edited, the page is no longer the shared link's state: a reload restores the edits.
  if (window.location.hash !== '') window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
});
showMarkers();
editorsLoaded();
document.body.dataset.editors = 'ready';
performance.mark('playground:editors');
