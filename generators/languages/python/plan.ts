import { unique } from '../../core/unique.js';
import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { preferRequested, resolvePort, type RuntimeChoice } from '../../core/plan/choices.js';
import { dockerignoreGroups } from '../../core/plan/dockerignore.js';
import { NONROOT, SHARED_IMAGES } from '../../core/plan/images.js';
import { HARDENING, nextCommand } from '../../core/plan/next-command.js';
import { testStage } from '../../core/plan/test-stage.js';
import { contextPath, shellWord } from '../../core/render/quote.js';
import type { Choices, CommonFacts, Runtime } from '../../core/types.js';
import { normalise } from './deps.js';
import { PORT_TOKEN } from './procfile.js';
import { pythonHealthcheck } from './healthcheck.js';
import { PYTHON_IGNORE, pythonNeededByBuild } from './ignore.js';
import { PYTHON_IMAGES } from './images.js';
import { pythonCommands, type PythonCommands } from './install-commands.js';
import { PYTHON_MESSAGES } from './messages.js';
import type { PythonFacts, PythonPlan } from './types.js';
import type { TestInstall } from './test-tools.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const { message } = PYTHON_MESSAGES;

const VENV = '/opt/venv';
/** Debian 13's Python, the one distroless python3-debian13 has. */
const DISTROLESS_PYTHON = PYTHON_IMAGES.distrolessPythonVersion;
const DEFAULT_SERVER_PORT = 8000;
const COMPILERS = ['gcc', 'libc6-dev'];

/** What index-args.hbs declares: the package index a builder may need (a mirror, a private index). */
const INDEX_ARGS = ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_TRUSTED_HOST'];

