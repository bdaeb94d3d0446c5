import { join } from 'node:path';
import { assertWritable } from '../core/detect/snapshot.js';
import { UserError } from '../core/errors.js';
import { readProjectFile } from '../core/read-gate.js';
import type { GeneratedFile } from '../core/types.js';
import { writeAtomically } from '../util/atomic-write.js';

type Status = 'create' | 'identical' | 'force';

/** What writing each file would do; a differing file without --force refuses them all, before any is written. */
export function plannedWrites(dir: string, files: readonly GeneratedFile[], force: boolean): Status[] {
  assertWritable(dir);
  return files.map((file) => {
    // The existing file passes the same gate as every project file: a FIFO, a device or a link out
    // of the project is refused by name, never read (nor waited on).
    const existing = readProjectFile(dir, file.path);
    if (existing === undefined) return 'create';
    if (existing === file.content) return 'identical';
    if (!force) throw new UserError(`${file.path} already exists and differs; rerun with --force to overwrite it`);
    return 'force';
  });
}

/**
 * The non-interactive write (--yes, or no terminal): nothing to ask, so no conflict menu. Every file
 * is checked before any is written, so a refusal leaves the project untouched; then each lands
 * atomically. Status lines look like yeoman's, which the interactive path prints.
 */
export function writeFiles(dir: string, files: readonly GeneratedFile[], force: boolean, log: (line: string) => void): void {
  const statuses = plannedWrites(dir, files, force);
  for (const [index, file] of files.entries()) {
    const status = statuses[index]!;
    if (status !== 'identical') writeAtomically(join(dir, file.path), file.content);
    log(`${status.padStart(9)} ${file.path}`);
  }
}
