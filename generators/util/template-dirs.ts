import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

/** Custom template folders: the project's own .create-dockerfile/templates, then --templates DIR, which wins. */
export function templateOverrideDirs(projectDir: string, templatesFlag: string | undefined): string[] {
  const dirs = [join(projectDir, '.create-dockerfile/templates')].filter((dir) => existsSync(dir));
  if (templatesFlag !== undefined) {
    const dir = resolve(templatesFlag);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--templates ${templatesFlag}: no such directory`);
    dirs.push(dir);
  }
  return dirs;
}
