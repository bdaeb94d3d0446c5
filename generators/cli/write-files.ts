import { join } from 'node:path';
import { assertWritable } from '../core/detect/snapshot.js';
import { UserError } from '../core/errors.js';
import { readProjectFile } from '../core/read-gate.js';
import { changes, conflictPlaces, outcomeOf, type FileOutcome } from '../core/regenerate/outcome.js';
import { outcomeDiff } from '../core/regenerate/unified-diff.js';
import type { Locale } from '../core/explain/messages.js';
import { cliText, statusLine } from './messages.js';
import type { GeneratedFile } from '../core/types.js';
import { writeAtomically } from '../util/atomic-write.js';
import { ERRORS } from '../core/explain/error-messages.js';

/** write: the files land; diff: what would change is printed; check: the same, and any change fails the run. */
export type WriteMode = 'write' | 'diff' | 'check';

export interface WriteOptions {
  readonly force: boolean;
  readonly mode: WriteMode;
  /** The files as this tool last generated them (the saved state): the base of the merge. */
  readonly base?: Readonly<Record<string, string>>;
  /** Where diffs go (stdout). */
  readonly show: (text: string) => void;
  /** The language of the status lines (--explain's). */
  readonly locale?: Locale;
}

/** Each file's outcome; existing files pass the reading gate, so a FIFO or a link out of the project is refused by name, never read. */
export function fileOutcomes(dir: string, files: readonly GeneratedFile[], force: boolean, base?: Readonly<Record<string, string>>): FileOutcome[] {
  assertWritable(dir);
  return files.map((file) => outcomeOf(file.path, readProjectFile(dir, file.path), base?.[file.path], file.content, force));
}

/** A differing file the tool has no record of, or a conflicting edit: nothing is written, in one line naming the way out. */
export function assertWritableOutcomes(outcomes: readonly FileOutcome[]): void {
  const refused = outcomes.find((outcome) => outcome.status === 'refuse');
  if (refused) throw new UserError(ERRORS.message('error.write-files.already-exists-differs', { path: refused.path }));
  const places = conflictPlaces(outcomes);
  if (places.length > 0) throw new UserError(ERRORS.message('error.write-files.your-edits-change', { value: places.join(', ') }));
}

/**
 * The non-interactive write (--yes, or no terminal), and --diff and --check. Every file is decided
 * before any is written, so a refusal leaves the project untouched; then each lands atomically.
 * Status lines look like yeoman's, which the interactive path prints.
 */
export function writeFiles(dir: string, files: readonly GeneratedFile[], options: WriteOptions, log: (line: string) => void): FileOutcome[] {
  const outcomes = fileOutcomes(dir, files, options.force, options.base);
  const shown = outcomes.filter((outcome) => changes(outcome) || outcome.status === 'conflict' || (options.mode !== 'write' && outcome.status === 'refuse'));
  if (options.mode !== 'write' || shown.some((outcome) => outcome.status === 'conflict')) for (const outcome of shown) options.show(outcomeDiff(outcome));
  if (options.mode === 'check') {
    if (shown.length > 0)
      throw new UserError(
        ERRORS.message(shown.length === 1 ? 'error.write-files.out-step-one' : 'error.write-files.out-step-many', {
          paths: shown.map((outcome) => outcome.path).join(', '),
        }),
      );
    log(cliText(options.locale ?? 'en', 'cli.check.in-step', { files: outcomes.map((outcome) => outcome.path).join(', ') }));
    return outcomes;
  }
  if (options.mode === 'diff') {
    if (shown.length === 0) log(cliText(options.locale ?? 'en', 'cli.diff.none'));
    for (const place of conflictPlaces(outcomes)) log(cliText(options.locale ?? 'en', 'cli.diff.conflict', { place }));
    return outcomes;
  }
  assertWritableOutcomes(outcomes);
  for (const outcome of outcomes) {
    if (changes(outcome)) writeAtomically(join(dir, outcome.path), outcome.next);
    log(statusLine(options.locale ?? 'en', outcome.status, outcome.path));
  }
  return outcomes;
}

/**
 * The writes the interactive run hands to yeoman's mem-fs: the same outcomes, except that a differing
 * file this tool has no record of writing goes to the conflicter (which asks) rather than being refused.
 * Conflicts are shown, then refused, as without a terminal.
 */
export function conflicterWrites(
  dir: string,
  files: readonly GeneratedFile[],
  options: Omit<WriteOptions, 'mode'> & { readonly asks: boolean },
): FileOutcome[] {
  const outcomes = fileOutcomes(dir, files, options.force, options.base).map((outcome, index) =>
    outcome.status === 'refuse' && options.asks ? { ...outcome, status: 'force' as const, next: files[index]!.content } : outcome,
  );
  for (const outcome of outcomes.filter((candidate) => candidate.status === 'conflict')) options.show(outcomeDiff(outcome));
  assertWritableOutcomes(outcomes);
  return outcomes.filter(changes);
}
