import { PYTHON_MESSAGES } from './messages.js';
import type { Message } from '../../core/explain/messages.js';
import { posix } from 'node:path';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { imageName } from '../../core/render/quote.js';
import { UserError } from '../../core/errors.js';
import { scopedSnapshot } from '../../core/detect/scoped-snapshot.js';
import { unique } from '../../core/unique.js';
import type { DetectOptions, ProjectSnapshot, TestsFound } from '../../core/types.js';
import type { PythonFacts, PythonWorkspaceMember } from './types.js';
import { compiledDependencies } from './compiled.js';
import { pythonDependencies, type PythonDependencies } from './deps.js';
import { findUvMember, usedMembers, uvWorkspace } from './uv-workspace.js';
import { testInstall, type TestInstall } from './test-tools.js';
import { pythonEntry, serverDefault } from './entry.js';
import { configBind, gunicornWords, hasBindFlag, withBind } from './gunicorn-config.js';
import { pythonVersion } from './version.js';
import { PYTHON_PROJECT } from './markers.js';
import { lockToolOf, toolRequest } from './tool-version.js';
import { readPyproject } from './manifests.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export const isPythonProject = (snapshot: ProjectSnapshot) =>
  snapshot.files.some((file) => PYTHON_PROJECT.manifests.includes(file) || (!file.includes('/') && file.endsWith('.py')));

/**
 * A project, or in a uv workspace one member: the root's own project unless `--workspace` names
 * another. A member is detected in its own folder; its dependencies are the workspace's lock, read
 * for it and the members it uses, and the build runs from the root.
 */
export function detectPython(root: ProjectSnapshot, options: DetectOptions = {}): PythonFacts {
  const workspace = uvWorkspace(root);
  if (workspace === undefined) {
    if (options.workspace !== undefined) throw new UserError(ERRORS.message('error.detect.workspace-this-project', { workspace: options.workspace }));
    return detectProject(root, pythonDependencies(root));
  }
  const member = options.workspace !== undefined ? findUvMember(workspace, options.workspace) : workspace.members.find((item) => item.dir === '.');
  const listed = workspace.members.map((item) => item.name).join(', ');
  if (member === undefined)
    throw new UserError(listed ? ERRORS.message('error.detect.this-uv-workspace', { value: listed }) : ERRORS.message('error.detect.this-uv-workspace-empty'));
  const used = usedMembers(workspace, member);
  const memberNames = workspace.members.map((item) => item.name);
  const deps: PythonDependencies = {
    ...member.declared,
    source: 'uv',
    // uv reads every member's manifest to know the workspace, even to export one member's lock.
    files: unique([...workspace.manifests.slice(0, 1), ...(workspace.lock ? ['uv.lock'] : []), ...workspace.manifests.slice(1)]),
    // The packages of the workspace projects it uses are its own at run time (a shared db package's driver).
    names: unique(used.flatMap((item) => item.dependencies).filter((name) => !memberNames.includes(name))),
    requiresPython: member.declared.requiresPython ?? workspace.requiresPython,
  };
  const details: PythonWorkspaceMember = {
    name: member.name,
    dir: member.dir,
    installs: used.filter((item) => item.declared.installable).map((item) => item.dir),
  };
  const facts = detectProject(scopedSnapshot(root, member.dir), deps, root);
  const others = used.filter((item) => item !== member).map((item) => item.name);
  const note =
    member.dir === '.'
      ? PYTHON_MESSAGES.message('note.python.uv-root', { members: listed })
      : others.length > 0
        ? PYTHON_MESSAGES.message('note.python.uv-member-uses', { name: member.name, members: listed, uses: others.join(', '), dir: member.dir })
        : PYTHON_MESSAGES.message('note.python.uv-member', { name: member.name, members: listed, dir: member.dir });
  return {
    ...facts,
    workspace: details,
    buildOutputDirs: unique([...outputDirs(root), ...facts.buildOutputDirs.map((dir) => (member.dir === '.' ? dir : `${member.dir}/${dir}`))]),
    notes: [note, ...facts.notes],
  };
}

const OUTPUT_DIRS = ['build', 'dist', '.venv', 'venv', '.tox', '.pytest_cache', '.mypy_cache'];
const outputDirs = (snapshot: ProjectSnapshot) =>
  OUTPUT_DIRS.filter((dir) => snapshot.files.some((file) => file.startsWith(`${dir}/`)) || snapshot.pruned.includes(dir));

