import * as v from 'valibot';
import { parse as parseToml } from 'smol-toml';
import { UserError } from '../../core/errors.js';
import { checked, isPlainObject, plain } from '../../core/schema.js';
import type { ProjectSnapshot } from '../../core/types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/**
 * The fields of pyproject.toml, Pipfile and Pipfile.lock this tool reads, with the types their
 * specifications give them (PEP 621, Poetry, PDM, Pipenv). A field of another type is refused by
 * name in one line; the rest of each file may hold anything.
 */
const text = v.optional(v.string());
const strings = v.optional(v.array(v.string()));
const table = <E extends v.ObjectEntries>(entries: E) => v.optional(plain(v.looseObject(entries), 'a table'));
/** Poetry and Pipenv write a dependency as a version string or as a table ({ version, extras, git... }); some as a list of those. */
const dependencyTable = v.optional(plain(v.record(v.string(), v.unknown()), 'a table'));

const PYPROJECT = plain(
  v.looseObject({
    project: table({
      name: text,
      'requires-python': text,
      dependencies: strings,
      'optional-dependencies': v.optional(plain(v.record(v.string(), v.array(v.string())), 'a table')),
      scripts: v.optional(plain(v.record(v.string(), v.string()), 'a table')),
    }),
    'build-system': table({ requires: strings, 'build-backend': text }),
    // PEP 735: named lists of requirements (or include-group tables), for development only.
    'dependency-groups': v.optional(plain(v.record(v.string(), v.array(v.unknown())), 'a table')),
    tool: table({
      poetry: table({
        name: text,
        // false: Poetry manages the dependencies only; the project itself is not a package.
        'package-mode': v.optional(v.boolean()),
        dependencies: dependencyTable,
        'dev-dependencies': dependencyTable,
        group: v.optional(plain(v.record(v.string(), v.unknown()), 'a table')),
        // A Poetry script is "module:function" or, for other kinds, a table.
        scripts: dependencyTable,
        // Poetry 2: the Poetry versions that may manage the project (a PEP 440 specifier).
        'requires-poetry': text,
      }),
      uv: table({
        package: v.optional(v.boolean()),
        // The uv versions that may manage the project (a PEP 440 specifier).
        'required-version': text,
        'dev-dependencies': v.optional(v.array(v.unknown())),
        // A uv workspace: member folders as globs, and globs of folders that are not members.
        workspace: table({ members: strings, exclude: strings }),
      }),
      pdm: table({ distribution: v.optional(v.boolean()), 'dev-dependencies': v.optional(plain(v.record(v.string(), v.array(v.unknown())), 'a table')) }),
    }),
  }),
  'a table',
);

const PIPFILE = plain(
  v.looseObject({
    packages: dependencyTable,
    'dev-packages': dependencyTable,
    requires: table({ python_version: text, python_full_version: text }),
  }),
  'a table',
);

/** The build reads `default` name by name, with each one's version (install-commands.ts). */
const PIPFILE_LOCK = plain(v.looseObject({ default: v.optional(plain(v.record(v.string(), plain(v.looseObject({ version: text }))))) }));

export type Pyproject = v.InferOutput<typeof PYPROJECT>;
export type Pipfile = v.InferOutput<typeof PIPFILE>;

function parseTomlFile(snapshot: ProjectSnapshot, file: string): unknown {
  const source = snapshot.read(file);
  if (source === undefined) return undefined;
  try {
    return parseToml(source);
  } catch (error) {
    const { line } = error as { line?: number };
    const reason = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new UserError(
      line ? ERRORS.message('error.manifests.valid-toml-line', { file, reason, line }) : ERRORS.message('error.manifests.valid-toml', { file, reason }),
    );
  }
}

export function readPyproject(snapshot: ProjectSnapshot): Pyproject | undefined {
  const value = parseTomlFile(snapshot, 'pyproject.toml');
  return value === undefined ? undefined : checked(PYPROJECT, value, 'pyproject.toml');
}

export function readPipfile(snapshot: ProjectSnapshot): Pipfile | undefined {
  const value = parseTomlFile(snapshot, 'Pipfile');
  return value === undefined ? undefined : checked(PIPFILE, value, 'Pipfile');
}

/** Pipfile.lock is read only by the image build; checking it here turns a build failure into a one-line error now. */
export function checkPipfileLock(snapshot: ProjectSnapshot): void {
  const source = snapshot.read('Pipfile.lock');
  if (source === undefined) return;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UserError(ERRORS.message('error.manifests.pipfile-lock-valid', { value: (error as Error).message.split('\n')[0] ?? '' }));
  }
  if (!isPlainObject(value)) throw new UserError(ERRORS.message('error.manifests.pipfile-lock-valid-2'));
  checked(PIPFILE_LOCK, value, 'Pipfile.lock');
}
