/** A problem with the project or the user's choices: one line on stderr, exit 1. */
export class UserError extends Error {
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
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}

export const isKnownError = (error: unknown): error is UserError | UsageError => error instanceof UserError || error instanceof UsageError;
