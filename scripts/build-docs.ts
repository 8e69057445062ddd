/**
 * Writes docs/reference.md, the reference of every fact and operator, from their definitions.
 * Run by `npm run build:docs`; tests/docs.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReference } from '../engine/src/docs/reference.js';

const file = fileURLToPath(new URL('../docs/reference.md', import.meta.url));
writeFileSync(file, renderReference());
console.log(`wrote ${file}`);
