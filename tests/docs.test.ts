/** The generated reference is current and complete; the catalogue coverage names the pack's rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReference } from '../engine/src/docs/reference.js';
import { FACTS, OPERATORS } from '../engine/src/index.js';
import { ROOT, departmentBudgetPack } from './helpers/fixtures.js';

describe('docs/reference.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8');

  it('is current (npm run build:docs)', () => {
    expect(text).toBe(renderReference());
  });

  it('documents every fact and operator', () => {
    for (const { name } of [...FACTS, ...OPERATORS]) expect(text).toContain(`### \`${name}\``);
  });
});

describe('docs/catalogue-coverage.md', () => {
  it('names only rules the pack has, and every rule of the pack', () => {
    const text = readFileSync(join(ROOT, 'docs', 'catalogue-coverage.md'), 'utf8');
    const ids = new Set(departmentBudgetPack().rules.map((rule) => rule.definition.id));
    const named = new Set([...text.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]!).filter((name) => name.includes('-')));
    expect([...named].filter((name) => !ids.has(name))).toEqual([]);
    expect([...ids].filter((id) => !named.has(id))).toEqual([]);
  });
});
