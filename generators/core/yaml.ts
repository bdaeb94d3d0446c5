import type * as Yaml from 'yaml';
import { lazyDependency } from './lazy-dependency.js';

/** The yaml library, loaded when a pnpm-workspace.yaml is read or a compose.yaml written. */
export const yaml = lazyDependency<typeof Yaml>('yaml');
