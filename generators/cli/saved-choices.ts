import * as v from 'valibot';
import { UsageError, UserError } from '../core/errors.js';
import { LOCALES } from '../core/explain/messages.js';
import { readProjectFile } from '../core/read-gate.js';
import { checked, plain } from '../core/schema.js';
import { CI_KINDS, FRAGMENT_POINTS, PLATFORMS, RUNTIMES } from '../core/types.js';
import { LANGUAGE_IDS } from '../languages/registry.js';
import { debianPackages, writableFolders, type CliOptions } from './args.js';
import { commandWords, copyChoice, fragmentChoice, namedValue, userId } from './custom-args.js';
import { ERRORS } from '../core/explain/error-messages.js';

/** The project's record of this tool's choices and of the files it last generated (the merge base). */
export const SAVED_FILE = '.create-dockerfile.json';
export const SAVED_FORMAT = 1;

/**
 * The choices a run saves, by CliOptions key, in the order the file lists them: every flag that
 * changes what is written. Flags of the run itself (--force, --verify, --dry-run) are not choices.
 */
export const SAVED_KEYS = [
  'language',
  'workspace',
  'main',
  'start',
  'services',
  'compose',
  'bake',
  'runtime',
  'port',
  'portable',
  'probe',
  'registry',
  'caCert',
  'digests',
  'explain',
  'templates',
  'projectTemplates',
  'nodeVersion',
  'buildPackages',
  'runtimePackages',
  'writable',
  'buildArgs',
  'env',
  'fragments',
  'copies',
  'entrypoint',
  'cmd',
  'userId',
  'platforms',
  'ci',
] as const satisfies readonly (keyof CliOptions)[];

export type SavedKey = (typeof SAVED_KEYS)[number];
export type SavedChoices = { readonly [K in SavedKey]?: CliOptions[K] | (K extends 'caCert' ? false : never) };

export interface SavedState {
  readonly choices: SavedChoices;
  /** Each generated file's text as this tool last wrote it, by path: the base of the three-way merge. */
  readonly generated: Readonly<Record<string, string>>;
  /** The version that wrote it. */
  readonly tool: string;
}

const text = v.string();
const words = v.array(v.string());
const named = v.array(plain(v.object({ name: v.string(), value: v.optional(v.string()) })));

/** Types first (valibot); then each value goes through the very parser its flag uses, so a file can hold nothing a flag could not. */
const CHOICES = plain(
  v.strictObject({
    language: v.optional(v.picklist(LANGUAGE_IDS)),
    workspace: v.optional(text),
    main: v.optional(text),
    start: v.optional(text),
    services: v.optional(words),
    compose: v.optional(v.boolean()),
    bake: v.optional(v.boolean()),
    runtime: v.optional(v.picklist(RUNTIMES)),
    port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))),
    portable: v.optional(v.boolean()),
    probe: v.optional(v.boolean()),
    registry: v.optional(text),
    caCert: v.optional(v.union([v.literal(false), plain(v.strictObject({ path: text, from: text }))])),
    digests: v.optional(v.record(v.string(), v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)))),
    explain: v.optional(v.picklist(LOCALES)),
    templates: v.optional(text),
    projectTemplates: v.optional(v.boolean()),
    nodeVersion: v.optional(v.pipe(v.string(), v.regex(/^\d{2}$/))),
    buildPackages: v.optional(words),
    runtimePackages: v.optional(words),
    writable: v.optional(words),
    buildArgs: v.optional(named),
    env: v.optional(named),
    fragments: v.optional(v.array(plain(v.strictObject({ point: v.picklist(FRAGMENT_POINTS), file: text })))),
    copies: v.optional(v.array(plain(v.strictObject({ source: text, target: text })))),
    entrypoint: v.optional(words),
    cmd: v.optional(words),
    userId: v.optional(v.number()),
    platforms: v.optional(v.array(v.picklist(PLATFORMS))),
    ci: v.optional(v.picklist(CI_KINDS)),
  }),
);

const FILE = plain(
  v.object({
    version: v.literal(SAVED_FORMAT),
    tool: v.string(),
    choices: CHOICES,
    generated: plain(v.record(v.string(), v.string())),
  }),
);

