/**
 * Text helpers for the performance-table importer: cleaning cells whose text the extraction
 * wrapped ("政务服 务中心" → "政务服务中心"), turning a cell into a comparable label key, and
 * reading amounts as printed ("8,737,000" → "8737000").
 */
import { normaliseName } from '../document/selectors.js';

const SPACE_BESIDE_WIDE = /\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g;
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Trims a cell and removes the spaces a wrapped cell leaves next to Chinese text; spaces between two ASCII characters stay (single).
 * @param text A cell as extracted.
 */
export function cleanCell(text: string): string {
  return text.trim().replace(SPACE_BESIDE_WIDE, '').replace(/\s+/g, ' ');
}

/**
 * The comparable form of a label cell: no spaces, full-width brackets and colons folded, no trailing colon.
 * @param text A cell as extracted.
 */
export function labelKey(text: string): string {
  // As names are compared (no whitespace, ASCII brackets), with colons folded too.
  return normaliseName(text).replace(/：/g, ':').replace(/:+$/, '');
}

/**
 * An amount as printed without thousands separators, or undefined when the cell is not a plain decimal.
 * @param text The amount cell.
 */
export function parseAmount(text: string): string | undefined {
  const plain = text.replace(/[,，\s]/g, '');
  return DECIMAL.test(plain) ? plain : undefined;
}
