/** The shape of an ajv standalone validator, as generated into ./generated/validators.js. */
import type { ErrorObject } from 'ajv';

/** One ajv error (verbose mode: with the failing schema in `parentSchema`). */
export type ValidatorError = ErrorObject;

/** A compiled validator function. */
export interface CompiledValidator {
  (value: unknown): boolean;
  /** Errors of the last call. */
  errors?: ValidatorError[] | null;
}
