import { UserError } from '../errors.js';
import { ERRORS } from '../explain/error-messages.js';

/**
 * Values from a user's project end up inside Dockerfile instructions. Each helper either proves the
 * value harmless for its context or refuses it, so no newline, quote, `\`, `$` or `#` can ever add or
 * alter an instruction.
 */

const SAFE_PATH = /^[A-Za-z0-9._+@-]+(\/[A-Za-z0-9._+@-]+)*$/;

/** A relative path inside the build context, e.g. "cmd/api" or "go.mod". */
export function contextPath(value: string, what: string): string {
  const trimmed = value.replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '.';
  if (!SAFE_PATH.test(trimmed) || trimmed.split('/').includes('..')) {
    throw new UserError(ERRORS.message('error.quote.has-characters-dockerfile', { what, value: JSON.stringify(value) }));
  }
  // A word that starts with `-` is an option to whatever command it lands in (`cp --version ...`).
  if (trimmed.split('/').some((part) => part.startsWith('-')))
    throw new UserError(ERRORS.message('error.quote.starts-which-command', { what, value: JSON.stringify(value) }));
  return trimmed;
}

/** A docker image name (repository part), derived rather than refused: it is only a label. */
export function imageName(value: string): string {
  const name = value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .replace(/[._-]{2,}/g, '-');
  return name === '' ? 'app' : name.slice(0, 63);
}

/** A file name for a built binary. */
export function binaryName(value: string): string {
  const name = value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return name === '' ? 'app' : name.slice(0, 63);
}

/** A TCP port. */
export function port(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new UserError(ERRORS.message('error.quote.port-between', { value }));
  return value;
}

/** Text for a `#` comment: one line, no control characters. */
export function comment(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** A single shell word, for shell-form RUN. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9._+@/=:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A JSON array for exec-form CMD/ENTRYPOINT; no shell and no variable expansion touch it. */
export function execForm(args: readonly string[]): string {
  for (const arg of args) {
    if (/[\u0000-\u001f\u007f]/.test(arg)) throw new UserError(ERRORS.message('error.quote.command-argument-contains', { arg: JSON.stringify(arg) }));
  }
  return `[${args.map((arg) => JSON.stringify(arg)).join(', ')}]`;
}

/**
 * A value for ENV or ARG, in double quotes: the Dockerfile's own quoting, where `"` and `$` take a
 * backslash (so `$HOME` stays those five characters rather than the builder's variable). A value
 * cannot hold a line break or a backslash: the CLI refuses them, and the render guard proves it.
 */
export function dockerQuoted(value: string): string {
  if (/[\u0000-\u001f\u007f\u2028\u2029\\]/.test(value))
    throw new UserError(ERRORS.message('error.quote.value-holds-control', { value: JSON.stringify(value) }));
  return `"${value.replace(/["$]/g, (match) => `\\${match}`)}"`;
}
