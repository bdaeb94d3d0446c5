import { isAbsolute, join, normalize, resolve } from 'node:path';
import { LOCALES, type Locale } from '../core/explain/messages.js';
import { verifyLadder } from './ladder-command.js';
import { parseArgs } from 'node:util';
import { assertDirectory, takeSnapshot } from '../core/detect/snapshot.js';
import { UsageError } from '../core/errors.js';
import type { CaCertChoice } from '../core/types.js';
import { caCertOf } from './ca-cert.js';
import type { GenerationResult } from '../languages/registry.js';
import { PIPELINE } from '../pipeline/index.js';
import type { DetectRequest } from '../pipeline/detect.js';
import { templatesDir } from '../util/package-root.js';
import { templateOverrideDirs } from '../util/template-dirs.js';
import type { ServicesResult } from '../services/generate.js';
import { verifyCompose } from '../verify/verify-compose.js';
import { verifyProject } from '../verify/verify-project.js';
import { generateOnce } from './generate-once.js';
import { readSavedState } from './saved-choices.js';
import type { CliOptions } from './args.js';
import type { Observation } from '../verify/observations.js';
import type { PlanBase } from '../core/types.js';
import { NODE_MAJORS } from '../languages/node/version.js';
import type { NodePlan } from '../languages/node/types.js';
import { terminalLine, writeError, type CliStreams } from './streams.js';
import { assertReportName } from './report-file.js';
import { VERIFY_MESSAGES } from '../core/explain/verify-messages.js';
import { writeVerifyReport } from './verify-html.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { parseArgsError } from './parse-args-error.js';

export interface VerifyFlags {
  readonly compare: boolean;
  readonly keep: boolean;
  /** The language verify speaks (`verify --lang`, or generation's `--explain`); English by default. */
  readonly explain?: Locale;
  /** `--report FILE.html`: the self-contained HTML report, written after the checks. */
  readonly report?: string;
  readonly templates?: string;
  /** The CA bundle a Dockerfile's ca-cert secret takes (--ca-cert, or the environment's). */
  readonly caCert?: CaCertChoice;
}

/** `create-dockerfile verify [dir] [--compare] [--keep]`: checks the Dockerfile already in dir. */
export async function runVerifyCommand(argv: readonly string[], streams: CliStreams): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        compare: { type: 'boolean', default: false },
        ladder: { type: 'boolean', default: false },
        'ladder-dir': { type: 'string', default: 'ladder' },
        report: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        keep: { type: 'boolean', default: false },
        templates: { type: 'string' },
        'ca-cert': { type: 'string' },
        'no-ca-cert': { type: 'boolean', default: false },
        // The same detection flags as generation: verify detects the project to name and probe it.
        language: { type: 'string' },
        workspace: { type: 'string' },
        start: { type: 'string' },
      },
    });
  } catch (error) {
    throw parseArgsError(error);
  }
  if (parsed.positionals.length > 1) throw new UsageError(ERRORS.message('error.verify-command.verify-takes-most', { length: parsed.positionals.length }));
  const dir = resolve(parsed.positionals[0] ?? '.');
  assertDirectory(dir);
  const caFlag = parsed.values['ca-cert'];
  if (caFlag !== undefined && parsed.values['no-ca-cert']) throw new UsageError(ERRORS.message('error.args.ca-cert-ca'));
  const caCert = caCertOf(
    { caCert: caFlag === undefined ? undefined : { path: caFlag, from: '--ca-cert' }, noCaCert: parsed.values['no-ca-cert'] },
    process.env,
  );
  const lang = parsed.values.lang;
  if (!(LOCALES as readonly string[]).includes(lang))
    throw new UsageError(ERRORS.message('error.explain-command.lang-must-one', { value: LOCALES.join(', '), lang: JSON.stringify(lang) }));
  const report = parsed.values.report === undefined ? undefined : resolve(parsed.values.report);
  if (report !== undefined) assertReportName(report);
  const flags = { compare: parsed.values.compare, keep: parsed.values.keep, templates: parsed.values.templates, caCert, explain: lang as Locale, report };
  const detection = { language: parsed.values.language, workspace: parsed.values.workspace, start: parsed.values.start };
  if (parsed.values.ladder) {
    const folder = parsed.values['ladder-dir'];
    if (isAbsolute(folder) || normalize(folder).startsWith('..'))
      throw new UsageError(ERRORS.message('error.verify-command.ladder-dir-must', { folder: JSON.stringify(folder) }));
    return verifyLadder(dir, detectedGeneration(dir, flags.templates, detection), { ...flags, folder, locale: lang as Locale, report }, streams);
  }
  // Detection names the image and gives --compare its naive variant; a hand-written Dockerfile in a
  // project this tool cannot read still verifies, just without --compare.
  let generation: GenerationResult | undefined;
  try {
    generation = detectedGeneration(dir, flags.templates, detection);
  } catch (error) {
    // A detection flag the user gave must work; without one, a hand-written Dockerfile still verifies.
    if (flags.compare || Object.values(detection).some((value) => value !== undefined)) throw error;
  }
  return verifyWith(dir, generation, flags, streams);
}

