import type { NodeInstallPlan, NodePackageManager } from './types.js';
import { shellWord } from '../../core/render/quote.js';

/** `pnpm deploy` of one member into a folder of its own; pnpm 10 needs --legacy unless packages are injected. */
export function pnpmDeploy(workspace: string, version: string | undefined, target: string): string {
  const major = Number((version ?? DEFAULT_TOOL_VERSIONS.pnpm).split('.')[0]);
  return `pnpm --filter ${shellWord(workspace)} deploy --prod${major >= 10 ? ' --legacy' : ''} ${target}`;
}

/** Versions used when a project pins none, so the same project always gets the same Dockerfile. */
const DEFAULT_TOOL_VERSIONS = { pnpm: '10.34.8', yarn: '1.22.22', 'yarn-berry': '4.18.1', bun: '1.4.5' } as const;

/**
 * One row per package manager: how the templates install, prune and build. Each install is frozen
 * to the lockfile when there is one, so an image never resolves different versions than the repo.
 */
export function installPlan(
  manager: NodePackageManager,
  version: string | undefined,
  hasLockfile: boolean,
  member?: { readonly name: string; readonly builds: readonly string[] },
): NodeInstallPlan {
  const workspace = member?.name;
  // npm and Yarn 1 build one workspace per command: the member's packages first, each after those it uses.
  const eachBuild = (command: (name: string) => string) => (member && member.builds.length > 0 ? member.builds.map(command).join(' && ') : undefined);
  switch (manager) {
    case 'npm': {
      // With a workspace, production installs and the build are narrowed to that member.
      const only = workspace === undefined ? '' : ` --workspace ${shellWord(workspace)}`;
      return {
        cacheTarget: '/root/.npm',
        installAll: hasLockfile ? 'npm ci' : 'npm install',
        installProduction: `${hasLockfile ? 'npm ci' : 'npm install'} --omit=dev${only}`,
        runBuild: eachBuild((name) => `npm run build --workspace ${shellWord(name)}`) ?? `npm run build${only}`,
        runTest: `npm test${only}`,
      };
    }
    case 'pnpm': {
      const frozen = hasLockfile ? ' --frozen-lockfile' : '';
      if (workspace !== undefined) {
        // The member and the workspace packages it depends on (`name...`), built in dependency order.
        const selected = shellWord(`${workspace}...`);
        return {
          setup: `npm install --global ${shellWord(`pnpm@${version ?? DEFAULT_TOOL_VERSIONS.pnpm}`)}`,
          cacheTarget: '/root/.local/share/pnpm/store',
          installAll: `pnpm install${frozen} --filter ${selected}`,
          installProduction: `pnpm install${frozen} --prod --filter ${selected}`,
          runBuild: `pnpm --filter ${selected} run --if-present build`,
          runTest: `pnpm --filter ${shellWord(workspace)} test`,
        };
      }
      return {
        setup: `npm install --global ${shellWord(`pnpm@${version ?? DEFAULT_TOOL_VERSIONS.pnpm}`)}`,
        cacheTarget: '/root/.local/share/pnpm/store',
        installAll: `pnpm install${frozen}`,
        installProduction: `pnpm install${frozen} --prod`,
        runBuild: 'pnpm run build',
        runTest: 'pnpm test',
      };
    }
    case 'yarn': {
      const frozen = hasLockfile ? ' --frozen-lockfile' : '';
      // A workspace member: the whole workspace installs (Yarn 1 has no per-member install), the member builds and runs.
      const only = (script: string) => (workspace === undefined ? `yarn run ${script}` : `yarn workspace ${shellWord(workspace)} run ${script}`);
      return {
        // --force: some node images already ship a yarn binary that npm would refuse to replace.
        setup: `npm install --global --force ${shellWord(`yarn@${version ?? DEFAULT_TOOL_VERSIONS.yarn}`)}`,
        cacheTarget: '/usr/local/share/.cache/yarn',
        installAll: `yarn install${frozen} --non-interactive`,
        installProduction: `yarn install${frozen} --non-interactive --production`,
        runBuild: eachBuild((name) => `yarn workspace ${shellWord(name)} run build`) ?? only('build'),
        runTest: workspace === undefined ? 'yarn test' : only('test'),
      };
    }
    case 'yarn-berry': {
      // Yarn 2+ ships as @yarnpkg/cli-dist, one version per Yarn release; `focus` needs no plugin since 4.
      return {
        setup: `npm install --global --force ${shellWord(`@yarnpkg/cli-dist@${version ?? DEFAULT_TOOL_VERSIONS['yarn-berry']}`)}`,
        cacheTarget: '/root/.yarn/berry/cache',
        installAll: hasLockfile ? 'yarn install --immutable' : 'yarn install',
        // A member: only it and what it depends on, built in dependency order.
        installProduction: workspace === undefined ? 'yarn workspaces focus --all --production' : `yarn workspaces focus ${shellWord(workspace)} --production`,
        runBuild: workspace === undefined ? 'yarn run build' : `yarn workspaces foreach --recursive --topological --from ${shellWord(workspace)} run build`,
        runTest: workspace === undefined ? 'yarn test' : `yarn workspace ${shellWord(workspace)} test`,
      };
    }
    case 'bun': {
      // bun installs the dependencies; node still runs the app, as on any Node image. A workspace
      // installs whole; the member and the packages it uses build one `--filter` at a time, in order.
      const frozen = hasLockfile ? ' --frozen-lockfile' : '';
      const only = (script: string) => (workspace === undefined ? `bun run ${script}` : `bun run --filter ${shellWord(workspace)} ${script}`);
      return {
        setup: `npm install --global ${shellWord(`bun@${version ?? DEFAULT_TOOL_VERSIONS.bun}`)}`,
        cacheTarget: '/root/.bun/install/cache',
        installAll: `bun install${frozen}`,
        installProduction: `bun install${frozen} --production`,
        runBuild: eachBuild((name) => `bun run --filter ${shellWord(name)} build`) ?? only('build'),
        runTest: only('test'),
      };
    }
  }
}
