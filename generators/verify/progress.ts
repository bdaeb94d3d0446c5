import type { Locale } from '../core/explain/messages.js';
import { decimal } from '../core/explain/numbers.js';
import { VERIFY_MESSAGES } from '../core/explain/verify-messages.js';

export interface Progress {
  readonly step: (step: string) => void;
  readonly done: (ok: boolean, seconds: number) => void;
}

/**
 * On a terminal, one line redrawn in place with the current build step; elsewhere (CI logs, pipes),
 * one line per step, so the log stays readable and nothing is overwritten.
 */
export function createProgress(label: string, stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, locale: Locale = 'en'): Progress {
  const tty = Boolean(stream.isTTY);
  const width = Math.max(40, (stream.columns ?? 100) - 1);
  let steps = 0;
  if (!tty) stream.write(`${label}...\n`);
  return {
    step: (step) => {
      steps++;
      const line = `${label}: ${step}`;
      if (tty) stream.write(`\r\u001b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      else stream.write(`  ${step}\n`);
    },
    done: (ok, seconds) => {
      const text = VERIFY_MESSAGES.text;
      const counted = steps === 1 ? text(locale, 'progress.steps.one') : text(locale, 'progress.steps.many', { count: steps });
      const line = text(locale, ok ? 'progress.done' : 'progress.failed', { label, seconds: decimal(seconds, 1, locale), steps: counted });
      stream.write(tty ? `\r\u001b[2K${line}\n` : `${line}\n`);
    },
  };
}
