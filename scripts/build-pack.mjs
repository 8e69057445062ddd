// Writes each rule pack as one rule-set JSON file (the manifest with its rules inline, in path
// order, as the CLI loads a pack folder): dist/packs/<id>.json, for pages and services that load
// a pack without a file system (`import pack from 'disclosure-rules/packs/department-budget.json'`).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesUnder = (directory) =>
  readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? rulesUnder(join(directory, entry.name)) : entry.name.endsWith('.rule.json') ? [join(directory, entry.name)] : []))
    .sort();
const withoutSchema = ({ $schema: _schema, ...rest }) => rest;

mkdirSync(join(root, 'dist', 'packs'), { recursive: true });
for (const pack of readdirSync(join(root, 'rules'), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  const folder = join(root, 'rules', pack.name);
  const manifest = withoutSchema(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
  const rules = rulesUnder(folder).map((file) => withoutSchema(JSON.parse(readFileSync(file, 'utf8'))));
  writeFileSync(join(root, 'dist', 'packs', `${pack.name}.json`), `${JSON.stringify({ ...manifest, rules })}\n`);
  console.log(`wrote dist/packs/${pack.name}.json (${rules.length} rules)`);
}
