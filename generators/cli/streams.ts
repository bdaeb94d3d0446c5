import { writeSync } from 'node:fs';

/** The three streams the CLI talks through; tests pass their own. */
export interface CliStreams {
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdout: NodeJS.WriteStream;
}

/**
 * The real process's streams, each made only when touched: constructing process.stdin or
 * process.stderr loads Node's tty and net layers, tens of milliseconds a `--yes` run never needs.
 */
export const PROCESS_STREAMS: CliStreams = {
  get stdin() {
    return process.stdin;
  },
  get stderr() {
    return process.stderr;
  },
  get stdout() {
    return process.stdout;
  },
};

/** A line (or lines) for the user on stderr: straight to fd 2 for the real process, so no stream is built for it. */
export function writeError(streams: CliStreams, text: string): void {
  if (streams !== PROCESS_STREAMS) return void streams.stderr.write(text);
  try {
    writeSync(2, text);
  } catch {
    // A non-blocking stderr that is full (EAGAIN): the stream queues instead.
    process.stderr.write(text);
  }
}
