import * as v from 'valibot';
import { UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';

/**
 * The package.json fields this tool reads, with the types npm gives them. A field of another type
 * is the project's mistake, reported by name in one line; fields this tool does not read may hold
 * anything. valibot's records leave out the keys that would reach Object.prototype (`__proto__`,
 * `constructor`, `prototype`); lookups elsewhere use own properties only.
 * valibot, because it is modular: the schema costs every run only the few functions it uses.
 */
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** valibot's object and record schemas take a list too (as an object of its indexes); here a list is refused. */
// Typed as the schema it wraps: the output is exactly that schema's (valibot cannot infer it through a generic pipe).
const plain = <S extends v.GenericSchema>(schema: S): S => v.pipe(v.custom<unknown>(isObject, 'Expected an object, not a list'), schema) as unknown as S;
const text = v.optional(v.string());
const table = v.optional(plain(v.record(v.string(), v.string())));
const PACKAGE_JSON = plain(
  v.looseObject({
    name: text,
    main: text,
    type: text,
    engines: v.optional(plain(v.looseObject({ node: text }))),
    scripts: table,
    dependencies: table,
    devDependencies: table,
    packageManager: text,
    workspaces: v.optional(v.union([v.array(v.string()), plain(v.looseObject({ packages: v.optional(v.array(v.string())) }))])),
  }),
);

export type PackageJson = v.InferOutput<typeof PACKAGE_JSON>;

/** package.json at the snapshot's root, parsed and checked; `where` names it in errors (a workspace member's path). */
export function readPackageJson(snapshot: ProjectSnapshot, where = 'package.json'): PackageJson {
  const text = snapshot.read('package.json');
  if (text === undefined) throw new UserError(`${where} is missing`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${where} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isObject(value)) throw new UserError(`${where} is not valid JSON (not an object)`);
  const parsed = v.safeParse(PACKAGE_JSON, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new UserError(`${where}: "${v.getDotPath(issue) ?? '(top level)'}" has the wrong type (${issue.message.split('\n')[0]})`);
}
