import type { FactsBase, ListenerFacts, PlanBase } from '../../core/types.js';
import type { OutputCopy } from './frameworks/types.js';
import type { PrismaFacts } from './prisma.js';

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';

export interface NodeFacts extends FactsBase<'node'>, ListenerFacts {
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
  /** Arguments to node: the entry file and any node flags (none for a static site). */
  readonly start: readonly string[];
  readonly startSource: string;
  /** The start command is this tool's guess (a default entry file, a CLI's file from its own table). */
  readonly startGuessed: boolean;
  /** A framework with a production layout of its own, when one is found. */
  readonly framework?: { readonly id: string; readonly name: string; readonly source: string };
  /** What the runtime copies out of the build instead of the whole project, for a framework's layout. */
  readonly outputCopies?: readonly OutputCopy[];
  /** Whether a framework's server imports production dependencies at run time. */
  readonly runtimeModules: boolean;
  /** Environment a framework's server needs to listen on every interface. */
  readonly serverEnv: readonly { readonly name: string; readonly value: string }[];
  /** Files the build must have written (the built entry, a CLI's bin file): checked in the build stage. */
  readonly buildChecks: readonly string[];
  /** A site its build turns into files, served by a static web server with no Node in the image. */
  readonly staticSite?: { readonly root: string; readonly spa: boolean; readonly hashed: readonly string[] };
  readonly nativeAddons: readonly { readonly name: string; readonly runtimePackages: readonly string[]; readonly buildPackages: readonly string[] }[];
  /** Root install scripts (prepare, postinstall...) that call a dev dependency's CLI: left out of the production install. */
  readonly devOnlyScripts: readonly string[];
  /** Prisma Client, generated from the schema in the build stage. */
  readonly prisma?: PrismaFacts;
  readonly workspaces: readonly string[];
  /** The project has an .npmrc (install settings, maybe a token): it reaches the install as a BuildKit secret. */
  readonly npmrc: boolean;
  /** With --workspace: the member package built and run; the root keeps the lockfile. */
  readonly workspace?: {
    readonly name: string;
    readonly dir: string;
    readonly manifests: readonly string[];
    /** Its folder and those of the workspace packages it uses at run time: all of the workspace the image needs. */
    readonly uses: readonly string[];
    /** Of those, the packages with a build script, by name, each after the packages it uses: the order to build them in. */
    readonly builds: readonly string[];
  };
}

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

/** What the Node templates read under plan.node. */
export interface NodeDetails {
  readonly installFiles: readonly string[];
  /** Files an install script reads (a Prisma schema), copied to their own paths before the install. */
  readonly installExtras: readonly { readonly from: string; readonly to: string }[];
  /** The same, for the production install: only when the script that reads them still runs there. */
  readonly productionInstallExtras: readonly { readonly from: string; readonly to: string }[];
  /** npm and yarn members: the folders the runtime takes (the member and the workspace packages it uses). */
  readonly memberCopies: readonly string[];
  /** Workspace members' manifests, each copied to its own folder before the install. */
  readonly memberManifests: readonly { readonly file: string; readonly dir: string }[];
  readonly install: NodeInstallPlan;
  /** False when nothing ships from node_modules, so no stage installs production dependencies. */
  readonly productionDependencies: boolean;
  readonly build: boolean;
  /** `prisma generate` and the like: code the app imports, generated in the build stage from a full install. */
  readonly generate?: string;
  /** Where generated code lands, copied from the build stage into the runtime. */
  readonly generatedCopies: readonly { readonly from: string; readonly to: string }[];
  /** Build arguments the generate step reads (a mirror for Prisma's engines), declared in the build stage. */
  readonly generateArgs: readonly string[];
  /** The same, for the production install (prisma itself a production dependency). */
  readonly productionGenerateArgs: readonly string[];
  /** A full install and a build stage run: there is a build script or generated code. */
  readonly compile: boolean;
  /** False when there is nothing to install or build: the runtime copies the project directly. */
  readonly buildStage: boolean;
  /** Environment of the runtime: PORT set to the exposed port, and what a framework needs to listen on every interface. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  /** A framework's production layout, copied from the build stage instead of the whole project. */
  readonly outputCopies: readonly { readonly from: string; readonly to: string }[];
  /** Files the build must have written, checked at the end of the build stage. */
  readonly buildChecks: readonly string[];
  /** The header's runtime summary: the app, a framework's server, or a static site's files. */
  readonly runtimeSummary: 'summary.node.runtime' | 'summary.node.runtime.output' | 'summary.node.runtime.static';
  readonly frameworkName: string;
  /** The project's .npmrc mounted as a secret where the install runs, never copied into a layer. */
  readonly npmrcSecret: boolean;
  /** -dev packages the native addons compile against, in the stages that install. */
  readonly builderPackages: readonly string[];
  /** A static site: the folder nginx serves, and its server block. */
  readonly staticSite?: { readonly root: string; readonly conf: readonly string[] };
  readonly outDir?: string;
  readonly nativeTools: boolean;
  readonly runtimePackages: readonly string[];
  /** Folder, relative to /app, that the app runs from: "." or a workspace member. */
  readonly workdir: string;
  /** The Node line the images run (detected, or --node-version): what verify tries one line below after a dependency's crash. */
  readonly major: string;
  /**
   * A pnpm workspace member: the build stage runs `pnpm deploy` into /prod/app (the member's files
   * and its production node_modules, workspace packages copied in), which the runtime copies whole.
   */
  readonly deploy?: string;
}

export interface NodePlan extends PlanBase<'node'> {
  readonly node: NodeDetails;
}
