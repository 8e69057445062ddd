/**
 * The schemas: the generated rule schemas are current with the fact and operator registries, the
 * sample document is valid, and every property of the document schema has a Chinese description
 * (the playground shows them as hovers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../engine/src/index.js';
import { buildRuleSchema, buildRuleSetSchema } from '../engine/src/rules/ruleSchema.js';
import { ROOT, sampleDocument } from './helpers/fixtures.js';
import { ruleFiles } from './helpers/ruleCases.js';

const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as Record<string, unknown>;

function propertiesWithoutChinese(schema: unknown, path = '#'): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const missing: string[] = [];
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const described = typeof property.description === 'string' && /[\u4e00-\u9fff]/.test(property.description);
    if (!described && property.$ref === undefined) missing.push(`${path}/properties/${name}`);
  }
  for (const [key, child] of Object.entries(node)) {
    // if/then/else only constrain properties already described where they are defined.
    if (['properties', 'if', 'then', 'else'].includes(key)) continue;
    if (child !== null && typeof child === 'object') missing.push(...propertiesWithoutChinese(child, `${path}/${key}`));
  }
  for (const [name, property] of Object.entries(properties ?? {})) missing.push(...propertiesWithoutChinese(property, `${path}/properties/${name}`));
  return missing;
}

describe('schemas', () => {
  it('rule.schema.json and rule-set.schema.json are generated from the registries (npm run build:schemas)', () => {
    expect(read('rule.schema.json')).toEqual(JSON.parse(JSON.stringify(buildRuleSchema())));
    expect(read('rule-set.schema.json')).toEqual(JSON.parse(JSON.stringify(buildRuleSetSchema())));
  });

  it('the sample document is valid', () => {
    expect(validateAgainst('document', sampleDocument())).toEqual([]);
  });

  it.each(['document.schema.json', 'report.schema.json', 'rule.schema.json', 'rule-set.schema.json'])('%s describes every property in Chinese', (name) => {
    expect(propertiesWithoutChinese(read(name))).toEqual([]);
  });

  it('every rule file and manifest in rules/ validates on its own', () => {
    const manifest = read('../rules/department-budget/manifest.json');
    expect(validateAgainst('ruleSet', manifest)).toEqual([]);
    const files = ruleFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expect(validateAgainst('rule', JSON.parse(readFileSync(file, 'utf8'))), file).toEqual([]);
  });
});
