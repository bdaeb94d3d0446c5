import { UserError } from '../errors.js';
import type { NodeInstallPlan, NodePackageManager } from '../types.js';
import { shellWord } from '../render/quote.js';

/** Versions used when a project pins none, so the same project always gets the same Dockerfile. */
const DEFAULT_TOOL_VERSIONS = { pnpm: '10.34.8', yarn: '1.22.22' } as const;

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
      };
    }
    default:
      throw new UserError(`${manager === 'yarn-berry' ? 'Yarn 2+ (berry)' : 'bun'} projects are detected but not supported yet; use npm, pnpm or yarn 1`);
  }
}
