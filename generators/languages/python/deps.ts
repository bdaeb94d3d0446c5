import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';
import { checkPipfileLock, readPipfile, readPyproject } from './manifests.js';
import type { PythonDependencySource } from './types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export interface PythonDependencies {
  readonly source: PythonDependencySource;
  readonly files: readonly string[];
  readonly names: readonly string[];
  readonly installable: boolean;
  /** Console scripts the project declares, name -> "module:function". */
  readonly scripts: Readonly<Record<string, string>>;
  readonly requiresPython?: string;
  readonly projectName?: string;
}

/** PEP 503 normalisation: "Flask_SQLAlchemy" and "flask-sqlalchemy" are one project. */
export const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The name at the start of a PEP 508 requirement: "uvicorn[standard]>=0.30; python_version>'3'" -> uvicorn. */
const requirementName = (line: string) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1];

/**
 * What an extra installs that this tool looks for: `fastapi[standard]` brings uvicorn and the
 * `fastapi` command. Names only: the installer resolves the real set.
 */
const EXTRAS_BRING: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  fastapi: { standard: ['uvicorn', 'fastapi-cli'], 'standard-no-fastapi-cloud-cli': ['uvicorn', 'fastapi-cli'], all: ['uvicorn', 'fastapi-cli'] },
};

/** The extras a requirement asks for: "fastapi[standard,sql]" -> standard, sql. */
const requirementExtras = (line: string) =>
  (/^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*\[([^\]]*)\]/.exec(line)?.[1] ?? '')
    .split(',')
    .map((extra) => extra.trim().toLowerCase())
    .filter(Boolean);

/** A requirement's name and what its extras bring. */
export function requirementNames(line: string): string[] {
  const name = requirementName(line);
  return name === undefined ? [] : [name, ...impliedBy(name, requirementExtras(line))];
}

/** Names an extra brings, for a dependency given as name and extras (Poetry's and Pipfile's tables too). */
export function impliedBy(name: string, extras: readonly string[]): string[] {
  const table = EXTRAS_BRING[normalise(name)] ?? {};
  return extras.flatMap((extra) => table[extra.toLowerCase()] ?? []);
}

/** Poetry's and Pipfile's `name = { version = "...", extras = ["standard"] }`. */
const tableExtras = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && Array.isArray((value as { extras?: unknown }).extras)
    ? (value as { extras: unknown[] }).extras.filter((extra): extra is string => typeof extra === 'string')
    : [];

/**
 * How the project declares its dependencies, in the order a tool would trust them: a lockfile's
 * manager first, then requirements files, then PEP 621 metadata, then setuptools' own files.
 */
export function pythonDependencies(snapshot: ProjectSnapshot): PythonDependencies {
  const found = declaredDependencies(snapshot);
  return { ...found, names: [...new Set(found.names)] };
}