export function planPython(py: PythonFacts & CommonFacts, choices: Choices): PythonPlan {
  const notes = [...py.notes];
  const runtimePackages = unique([...runtimePackagesOf(py), ...(choices.runtimePackages ?? [])]);
  const devPackages = unique(py.compiled.flatMap((dependency) => dependency.builderPackages));
  const { runtime, reason } = chooseRuntime(py, choices.runtime);
  const port = resolvePort(choices.port, py.port, py.listens, notes, DEFAULT_SERVER_PORT);
  const hasDependencies = py.dependencySource !== 'none' || py.installable;

  // The venv's python is a symlink to the interpreter that made it, so the builder's interpreter must
  // sit at the runtime's path: Debian's /usr/bin/python3.X for distroless, /usr/local/bin for python images.
  const builderFromApt = runtime === 'distroless';
  const interpreter = builderFromApt ? `/usr/bin/python${py.pythonVersion}` : '/usr/local/bin/python3';
  const pythonPackages = builderFromApt
    ? [`python${py.pythonVersion}`, `python${py.pythonVersion}-venv`, 'python3-pip', ...(hasDependencies ? [`python${py.pythonVersion}-dev`] : [])]
    : [];
  const builderPackages = unique([
    ...pythonPackages,
    ...(hasDependencies && builderFromApt ? COMPILERS : []),
    ...devPackages,
    ...(choices.buildPackages ?? []),
  ]);
  const commands = pythonCommands(py, interpreter, VENV, Boolean(choices.portable));
  if (commands.tool) notes.push(toolVersionNote(commands.tool, py.toolRequest));

  // Python installs no SIGTERM handler, and PID 1 ignores unhandled signals: --init forwards and
  // reaps. gunicorn and uvicorn (fastapi run is uvicorn in-process) handle SIGTERM themselves (a
  // graceful shutdown), so they need none.
  // A shell entry exec's its server last, so the server is PID 1 there too.
  const server = py.entryNeedsShell && py.entry[0] === '/bin/sh' ? /\bexec (\S+)/.exec(py.entry[2] ?? '')?.[1] : py.entry[0];
  const init = ['gunicorn', 'uvicorn', 'fastapi'].includes(server ?? '') ? [] : ['--init'];
  const [tool, ...args] = py.entry as [string, ...string[]];
  const program = command(tool, py);
  if (program.consoleScript && !py.dependencies.includes(normalise(tool)) && !py.installable) {
    notes.push(message('note.python.tool-missing', { tool }));
  }
  // A workspace member's Dockerfile sits in its folder and builds from the root.
  const buildFlags = choices.dockerfile ? ['-f', choices.dockerfile] : [];
  const entry = [program.path, ...args.map((word) => word.split(PORT_TOKEN).join(String(port ?? DEFAULT_SERVER_PORT)))];

  // Wheels are per platform and sdists compile for the machine they build on: each platform installs in its own builder.
  if (choices.platforms?.length) notes.push(message('note.python.platforms', { platforms: choices.platforms.join(',') }));
  return {
    language: 'python',
    crossCompiles: false,
    runtime,
    runtimeReason: reason,
    // -dev packages come only with dependencies, so hasDependencies covers them.
    builderImage: builderFromApt
      ? SHARED_IMAGES.debianSlim
      : hasDependencies
        ? PYTHON_IMAGES.python(py.pythonVersion)
        : PYTHON_IMAGES.pythonSlim(py.pythonVersion),
    runtimeImage: runtime === 'distroless' ? PYTHON_IMAGES.distrolessPython : PYTHON_IMAGES.pythonSlim(py.pythonVersion),
    imageName: py.projectName,
    user: NONROOT,
    listens: py.listens,
    port,
    entrypoint: entry,
    notes,
    needsBuildKit: !choices.portable,
    profile: choices.portable ? 'portable' : 'buildkit',
    needsInit: init.length > 0,
    toolImage: commands.toolImage,
    // index-args.hbs sits before every pip install: dependencies, the project, the test tools.
    buildArgs:
      (commands.pipInstalls && (commands.installDependencies || commands.installProject)) || (py.tests && !choices.portable && py.testInstall)
        ? INDEX_ARGS
        : [],
    nextCommand: nextCommand(py.projectName, port, init, buildFlags),
    hardenedRun: nextCommand(py.projectName, port, [...init, ...HARDENING], buildFlags),
    // Both runtimes have Python, so the image can probe itself with no shell and no curl.
    healthcheck: port === undefined ? undefined : pythonHealthcheck(`${VENV}/bin/python`, port),
    healthcheckAbsent: port === undefined ? message('health.none.no-port') : undefined,
    ...testStage(py.tests, `${VENV}/bin/python -m ${py.dependencies.includes('pytest') || py.testInstall ? 'pytest' : 'unittest discover'}`, choices.portable),
    dockerignore: dockerignoreGroups(py, PYTHON_IGNORE, () => pythonNeededByBuild(py)),
    python: {
      venv: VENV,
      builderFromApt,
      builderPackages,
      runtimePackages,
      interpreter,
      installDependencies: commands.installDependencies,
      installProject: commands.installProject,
      cacheTargets: commands.cacheTargets,
      builderEnv: commands.builderEnv,
      pipInstalls: commands.pipInstalls,
      createUser: runtime === 'slim',
      dependencyCopies: dependencyCopies(py.dependencyFiles),
      testInstall: py.testInstall && testInstallCommand(py.testInstall, interpreter),
      member: py.workspace && py.workspace.dir !== '.' ? contextPath(py.workspace.dir, 'workspace member') : undefined,
      naiveImage: PYTHON_IMAGES.python(py.pythonVersion),
      naiveInstall: naiveInstall(py),
      collectStatic: py.collectStatic && {
        command: `${VENV}/bin/python manage.py collectstatic --noinput`,
        root: contextPath(py.collectStatic.root, 'STATIC_ROOT'),
      },
    },
  };
}

/**
 * --compare's single stage: the same venv and installs, made with the python image's own interpreter
 * (uv from pip there, as a first Dockerfile would get it, with the same settings on its command line).
 */
function naiveInstall(py: PythonFacts): string {
  const commands = pythonCommands(py, '/usr/local/bin/python3', VENV, false);
  const uv = commands.toolImage && commands.tool ? [`/usr/local/bin/python3 -m pip install uv==${commands.tool.version}`] : [];
  const env = commands.builderEnv.map(({ name, value }) => `${name}=${value}`).join(' ');
  const withEnv = (command: string | undefined) => command && (env ? `export ${env} && ${command}` : command);
  return [`/usr/local/bin/python3 -m venv ${VENV}`, ...uv, withEnv(commands.installDependencies), withEnv(commands.installProject)]
    .filter(Boolean)
    .join(' && ');
}

