import type { Locale } from '../core/explain/messages.js';
import { REPORT_MESSAGES } from '../core/explain/report-messages.js';
import type { ReportData } from '../verify/html-report.js';
import { runsAsRoot, type Startup } from '../verify/startup.js';
import { lint } from '../core/lint/index.js';
import { sayFinding } from '../core/lint/messages.js';

/** A shell as PID 1 (shell-form CMD or ENTRYPOINT): it does not pass docker stop's SIGTERM on. */
const SHELL_PID1 = /^\/bin\/sh -c\b/;

/**
 * The run checks the report shows for the image the tool generates: its user (unless the caller
 * checked it already, as verify does), what runs as PID 1, its health check.
 */
export function startupChecks(locale: Locale, user: string, startup: Startup, withUser = true): ReportData['checks'] {
  const text = REPORT_MESSAGES.text;
  const shell = SHELL_PID1.test(startup.pid1);
  const userCheck = {
    name: text(locale, 'report.check.user'),
    ok: !runsAsRoot(user),
    detail: text(locale, 'report.check.user.detail', { user: user || 'root' }),
  };
  return [
    ...(withUser ? [userCheck] : []),
    {
      name: text(locale, 'report.check.pid1'),
      ok: !shell,
      detail: text(locale, shell ? 'report.check.pid1.shell' : 'report.check.pid1.exec', { program: startup.pid1 || '?' }),
    },
    {
      name: text(locale, 'report.check.health'),
      ok: true,
      detail: startup.healthcheck ? text(locale, 'report.check.health.declared', { test: startup.healthcheck }) : text(locale, 'report.check.health.none'),
    },
  ];
}

/** The lint findings of the Dockerfile the report is about, said in its language. */
export const reportFindings = (dockerfile: string, locale: Locale): ReportData['findings'] =>
  lint(dockerfile).map((finding) => ({ line: finding.line, rule: finding.rule, text: sayFinding(finding, locale) }));

/** The day the report was measured, as its header gives it. */
export const reportDate = () => new Date().toISOString().slice(0, 10);
