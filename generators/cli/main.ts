import { loadInteractive, loadVerifyCommand } from './parts.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertDirectory, takeSnapshot } from '../core/detect/snapshot.js';
import { isKnownError, isUsageError } from '../core/errors.js';
import { ERRORS, type ErrorMessageId } from '../core/explain/error-messages.js';
import { LOCALES, type Locale } from '../core/explain/messages.js';
import { packageRoot } from '../util/package-root.js';
import { parseCliArgs } from './args.js';
import type { SavedState } from './saved-choices.js';
import { runChoices } from './run-choices.js';
import { generateOnce } from './generate-once.js';
import { chooseServices, generateServicesOnce, wantsServices } from './generate-services.js';
import { USAGE } from './help.js';
import { runLint } from './lint-command.js';
import { cliText } from './messages.js';
import { PROCESS_STREAMS, writeError, type CliStreams } from './streams.js';

/** Runs the CLI and returns its exit code; never throws for user-facing problems. */
export async function main(argv: readonly string[], streams: CliStreams = PROCESS_STREAMS): Promise<number> {
  // Errors speak the language the command line asks for (--explain fr, --lang fr), even one it refuses.
  const locale = requestedLocale(argv);
  const say = (id: ErrorMessageId, args?: Parameters<typeof ERRORS.text>[2]) => ERRORS.text(locale, id, args);
  const fail = (error: unknown): number => {
    // Ctrl-C at a prompt: inquirer rejects, and since files are written only after the last prompt,
    // nothing has been written yet.
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      writeError(streams, `create-dockerfile: ${say('error.cli.cancelled')}\n`);
      return 130;
    }
    // The file system said no (a read-only folder, a full disk): the user's to fix, in one line.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code && ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes(code)) {
      const { path, syscall } = error as NodeJS.ErrnoException;
      const writing = path?.endsWith('.tmp') || ['rename', 'mkdir', 'write', 'unlink', 'copyfile'].includes(syscall ?? '');
      const shown = path?.replace(/\.[0-9a-f]{12}\.tmp$/, '') ?? say('error.cli.a-file');
      writeError(streams, `create-dockerfile: ${say(writing ? 'error.cli.cannot-write' : 'error.cli.cannot-access', { path: shown, code })}\n`);
      return 1;
    }
    if (!isKnownError(error)) {
      // A bug, not the user's doing: still one line, and the stack only when asked for.
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      const stack = process.env.CREATE_DOCKERFILE_DEBUG === '1' && error instanceof Error ? `\n${error.stack}` : '';
      writeError(streams, `create-dockerfile: ${say('error.cli.internal', { message })}${stack}\n`);
      return 1;
    }
    const hint = isUsageError(error) ? say('error.cli.see-help') : '';
    // One line, always: a message that quotes project text must not break it across lines.
    const text = typeof error.said === 'function' ? error.said(locale) : error.message;
    writeError(streams, `create-dockerfile: ${text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')}${hint}\n`);
    return error.exitCode;
  };

  if (argv[0] === 'verify') {
    try {
      const { runVerifyCommand } = await loadVerifyCommand();
      return await runVerifyCommand(argv.slice(1), streams);
    } catch (error) {
      return fail(error);
    }
  }

  if (argv[0] === 'update') {
    try {
      const { runUpdate } = await import('./update-command.js');
      return await runUpdate(argv.slice(1), streams);
    } catch (error) {
      return fail(error);
    }
  }

  if (argv[0] === 'explain') {
    try {
      const { runExplain } = await import('./explain-command.js');
      return runExplain(argv.slice(1), streams);
    } catch (error) {
      return fail(error);
    }
  }

  if (argv[0] === 'lint') {
    try {
      return runLint(argv.slice(1), streams);
    } catch (error) {
      return fail(error);
    }
  }

  let cli;
  try {
    cli = parseCliArgs(argv);
  } catch (error) {
    return fail(error);
  }
  if (cli.help) return (void streams.stdout.write(USAGE), 0);
  if (cli.version) return (void streams.stdout.write(`${packageVersion()}\n`), 0);

  const cwd = resolve(cli.dir);
  let state: SavedState | undefined;
  try {
    assertDirectory(cwd);
    ({ cli, state } = runChoices(cwd, cli, (line) => writeError(streams, `${line}\n`)));
  } catch (error) {
    return fail(error);
  }

  // With --yes, stdin is never looked at (making process.stdin alone costs a --yes run a third of its time).
  // --check and --diff compare; they never ask.
  const interactive = !cli.yes && !cli.check && !cli.diff && Boolean(streams.stdin.isTTY);
  if (!cli.yes && !interactive && !cli.check && !cli.diff)
    writeError(streams, `${cliText(cli.explain ?? 'en', state ? 'cli.notice.no-tty.saved' : 'cli.notice.no-tty')}\n`);
  if (state && !cli.reset && !cli.json && !cli.dryRun) writeError(streams, `${cliText(cli.explain ?? 'en', 'cli.notice.saved')}\n`);

  try {
    // The interactive stack (yeoman, prompts, the conflict menu) loads only when a prompt will be shown.
    const snapshot = takeSnapshot(cwd);
    if (wantsServices(snapshot, cli)) {
      const picked = interactive && cli.services === undefined ? await chooseServices(snapshot, streams, cli.explain ?? 'en') : undefined;
      const services = generateServicesOnce(cwd, snapshot, picked ? { ...cli, services: picked } : cli, streams, state);
      if (!cli.verify) return 0;
      const { verifyServices } = await loadVerifyCommand();
      return await verifyServices(cwd, services, cli, streams);
    }
    const result = interactive
      ? await (await loadInteractive()).generateInteractively(cwd, cli, streams, state)
      : await generateOnce(cwd, cli, streams, snapshot, state);
    if (!cli.verify) return 0;
    const { verifyWith, verifyAndFix } = await loadVerifyCommand();
    if (!cli.fix || !result) return await verifyWith(cwd, result, cli, streams);
    return await verifyAndFix(cwd, result, cli, streams);
  } catch (error) {
    return fail(unwrap(error));
  }
}

/** yeoman may wrap a task's error; the known error is what the user must see. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && !isKnownError(current) && current.cause) current = current.cause;
  return current;
}

/** The language --explain or --lang asks for, read before the flags are parsed (a refused command line speaks it too). */
export function requestedLocale(argv: readonly string[]): Locale {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const inline = /^--(?:explain|lang)=(.*)$/.exec(arg)?.[1];
    const next = arg === '--explain' || arg === '--lang' ? argv[index + 1] : undefined;
    const value = inline ?? next;
    if (value !== undefined && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  }
  return 'en';
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
