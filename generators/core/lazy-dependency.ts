import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/**
 * A dependency only some runs need (yaml: a pnpm workspace, compose.yaml), loaded on first use so
 * that `--yes` on a plain project never parses it. The build writes each as a file of its own
 * (dist/<name>.cjs, scripts/bundle.mjs); from source, node_modules has it. Loading is synchronous,
 * so detection and planning stay plain functions.
 */
export function lazyDependency<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const bundled = join(packageRoot, 'dist', `${name}.cjs`);
      loaded = createRequire(import.meta.url)(existsSync(bundled) ? bundled : name) as T;
    }
    return loaded;
  };
}
