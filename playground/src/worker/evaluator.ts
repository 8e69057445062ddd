/**
 * What the worker does, as plain functions (testable in Node): parse the two texts, load the rule
 * set (remembering the last one while its text is unchanged), evaluate, and locate every finding
 * and every problem in its text.
 */
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { type CompiledRuleSet, type Language, evaluate, fillTemplate, importText, loadRuleSet, parseJsonText } from '../../../engine/src/index.js';
import { type DuplicateKey, duplicateKeyNotes } from '../../../engine/src/document/json.js';
import { type SourcePlace } from '../../../engine/src/import/positioned/model.js';
import { locatePointers } from '../editor/pointerToRange.js';
import { type CaseInput, type CaseResult, type TextProblem, type WorkerRequest, type WorkerResponse } from './protocol.js';

const SYNTAX: Readonly<Record<Language, string>> = {
  'zh-CN': 'JSON 格式错误（{code}），第 {line} 行第 {column} 列：请修正后继续',
  en: 'Malformed JSON ({code}) at line {line}, column {column}: fix it to continue',
};

/** Each line's page and box in the PDF last imported. */
let pdfPlaces: ReadonlyMap<number, SourcePlace> | undefined;

type Loaded = { readonly ruleSet: CompiledRuleSet; readonly problems: readonly [] } | { readonly ruleSet?: undefined; readonly problems: readonly TextProblem[] };

function syntaxProblem(text: string, language: Language, duplicates = false): { value?: unknown; problem?: TextProblem; duplicates?: readonly DuplicateKey[] } {
  const parsed = parseJsonText(text, { duplicates });
  if (parsed.ok) return { value: parsed.value, ...(parsed.duplicates !== undefined ? { duplicates: parsed.duplicates } : {}) };
  const { code, line, column, offset, length } = parsed.error;
  const message = fillTemplate(SYNTAX[language], { code, line, column });
  return { problem: { message, range: { offset, length: Math.max(length, 1), exact: true } } };
}

let lastRules: { text: string; language: Language; loaded: Loaded } | undefined;

/**
 * Loads the rule set in the rules editor, or locates its problems in the text.
 * @param text The rules text.
 * @param language Message language.
 */
export function loadRules(text: string, language: Language): Loaded {
  if (lastRules !== undefined && lastRules.text === text && lastRules.language === language) return lastRules.loaded;
  const { value, problem } = syntaxProblem(text, language);
  let loaded: Loaded;
  if (problem !== undefined) {
    loaded = { problems: [problem] };
  } else {
    const result = loadRuleSet(value, { file: 'rules.json', language });
    if (result.ok) {
      loaded = { ruleSet: result.value, problems: [] };
    } else {
      const ranges = locatePointers(
        text,
        result.errors.map((error) => error.pointer),
      );
      loaded = { problems: result.errors.map((error) => ({ message: error.message, pointer: error.pointer, range: ranges.get(error.pointer)! })) };
    }
  }
  lastRules = { text, language, loaded };
  return loaded;
}

/**
 * Handles one request.
 * @param request The request.
 * @param onRule Told each rule's id as an evaluation starts it.
 */
export async function handle(request: WorkerRequest, onRule?: (ruleId: string) => void): Promise<WorkerResponse> {
  const started = performance.now();
  if (request.type === 'import') {
    const result = importText(request.text, request.file === undefined ? {} : { file: request.file });
    if (!result.ok) return { type: 'imported', id: request.id, problems: [], error: result.error.message };
    return { type: 'imported', id: request.id, documentText: `${JSON.stringify(result.document, null, 2)}\n`, problems: result.problems };
  }
  if (request.type === 'importPdf') {
    // pdf.js is loaded only when a PDF is opened (it is as large as the engine).
    const { importPdfInWorker } = await import('./pdfReader.js');
    const result = await importPdfInWorker(new Uint8Array(request.data), request.file);
    // A PDF that cannot be read leaves the document (and the places of its findings) as they were.
    if (!result.ok) return { type: 'imported', id: request.id, problems: [], error: result.error.message };
    pdfPlaces = result.places;
    return { type: 'imported', id: request.id, documentText: `${JSON.stringify(result.document, null, 2)}\n`, problems: result.problems, pageCount: result.pageCount };
  }
  if (request.type === 'runCases') {
    const loaded = loadRules(request.rulesText, request.language);
    const results = loaded.ruleSet === undefined ? [] : await runCases(loaded.ruleSet, request.ruleId, request.cases, request.language);
    return { type: 'casesRun', id: request.id, ruleId: request.ruleId, results, ruleProblems: loaded.problems };
  }
  const loaded = loadRules(request.rulesText, request.language);
  // Keys given twice in the document are said (a second pass over its text, at each check, not at each keystroke).
  const document = syntaxProblem(request.documentText, request.language, true);
  if (loaded.ruleSet === undefined || document.problem !== undefined) {
    return {
      type: 'evaluated',
      id: request.id,
      findings: [],
      ruleProblems: loaded.problems,
      ...(document.problem !== undefined ? { documentProblem: document.problem } : {}),
      elapsed: performance.now() - started,
    };
  }
  const places = request.fromPdf === true ? pdfPlaces : undefined;
  const report = await evaluate(loaded.ruleSet, document.value, {
    language: request.language,
    importProblems: [...(request.importProblems ?? []), ...duplicateKeyNotes(document.duplicates ?? [])],
    ...(places !== undefined ? { sourcePlaces: places } : {}),
    ...(request.skip !== undefined && request.skip.length > 0 ? { skip: request.skip } : {}),
    ...(onRule !== undefined ? { onRule } : {}),
  });
  return { type: 'evaluated', id: request.id, report, findings: report.findings, ruleProblems: [], elapsed: performance.now() - started };
}

/**
 * Where the findings of an evaluation are in the document text (a scan of the whole text, so it
 * is answered separately, after the findings themselves).
 * @param request The evaluate request.
 * @param response Its response.
 */
export function locate(request: Extract<WorkerRequest, { type: 'evaluate' }>, response: Extract<WorkerResponse, { type: 'evaluated' }>): WorkerResponse | undefined {
  if (response.findings.length === 0) return undefined;
  const ranges = locatePointers(
    request.documentText,
    response.findings.map((finding) => finding.path),
  );
  return { type: 'located', id: request.id, ranges: response.findings.map((finding) => ranges.get(finding.path)!) };
}

async function runCases(ruleSet: CompiledRuleSet, ruleId: string, cases: readonly CaseInput[], language: Language): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const entry of cases) {
    const expected = [...entry.findings].sort();
    try {
      const document = entry.patch === undefined ? entry.document : fastJsonPatch.applyPatch(structuredClone(entry.document), entry.patch as Operation[], true, false).newDocument;
      const report = await evaluate(ruleSet, document, { language, only: [ruleId] });
      const actual = report.findings
        .filter((finding) => finding.ruleId === ruleId)
        .map((finding) => finding.path)
        .sort();
      results.push({ name: entry.name, passed: JSON.stringify(actual) === JSON.stringify(expected), expected, actual });
    } catch (error) {
      results.push({ name: entry.name, passed: false, expected, actual: [], error: (error as Error).message });
    }
  }
  return results;
}
