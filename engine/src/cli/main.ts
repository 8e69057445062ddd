/**
 * The command-line interface: `disclosure-check <files or folders…> [--rules] [--format
 * text|json|sarif|junit] [--lang]` and `disclosure-check import <file.pdf|file.txt>`. One file: its
 * report. Several, or a folder: each file checked on a worker thread, a report per file (JSON
 * Lines with `--format json`, one SARIF log or JUnit XML for all) and a summary table at the end.
 * Exit 0 without error findings, 1 with them, 2 when an input is unusable (unreadable file,
 * malformed JSON, unrecognised text, invalid rule set), with a one-line reason on stderr naming
 * the file and the place; with several files, the worst of them.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type CompiledRuleSet, DEFAULT_TIME_BUDGET_MS, type Language, formatText } from '../index.js';
import { EngineError, checkFile, defaultRulePackPath, loadDocumentFile, loadRuleSetFromPath, packageVersion, unknownRuleNames } from '../node.js';
import { checkFiles, expandInputs } from './batch.js';
import { type FileResult, summaryTable, toJunit, toSarif } from './formats.js';

/** Where the CLI writes, so tests can capture it. */
export interface CliIo {
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
  /** Whether standard error is a terminal (a progress bar is drawn there). */
  readonly progress?: boolean;
}

type Format = 'text' | 'json' | 'sarif' | 'junit';

interface CheckOptions {
  rules?: string;
  format: Format;
  lang: Language;
  only?: string[];
  skip?: string[];
  timeBudget: number;
  workers?: number;
  verbose?: boolean;
}

function list(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  ];
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('应为正整数 / must be a whole number ≥ 1');
  return number;
}

/** The rule set of the options, with an --only or --skip naming no rule or tag refused. */
function ruleSetOf(options: CheckOptions): CompiledRuleSet {
  const ruleSet = loadRuleSetFromPath(options.rules ?? defaultRulePackPath(), options.lang);
  for (const [flag, wanted] of [
    ['--only', options.only],
    ['--skip', options.skip],
  ] as const) {
    const unknown = unknownRuleNames(ruleSet, wanted);
    if (unknown.length > 0) {
      throw new EngineError('rule_unknown', `${flag} ${unknown.join(',')}：规则包中没有这样的规则 id 或标签 / no rule has this id or tag`, options.rules ?? defaultRulePackPath());
    }
  }
  return ruleSet;
}

async function checkSingle(file: string, options: CheckOptions, io: CliIo): Promise<number> {
  if (options.format === 'sarif' || options.format === 'junit') return checkMany([file], options, io);
  const ruleSet = ruleSetOf(options);
  const { report } = await checkFile(ruleSet, file, { language: options.lang, only: options.only, skip: options.skip, timeBudgetMs: options.timeBudget * 1000 });
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, options.lang, { verbose: options.verbose === true }));
  return report.valid ? 0 : 1;
}

