import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this module's own location so it works from src, dist and npx caches. */
export const packageRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('create-dockerfile: package.json not found above ' + import.meta.url);
    dir = parent;
  }
  return dir;
})();

export const templatesDir = join(packageRoot, 'templates');

/** The version this copy of the tool is, which every generated file's header names. */
export const TOOL_VERSION = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
