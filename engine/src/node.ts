/**
 * Node-only helpers: reading JSON files with precise errors, loading rule sets from a directory
 * or a file, locating the bundled rule packs. The isomorphic core is in ./index.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError } from './errors.js';
import { type CompiledRuleSet, type EvaluateOptions, type ImportProblem, type Language, type Report, type RuleSource, evaluate, importText, loadRuleSet, parseJsonText } from './index.js';
import { type DuplicateKey, duplicateKeyNotes } from './document/json.js';
import { MAX_PDF_PAGES } from './document/limits.js';
import { type PositionedImportResult } from './import/importPositioned.js';
import { importPdf } from './import/importPdf.js';
import { type PdfJs } from './import/positioned/fromPdf.js';
import { type SourcePlace } from './import/positioned/model.js';
import { type RecognisedTable } from './import/tables/readTables.js';
import { sniffInput } from './import/sniff.js';

export { EngineError } from './errors.js';

/**
 * Parses JSON text, or throws an EngineError naming the line and column of the first problem.
 * @param text The text.
 * @param file Its file name, for the message.
 */
export function parseJson(text: string, file?: string): unknown {
  return parseJsonFile(text, file, false).value;
}

/** Parses JSON text (as parseJson), and says which keys it gives twice when asked. */
function parseJsonFile(text: string, file: string | undefined, duplicates: boolean): { value: unknown; duplicates: readonly DuplicateKey[] } {
  const result = parseJsonText(text, { duplicates });
  if (result.ok) return { value: result.value, duplicates: result.duplicates ?? [] };
  const { code, line, column } = result.error;
  if (code === 'NestedTooDeep') {
    throw new EngineError('json_too_deep', 'JSON 嵌套过深（超过 1000 层）：预算公开文档不会这样嵌套 / JSON nested deeper than 1000 levels', file, `${line}:${column}`);
  }
  throw new EngineError('json_malformed', `JSON 格式错误（${code}）：请修正该处后重试 / malformed JSON (${code}): fix it and retry`, file, `${line}:${column}`);
}

/** The largest file the checker reads (a disclosure PDF is a few MB; its JSON less). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

function readBytes(path: string): Uint8Array {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined;
  }
  if (size !== undefined && size > MAX_INPUT_BYTES) {
    const megabytes = (size / 1024 / 1024).toFixed(0);
    throw new EngineError(
      'file_too_large',
      `文件有 ${megabytes} MB，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限：请核对是否选错了文件 / the file is ${megabytes} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit`,
      path,
    );
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw new EngineError('file_unreadable', `无法读取文件（${(error as NodeJS.ErrnoException).code ?? 'error'}）：请检查路径和权限 / cannot read the file: check the path`, path);
  }
}

/**
 * Reads and parses a JSON file.
 * @param path The file.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EngineError('file_unreadable', `无法读取文件（${(error as NodeJS.ErrnoException).code ?? 'error'}）：请检查路径和权限 / cannot read the file: check the path`, path);
  }
  return parseJson(text, path);
}

/** A document read from a file, with what the importer could not read and where each line is. */
export interface LoadedDocument {
  /** The document (any JSON value for JSON input). */
  readonly document: unknown;
  /** What the importer could not read (text and PDF input). */
  readonly importProblems: readonly ImportProblem[];
  /** For PDF input: each line's page and box. */
  readonly sourcePlaces?: ReadonlyMap<number, SourcePlace>;
  /** For PDF input: every printed table and what it was recognised as. */
  readonly tables?: readonly RecognisedTable[];
  /** For PDF input: the text view its line numbers refer to. */
  readonly text?: string;
  /** What the file was. */
  readonly format: 'json' | 'text' | 'pdf';
}

let pdfjsModule: Promise<PdfJs> | undefined;

/** pdf.js for Node (its legacy build: the modern one needs Node 22), loaded on first use. */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>;
  return pdfjsModule;
}

