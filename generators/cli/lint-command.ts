import { realpathSync } from 'node:fs';
import { formatFinding, lint } from '../core/lint/index.js';
import { UsageError, UserError } from '../core/errors.js';
import { readRegularFile } from '../core/read-gate.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { LOCALES, type Locale } from '../core/explain/messages.js';
import { LINT_MESSAGES, sayFinding } from '../core/lint/messages.js';
import { parseArgsError } from './parse-args-error.js';
import { parseArgs } from 'node:util';

/**
 * `create-dockerfile lint [file]`: the rules every generated Dockerfile passes, for any Dockerfile.
 * Prints one line per finding (file:line RULE message) and exits 1 when there is any.
 */
export function runLint(args: readonly string[], streams: CliStreams): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { lang: { type: 'string', default: 'en' } } });
  } catch (error) {
    throw parseArgsError(error);
  }
  const { positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(ERRORS.message('error.lint-command.lint-takes-one', { length: positionals.length }));
  const locale = parsed.values.lang as Locale;
  if (!(LOCALES as readonly string[]).includes(locale))
    throw new UsageError(ERRORS.message('error.explain-command.lang-must-one', { value: LOCALES.join(', '), lang: JSON.stringify(locale) }));
  const file = positionals[0] ?? 'Dockerfile';
  const content = readDockerfileArgument(file);
  const findings = lint(content);
  for (const finding of findings)
    writeOut(
      streams,
      `${terminalLine(locale === 'en' ? formatFinding(file, finding) : `${file}:${finding.line} ${finding.rule} ${sayFinding(finding, locale)}`)}\n`,
    );
  if (findings.length === 0) writeError(streams, `${terminalLine(LINT_MESSAGES.text(locale, 'lint.none', { file }))}\n`);
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
    throw new UserError(ERRORS.message('error.lint-command.cannot-read', { file, value: (error as NodeJS.ErrnoException).code ?? 'error' }));
  }
  // A named file may be a link, but it must end at a regular file of sane size: a FIFO or a device
  // (/dev/zero) would hang or never end.
  const content = readRegularFile(real, file, LINT_LIMIT);
  if (content.includes('\u0000') || (content.match(/\uFFFD/g)?.length ?? 0) > content.length / 100) {
    throw new UserError(ERRORS.message('error.lint-command.dockerfile-holds-binary', { file }));
  }
  return content;
}
