/**
 * Bringing two operator operands to comparable quantities: rule constants take the unit of the
 * other side, both sides must share a dimension (money with money, % with %).
 */
import { type Unavailable, invalid, isUnavailable } from '../document/unavailable.js';
import { parseDecimal } from '../money/money.js';
import { type DisplayUnit, type Quantity, exactQuantity, isQuantity } from '../money/quantity.js';
import { preview } from '../document/limits.js';

/** JSON Schema of a decimal constant on the right-hand side. */
export const DECIMAL_VALUE = {
  description: '十进制数（字符串或数字），或 {"fact": …} 引用另一个事实。/ A decimal, or a {"fact": …} reference.',
  anyOf: [{ type: 'string', pattern: '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$' }, { type: 'number' }, { $ref: '#/$defs/factReference' }],
} as const;

function constant(value: unknown, unit: DisplayUnit): Quantity | Unavailable {
  // A rule's constants ("0", "1", "100") are compared once per scope item: read each once.
  const key = typeof value === 'string' || typeof value === 'number' ? `${typeof value}:${value}:${unit}` : undefined;
  const known = key === undefined ? undefined : constants.get(key);
  if (known !== undefined) return known;
  const parsed = parseDecimal(value);
  const quantity = parsed === undefined ? invalid(`规则中的值 ${preview(value)} 不是十进制数`) : exactQuantity(parsed, unit);
  if (key !== undefined) {
    if (constants.size >= CONSTANTS_LIMIT) constants.clear();
    constants.set(key, quantity);
  }
  return quantity;
}

const CONSTANTS_LIMIT = 1_000;
const constants = new Map<string, Quantity | Unavailable>();

/**
 * Turns two operands into quantities of one dimension.
 * @param left The fact value.
 * @param right The rule value (constant or another fact's value).
 */
export function comparable(left: unknown, right: unknown): [Quantity, Quantity] | Unavailable {
  if (isUnavailable(left)) return left;
  if (isUnavailable(right)) return right;
  const leftQuantity = isQuantity(left) ? left : undefined;
  const rightQuantity = isQuantity(right) ? right : undefined;
  const a = leftQuantity ?? constant(left, rightQuantity?.unit ?? '个');
  if (isUnavailable(a)) return a;
  const b = rightQuantity ?? constant(right, a.unit);
  if (isUnavailable(b)) return b;
  if (a.dimension !== b.dimension) return invalid(`不能比较 ${a.unit} 和 ${b.unit}`);
  return [a, b];
}
