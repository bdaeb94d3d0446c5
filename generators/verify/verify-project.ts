import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { imageName } from '../core/render/quote.js';
import { buildImage, capped, type BuildOutcome } from './build.js';
import { docker, assertEngine, inspectImage } from './docker.js';
import { layers } from './history.js';
import { createProgress } from './progress.js';
import { smokeCommand, smokeServer } from './smoke.js';
import { formatReport, sayVerify, type Check, type SizeRow, type VerifyReport } from './verify-report.js';
import { buildObservations, runObservations, type Correction, type Observation } from './observations.js';
import { observeRun } from './observe.js';
import type { Locale } from '../core/explain/messages.js';
import { VERIFY_MESSAGES, type VerifyMessageId } from '../core/explain/verify-messages.js';
import { decimal } from '../core/explain/numbers.js';
import { runsAsRoot, startup, type Startup } from './startup.js';

/** What the HTML report reads beside verify's own report: the Dockerfile verified, and how the built image starts. */
export interface ReportContext {
  readonly dockerfile: string;
  /** The final image's start-up and user; absent when the build failed. */
  readonly final?: Startup & { readonly user: string };
}
import { ERRORS } from '../core/explain/error-messages.js';

const message = VERIFY_MESSAGES.message;

/** Enough of what the container printed to see why it stopped, never its whole log. */
const CONTAINER_LINES_SHOWN = 20;