export function detectedGeneration(dir: string, templates: string | undefined, request: DetectRequest = {}): GenerationResult {
  return PIPELINE.generate(PIPELINE.detect(takeSnapshot(dir), request), {}, { templatesDir, overrideDirs: templateOverrideDirs(dir, templates, false) });
}

/** Verification after generation (`--verify`) and the `verify` command share this. */
export function verifyWith(
  dir: string,
  generation: GenerationResult | undefined,
  flags: VerifyFlags,
  streams: CliStreams,
  where: { readonly dockerfile?: string; readonly smoke?: boolean; readonly onObserved?: (observations: readonly Observation[]) => void } = {},
): Promise<number> {
  return verifyProject({
    dir,
    ...where,
    generation: generation && {
      imageName: generation.plan.imageName,
      listensOn: generation.plan.listens ? generation.plan.port : undefined,
      helperImage: generation.plan.builderImage,
      workdir: appFolder(generation.plan),
      writable: generation.plan.language === 'node' || generation.plan.language === 'python',
      nodeLines: nodeLines(generation.plan),
      // Rendered only when asked: it is --compare's variant, never written to the project.
      naiveDockerfile: flags.compare
        ? PIPELINE.renderNaive(generation.facts, generation.plan, { templatesDir, overrideDirs: templateOverrideDirs(dir, flags.templates, false) })
        : '',
    },
    compare: flags.compare,
    keep: flags.keep,
    locale: flags.explain ?? 'en',
    onReport:
      flags.report === undefined
        ? undefined
        : (report, built) => writeVerifyReport(flags.report!, { ...built, report, locale: flags.explain ?? 'en', dir }, streams),
    caCert: flags.caCert?.path,
    stdout: streams.stdout,
    stderr: streams.stderr,
  });
}

/** The Node line a plan's images run, and the next older line with images: what --fix tries after a dependency's crash. */
function nodeLines(plan: PlanBase): { current: string; older?: string } | undefined {
  if (!isNodePlan(plan)) return undefined;
  const current = plan.node.major;
  return { current, older: NODE_MAJORS.find((major) => Number(major) < Number(current)) };
}

const isNodePlan = (plan: PlanBase): plan is NodePlan => plan.language === 'node';

/** Where the app runs in the image: /app for Node and Python (a member's folder below it), else the plan's own. */
function appFolder(plan: PlanBase): string {
  const details = (plan as unknown as Record<string, { workdir?: string } | undefined>)[plan.language];
  const workdir = details?.workdir;
  if (plan.language === 'node' || plan.language === 'python') return workdir && workdir !== '.' && !workdir.startsWith('/') ? `/app/${workdir}` : '/app';
  return workdir ?? '/';
}

/**
 * `--verify` over several services: each is built and checked on its own (non-root, its tests, its
 * sizes); alone it is also run and probed, unless compose.yaml was written, which then runs them all
 * together with the databases they need and checks that each is up and healthy.
 */
