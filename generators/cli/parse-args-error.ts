import { UsageError } from '../core/errors.js';
import { ERRORS } from '../core/explain/error-messages.js';

/**
 * node:util parseArgs's refusals, said by this tool's catalog: the kind comes from the error's code,
 * the option or argument from the quotes in its English text; anything else keeps Node's first line.
 */
export function parseArgsError(error: unknown): UsageError {
  const { code, message } = error as Error & { code?: string };
  const firstLine = message.split('\n')[0] ?? '';
  const quoted = /'([^']+)'/.exec(firstLine)?.[1];
  if (quoted !== undefined) {
    // Node names an option with its short form first ('-y, --yes') and its value ('--port <value>').
    const option = quoted
      .replace(/ <value>$/, '')
      .split(', ')
      .at(-1)!;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(ERRORS.message('error.args.unknown-option', { option }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(firstLine))
      return new UsageError(ERRORS.message('error.args.value-missing', { option }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument is ambiguous/.test(firstLine))
      return new UsageError(ERRORS.message('error.args.value-ambiguous', { option }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(firstLine))
      return new UsageError(ERRORS.message('error.args.value-refused', { option }));
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(ERRORS.message('error.args.unexpected-argument', { argument: quoted }));
  }
  return new UsageError(firstLine);
}