export interface VerifyRequest {
  /** The build context. */
  readonly dir: string;
  /** The Dockerfile, relative to the context (a workspace member's, in its folder); default: Dockerfile. */
  readonly dockerfile?: string;
  /** The CA bundle passed to a Dockerfile that mounts the ca-cert secret. */
  readonly caCert?: string;
  /** Run the image alone and probe it; off when compose runs the services with what they need. */
  readonly smoke?: boolean;
  /** The project as detected: the image name, and what --compare's naive variant needs. */
  readonly generation?: {
    readonly imageName: string;
    readonly naiveDockerfile: string;
    /** The port the plan says the app listens on: a container that exits instead fails, EXPOSE or not. */
    readonly listensOn?: number;
    /** An image with `cat` that the build pulled (the build stage's base), to read the container's /proc/net. */
    readonly helperImage?: string;
    /** Where the app runs, to place the folders a permission error names. */
    readonly workdir?: string;
    /** Whether --writable applies to this language. */
    readonly writable?: boolean;
    /** Node: the line the image runs and the next older one, for --fix after a dependency's crash. */
    readonly nodeLines?: { readonly current: string; readonly older?: string };
  };
  /** Each build or run's observations, as the report prints them: --fix turns them into flags. */
  readonly onObserved?: (observations: readonly Observation[]) => void;
  readonly compare: boolean;
  readonly keep: boolean;
  /** The language of the report and the progress lines (default English). */
  readonly locale?: Locale;
  /** Called with the report and the final image's start-up, before its images are removed: the HTML report reads them. */
  readonly onReport?: (report: VerifyReport, built: ReportContext) => void | Promise<void>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * Builds the project's Dockerfile, runs what it built, and reports: checks, sizes, layers and, with
 * --compare, the naive single-stage variant. Returns the exit code: 1 when any check fails.
 */
export async function verifyProject(request: VerifyRequest): Promise<number> {
  const dockerfile = join(request.dir, request.dockerfile ?? 'Dockerfile');
  if (!existsSync(dockerfile)) throw new UserError(ERRORS.message('error.verify-project.dockerfile-run-create', { dir: request.dir }));
  // Read once: the stages it names, and the HTML report's lint findings.
  const dockerfileText = readFileSync(dockerfile, 'utf8');
  if (request.compare && !request.generation) throw new UserError(ERRORS.message('error.verify-project.compare-needs-project'));
  await assertEngine();

  const name = request.generation?.imageName ?? imageName(basename(request.dir));
  const runId = randomBytes(4).toString('hex');
  const tag = (suffix = '') => `create-dockerfile-verify/${name}${suffix}:${runId}`;
  const made: string[] = [];
  const locale = request.locale ?? 'en';
  const say = (line: string) => request.stderr.write(`${line}\n`);
  const text = (id: VerifyMessageId, args?: Parameters<typeof VERIFY_MESSAGES.text>[2]) => VERIFY_MESSAGES.text(locale, id, args);
  const seconds = (value: number) => decimal(value, 1, locale);

  const build = async (label: VerifyMessageId, imageTag: string, options: { target?: string; dockerfile?: string } = {}): Promise<BuildOutcome> => {
    const progress = createProgress(text(label), request.stderr, locale);
    const outcome = await buildImage({ ...buildTarget(request, dockerfile), tag: imageTag, ...options, onStep: progress.step });
    progress.done(outcome.ok, outcome.seconds);
    if (outcome.ok) made.push(imageTag);
    return outcome;
  };

  try {
    const final = await build('progress.image', tag());
    if (!final.ok) return buildFailed(request, final, dockerfileText);
    const checks: Check[] = [{ name: message('check.build'), ok: true, detail: message('check.build.ok', { seconds: seconds(final.seconds) }) }];
    const config = await inspectImage(tag());
    const nonRoot = !runsAsRoot(config.Config.User);
    const shownUser = config.Config.User || text('check.user.none');
    checks.push({ name: message('check.user'), ok: nonRoot, detail: message(nonRoot ? 'check.user.ok' : 'check.user.root', { user: shownUser }) });

    const port =
      Object.keys(config.Config.ExposedPorts ?? {})
        .map((key) => /^(\d+)\/tcp$/.exec(key)?.[1])
        .find(Boolean) ?? request.generation?.listensOn?.toString();
    if (request.smoke !== false) {
      say(port ? text('smoke.probing', { port }) : text('smoke.command'));
      const smoke = port ? await smokeServer(tag(), Number(port)) : await smokeCommand(tag());
      checks.push({ name: message('check.starts'), ok: smoke.ok, detail: smoke.summary });
      if (smoke.logs.trim()) {
        say(text(smoke.ok ? 'smoke.output.last' : 'smoke.output.failed'));
        for (const line of capped(smoke.logs.trimEnd().split('\n'), CONTAINER_LINES_SHOWN)) say(line);
      }
      // A run that failed is run once more and watched: where it listens, what it could not write.
      if (!smoke.ok) await observe(request, tag(), port === undefined ? undefined : Number(port));
    }

    // The project's own tests, when the Dockerfile has a test stage: a team trusts the image only if they pass.
    if (hasStage(dockerfileText, 'test')) {
      const tests = await build('progress.test', tag('-test'), { target: 'test' });
      checks.push({
        name: message('check.tests'),
        ok: tests.ok,
        detail: tests.ok ? message('check.tests.ok', { seconds: seconds(tests.seconds) }) : message('check.tests.failed'),
      });
      if (!tests.ok) {
        say(text('log.failing.tests'));
        for (const line of tests.failingLines) say(line);
        // The test stage installs and builds too: what it lacked is the build's to add.
        reportObservations(request, buildObservations(tests.log));
      }
    }

    const sizes: SizeRow[] = [{ label: 'report.size.final', bytes: config.Size }];
    if (hasStage(dockerfileText, 'build')) {
      const builder = await build('progress.build', tag('-build'), { target: 'build' });
      if (builder.ok) sizes.push({ label: 'report.size.build', bytes: (await inspectImage(tag('-build'))).Size });
    }

    let comparison: VerifyReport['comparison'];
    if (request.compare && request.generation) {
      const scratch = mkdtempSync(join(tmpdir(), 'cdf-naive-'));
      try {
        const naiveFile = join(scratch, 'naive.Dockerfile');
        writeFileSync(naiveFile, request.generation.naiveDockerfile);
        const naive = await build('progress.naive', tag('-naive'), { dockerfile: naiveFile });
        checks.push({
          name: message('check.compare'),
          ok: naive.ok,
          detail: naive.ok ? message('check.compare.ok') : message('check.compare.failed', { line: naive.failingLines.at(-1) ?? '' }),
        });
        if (naive.ok)
          comparison = {
            naive: { label: 'report.size.naive', bytes: (await inspectImage(tag('-naive'))).Size },
            generated: { label: 'report.size.generated', bytes: config.Size },
          };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }

    const report: VerifyReport = {
      checks,
      image: {
        tag: tag(),
        user: config.Config.User ?? '',
        entrypoint: JSON.stringify(config.Config.Entrypoint ?? null),
        cmd: JSON.stringify(config.Config.Cmd ?? null),
        kept: request.keep,
      },
      sizes,
      layers: await layers(tag()),
      comparison,
    };
    request.stdout.write(formatReport(report, locale));
    await request.onReport?.(report, { dockerfile: dockerfileText, final: { ...(await startup(tag())), user: config.Config.User ?? '' } });
    if (request.keep && made.length > 0) say(text('log.kept', { images: made.join(' ') }));
    return checks.every((check) => check.ok) ? 0 : 1;
  } finally {
    if (!request.keep && made.length > 0) await docker(['image', 'rm', '--force', ...made], { reject: false });
  }
}

/** A failed build: its whole log, its failing lines, what they show is missing, and the report. */
async function buildFailed(request: VerifyRequest, final: BuildOutcome, dockerfile: string): Promise<number> {
  const locale = request.locale ?? 'en';
  const say = (line: string) => request.stderr.write(`${line}\n`);
  say(VERIFY_MESSAGES.text(locale, 'log.full'));
  request.stderr.write(final.log.endsWith('\n') ? final.log : `${final.log}\n`);
  say(VERIFY_MESSAGES.text(locale, 'log.failing'));
  for (const line of final.failingLines) say(line);
  reportObservations(request, buildObservations(final.log));
  const report: VerifyReport = {
    checks: [{ name: message('check.build'), ok: false, detail: message('check.build.failed', { seconds: decimal(final.seconds, 1, locale) }) }],
    sizes: [],
    layers: [],
  };
  request.stdout.write(formatReport(report, locale));
  await request.onReport?.(report, { dockerfile });
  return 1;
}

/** Runs the image once more, after a failed run, to see where it listens and what it could not write. */
async function observe(request: VerifyRequest, image: string, plannedPort: number | undefined): Promise<void> {
  const helper = request.generation?.helperImage;
  if (helper === undefined) return;
  request.stderr.write(`${VERIFY_MESSAGES.text(request.locale ?? 'en', 'log.observing')}\n`);
  const run = await observeRun(image, helper);
  reportObservations(
    request,
    runObservations({
      ...run,
      plannedPort,
      workdir: request.generation?.workdir ?? '/app',
      writableSupported: request.generation?.writable ?? false,
      nodeLines: request.generation?.nodeLines,
    }),
  );
}

/** The observations, one line each with the flag that settles it, then to --fix. */
function reportObservations(request: VerifyRequest, observations: readonly Observation[]): void {
  if (observations.length === 0) return;
  const locale = request.locale ?? 'en';
  request.stdout.write(`${VERIFY_MESSAGES.text(locale, 'observe.header')}\n`);
  for (const observation of observations)
    request.stdout.write(`${VERIFY_MESSAGES.text(locale, 'observe.line', { seen: observation.seen, settle: settle(observation, locale) })}\n`);
  request.onObserved?.(observations);
}

/** The flag a correction stands for, or the advice when there is none. */
export function settle(observation: Observation, locale: Locale = 'en'): string {
  const { correction } = observation;
  if (!correction) return observation.advice ? sayVerify(locale, observation.advice) : '';
  return VERIFY_MESSAGES.text(locale, 'observe.fix', { flag: correctionFlag(correction) });
}

/** The flag that says the same as a correction. */
export function correctionFlag(correction: Correction): string {
  switch (correction.kind) {
    case 'port':
      return `--port ${correction.port}`;
    case 'writable':
      return `--writable ${correction.folder}`;
    case 'build-package':
      return `--build-packages ${correction.package}`;
    case 'node-version':
      return `--node-version ${correction.major}`;
  }
}

/** Whether the Dockerfile names a stage, so that `--target NAME` can build it. */
const hasStage = (dockerfile: string, name: string) => new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${name}\\s*$`, 'im').test(dockerfile);

/** Where verify's builds read from: the context, the Dockerfile (a member's, or the context's own) and the CA bundle they pass. */
const buildTarget = (request: VerifyRequest, dockerfile: string) => ({
  context: request.dir,
  dockerfile: request.dockerfile && dockerfile,
  caCert: request.caCert,
});
