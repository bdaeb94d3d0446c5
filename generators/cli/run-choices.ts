import { resolve } from 'node:path';
import type { Choices } from '../core/types.js';
import type { Facts } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';
import type { CliOptions } from './args.js';
import { caCertOf, fromEnvironment } from './ca-cert.js';
import { withCustomFiles } from './custom-files.js';
import { loadDocker } from './parts.js';
import { readSavedState, withSavedChoices, type SavedChoices, type SavedState } from './saved-choices.js';
import { cliText } from './messages.js';
import type { Locale } from '../core/explain/messages.js';

/**
 * The choices a run in `dir` takes, for every command that generates (the main run, `update`): the
 * command line over the saved choices, the CA bundle (a saved one as saved: the machine that runs
 * --check in CI need not have the file, and its environment must not add one), and the files the
 * customisations name, read through the project gate.
 */
export function runChoices(dir: string, parsed: CliOptions, say: (line: string) => void): { cli: CliOptions; state?: SavedState } {
  const state = readSavedState(dir);
  const savedCa = !parsed.reset && state?.choices.caCert !== undefined && !parsed.given.has('caCert');
  const merged = withSavedChoices(parsed, state?.choices);
  const cli = withCustomFiles(dir, savedCa ? merged : { ...merged, caCert: caCertOf(merged, process.env) });
  if (savedCa) saySavedCa(state.choices.caCert, say);
  return { cli, state };
}

/** A saved CA choice that differs from what this environment names wins, and says so: never a silent override. */
function saySavedCa(saved: SavedChoices['caCert'], say: (line: string) => void): void {
  const named = fromEnvironment(process.env);
  const savedPath = saved === false || saved === undefined ? undefined : saved.path;
  if (named === undefined || (savedPath !== undefined && resolve(named.path) === savedPath)) return;
  say(
    `create-dockerfile: ${named.from} names ${named.path}, but the saved choices ${savedPath === undefined ? 'pass no CA bundle' : `pass ${savedPath}`}; --ca-cert FILE or --no-ca-cert settles it`,
  );
}

/**
 * --pin-digests: each base image's digest as the engine knows it now (the one step that asks the
 * engine something, so docker's client code loads only for it); an image it no longer knows keeps
 * its saved digest, and one with neither is said.
 */
export async function withPinnedDigests(facts: Facts, choices: Choices, log: (line: string) => void, locale: Locale = 'en'): Promise<Choices> {
  const { knownDigests } = await loadDocker();
  const images = PIPELINE.baseImages(facts, choices);
  const known = await knownDigests(images);
  for (const image of images.filter((candidate) => known[candidate] === undefined && choices.digests?.[candidate] === undefined))
    log(cliText(locale, 'cli.digest.unknown', { image, image2: image }));
  return { ...choices, digests: { ...choices.digests, ...known } };
}
