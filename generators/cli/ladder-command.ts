import { basename } from 'node:path';
import type { Locale } from '../core/explain/messages.js';
import type { GenerationResult } from '../languages/registry.js';
import { templatesDir } from '../util/package-root.js';
import { templateOverrideDirs } from '../util/template-dirs.js';
import { ladderTable, runLadder } from '../verify/ladder/run-ladder.js';
import { htmlReport } from '../verify/html-report.js';
import { ladderReportData } from './ladder-report.js';
import { engineVersion, saveReport } from './verify-html.js';
import { ladderSteps } from '../pipeline/ladder-steps.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';
import type { VerifyFlags } from './verify-command.js';

/**
 * `verify --ladder`: the course's steps on the user's own project, each a Dockerfile written into
 * the ladder folder, built, measured and run; one table on stdout. Exits 1 when a step that applies
 * fails to build or to run.
 */
export async function verifyLadder(
  dir: string,
  generation: GenerationResult,
  flags: VerifyFlags & { readonly folder: string; readonly locale: Locale; readonly report?: string },
  streams: CliStreams,
): Promise<number> {
  const steps = ladderSteps({
    facts: generation.facts,
    // The CA bundle verify was given (or the environment's) goes into every step, as generation puts it.
    choices: flags.caCert ? { caCert: flags.caCert } : {},
    render: { templatesDir, overrideDirs: templateOverrideDirs(dir, flags.templates, false) },
    locale: flags.locale,
  });
  const rows = await runLadder({
    dir,
    folder: flags.folder,
    steps,
    imageName: `create-dockerfile-ladder/${generation.plan.imageName}`,
    listensOn: generation.plan.listens ? generation.plan.port : undefined,
    caCert: flags.caCert?.path,
    keep: flags.keep,
    locale: flags.locale,
    log: (line) => writeError(streams, `${terminalLine(line)}\n`),
  });
  for (const line of ladderTable(rows, flags.locale, basename(dir), flags.folder)) writeOut(streams, `${terminalLine(line)}\n`);
  if (flags.report !== undefined)
    saveReport(flags.report, htmlReport(ladderReportData(rows, flags.locale, basename(dir), await engineVersion()), flags.locale), flags.locale, streams);
  const failed = rows.some((row) => !row.step.skipped && (!row.built || !row.ran?.ok));
  return failed ? 1 : 0;
}
