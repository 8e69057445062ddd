/**
 * Where the performance-target tables (绩效目标表) are among the narrative's lines: each starts
 * at its title ("…项目支出绩效目标表") and runs to the next one, or to the next numbered section
 * heading (e.g. "十一、国有资产占有使用情况"). The narrative stage skips these lines; the
 * performance stage reads them.
 */
import { type SourceLine } from './types.js';

const TITLE = /^(?!\s*(?:\d|附件)).*(?:项目支出绩效目标表|整体支出绩效目标表|绩效目标申报表)\s*$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、/;

/** The performance blocks and the remaining narrative lines. */
export interface PerformanceSplit {
  /** One block of lines per table, title first. */
  readonly blocks: readonly (readonly SourceLine[])[];
  /** Every other line, in order. */
  readonly rest: readonly SourceLine[];
}

/**
 * Splits the narrative's lines into performance-table blocks and the rest.
 * @param lines The narrative's lines.
 */
export function splitPerformanceBlocks(lines: readonly SourceLine[]): PerformanceSplit {
  const blocks: SourceLine[][] = [];
  const rest: SourceLine[] = [];
  let current: SourceLine[] | undefined;
  for (const line of lines) {
    if (TITLE.test(line.text)) {
      current = [line];
      blocks.push(current);
    } else if (current !== undefined && SECTION_HEADING.test(line.text)) {
      current = undefined;
      rest.push(line);
    } else if (current !== undefined) {
      current.push(line);
    } else {
      rest.push(line);
    }
  }
  return { blocks, rest };
}
