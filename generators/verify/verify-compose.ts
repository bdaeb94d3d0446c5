import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { capped } from './build.js';
import { docker, assertEngine } from './docker.js';
import { formatReport, type Check } from './verify-report.js';
import type { Locale, Message } from '../core/explain/messages.js';
import { decimal } from '../core/explain/numbers.js';
import { VERIFY_MESSAGES, type VerifyMessageId } from '../core/explain/verify-messages.js';
import { ERRORS } from '../core/explain/error-messages.js';

const message = VERIFY_MESSAGES.message;

export interface ComposeVerifyRequest {
  /** The folder compose.yaml is in: the project's root. */
  readonly dir: string;
  readonly file: string;
  readonly keep: boolean;
  readonly locale?: Locale;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A service's state in `docker compose ps --format json` (one object per line since compose 2.21, an array before). */
interface PsEntry {
  readonly Service: string;
  readonly State: string;
  readonly Health: string;
}

const LOG_LINES_SHOWN = 20;

/**
 * The services together, as compose runs them: `up --build --wait` under a project name of its own,
 * then each service must be running, and healthy where it has a health check; `down -v` (and the
 * images it built, unless --keep) afterwards. What a service printed is shown when it fails.
 */
export async function verifyCompose(request: ComposeVerifyRequest): Promise<number> {
  await assertEngine();
  if ((await docker(['compose', 'version'], { reject: false })).exitCode !== 0)
    throw new UserError(ERRORS.message('error.verify-compose.docker-compose-installed'));
  const project = `cdf-verify-${randomBytes(4).toString('hex')}`;
  const compose = (args: readonly string[]) => docker(['compose', '-p', project, '-f', request.file, ...args], { cwd: request.dir, reject: false, all: true });
  const say = (line: string) => request.stderr.write(`${line}\n`);
  const locale = request.locale ?? 'en';
  const text = (id: VerifyMessageId, args?: Message['args']) => VERIFY_MESSAGES.text(locale, id, args);
  say(text('compose.start', { project }));
  const started = Date.now();
  try {
    const up = await compose(['up', '--build', '--wait', '--wait-timeout', '600']);
    const seconds = (Date.now() - started) / 1000;
    const checks: Check[] = [
      {
        name: message('compose.up'),
        ok: up.exitCode === 0,
        detail: up.exitCode === 0 ? message('compose.up.ok', { seconds: decimal(seconds, 1, locale) }) : message('compose.up.failed'),
      },
    ];
    const ps = await compose(['ps', '--all', '--format', 'json']);
    for (const entry of psEntries(String(ps.stdout))) {
      const ok = entry.State === 'running' && (entry.Health === '' || entry.Health === 'healthy');
      checks.push({
        name: message('compose.service', { service: entry.Service }),
        ok,
        detail: entry.Health
          ? message('compose.state.health', { state: entry.State, health: entry.Health })
          : message('compose.state.nohealth', { state: entry.State }),
      });
      if (!ok) {
        say(text('compose.logs', { service: entry.Service }));
        const logs = await compose(['logs', '--no-color', '--tail', String(LOG_LINES_SHOWN), entry.Service]);
        for (const line of capped(
          String(logs.all ?? '')
            .trimEnd()
            .split('\n'),
          LOG_LINES_SHOWN,
        ))
          say(line);
      }
    }
    if (up.exitCode !== 0) {
      say('---- compose up ----');
      for (const line of capped(
        String(up.all ?? '')
          .trimEnd()
          .split('\n'),
        LOG_LINES_SHOWN,
      ))
        say(line);
    }
    request.stdout.write(formatReport({ checks, sizes: [], layers: [] }, locale));
    return checks.every((check) => check.ok) ? 0 : 1;
  } finally {
    await compose(['down', '--volumes', '--remove-orphans', ...(request.keep ? [] : ['--rmi', 'local'])]);
    if (request.keep) say(text('compose.kept', { project }));
  }
}

export function psEntries(text: string): PsEntry[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parsed = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split('\n').map((line) => JSON.parse(line) as unknown);
  return parsed.map((value) => {
    const entry = value as Partial<PsEntry>;
    return { Service: String(entry.Service ?? '?'), State: String(entry.State ?? '?'), Health: String(entry.Health ?? '') };
  });
}
