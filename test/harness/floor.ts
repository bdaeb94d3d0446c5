import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plan } from '../../generators/languages/registry.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { fileSize, treeBytes } from './image-files.js';
import { narrow } from './narrow.js';
import { caRunArgs, MACHINE_CA } from './machine-ca.js';
import { secretArgs } from '../../generators/verify/build.js';

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
  // Files the program reads at run time are part of what it needs.
  if (go.workdir) parts.push({ name: `data under ${go.workdir}`, bytes: await treeBytes(image, go.workdir) });
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

/** Python's floor: the runtime base plus the venv plus the app, as the issue defines it. */
export async function pythonFloor(image: string, plan: Plan): Promise<Floor> {
  const parts = [
    { name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size },
    { name: `venv ${narrow(plan, 'python').python.venv}`, bytes: await treeBytes(image, narrow(plan, 'python').python.venv) },
    { name: 'files under /app', bytes: await treeBytes(image, '/app') },
  ];
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

/**
 * Node's floor computed without looking at the image it judges: the runtime base, plus production
 * dependencies installed on their own from the same lockfile, plus the files the start command
 * needs (a framework's output folders, measured in the build stage; otherwise the project's files
 * minus its tests, and minus the sources a build replaces, plus that build's output). An image that
 * ships tests, sources the build replaced, or dev dependencies shows a ratio above 1.
 */
export async function nodeIndependentFloor(dir: string, plan: Plan, buildArgs: Record<string, string> = {}): Promise<Floor> {
  const node = narrow(plan, 'node').node;
  const parts = [{ name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size }];
  const buildTag = `cdf-floor-${randomUUID().slice(0, 8)}:build`;
  const inBuilder = async (script: string, image = plan.builderImage, mount = false) =>
    Number(
      String((await docker(['run', '--rm', ...caRunArgs(), ...(mount ? ['-v', `${dir}:/src:ro`] : []), '--entrypoint', 'sh', image, '-c', script])).stdout)
        .trim()
        .split('\n')
        .pop(),
    );
  try {
    if (node.productionDependencies) {
      const install = [node.install.setup, node.install.installProduction].filter(Boolean).join(' && ');
      const copy = node.installFiles.map((file) => `/src/${file}`).join(' ');
      parts.push({
        name: 'production node_modules, installed apart',
        bytes: await inBuilder(`set -e; mkdir /w; cp ${copy} /w/; cd /w; (${install}) >/dev/null 2>&1; du -sb node_modules | cut -f1`, plan.builderImage, true),
      });
    }
    const built = node.buildStage && (node.build || node.staticSite || node.outputCopies.length > 0 || node.generatedCopies.length > 0);
    const args = Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
    if (built) await docker(['build', '--target', 'build', ...args, ...secretArgs(dir, undefined, MACHINE_CA), '-t', buildTag, dir]);
    // Generated code (the Prisma Client) is part of what the app needs, measured where it was generated.
    for (const { from } of node.generatedCopies) parts.push({ name: `generated ${from}`, bytes: await inBuilder(`du -sb /app/${from} | cut -f1`, buildTag) });
    if (node.staticSite) {
      parts.push({ name: `built site ${node.staticSite.root}`, bytes: await inBuilder(`du -sb /app/${node.staticSite.root} | cut -f1`, buildTag) });
    } else if (node.outputCopies.length > 0) {
      for (const { from } of node.outputCopies) parts.push({ name: `build output ${from}`, bytes: await inBuilder(`du -sb /app/${from} | cut -f1`, buildTag) });
    } else {
      const sources = projectFiles(dir, node.build);
      parts.push({ name: `project files (no tests${node.build ? ', no TypeScript sources' : ''})`, bytes: sources });
      if (node.build && node.outDir)
        parts.push({ name: `build output ${node.outDir}`, bytes: await inBuilder(`du -sb /app/${node.outDir} | cut -f1`, buildTag) });
    }
  } finally {
    await docker(['rmi', '-f', buildTag], { reject: false });
  }
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

/** The project's own files an app without a build runs from: no tests, no tooling state, no Docker files. */
function projectFiles(dir: string, build: boolean): number {
  const skip = /(^|\/)(node_modules|\.git|test|tests|__tests__|coverage)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?$|^(Dockerfile|\.dockerignore|\.gitignore)$/;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (skip.test(path) || (build && /\.(m|c)?tsx?$/.test(path)) || (build && path === 'tsconfig.json')) continue;
    total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}
