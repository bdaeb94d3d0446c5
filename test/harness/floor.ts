import type { Plan } from '../../generators/languages/registry.js';
import { inspectImage } from '../../generators/verify/docker.js';
import { addedFiles, fileSize, treeBytes } from './image-files.js';
import { narrow } from './narrow.js';

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
  const go = narrow(plan, 'go').go;
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

/**
 * C's floor: the binary, plus on distroless the shared libraries copied next to it, plus the base
 * image unless it is scratch. Only files the program loads count, so nothing extra can hide here.
 */
export async function cFloor(image: string, plan: Plan): Promise<Floor> {
  const binary = narrow(plan, 'c').binary.path;
  const parts = [{ name: `binary ${binary}`, bytes: await fileSize(image, binary) }];
  if (plan.runtime === 'distroless') {
    for (const path of (await addedFiles(image, plan.runtimeImage)).filter((file) => /\.so(\.\d+)*$/.test(file))) {
      parts.push({ name: `library /${path}`, bytes: await fileSize(image, `/${path}`) });
    }
  }
  if (plan.runtime !== 'scratch') parts.push({ name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size });
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

/** Python's floor: the runtime base plus the venv plus the app, as the issue defines it. */
export async function pythonFloor(image: string, plan: Plan): Promise<Floor> {
  const parts = [
    { name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size },
    { name: `venv ${narrow(plan, 'python').python.venv}`, bytes: await treeBytes(image, narrow(plan, 'python').python.venv) },
    { name: 'files under /app', bytes: await treeBytes(image, '/app') },
  ];
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

const FLOORS = { go: goFloor, node: nodeFloor, c: cFloor, python: pythonFloor } as const;

export const floorFor = (image: string, plan: Plan): Promise<Floor> => FLOORS[plan.language](image, plan);
