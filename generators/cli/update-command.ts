import { join, resolve } from 'node:path';
import { assertDirectory, takeSnapshot } from '../core/detect/snapshot.js';
import { UsageError, UserError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/package-root.js';
import { readProjectFile } from '../core/read-gate.js';
import { moveImages } from '../core/regenerate/image-update.js';
import { outcomeOf } from '../core/regenerate/outcome.js';
import { outcomeDiff } from '../core/regenerate/unified-diff.js';
import { PIPELINE } from '../pipeline/index.js';
import { writeAtomically } from '../util/atomic-write.js';
import { templatesDir } from '../util/package-root.js';
import { choicesFrom, parseCliArgs } from './args.js';
import { renovateConfig, RENOVATE_FILE } from './renovate.js';
import { choicesToSave, SAVED_FILE, savedStateText } from './saved-choices.js';
import { runChoices, withPinnedDigests } from './run-choices.js';
import { writeOwnFile } from './saved-state.js';
import { terminalLine, writeError, writeOut, type CliStreams } from './streams.js';
import { templateOverrideDirs } from '../util/template-dirs.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { cliText } from './messages.js';

/**
 * `create-dockerfile update [dir] [--pin-digests] [--renovate] [--diff]`: the Dockerfile's base
 * images moved to what a regeneration with the saved choices writes (the newest tags the project's
 * versions allow, and with --pin-digests the digests the engine knows), as a diff; nothing else of
 * the file changes, so the user's edits and any other pending regeneration stay theirs.
 */
export async function runUpdate(argv: readonly string[], streams: CliStreams): Promise<number> {
  const renovate = argv.includes('--renovate');
  const parsed = parseCliArgs([...argv.filter((arg) => arg !== '--renovate'), '--yes']);
  const unsupported = ['--services', '--compose', '--bake', '--verify', '--check', '--json', '--dry-run'].find((flag) => argv.includes(flag));
  if (unsupported) throw new UsageError(ERRORS.message('error.update-command.update-moves-base', { unsupported }));
  const dir = resolve(parsed.dir);
  assertDirectory(dir);
  const log = (line: string) => writeError(streams, `${terminalLine(line)}\n`);
  const { cli, state } = runChoices(dir, parsed, (line) => writeError(streams, `${line}\n`));

  const current = readProjectFile(dir, 'Dockerfile');
  if (current === undefined) throw new UserError(ERRORS.message('error.update-command.dockerfile-update-here'));
  const facts = PIPELINE.detect(takeSnapshot(dir), { language: cli.language, workspace: cli.workspace, start: cli.start });
  let choices = choicesFrom(cli);
  if (cli.pinDigests) choices = await withPinnedDigests(facts, choices, log, cli.explain ?? 'en');
  const regenerated = PIPELINE.generate(facts, choices, {
    templatesDir,
    overrideDirs: templateOverrideDirs(dir, cli.templates, cli.projectTemplates),
    explain: cli.explain,
  }).files.find((file) => file.path === 'Dockerfile')!.content;

  const moved = moveImages(current, regenerated);
  const locale = cli.explain ?? 'en';
  if (moved.moves.length === 0) log(cliText(locale, 'cli.update.none'));
  else writeOut(streams, outcomeDiff(outcomeOf('Dockerfile', current, current, moved.text, false)));
  for (const move of moved.moves) log(cliText(locale, 'cli.update.move', { from: move.from, to: move.to }));
  if (cli.diff) return 0;

  if (moved.moves.length > 0) writeAtomically(join(dir, 'Dockerfile'), moved.text);
  // The merge base moves with the file, so the next regeneration sees no edit of those lines.
  const generated = { ...(state?.generated ?? {}) };
  if (generated.Dockerfile !== undefined) generated.Dockerfile = moveImages(generated.Dockerfile, regenerated).text;
  const savedText = savedStateText(choicesToSave({ ...cli, digests: choices.digests }), generated, TOOL_VERSION);
  if (state !== undefined || cli.pinDigests) writeOwnFile(dir, SAVED_FILE, savedText, log);
  if (renovate) writeRenovate(dir, cli.force, log);
  return 0;
}

/** renovate.json is the user's once written: a differing one is left alone unless --force. */
function writeRenovate(dir: string, force: boolean, log: (line: string) => void): void {
  const text = renovateConfig();
  const existing = readProjectFile(dir, RENOVATE_FILE);
  if (existing !== undefined && existing !== text && !force)
    throw new UserError(ERRORS.message('error.update-command.already-exists-differs', { renovateFile: RENOVATE_FILE }));
  writeOwnFile(dir, RENOVATE_FILE, text, log);
}
