import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { docker } from '../../generators/verify/docker.js';
import { startBuildkit, type BuildkitDaemon } from './buildkit.js';
import { execa } from 'execa';
import { withImageLock } from './lock.js';
import { debootstrapRootfs, ensureBase, RECIPE_LABEL, recipeContext, recipeHash, useRealBases, type Arch } from './ensure.js';
import { recipeFor, SBOM_SCANNER_IMAGE, type DebootstrapRecipe, type Recipe } from './recipes.js';

/**
 * Stand-in bases for several platforms. The engine's image store holds one platform per tag, so a
 * base for linux/amd64 and linux/arm64 lives where multi-platform images live: in a registry, as a
 * manifest list under its upstream path (library/debian:13-slim, distroless/static-debian13:nonroot),
 * which the shared BuildKit daemon reaches through its registry mirrors. The amd64 image is the
 * engine's own stand-in, pushed; the arm64 one is built by the same recipe, under QEMU: debootstrap
 * for arm64, then each Dockerfile recipe on the BuildKit daemon with its arm64 downloads.
 */

/** The registry (Debian's docker-registry) holding the stand-ins by platform; kept, like the engine's stand-ins. */
export const BASES_REGISTRY = process.env.CREATE_DOCKERFILE_BASES_REGISTRY ?? '127.0.0.1:5050';
const STORE = process.env.CREATE_DOCKERFILE_BASES_STORE ?? '/var/lib/create-dockerfile/bases-registry';
/** The shared BuildKit daemon's TLS port on loopback. */
const BUILDKIT_PORT = Number(process.env.CREATE_DOCKERFILE_BUILDKIT_PORT ?? 1234);
export const SHARED_BUILDER = 'cdf-buildkit';
/** The loopback registry the shipping tests push to: the shared daemon takes it over plain HTTP. */
export const SHIP_REGISTRY_PORT = Number(process.env.CREATE_DOCKERFILE_SHIP_REGISTRY_PORT ?? 5051);
export const SHIP_REGISTRY = `127.0.0.1:${SHIP_REGISTRY_PORT}`;

/**
 * Whether the multi-platform suite ships the languages built under QEMU (Node, Python) too. On CI's
 * two cores arm64 is tested on the cross-compiled subset (Go and C: built on the build machine, run
 * under QEMU): an emulated language needs arm64 stand-ins assembled under QEMU (debian:13-slim's
 * debootstrap alone took 727 s there, node:26-slim 236 s, Python's distroless eleven minutes) and
 * installs its packages emulated. CREATE_DOCKERFILE_SHIP=all runs every language, as the closing
 * notes' measurements do.
 */
export const shipsEveryLanguage = () => process.env.CREATE_DOCKERFILE_SHIP === 'all';

/**
 * What the multi-platform tests (test/integration/ship.test.ts) build from, built ahead by `npm run
 * bases`: the runtime bases and emulated builders of the listening fixtures for both platforms, the
 * cross-compiling builders (Go, C) and the SBOM scanner for the build machine's alone. The tests
 * ensure whatever their Dockerfiles name themselves; this list only starts the long builds early.
 */
export const PLATFORM_BASES: readonly { readonly image: string; readonly arches: readonly Arch[] }[] = [
  ...(shipsEveryLanguage()
    ? ['gcr.io/distroless/python3-debian13:nonroot', 'gcr.io/distroless/nodejs26-debian13:nonroot', 'node:26-slim', 'debian:13-slim']
    : []
  ).map((image) => ({
    image,
    arches: ['amd64', 'arm64'] as const,
  })),
  ...['golang:1.26', 'golang:1.25', 'gcc:14', SBOM_SCANNER_IMAGE].map((image) => ({ image, arches: ['amd64'] as const })),
];

/** `gcr.io/distroless/static-debian13:nonroot` -> `distroless/static-debian13:nonroot`; `node:26-slim` -> `library/node:26-slim`. */
export function mirrorPath(image: string): string {
  const [first, ...rest] = image.split('/');
  if (rest.length > 0 && /[.:]/.test(first!)) return rest.join('/');
  return rest.length === 0 ? `library/${image}` : image;
}

export const inBasesRegistry = (image: string) => `${BASES_REGISTRY}/${mirrorPath(image)}`;

const answers = (host: string) =>
  fetch(`http://${host}/v2/`).then(
    (response) => response.ok,
    () => false,
  );

