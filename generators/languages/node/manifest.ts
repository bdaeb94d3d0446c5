import * as v from 'valibot';
import { UserError } from '../../core/errors.js';
import { checked, isPlainObject, plain } from '../../core/schema.js';
import type { ProjectSnapshot } from '../../core/types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/**
 * The package.json fields this tool reads, with the types npm gives them. valibot's records leave
 * out the keys that would reach Object.prototype (`__proto__`, `constructor`, `prototype`); lookups
 * elsewhere use own properties only.
 */
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
    // Prisma's settings before prisma.config.ts: where the schema lives.
    prisma: v.optional(plain(v.looseObject({ schema: text }))),
    workspaces: v.optional(v.union([v.array(v.string()), plain(v.looseObject({ packages: v.optional(v.array(v.string())) }))])),
  }),
);

export type PackageJson = v.InferOutput<typeof PACKAGE_JSON>;

/** package.json at the snapshot's root, parsed and checked; `where` names it in errors (a workspace member's path). */
export function readPackageJson(snapshot: ProjectSnapshot, where = 'package.json'): PackageJson {
  const text = snapshot.read('package.json');
  if (text === undefined) throw new UserError(ERRORS.message('error.manifest.missing', { where }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(ERRORS.message('error.manifest.valid-json', { where, value: (error as Error).message.split('\n')[0] ?? '' }));
  }
  if (!isPlainObject(value)) throw new UserError(ERRORS.message('error.manifest.valid-json-object', { where }));
  return checked(PACKAGE_JSON, value, where);
}
