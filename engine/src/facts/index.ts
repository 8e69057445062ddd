/**
 * The fact registry: every fact a rule may name, one file each. Adding a fact means adding its
 * file and listing it here; names must be unique (checked at start-up by the registry test and
 * by `createFactRegistry`).
 */
import { cell } from './cell.js';
import { childrenSum } from './childrenSum.js';
import { columnSum } from './columnSum.js';
import { computedShare } from './computedShare.js';
import { count } from './count.js';
import { documentValue } from './documentValue.js';
import { fieldSum } from './fieldSum.js';
import { figure } from './figure.js';
import { firstOf } from './firstOf.js';
import { hierarchyCount } from './hierarchyCount.js';
import { impliedChangePercent } from './impliedChangePercent.js';
import { rowSum } from './rowSum.js';
import { scopeItem } from './scopeItem.js';
import { sectionText } from './sectionText.js';
import { shareDecimals } from './shareDecimals.js';
import { shareSum } from './shareSum.js';
import { sum } from './sum.js';
import { tableExists } from './tableExists.js';
import { tableHasData } from './tableHasData.js';
import { tableLabel, tableNumber } from './tableLabel.js';
import { tableMarkedEmpty } from './tableMarkedEmpty.js';
import { text } from './text.js';
import { createRegistry } from '../registry.js';
import { type FactDefinition } from './types.js';

/** All built-in facts, in documentation order. */
export const FACTS: readonly FactDefinition[] = [
  documentValue,
  scopeItem,
  tableExists,
  tableHasData,
  tableMarkedEmpty,
  tableLabel,
  tableNumber,
  cell,
  rowSum,
  columnSum,
  childrenSum,
  hierarchyCount,
  sum,
  firstOf,
  fieldSum,
  count,
  figure,
  computedShare,
  shareSum,
  shareDecimals,
  impliedChangePercent,
  text,
  sectionText,
];

/**
 * Builds a name → fact map, refusing duplicate names.
 * @param definitions Fact definitions (the built-ins by default).
 */
export function createFactRegistry(definitions: readonly FactDefinition[] = FACTS): ReadonlyMap<string, FactDefinition> {
  return createRegistry('fact', definitions);
}

export type { FactDefinition, FactScope, ScopeBinding, ShareGroup, Bilingual } from './types.js';
