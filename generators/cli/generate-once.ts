import { withPinnedDigests } from './run-choices.js';
import { takeSnapshot } from '../core/detect/snapshot.js';
import type { GenerationResult } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';
import { templatesDir } from '../util/package-root.js';
import { projectTemplates, projectTemplatesNote, templateOverrideDirs } from '../util/template-dirs.js';
import { choicesFrom, type CliOptions } from './args.js';
import { dryRunText, jsonText, summaryLines } from './report.js';
import type { SavedState } from './saved-choices.js';
import { saveState } from './saved-state.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';
import { writeFiles, type WriteMode } from './write-files.js';

export const writeModeOf = (cli: CliOptions): WriteMode => (cli.check ? 'check' : cli.diff ? 'diff' : 'write');

/**
 * The whole run when nothing will be asked (--yes, or stdin is no terminal): the pure pipeline, then
 * the files. Prompts, yeoman and the conflict menu are never loaded on this path, so it starts fast.
 */
export async function generateOnce(
  cwd: string,
  cli: CliOptions,
  streams: CliStreams,
  snapshot = takeSnapshot(cwd),
  state?: SavedState,
): Promise<GenerationResult> {
  const facts = PIPELINE.detect(snapshot, { language: cli.language, workspace: cli.workspace, start: cli.start });
  let choices = choicesFrom(cli);
  // stdout carries only --json, --dry-run, --diff or --check output; what the run says goes to stderr.
  const log = (line: string) => writeError(streams, `${terminalLine(line)}\n`);
  if (cli.pinDigests) choices = await withPinnedDigests(facts, choices, log, cli.explain ?? 'en');
  // Nothing to ask here, so the project's own templates are used only when a flag says so, and always said.
  const found = projectTemplates(cwd);
  const overrideDirs = templateOverrideDirs(cwd, cli.templates, cli.projectTemplates && found.length > 0);
  if (found.length > 0) log(projectTemplatesNote(found, cli.projectTemplates));
  const result = PIPELINE.generate(facts, choices, { templatesDir, overrideDirs, explain: cli.explain });
  if (cli.json) writeOut(streams, jsonText(result));
  else if (cli.dryRun) writeOut(streams, dryRunText(result.files));
  else {
    const mode = writeModeOf(cli);
    writeFiles(cwd, result.files, { force: cli.force, mode, base: state?.generated, show: (text) => writeOut(streams, text), locale: cli.explain }, log);
    if (mode !== 'write') return result;
    saveState(cwd, { ...cli, digests: choices.digests }, result.files, log);
  }
  for (const line of summaryLines(result, cli.explain)) log(line);
  return result;
}