/** Draws `[#####     ] 12/60 file` over itself on a terminal. */
function progressBar(io: CliIo): ((done: number, total: number, file: string) => void) | undefined {
  if (io.progress !== true) return undefined;
  return (done, total, file) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r\u001b[K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${file.slice(-50)}${done === total ? '\r\u001b[K' : ''}`);
  };
}

async function checkMany(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  // Loaded here for the names and SARIF's rule list; each worker loads its own copy to check with.
  const ruleSet = ruleSetOf(options);
  const files = expandInputs(paths);
  if (files.length === 0) throw new EngineError('file_unreadable', `${paths.join(' ')} 中没有可检查的文件（.pdf、.json、.txt）/ no documents to check`);
  const onProgress = progressBar(io);
  const results: FileResult[] = await checkFiles(files, {
    language: options.lang,
    timeBudgetMs: options.timeBudget * 1000,
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
    ...(options.only !== undefined ? { only: options.only } : {}),
    ...(options.skip !== undefined ? { skip: options.skip } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  });
  for (const result of results) {
    if ('unusable' in result) io.stderr(`disclosure-check: ${result.unusable}\n`);
  }
  const checked = results.filter((result) => 'report' in result);
  if (options.format === 'json') for (const result of checked) io.stdout(`${JSON.stringify(result.report)}\n`);
  if (options.format === 'text') for (const result of checked) io.stdout(`== ${result.file}\n${formatText(result.report, options.lang, { verbose: options.verbose === true })}\n`);
  if (options.format === 'sarif') io.stdout(`${JSON.stringify(toSarif(results, ruleSet, packageVersion(), options.lang), null, 2)}\n`);
  if (options.format === 'junit') io.stdout(toJunit(results));
  // The table is for a person: on stdout after text reports, else on stderr (stdout stays one format).
  if (files.length > 1) {
    const table = summaryTable(results, options.lang);
    if (options.format === 'text') io.stdout(table);
    else io.stderr(table);
  }
  if (checked.length < results.length) return 2;
  return checked.every((result) => result.report.valid) ? 0 : 1;
}

/**
 * Runs the CLI and returns its exit code; never throws.
 * @param argv Arguments after the program name.
 * @param io Where to write.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const checkOptions = (command: Command): Command =>
    command
      .option('--rules <path>', '规则包目录或规则集文件 / rule pack directory or rule-set file')
      .addOption(
        new Option('--format <format>', '输出格式；多个文件时 json 为每行一份报告 / output format (json: a report per line for several files)')
          .choices(['text', 'json', 'sarif', 'junit'])
          .default('text'),
      )
      .addOption(new Option('--lang <language>', '消息语言 / message language').choices(['zh-CN', 'en']).default('zh-CN'))
      .option('--only <ids>', '只运行这些规则 id 或标签（逗号分隔）/ only these rule ids or tags', list)
      .option('--skip <ids>', '跳过这些规则 id 或标签（逗号分隔）/ skip these rule ids or tags', list)
      .addOption(
        new Option('--time-budget <seconds>', '每个文件的检查时限（秒），超过即停止并报告；0 为不限 / time budget per file in seconds (0: none)')
          .default(DEFAULT_TIME_BUDGET_MS / 1000)
          .argParser((value: string) => {
            const seconds = Number(value);
            if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('应为不小于 0 的秒数 / must be a number of seconds ≥ 0');
            return seconds;
          }),
      )
      .addOption(new Option('--workers <n>', '同时检查的线程数（默认每核一个）/ worker threads (default: one per core)').argParser(positiveInteger))
      .option('--verbose', '文本输出列出每个缺陷的所有位置 / text output: every place of every defect')
      .action(async (files: string[], options: CheckOptions) => {
        const single = files.length === 1 && expandInputs(files)[0] === files[0];
        exitCode = single ? await checkSingle(files[0]!, options, io) : await checkMany(files, options, io);
      });
  const program = checkOptions(
    new Command('disclosure-check')
      .description('检查预算公开文档是否符合规则：一个或多个文件（.pdf、.txt、.json）或文件夹 / check budget disclosures (files or folders) against their rules')
      .argument('<files...>', '要检查的文件或文件夹 / files or folders to check')
      .version(packageVersion(), '-V, --version', '显示版本 / show the version')
      .exitOverride()
      .configureOutput({
        writeOut: (text) => {
          io.stdout(text);
        },
        writeErr: (text) => {
          io.stderr(text);
        },
      })
      .showHelpAfterError(false),
  );
  checkOptions(program.command('check').description('同默认命令 / the default command').argument('<files...>'));

  program
    .command('import <file>')
    .description('把公开的 PDF 或文本导入为文档 JSON / import a published PDF or text into a document')
    .option('--text', "打印 PDF 的文本视图（行号即报告中的 source.line）/ print the PDF's text view (the lines source.line refers to)")
    .action(async (file: string, options: { text?: boolean }) => {
      const { document, importProblems, text, tables } = await loadDocumentFile(file);
      if (options.text === true && text !== undefined) {
        io.stdout(
          `${text
            .split('\n')
            .map((line, index) => `${String(index + 1).padStart(5)}  ${line.replace(/\f/g, '')}`)
            .join('\n')}\n`,
        );
        return;
      }
      io.stdout(`${JSON.stringify(document, null, 2)}\n`);
      for (const table of tables ?? []) {
        if (!table.stored)
          io.stderr(
            `disclosure-check: ${file}:${table.from}: 已识别但未导入的表 ${table.label ?? ''}《${table.title}》（${'role' in table.kind ? `${table.kind.role} 已由前表占用` : table.kind.other}）\n`,
          );
      }
      for (const problem of importProblems) io.stderr(`disclosure-check: ${file}:${problem.line}: ${problem.message}\n`);
    });

  program
    .command('serve')
    .description('启动 HTTP 服务：POST /v1/check、GET /v1/rules、/healthz、/openapi.json / run the HTTP service')
    .option('--port <port>', '端口 / port', (value: string) => Number(value), 8080)
    .option('--host <host>', '监听地址 / host to listen on', '127.0.0.1')
    .option('--rules <path>', '规则包目录或规则集文件 / rule pack directory or rule-set file')
    .addOption(new Option('--workers <n>', '检查线程数（默认每核一个）/ worker threads (default: one per core)').argParser(positiveInteger))
    .addOption(new Option('--max-body <megabytes>', '请求体上限（MB）/ largest request body in MB').argParser(positiveInteger).default(50))
    .addOption(new Option('--time-budget <seconds>', '每次检查的时限（秒）/ time budget per check in seconds').argParser((value: string) => Number(value)).default(DEFAULT_TIME_BUDGET_MS / 1000))
    .option('--log-level <level>', '日志级别（pino）/ log level', 'info')
    .action(async (options: { port: number; host: string; rules?: string; workers?: number; maxBody: number; timeBudget: number; logLevel: string }) => {
      // Loaded here only: the check and import commands never load Fastify.
      const { buildService } = await import('../server/app.js');
      const app = await buildService({
        ...(options.rules !== undefined ? { rules: options.rules } : {}),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        bodyLimit: options.maxBody * 1024 * 1024,
        timeBudgetMs: options.timeBudget * 1000,
        logLevel: options.logLevel,
      });
      const address = await app.listen({ port: options.port, host: options.host });
      io.stderr(`disclosure-check serve: listening on ${address}\n`);
      // Stops taking requests, lets the running checks end, then stops the workers.
      await new Promise<void>((resolve) => {
        const stop = () => {
          void app.close().then(() => {
            resolve();
          });
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.version' || error.code === 'commander.helpDisplayed' ? 0 : 2;
    }
    if (error instanceof EngineError) {
      io.stderr(`disclosure-check: ${error.toLine()}\n`);
      for (const detail of error.details) io.stderr(`disclosure-check: ${detail}\n`);
      return 2;
    }
    io.stderr(`disclosure-check: 内部错误，请报告此问题 / internal error, please report it: ${(error as Error).message}\n`);
    return 2;
  }
}