/** Which version of its lock tool the build installs, and why: what the project asks, or the default and where to ask. */
function toolVersionNote(tool: NonNullable<PythonCommands['tool']>, request: PythonFacts['toolRequest']) {
  const name = { uv: 'uv', poetry: 'Poetry', pdm: 'PDM', pipenv: 'Pipenv' }[tool.name];
  if (!request) return message('note.python.tool-default', { tool: name, version: tool.version, setting: TOOL_SETTINGS[tool.name] });
  return message(tool.lowest ? 'note.python.tool-lowest' : 'note.python.tool-asked', {
    tool: name,
    version: tool.version,
    spec: request.spec,
    source: request.source,
  });
}

/** Where each tool's users state the version they need. */
const TOOL_SETTINGS = {
  uv: '[tool.uv] required-version',
  poetry: '[tool.poetry] requires-poetry',
  pdm: 'the RUN line that installs it',
  pipenv: 'the RUN line that installs it',
} as const;

/** One COPY per folder, root first: `COPY requirements.txt ./` then `COPY requirements/base.txt requirements/`. */
function dependencyCopies(files: readonly string[]): { files: string[]; dest: string }[] {
  const byDir = new Map<string, string[]>();
  for (const file of files.map((path) => contextPath(path, 'dependency file'))) {
    const dir = posix.dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  return [...byDir]
    .sort(([a], [b]) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)))
    .map(([dir, grouped]) => ({ files: grouped, dest: dir === '.' ? './' : `${dir}/` }));
}

/** `python` runs the venv's interpreter, a console script runs from the venv, and a project file from /app. */
function command(word: string, py: PythonFacts): { path: string; consoleScript: boolean } {
  if (word === 'python' || word === 'python3') return { path: `${VENV}/bin/python`, consoleScript: false };
  if (word === '/bin/sh') return { path: word, consoleScript: false };
  if (word.startsWith('./')) return { path: `/app/${word.slice(2)}`, consoleScript: false };
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(word))
    throw new UserError(ERRORS.message('error.plan.command-name-image', { entrySource: py.entrySource, word: JSON.stringify(word) }));
  return { path: `${VENV}/bin/${word}`, consoleScript: true };
}

/** Why distroless python3 cannot run this project, if it cannot. */
const runtimePackagesOf = (py: PythonFacts) => unique(py.compiled.flatMap((dependency) => dependency.runtimePackages));

function pythonDistrolessBlocker(py: PythonFacts): string | undefined {
  const runtimePackages = runtimePackagesOf(py);
  if (py.entryNeedsShell) return `${py.entrySource} needs a shell`;
  if (runtimePackages.length > 0) return `the dependencies load ${runtimePackages.join(', ')}`;
  if (py.pythonVersion !== DISTROLESS_PYTHON) return `distroless python3 has Python ${DISTROLESS_PYTHON} and the project asks for ${py.pythonVersion}`;
  return undefined;
}

function chooseRuntime(py: PythonFacts, requested?: Runtime): RuntimeChoice {
  if (requested === 'scratch') throw new UserError(ERRORS.message('error.plan.runtime-scratch-python'));
  const blocker = pythonDistrolessBlocker(py);
  if (blocker && requested === 'distroless') throw new UserError(ERRORS.message('error.plan.runtime-distroless-which', { blocker }));
  const detected = blocker
    ? { runtime: 'slim' as const, reason: message('reason.python.slim', { blocker }) }
    : { runtime: 'distroless' as const, reason: message('reason.python.distroless', { version: py.pythonVersion }) };
  return preferRequested(detected, requested);
}

/** pip into the venv, as the build installed the app: a PEP 735 group, a requirements file, or the requirements named. */
function testInstallCommand(install: TestInstall, interpreter: string): string {
  const pip = `${interpreter} -m pip --python ${VENV}/bin/python install`;
  switch (install.kind) {
    case 'group':
      return `${pip} --group ${shellWord(install.group)}`;
    case 'requirements-file':
      return `${pip} -r ${contextPath(install.file, 'requirements file')}`;
    case 'requirements':
      return `${pip} ${install.requirements.map(shellWord).join(' ')}`;
  }
}
