/**
 * Regular expressions written in rules (patterns, headings): compiled once, in Unicode mode, and
 * checked when a rule set loads. JavaScript's engine backtracks, so a pattern such as `(a+)+$` or
 * `\s*。?\s*$` can take exponential or quadratic time on a long text; a submitted document must
 * never be able to hang the checker through a rule. Each pattern is analysed for super-linear
 * backtracking (scslre, the analysis behind eslint-plugin-regexp) and refused with the reason and,
 * where the analysis has one, a rewrite that matches the same texts.
 */
import { analyse } from 'scslre';

/** A rule's pattern longer than this is refused: patterns name phrases, not documents. */
export const MAX_PATTERN_LENGTH = 1000;

const compiled = new Map<string, RegExp | undefined>();

/**
 * A rule's pattern as a regular expression (Unicode mode), or undefined if it is not a valid and
 * safe one. Compiled once per source (rule sets are few, and their patterns are reused for every text).
 * @param source The pattern.
 */
export function patternOf(source: unknown): RegExp | undefined {
  if (typeof source !== 'string' || source === '') return undefined;
  if (!compiled.has(source)) compiled.set(source, patternProblem(source) === undefined ? new RegExp(source, 'u') : undefined);
  return compiled.get(source);
}

const problems = new Map<string, string | undefined>();

/**
 * Why a rule's pattern cannot be used, in Chinese and English, or undefined when it can: not a
 * valid regular expression, too long, or one whose matching time can grow faster than the text.
 * @param source The pattern.
 */
export function patternProblem(source: string): string | undefined {
  if (!problems.has(source)) problems.set(source, findProblem(source));
  return problems.get(source);
}

function findProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `正则表达式超过 ${MAX_PATTERN_LENGTH} 个字符 / longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch {
    return `不是有效的正则表达式：${source} / not a valid regular expression`;
  }
  let reports: ReturnType<typeof analyse>['reports'];
  try {
    reports = analyse({ source, flags: 'u' }, { maxReports: 1 }).reports;
  } catch {
    return undefined;
  }
  const [report] = reports;
  if (report === undefined) return undefined;
  const growth = report.exponential ? '指数级' : '多项式级';
  const fixed = report.fix();
  const rewrite = fixed !== undefined && fixed.source !== source ? `，可改写为 ${fixed.source}` : '';
  return (
    `正则表达式 ${source} 在含大量“${report.character.literal.source}”的文字上会${growth}回溯（如两个相邻的重复都能匹配同一段文字），一份文档就能让检查停不下来：请改写${rewrite}` +
    ` / the pattern backtracks ${report.exponential ? 'exponentially' : 'polynomially'} on texts with many "${report.character.literal.source}"; rewrite it${fixed !== undefined && fixed.source !== source ? ` (e.g. ${fixed.source})` : ''}`
  );
}
