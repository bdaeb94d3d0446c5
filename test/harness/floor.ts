import type { Plan } from '../../generators/core/types.js';
import { inspectImage } from '../../generators/verify/docker.js';
import { fileSize, treeBytes } from './image-files.js';

export interface Floor {
  readonly bytes: number;
  /** What the floor counts, so a report can print it. */
  readonly parts: readonly { readonly name: string; readonly bytes: number }[];
}

/**
 * The smallest an image for this plan can be: the app's own bytes plus the files it needs at run
 * time: the binary, the CA bundle when the program can use it and the runtime lacks one, and the
 * base image unless it is scratch.
 */
export async function goFloor(image: string, plan: Plan): Promise<Floor> {
  const go = plan.go!;
  const parts = [{ name: `binary ${go.binaryPath}`, bytes: await fileSize(image, go.binaryPath) }];
  if (go.caCerts) parts.push({ name: 'CA bundle', bytes: await fileSize(image, '/etc/ssl/certs/ca-certificates.crt') });
  if (plan.runtime !== 'scratch') parts.push({ name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size });
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

/** Node's floor: the runtime base plus every file under /app (production node_modules and the app). */
export async function nodeFloor(image: string, plan: Plan): Promise<Floor> {
  const parts = [
    { name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size },
    { name: 'files under /app', bytes: await treeBytes(image, '/app') },
  ];
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

export const floorFor = (image: string, plan: Plan): Promise<Floor> => (plan.language === 'node' ? nodeFloor(image, plan) : goFloor(image, plan));
