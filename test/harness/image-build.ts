import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import type { Plan } from '../../generators/languages/registry.js';
import { docker } from '../../generators/verify/docker.js';
import { secretArgs } from '../../generators/verify/build.js';
import { ensureBase } from '../bases/ensure.js';
import { recipeFor } from '../bases/recipes.js';
import { MACHINE_CA } from './machine-ca.js';

/**
 * The machine's own docker client with the legacy builder: a bare 28.x client without buildx, as on
 * a fresh machine, or whatever docker is on PATH. The portable profile must build with it.
 */
const legacyBuild = (args: readonly string[]) =>
  execa(existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker', args, { env: { DOCKER_BUILDKIT: '0' }, reject: false, all: true });

/** Builds a generated project after making sure its base images exist; returns a throw-away tag. */
export async function buildImage(
  dir: string,
  plan: Plan,
  options: { legacy?: boolean; buildArgs?: Record<string, string>; caCert?: string; secrets?: readonly string[] } = {},
): Promise<string> {
  // An image no recipe makes (a --registry mirror's) is the test's to provide.
  for (const image of [plan.builderImage, plan.runtimeImage, ...(plan.toolImage ? [plan.toolImage] : [])])
    if (image === 'scratch' || recipeFor(image)) await ensureBase(image);
  const tag = `cdf-test-${randomUUID().slice(0, 8)}:${plan.runtime}`;
  const args = [
    ...Object.entries(options.buildArgs ?? {}).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]),
    ...secretArgs(dir, undefined, options.caCert ?? MACHINE_CA),
    ...(options.secrets ?? []).flatMap((secret) => ['--secret', secret]),
  ];
  const build = options.legacy
    ? await legacyBuild(['build', ...args, '-t', tag, dir])
    : await docker(['build', ...args, '-t', tag, dir], { reject: false, all: true });
  if (build.exitCode !== 0) {
    // BuildKit prints a failing step's own output before the step summaries: keep its error lines too.
    const lines = String(build.all).split('\n');
    const errors = lines.filter((line) => /\b(npm error|npm ERR!|error:|Error:|ERROR)\b/.test(line)).slice(-20);
    throw new Error(`docker build failed:\n${[...errors, '...', ...lines.slice(-30)].join('\n')}`);
  }
  return tag;
}
