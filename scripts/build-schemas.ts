/**
 * Writes schemas/rule.schema.json and schemas/rule-set.schema.json from the fact and operator
 * registries. Run by `npm run build:schemas`; tests/schemas.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildRuleSchema, buildRuleSetSchema } from '../engine/src/rules/ruleSchema.js';

const schemas = new URL('../schemas/', import.meta.url);
for (const [name, schema] of [
  ['rule.schema.json', buildRuleSchema()],
  ['rule-set.schema.json', buildRuleSetSchema()],
] as const) {
  const file = fileURLToPath(new URL(name, schemas));
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
