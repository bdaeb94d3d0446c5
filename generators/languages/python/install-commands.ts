import { shellWord } from '../../core/render/quote.js';
import type { PythonFacts } from './types.js';
import { PYTHON_IMAGES } from './images.js';
import { chooseToolVersion, type LockTool } from './tool-version.js';

/**
 * Reads dependency names out of a file with Python itself (tomllib, json, configparser), in the
 * builder, so that the install layer depends on that file alone and nothing from the project is
 * pasted into the Dockerfile.
 */
const EXTRACT = {
  pyproject: `import tomllib; print("\\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"].get("dependencies", [])))`,
  setupCfg: `import configparser; c = configparser.ConfigParser(); c.read("setup.cfg"); print(c.get("options", "install_requires", fallback=""))`,
} as const;

const PIP_CACHE = ['/root/.cache/pip'];

export interface PythonCommands {
  readonly installDependencies?: string;
  readonly installProject?: string;
  /** pip's cache always (the tool itself and the project install with pip), and the tool's own when it has one. */
  readonly cacheTargets: readonly string[];
  /** uv's own image, whose binaries the builder copies (uv's Docker guide); undefined for the other tools. */
  readonly toolImage?: string;
  /** The tool's settings for the build stage only (uv: where the venv is, which Python, no downloads of Python). */
  readonly builderEnv: readonly { readonly name: string; readonly value: string }[];
  /** pip does the installing, so the PIP_* index arguments and the pip.conf secret reach it; uv reads its own. */
  readonly pipInstalls: boolean;
  /** The lock tool that reads the lock, at the version installed. */
  readonly tool?: { readonly name: LockTool; readonly version: string; readonly lowest?: boolean };
}

/**
 * The Python a venv-based tool is installed in, apart from the app's venv, the way its docs install
 * it for CI. A tool that publishes its own dependencies pinned (PDM's `locked` extra) is installed
 * with them, so a later release of one of them cannot break the tool.
 */
const toolVenv = (interpreter: string, name: string, version: string, noCacheDir: boolean, extra = '') =>
  `${interpreter} -m venv /opt/${name} && /opt/${name}/bin/pip install${noCacheDir ? ' --no-cache-dir' : ''} ${shellWord(`${name}${extra}==${version}`)}`;

/**
 * The builder's install commands. Each lock tool reads its own lock, at the version the project asks
 * for, and checks the hashes the lock holds: `uv sync --locked`, `poetry sync`, `pdm sync`, and
 * Pipenv's locked requirements with `pip --require-hashes`. pip runs as the builder's interpreter
 * with `--python` pointed at the venv, so the venv itself holds no pip: only the app's dependencies ship.
 */
export function pythonCommands(facts: PythonFacts, interpreter: string, venv: string, noCacheDir: boolean): PythonCommands {
  const pip = `${interpreter} -m pip --python ${venv}/bin/python install${noCacheDir ? ' --no-cache-dir' : ''}`;
  const fromExtract = (code: string) => `${interpreter} -c '${code}' > /tmp/requirements.txt && ${pip} -r /tmp/requirements.txt`;
  const hasLock = (file: string) => facts.dependencyFiles.includes(file);
  // A uv workspace member (the one kind of workspace) is installed by uv itself, below.
  const installProject = facts.installable ? `${pip}${facts.dependencySource === 'setup.py' ? '' : ' --no-deps'} .` : undefined;
  const viaPip = { installProject, cacheTargets: PIP_CACHE, builderEnv: [], pipInstalls: true } as const;
  const toolAt = (name: LockTool) => ({ name, ...chooseToolVersion(name, facts.toolRequest) });
  // Tools that install into a venv they did not make take it from VIRTUAL_ENV, as when it is activated.
  const inVenv = `VIRTUAL_ENV=${venv}`;

  switch (facts.dependencySource) {
    case 'requirements':
      return { ...viaPip, installDependencies: `${pip} -r requirements.txt` };
    case 'pyproject':
      return { ...viaPip, installDependencies: fromExtract(EXTRACT.pyproject) };
    case 'setup.cfg':
      return { ...viaPip, installDependencies: fromExtract(EXTRACT.setupCfg) };
    case 'pipfile': {
      const tool = toolAt('pipenv');
      // Pipenv writes the lock's pins with their hashes as requirements; pip installs them, checking each.
      const pipenv = '/opt/pipenv/bin/pipenv';
      const lock = hasLock('Pipfile.lock') ? '' : `${pipenv} lock && `;
      return {
        ...viaPip,
        tool,
        cacheTargets: [...PIP_CACHE, '/root/.cache/pipenv'],
        installDependencies: `${toolVenv(interpreter, 'pipenv', tool.version, noCacheDir)} && ${lock}${pipenv} requirements --hash > /tmp/requirements.txt && ${pip} --require-hashes -r /tmp/requirements.txt`,
      };
    }
    case 'poetry': {
      const tool = toolAt('poetry');
      // Without a lock, Poetry resolves one first (from the sources pyproject.toml names).
      const poetry = '/opt/poetry/bin/poetry';
      const sync = Number(tool.version.split('.')[0]) >= 2 ? 'sync' : 'install --sync';
      const lock = hasLock('poetry.lock') ? '' : `${poetry} lock --no-interaction && `;
      return {
        ...viaPip,
        tool,
        cacheTargets: [...PIP_CACHE, '/root/.cache/pypoetry'],
        installDependencies: `${toolVenv(interpreter, 'poetry', tool.version, noCacheDir)} && ${lock}${inVenv} POETRY_VIRTUALENVS_CREATE=false ${poetry} ${sync} --no-root --only main --no-interaction`,
      };
    }
    case 'pdm': {
      const tool = toolAt('pdm');
      const pdm = `${inVenv} PDM_CHECK_UPDATE=false /opt/pdm/bin/pdm`;
      const install = hasLock('pdm.lock') ? `${pdm} sync --prod --no-self --no-editable` : `${pdm} install --prod --no-self --no-editable`;
      return {
        ...viaPip,
        tool,
        cacheTargets: [...PIP_CACHE, '/root/.cache/pdm'],
        installDependencies: `${toolVenv(interpreter, 'pdm', tool.version, noCacheDir, '[locked]')} && ${install}`,
      };
    }
    case 'uv': {
      const tool = toolAt('uv');
      // uv's Docker guide: its binary from its image, the dependencies first, the project after the source.
      // --locked: the lock must match pyproject.toml, and every file its hash; without a lock, uv resolves one.
      const member = facts.workspace && ` --package ${shellWord(facts.workspace.name)}`;
      const locked = hasLock('uv.lock') ? ' --locked' : '';
      return {
        installDependencies: `uv sync${locked} --no-dev${member ? `${member} --no-install-workspace` : ' --no-install-project'}`,
        installProject: member || facts.installable ? `uv sync${locked} --no-dev --no-editable${member ?? ''}` : undefined,
        cacheTargets: ['/root/.cache/uv'],
        toolImage: PYTHON_IMAGES.uv(tool.version),
        builderEnv: [
          { name: 'UV_PROJECT_ENVIRONMENT', value: venv },
          { name: 'UV_PYTHON', value: interpreter },
          { name: 'UV_PYTHON_DOWNLOADS', value: 'never' },
          { name: 'UV_COMPILE_BYTECODE', value: '1' },
          { name: 'UV_LINK_MODE', value: 'copy' },
        ],
        pipInstalls: false,
        tool,
      };
    }
    case 'setup.py':
    case 'none':
      return viaPip;
  }
}