/** One project's facts from its folder; `root` is the workspace's, where .python-version may sit instead. */
function detectProject(snapshot: ProjectSnapshot, deps: PythonDependencies, root: ProjectSnapshot = snapshot): PythonFacts {
  const notes: Message[] = [];
  const version = pythonVersion(deps.requiresPython, snapshot.read('.python-version') ?? root.read('.python-version'), snapshot.read('runtime.txt'));
  const { notes: entryNotes = [], ...found } = pythonEntry({ snapshot, dependencies: deps.names, scripts: deps.scripts, installable: deps.installable });
  notes.push(...entryNotes);
  const entry = withConfigBind(snapshot, found, notes);
  const compiled = compiledDependencies(deps.names);

  if (deps.source === 'setup.py') notes.push(PYTHON_MESSAGES.message('note.python.setup-py'));
  if (entry.framework === 'django' && entry.entry[0] === 'python') notes.push(PYTHON_MESSAGES.message('note.python.runserver'));
  if (entry.entryNeedsShell && entry.entrySource === 'boot.sh') notes.push(bootNote(snapshot.read('boot.sh') ?? ''));
  if (entry.collectStatic?.root === '') throw new UserError(ERRORS.message('error.detect.folder-under-base', { source: entry.collectStatic.source }));
  // The top-level modules, a Procfile and a gunicorn config: where a bind address is written.
  // A gunicorn config's bind does not count where the command line's --bind overrides it.
  const gunicorn = gunicornWords(entry.entry);
  const overridden = (file: string) => gunicorn !== undefined && hasBindFlag(gunicorn) && /(^|\/)gunicorn[._-]?conf(ig)?(\.py)?$/.test(file);
  const bindSources = snapshot.files
    .filter((file) => (!file.includes('/') && file.endsWith('.py')) || file === 'Procfile' || /^(app|src)\/[^/]+\.py$/.test(file))
    .filter((file) => !overridden(file))
    .map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const loopback = loopbackBind(bindSources);
  if (loopback) notes.push(loopbackNote(loopback));
  for (const dependency of compiled.filter((item) => item.runtimePackages.length > 0)) {
    notes.push(
      PYTHON_MESSAGES.message('note.python.compiled', {
        name: dependency.name,
        builds: dependency.builderPackages.join(', '),
        runs: dependency.runtimePackages.join(', '),
      }),
    );
  }

  const tests = testsOf(snapshot, deps.names);
  return {
    language: 'python',
    projectName: imageName(deps.projectName || posix.basename(snapshot.root)),
    pythonVersion: version.version,
    pythonVersionSource: version.source,
    dependencySource: deps.source,
    dependencyFiles: deps.files,
    dependencies: deps.names,
    installable: deps.installable,
    // uv reads required-version at the workspace's root, where uv.lock and uv.toml sit too.
    toolRequest: toolRequest(root, readPyproject(root), lockToolOf(deps.source)),
    ...entry,
    compiled,
    buildOutputDirs: [
      ...outputDirs(snapshot),
      // collectstatic's output on the host: the build stage makes its own.
      ...(entry.collectStatic?.root ? [entry.collectStatic.root] : []),
    ],
    ...tests,
    notes:
      tests.testInstall?.kind === 'requirements' && tests.testInstall.unpinned
        ? [
            ...notes,
            PYTHON_MESSAGES.message('note.python.test-unpinned', { requirements: tests.testInstall.requirements.join(', '), source: tests.testInstall.source }),
          ]
        : notes,
  };
}

/**
 * gunicorn's config file binding a socket or loopback: the image adds --bind 0.0.0.0:PORT, which
 * gunicorn puts before the file's; a reachable port there becomes the image's port.
 */
function withConfigBind<E extends ReturnType<typeof pythonEntry>>(snapshot: ProjectSnapshot, entry: E, notes: Message[]): E {
  const bind = configBind(snapshot, entry.entry);
  if (bind === undefined) return entry;
  if (bind.port !== undefined) return entry.port === undefined ? { ...entry, port: bind.port, portSource: `${bind.file} bind` } : entry;
  notes.push(PYTHON_MESSAGES.message('note.python.config-bind', { file: bind.file, line: bind.line, address: bind.address }));
  return { ...entry, entry: withBind(entry.entry), listens: true, ...(entry.port === undefined ? serverDefault('gunicorn') : {}) };
}

/** boot.sh needs a shell; unless its last command is exec'd, the shell stays PID 1 and the server never sees SIGTERM. */
function bootNote(script: string): Message {
  const last = script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .pop();
  const execs = last !== undefined && /^exec\s/.test(last);
  return PYTHON_MESSAGES.message(execs ? 'note.python.boot-exec' : 'note.python.boot-no-exec', { last: last ?? '' });
}

/**
 * test_*.py or *_test.py files: pytest when the project depends on it or declares it for development
 * (which the test stage then installs), else the standard library's unittest.
 */
function testsOf(snapshot: ProjectSnapshot, dependencies: readonly string[]): { tests?: TestsFound; testInstall?: TestInstall } {
  const count = snapshot.files.filter((file) => /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(file)).length;
  if (count === 0) return {};
  const files = `${count} test file${count === 1 ? '' : 's'}`;
  if (dependencies.includes('pytest')) return { tests: { source: `${files} (pytest)` } };
  const install = testInstall(snapshot);
  return install ? { tests: { source: `${files} (pytest, from ${install.source})` }, testInstall: install } : { tests: { source: `${files} (unittest)` } };
}
