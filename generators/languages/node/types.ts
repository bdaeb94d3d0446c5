import type { FactsBase, ListenerFacts, PlanBase } from '../../core/types.js';

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
  /** Arguments to node: the entry file and any node flags. */
  readonly start: readonly string[];
  readonly startSource: string;
  readonly nativeAddons: readonly { readonly name: string; readonly runtimePackages: readonly string[] }[];
  readonly workspaces: readonly string[];
  /** With --workspace: the member package built and run; the root keeps the lockfile. */
  readonly workspace?: { readonly name: string; readonly dir: string; readonly manifests: readonly string[] };
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

export interface NodePlan extends PlanBase<'node'> {
  readonly node: NodeDetails;
}
