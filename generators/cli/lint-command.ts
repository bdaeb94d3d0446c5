import { realpathSync } from 'node:fs';
import { formatFinding, lint } from '../core/lint/index.js';
import { UsageError, UserError } from '../core/errors.js';
import { readRegularFile } from '../core/read-gate.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';

/**
 * `create-dockerfile lint [file]`: the rules every generated Dockerfile passes, for any Dockerfile.
 * Prints one line per finding (file:line RULE message) and exits 1 when there is any.
 */
export function runLint(args: readonly string[], streams: CliStreams): number {
  if (args.length > 1) throw new UsageError(`lint takes one file, got ${args.length}`);
  const file = args[0] ?? 'Dockerfile';
  const content = readDockerfileArgument(file);
  const findings = lint(content);
  for (const finding of findings) writeOut(streams, `${terminalLine(formatFinding(file, finding))}\n`);
  if (findings.length === 0) writeError(streams, `${file}: no findings\n`);
  return findings.length > 0 ? 1 : 0;
}

/** Far above any real Dockerfile; past it, lint and explain refuse instead of grinding. */
const LINT_LIMIT = 8 * 1024 * 1024;

/** The Dockerfile a user named on the command line, read as lint and explain read it. */
export function readDockerfileArgument(file: string): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    throw new UserError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // A named file may be a link, but it must end at a regular file of sane size: a FIFO or a device
  // (/dev/zero) would hang or never end.
  const content = readRegularFile(real, file, LINT_LIMIT);
  if (content.includes('\u0000') || (content.match(/\uFFFD/g)?.length ?? 0) > content.length / 100) {
    throw new UserError(`${file} is not a Dockerfile: it holds binary data`);
  }
  return content;
}
