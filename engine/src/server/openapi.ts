/**
 * The service's OpenAPI 3.1 description, built from the project's JSON Schemas (the report and
 * the document model are the schemas the CLI and the library validate against, so the description
 * cannot drift from what the service returns).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../node.js';

/** The limits the description states. */
export interface ServiceLimits {
  readonly maxBodyBytes: number;
  readonly maxPdfPages: number;
  readonly timeBudgetMs: number;
}

function schema(name: string): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = JSON.parse(readFileSync(join(packageRoot(), 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
  return rest;
}

const ERROR = {
  description: '无法检查的原因 / why the document cannot be checked',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/**
 * The OpenAPI document.
 * @param version The service's version.
 * @param limits Its limits.
 */
export function openApiDocument(version: string, limits: ServiceLimits): Record<string, unknown> {
  const megabytes = Math.round(limits.maxBodyBytes / 1024 / 1024);
  const list = (description: string) => ({ in: 'query', required: false, description, schema: { type: 'string' } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'disclosure-rules',
      version,
      description: `检查部门预算公开文档是否符合规则。/ Checks Chinese budget disclosures against their rules. Limits: body ${megabytes} MB, PDF ${limits.maxPdfPages} pages, ${limits.timeBudgetMs / 1000} s per check.`,
    },
    paths: {
      '/v1/check': {
        post: {
          summary: '检查一份文档 / check a document',
          description:
            '请求体：文档 JSON（application/json）、PDF（application/pdf）、公开文本（text/plain），或 multipart/form-data 中的一个文件。/ The body: a document as JSON, a PDF, published text, or one file of a multipart form.',
          parameters: [
            { in: 'query', name: 'lang', required: false, schema: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' }, description: '消息语言 / message language' },
            { name: 'only', ...list('只运行这些规则 id 或标签（逗号分隔）/ only these rule ids or tags') },
            { name: 'skip', ...list('跳过这些规则 id 或标签（逗号分隔）/ skip these rule ids or tags') },
            {
              in: 'query',
              name: 'timeBudget',
              required: false,
              schema: { type: 'number', exclusiveMinimum: 0 },
              description: `本次检查的时限（秒），不超过 ${limits.timeBudgetMs / 1000} / this check's time budget in seconds, at most the service's`,
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Document' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'text/plain': { schema: { type: 'string' } },
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
            },
          },
          responses: {
            '200': { description: '检查报告（与 CLI --format json 相同）/ the report (as the CLI prints it)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Report' } } } },
            '400': ERROR,
            '413': ERROR,
            '503': ERROR,
          },
        },
      },
      '/v1/rules': {
        get: {
          summary: '规则包中的规则 / the rules of the pack',
          parameters: [{ in: 'query', name: 'lang', required: false, schema: { type: 'string', enum: ['zh-CN', 'en'] } }],
          responses: { '200': { description: 'ids, titles, severities, tags and basis', content: { 'application/json': { schema: { $ref: '#/components/schemas/Rules' } } } } },
        },
      },
      '/healthz': { get: { summary: '服务状态 / health', responses: { '200': { description: 'ok' } } } },
      '/openapi.json': { get: { summary: '本描述 / this description', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    components: {
      schemas: {
        Report: schema('report'),
        Document: schema('document'),
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
        Rules: {
          type: 'object',
          properties: {
            ruleSet: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' } } },
            rules: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  title: { type: 'string' },
                  severity: { enum: ['error', 'warning', 'info'] },
                  tags: { type: 'array', items: { type: 'string' } },
                  basis: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
  };
}
