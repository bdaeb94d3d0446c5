import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { ERRORS } from '../core/explain/error-messages.js';

export const PROJECT_TEMPLATES = '.create-dockerfile/templates';

/** Far above any template; past it, a file in a template folder is refused. */
const TEMPLATE_LIMIT = 256 * 1024;

/**
 * The project's own templates, listed and checked, or none. They are code from the repository: they
 * can write any instruction. So every entry must be a plain folder or a regular .hbs file of sane
 * size; a link, a FIFO or a device anywhere in the folder refuses the run by name. Whether they are
 * used at all is the caller's question (a flag, or the user's answer).
 */
export function projectTemplates(projectDir: string): string[] {
  const root = join(projectDir, PROJECT_TEMPLATES);
  const top = lstatOrUndefined(join(projectDir, '.create-dockerfile'));
  if (top === undefined) return [];
  if (!top.isDirectory())
    throw new UserError(ERRORS.message(top.isSymbolicLink() ? 'error.template-dirs.link' : 'error.template-dirs.not-folder', { folder: '.create-dockerfile' }));
  const folder = lstatOrUndefined(root);
  if (folder === undefined) return [];
  if (!folder.isDirectory())
    throw new UserError(ERRORS.message(folder.isSymbolicLink() ? 'error.template-dirs.link' : 'error.template-dirs.not-folder', { folder: PROJECT_TEMPLATES }));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const shown = `${PROJECT_TEMPLATES}/${relative(root, path)}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) throw new UserError(ERRORS.message('error.template-dirs.symbolic-link-project', { shown }));
      else if (!entry.isFile()) throw new UserError(ERRORS.message('error.template-dirs.regular-file-read', { shown }));
      else if (statSync(path).size > TEMPLATE_LIMIT)
        throw new UserError(ERRORS.message('error.template-dirs.over-bytes-read', { shown, templateLimit: TEMPLATE_LIMIT }));
      else files.push(relative(root, path));
    }
  };
  walk(root);
  return files.sort();
}

/**
 * Custom template folders, in the order they override: the project's (when it has some, checked by
 * projectTemplates, and they are to be used), then --templates DIR, which wins.
 */
export function templateOverrideDirs(projectDir: string, templatesFlag: string | undefined, useProjectTemplates: boolean): string[] {
  const dirs = useProjectTemplates ? [join(projectDir, PROJECT_TEMPLATES)] : [];
  if (templatesFlag !== undefined) {
    const dir = resolve(templatesFlag);
    let stat: Stats | undefined;
    try {
      stat = statSync(dir);
    } catch {
      stat = undefined;
    }
    if (!stat?.isDirectory()) throw new UserError(ERRORS.message('error.template-dirs.templates-such-directory', { templatesFlag }));
    dirs.push(dir);
  }
  return dirs;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(ERRORS.message('error.template-dirs.cannot-read', { path, value: (error as NodeJS.ErrnoException).code ?? 'error' }));
  }
}

/** The line that says whether the project's own templates are used, and which. */
export function projectTemplatesNote(files: readonly string[], used: boolean): string {
  return used
    ? `note: using this project's own templates (${PROJECT_TEMPLATES}: ${files.join(', ')}); they can change any instruction`
    : `note: ${PROJECT_TEMPLATES} ignored: project templates are code from the repository; --project-templates uses them`;
}
