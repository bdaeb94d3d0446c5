import { PROMPT_MESSAGES } from '../core/explain/prompt-messages.js';
import type { Locale } from '../core/explain/messages.js';
import { UserError } from '../core/errors.js';
import { loadCheckbox } from './parts.js';
import { join } from 'node:path';
import { writeAtomically } from '../util/atomic-write.js';
import { readProjectFile } from '../core/read-gate.js';
import type { ProjectSnapshot } from '../core/types.js';
import { isWorkspaceRoot, rootIsProject, serviceFolders } from '../services/discover.js';
import { planEnvFile } from '../services/env-file.js';
import { serviceCandidates } from '../services/candidates.js';
import { generateServices, type ServicesResult } from '../services/generate.js';
import { PIPELINE } from '../pipeline/index.js';
import { templatesDir } from '../util/package-root.js';
import { choicesFrom, type CliOptions } from './args.js';
import { dryRunText, summaryLines } from './report.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';
import { writeFiles } from './write-files.js';
import { writeModeOf } from './generate-once.js';
import type { SavedState } from './saved-choices.js';
import { saveState } from './saved-state.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { cliText } from './messages.js';

/**
 * Services mode: asked for (--services, --compose, --bake); a workspace root (go.work, npm/pnpm/yarn
 * workspaces), unless --workspace or --main picks one member; or a root that is no project of its own
 * but holds project folders (web/ in Node, api/ in Go), which would otherwise be "several languages".
 */
export const wantsServices = (snapshot: ProjectSnapshot, cli: CliOptions) =>
  cli.compose ||
  cli.bake ||
  cli.services !== undefined ||
  (cli.language === undefined &&
    cli.workspace === undefined &&
    cli.main === undefined &&
    (isWorkspaceRoot(snapshot, PIPELINE) || (!rootIsProject(snapshot, PIPELINE.languages) && serviceFolders(snapshot, PIPELINE.languages).length > 0)));

/**
 * On a terminal, with no --services: a checkbox of the services found, all ticked. Nothing is written
 * before the answer, so Ctrl-C leaves the tree as it was.
 */
export async function chooseServices(snapshot: ProjectSnapshot, streams: CliStreams, locale: Locale = 'en'): Promise<string[] | undefined> {
  const { candidates } = serviceCandidates(PIPELINE, snapshot);
  if (candidates.length < 2) return undefined;
  const { default: checkbox } = await loadCheckbox();
  return checkbox(
    {
      message: PROMPT_MESSAGES.text(locale, 'prompt.services'),
      choices: candidates.map((candidate) => ({
        name: `${candidate.name}  ${candidate.dir} (${candidate.facts.language})`,
        value: candidate.name,
        checked: true,
      })),
      required: true,
    },
    { input: streams.stdin, output: streams.stderr },
  );
}

export function generateServicesOnce(cwd: string, snapshot: ProjectSnapshot, cli: CliOptions, streams: CliStreams, state?: SavedState): ServicesResult {
  const log = (line: string) => writeError(streams, `${terminalLine(line)}\n`);
  if (cli.ci !== undefined) throw new UserError(ERRORS.message('error.generate-services.ci-writes-workflow'));
  const result = generateServices(
    snapshot,
    choicesFrom(cli),
    { templatesDir, explain: cli.explain },
    { compose: cli.compose, bake: cli.bake, only: cli.services },
  );
  const env = result.compose && result.compose.secrets.length > 0 ? planEnvFile(readProjectFile(cwd, '.env'), result.compose.secrets) : undefined;
  const masked = env?.shown !== undefined ? [{ path: '.env', content: env.shown }] : [];
  if (cli.json)
    writeOut(
      streams,
      `${JSON.stringify(
        {
          services: result.services,
          // Notes and reasons as English sentences, as --json has always shown them.
          skipped: result.skipped.map(({ dir, why }) => ({ dir, why })),
          compose: result.compose && { ...result.compose, notes: result.compose.notes.map((note) => note('en')) },
          files: [...result.files, ...masked],
        },
        null,
        2,
      )}\n`,
    );
  else if (cli.dryRun) writeOut(streams, dryRunText([...result.files, ...masked]));
  else {
    const mode = writeModeOf(cli);
    writeFiles(cwd, result.files, { force: cli.force, mode, base: state?.generated, show: (text) => writeOut(streams, text), locale: cli.explain }, log);
    if (mode !== 'write') return result;
    saveState(cwd, cli, result.files, log);
    // .env is only ever added to, never replaced, so it skips the differing-file refusal.
    if (env?.content !== undefined) {
      // Passwords: a new .env is the user's alone; an existing one keeps its mode (writeAtomically keeps it).
      writeAtomically(join(cwd, '.env'), env.content, { newFileMode: 0o600 });
      log(`${cliText(cli.explain ?? 'en', `cli.status.${env.status!}`).padStart(9)} .env`);
    }
  }
  for (const service of result.services) {
    log(cliText(cli.explain ?? 'en', 'cli.services.service', { name: service.name, dir: service.dir }));
    for (const line of summaryLines(service, cli.explain)) log(`  ${line}`);
  }
  const locale = cli.explain ?? 'en';
  for (const note of result.notes) log(cliText(locale, 'cli.summary.note', { text: note(locale) }));
  if (env?.note) log(cliText(locale, 'cli.summary.note', { text: env.note(locale) }));
  // Beside the user's own compose file, a bare `docker compose up` would run theirs, not ours.
  if (result.composePath !== undefined)
    log(
      result.composePath === 'compose.yaml'
        ? cliText(cli.explain ?? 'en', 'cli.services.compose')
        : cliText(cli.explain ?? 'en', 'cli.services.compose.file', { file: result.composePath }),
    );
  if (cli.bake) log(cliText(cli.explain ?? 'en', 'cli.services.bake'));
  return result;
}
