import type { CliOptions } from '../../generators/cli/args.js';

/** The options the CLI would parse from no flags at all, with some set: for driving the generator directly. */
export const cliOptions = (overrides: Partial<CliOptions> = {}): CliOptions => ({
  dir: '.',
  yes: false,
  dryRun: false,
  json: false,
  force: false,
  portable: false,
  pinDigests: false,
  noCaCert: false,
  compose: false,
  bake: false,
  templates: undefined,
  projectTemplates: false,
  verify: false,
  fix: false,
  compare: false,
  keep: false,
  check: false,
  diff: false,
  reset: false,
  given: new Set(Object.keys(overrides)),
  help: false,
  version: false,
  ...overrides,
});
