/**
 * The package as a portal installs it: `npm pack`, then `npm install <tarball>` in an empty
 * project, and there: the ESM entry points and the rule pack in a Node script, the declarations
 * under a strict compiler, the `disclosure-check` command, and a page built by Vite that checks
 * the sample under a Content-Security-Policy without 'unsafe-eval', in Chromium.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { launchChromium } from './harness.js';

const SUMMARY = '共 70 个错误、89 个警告、2 个提示';
let project = '';

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'disclosure-package-'));
  // `pretest` has built dist/: pack it as it is (prepack would build it again).
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  // Dependencies come from npm's cache when `npm ci` has filled it (the registry otherwise).
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed[0]!.filename)], { cwd: project, stdio: 'pipe' });
  copyFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.json'), join(project, 'sample.json'));
}, 240_000);

describe('the installed package', () => {
  it('ships what it needs and nothing of the sources or tests', () => {
    const installed = join(project, 'node_modules', 'disclosure-rules');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json', 'rules', 'schemas']);
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['engine', 'packs']);
  });

  it('imports in Node: the engine, the Node helpers and the bundled pack give the sample’s report', () => {
    writeFileSync(
      join(project, 'check.mjs'),
      `import { readFileSync } from 'node:fs';
import { evaluate, formatText, loadRuleSet } from 'disclosure-rules';
import { checkFile, defaultRulePackPath, loadRuleSetFromPath } from 'disclosure-rules/node';
import pack from 'disclosure-rules/packs/department-budget.json' with { type: 'json' };
const loaded = loadRuleSet(pack);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const fromPack = await evaluate(loaded.value, JSON.parse(readFileSync('sample.json', 'utf8')));
const { report } = await checkFile(loadRuleSetFromPath(defaultRulePackPath()), 'sample.json');
console.log(JSON.stringify({ pack: fromPack.summary, folder: report.summary, text: formatText(report, 'zh-CN').trim().split('\\n').at(-1) }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' })) as { pack: unknown; folder: unknown; text: string };
    expect(out.pack).toEqual(out.folder);
    expect(out.text).toContain(SUMMARY);
  });

  it('type-checks a consumer under strict settings against the emitted declarations', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { type Report, evaluate, loadRuleSet } from 'disclosure-rules';
import { checkFile, loadRuleSetFromPath } from 'disclosure-rules/node';
export async function errors(document: unknown, manifest: unknown): Promise<number> {
  const loaded = loadRuleSet(manifest);
  if (!loaded.ok) return -1;
  const report: Report = await evaluate(loaded.value, document);
  return report.summary.error;
}
export const check = (path: string) => checkFile(loadRuleSetFromPath(path), path);
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);

  it('runs the disclosure-check command from node_modules/.bin', () => {
    const run = spawnSync(join(project, 'node_modules', '.bin', 'disclosure-check'), ['sample.json'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(SUMMARY);
  });
});

describe('a page built with Vite from the installed package', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it('checks the sample under a Content-Security-Policy without unsafe-eval', async () => {
    writeFileSync(
      join(project, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>portal</title></head><body><pre id="result">…</pre><script type="module" src="./main.js"></script></body></html>',
    );
    writeFileSync(
      join(project, 'main.js'),
      `import { evaluate, formatText, loadRuleSet } from 'disclosure-rules';
import pack from 'disclosure-rules/packs/department-budget.json';
const loaded = loadRuleSet(pack);
const sample = await (await fetch('./sample.json')).json();
const report = await evaluate(loaded.value, sample);
document.querySelector('#result').textContent = formatText(report, 'zh-CN').trim().split('\\n').at(-1);
document.body.dataset.done = 'true';
`,
    );
    mkdirSync(join(project, 'public'), { recursive: true });
    copyFileSync(join(project, 'sample.json'), join(project, 'public', 'sample.json'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: project, stdio: 'pipe' });
    const dist = join(project, 'dist');
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
    server = createServer((request, response) => {
      if (request.url === '/favicon.ico') return void response.writeHead(204).end();
      const path = join(dist, (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '/').split('?')[0]!);
      try {
        const body = readFileSync(path);
        response.writeHead(200, {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          'content-security-policy': "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'",
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(String(error)));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
      expect(await page.locator('#result').textContent()).toContain(SUMMARY);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
