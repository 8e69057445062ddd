/**
 * Reading the Shanghai template's 国有资产占有使用情况: "截至2024年8月31日，…共有车辆8辆，其中：
 * 部级领导干部用车0辆、…；单价100万元（含）以上设备（不含车辆）0台（套）。" and the year's planned
 * purchases "2025年部门预算安排购置车辆1辆，其中：…；部门预算安排购置单价100万元（含）以上设备…0台（套）。"
 * Held vehicles (with their categories), planned vehicles and held equipment become assets data;
 * what the model has no field for (the categories of planned vehicles, planned equipment) is kept
 * in the text and reported at its line.
 */
import { foldFullWidthNumbers } from './lines.js';
import { AREA, AS_OF, type AssetsPart, CATEGORY, ESTABLISHMENT, isoDateOf } from './narrativeAssets.js';
import { type Paragraph, lineAt } from './shanghaiText.js';
import { type ImportProblem } from './types.js';

const HELD = /(?:共有|实有|现有)(?:公务用?车|车辆)\s*(\d+)\s*辆/;
const PLANNED = /(?:安排|计划|拟)(?:购置|更新)(?:公务用?车|车辆)\s*(\d+)\s*辆/;
const EQUIPMENT =
  /单价\s*(\d+(?:\.\d+)?)\s*万元(?:\s*[（(]\s*(?:含|原值)\s*[）)])?\s*以上的?\s*([^\d，,；;。\s](?:[^\d，,；;。]*[^\d，,；;。\s])?)\s*(\d+)\s*[台套件](?:\s*[（(]\s*[台套件]\s*[）)])?/g;
const ASSET_NUMBER = /\d\s*(?:[辆台套件]|平方米)/;
const PURCHASE = /购置|购买|采购/;

type Vehicles = NonNullable<AssetsPart['vehicles']>;
type Equipment = NonNullable<AssetsPart['equipment']>[number];

/** A sentence of a paragraph: its range in the text. */
interface Sentence {
  readonly start: number;
  readonly end: number;
}

function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index += 1) {
    if (index === text.length || /[。；;]/.test(text[index]!)) {
      if (text.slice(start, index).trim() !== '') sentences.push({ start, end: index });
      start = index + 1;
    }
  }
  return sentences;
}

/**
 * The categories of a sentence's breakdown ("其中：A0辆、B8辆").
 * @param sentence The sentence (folded).
 */
function categoriesOf(sentence: string): { category: string; count: number }[] {
  const breakdown = sentence.indexOf('其中');
  if (breakdown < 0) return [];
  return [...sentence.slice(breakdown + 2).matchAll(CATEGORY)].map((match) => ({ category: match[1]!, count: Number(match[2]) }));
}

/**
 * Reads the assets section's paragraphs (heading excluded).
 * @param paragraphs The paragraphs.
 */
export function readShanghaiAssets(paragraphs: readonly Paragraph[]): { assets: AssetsPart; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let asOf: string | undefined;
  let vehicles: Partial<{ -readonly [K in keyof Vehicles]: Vehicles[K] }> | undefined;
  let buildings: AssetsPart['buildings'];
  const equipment: Equipment[] = [];
  for (const paragraph of paragraphs) {
    const folded = foldFullWidthNumbers(paragraph.text);
    const date = AS_OF.exec(folded);
    if (date !== null && asOf === undefined) asOf = isoDateOf(date);
    for (const { start, end } of sentencesOf(folded)) {
      const sentence = folded.slice(start, end);
      const line = lineAt(paragraph, start);
      const printed = paragraph.text.slice(start, end).trim();
      let read = false;
      const establishment = ESTABLISHMENT.exec(sentence);
      const held = HELD.exec(sentence);
      const planned = PLANNED.exec(sentence);
      if (establishment !== null || held !== null || planned !== null) {
        vehicles ??= { line };
        if (establishment !== null) vehicles.establishment = Number(establishment[1]);
        const categories = categoriesOf(sentence);
        if (held !== null) {
          vehicles.actual = Number(held[1]);
          if (categories.length > 0) vehicles.byCategory = categories;
        }
        if (planned !== null) {
          vehicles.planned = Number(planned[1]);
          if (held === null && categories.length > 0) {
            problems.push({
              line: lineAt(paragraph, start + sentence.indexOf('其中')),
              code: 'unrecognised_text',
              message: `计划购置车辆的分类数（“${printed.slice(printed.indexOf('其中'))}”）在文档模型中没有对应的字段，未导入为数据，只保留在资产说明文字中`,
            });
          }
        }
        read = true;
      }
      const area = AREA.exec(sentence);
      if (area !== null && buildings === undefined) {
        buildings = { officeArea: area[1]!.replace(/,/g, ''), line };
        read = true;
      }
      for (const match of sentence.matchAll(EQUIPMENT)) {
        if (PURCHASE.test(sentence.slice(0, match.index))) {
          problems.push({
            line: lineAt(paragraph, start + match.index),
            code: 'unrecognised_text',
            message: `计划购置的设备数（“${paragraph.text.slice(start + match.index, start + match.index + match[0].length)}”）在文档模型中没有对应的字段，未导入为数据，只保留在资产说明文字中`,
          });
        } else {
          equipment.push({ category: match[2]!.trim(), threshold: match[1]!, count: Number(match[3]), line: lineAt(paragraph, start + match.index) });
        }
        read = true;
      }
      if (!read && ASSET_NUMBER.test(sentence)) {
        problems.push({ line, code: 'unrecognised_text', message: `未能识别资产数据“${printed}”：不是可识别的车辆、房屋面积或设备数量的说法，已只保留为文字` });
      }
    }
  }
  const assets: AssetsPart = {
    ...(asOf !== undefined ? { asOf } : {}),
    ...(vehicles !== undefined ? { vehicles } : {}),
    ...(buildings !== undefined ? { buildings } : {}),
    ...(equipment.length > 0 ? { equipment } : {}),
    text: paragraphs.map((paragraph) => paragraph.text).join('\n'),
  };
  return { assets, problems };
}
