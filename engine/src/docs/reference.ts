/**
 * Renders the fact and operator reference (docs/reference.md) from the registries, so the docs
 * cannot drift from the code.
 */
import { FACTS } from '../facts/index.js';
import { OPERATORS } from '../operators/index.js';

function paramsTable(schema: Readonly<Record<string, unknown>>): string {
  const properties = (schema.properties ?? {}) as Record<string, { description?: string }>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) return '无参数。/ No params.\n';
  const rows = names.map((name) => `| \`${name}\`${required.has(name) ? '（必填）' : ''} | ${(properties[name]!.description ?? '').replace(/\|/g, '\\|')} |`);
  return ['| 参数 / param | 说明 / meaning |', '| --- | --- |', ...rows, ''].join('\n');
}

/** The reference page as Markdown. */
export function renderReference(): string {
  const parts: string[] = [
    '# 事实与运算符参考 / Facts and operators reference',
    '',
    '由 `npm run build:docs` 根据代码生成，请勿手工修改。/ Generated from the registries by `npm run build:docs`; do not edit.',
    '',
    '规则的条件写法与 json-rules-engine 相同：`{"fact": 事实, "params": 参数, "path": JSON Pointer, "operator": 运算符, "value": 常量或 {"fact": …}}`，用 `all` / `any` / `not` 组合。/ Conditions are json-rules-engine conditions.',
    '',
    '## 事实 / Facts',
    '',
  ];
  for (const fact of FACTS) {
    parts.push(`### \`${fact.name}\``, '', fact.description['zh-CN'], '', fact.description.en, '', `返回 / returns: \`${fact.returns}\``);
    if (fact.scoped !== undefined) parts.push('', `省略时取自作用域 / defaults from the scope: ${fact.scoped.map((name) => `\`${name}\``).join(', ')}`);
    if (fact.requiresScope !== undefined) parts.push('', `需要作用域 / needs scope: ${fact.requiresScope.map((name) => `\`${name}\``).join(', ')}`);
    parts.push('', paramsTable(fact.params), '示例 / example:', '', '```json', JSON.stringify(fact.example, null, 2), '```', '');
  }
  parts.push('## 运算符 / Operators', '');
  for (const operator of OPERATORS) {
    parts.push(
      `### \`${operator.name}\``,
      '',
      operator.description['zh-CN'],
      '',
      operator.description.en,
      '',
      `适用的事实值 / applies to: ${operator.accepts.map((type) => `\`${type}\``).join(', ')}`,
      '',
      '示例 / example:',
      '',
      '```json',
      JSON.stringify(operator.example, null, 2),
      '```',
      '',
    );
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
