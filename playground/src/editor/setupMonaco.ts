/**
 * Monaco 0.57, set up once: the editor features, JSON language support, our workers, and the
 * schemas that drive completion, hovers and validation in both editors. Never fetches schemas
 * from the network. Monaco's own strings are English unless the page loaded the zh-CN language
 * pack before this module (main.ts does, for a page in Chinese).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import documentSchema from '../../../schemas/document.schema.json';
import ruleSchema from '../../../schemas/rule.schema.json';
import ruleSetSchema from '../../../schemas/rule-set.schema.json';

/** The rules editor's model URI. */
export const RULES_URI = monaco.Uri.parse('inmemory://playground/rules.json');
/** The document editor's model URI. */
export const DOCUMENT_URI = monaco.Uri.parse('inmemory://playground/document.json');

/** The rule-set schema with the rule schema folded in, so its $refs resolve inside one schema. */
function ruleSetWithRules(): Record<string, unknown> {
  const { $defs: ruleDefs, ...ruleRoot } = ruleSchema as Record<string, unknown> & { $defs: Record<string, unknown> };
  const set = structuredClone(ruleSetSchema) as Record<string, unknown> & { properties: { rules: { items: unknown } } };
  set.properties.rules.items = { $ref: '#/$defs/rule', description: ruleRoot.description };
  return { ...set, $defs: ruleDefs };
}

let ready = false;

/** Configures Monaco (idempotent) and returns its API. */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      return label === 'json' ? new JsonWorker() : new EditorWorker();
    },
  };
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [
      // Documents name their schema as "../schemas/document.schema.json"; relative to the model's URI
      // that is this URI, so the document's own $schema finds the bundled schema, never the network.
      { uri: 'inmemory://playground/schemas/document.schema.json', fileMatch: [DOCUMENT_URI.toString()], schema: documentSchema },
      { uri: 'inmemory://playground/schemas/rule-set.schema.json', fileMatch: [RULES_URI.toString()], schema: ruleSetWithRules() },
    ],
  });
  return monaco;
}

export { monaco };
