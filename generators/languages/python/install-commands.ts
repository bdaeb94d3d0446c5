import { contextPath, shellWord } from '../../core/render/quote.js';
import type { PythonFacts } from './types.js';

/**
 * Tool versions used when the project pins none, so one project always gets one Dockerfile. Poetry,
 * its export plugin and PDM are the versions Debian 13 ships, which the tests build with offline.
 */
const TOOL_VERSIONS = { poetry: '2.1.2', uv: '0.9.11', pdm: '2.20.1' } as const;
/** What each tool needs besides itself; Poetry 2 exports only through this plugin. */
const TOOL_PLUGINS: Partial<Record<keyof typeof TOOL_VERSIONS, string>> = { poetry: 'poetry-plugin-export==1.9.0' };

/**
 * Reads dependency names out of a file with Python itself (tomllib, json, configparser), in the
 * builder, so that the install layer depends on that file alone and nothing from the project is
 * pasted into the Dockerfile.
 */
const EXTRACT = {
  pyproject: `import tomllib; print("\\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"].get("dependencies", [])))`,
  pipfileLock: `import json; d = json.load(open("Pipfile.lock"))["default"]; print("\\n".join(n + v.get("version", "") for n, v in d.items()))`,
  pipfile: `import tomllib; p = tomllib.load(open("Pipfile", "rb")).get("packages", {}); print("\\n".join(n if v == "*" or not isinstance(v, str) else n + v for n, v in p.items()))`,
  setupCfg: `import configparser; c = configparser.ConfigParser(); c.read("setup.cfg"); print(c.get("options", "install_requires", fallback=""))`,
} as const;

const PIP_CACHE = ['/root/.cache/pip'];

/**
 * What `uv export` leaves out: the project itself, or in a workspace every member (they are
 * installed from their folders once the source is copied) while the lock is read for this one.
 */
const uvScope = (facts: PythonFacts) => (facts.workspace ? `--package ${shellWord(facts.workspace.name)} --no-emit-workspace` : '--no-emit-project');

/** The workspace projects a member uses, from their folders in the build stage; their dependencies are in already. */
const workspaceInstall = (pip: string, dirs: readonly string[]) =>
  dirs.length === 0 ? undefined : `${pip} --no-deps ${dirs.map((dir) => (dir === '.' ? '/app' : `/app/${contextPath(dir, 'workspace member')}`)).join(' ')}`;

export interface PythonCommands {
  readonly installDependencies?: string;
  readonly installProject?: string;
  /** pip's cache always (the tool itself and the project install with pip), and the tool's own when it has one. */
  readonly cacheTargets: readonly string[];
}

/**
 * The builder's install commands. pip runs as the builder's interpreter with `--python` pointed at
 * the venv, so the venv itself holds no pip: only the app's dependencies ship.
 */
export function pythonCommands(facts: PythonFacts, interpreter: string, venv: string, noCacheDir: boolean): PythonCommands {
  const pip = `${interpreter} -m pip --python ${venv}/bin/python install${noCacheDir ? ' --no-cache-dir' : ''}`;
  const fromExtract = (code: string) => `${interpreter} -c '${code}' > /tmp/requirements.txt && ${pip} -r /tmp/requirements.txt`;
  const tool = (name: keyof typeof TOOL_VERSIONS) =>
    `${interpreter} -m venv /opt/${name} && /opt/${name}/bin/pip install${noCacheDir ? ' --no-cache-dir' : ''} ${name}==${TOOL_VERSIONS[name]}${TOOL_PLUGINS[name] ? ` ${TOOL_PLUGINS[name]}` : ''}`;
  // A lock tool only reads its lock into pinned requirements; pip installs them, so the index, the
  // pip.conf secret and the cache work the same for every tool.
  const exported = (command: string) => `${command} -o /tmp/requirements.txt && ${pip} -r /tmp/requirements.txt`;
  const hasLock = (file: string) => facts.dependencyFiles.includes(file);
  const installProject = facts.workspace
    ? workspaceInstall(pip, facts.workspace.installs)
    : facts.installable
      ? `${pip}${facts.dependencySource === 'setup.py' ? '' : ' --no-deps'} .`
      : undefined;

  switch (facts.dependencySource) {
    case 'requirements':
      return { installDependencies: `${pip} -r requirements.txt`, installProject, cacheTargets: PIP_CACHE };
    case 'pyproject':
      return { installDependencies: fromExtract(EXTRACT.pyproject), installProject, cacheTargets: PIP_CACHE };
    case 'pipfile':
      return {
        installDependencies: fromExtract(hasLock('Pipfile.lock') ? EXTRACT.pipfileLock : EXTRACT.pipfile),
        installProject,
        cacheTargets: PIP_CACHE,
      };
    case 'setup.cfg':
      return { installDependencies: fromExtract(EXTRACT.setupCfg), installProject, cacheTargets: PIP_CACHE };
    case 'poetry':
      // Without a lock, Poetry resolves one first (from the sources pyproject.toml names).
      return {
        installDependencies: `${tool('poetry')} && ${hasLock('poetry.lock') ? '' : '/opt/poetry/bin/poetry lock --no-interaction && '}${exported('/opt/poetry/bin/poetry export --only main --without-hashes -f requirements.txt')}`,
        installProject,
        cacheTargets: [...PIP_CACHE, '/root/.cache/pypoetry'],
      };
    case 'uv':
      return {
        installDependencies: `${tool('uv')} && ${exported(`/opt/uv/bin/uv export${hasLock('uv.lock') ? ' --frozen' : ''} --no-dev ${uvScope(facts)} --no-hashes`)}`,
        installProject,
        cacheTargets: [...PIP_CACHE, '/root/.cache/uv'],
      };
    case 'pdm':
      return {
        installDependencies: `${tool('pdm')} && ${exported('PDM_CHECK_UPDATE=false /opt/pdm/bin/pdm export --prod --without-hashes')}`,
        installProject,
        cacheTargets: PIP_CACHE,
      };
    case 'setup.py':
    case 'none':
      return { installProject, cacheTargets: PIP_CACHE };
  }
}
