import { randomUUID } from 'node:crypto';
import type { Plan } from '../../generators/core/types.js';
import { docker } from '../../generators/verify/docker.js';
import { ensureBase } from './bases.js';

/** Builds a generated project after making sure its base images exist; returns a throw-away tag. */
export async function buildImage(dir: string, plan: Plan): Promise<string> {
  await ensureBase(plan.builderImage);
  await ensureBase(plan.runtimeImage);
  const tag = `cdf-test-${randomUUID().slice(0, 8)}:${plan.runtime}`;
  const build = await docker(['build', '-t', tag, dir], { reject: false, all: true });
  if (build.exitCode !== 0) throw new Error(`docker build failed:\n${String(build.all).split('\n').slice(-30).join('\n')}`);
  return tag;
}
