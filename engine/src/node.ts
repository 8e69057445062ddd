/**
 * Node-only helpers: reading JSON files with precise errors, loading rule sets from a directory
 * or a file, locating the bundled rule packs. The isomorphic core is in ./index.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError } from './errors.js';
import { type CompiledRuleSet, type Language, type RuleSource, loadRuleSet, parseJsonText } from './index.js';

export { EngineError } from './errors.js';

/**
 * Parses JSON text, or throws an EngineError naming the line and column of the first problem.
 * @param text The text.
 * @param file Its file name, for the message.
 */
export function parseJson(text: string, file?: string): unknown {
  const result = parseJsonText(text);
  if (result.ok) return result.value;
  const { code, line, column } = result.error;
  throw new EngineError('json_malformed', `JSON 格式错误（${code}）：请修正该处后重试 / malformed JSON (${code}): fix it and retry`, file, `${line}:${column}`);
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
  const ruleFiles: RuleSource[] =
    directory === undefined ? [] : ruleFilesUnder(directory).map((file) => ({ file: relative(process.cwd(), file) || file, value: readJsonFile(file) }));
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

/** The bundled department-budget rule pack. */
export function defaultRulePackPath(): string {
  return resolve(packageRoot(), 'rules', 'department-budget');
}
