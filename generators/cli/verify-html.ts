import { basename } from 'node:path';
import type { Locale } from '../core/explain/messages.js';
import { VERIFY_MESSAGES } from '../core/explain/verify-messages.js';
import { docker } from '../verify/docker.js';
import { htmlReport, type ReportData, type ReportStep } from '../verify/html-report.js';
import type { ReportContext } from '../verify/verify-project.js';
import { sayVerify, type VerifyReport } from '../verify/verify-report.js';
import { reportDate, reportFindings, startupChecks } from './report-checks.js';
import { writeReportFile } from './report-file.js';
import { terminalLine, writeError, type CliStreams } from './streams.js';

export interface VerifyReportInput extends ReportContext {
  readonly report: VerifyReport;
  readonly locale: Locale;
  /** The project's folder, which names the report. */
  readonly dir: string;
}

/** verify's and --compare's report as the HTML report shows it: the same sizes, the final image's layers, lint and run checks. */
export function verifyReportData(input: VerifyReportInput, dockerVersion: string): ReportData {
  const { report, locale } = input;
  const text = (id: Parameters<typeof VERIFY_MESSAGES.text>[1]) => VERIFY_MESSAGES.text(locale, id);
  const starts = report.checks.find((check) => check.name.id === 'check.starts');
  const run = starts && { ok: starts.ok, summary: sayVerify(locale, starts.detail) };
  const user = input.final?.user ?? '';
  // --compare: the naive image, then the generated one and what it saved; else the final image and its build stage.
  const steps: ReportStep[] = report.comparison
    ? [
        { label: text(report.comparison.naive.label), bytes: report.comparison.naive.bytes },
        { label: text(report.comparison.generated.label), bytes: report.comparison.generated.bytes, before: report.comparison.naive.bytes, user, run },
      ]
    : report.sizes.map((row) =>
        row.label === 'report.size.final' ? { label: text(row.label), bytes: row.bytes, user, run } : { label: text(row.label), bytes: row.bytes },
      );
  return {
    project: basename(input.dir),
    date: reportDate(),
    docker: dockerVersion,
    steps,
    layers: report.layers,
    findings: reportFindings(input.dockerfile, locale),
    checks: [
      ...report.checks.map((check) => ({ name: sayVerify(locale, check.name), ok: check.ok, detail: sayVerify(locale, check.detail) })),
      ...(input.final ? startupChecks(locale, user, input.final, false) : []),
    ],
  };
}

/** The engine's version, as the report's header names it. */
export async function engineVersion(): Promise<string> {
  const version = await docker(['version', '--format', '{{.Server.Version}}'], { reject: false });
  return String(version.stdout).trim() || '?';
}

/** Writes the HTML report and says where, in the report's language. */
export function saveReport(path: string, html: string, locale: Locale, streams: CliStreams): void {
  writeReportFile(path, html);
  writeError(streams, `${terminalLine(VERIFY_MESSAGES.text(locale, 'log.report', { file: path }))}\n`);
}

/** Writes `verify --report FILE.html`. */
export async function writeVerifyReport(path: string, input: VerifyReportInput, streams: CliStreams): Promise<void> {
  saveReport(path, htmlReport(verifyReportData(input, await engineVersion()), input.locale), input.locale, streams);
}
