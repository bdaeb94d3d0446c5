import { createTwoFilesPatch } from 'diff';
import type { FileOutcome } from './outcome.js';

/**
 * A unified diff, as git prints it, from the file on disk to what the run would leave there; for a
 * conflict, to what --force would write, with each conflicting place marked above it.
 */
export function outcomeDiff(outcome: FileOutcome): string {
  const before = outcome.current ?? '';
  const patch = createTwoFilesPatch(
    outcome.current === undefined ? '/dev/null' : `a/${outcome.path}`,
    `b/${outcome.path}`,
    before,
    outcome.next,
    undefined,
    undefined,
    { context: 3 },
  );
  // The first line is jsdiff's `===` banner; git's own diff starts at the file names.
  const body = patch.split('\n').slice(1).join('\n');
  const marks = outcome.conflicts.map(
    (conflict) =>
      `# conflict at ${outcome.path} line${conflict.from === conflict.to ? ` ${conflict.from}` : `s ${conflict.from}-${conflict.to}`}: you have\n${conflict.yours.map((line) => `#   ${line}`).join('\n')}\n# and the regeneration writes\n${conflict.regenerated.map((line) => `#   ${line}`).join('\n')}\n`,
  );
  return `${marks.join('')}${body}`;
}