/** Where pdf.js keeps its CMaps and standard fonts (folders with a trailing slash, as pdf.js wants them). */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/**
 * Imports a disclosure from a PDF's bytes (Node): the positioned import with pdf.js, or why not.
 * @param data The PDF's bytes.
 * @param options File name and page limit (default MAX_PDF_PAGES).
 */
export async function importPdfBytes(data: Uint8Array, options: { file?: string; maxPages?: number } = {}): Promise<PositionedImportResult> {
  return importPdf(data, await pdfjs(), { ...pdfjsData(), maxPages: MAX_PDF_PAGES, ...options });
}

/**
 * Reads a document from a file, whatever it holds: a PDF (read with pdf.js), JSON, or published
 * text (imported). Throws EngineError for what cannot be used: unreadable files, malformed JSON,
 * unsupported formats (Excel, Word, images…), text or PDFs that are not a budget disclosure, and
 * documents no rule pack covers (部门决算).
 * @param path The file.
 */
export async function loadDocumentFile(path: string): Promise<LoadedDocument> {
  return loadDocumentBytes(readBytes(path), path);
}

/**
 * Reads a document from bytes, as loadDocumentFile does from a file (a service's request body).
 * @param bytes The content.
 * @param path The name errors give and whose extension tells .json from .txt when the content
 *   could be either (e.g. "document.json").
 */
export async function loadDocumentBytes(bytes: Uint8Array, path: string): Promise<LoadedDocument> {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new EngineError(
      'file_too_large',
      `内容有 ${(bytes.length / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限 / over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit`,
      path,
    );
  }
  const sniffed = sniffInput(bytes);
  const file = basename(path);
  if (sniffed.kind === 'unsupported') {
    throw new EngineError('format_unsupported', `不支持的文件格式：${sniffed.what}；请提供 PDF、公开文本（.txt）或文档 JSON / unsupported format`, path);
  }
  if (sniffed.kind === 'pdf') {
    const result = await importPdfBytes(bytes, { file });
    if (!result.ok) throw importRefusal(result.error, path);
    return { document: result.document, importProblems: result.problems, sourcePlaces: result.places, tables: result.tables, text: result.text, format: 'pdf' };
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.json' || (extension !== '.txt' && sniffed.kind === 'json')) {
    const { value, duplicates } = parseJsonFile(sniffed.text, path, true);
    return { document: value, importProblems: duplicateKeyNotes(duplicates), format: 'json' };
  }
  const result = importText(sniffed.text, { file });
  if (!result.ok) throw importRefusal(result.error, path);
  return { document: result.document, importProblems: result.problems, format: 'text' };
}

/**
 * Reads a file (as loadDocumentFile) and checks it: the report carries the importer's notes and,
 * for a PDF, each finding's page and box. Throws EngineError as loadDocumentFile does.
 * @param ruleSet The rules.
 * @param path The file.
 * @param options Evaluation options (language, rule selection).
 */
export async function checkFile(
  ruleSet: CompiledRuleSet,
  path: string,
  options: Omit<EvaluateOptions, 'file' | 'importProblems' | 'sourcePlaces'> = {},
): Promise<{ report: Report; loaded: LoadedDocument }> {
  return checkLoaded(ruleSet, await loadDocumentFile(path), path, options);
}

/**
 * Checks a document given as bytes (as checkFile does a file). Throws EngineError as loadDocumentBytes does.
 * @param ruleSet The rules.
 * @param bytes The content.
 * @param path Its name (see loadDocumentBytes).
 * @param options Evaluation options.
 */
export async function checkBytes(
  ruleSet: CompiledRuleSet,
  bytes: Uint8Array,
  path: string,
  options: Omit<EvaluateOptions, 'file' | 'importProblems' | 'sourcePlaces'> = {},
): Promise<{ report: Report; loaded: LoadedDocument }> {
  return checkLoaded(ruleSet, await loadDocumentBytes(bytes, path), path, options);
}

