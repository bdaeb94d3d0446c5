import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docker } from './docker.js';
import { CA_SECRET, caSecretValue } from '../core/plan/ca-cert.js';

/** Build arguments the generated Dockerfiles declare, taken from the environment when set. */
export const FORWARDED_ARGS = [
  'PIP_INDEX_URL',
  'PIP_EXTRA_INDEX_URL',
  'PIP_TRUSTED_HOST',
  'GOPROXY',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOFLAGS',
] as const;

export interface BuildRequest {
  readonly context: string;
  readonly tag: string;
  /** A Dockerfile outside the context (the naive variant); default: the context's own. */
  readonly dockerfile?: string;
  readonly target?: string;
  /** The CA bundle for a Dockerfile that mounts the ca-cert secret (--ca-cert, or the environment's). */
  readonly caCert?: string;
  /** Called with each step as it starts, e.g. "[build 3/5] RUN go build ...". */
  readonly onStep?: (step: string) => void;
}

export interface BuildOutcome {
  readonly ok: boolean;
  readonly seconds: number;
  /** Everything the builder printed, for the full log on failure. */
  readonly log: string;
  /** The lines that explain a failure: the failing step's own output and the builder's error. */
  readonly failingLines: readonly string[];
}

/**
 * `docker build` through the user's own docker CLI and environment, so DOCKER_HOST, the current
 * context and a remote builder all apply. BUILDKIT_PROGRESS=plain gives BuildKit's line log, which
 * the legacy builder ignores.
 */
export async function buildImage(request: BuildRequest): Promise<BuildOutcome> {
  const args = ['build', '--tag', request.tag];
  // A private package index the user has in their environment reaches the build as an ARG, named
  // without its value so that the value never shows in a process list.
  for (const name of FORWARDED_ARGS) if (process.env[name]) args.push('--build-arg', name);
  args.push(...secretArgs(request.context, request.dockerfile, request.caCert));
  if (request.dockerfile) args.push('--file', request.dockerfile);
  if (request.target) args.push('--target', request.target);
  args.push(request.context);

  const started = Date.now();
  const child = docker(args, { all: true, reject: false, env: { BUILDKIT_PROGRESS: 'plain' } });
  let pending = '';
  child.all?.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString('utf8')).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      const step = stepOf(line);
      if (step) request.onStep?.(step);
    }
  });
  const result = await child;
  const log = String(result.all ?? '');
  const ok = result.exitCode === 0;
  return { ok, seconds: (Date.now() - started) / 1000, log, failingLines: ok ? [] : failingLines(log) };
}

/**
 * The project's own files that its Dockerfile mounts as BuildKit secrets (`id=npmrc` is the project's
 * .npmrc), passed by path as `docker build --secret` does when a user follows the header.
 */
export function secretArgs(context: string, dockerfile = join(context, 'Dockerfile'), caCert?: string): string[] {
  let text: string;
  try {
    text = readFileSync(dockerfile, 'utf8');
  } catch {
    return [];
  }
  const files = Object.entries(SECRET_FILES).flatMap(([id, file]) =>
    text.includes(`type=secret,id=${id}`) && existsSync(join(context, file)) ? ['--secret', `id=${id},src=${join(context, file)}`] : [],
  );
  const ca = caCert !== undefined && text.includes(`type=secret,id=${CA_SECRET}`) ? ['--secret', caSecretValue(caCert)] : [];
  return [...files, ...ca];
}

const SECRET_FILES: Readonly<Record<string, string>> = { npmrc: '.npmrc' };

/** A step header in either builder's output: BuildKit `#7 [build 3/5] RUN ...`, legacy `Step 3/9 : RUN ...`. */
export function stepOf(line: string): string | undefined {
  const buildkit = /^#\d+ (\[(?:[^\]]* )?\d+\/\d+\] .*)$/.exec(line);
  if (buildkit) return buildkit[1]!.replace(/\s+/g, ' ');
  const legacy = /^Step (\d+\/\d+) : (.*)$/.exec(line);
  return legacy ? `[${legacy[1]}] ${legacy[2]}` : undefined;
}

/**
 * BuildKit: the output of every step that reported ERROR, timestamps dropped, then the final error.
 * Legacy builder: everything after the last step header.
 */
export function failingLines(log: string): string[] {
  return capped(allFailingLines(log), FAILING_LINES_SHOWN);
}

/** A failing npm install can print thousands of lines; the last ones say why. */
const FAILING_LINES_SHOWN = 40;

/** The last `limit` lines, after one saying how many came before (the full log is printed above them). */
export function capped(lines: readonly string[], limit: number): string[] {
  if (lines.length <= limit) return [...lines];
  return [`... ${lines.length - limit} earlier lines (in the full log above)`, ...lines.slice(-limit)];
}

function allFailingLines(log: string): string[] {
  const lines = log.split('\n');
  const failed = new Set(lines.map((line) => /^#(\d+) ERROR/.exec(line)?.[1]).filter((id): id is string => id !== undefined));
  if (failed.size > 0) {
    const own = lines
      .map((line) => /^#(\d+) (?:\d+\.\d+ )?(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null && failed.has(match[1]!))
      .map((match) => match[2]!);
    const final = lines.filter((line) => /^(ERROR|error):? /.test(line) || line.startsWith('failed to solve'));
    // Mount and export chatter (bare digests) says nothing about the failure.
    return [...own, ...final].filter((line) => line.trim() !== '' && !/^sha256:[0-9a-f]{64}$/.test(line.trim()));
  }
  const lastStep = lines
    .map((line, index) => (/^Step \d+\/\d+ : /.test(line) ? index : -1))
    .filter((index) => index >= 0)
    .at(-1);
  return lines.slice(lastStep ?? Math.max(0, lines.length - 30)).filter((line) => line.trim() !== '');
}
