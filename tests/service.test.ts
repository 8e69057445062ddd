/**
 * The HTTP service as a portal calls it: `disclosure-check serve` started as a process, real HTTP
 * requests on 127.0.0.1 (JSON, PDF, multipart, broken and unsupported bodies, limits), the rule
 * list and the OpenAPI description, a check past its time (503, then the next one succeeds),
 * concurrent PDFs on the worker threads while the service still answers, a shutdown on SIGTERM,
 * and the Java client of the docs (when a JDK is installed).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../engine/src/index.js';
import { ROOT } from './helpers/fixtures.js';

const SAMPLE = readFileSync(join(ROOT, 'examples', 'budget-2025-shenpiju.json'));
const PDF = readFileSync(join(ROOT, 'corpus', 'central-guojia-xinfangju-2026-budget.pdf'));

let service: ChildProcess;
let base = '';

/** Starts `disclosure-check serve` on a free port; resolves with its address. */
function serve(...extra: string[]): Promise<{ process: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'disclosure-check.js'), 'serve', '--port', '0', '--log-level', 'warn', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('the service did not start'));
    }, 20_000);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
      const address = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (address !== undefined) {
        clearTimeout(timer);
        resolve({ process: child, base: address });
      }
    });
    child.once('exit', (code) => {
      reject(new Error(`the service exited with ${code}: ${stderr}`));
    });
  });
}

async function post(path: string, body: BodyInit, contentType?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', body, ...(contentType !== undefined ? { headers: { 'content-type': contentType } } : {}) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  ({ process: service, base } = await serve('--workers', '2', '--max-body', '20'));
}, 30_000);

afterAll(() => {
  if (service.exitCode === null) service.kill('SIGKILL');
});

describe('disclosure-check serve', () => {
  it('answers /healthz, the rules with their basis, and an OpenAPI 3.1 description built from the schemas', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', workers: 2 });
    const rules = (await (await fetch(`${base}/v1/rules`)).json()) as { rules: { id: string; basis: string[] }[] };
    expect(rules.rules).toHaveLength(125);
    expect(rules.rules.every((rule) => rule.basis.length > 0)).toBe(true);
    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { $id?: string }> } };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(['/v1/check', '/v1/rules', '/healthz', '/openapi.json']);
    expect(openapi.components.schemas.Report!.$id).toBe('urn:disclosure-rules:schema:report');
  });

  it('checks a document given as JSON, as a PDF and as a multipart file: the report the CLI prints', async () => {
    const json = await post('/v1/check', SAMPLE, 'application/json');
    expect(json.status).toBe(200);
    expect(validateAgainst('report', json.json)).toEqual([]);
    expect(json.json.summary).toMatchObject({ error: 70, warning: 89, info: 2 });
    const pdf = await post('/v1/check?lang=en', PDF, 'application/pdf');
    expect(pdf.status).toBe(200);
    expect(validateAgainst('report', pdf.json)).toEqual([]);
    const findings = pdf.json.findings as { ruleId: string; source?: { page?: number } }[];
    expect(findings.find((finding) => finding.ruleId === 'narrative-fiscal-appropriation-matches')?.source?.page).toBe(18);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'central.pdf');
    const multipart = await post('/v1/check', form);
    expect(multipart.status).toBe(200);
    expect(multipart.json.summary).toEqual(pdf.json.summary);
    expect((multipart.json.document as { file: string }).file).toBe('central.pdf');
  }, 30_000);

  it('answers 400 with the reason for a broken, unsupported or empty body and an unknown rule, 413 past the size limit', async () => {
    expect(await post('/v1/check', '{', 'application/json')).toMatchObject({ status: 400, json: { error: { code: 'json_malformed', message: expect.stringMatching(/JSON 格式错误/) } } });
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array<number>(100).fill(0)]);
    expect(await post('/v1/check', zip, 'application/octet-stream')).toMatchObject({ status: 400, json: { error: { code: 'format_unsupported' } } });
    expect(await post('/v1/check', '', 'application/json')).toMatchObject({ status: 400, json: { error: { code: 'no_document' } } });
    expect(await post('/v1/check?only=typo', SAMPLE, 'application/json')).toMatchObject({ status: 400, json: { error: { code: 'rule_unknown' } } });
    // Refused from its declared length, before the body is read (a client still uploading would
    // see the connection close under it: the request sends its headers and waits).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(`${base}/v1/check`, { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(21 * 1024 * 1024) } }, (response) => {
        resolve(response.statusCode);
        request.destroy();
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(status).toBe(413);
  }, 30_000);

  it('answers 503 for a check past its time, naming where it stopped, and the next check succeeds', async () => {
    const stopped = await post('/v1/check?timeBudget=0.0001', SAMPLE, 'application/json');
    expect(stopped).toMatchObject({ status: 503, json: { error: { code: 'time_limit_exceeded', message: expect.stringMatching(/检查超过时限.*在规则 \S+ 处停止/) } } });
    expect((await post('/v1/check', SAMPLE, 'application/json')).status).toBe(200);
  });

  it('checks PDFs concurrently on its worker threads while it still answers at once', async () => {
    const checks = Array.from({ length: 6 }, () => post('/v1/check', PDF, 'application/pdf'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    const results = await Promise.all(checks);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
  }, 60_000);

  it('the Java client of the docs gets the report (java.net.http)', () => {
    if (spawnSync('javac', ['-version']).status !== 0) return;
    const out = mkdtempSync(join(tmpdir(), 'disclosure-java-'));
    const compiled = spawnSync('javac', ['-d', out, join(ROOT, 'docs', 'examples', 'CheckClient.java')], { encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    const run = spawnSync('java', ['-cp', out, 'CheckClient', `${base}/v1/check`, join(ROOT, 'corpus', 'central-guojia-xinfangju-2026-budget.pdf')], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/^200\n\{"valid":false/);
  }, 60_000);

  it('stops on SIGTERM, after the checks under way', async () => {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    const running = post('/v1/check', PDF, 'application/pdf');
    await new Promise((resolve) => setTimeout(resolve, 100));
    service.kill('SIGTERM');
    expect((await running).status).toBe(200);
    expect(await exited).toBe(0);
  }, 30_000);
});