async function checkLoaded(
  ruleSet: CompiledRuleSet,
  loaded: LoadedDocument,
  path: string,
  options: Omit<EvaluateOptions, 'file' | 'importProblems' | 'sourcePlaces'>,
): Promise<{ report: Report; loaded: LoadedDocument }> {
  const report = await evaluate(ruleSet, loaded.document, {
    ...options,
    file: basename(path),
    importProblems: loaded.importProblems,
    ...(loaded.sourcePlaces !== undefined ? { sourcePlaces: loaded.sourcePlaces } : {}),
  });
  return { report, loaded };
}

function importRefusal(error: ImportProblem, path: string): EngineError {
  if (error.code === 'no_rule_pack') return new EngineError('no_rule_pack', error.message, path);
  if (error.code.startsWith('pdf_')) return new EngineError('pdf_unreadable', error.message, path);
  if (error.code === 'text_too_large') return new EngineError('file_too_large', error.message, path);
  return new EngineError('text_unrecognised', `${error.message} / not a budget disclosure`, path, String(error.line));
}

function ruleFilesUnder(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...ruleFilesUnder(path));
    else if (entry.name.endsWith('.rule.json')) found.push(path);
  }
  return found.sort();
}

/**
 * Loads a rule set from a directory (manifest.json plus every **\/*.rule.json, in path order) or
 * from one JSON file with inline rules. Throws EngineError (rule_set_invalid) with every problem.
 * @param path Directory or file.
 * @param language Message language.
 */
export function loadRuleSetFromPath(path: string, language: Language = 'zh-CN'): CompiledRuleSet {
  let directory: string | undefined;
  try {
    directory = statSync(path).isDirectory() ? path : undefined;
  } catch {
    throw new EngineError('file_unreadable', '规则包路径不存在：请给出规则包目录或规则集 JSON 文件 / rule set not found: give a pack directory or a rule-set JSON file', path);
  }
  const manifestPath = directory !== undefined ? join(directory, 'manifest.json') : path;
  const manifest = readJsonFile(manifestPath);
  const ruleFiles: RuleSource[] = directory === undefined ? [] : ruleFilesUnder(directory).map((file) => ({ file: relative(process.cwd(), file) || file, value: readJsonFile(file) }));
  const result = loadRuleSet(manifest, { file: relative(process.cwd(), manifestPath) || manifestPath, ruleFiles, language });
  if (result.ok) return result.value;
  const [first, ...rest] = result.errors;
  throw new EngineError(
    'rule_set_invalid',
    `规则集无效：${first.message}${rest.length > 0 ? `（另有 ${rest.length} 个问题）` : ''}`,
    first.file,
    first.pointer === '' ? '/' : first.pointer,
    rest.map((problem) => `${problem.file ?? ''}:${problem.pointer === '' ? '/' : problem.pointer}: ${problem.message}`),
  );
}

/** The root of this package (where package.json is), found from this module's location. */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('package.json not found above the engine');
    directory = parent;
  }
  return directory;
}

/**
 * Why a document could not be checked, as one line: an EngineError's place and message, or (for
 * anything else, a bug) an internal error naming the file.
 * @param error What was thrown.
 * @param path The document.
 */
export function unusableReason(error: unknown, path: string): { readonly code: string; readonly message: string } {
  if (error instanceof EngineError) return { code: error.code, message: error.toLine() };
  return { code: 'internal_error', message: `${path}: 内部错误，请报告此问题 / internal error: ${(error as Error).message}` };
}

/** This package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The names among `wanted` that are neither a rule id nor a tag of the rule set (an --only or
 * --skip naming none is a typo: checking nothing, or everything, is no answer).
 * @param ruleSet The rule set.
 * @param wanted Rule ids or tags.
 */
export function unknownRuleNames(ruleSet: CompiledRuleSet, wanted: readonly string[] | undefined): string[] {
  if (wanted === undefined || wanted.length === 0) return [];
  const names = new Set(ruleSet.rules.flatMap((rule) => [rule.definition.id, ...(rule.definition.tags ?? [])]));
  return wanted.filter((name) => !names.has(name));
}

/** The bundled department-budget rule pack. */
export function defaultRulePackPath(): string {
  return resolve(packageRoot(), 'rules', 'department-budget');
}
