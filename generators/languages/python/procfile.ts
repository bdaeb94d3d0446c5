import { parse } from 'shell-quote';
import { UserError } from '../../core/errors.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/** `$PORT` in an entry is replaced by the planned port, and the image sets PORT too. */
export const PORT_TOKEN = '$PORT';

/** Heroku runs each line with a shell; these are the only operators a start script here may use. */
const SEQUENCE_OPERATORS = new Set([';', '&&']);

/** Commands that serve until stopped: anything after one of them would run only once the server is gone. */
const SERVERS = /^(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|granian|streamlit)$/;
const SERVING_SUBCOMMAND = /^(?:python3?\s+)?(?:\S*manage\.py\s+runserver|flask\b.*\brun\b|fastapi\s+(?:run|dev))\b/;

export interface ProcfileLines {
  readonly web?: string;
  readonly release?: string;
}

export function procfileLines(text: string): ProcfileLines {
  const line = (name: string) => new RegExp(`^${name}:[ \\t]*(.+)$`, 'm').exec(text)?.[1]?.trim() || undefined;
  return { web: line('web'), release: line('release') };
}

/** A line that sh must run: several commands, a leading VAR=value, or a variable other than PORT. */
export const needsShell = (line: string) => operators(line).length > 0 || ASSIGNMENT.exec(line)![0] !== '' || /\$(?!\{PORT(?::?-\d{1,5})?\}|PORT\b)/.test(line);

/**
 * A Procfile line as argv. Only what exec form can say is accepted: words, quotes, and $PORT; pipes,
 * `&&`, redirections and other variables need a shell, which would then be PID 1 instead of the app.
 */
export function procfileWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]!);
  // `${PORT:-8000}`: the image always sets PORT, so its default is never the one used.
  const withPort = words.map((word) => word.replace(/\$\{PORT(?::?-\d{1,5})?\}|\$PORT\b/g, PORT_TOKEN));
  const shellOnly = withPort.find((word) => /[|&;<>`]|\$\(/.test(word) || /\$(?!PORT\b)/.test(word));
  if (shellOnly !== undefined) throw new UserError(ERRORS.message('error.procfile.procfile-web-needs', { line, shellOnly: JSON.stringify(shellOnly) }));
  return withPort;
}

/**
 * The script sh runs at every start: the release steps, stopping the start when they fail (as a
 * failed release stops a deploy), then the web line with `exec` before its last command, so that
 * the server replaces the shell as PID 1 and receives SIGTERM.
 */
export function startScript(web: string, release: string | undefined): { script: string; server: string } {
  refuseUnsupported('web', web);
  if (release !== undefined) refuseUnsupported('release', release);
  const { commands } = scanCommands(web);
  const last = commands.pop();
  if (last === undefined) throw new UserError(ERRORS.message('error.procfile.procfile-web-runs', { web }));
  const early = commands.find((command) => serves(command.text));
  if (early !== undefined) throw new UserError(ERRORS.message('error.procfile.procfile-web-starts', { web, text: early.text, text2: last.text }));
  const server = programOf(last.text);
  const start = `${web.slice(0, last.at)}${withExec(web.slice(last.at))}`;
  const steps = release === undefined ? '' : operators(release).length > 0 ? `{ ${release}; } || exit; ` : `${release} || exit; `;
  return { script: `${steps}${start}`, server };
}

/** The shell operators outside quotes, as sh would read them. */
function operators(line: string): string[] {
  return parse(line, (name) => `$${name}`).flatMap((token) => (typeof token === 'object' && 'op' in token && token.op !== 'glob' ? [token.op] : []));
}

function refuseUnsupported(name: string, line: string): void {
  if (!scanCommands(line).closed) throw new UserError(ERRORS.message('error.procfile.procfile-has-quote', { name, line }));
  const unsupported = operators(line).find((op) => !SEQUENCE_OPERATORS.has(op));
  const substitution = /`|\$\(/.test(line) ? '$(...)' : undefined;
  const what = substitution ?? unsupported;
  if (what !== undefined) throw new UserError(ERRORS.message('error.procfile.procfile-uses-this', { name, line, what: JSON.stringify(what) }));
}

/** Top-level commands, split at ; and && outside quotes, each trimmed; `closed` is false when a quote never ends. */
function scanCommands(line: string): { commands: { text: string; at: number }[]; closed: boolean } {
  const commands: { text: string; at: number }[] = [];
  const push = (from: number, to: number) => {
    const text = line.slice(from, to).trim();
    if (text) commands.push({ text, at: line.indexOf(text, from) });
  };
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') index += 1;
      continue;
    }
    if (char === '\\') index += 1;
    else if (char === '"' || char === "'") quote = char;
    else if (char === ';' || line.startsWith('&&', index)) {
      push(start, index);
      index += char === ';' ? 0 : 1;
      start = index + 1;
    }
  }
  push(start, line.length);
  return { commands, closed: quote === undefined };
}

const ASSIGNMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*/;

/** `exec` goes after leading VAR=value words, which sh keeps for the exec'd program. */
function withExec(command: string): string {
  const assignments = ASSIGNMENT.exec(command)![0];
  const rest = command.slice(assignments.length);
  return /^exec\s/.test(rest) ? command : `${assignments}exec ${rest}`;
}

/** The program a command runs, past leading VAR=value words and `exec`. */
export const programOf = (command: string) => /^\S+/.exec(command.slice(ASSIGNMENT.exec(command)![0].length).replace(/^exec\s+/, ''))?.[0] ?? '';

function serves(command: string): boolean {
  const rest = command.slice(ASSIGNMENT.exec(command)![0].length).replace(/^exec\s+/, '');
  return SERVERS.test(programOf(command)) || SERVING_SUBCOMMAND.test(rest);
}
