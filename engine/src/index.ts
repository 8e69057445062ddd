/**
 * disclosure-rules: the public API. Isomorphic (browser, Web Worker, Node): no Node APIs, no
 * `eval`. File loading lives in ./node.ts; the CLI and the playground import only these two.
 */
export { DEFAULT_TIME_BUDGET_MS, IMPORT_RULE, LIMITS_RULE, evaluate, type EvaluateOptions } from './evaluate/evaluate.js';
export { importText, type ImportOptions, type ImportResult } from './import/importText.js';
export { type ImportProblem } from './import/types.js';
export { DOCUMENT_SCHEMA_RULE } from './evaluate/documentShape.js';
export { loadRuleSet, type LoadOptions, type LoadResult, type RuleSetProblem, type RuleSource } from './rules/load.js';
export { type CompiledRule, type CompiledRuleSet } from './rules/compile.js';
export { type RuleDefinition, type RuleSet, type Scope, type Severity, type LocalizedText, type Condition, type TopLevelCondition } from './rules/types.js';
export { type Finding, type FindingGroup, type Report, type RuleOutcome, type RuleStatus, type Summary } from './report/types.js';
export { type Language } from './report/messages/index.js';
export { formatText } from './report/format/text.js';
export { validateAgainst, type SchemaName, type SchemaProblem } from './schema/validate.js';
export { FACTS } from './facts/index.js';
export { OPERATORS } from './operators/index.js';
export { type FactDefinition } from './facts/types.js';
export { type OperatorDefinition } from './operators/types.js';
export { TABLE_ROLES, type DisclosureDocument, type Table, type Row, type Column, type Figure } from './document/model.js';
export { escapeToken, pointerOf, parsePointer, resolvePointer } from './document/pointer.js';
export { fillTemplate } from './report/createFinding.js';
export { parseJsonText, type JsonParseResult, type JsonSyntaxError } from './document/json.js';
export { parseDecimal, roundHalfUp, formatDecimal, Money } from './money/money.js';