/** Starts the bases registry, detached so that it outlives this process (like the engine's stand-ins), unless it answers. */
export async function ensureBasesRegistry(): Promise<void> {
  if (await answers(BASES_REGISTRY)) return;
  mkdirSync(join(STORE, 'data'), { recursive: true });
  const config = join(STORE, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${join(STORE, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${BASES_REGISTRY}\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { detached: true, stdio: 'ignore' });
  child.unref();
  for (let tries = 0; !(await answers(BASES_REGISTRY)); tries++) {
    if (tries > 100) throw new Error(`the bases registry (docker-registry) did not answer on ${BASES_REGISTRY}; is Debian's docker-registry installed?`);
    await sleep(100);
  }
}

let shared: Promise<BuildkitDaemon> | undefined;

/** The BuildKit daemon builds of several platforms share, its mirrors pointing at the bases registry. */
export function sharedBuildkit(): Promise<BuildkitDaemon> {
  shared ??= ensureBasesRegistry().then(() => startBuildkit(SHARED_BUILDER, BUILDKIT_PORT, BASES_REGISTRY, [SHIP_REGISTRY]));
  return shared;
}

/** What the store holds, by image: the recipe hash it was built from and the platforms its list holds. */
interface Stored {
  readonly hash: string;
  readonly arches: readonly Arch[];
}
const builtFile = () => join(STORE, 'built.json');
const readBuilt = (): Record<string, Stored> => {
  try {
    return JSON.parse(readFileSync(builtFile(), 'utf8')) as Record<string, Stored>;
  } catch {
    return {};
  }
};
const recordBuilt = (image: string, stored: Stored) => writeFileSync(builtFile(), JSON.stringify({ ...readBuilt(), [image]: stored }, null, 2));

/** One build per image at a time: a second caller waits for it, then finds what it asked for or adds to it. */
const queues = new Map<string, Promise<void>>();

/**
 * Makes `image` a manifest list holding (at least) `arches` in the bases registry, unless the list
 * there was built from the same recipe and holds them: a list only grows, so an image asked for amd64
 * alone (golang, gcc: build stages that run on the build machine's platform) keeps its arm64 image.
 */
export function ensurePlatformBase(image: string, arches: readonly Arch[]): Promise<void> {
  if (image === 'scratch' || useRealBases()) return Promise.resolve();
  const job = (queues.get(image) ?? Promise.resolve()).catch(() => undefined).then(() => buildPlatformBase(image, arches));
  queues.set(image, job);
  return job;
}

function buildPlatformBase(image: string, asked: readonly Arch[]): Promise<void> {
  return withImageLock(`registry ${image}`, () => buildUnlocked(image, asked));
}

async function buildUnlocked(image: string, asked: readonly Arch[]): Promise<void> {
  const recipe = recipeFor(image);
  if (!recipe) throw new Error(`no stand-in recipe for ${image}`);
  const hash = recipeHash(recipe);
  await ensureBasesRegistry();
  const stored = readBuilt()[image];
  const kept = stored?.hash === hash ? stored.arches : [];
  if (asked.every((arch) => kept.includes(arch))) return;
  const arches = [...new Set([...kept, ...asked])].sort();
  // A parent is needed in the registry only where BuildKit builds this recipe: for platforms other than the engine's own.
  const foreign = asked.filter((arch) => arch !== 'amd64' && !kept.includes(arch));
  if (recipe.kind === 'dockerfile' && foreign.length > 0) for (const parent of recipe.parents) await ensurePlatformBase(parent, foreign);
  const target = inBasesRegistry(image);
  const started = Date.now();
  process.stderr.write(`bases: ${image} for ${arches.join(', ')} into ${BASES_REGISTRY}\n`);
  for (const arch of arches) if (!kept.includes(arch)) await pushArch(recipe, hash, arch, `${target}-${arch}`);
  await docker([
    'buildx',
    'imagetools',
    'create',
    '--builder',
    (await sharedBuildkit()).builder,
    '--tag',
    target,
    ...arches.map((arch) => `${target}-${arch}`),
  ]);
  recordBuilt(image, { hash, arches });
  process.stderr.write(`bases: ${image} for ${arches.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * debootstrap's tree for `arch` as a build context: the tree as a tar that ADD unpacks (owners kept),
 * then the recipe's changes. The engine's `docker import --platform` records the engine's own
 * architecture whatever it is told, so the image is assembled by BuildKit, which records the platform.
 */
async function rootfsContext(recipe: DebootstrapRecipe, hash: string, arch: Arch): Promise<string> {
  const root = await debootstrapRootfs(recipe, arch);
  try {
    const context = mkdtempSync(join(tmpdir(), 'cdf-rootfs-context-'));
    await execa('tar', ['-C', root, '--numeric-owner', '-cf', join(context, 'rootfs.tar'), '.']);
    writeFileSync(join(context, 'Dockerfile'), ['FROM scratch', 'ADD rootfs.tar /', ...recipe.changes, `LABEL ${RECIPE_LABEL}=${hash}`, ''].join('\n'));
    return context;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One platform's image of the recipe, pushed as `tag`. */
async function pushArch(recipe: Recipe, hash: string, arch: Arch, tag: string): Promise<void> {
  if (arch === 'amd64') {
    // The engine's own stand-in, as every single-platform test uses it.
    await ensureBase(recipe.image);
    await docker(['tag', recipe.image, tag]);
    await docker(['push', tag]);
    await docker(['rmi', tag]);
    return;
  }
  const context = recipe.kind === 'debootstrap' ? await rootfsContext(recipe, hash, arch) : await recipeContext(recipe, hash, arch);
  try {
    const { builder } = await sharedBuildkit();
    const result = await docker(
      ['buildx', 'build', '--builder', builder, '--platform', `linux/${arch}`, '--provenance=false', '--tag', tag, '--push', context],
      {
        reject: false,
        all: true,
      },
    );
    if (result.exitCode !== 0) throw new Error(`building ${recipe.image} for ${arch} failed:\n${String(result.all).split('\n').slice(-25).join('\n')}`);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}
