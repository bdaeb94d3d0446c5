import type { Locale } from '../core/explain/messages.js';
import { LADDER_MESSAGES } from '../core/explain/ladder-messages.js';
import { REPORT_MESSAGES } from '../core/explain/report-messages.js';
import type { ReportData, ReportStep } from '../verify/html-report.js';
import type { LadderRow } from '../verify/ladder/run-ladder.js';
import { sayVerify } from '../verify/verify-report.js';
import { reportDate, reportFindings, startupChecks } from './report-checks.js';

/** The ladder's rows as the HTML report shows them: the same numbers as the table, the final image's layers, lint and run checks. */
export function ladderReportData(rows: readonly LadderRow[], locale: Locale, project: string, docker: string): ReportData {
  const text = REPORT_MESSAGES.text;
  const label = (row: LadderRow) => `${row.step.index} ${LADDER_MESSAGES.text(locale, `ladder.step.${row.step.id}`)}`;
  let previous: number | undefined;
  const steps: ReportStep[] = rows.map((row) => {
    if (row.step.skipped) return { label: label(row), skipped: LADDER_MESSAGES.text(locale, row.step.skipped.id, row.step.skipped.args) };
    if (!row.built || row.bytes === undefined) return { label: label(row), skipped: LADDER_MESSAGES.text(locale, 'ladder.build.failed') };
    const before = previous;
    previous = row.bytes;
    return {
      label: label(row),
      bytes: row.bytes,
      layers: row.layers,
      seconds: row.seconds,
      user: row.user || LADDER_MESSAGES.text(locale, 'ladder.root'),
      before,
      run: row.ran && { ok: row.ran.ok, summary: sayVerify(locale, row.ran.summary) },
    };
  });
  const final = rows.find((row) => row.step.id === 'nonroot');
  const dockerfile = final?.step.dockerfile ?? '';
  const checks = final?.final ? startupChecks(locale, final.user ?? '', final.final) : [];
  const runs = rows
    .filter((row) => row.ran)
    .map((row) => ({ name: text(locale, 'report.check.run', { step: label(row) }), ok: row.ran!.ok, detail: sayVerify(locale, row.ran!.summary) }));
  return {
    project,
    date: reportDate(),
    docker,
    steps,
    layers: final?.final?.layers ?? [],
    findings: reportFindings(dockerfile, locale),
    checks: [...checks, ...runs],
  };
}
