/**
 * The shape check run before any rule: the document schema, then what a schema cannot say
 * (every amount cell of every table is a decimal). Each problem becomes a finding of the
 * `document-schema` rule at its own pointer; the rules still run wherever they can.
 */
import { type DocumentContext, rawCell } from '../document/context.js';
import { isUnavailable } from '../document/unavailable.js';
import { type Language } from '../report/messages/index.js';
import { validateAgainst } from '../schema/validate.js';
import { preview } from '../document/limits.js';

/** The rule id shape findings carry. */
export const DOCUMENT_SCHEMA_RULE = 'document-schema';

/** A shape problem, ready for the finding factory. */
export interface ShapeProblem {
  /** Always document-schema. */
  readonly ruleId: string;
  /** schema_violation or invalid_amount. */
  readonly code: string;
  /** Where. */
  readonly path: string;
  /** Message values. */
  readonly params: Readonly<Record<string, string>>;
  /** Basis shown with the finding. */
  readonly basis: readonly string[];
}

const BASIS = ['schemas/document.schema.json（预算公开文档格式）'];

/**
 * Every shape problem of a document.
 * @param context The document.
 * @param language Message language.
 */
export function checkDocumentShape(context: DocumentContext, language: Language): ShapeProblem[] {
  const problems: ShapeProblem[] = validateAgainst('document', context.document, language).map((problem) => ({
    ruleId: DOCUMENT_SCHEMA_RULE,
    code: 'schema_violation',
    path: problem.pointer,
    params: { detail: `${problem.pointer || '/'} ${problem.message}` },
    basis: BASIS,
  }));
  const reported = new Set(problems.map((problem) => problem.path));
  for (const role of context.tableRoles()) {
    const table = context.table(role);
    if (isUnavailable(table) || table.unit === undefined) continue;
    for (const row of table.rows) {
      for (const column of table.columns) {
        if (column.type === 'text') continue;
        const value = context.cell(table, row, column.id);
        if (!isUnavailable(value) || value.pointer === undefined || reported.has(value.pointer)) continue;
        problems.push({
          ruleId: DOCUMENT_SCHEMA_RULE,
          code: 'invalid_amount',
          path: value.pointer,
          params: { table: table.name, row: row.name, column: column.header, value: preview(rawCell(row, column.id)) },
          basis: BASIS,
        });
      }
    }
  }
  return problems;
}
