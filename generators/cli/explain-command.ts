import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
import { explainDockerfile } from '../core/explain/explain-file.js';
import { explainedText } from '../core/explain/explain-file-text.js';
import { LOCALES, type Locale } from '../core/explain/messages.js';
import { readDockerfileArgument } from './lint-command.js';
import { terminalLine, writeOut, type CliStreams } from './streams.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { parseArgsError } from './parse-args-error.js';

/**
 * `create-dockerfile explain [FILE] [--lang en|fr]`: any Dockerfile, one instruction at a time, what
 * it does, what about it is good practice or to fix, and its lint findings. Always exits 0: an
 * explanation is not a verdict (`lint` is).
 */
export function runExplain(argv: readonly string[], streams: CliStreams): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { lang: { type: 'string', default: 'en' } } });
  } catch (error) {
    throw parseArgsError(error);
  }
  if (parsed.positionals.length > 1) throw new UsageError(ERRORS.message('error.explain-command.explain-takes-one', { length: parsed.positionals.length }));
  const lang = parsed.values.lang;
  if (!(LOCALES as readonly string[]).includes(lang))
    throw new UsageError(ERRORS.message('error.explain-command.lang-must-one', { value: LOCALES.join(', '), lang: JSON.stringify(lang) }));
  const file = parsed.positionals[0] ?? 'Dockerfile';
  const text = explainedText(file, explainDockerfile(readDockerfileArgument(file)), lang as Locale);
  for (const line of text.split('\n').slice(0, -1)) writeOut(streams, `${terminalLine(line)}\n`);
  return 0;
}
