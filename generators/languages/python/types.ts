import type { FactsBase, ListenerFacts, PlanBase } from '../../core/types.js';
import type { TestInstall } from './test-tools.js';
import type { ToolRequest } from './tool-version.js';

export type PythonDependencySource = 'requirements' | 'pyproject' | 'poetry' | 'uv' | 'pdm' | 'pipfile' | 'setup.cfg' | 'setup.py' | 'none';

export interface PythonCompiledDependency {
  readonly name: string;
  /** Debian -dev packages the builder needs to compile it. */
  readonly builderPackages: readonly string[];
  /** Debian packages whose shared libraries it loads at run time. */
  readonly runtimePackages: readonly string[];
}

/** A uv workspace member, built from the workspace root. */
export interface PythonWorkspaceMember {
  /** Its project name, normalised: `uv export --package` takes it. */
  readonly name: string;
  /** Its folder, relative to the root; '.' for the root's own project. */
  readonly dir: string;
  /** Folders of the workspace projects installed into the venv (it and those it uses that are packages). */
  readonly installs: readonly string[];
}

export interface PythonFacts extends FactsBase<'python'>, ListenerFacts {
  /** major.minor, e.g. "3.13". */
  readonly pythonVersion: string;
  readonly pythonVersionSource: string;
  readonly dependencySource: PythonDependencySource;
  /** Files the dependency install reads, copied before the source so that it stays cached. */
  readonly dependencyFiles: readonly string[];
  /** Normalised names (PEP 503) of the declared dependencies. */
  readonly dependencies: readonly string[];
  /** The project is a package to install into the venv (pyproject build-system, setup.py, console scripts). */
  readonly installable: boolean;
  /** What runs: argv, where the first word is `python`, a console script, or a file in the project. */
  readonly entry: readonly string[];
  readonly entrySource: string;
  /** A project file run directly (boot.sh): it needs a shell in the runtime. */
  readonly entryNeedsShell: boolean;
  readonly framework?: 'django' | 'fastapi' | 'starlette' | 'flask';
  /** Django's STATIC_ROOT (relative to manage.py's folder), filled by collectstatic in the build stage; '' when it cannot be read. */
  readonly collectStatic?: { readonly root: string; readonly source: string };
  /** Dependencies known to compile C code, with the system packages they need. */
  readonly compiled: readonly PythonCompiledDependency[];
  /** Where pytest is declared for development (a dependency group, requirements-dev.txt): the test stage installs it. */
  readonly testInstall?: TestInstall;
  /** The version of its lock tool (uv, Poetry) the project asks for, and where it says so. */
  readonly toolRequest?: ToolRequest;
  /** Set for a uv workspace's project: the build runs from the workspace root. */
  readonly workspace?: PythonWorkspaceMember;
}

/** What the Python templates read under plan.python. */
export interface PythonDetails {
  /** The virtualenv every dependency goes into; its interpreter path matches the runtime's. */
  readonly venv: string;
  /** How the builder gets Python: the python image as is, or Debian's python3 from apt (distroless). */
  readonly builderFromApt: boolean;
  /** Debian packages the builder installs (Python itself for distroless, -dev libraries, compilers). */
  readonly builderPackages: readonly string[];
  readonly runtimePackages: readonly string[];
  /** The interpreter that makes the venv: /usr/local/bin/python3 in python images, /usr/bin/python3.X from apt. */
  readonly interpreter: string;
  /** The shell command installing the dependencies, run in /app after the dependency files are copied. */
  readonly installDependencies?: string;
  /** pip installing the project itself, after the source is copied. */
  readonly installProject?: string;
  /** The tool's settings for the build stage only (uv's), as one ENV there. */
  readonly builderEnv: readonly { readonly name: string; readonly value: string }[];
  /** pip installs the dependencies and the project: the PIP_* arguments and the pip.conf secret reach it (uv reads its own settings). */
  readonly pipInstalls: boolean;
  /** Cache mount targets: pip's always, plus the installing tool's own (uv, poetry). */
  readonly cacheTargets: readonly string[];
  readonly createUser: boolean;
  /** The dependency files grouped by folder, so each COPY keeps its relative path (requirements/base.txt). */
  readonly dependencyCopies: readonly { readonly files: readonly string[]; readonly dest: string }[];
  /** The test stage's install of what the tests need besides the app (pytest from a dev group). */
  readonly testInstall?: string;
  /** A uv workspace member's folder: the build stage works in /app/<member> and the runtime takes that folder alone. */
  readonly member?: string;
  /** --compare's naive single stage: the python image, then venv, dependencies and project in one RUN. */
  readonly naiveImage: string;
  readonly naiveInstall: string;
  /** `manage.py collectstatic` in the build stage, and the folder it fills, copied to the runtime. */
  readonly collectStatic?: { readonly command: string; readonly root: string };
}

export interface PythonPlan extends PlanBase<'python'> {
  readonly python: PythonDetails;
}
