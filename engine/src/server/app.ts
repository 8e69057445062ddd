/**
 * The HTTP service, for portals in any language: `POST /v1/check` takes a document (JSON, a PDF,
 * published text, or any of them as a multipart file) and answers the JSON report the CLI prints;
 * `GET /v1/rules`, `GET /healthz`, `GET /openapi.json`. Checks run on worker threads (CheckPool);
 * a body over the size limit is 413, an unusable document 400 with the reason, a check past its
 * time 503 with the reason. Logs are Fastify's structured (pino) lines.
 */
import { availableParallelism } from 'node:os';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { DEFAULT_TIME_BUDGET_MS, type Language, type Report } from '../index.js';
import { MAX_PDF_PAGES } from '../document/limits.js';
import { defaultRulePackPath, loadRuleSetFromPath, packageVersion, unknownRuleNames } from '../node.js';
import { localize } from '../report/createFinding.js';
import { openApiDocument } from './openapi.js';
import { CheckPool } from './pool.js';

/** How the service runs. */
export interface ServiceOptions {
  /** The rule pack (directory) or rule-set file (default: the bundled pack). */
  readonly rules?: string;
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Largest request body in bytes (default 50 MB). */
  readonly bodyLimit?: number;
  /** The engine's time budget per check (ms, default 10 s); a client may ask for less. */
  readonly timeBudgetMs?: number;
  /** pino log level (default info; 'silent' for none). */
  readonly logLevel?: string;
}

/** The default largest request body: a disclosure PDF is a few MB. */
export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

/** The names a body's content type gives it (the extension tells the reader what it holds). */
const NAMES: Readonly<Record<string, string>> = {
  'application/json': 'document.json',
  'application/pdf': 'document.pdf',
  'text/plain': 'document.txt',
};

/** The HTTP status for each reason a document cannot be checked. */
const STATUS: Readonly<Record<string, number>> = {
  time_limit_exceeded: 503,
  internal_error: 500,
  file_too_large: 413,
};

function listParam(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function problem(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}

/** The time-budget finding of a report that stopped, if it did. */
function stoppedFinding(report: Report): string | undefined {
  return report.findings.find((finding) => finding.code === 'time_budget_exceeded')?.message;
}

/**
 * Builds the service (not listening yet: call `listen`).
 * @param options Rule set, workers and limits.
 */
export async function buildService(options: ServiceOptions = {}): Promise<FastifyInstance> {
  const rules = options.rules ?? defaultRulePackPath();
  const ruleSet = loadRuleSetFromPath(rules);
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // The engine stops itself at its budget; the pool stops a worker that outlives it by 5 s.
  const pool = new CheckPool({ rules, language: 'zh-CN' }, Math.max(1, options.workers ?? availableParallelism()), budget + 5_000);
  const version = packageVersion();
  const app = Fastify({ logger: { level: options.logLevel ?? 'info' }, bodyLimit });
  app.addHook('onClose', () => pool.close());
  // Shutting down: the checks under way are answered, on connections that then close (a kept-alive
  // connection would otherwise hold the process up to its keep-alive timeout).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    app.server.closeIdleConnections();
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  // Every body is taken as bytes: the checker sniffs what it is (PDF, JSON, text, unsupported).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
  await app.register(multipart, { limits: { fileSize: bodyLimit, files: 1 } });

  app.get('/healthz', () => ({ status: 'ok', version, workers: pool.size, waiting: pool.waiting, restarts: pool.restarts }));

  app.get('/v1/rules', (request) => {
    const language: Language = (request.query as { lang?: string }).lang === 'en' ? 'en' : 'zh-CN';
    return {
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
      rules: ruleSet.rules.map(({ definition }) => ({
        id: definition.id,
        title: localize(definition.title, language),
        severity: definition.severity,
        tags: definition.tags ?? [],
        basis: definition.basis,
      })),
    };
  });

  app.get('/openapi.json', () => openApiDocument(version, { maxBodyBytes: bodyLimit, maxPdfPages: MAX_PDF_PAGES, timeBudgetMs: budget }));

  app.post('/v1/check', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const language: Language = query.lang === 'en' ? 'en' : 'zh-CN';
    const only = listParam(query.only);
    const skip = listParam(query.skip);
    for (const [parameter, wanted] of [
      ['only', only],
      ['skip', skip],
    ] as const) {
      const unknown = unknownRuleNames(ruleSet, wanted);
      if (unknown.length > 0) return problem(reply, 400, 'rule_unknown', `${parameter}=${unknown.join(',')}：规则包中没有这样的规则 id 或标签 / no rule has this id or tag`);
    }
    // A client may ask for a shorter budget (seconds), never a longer one.
    const asked = Number(query.timeBudget);
    const timeBudgetMs = Number.isFinite(asked) && asked > 0 ? Math.min(asked * 1000, budget) : budget;
    let bytes: Buffer;
    let name: string;
    if (request.isMultipart()) {
      const file = await request.file();
      if (file === undefined) return problem(reply, 400, 'no_document', '表单中没有文件：请用一个文件字段上传文档 / the form has no file');
      bytes = await file.toBuffer();
      name = file.filename === '' ? 'document' : file.filename;
    } else {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) return problem(reply, 400, 'no_document', '请求体为空：请发送文档（JSON、PDF 或公开文本）/ the body is empty');
      bytes = request.body;
      name = NAMES[(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()] ?? 'document';
    }
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const outcome = await pool.check({ bytes: buffer, name, language, timeBudgetMs, ...(only !== undefined ? { only } : {}), ...(skip !== undefined ? { skip } : {}) });
    if (!outcome.ok) {
      request.log.warn({ code: outcome.code }, outcome.message);
      return problem(reply, STATUS[outcome.code] ?? 400, outcome.code, outcome.message);
    }
    const stopped = stoppedFinding(outcome.report);
    if (stopped !== undefined) return problem(reply, 503, 'time_limit_exceeded', stopped);
    return reply.code(200).send(outcome.report);
  });

  return app;
}
