import * as v from 'valibot';
import { UserError } from './errors.js';
import { ERRORS } from './explain/error-messages.js';

/**
 * Shared pieces for checking a project's manifests with valibot: a wrong type is the project's
 * mistake, reported in one line naming the file and the field. Only the fields this tool reads are
 * typed; the others may hold anything. valibot, because it is modular: a run pays only for the
 * few functions its schemas use.
 */

/** A table or JSON object: not a list, not a date or other class instance (TOML dates are objects). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * valibot's object and record schemas take a list (as an object of its indexes) and a date; here
 * only a plain object passes. Typed as the schema it wraps: the output is exactly that schema's
 * (valibot cannot infer it through a generic pipe).
 */
export const plain = <S extends v.GenericSchema>(schema: S, noun = 'an object'): S =>
  v.pipe(
    v.custom<unknown>(
      isPlainObject,
      (issue) => `Expected ${noun}, not ${Array.isArray(issue.input) ? 'a list' : issue.input instanceof Date ? 'a date' : `a ${typeof issue.input}`}`,
    ),
    schema,
  ) as unknown as S;

/** The value checked against the schema, or a one-line UserError naming `where` and the field's dotted path. */
export function checked<S extends v.GenericSchema>(schema: S, value: unknown, where: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new UserError(
    ERRORS.message('error.schema.has-wrong-type', { where, value: v.getDotPath(issue) ?? '(top level)', value2: issue.message.split('\n')[0] ?? '' }),
  );
}
