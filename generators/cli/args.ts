import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
import { CI_KINDS, PLATFORMS, RUNTIMES, type CaCertChoice, type Choices, type Platform, type Runtime } from '../core/types.js';
import { commandWords, copyChoice, fragmentChoice, namedValues, userId } from './custom-args.js';
import { LANGUAGE_IDS, type Language } from '../languages/registry.js';
import { LOCALES, type Locale } from '../core/explain/messages.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { parseArgsError } from './parse-args-error.js';

/** The customisation flags (--runtime-packages, --build-arg, --env, --fragment, --copy, --cmd, --entrypoint, --user-id) and saved digests: the choices' own fields. */
type CustomisationFlags = Pick<
  Choices,
  'runtimePackages' | 'buildArgs' | 'env' | 'fragments' | 'copies' | 'cmd' | 'entrypoint' | 'userId' | 'digests' | 'platforms' | 'ci'
>;

export interface CliOptions extends CustomisationFlags {
  readonly dir: string;
  readonly yes: boolean;
  readonly language?: Language;
  readonly runtime?: Runtime;
  readonly port?: number;
  readonly main?: string;
  readonly workspace?: string;
  /** Several services: the ones to build (names or folders), compose.yaml, docker-bake.hcl. */
  readonly services?: readonly string[];
  readonly compose: boolean;
  readonly bake: boolean;
  /** Node: the command that starts the app, over what scripts.start says. */
  readonly start?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly force: boolean;
  readonly portable: boolean;
  /** Go and C: a health probe in the image; on by default under --compose (--no-probe turns it off). */
  readonly probe?: boolean;
  readonly registry?: string;
  /** --ca-cert FILE, or the bundle the environment names (resolved by caCertOf, not by the parser). */
  readonly caCert?: CaCertChoice;
  /** --no-ca-cert: the environment's CA bundle is not passed. */
  readonly noCaCert: boolean;
  readonly pinDigests: boolean;
  readonly templates?: string;
  /** Use the project's own .create-dockerfile/templates without asking (they are code from the repository). */
  readonly projectTemplates: boolean;
  readonly explain?: Locale;
  readonly verify: boolean;
  /** With --verify: apply what the run observed (ports, writable folders, build packages) and verify again. */
  readonly fix: boolean;
  /** Debian packages the build stage installs besides the detected ones (--build-packages). */
  readonly buildPackages?: readonly string[];
  /** Folders, relative to the app, the runtime user must be able to write (--writable). */
  readonly writable?: readonly string[];
  /** Node: the line over the detected one (--node-version 24). */
  readonly nodeVersion?: string;
  /** Exit 1, printing the diff, when regenerating would change a file; writes nothing. */
  readonly check: boolean;
  /** Print what regenerating would change; writes nothing. */
  readonly diff: boolean;
  /** Ignore .create-dockerfile.json's saved choices (the new ones are still saved). */
  readonly reset: boolean;
  /** The options the command line named, by CliOptions key: they override saved choices. */
  readonly given: ReadonlySet<string>;
  readonly compare: boolean;
  readonly keep: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** The flags' answers to what the prompts would ask. */
export const choicesFrom = (cli: CliOptions): Choices => ({
  runtime: cli.runtime,
  port: cli.port,
  main: cli.main,
  portable: cli.portable,
  registry: cli.registry,
  probe: cli.probe,
  caCert: cli.caCert,
  buildPackages: cli.buildPackages,
  writable: cli.writable,
  nodeVersion: cli.nodeVersion,
  runtimePackages: cli.runtimePackages,
  buildArgs: cli.buildArgs,
  env: cli.env,
  fragments: cli.fragments,
  copies: cli.copies,
  cmd: cli.cmd,
  entrypoint: cli.entrypoint,
  userId: cli.userId,
  digests: cli.digests,
  platforms: cli.platforms,
  ci: cli.ci,
});

/** Every option parseArgs takes; the CliOptions fields come from them in parseCliArgs. */
const OPTIONS = {
  yes: { type: 'boolean', short: 'y', default: false },
  language: { type: 'string' },
  runtime: { type: 'string' },
  port: { type: 'string' },
  main: { type: 'string' },
  workspace: { type: 'string' },
  services: { type: 'string' },
  compose: { type: 'boolean', default: false },
  bake: { type: 'boolean', default: false },
  start: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  portable: { type: 'boolean', default: false },
  probe: { type: 'boolean' },
  'no-probe': { type: 'boolean' },
  // Saved choices that are on can be turned off again (the flags' own defaults are off).
  'no-compose': { type: 'boolean', default: false },
  'no-bake': { type: 'boolean', default: false },
  'no-portable': { type: 'boolean', default: false },
  'no-project-templates': { type: 'boolean', default: false },
  registry: { type: 'string' },
  'ca-cert': { type: 'string' },
  'no-ca-cert': { type: 'boolean', default: false },
  'pin-digests': { type: 'boolean', default: false },
  templates: { type: 'string' },
  'project-templates': { type: 'boolean', default: false },
  explain: { type: 'string' },
  verify: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'build-packages': { type: 'string' },
  writable: { type: 'string' },
  'node-version': { type: 'string' },
  'runtime-packages': { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  env: { type: 'string', multiple: true },
  fragment: { type: 'string', multiple: true },
  copy: { type: 'string', multiple: true },
  cmd: { type: 'string' },
  entrypoint: { type: 'string' },
  'user-id': { type: 'string' },
  platform: { type: 'string' },
  'no-platform': { type: 'boolean', default: false },
  ci: { type: 'string' },
  'no-ci': { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  diff: { type: 'boolean', default: false },
  reset: { type: 'boolean', default: false },
  compare: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: optionalExplainValue(argv),
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw parseArgsError(error);
  }
  const { values, positionals, tokens } = parsed;
  const given = new Set(tokens.flatMap((token) => (token.kind === 'option' ? [optionKey(token.name)] : [])));
  if ((values.check || values.diff) && (values.verify || values['dry-run'] || values.json || values.force))
    throw new UsageError(ERRORS.message('error.args.only-compares-cannot', { value: values.check ? 'check' : 'diff' }));
  if (values.check && values.diff) throw new UsageError(ERRORS.message('error.args.check-already-prints'));
  if (values.verify && (values['dry-run'] || values.json)) throw new UsageError(ERRORS.message('error.args.verify-builds-files'));
  if (!values.verify && (values.compare || values.keep))
    throw new UsageError(
      ERRORS.message('error.args.goes-verify-use', { value: values.compare ? 'compare' : 'keep', value2: values.compare ? 'compare' : 'keep' }),
    );
  if (values.fix && !values.verify) throw new UsageError(ERRORS.message('error.args.fix-corrects-what'));
  if (values.probe && values['no-probe']) throw new UsageError(ERRORS.message('error.args.probe-probe-contradict'));
  const flip = (['compose', 'bake', 'portable', 'project-templates'] as const).find((name) => values[name] && values[`no-${name}`]);
  if (flip) throw new UsageError(ERRORS.message('error.args.contradict-each-other', { flip, flip2: flip }));
  if (values.platform !== undefined && values['no-platform']) throw new UsageError(ERRORS.message('error.args.platform-platform-contradict'));
  if (values.ci !== undefined && values['no-ci']) throw new UsageError(ERRORS.message('error.args.ci-ci-contradict'));
  if (values.platform !== undefined && values.portable) throw new UsageError(ERRORS.message('error.args.platform-builds-buildx'));
  if (values['ca-cert'] !== undefined && values['no-ca-cert']) throw new UsageError(ERRORS.message('error.args.ca-cert-ca'));
  if (values['ca-cert'] !== undefined && values.portable) throw new UsageError(ERRORS.message('error.args.ca-cert-passes'));
  if (positionals.length > 1)
    throw new UsageError(ERRORS.message('error.args.expected-most-one', { length: positionals.length, value: positionals.join(' ') }));
  return {
    dir: positionals[0] ?? '.',
    yes: values.yes,
    language: oneOf('--language', values.language, LANGUAGE_IDS),
    runtime: oneOf('--runtime', values.runtime, RUNTIMES),
    port: values.port === undefined ? undefined : portNumber(values.port),
    main: values.main,
    workspace: values.workspace,
    services: values.services === undefined ? undefined : serviceList(values.services),
    compose: values.compose && !values['no-compose'],
    bake: values.bake && !values['no-bake'],
    start: values.start,
    dryRun: values['dry-run'],
    json: values.json,
    force: values.force,
    portable: values.portable && !values['no-portable'],
    probe: values.probe ? true : values['no-probe'] ? false : undefined,
    registry: values.registry,
    caCert: values['ca-cert'] === undefined ? undefined : { path: values['ca-cert'], from: '--ca-cert' },
    noCaCert: values['no-ca-cert'],
    pinDigests: values['pin-digests'],
    templates: values.templates,
    projectTemplates: values['project-templates'] && !values['no-project-templates'],
    explain: oneOf('--explain', values.explain, LOCALES),
    verify: values.verify,
    fix: values.fix,
    buildPackages: values['build-packages'] === undefined ? undefined : debianPackages(values['build-packages']),
    writable: values.writable === undefined ? undefined : writableFolders(values.writable),
    nodeVersion: values['node-version'] === undefined ? undefined : nodeLine(values['node-version']),
    runtimePackages: values['runtime-packages'] === undefined ? undefined : debianPackages(values['runtime-packages'], '--runtime-packages'),
    buildArgs: values['build-arg'] === undefined ? undefined : namedValues('--build-arg', values['build-arg']),
    env: values.env === undefined ? undefined : namedValues('--env', values.env),
    fragments: values.fragment?.map(fragmentChoice),
    copies: values.copy?.map(copyChoice),
    cmd: values.cmd === undefined ? undefined : commandWords('--cmd', values.cmd),
    entrypoint: values.entrypoint === undefined ? undefined : commandWords('--entrypoint', values.entrypoint),
    userId: values['user-id'] === undefined ? undefined : userId(values['user-id']),
    platforms: values.platform === undefined || values['no-platform'] ? undefined : platformList(values.platform),
    ci: values['no-ci'] ? undefined : oneOf('--ci', values.ci, CI_KINDS),
    check: values.check,
    diff: values.diff,
    reset: values.reset,
    given,
    compare: values.compare,
    keep: values.keep,
    help: values.help,
    version: values.version,
  };
}

/** The CliOptions key an option sets: --no-probe answers probe, --no-ca-cert and --ca-cert the CA. */
function optionKey(name: string): string {
  if (name === 'no-probe') return 'probe';
  if (['no-compose', 'no-bake', 'no-portable', 'no-project-templates'].includes(name)) return optionKey(name.slice(3));
  if (name === 'no-ca-cert' || name === 'ca-cert') return 'caCert';
  if (name === 'build-arg') return 'buildArgs';
  if (name === 'fragment') return 'fragments';
  if (name === 'copy') return 'copies';
  if (name === 'pin-digests') return 'digests';
  if (name === 'platform' || name === 'no-platform') return 'platforms';
  if (name === 'no-ci') return 'ci';
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `--explain` alone means English: parseArgs has no optional values, so supply it. */
function optionalExplainValue(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) => (arg === '--explain' && !(LOCALES as readonly string[]).includes(argv[index + 1] ?? '') ? ['--explain=en'] : [arg]));
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(ERRORS.message('error.args.must-one-got', { flag, value: allowed.join(', '), value2: JSON.stringify(value) }));
  return value as T;
}

function serviceList(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(ERRORS.message('error.args.services-needs-least'));
  return names;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UsageError(ERRORS.message('error.args.port-must-number', { value: JSON.stringify(value) }));
  return port;
}

/** Debian package names as apt takes them: lower case, digits, + - . (policy 5.6.1), no option or version. */
/** --platform linux/amd64,linux/arm64: the platforms, each one this tool builds and tests for, in the order given. */
export function platformList(value: string, flag = '--platform'): Platform[] {
  const named = value.split(',').map((platform) => platform.trim());
  const unknown = named.find((platform) => !(PLATFORMS as readonly string[]).includes(platform));
  if (unknown !== undefined)
    throw new UsageError(ERRORS.message('error.args.platform-this-tool', { flag, unknown: JSON.stringify(unknown), value: PLATFORMS.join(', ') }));
  return [...new Set(named)] as Platform[];
}

export function debianPackages(value: string, flag = '--build-packages'): string[] {
  const names = value.split(',').map((name) => name.trim());
  const bad = names.find((name) => !/^[a-z0-9][a-z0-9+.-]+$/.test(name));
  if (bad !== undefined) throw new UsageError(ERRORS.message('error.args.takes-debian-package', { flag, bad: JSON.stringify(bad) }));
  return [...new Set(names)].sort();
}

/** Folders of the app (relative) or of the image (absolute), without `..`: the runtime stage makes them the runtime user's. */
export function writableFolders(value: string): string[] {
  const folders = value.split(',').map((folder) => folder.trim().replace(/^\.\//, '').replace(/\/+$/, ''));
  const bad = folders.find(
    (folder) =>
      !/^\/?[\w.-]+(?:\/[\w.-]+)*$/.test(folder) || folder.split('/').some((part) => part === '..' || part === '.') || /^\/(?:proc|sys|dev|run)\b/.test(folder),
  );
  if (bad !== undefined) throw new UsageError(ERRORS.message('error.args.writable-takes-folders', { bad: JSON.stringify(bad) }));
  return [...new Set(folders)].sort();
}

/** `24`, `v24`, `24.x`: a Node line by its major; which lines have images is the planner's to say. */
function nodeLine(value: string): string {
  const major = /^v?(\d{2})(?:\.x)?$/.exec(value.trim())?.[1];
  if (major === undefined) throw new UsageError(ERRORS.message('error.args.node-version-takes', { value: JSON.stringify(value) }));
  return major;
}
