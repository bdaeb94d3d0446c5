/**
 * The typed data that flows one way through the pipeline:
 * snapshot -> detect -> Facts -> plan -> Plan -> render -> GeneratedFile[].
 * Facts and Plan together are the template context documented in README.
 */

import type { Message } from './explain/messages.js';

export const LANGUAGES = ['go', 'c', 'python', 'node'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RUNTIMES = ['scratch', 'distroless', 'slim'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** Read-only view of a project tree; detectors see nothing else, so they stay pure and testable. */
export interface ProjectSnapshot {
  /** Absolute path of the project root. */
  readonly root: string;
  /** Relative POSIX paths of regular files, pruned of dependency and VCS folders. */
  readonly files: readonly string[];
  /** Top-level folders that were seen but deliberately not walked (node_modules, .git, vendor...). */
  readonly pruned: readonly string[];
  /** File content as UTF-8, or undefined when absent or unreadable. */
  read(relativePath: string): string | undefined;
}

export interface GoFacts {
  readonly language: 'go';
  readonly projectName: string;
  readonly modulePath?: string;
  readonly goVersion: string;
  readonly goVersionSource: 'go.mod' | 'toolchain' | 'default';
  readonly hasGoMod: boolean;
  readonly hasGoSum: boolean;
  readonly hasRequires: boolean;
  readonly vendored: boolean;
  /** Main packages, the root's first, then by path. */
  readonly mains: readonly GoMain[];
  readonly cgo: boolean;
  /** True when the code can make TLS connections and so needs a CA bundle. */
  readonly needsCaCerts: boolean;
  /** True when the code loads time zones by name and so needs zoneinfo. */
  readonly needsZoneinfo: boolean;
  /** Existing folders that look like build output, kept out of the build context. */
  readonly buildOutputDirs: readonly string[];
  /** The project's own tests, when it has some. */
  readonly tests?: TestsFound;
  readonly notes: readonly string[];
}

export interface GoMain {
  /** Package directory, relative, "." for the root. */
  readonly dir: string;
  readonly listens: boolean;
  readonly port?: number;
  /** File the port was read from. */
  readonly portSource?: string;
}

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';

export interface NodeFacts {
  readonly language: 'node';
  readonly projectName: string;
  readonly nodeMajor: string;
  readonly nodeVersionSource: string;
  readonly packageManager: NodePackageManager;
  readonly packageManagerVersion?: string;
  readonly packageManagerSource: string;
  readonly lockfile?: string;
  /** Files the dependency install needs, copied before the source so that install is cached. */
  readonly installFiles: readonly string[];
  /** Number of production dependencies; with none there is no node_modules to ship. */
  readonly productionDependencies: number;
  readonly buildScript: boolean;
  readonly typescript: boolean;
  /** Where the build writes, relative; only with a build script. */
  readonly outDir?: string;
  /** Arguments to node: the entry file and any node flags. */
  readonly start: readonly string[];
  readonly startSource: string;
  readonly listens: boolean;
  readonly port?: number;
  readonly portSource?: string;
  readonly nativeAddons: readonly { readonly name: string; readonly runtimePackages: readonly string[] }[];
  readonly workspaces: readonly string[];
  /** With --workspace: the member package built and run; the root keeps the lockfile. */
  readonly workspace?: { readonly name: string; readonly dir: string; readonly manifests: readonly string[] };
  readonly buildOutputDirs: readonly string[];
  /** The project's own tests, when it has some. */
  readonly tests?: TestsFound;
  readonly notes: readonly string[];
}

export type CBuildSystem = 'cc' | 'make' | 'cmake' | 'meson';

export interface CLibrary {
  /** As the project names it: a -l name or a pkg-config / find_package name. */
  readonly name: string;
  readonly devPackage: string;
  readonly runtimePackage: string;
  /** Whether Debian ships a static archive that links without further dependencies. */
  readonly staticOk: boolean;
}

export interface CFacts {
  readonly language: 'c';
  readonly projectName: string;
  readonly buildSystem: CBuildSystem;
  /** For a lone program: the source files cc compiles. */
  readonly sources: readonly string[];
  readonly cxx: boolean;
  /** The executable's name, and where the build system leaves it, relative to the project. */
  readonly binary: string;
  readonly binaryOutput: string;
  readonly libraries: readonly CLibrary[];
  /** Libraries the project links that the table does not know; they prevent a static build. */
  readonly unknownLibraries: readonly string[];
  readonly staticPossible: boolean;
  readonly listens: boolean;
  readonly port?: number;
  readonly portSource?: string;
  readonly buildOutputDirs: readonly string[];
  /** The project's own tests, when it has some. */
  readonly tests?: TestsFound;
  readonly notes: readonly string[];
}

export type PythonDependencySource = 'requirements' | 'pyproject' | 'poetry' | 'uv' | 'pdm' | 'pipfile' | 'setup.cfg' | 'setup.py' | 'none';

export interface PythonCompiledDependency {
  readonly name: string;
  /** Debian -dev packages the builder needs to compile it. */
  readonly builderPackages: readonly string[];
  /** Debian packages whose shared libraries it loads at run time. */
  readonly runtimePackages: readonly string[];
}

export interface PythonFacts {
  readonly language: 'python';
  readonly projectName: string;
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
  readonly listens: boolean;
  readonly port?: number;
  readonly portSource?: string;
  /** Dependencies known to compile C code, with the system packages they need. */
  readonly compiled: readonly PythonCompiledDependency[];
  readonly buildOutputDirs: readonly string[];
  /** The project's own tests, when it has some. */
  readonly tests?: TestsFound;
  readonly notes: readonly string[];
}

/** Where a project's own tests were found; the `test` stage runs them. */
export interface TestsFound {
  /** What gave them away, for the summary: "3 *_test.go files", "scripts.test", "Makefile target check". */
  readonly source: string;
  /** make only: the target that runs them. */
  readonly makeTarget?: string;
}

/** Facts every language shares, added after the language's own detector ran. */
export interface CommonFacts {
  /** The root .gitignore's patterns, already in .dockerignore form. */
  readonly gitignore: readonly string[];
}

export type LanguageFacts = GoFacts | NodeFacts | CFacts | PythonFacts;

export type Facts = LanguageFacts & CommonFacts;

/** What the user chose or confirmed; every field has a CLI flag. */
export interface Choices {
  readonly runtime?: Runtime;
  readonly port?: number;
  readonly main?: string;
  /** Emit no BuildKit-only syntax (cache mounts), for the legacy builder, kaniko and older CI. */
  readonly portable?: boolean;
  /** Registry prefix every base image is pulled through. */
  readonly registry?: string;
  /** Digests the engine knows, by image reference; with them, base images are pinned. */
  readonly digests?: Readonly<Record<string, string>>;
}

export interface Plan {
  readonly language: Language;
  readonly runtime: Runtime;
  /** Why this runtime, as a message: templates say it in the output's language, the summary in English. */
  readonly runtimeReason: Message;
  readonly builderImage: string;
  readonly runtimeImage: string;
  readonly imageName: string;
  /** Numeric uid:gid, so that even an image without /etc/passwd runs as non-root. */
  readonly user: string;
  readonly port?: number;
  readonly entrypoint: readonly string[];
  readonly cmd?: readonly string[];
  readonly notes: readonly string[];
  /** Whether the output uses BuildKit-only syntax (cache mounts), which the header then says. */
  readonly needsBuildKit: boolean;
  /** `portable` when --portable asked for no BuildKit-only syntax at all. */
  readonly profile: 'buildkit' | 'portable';
  /** Next command a user runs, shown after generation. */
  readonly nextCommand: string;
  /** The same run, locked down: read-only root, /tmp as tmpfs, no capabilities. */
  readonly hardenedRun: string;
  /** Exec-form HEALTHCHECK command, only where the runtime has a program to run it with. */
  readonly healthcheck?: readonly string[];
  /** Why there is no HEALTHCHECK, when there is none. */
  readonly healthcheckAbsent?: Message;
  /** The `test` stage's command; absent when the project has no tests, or under --portable. */
  readonly test?: { readonly command: string; readonly source: string };
  /** True when the project has tests but --portable left the test stage out. */
  readonly testOmitted: boolean;
  /** .dockerignore content, grouped so each group can say why it is there. */
  readonly dockerignore: readonly { readonly why: Message; readonly patterns: readonly string[] }[];
  /** For compiled languages: the one file the runtime copies from the build stage, and where it goes. */
  readonly binary?: { readonly source: string; readonly path: string };
  readonly go?: GoPlan;
  readonly node?: NodePlan;
  readonly c?: CPlan;
  readonly python?: PythonPlan;
}

export interface PythonPlan {
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
  /** The cache mount target of the tool that installs. */
  readonly cacheTarget: string;
  readonly createUser: boolean;
  /** The dependency files grouped by folder, so each COPY keeps its relative path (requirements/base.txt). */
  readonly dependencyCopies: readonly { readonly files: readonly string[]; readonly dest: string }[];
  /** --compare's naive single stage: the python image, then venv, dependencies and project in one RUN. */
  readonly naiveImage: string;
  readonly naiveInstall: string;
  /** Nothing in the image handles SIGTERM, so the run line adds --init. */
  readonly needsInit: boolean;
}

export interface CPlan {
  readonly static: boolean;
  /** Debian packages the builder installs: -dev libraries and the build system's tools. */
  readonly builderPackages: readonly string[];
  readonly runtimePackages: readonly string[];
  /** The shell command that builds, run in /src; it leaves the binary at binaryOutput. */
  readonly buildCommand: string;
  readonly binaryOutput: string;
  readonly binaryPath: string;
  /** Packages distroless cc already holds; their libraries are not copied again. */
  readonly distrolessPackages: readonly string[];
  readonly createUser: boolean;
}

/** The commands of one package manager, as the templates run them. */
export interface NodeInstallPlan {
  /** Run first in a stage that installs, e.g. installing pnpm; empty for npm. */
  readonly setup?: string;
  readonly cacheTarget: string;
  /** Everything, dev dependencies included: what a build needs. */
  readonly installAll: string;
  /** Production dependencies only: what ships. */
  readonly installProduction: string;
  readonly runBuild: string;
  /** Runs the project's test script; the `test` stage's command. */
  readonly runTest: string;
}

export interface NodePlan {
  readonly installFiles: readonly string[];
  /** Workspace members' manifests, each copied to its own folder before the install. */
  readonly memberManifests: readonly { readonly file: string; readonly dir: string }[];
  readonly install: NodeInstallPlan;
  /** False when nothing ships from node_modules, so no stage installs production dependencies. */
  readonly productionDependencies: boolean;
  readonly build: boolean;
  readonly outDir?: string;
  readonly nativeTools: boolean;
  readonly runtimePackages: readonly string[];
  /** Folder, relative to /app, that the app runs from: "." or a workspace member. */
  readonly workdir: string;
}

export interface GoPlan {
  readonly mainPackage: string;
  readonly binaryName: string;
  readonly binaryPath: string;
  readonly manifests: readonly string[];
  readonly downloadDeps: boolean;
  readonly initModule?: string;
  readonly cgo: boolean;
  readonly buildFlags: string;
  readonly caCerts: boolean;
  readonly zoneinfo: boolean;
  readonly createUser: boolean;
}

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export interface GenerationResult {
  readonly facts: Facts;
  readonly plan: Plan;
  readonly files: readonly GeneratedFile[];
}
