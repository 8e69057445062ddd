/** The generated reference is current, and every fact and operator appears in it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReference } from '../engine/src/docs/reference.js';
import { FACTS, OPERATORS } from '../engine/src/index.js';
import { ROOT } from './helpers/fixtures.js';

describe('docs/reference.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8');

  it('is current (npm run build:docs)', () => {
    expect(text).toBe(renderReference());
  });

  it('documents every fact and operator', () => {
    for (const { name } of [...FACTS, ...OPERATORS]) expect(text).toContain(`### \`${name}\``);
  });
});
