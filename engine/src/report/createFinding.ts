/**
 * The one factory that builds every finding. Its message is chosen in a fixed order: the rule's
 * own message in the requested language, then the rule's Chinese message, then the dictionary
 * entry for the finding code, then the generic entry; placeholders are filled from params.
 */
import { type LocalizedText, type Severity } from '../rules/types.js';
import { type Language, MESSAGES } from './messages/index.js';
import { type Finding } from './types.js';

/** Values that fill a message. */
export type MessageParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** What the factory needs to know about the finding. */
export interface FindingInput {
  /** Rule id. */
  readonly ruleId: string;
  /** Finding code. */
  readonly code: string;
  /** Severity. */
  readonly severity: Severity;
  /** JSON Pointer. */
  readonly path: string;
  /** The rule's own message, if any. */
  readonly message?: LocalizedText;
  /** The rule's title. */
  readonly title?: LocalizedText;
  /** Legal basis. */
  readonly basis?: readonly string[];
  /** Values for the message. */
  readonly params: MessageParams;
  /** Related places. */
  readonly relatedPaths?: readonly string[];
  /** Source line. */
  readonly line?: number;
}

/**
 * Picks the text of a localized value in a language, falling back to Chinese.
 * @param text The value.
 * @param language The language wanted.
 */
export function localize(text: LocalizedText | undefined, language: Language): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return (language === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

const PLACEHOLDER = /\{([A-Z]+)\}/gi;

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible as `{name}`. A value
 * quoted by the template (“{indicator}”) that holds quotes itself has them made inner quotes
 * (“两节”慰问及时率 → “‘两节’慰问及时率”), as Chinese text nests them, never ““两节”….
 * @param template The message template.
 * @param params The values.
 */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string, at: number) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    const text = String(value);
    const quoted = template[at - 1] === '“' && template[at + whole.length] === '”';
    return quoted ? text.replace(/“/g, '‘').replace(/”/g, '’') : text;
  });
}

/**
 * Builds a finding with its message in the requested language.
 * @param input What the finding is.
 * @param language Message language.
 */
export function createFinding(input: FindingInput, language: Language): Finding {
  const title = localize(input.title, language);
  const params: MessageParams = { ...input.params, title, ruleId: input.ruleId };
  const template = localize(input.message, language) ?? MESSAGES[language][input.code] ?? MESSAGES[language].generic!;
  const reported = Object.fromEntries(Object.entries(input.params).filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined));
  const finding: Finding = {
    ruleId: input.ruleId,
    code: input.code,
    severity: input.severity,
    message: fillTemplate(template, params),
    path: input.path,
    ...(title !== undefined ? { title } : {}),
    ...(input.basis !== undefined && input.basis.length > 0 ? { basis: input.basis } : {}),
    ...(typeof input.params.expected === 'string' ? { expected: input.params.expected } : {}),
    ...(typeof input.params.actual === 'string' ? { actual: input.params.actual } : {}),
    ...(typeof input.params.difference === 'string' ? { difference: input.params.difference } : {}),
    ...(Object.keys(reported).length > 0 ? { params: reported } : {}),
    ...(input.relatedPaths !== undefined && input.relatedPaths.length > 0 ? { relatedPaths: input.relatedPaths } : {}),
    ...(input.line !== undefined ? { source: { line: input.line } } : {}),
  };
  return finding;
}

/**
 * Orders findings deterministically: by path, then rule id, then source line, then message.
 * @param a One finding.
 * @param b Another.
 */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  const lineA = a.source?.line ?? 0;
  const lineB = b.source?.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
