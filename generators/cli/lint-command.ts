import { readFileSync } from 'node:fs';
import { formatFinding, lint } from '../core/lint/index.js';
import { UsageError, UserError } from '../core/errors.js';
import { writeError, type CliStreams } from './streams.js';

/**
 * `create-dockerfile lint [file]`: the rules every generated Dockerfile passes, for any Dockerfile.
 * Prints one line per finding (file:line RULE message) and exits 1 when there is any.
 */
export function runLint(args: readonly string[], streams: CliStreams): number {
  if (args.length > 1) throw new UsageError(`lint takes one file, got ${args.length}`);
  const file = args[0] ?? 'Dockerfile';
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const findings = lint(content);
  for (const finding of findings) streams.stdout.write(`${formatFinding(file, finding)}\n`);
  if (findings.length === 0) writeError(streams, `${file}: no findings\n`);
  return findings.length > 0 ? 1 : 0;
}
