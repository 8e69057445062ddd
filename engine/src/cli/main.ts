/**
 * The command-line interface: `disclosure-check <file> [--rules] [--format text|json] [--lang]`
 * and `disclosure-check import <file.pdf|file.txt>`. Exit 0 without error findings, 1 with them, 2 when the
 * input is unusable (unreadable file, malformed JSON, unrecognised text, invalid rule set), with
 * a one-line reason on stderr naming the file and the place.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TIME_BUDGET_MS, type Language, formatText } from '../index.js';
import { EngineError, checkFile, defaultRulePackPath, loadDocumentFile, loadRuleSetFromPath } from '../node.js';

/** Where the CLI writes, so tests can capture it. */
export interface CliIo {
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
}

interface CheckOptions {
  rules?: string;
  format: 'text' | 'json';
  lang: Language;
  only?: string[];
  skip?: string[];
  timeBudget: number;
}

function list(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((part) => part.trim()).filter((part) => part !== '')];
}

async function check(file: string, options: CheckOptions, io: CliIo): Promise<number> {
  const ruleSet = loadRuleSetFromPath(options.rules ?? defaultRulePackPath(), options.lang);
  // A rule id or tag that names no rule is a typo: checking nothing (or everything) is no answer.
  const names = new Set(ruleSet.rules.flatMap((rule) => [rule.definition.id, ...(rule.definition.tags ?? [])]));
  for (const [flag, wanted] of [['--only', options.only], ['--skip', options.skip]] as const) {
    const unknown = (wanted ?? []).filter((name) => !names.has(name));
    if (unknown.length > 0) {
      throw new EngineError('rule_unknown', `${flag} ${unknown.join(',')}：规则包中没有这样的规则 id 或标签 / no rule has this id or tag`, options.rules ?? defaultRulePackPath());
    }
  }
  const { report } = await checkFile(ruleSet, file, { language: options.lang, only: options.only, skip: options.skip, timeBudgetMs: options.timeBudget * 1000 });
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, options.lang));
  return report.valid ? 0 : 1;
}

/**
 * Runs the CLI and returns its exit code; never throws.
 * @param argv Arguments after the program name.
 * @param io Where to write.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('disclosure-check')
    .description('检查预算公开文档是否符合规则 / Check a budget disclosure against its rules')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);

  program
    .command('check <file>', { isDefault: true })
    .description('检查一份文档（.json；.pdf 或 .txt 先导入）/ check a document (.json; .pdf or .txt imported first)')
    .option('--rules <path>', '规则包目录或规则集文件 / rule pack directory or rule-set file')
    .addOption(new Option('--format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <language>', '消息语言 / message language').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--only <ids>', '只运行这些规则 id 或标签（逗号分隔）/ only these rule ids or tags', list)
    .option('--skip <ids>', '跳过这些规则 id 或标签（逗号分隔）/ skip these rule ids or tags', list)
    .addOption(
      new Option('--time-budget <seconds>', '检查的时限（秒），超过即停止并报告；0 为不限 / time budget in seconds (0: none)')
        .default(DEFAULT_TIME_BUDGET_MS / 1000)
        .argParser((value: string) => {
          const seconds = Number(value);
          if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('应为不小于 0 的秒数 / must be a number of seconds ≥ 0');
          return seconds;
        }),
    )
    .action(async (file: string, options: CheckOptions) => {
      exitCode = await check(file, options, io);
    });

  program
    .command('import <file>')
    .description('把公开的 PDF 或文本导入为文档 JSON / import a published PDF or text into a document')
    .option('--text', '打印 PDF 的文本视图（行号即报告中的 source.line）/ print the PDF\'s text view (the lines source.line refers to)')
    .action(async (file: string, options: { text?: boolean }) => {
      const { document, importProblems, text, tables } = await loadDocumentFile(file);
      if (options.text === true && text !== undefined) {
        io.stdout(`${text.split('\n').map((line, index) => `${String(index + 1).padStart(5)}  ${line.replace(/\f/g, '')}`).join('\n')}\n`);
        return;
      }
      io.stdout(`${JSON.stringify(document, null, 2)}\n`);
      for (const table of tables ?? []) {
        if (!table.stored) io.stderr(`disclosure-check: ${file}:${table.from}: 已识别但未导入的表 ${table.label ?? ''}《${table.title}》（${'role' in table.kind ? `${table.kind.role} 已由前表占用` : table.kind.other}）\n`);
      }
      for (const problem of importProblems) io.stderr(`disclosure-check: ${file}:${problem.line}: ${problem.message}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
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
