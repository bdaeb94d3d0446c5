import { BACKING_IMAGES } from '../../generators/services/backing-images.js';
import { ensureBase } from '../bases/ensure.js';
import { recipeFor } from '../bases/recipes.js';
import { runCli } from './project.js';

/**
 * Every base image a services run names, built as stand-ins: each service's builder and runtime (from
 * what `--json` plans) and the backing services' images. Shared by the services tests and the bench.
 */
export async function ensureServiceBases(dir: string, flags: readonly string[]): Promise<void> {
  const json = await runCli([dir, '--yes', '--json', ...flags]);
  if (json.exitCode !== 0) throw new Error(`--json failed: ${json.stderr}`);
  const planned = JSON.parse(String(json.stdout)) as { services: { plan: { builderImage: string; runtimeImage: string; toolImage?: string } }[] };
  for (const { plan } of planned.services)
    for (const image of [plan.builderImage, plan.runtimeImage, ...(plan.toolImage ? [plan.toolImage] : [])]) await ensureBase(image);
  // MongoDB has no stand-in (Debian does not package it): only images with a recipe are built.
  for (const backing of Object.values(BACKING_IMAGES)) if (recipeFor(backing.image)) await ensureBase(backing.image);
}