export async function verifyServices(root: string, result: ServicesResult, flags: VerifyFlags, streams: CliStreams): Promise<number> {
  const composeFile = result.files.find((file) => COMPOSE_FILE.test(file.path))?.path;
  let failed = false;
  for (const service of result.services) {
    // The folder's name is the project's: shown, never obeyed (a name can hold ESC sequences).
    writeError(streams, `${terminalLine(VERIFY_MESSAGES.text(flags.explain ?? 'en', 'services.verify', { name: service.name, dir: service.dir }))}\n`);
    const code = await verifyWith(join(root, service.context), service, flags, streams, { dockerfile: service.dockerfile, smoke: composeFile === undefined });
    failed ||= code !== 0;
  }
  if (composeFile !== undefined) {
    writeError(streams, `${VERIFY_MESSAGES.text(flags.explain ?? 'en', 'services.together', { file: composeFile })}\n`);
    const code = await verifyCompose({ dir: root, file: composeFile, keep: flags.keep, locale: flags.explain, stdout: streams.stdout, stderr: streams.stderr });
    failed ||= code !== 0;
  }
  return failed ? 1 : 0;
}

const COMPOSE_FILE = /^(compose|compose\.create-dockerfile)\.ya?ml$/;

/** Rounds of --fix: each applies what the last run showed; a project needing more wants a person. */
const FIX_ROUNDS = 3;

/**
 * --verify --fix: verify, turn what the build and the run showed into flags (the port it listens
 * on, the folders it writes, the packages its build misses), regenerate with them and verify again,
 * until nothing new is observed. Each regeneration merges as any does, so the user's edits stay,
 * and its choices are saved.
 */
export async function verifyAndFix(cwd: string, first: GenerationResult, start: CliOptions, streams: CliStreams): Promise<number> {
  let cli = start;
  let result = first;
  const changed: string[] = [];
  for (let round = 1; ; round++) {
    const observed: Observation[] = [];
    const code = await verifyWith(cwd, result, cli, streams, { onObserved: (found) => observed.push(...found) });
    const next = applyCorrections(cli, observed);
    if (next.applied.length === 0 || round > FIX_ROUNDS) {
      const locale = cli.explain ?? 'en';
      writeError(
        streams,
        `${
          changed.length === 0
            ? VERIFY_MESSAGES.text(locale, code === 0 ? 'fix.nothing' : 'fix.cannot')
            : VERIFY_MESSAGES.text(locale, code === 0 ? 'fix.done' : 'fix.still', { flags: changed.join(', ') })
        }\n`,
      );
      return code;
    }
    changed.push(...next.applied);
    writeError(streams, `${VERIFY_MESSAGES.text(cli.explain ?? 'en', 'fix.round', { flags: next.applied.join(', ') })}\n`);
    // The files are merged like any regeneration's: edits of the user's in them stay.
    cli = next.cli;
    result = await generateOnce(cwd, cli, streams, takeSnapshot(cwd), readSavedState(cwd));
  }
}

/** The flags each new correction stands for; a correction already applied is not applied twice. */
function applyCorrections(cli: CliOptions, observed: readonly Observation[]): { cli: CliOptions; applied: string[] } {
  let next = cli;
  const applied: string[] = [];
  for (const { correction } of observed) {
    if (correction?.kind === 'port' && next.port !== correction.port) {
      next = { ...next, port: correction.port };
      applied.push(`--port ${correction.port}`);
    } else if (correction?.kind === 'writable' && !(next.writable ?? []).includes(correction.folder)) {
      next = { ...next, writable: [...(next.writable ?? []), correction.folder].sort() };
      applied.push(`--writable ${correction.folder}`);
    } else if (correction?.kind === 'node-version' && next.nodeVersion !== correction.major) {
      next = { ...next, nodeVersion: correction.major };
      applied.push(`--node-version ${correction.major}`);
    } else if (correction?.kind === 'build-package' && !(next.buildPackages ?? []).includes(correction.package)) {
      next = { ...next, buildPackages: [...(next.buildPackages ?? []), correction.package].sort() };
      applied.push(`--build-packages ${correction.package}`);
    }
  }
  return { cli: next, applied };
}
