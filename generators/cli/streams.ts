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

/**
 * What a terminal would act on instead of showing: C0 and C1 controls (ESC starts the sequences that
 * retitle or clear a terminal), DEL, line and paragraph separators, and the bidirectional overrides
 * that reorder what is shown.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b`: an escape that reads the same in a terminal and, inside a string, in JSON. */
const escapeChar = (char: string): string =>
  char === '\n' ? '\\n' : char === '\t' ? '\\t' : char === '\r' ? '\\r' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for a terminal: every control character but `\n` and `\t` shown as an escape (`\u001b`, `\u202e`). */
export const terminalText = (text: string): string => text.replace(CONTROLS, (char) => (char === '\n' || char === '\t' ? char : escapeChar(char)));

/** One line for a terminal: a line break inside it (a folder named with one) is shown as `\n`, not obeyed. */
export const terminalLine = (line: string): string => line.replace(CONTROLS, escapeChar);

/** Output on stdout (file contents, JSON, findings), shown and never obeyed by the terminal. */
export const writeOut = (streams: CliStreams, text: string): void => void streams.stdout.write(terminalText(text));

/** A line (or lines) for the user on stderr: straight to fd 2 for the real process, so no stream is built for it. */
export function writeError(streams: CliStreams, raw: string): void {
  const text = terminalText(raw);
  if (streams !== PROCESS_STREAMS) return void streams.stderr.write(text);
  try {
    writeSync(2, text);
  } catch {
    // A non-blocking stderr that is full (EAGAIN): the stream queues instead.
    process.stderr.write(text);
  }
}
