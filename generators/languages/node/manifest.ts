import * as v from 'valibot';
import { UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';

/**
 * The package.json fields this tool reads, with the types npm gives them. A field of another type
 * is the project's mistake, reported by name in one line; fields this tool does not read may hold
 * anything. Tables keep their keys as data (`constructor` is a package name like any other).
 * valibot, because it is modular: the schema costs every run only the few functions it uses.
 */
const text = v.optional(v.string());
const table = v.optional(v.record(v.string(), v.string()));
const PACKAGE_JSON = v.looseObject({
  name: text,
  main: text,
  type: text,
  engines: v.optional(v.looseObject({ node: text })),
  scripts: table,
  dependencies: table,
  devDependencies: table,
  packageManager: text,
  workspaces: v.optional(v.union([v.array(v.string()), v.looseObject({ packages: v.optional(v.array(v.string())) })])),
});

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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UserError(`${where} is not valid JSON (not an object)`);
  // An object schema takes an array too (as an object of its indexes), so a list must be all text here.
  const workspaces = (value as { workspaces?: unknown }).workspaces;
  if (Array.isArray(workspaces) && !workspaces.every((item) => typeof item === 'string'))
    throw new UserError(`${where}: "workspaces" has the wrong type (a list of folder globs, as text)`);
  const parsed = v.safeParse(PACKAGE_JSON, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new UserError(`${where}: "${v.getDotPath(issue) ?? '(top level)'}" has the wrong type (${issue.message.split('\n')[0]})`);
}
