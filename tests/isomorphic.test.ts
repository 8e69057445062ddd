/**
 * The core can be embedded anywhere: no Node APIs outside node.ts, cli/ and server/, and no `eval` or
 * `new Function` anywhere in the engine or its generated validators (strict CSP portals).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(?:ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const engine = sources(join(ROOT, 'engine', 'src'));
const core = engine.filter((path) => !/[/\\](?:node\.ts|cli[/\\]|server[/\\])/.test(path));

describe('the isomorphic core', () => {
  it('imports no Node built-ins and reads no process state', () => {
    const offenders = core.filter((path) => /from ['"]node:|require\(|\bprocess\./.test(readFileSync(path, 'utf8')));
    expect(offenders.map((path) => relative(ROOT, path))).toEqual([]);
  });

  it('never evaluates code from strings (including the generated ajv validators)', () => {
    expect(engine.some((path) => path.endsWith('validators.js'))).toBe(true);
    const offenders = engine.filter((path) => /\bnew Function\s*\(|\beval\s*\(/.test(readFileSync(path, 'utf8')));
    expect(offenders.map((path) => relative(ROOT, path))).toEqual([]);
  });
});
