import { existsSync } from 'node:fs';
import { readRegularFile } from '../core/read-gate.js';
import { UserError } from '../core/errors.js';
import { writeAtomically } from '../util/atomic-write.js';
import { REPORT_MARK } from '../verify/html-report.js';
import { ERRORS } from '../core/explain/error-messages.js';

/** Checked before anything is built: a report that cannot be written should not cost a build first. */
export function assertReportName(path: string): void {
  if (!/\.html?$/i.test(path)) throw new UserError(ERRORS.message('error.report-file.report-writes-html', { path: JSON.stringify(path) }));
  // Read through the gate: a FIFO or a device named as the report is refused, never read.
  if (existsSync(path) && !readRegularFile(path, path, 64 * 1024 * 1024).includes(REPORT_MARK))
    throw new UserError(ERRORS.message('error.report-file.exists-create-dockerfile', { path }));
}

/** Writes the HTML report to `path`; a file there that is not an earlier report of this tool is the user's, and refused. */
export function writeReportFile(path: string, html: string): void {
  assertReportName(path);
  writeAtomically(path, html);
}
