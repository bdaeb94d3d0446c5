import type { IgnoreGroup } from '../../core/types.js';
import { GO_MESSAGES } from './messages.js';
import type { GoFacts } from './types.js';

/** Go's own .dockerignore group. */
export const GO_IGNORE: IgnoreGroup = { why: GO_MESSAGES.message('ignore.go'), patterns: ['*.test', '*.out', '*.prof', 'coverage*'] };

/** Files the generated build reads; no .gitignore line may keep them out of the context. */
export const goNeededByBuild = (facts: GoFacts): string[] => [
  'go.mod',
  'go.sum',
  ...(facts.workspace?.manifests ?? []),
  ...(facts.vendored ? ['vendor/modules.txt'] : []),
  ...facts.mains.map((main) => `${main.dir}/main.go`),
  // A file the program reads at run time must reach the image; a folder's files are its own affair.
  ...facts.dataPaths.filter((found) => !found.path.includes('/') && /\.\w+$/.test(found.path)).map((found) => found.path),
];
