/**
 * Text helpers for the performance-table importer: cleaning cells whose text the extraction
 * wrapped ("政务服 务中心" → "政务服务中心"), turning a cell into a comparable label key, and
 * reading amounts as printed ("8,737,000" → "8737000").
 */
import { normaliseName } from '../document/selectors.js';

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Whether a character code is outside ASCII (Chinese, full-width punctuation); NaN (no character) is not. */
function isWide(code: number): boolean {
  return code > 0x7f;
}

/**
 * Trims a cell and removes the spaces a wrapped cell leaves next to Chinese text; spaces between two ASCII characters stay (single).
 * @param text A cell as extracted.
 */
export function cleanCell(text: string): string {
  const trimmed = text.trim();
  // Each run of spaces once: dropped beside a wide character, else one space.
  return trimmed.replace(/\s+/g, (run: string, at: number) => (isWide(trimmed.charCodeAt(at - 1)) || isWide(trimmed.charCodeAt(at + run.length)) ? '' : ' '));
}

/**
 * The comparable form of a label cell: no spaces, full-width brackets and colons folded, no trailing colon.
 * @param text A cell as extracted.
 */
export function labelKey(text: string): string {
  // As names are compared (no whitespace, ASCII brackets), with colons folded too.
  return normaliseName(text)
    .replace(/：/g, ':')
    .replace(/(?<!:):+$/, '');
}

/**
 * An amount as printed without thousands separators, or undefined when the cell is not a plain decimal.
 * @param text The amount cell.
 */
export function parseAmount(text: string): string | undefined {
  const plain = text.replace(/[,，\s]/g, '');
  return DECIMAL.test(plain) ? plain : undefined;
}
