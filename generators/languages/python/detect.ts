import { posix } from 'node:path';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { imageName } from '../../core/render/quote.js';
import type { ProjectSnapshot, TestsFound } from '../../core/types.js';
import type { PythonFacts } from './types.js';
import { compiledDependencies } from './compiled.js';
import { pythonDependencies } from './deps.js';
import { pythonEntry } from './entry.js';
import { pythonVersion } from './version.js';

const MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'];

export const isPythonProject = (snapshot: ProjectSnapshot) =>
  snapshot.files.some((file) => MANIFESTS.includes(file) || (!file.includes('/') && file.endsWith('.py')));

export function detectPython(snapshot: ProjectSnapshot): PythonFacts {
  const notes: string[] = [];
  const deps = pythonDependencies(snapshot);
  const version = pythonVersion(deps.requiresPython, snapshot.read('.python-version'), snapshot.read('runtime.txt'));
  const entry = pythonEntry({ snapshot, dependencies: deps.names, scripts: deps.scripts });
  const compiled = compiledDependencies(deps.names);

  if (deps.source === 'setup.py')
    notes.push('Dependencies come from setup.py, which only runs with the source: they install after `COPY . .`, so a source edit reinstalls them.');
  if (entry.framework === 'django' && entry.entry[0] === 'python')
    notes.push('Django runs under `manage.py runserver`, which is for development; add gunicorn to the dependencies to serve with it.');
  if (entry.entryNeedsShell)
    notes.push('boot.sh is a shell script: the image needs a shell (slim), and the script should `exec` the server so that it gets signals.');
  // The top-level modules, a Procfile and a gunicorn config: where a bind address is written.
  const bindSources = snapshot.files
    .filter((file) => (!file.includes('/') && file.endsWith('.py')) || file === 'Procfile' || /^(app|src)\/[^/]+\.py$/.test(file))
    .map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const loopback = loopbackBind(bindSources);
  if (loopback) notes.push(loopbackNote(loopback));
  for (const dependency of compiled.filter((item) => item.runtimePackages.length > 0)) {
    notes.push(`${dependency.name} compiles against ${dependency.builderPackages.join(', ')} and loads ${dependency.runtimePackages.join(', ')} at run time.`);
  }

  return {
    language: 'python',
    projectName: imageName(deps.projectName || posix.basename(snapshot.root)),
    pythonVersion: version.version,
    pythonVersionSource: version.source,
    dependencySource: deps.source,
    dependencyFiles: deps.files,
    dependencies: deps.names,
    installable: deps.installable,
    ...entry,
    compiled,
    buildOutputDirs: ['build', 'dist', '.venv', 'venv', '.tox', '.pytest_cache', '.mypy_cache'].filter(
      (dir) => snapshot.files.some((file) => file.startsWith(`${dir}/`)) || snapshot.pruned.includes(dir),
    ),
    tests: pythonTests(snapshot, deps.names),
    notes,
  };
}

/** test_*.py or *_test.py files: pytest when the project depends on it, else the standard library's unittest. */
function pythonTests(snapshot: ProjectSnapshot, dependencies: readonly string[]): TestsFound | undefined {
  const count = snapshot.files.filter((file) => /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(file)).length;
  if (count === 0) return undefined;
  return { source: `${count} test file${count === 1 ? '' : 's'}${dependencies.includes('pytest') ? ' (pytest)' : ' (unittest)'}` };
}
