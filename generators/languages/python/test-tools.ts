import type { ProjectSnapshot } from '../../core/types.js';
import { normalise, readRequirements, requirementNames } from './deps.js';
import { readPipfile, readPyproject } from './manifests.js';

/**
 * Where a project declares pytest when it is no dependency of the app: the test stage installs that
 * declaration, never a guessed version. PEP 735 groups go through `pip install --group` (pip 25.1+,
 * which both builders have); a requirements file through `-r`; the other tools' tables (uv's and
 * PDM's dev-dependencies, Poetry's groups, extras, Pipfile's dev-packages) as their requirements.
 */
export type TestInstall =
  | { readonly kind: 'group'; readonly group: string; readonly source: string }
  | { readonly kind: 'requirements-file'; readonly file: string; readonly source: string }
  | {
      readonly kind: 'requirements';
      readonly requirements: readonly string[];
      readonly source: string;
      /** Poetry's and Pipfile's versions are not pip's: the names go unpinned, which a note says. */
      readonly unpinned?: boolean;
    };

const REQUIREMENT_FILES = [
  'requirements-dev.txt',
  'requirements-test.txt',
  'requirements_dev.txt',
  'requirements_test.txt',
  'dev-requirements.txt',
  'test-requirements.txt',
  'requirements/dev.txt',
  'requirements/test.txt',
  'requirements/testing.txt',
];

/** A PEP 508 requirement this tool passes to pip as one word: a name, extras, version clauses; no URL, no marker. */
const PLAIN_REQUIREMENT =
  /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?(\s*(===?|!=|<=?|>=?|~=)\s*[A-Za-z0-9.*+!_-]+)(\s*,\s*(===?|!=|<=?|>=?|~=)\s*[A-Za-z0-9.*+!_-]+)*$|^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?$/;

const hasPytest = (requirements: readonly unknown[]) =>
  requirements.some((item) => typeof item === 'string' && requirementNames(item).map(normalise).includes('pytest'));

/**
 * Requirements as pip takes them: the plain ones whole, one with a marker by its name and version (it
 * installs whatever the marker says); a URL, a path or `name @ url` is left out, since no word of
 * it can be given to pip safely.
 */
const plain = (requirements: readonly unknown[]) =>
  requirements.flatMap((item) => {
    if (typeof item !== 'string') return [];
    const text = item.split(';')[0]!.trim();
    if (PLAIN_REQUIREMENT.test(text)) return [text.replace(/\s+/g, '')];
    if (/:\/\/|@|^[./-]/.test(text)) return [];
    const name = requirementNames(text)[0];
    return name ? [name] : [];
  });

/** Poetry's and Pipfile's `name = "^8.0"` tables: names only, since their version syntax is not pip's. */
const names = (table: unknown) =>
  table && typeof table === 'object' ? Object.keys(table).filter((name) => name !== 'python' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) : [];

export function testInstall(snapshot: ProjectSnapshot): TestInstall | undefined {
  const pyproject = snapshot.files.includes('pyproject.toml') ? readPyproject(snapshot) : undefined;
  const groups = (pyproject?.['dependency-groups'] ?? {}) as Record<string, unknown>;
  for (const [group, entries] of Object.entries(groups))
    if (Array.isArray(entries) && hasPytest(entries) && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(group))
      return { kind: 'group', group, source: `[dependency-groups] ${group} in pyproject.toml` };

  for (const file of REQUIREMENT_FILES.filter((path) => snapshot.files.includes(path))) {
    if (readRequirements(snapshot, file).names.map(normalise).includes('pytest')) return { kind: 'requirements-file', file, source: file };
  }

  const tool = pyproject?.tool ?? {};
  const lists: [unknown, string][] = [
    [tool.uv?.['dev-dependencies'], '[tool.uv] dev-dependencies'],
    ...Object.entries(tool.pdm?.['dev-dependencies'] ?? {}).map(([group, list]): [unknown, string] => [list, `[tool.pdm.dev-dependencies] ${group}`]),
    ...Object.entries(pyproject?.project?.['optional-dependencies'] ?? {}).map(([extra, list]): [unknown, string] => [list, `the ${extra} extra`]),
  ];
  for (const [list, where] of lists)
    if (Array.isArray(list) && hasPytest(list)) return { kind: 'requirements', requirements: plain(list), source: `${where} in pyproject.toml` };

  const poetry = tool.poetry ?? {};
  const poetryTables: [unknown, string][] = [
    [poetry['dev-dependencies'], '[tool.poetry.dev-dependencies]'],
    ...Object.entries(poetry.group ?? {}).map(([group, value]): [unknown, string] => [
      (value as { dependencies?: unknown }).dependencies,
      `[tool.poetry.group.${group}]`,
    ]),
  ];
  for (const [table, where] of poetryTables)
    if (names(table).map(normalise).includes('pytest'))
      return { kind: 'requirements', requirements: names(table), source: `${where} in pyproject.toml`, unpinned: true };

  const pipfile = snapshot.files.includes('Pipfile') ? readPipfile(snapshot) : undefined;
  const dev = (pipfile?.['dev-packages'] ?? {}) as Record<string, unknown>;
  if (names(dev).map(normalise).includes('pytest')) {
    // Pipfile's version strings are PEP 440's ("==8.3.4", "*"), kept; a table ({ git = ... }) gives the name alone.
    const requirement = (name: string) => (typeof dev[name] === 'string' && dev[name] !== '*' ? plain([`${name}${dev[name]}`]) : [name]);
    return {
      kind: 'requirements',
      requirements: names(dev).flatMap(requirement),
      source: '[dev-packages] in Pipfile',
      unpinned: names(dev).some((name) => typeof dev[name] !== 'string'),
    };
  }
  return undefined;
}
