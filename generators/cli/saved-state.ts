import { join } from 'node:path';
import { TOOL_VERSION } from '../core/package-root.js';
import { readProjectFile } from '../core/read-gate.js';
import type { GeneratedFile } from '../core/types.js';
import { writeAtomically } from '../util/atomic-write.js';
import type { CliOptions } from './args.js';
import { choicesToSave, SAVED_FILE, savedStateText } from './saved-choices.js';

/**
 * After the files landed: the choices of this run and the files as generated (not as merged: the
 * next run's merge base is what the tool wrote, so the user's edits stay theirs), in one file.
 */
export function saveState(dir: string, cli: CliOptions, files: readonly GeneratedFile[], log: (line: string) => void): void {
  const text = savedStateText(choicesToSave(cli), Object.fromEntries(files.map((file) => [file.path, file.content])), TOOL_VERSION);
  const current = readProjectFile(dir, SAVED_FILE);
  if (current !== text) writeAtomically(join(dir, SAVED_FILE), text);
  log(`${(current === undefined ? 'create' : current === text ? 'identical' : 'update').padStart(9)} ${SAVED_FILE}`);
}
