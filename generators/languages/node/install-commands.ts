import type { NodeInstallPlan, NodePackageManager } from './types.js';
import { shellWord } from '../../core/render/quote.js';

/** Versions used when a project pins none, so the same project always gets the same Dockerfile. */
const DEFAULT_TOOL_VERSIONS = { pnpm: '10.34.8', yarn: '1.22.22', 'yarn-berry': '4.18.1', bun: '1.4.5' } as const;

/**
 * One row per package manager: how the templates install, prune and build. Each install is frozen
 * to the lockfile when there is one, so an image never resolves different versions than the repo.
 */
export function installPlan(manager: NodePackageManager, version: string | undefined, hasLockfile: boolean, workspace?: string): NodeInstallPlan {
  switch (manager) {
    case 'npm': {
      // With a workspace, production installs and the build are narrowed to that member.
      const only = workspace === undefined ? '' : ` --workspace ${shellWord(workspace)}`;
      return {
        cacheTarget: '/root/.npm',
        installAll: hasLockfile ? 'npm ci' : 'npm install',
        installProduction: `${hasLockfile ? 'npm ci' : 'npm install'} --omit=dev${only}`,
        runBuild: `npm run build${only}`,
        runTest: `npm test${only}`,
      };
    }
    case 'pnpm': {
      const frozen = hasLockfile ? ' --frozen-lockfile' : '';
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
      return {
        // --force: some node images already ship a yarn binary that npm would refuse to replace.
        setup: `npm install --global --force ${shellWord(`yarn@${version ?? DEFAULT_TOOL_VERSIONS.yarn}`)}`,
        cacheTarget: '/usr/local/share/.cache/yarn',
        installAll: `yarn install${frozen} --non-interactive`,
        installProduction: `yarn install${frozen} --non-interactive --production`,
        runBuild: 'yarn run build',
        runTest: 'yarn test',
      };
    }
    case 'yarn-berry': {
      // Yarn 2+ ships as @yarnpkg/cli-dist, one version per Yarn release; `focus` needs no plugin since 4.
      return {
        setup: `npm install --global --force ${shellWord(`@yarnpkg/cli-dist@${version ?? DEFAULT_TOOL_VERSIONS['yarn-berry']}`)}`,
        cacheTarget: '/root/.yarn/berry/cache',
        installAll: hasLockfile ? 'yarn install --immutable' : 'yarn install',
        installProduction: 'yarn workspaces focus --all --production',
        runBuild: 'yarn run build',
        runTest: 'yarn test',
      };
    }
    case 'bun': {
      // bun installs the dependencies; node still runs the app, as on any Node image.
      const frozen = hasLockfile ? ' --frozen-lockfile' : '';
      return {
        setup: `npm install --global ${shellWord(`bun@${version ?? DEFAULT_TOOL_VERSIONS.bun}`)}`,
        cacheTarget: '/root/.bun/install/cache',
        installAll: `bun install${frozen}`,
        installProduction: `bun install${frozen} --production`,
        runBuild: 'bun run build',
        runTest: 'bun run test',
      };
    }
  }
}
