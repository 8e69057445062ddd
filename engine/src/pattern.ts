/** Regular expressions written in rules (patterns, headings): compiled once, in Unicode mode. */

const compiled = new Map<string, RegExp | undefined>();

/**
 * A rule's pattern as a regular expression (Unicode mode), or undefined if it is not one.
 * Compiled once per source (rule sets are few, and their patterns are reused for every text).
 * @param source The pattern.
 */
export function patternOf(source: unknown): RegExp | undefined {
  if (typeof source !== 'string' || source === '') return undefined;
  if (!compiled.has(source)) {
    try {
      compiled.set(source, new RegExp(source, 'u'));
    } catch {
      compiled.set(source, undefined);
    }
  }
  return compiled.get(source);
}
