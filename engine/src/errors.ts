/**
 * Usage and IO problems: a typed error with a code and a message that says what happened, where,
 * and what to do next. Findings and rule problems are never thrown.
 */

/** Codes of the problems that stop the CLI with exit 2. */
export type EngineErrorCode =
  | 'file_unreadable'
  | 'json_malformed'
  | 'rule_set_invalid'
  | 'text_unrecognised'
  | 'format_unsupported'
  | 'pdf_unreadable'
  | 'no_rule_pack'
  | 'usage'
  | 'rule_unknown'
  | 'json_too_deep'
  | 'file_too_large';

/** A problem that makes the input unusable. */
export class EngineError extends Error {
  /**
   * @param code What kind of problem.
   * @param message What happened and what to do, naming the place.
   * @param file The file concerned.
   * @param place Line:column or JSON Pointer within it.
   * @param details Further problems of the same input, one line each.
   */
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly file?: string,
    readonly place?: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** One line for stderr: file:place: message. */
  toLine(): string {
    const where = [this.file, this.place].filter((part) => part !== undefined && part !== '').join(':');
    return where === '' ? this.message : `${where}: ${this.message}`;
  }
}