/** Re-parses each value with its flag's own parser; the first refusal names the field. */
const REPARSE: { readonly [K in SavedKey]?: (value: never) => unknown } = {
  buildPackages: (value: string[]) => debianPackages(value.join(','), 'buildPackages'),
  runtimePackages: (value: string[]) => debianPackages(value.join(','), 'runtimePackages'),
  writable: (value: string[]) => writableFolders(value.join(',')),
  buildArgs: (value: { name: string; value?: string }[]) =>
    value.map((arg) => namedValue('--build-arg', arg.value === undefined ? arg.name : `${arg.name}=${arg.value}`)),
  env: (value: { name: string; value?: string }[]) => value.map((entry) => namedValue('--env', `${entry.name}=${entry.value ?? ''}`)),
  fragments: (value: { point: string; file: string }[]) => value.map((fragment) => fragmentChoice(`${fragment.point}=${fragment.file}`)),
  copies: (value: { source: string; target: string }[]) => value.map((copy) => copyChoice(`${copy.source}:${copy.target}`)),
  entrypoint: (value: string[]) => commandWords('--entrypoint', value.map(quoteWord).join(' ')),
  cmd: (value: string[]) => commandWords('--cmd', value.map(quoteWord).join(' ')),
  userId: (value: number) => userId(String(value)),
};

const quoteWord = (word: string) => `'${word.replace(/'/g, `'"'"'`)}'`;

/** The saved state, or undefined when the project has none; a broken or hostile file is one line naming the field. */
export function readSavedState(dir: string): SavedState | undefined {
  const raw = readProjectFile(dir, SAVED_FILE);
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UserError(ERRORS.message('error.saved-choices.valid-json-fix', { savedFile: SAVED_FILE, value: (error as Error).message.split('\n')[0] ?? '' }));
  }
  const file = checked(FILE, json, SAVED_FILE);
  for (const [key, reparse] of Object.entries(REPARSE) as [SavedKey, (value: never) => unknown][]) {
    const value = file.choices[key];
    if (value === undefined) continue;
    try {
      reparse(value as never);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw new UserError(ERRORS.message('error.saved-choices.choices-refused', { savedFile: SAVED_FILE, key, message: error.message }));
    }
  }
  // The paths are only looked up (the merge base of the file generated at that path), never opened.
  for (const path of Object.keys(file.generated))
    if (path.startsWith('/') || path.split('/').includes('..'))
      throw new UserError(ERRORS.message('error.saved-choices.generated-names-which', { savedFile: SAVED_FILE, path: JSON.stringify(path) }));
  return { choices: file.choices, generated: file.generated, tool: file.tool };
}

/** The choices a run takes: each flag the command line named, else the saved one, else the flag's default. */
export function withSavedChoices(cli: CliOptions, saved: SavedChoices | undefined): CliOptions {
  if (saved === undefined || cli.reset) return cli;
  const merged: Record<string, unknown> = { ...cli };
  for (const key of SAVED_KEYS) {
    if (cli.given.has(key) || saved[key] === undefined) continue;
    merged[key] = key === 'caCert' && saved.caCert === false ? undefined : saved[key];
    if (key === 'caCert' && saved.caCert === false) merged.noCaCert = true;
  }
  return merged as unknown as CliOptions;
}

/** What the run chose, to save: every key with a value, in SAVED_KEYS order; no CA is saved as false, so a later machine's environment does not add one. */
export function choicesToSave(cli: CliOptions): SavedChoices {
  const saved: Record<string, unknown> = {};
  for (const key of SAVED_KEYS) {
    const value = key === 'caCert' ? (cli.caCert ?? false) : cli[key];
    // false is the default of the on/off flags, but a choice for --probe (--no-probe, over compose's default on).
    if (value === undefined || (value === false && key !== 'probe') || (Array.isArray(value) && value.length === 0)) {
      if (key === 'caCert') saved.caCert = false;
      continue;
    }
    saved[key] = key === 'fragments' ? (value as { point: string; file: string }[]).map(({ point, file }) => ({ point, file })) : value;
  }
  return saved;
}

export function savedStateText(choices: SavedChoices, generated: Readonly<Record<string, string>>, tool: string): string {
  const file = {
    $comment:
      'Written by create-dockerfile: the choices it made for this project and the files it last generated. Rerun `npx create-dockerfile` to regenerate (your edits are kept), `npx create-dockerfile --check` in CI.',
    version: SAVED_FORMAT,
    tool,
    choices,
    generated: Object.fromEntries(Object.entries(generated).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
