import type { IgnoreGroup } from '../../core/types.js';
import { NODE_MESSAGES } from './messages.js';
import type { NodeFacts } from './types.js';

/** Node's own .dockerignore group. */
export const NODE_IGNORE: IgnoreGroup = {
  why: NODE_MESSAGES.message('ignore.node'),
  patterns: [
    '**/node_modules',
    'npm-debug.log*',
    'yarn-debug.log*',
    'yarn-error.log*',
    '.pnpm-store',
    '.yarn/cache',
    '.npm',
    '.eslintcache',
    'coverage',
    '.nyc_output',
  ],
};

/** Files the generated build reads; no .gitignore line may keep them out of the context. */
export const nodeNeededByBuild = (facts: NodeFacts): string[] => [
  ...facts.installFiles,
  ...(facts.workspace?.manifests ?? []),
  // A static site has no start file.
  ...facts.start.slice(-1),
  'tsconfig.json',
];
