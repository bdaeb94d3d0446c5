import { UserError } from '../core/errors.js';
import { ERRORS } from '../core/explain/error-messages.js';
import { existsSync } from 'node:fs';
import { execa, type Options, type ResultPromise } from 'execa';

/**
 * The docker CLI, through execa. DOCKER_BIN picks a client; otherwise Debian's 20.10 client is
 * preferred when present because it has BuildKit built in (DOCKER_BUILDKIT=1), while a bare 28.x
 * client without the buildx plugin falls back to the legacy builder.
 */
export function dockerBin(): string {
  if (process.env.DOCKER_BIN) return process.env.DOCKER_BIN;
  return existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
}

export const buildkitEnv = (): Record<string, string> => ({ DOCKER_BUILDKIT: process.env.DOCKER_BUILDKIT ?? '1' });

export function docker<O extends Options = Options>(args: readonly string[], options?: O): ResultPromise<O> {
  return execa(dockerBin(), args, { ...options, env: { ...buildkitEnv(), ...options?.env } } as O) as unknown as ResultPromise<O>;
}

/** Why no engine answers, or undefined when one does. */
export async function engineProblem(): Promise<string | undefined> {
  const reason = await engineDown();
  return reason === undefined ? undefined : ERRORS.text('en', 'error.docker.no-engine', { reason });
}

/** Why no engine answers (the client's first line), or undefined when one does. */
export async function engineDown(): Promise<string | undefined> {
  const result = await execa(dockerBin(), ['version', '--format', '{{.Server.Version}}'], { reject: false, timeout: 20_000 });
  if (result.exitCode === 0 && String(result.stdout).trim() !== '') return undefined;
  const reason =
    String(result.stderr || result.stdout)
      .split('\n')
      .find((line) => line.trim() !== '') ?? 'no answer';
  return reason.trim();
}

/** verify's refusal when no engine answers, said in the user's language. */
export async function assertEngine(): Promise<void> {
  const reason = await engineDown();
  if (reason !== undefined) throw new UserError(ERRORS.message('error.docker.no-engine', { reason }));
}

export async function imageLabel(image: string, label: string): Promise<string | undefined> {
  const result = await docker(['image', 'inspect', '--format', `{{index .Config.Labels "${label}"}}`, image], { reject: false });
  const value = String(result.stdout).trim();
  return result.exitCode === 0 && value !== '' && value !== '<no value>' ? value : undefined;
}

export interface ImageConfig {
  readonly Size: number;
  readonly Config: {
    User?: string;
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    Env?: string[];
    WorkingDir?: string;
    ExposedPorts?: Record<string, object>;
  };
}

export async function inspectImage(image: string): Promise<ImageConfig> {
  const result = await docker(['image', 'inspect', image]);
  return (JSON.parse(String(result.stdout)) as ImageConfig[])[0]!;
}

/** Digests the engine knows for these images (from pulls), keyed by reference; unknown ones are absent. */
export async function knownDigests(images: readonly string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const image of images) {
    const result = await docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', image], { reject: false });
    if (result.exitCode !== 0) continue;
    const repoDigests = JSON.parse(String(result.stdout) || '[]') as string[];
    const repository = image.replace(/:[^/:@]+$/, '');
    const match = repoDigests.find((entry) => entry.startsWith(`${repository}@`)) ?? repoDigests[0];
    const digest = match?.split('@')[1];
    if (digest) digests[image] = digest;
  }
  return digests;
}
