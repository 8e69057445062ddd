/**
 * Checking many documents: folders expanded to the documents in them, files checked on worker
 * threads (one per core, each with its own copy of the rule set) and their results returned in
 * the order given, whatever order they finish in.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Language } from '../index.js';
import { checkFile, defaultRulePackPath, loadRuleSetFromPath, unusableReason } from '../node.js';
import { type FileResult } from './formats.js';

/** The documents a folder holds: what the checker reads. */
const DOCUMENT_EXTENSIONS = /\.(?:pdf|json|txt)$/i;

/** How each file is checked. */
export interface BatchOptions {
  readonly rules?: string;
  readonly language: Language;
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly timeBudgetMs: number;
  /** Worker threads (default: one per core, at most one per file). */
  readonly workers?: number;
  /** Told as each file ends (in the order they end). */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/** What a worker is told once, then the files it is given one at a time. */
export interface WorkerSetup {
  readonly rules: string;
  readonly language: Language;
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly timeBudgetMs: number;
}

/**
 * The files to check: each path given, a folder replaced by the documents in it and its
 * subfolders (.pdf, .json, .txt, sorted by path). A path that does not exist stays, to be
 * reported as unusable with the others.
 * @param paths Files and folders.
 */
export function expandInputs(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (existsSync(path) && statSync(path).isDirectory() ? documentsUnder(path) : [path]));
}

function documentsUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return documentsUnder(path);
      return entry.isFile() && DOCUMENT_EXTENSIONS.test(entry.name) ? [path] : [];
    });
}

/**
 * Checks one file in this thread: its report, or the one-line reason it cannot be checked.
 * @param file The file.
 * @param setup The rule set and options.
 * @param ruleSet The rule set, loaded.
 */
export async function checkOne(file: string, setup: WorkerSetup, ruleSet = loadRuleSetFromPath(setup.rules, setup.language)): Promise<FileResult> {
  const started = performance.now();
  try {
    const { report } = await checkFile(ruleSet, file, {
      language: setup.language,
      ...(setup.only !== undefined ? { only: setup.only } : {}),
      ...(setup.skip !== undefined ? { skip: setup.skip } : {}),
      timeBudgetMs: setup.timeBudgetMs,
    });
    return { file, report, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { file, unusable: unusableReason(error, file).message, seconds: (performance.now() - started) / 1000 };
  }
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (tests). */
function workerScript(): URL | undefined {
  const url = new URL('./batchWorker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Checks files on worker threads; the results come back in the order of `files`.
 * @param files The files.
 * @param options The rule set, options and workers.
 */
export async function checkFiles(files: readonly string[], options: BatchOptions): Promise<FileResult[]> {
  const setup: WorkerSetup = {
    rules: options.rules ?? defaultRulePackPath(),
    language: options.language,
    ...(options.only !== undefined ? { only: options.only } : {}),
    ...(options.skip !== undefined ? { skip: options.skip } : {}),
    timeBudgetMs: options.timeBudgetMs,
  };
  const results: FileResult[] = new Array<FileResult>(files.length);
  let done = 0;
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    done += 1;
    options.onProgress?.(done, files.length, result.file);
  };
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), files.length));
  const script = workerScript();
  if (script === undefined || count === 1) {
    const ruleSet = loadRuleSetFromPath(setup.rules, setup.language);
    for (const [index, file] of files.entries()) finish(index, await checkOne(file, setup, ruleSet));
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(script, { workerData: setup });
      return new Promise<void>((resolve, reject) => {
        const give = () => {
          if (next >= files.length) {
            void worker.terminate().then(() => {
              resolve();
            });
            return;
          }
          const index = next++;
          worker.postMessage({ index, file: files[index] });
        };
        worker.on('message', (message: { index: number; result: FileResult }) => {
          finish(message.index, message.result);
          give();
        });
        worker.on('error', reject);
        give();
      });
    }),
  );
  return results;
}
