import type { Locale, Message, Said } from './explain/messages.js';
import { ERRORS, type ErrorMessageId } from './explain/error-messages.js';

/**
 * The CLI's main path and its interactive and verify parts are loaded as separate bundles (a CommonJS
 * file with a code cache, and ES module chunks), so each has its own copy of these classes: an error
 * is recognised by a registered symbol its prototype carries, not by `instanceof` one copy.
 */
const KNOWN = Symbol.for('create-dockerfile.known-error');

/**
 * What an error says: a sentence of a catalog (said in the user's language when printed), a function
 * of the language (a sentence of a language's own catalog), or plain text (a message that is not
 * this tool's: Node's own, the engine's).
 */
export type ErrorText = string | Message | Said;

const sayer = (text: ErrorText): Said =>
  typeof text === 'string' ? () => text : typeof text === 'function' ? text : (locale: Locale) => ERRORS.text(locale, text.id as ErrorMessageId, text.args);

/** An error this tool says to the user: `message` is the English sentence, `said` the same in any language. */
abstract class SaidError extends Error {
  abstract readonly exitCode: number;
  readonly said: Said;
  constructor(text: ErrorText) {
    const said = sayer(text);
    super(said('en'));
    this.said = said;
  }
}

/** A problem with the project or the user's choices: one line on stderr, exit 1. */
export class UserError extends SaidError {
  readonly exitCode = 1;
  override name = 'UserError';
}

/**
 * The project has no program to run (no entry point, no start command): in a workspace, a package
 * the others use rather than a broken service.
 */
export class NothingToRunError extends UserError {
  override name = 'NothingToRunError';
}

/** A malformed command line: one line on stderr plus a hint to --help, exit 2. */
export class UsageError extends SaidError {
  readonly exitCode = 2;
  override name = 'UsageError';
}

for (const known of [UserError, UsageError]) Object.defineProperty(known.prototype, KNOWN, { value: true });

export const isKnownError = (error: unknown): error is UserError | UsageError =>
  error instanceof Error && (error as unknown as Record<symbol, unknown>)[KNOWN] === true;

/** A usage error from any copy of this module: its hint (see --help) follows it. */
export const isUsageError = (error: unknown): error is UsageError => isKnownError(error) && error.name === 'UsageError';
