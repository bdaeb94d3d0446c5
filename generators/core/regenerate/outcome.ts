import { threeWayMerge, type Conflict } from './merge.js';

/**
 * What writing one generated file does to the project:
 *   create     the file is new;
 *   identical  the file already says exactly this;
 *   update     the file was as the tool last wrote it, and the regeneration replaces it;
 *   merge      the user edited it since: their edits and the regeneration's changes are both kept;
 *   keep       the user edited it and the regeneration changes nothing: it stays as it is;
 *   force      --force replaces a file that differs (the user's edits are dropped);
 *   conflict   both changed the same lines: nothing is written;
 *   refuse     it differs and the tool has no record of writing it: nothing is written.
 */
export type WriteStatus = 'create' | 'identical' | 'update' | 'merge' | 'keep' | 'force' | 'conflict' | 'refuse';

export interface FileOutcome {
  readonly path: string;
  readonly status: WriteStatus;
  /** What is on disk now (undefined when there is no file). */
  readonly current: string | undefined;
  /** What the project would hold after the run: the regenerated text, or the merge. */
  readonly next: string;
  readonly conflicts: readonly Conflict[];
}

/**
 * One file's outcome, from what is on disk, what the tool last generated (the base, from the saved
 * state) and what it generates now. Pure: the caller reads the files and decides what to write.
 */
export function outcomeOf(path: string, current: string | undefined, base: string | undefined, regenerated: string, force: boolean): FileOutcome {
  const outcome = (status: WriteStatus, next = regenerated, conflicts: readonly Conflict[] = []): FileOutcome => ({ path, status, current, next, conflicts });
  if (current === undefined) return outcome('create');
  if (current === regenerated) return outcome('identical');
  if (base !== undefined && current === base) return outcome('update');
  if (force) return outcome('force');
  if (base === undefined) return outcome('refuse', current);
  if (base === regenerated) return outcome('keep', current);
  const merged = threeWayMerge(base, current, regenerated);
  if (merged.conflicts.length > 0) return outcome('conflict', regenerated, merged.conflicts);
  return outcome(merged.text === current ? 'keep' : 'merge', merged.text);
}

/** Whether the run changes the file on disk. */
export const changes = (outcome: FileOutcome) => ['create', 'update', 'merge', 'force'].includes(outcome.status);

/** `Dockerfile lines 12-13` for each conflict, for the one-line refusal. */
export const conflictPlaces = (outcomes: readonly FileOutcome[]) =>
  outcomes.flatMap((outcome) =>
    outcome.conflicts.map((conflict) => `${outcome.path} line${conflict.from === conflict.to ? ` ${conflict.from}` : `s ${conflict.from}-${conflict.to}`}`),
  );
