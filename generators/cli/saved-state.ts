import { join } from 'node:path';
import { TOOL_VERSION } from '../core/package-root.js';
import { readProjectFile } from '../core/read-gate.js';
import type { GeneratedFile } from '../core/types.js';
import { writeAtomically } from '../util/atomic-write.js';
import type { CliOptions } from './args.js';
import type { Locale } from '../core/explain/messages.js';
import { statusLine } from './messages.js';
import { choicesToSave, SAVED_FILE, savedStateText } from './saved-choices.js';

/**
 * After the files landed: the choices of this run and the files as generated (not as merged: the
 * next run's merge base is what the tool wrote, so the user's edits stay theirs), in one file.
 */
export function saveState(dir: string, cli: CliOptions, files: readonly GeneratedFile[], log: (line: string) => void): void {
  const text = savedStateText(choicesToSave(cli), Object.fromEntries(files.map((file) => [file.path, file.content])), TOOL_VERSION);
  writeOwnFile(dir, SAVED_FILE, text, log, cli.explain);
}

/** A file that is this tool's own record (the saved state, renovate.json once accepted): written when it changed, its status said as yeoman says it. */
export function writeOwnFile(dir: string, path: string, text: string, log: (line: string) => void, locale: Locale = 'en'): void {
  const current = readProjectFile(dir, path);
  if (current !== text) writeAtomically(join(dir, path), text);
  log(statusLine(locale, current === undefined ? 'create' : current === text ? 'identical' : 'update', path));
}