function declaredDependencies(snapshot: ProjectSnapshot): PythonDependencies {
  const has = (file: string) => snapshot.files.includes(file);
  const pyproject = readPyproject(snapshot);
  const project = pyproject?.project ?? {};
  const tool = pyproject?.tool ?? {};
  const poetry = tool.poetry ?? {};
  const pipfile = has('Pipfile') ? readPipfile(snapshot) : undefined;
  if (pipfile) checkPipfileLock(snapshot);

  const pep621 = (project.dependencies ?? []).flatMap(requirementNames);
  const poetryNames = Object.entries(poetry.dependencies ?? {})
    .filter(([name]) => name !== 'python')
    .flatMap(([name, value]) => [name, ...impliedBy(name, tableExtras(value))]);
  const scripts = Object.fromEntries(
    Object.entries({ ...poetry.scripts, ...project.scripts }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  // Each tool's switch for a project that is only an application, never built as a package.
  const notAPackage = poetry['package-mode'] === false || tool.uv?.package === false || tool.pdm?.distribution === false;
  const installable =
    !notAPackage &&
    ((pyproject !== undefined && (pyproject['build-system'] !== undefined || Object.keys(scripts).length > 0)) || has('setup.py') || has('setup.cfg'));
  const common = {
    installable,
    scripts,
    requiresPython: project['requires-python'] ?? poetryPython(poetry.dependencies?.python),
    projectName: project.name ?? poetry.name,
  };
  const lock = (file: string) => (has(file) ? [file] : []);

  if (pyproject && has('uv.lock')) return { ...common, source: 'uv', files: ['pyproject.toml', 'uv.lock'], names: pep621.map(normalise) };
  if (pyproject && (has('poetry.lock') || Object.keys(poetry).length > 0)) {
    return { ...common, source: 'poetry', files: ['pyproject.toml', ...lock('poetry.lock')], names: [...pep621, ...poetryNames].map(normalise) };
  }
  if (pyproject && (has('pdm.lock') || tool.pdm !== undefined))
    return { ...common, source: 'pdm', files: ['pyproject.toml', ...lock('pdm.lock')], names: pep621.map(normalise) };
  if (pipfile) {
    const names = Object.entries(pipfile.packages ?? {}).flatMap(([name, value]) => [name, ...impliedBy(name, tableExtras(value))]);
    return { ...common, source: 'pipfile', files: ['Pipfile', ...lock('Pipfile.lock')], names: names.map(normalise) };
  }
  if (has('requirements.txt')) {
    const { files, names } = readRequirements(snapshot, 'requirements.txt');
    return { ...common, source: 'requirements', files, names: names.map(normalise) };
  }
  if (pyproject && pyproject.project !== undefined) return { ...common, source: 'pyproject', files: ['pyproject.toml'], names: pep621.map(normalise) };
  if (has('setup.cfg') && /install_requires/.test(snapshot.read('setup.cfg') ?? '')) {
    return { ...common, source: 'setup.cfg', files: ['setup.cfg'], names: setupCfgRequires(snapshot.read('setup.cfg') ?? '').map(normalise) };
  }
  if (has('setup.py')) return { ...common, source: 'setup.py', files: [], names: setupPyRequires(snapshot.read('setup.py') ?? '').map(normalise) };
  return { ...common, source: 'none', files: [], names: [] };
}

const poetryPython = (python: unknown) => {
  return typeof python === 'string' ? python.replace(/^\^(\d+\.\d+)/, '>=$1').replace(/^~(\d+\.\d+)/, '~=$1') : undefined;
};

/** requirements.txt and every file it pulls in with -r or -c, relative to the including file. */
export function readRequirements(snapshot: ProjectSnapshot, first: string): { files: string[]; names: string[] } {
  const files: string[] = [];
  const names: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    const text = snapshot.read(file);
    if (text === undefined) throw new UserError(ERRORS.message('error.deps.includes-which-does', { value: files.at(-1) ?? 'requirements.txt', file }));
    files.push(file);
    for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      const include = /^(?:-r|--requirement|-c|--constraint)[\s=]+(\S+)$/.exec(line);
      if (include) {
        const target = posix.normalize(posix.join(posix.dirname(file), include[1]!));
        if (target.startsWith('../') || posix.isAbsolute(target))
          throw new UserError(ERRORS.message('error.deps.includes-outside-project', { file, value: String(include[1]) }));
        visit(target);
      } else if (line !== '' && !line.startsWith('-')) {
        if (!/^(https?|git\+|file):/.test(line)) names.push(...requirementNames(line));
      }
    }
  };
  visit(first);
  return { files, names };
}

function setupCfgRequires(text: string): string[] {
  const block = /^install_requires\s*=\s*\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? /^install_requires\s*=\s*(.+)$/m.exec(text)?.[1] ?? '';
  return block.split(/[\n;]/).flatMap(requirementNames);
}

function setupPyRequires(text: string): string[] {
  const list = /install_requires\s*=\s*\[([^\]]*)\]/s.exec(text)?.[1] ?? '';
  return [...list.matchAll(/['"]([^'"]+)['"]/g)].flatMap((match) => requirementNames(match[1]!));
}
