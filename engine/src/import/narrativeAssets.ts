/**
 * Reading 国有资产占有使用情况: the date the figures are as of, official vehicles (编制, 实有 and
 * by category), the office floor area and equipment above a value threshold, by the sentences
 * the templates print ("共有公务用车编制N辆，实有N辆，其中：领导用车N辆，…", "建筑总面积X平方米",
 * "X万元（原值）以上的Y设备N台（套）"). The whole text is kept as `text`.
 */
import { foldFullWidthNumbers, isBlank } from './lines.js';
import { type ImportProblem, type SourceLine } from './types.js';

/** Vehicles by category. */
export interface VehicleCategory {
  /** Category as printed, e.g. 领导用车. */
  readonly category: string;
  /** Number of vehicles. */
  readonly count: number;
}

/** The assets part of the document (schemas/document.schema.json `$defs.assets`). */
export interface AssetsPart {
  /** Date the figures are as of (YYYY-MM-DD). */
  readonly asOf?: string;
  /** Official vehicles. */
  readonly vehicles?: {
    readonly establishment?: number;
    readonly actual?: number;
    readonly planned?: number;
    readonly byCategory?: readonly VehicleCategory[];
    readonly line?: number;
  };
  /** Office buildings. */
  readonly buildings?: { readonly officeArea?: string; readonly line?: number };
  /** Equipment above a value threshold. */
  readonly equipment?: readonly { readonly category: string; readonly threshold?: string; readonly count: number; readonly line?: number }[];
  /** The section's text. */
  readonly text?: string;
}

/** “截至2025年3月21日”: the date the assets are counted at (shared with the Shanghai reader). */
export const AS_OF = /截[至止]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
/** The number of vehicles established. */
export const ESTABLISHMENT = /公务用车编制\s*(\d+)\s*辆/;
const ACTUAL = /实有(?:公务用车)?\s*(\d+)\s*辆/;
const PLANNED = /(?:计划|拟)(?:购置|更新)(?:公务用车)?\s*(\d+)\s*辆/;
/** A vehicle category and its count (use with matchAll). */
export const CATEGORY = /(?<![^，,；;：:、。\d\s])([^，,；;：:、。\d\s]+)\s*(\d+)\s*辆/g;
/** The floor area of office buildings. */
export const AREA = /建筑总?面积\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*平方米/;
const EQUIPMENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*万元(?:\s*[（(]\s*原值\s*[）)])?\s*以上的?\s*([^\d，,；;。\s](?:[^\d，,；;。]*[^\d，,；;。\s])?)\s*(\d+)\s*[台套辆件](?:\s*[（(]\s*[台套件]\s*[）)])?/g;
const ASSET_NUMBER = /\d\s*(?:[辆台套件]|平方米)/;

/**
 * The ISO date of an AS_OF match.
 * @param match The match.
 */
export function isoDateOf(match: RegExpExecArray): string {
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/**
 * Reads the assets section's body lines (heading excluded).
 * @param lines The lines.
 */
export function readAssets(lines: readonly SourceLine[]): { assets: AssetsPart; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let asOf: string | undefined;
  let vehicles: AssetsPart['vehicles'];
  let buildings: AssetsPart['buildings'];
  const equipment: NonNullable<AssetsPart['equipment']>[number][] = [];
  const text: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    text.push(line.text.trim());
    const folded = foldFullWidthNumbers(line.text);
    const date = AS_OF.exec(folded);
    if (date !== null && asOf === undefined) asOf = isoDateOf(date);
    let read = false;
    const establishment = ESTABLISHMENT.exec(folded);
    const actual = ACTUAL.exec(folded);
    if (vehicles === undefined && (establishment !== null || actual !== null)) {
      const planned = PLANNED.exec(folded);
      const breakdown = folded.indexOf('其中');
      const sentenceEnd = breakdown < 0 ? -1 : folded.indexOf('。', breakdown);
      const categories = breakdown < 0 ? '' : folded.slice(breakdown + 2, sentenceEnd < 0 ? undefined : sentenceEnd);
      const byCategory = [...categories.matchAll(CATEGORY)].map((match) => ({ category: match[1]!, count: Number(match[2]) }));
      vehicles = {
        ...(establishment !== null ? { establishment: Number(establishment[1]) } : {}),
        ...(actual !== null ? { actual: Number(actual[1]) } : {}),
        ...(planned !== null ? { planned: Number(planned[1]) } : {}),
        ...(byCategory.length > 0 ? { byCategory } : {}),
        line: line.number,
      };
      read = true;
    }
    const area = AREA.exec(folded);
    if (area !== null && buildings === undefined) {
      buildings = { officeArea: area[1]!.replace(/,/g, ''), line: line.number };
      read = true;
    }
    for (const match of folded.matchAll(EQUIPMENT)) {
      equipment.push({ category: match[2]!.trim(), threshold: match[1]!, count: Number(match[3]), line: line.number });
      read = true;
    }
    if (!read && ASSET_NUMBER.test(folded)) {
      problems.push({ line: line.number, code: 'unrecognised_text', message: `未能识别资产数据“${line.text.trim()}”：不是可识别的车辆、房屋面积或设备数量的说法，已只保留为文字` });
    }
  }
  const assets: AssetsPart = {
    ...(asOf !== undefined ? { asOf } : {}),
    ...(vehicles !== undefined ? { vehicles } : {}),
    ...(buildings !== undefined ? { buildings } : {}),
    ...(equipment.length > 0 ? { equipment } : {}),
    text: text.join('\n'),
  };
  return { assets, problems };
}
