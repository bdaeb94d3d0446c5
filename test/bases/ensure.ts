import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker, imageLabel } from '../../generators/verify/docker.js';
import { withImageLock } from './lock.js';
import {
  NODE_ENTRYPOINT_SCRIPT,
  recipeFor,
  SLIM_SOURCES,
  type DebootstrapRecipe,
  type DockerfileRecipe,
  type GoBuildPrepare,
  type Recipe,
  type WheelScriptsPrepare,
} from './recipes.js';

export const RECIPE_LABEL = 'dev.create-dockerfile.recipe';

/** With this set, tests use the real upstream images (pulled as usual) and no stand-in is built. */
export const useRealBases = () => process.env.CREATE_DOCKERFILE_REAL_BASES === '1';

/** A recipe's hash covers its parents', so a changed debian:13-slim rebuilds everything above it. */
export function recipeHash(recipe: Recipe): string {
  const hash = createHash('sha256').update(JSON.stringify(recipe));
  if (recipe.kind === 'dockerfile') {
    for (const parent of recipe.parents) hash.update(recipeHash(requireRecipe(parent)));
  }
  return hash.digest('hex').slice(0, 16);
}

const requireRecipe = (image: string): Recipe => {
  const recipe = recipeFor(image);
  if (!recipe) throw new Error(`no stand-in recipe for ${image}`);
  return recipe;
};

const log = (message: string) => process.stderr.write(`bases: ${message}\n`);

/** Builds in flight, by image: callers running side by side (npm run bases builds several at once) share one build. */
const building = new Map<string, Promise<void>>();

/** Builds the stand-in for `image` (and its parents) unless an image with the same recipe exists. */
export function ensureBase(image: string): Promise<void> {
  if (image === 'scratch' || useRealBases()) return Promise.resolve();
  let build = building.get(image);
  if (!build) {
    build = withImageLock(`engine ${image}`, () => buildIfStale(image));
    building.set(image, build);
    // A failed build may be retried by a later caller; a finished one answers from the label next time.
    void build.finally(() => building.delete(image)).catch(() => undefined);
  }
  return build;
}

async function buildIfStale(image: string): Promise<void> {
  const recipe = requireRecipe(image);
  if (recipe.kind === 'dockerfile') for (const parent of recipe.parents) await ensureBase(parent);
  const hash = recipeHash(recipe);
  if ((await imageLabel(image, RECIPE_LABEL)) === hash) return;
  const started = Date.now();
  log(`building ${image} (recipe ${hash})`);
  const previous = String((await docker(['image', 'inspect', '--format', '{{.Id}}', image], { reject: false })).stdout).trim();
  if (recipe.kind === 'debootstrap') await buildDebootstrap(recipe, hash);
  else await buildDockerfile(recipe, hash);
  // The superseded stand-in would stay behind untagged; disk is short on these machines.
  if (previous) await docker(['image', 'rm', previous], { reject: false });
  log(`built ${image} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function buildDebootstrap(recipe: DebootstrapRecipe, hash: string): Promise<void> {
  const root = await debootstrapRootfs(recipe);
  try {
    const changes = [...recipe.changes, `LABEL ${RECIPE_LABEL}=${hash}`].flatMap((change) => ['--change', change]);
    const tar = execa('tar', ['-C', root, '--numeric-owner', '-c', '.'], { buffer: false });
    const dockerImport = docker(['import', ...changes, '-', recipe.image], { stdin: 'pipe' });
    tar.stdout.pipe(dockerImport.stdin);
    await Promise.all([tar, dockerImport]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * debootstrap's minbase of the recipe's suite in a new folder (the caller removes it), trimmed as the
 * official slim images are. For another architecture (`arch`, Debian's name), debootstrap's second
 * stage runs its packages' scripts through the host's QEMU (binfmt_misc).
 */
export async function debootstrapRootfs(recipe: DebootstrapRecipe, arch?: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cdf-rootfs-'));
  try {
    const archFlag = arch === undefined ? [] : [`--arch=${arch}`];
    await execa('debootstrap', ['--variant=minbase', ...archFlag, recipe.suite, root, 'http://deb.debian.org/debian'], {
      stdout: 'ignore',
      stderr: 'pipe',
    }).catch((error: { stderr?: string }) => {
      throw new Error(
        `debootstrap ${recipe.suite}${arch ? ` (${arch})` : ''} failed (is it installed, are you root${arch ? ', and does binfmt_misc run its binaries' : ''}?): ${(error.stderr ?? (error instanceof Error ? error.message : 'no output')).split('\n').slice(-3).join(' ')}`,
      );
    });
    for (const dir of ['usr/share/doc', 'usr/share/man', 'usr/share/info', 'usr/share/locale', 'var/cache/apt', 'var/lib/apt/lists']) {
      rmSync(join(root, dir), { recursive: true, force: true });
      mkdirSync(join(root, dir), { recursive: true });
    }
    rmSync(join(root, 'etc/apt/sources.list'), { force: true });
    writeFileSync(join(root, 'etc/apt/sources.list.d/debian.sources'), SLIM_SOURCES);
    return root;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's architecture names for the platforms stand-ins are built for, and what npm and PyPI call them. */
export const ARCHES = {
  amd64: { node: 'x64', wheel: 'x86_64', goarch: 'amd64' },
  arm64: { node: 'arm64', wheel: 'aarch64', goarch: 'arm64' },
} as const;
export type Arch = keyof typeof ARCHES;

/** A folder holding the recipe's Dockerfile and every file it copies, downloads for `arch` included; the caller removes it. */
export async function recipeContext(recipe: DockerfileRecipe, hash: string, arch: Arch = 'amd64'): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'cdf-base-'));
  try {
    writeFileSync(join(context, 'Dockerfile'), `${recipe.dockerfile}LABEL ${RECIPE_LABEL}=${hash}\n`);
    for (const [name, source] of Object.entries(recipe.context ?? {})) copyFileSync(source, join(context, name));
    for (const [name, content] of Object.entries(recipe.files ?? {})) writeFileSync(join(context, name), content, { mode: 0o755 });
    if (recipe.prepare?.kind === 'node') await prepareNode(context, recipe.prepare.version, recipe.prepare.npm, ARCHES[arch].node);
    if (recipe.prepare?.kind === 'wheel-scripts')
      await prepareWheelScripts(context, { ...recipe.prepare, platform: recipe.prepare.platform.replace(ARCHES.amd64.wheel, ARCHES[arch].wheel) });
    if (recipe.prepare?.kind === 'go-build') await prepareGoBuild(context, recipe.prepare, ARCHES[arch].goarch);
    return context;
  } catch (error) {
    rmSync(context, { recursive: true, force: true });
    throw error;
  }
}

async function buildDockerfile(recipe: DockerfileRecipe, hash: string): Promise<void> {
  const context = await recipeContext(recipe, hash);
  try {
    const result = await docker(['build', '-t', recipe.image, context], { reject: false, all: true });
    if (result.exitCode !== 0) throw new Error(`building ${recipe.image} failed:\n${String(result.all).split('\n').slice(-25).join('\n')}`);
    if (recipe.check) {
      const check = await docker(['run', '--rm', recipe.image, ...recipe.check.command]);
      if (!String(check.stdout).includes(recipe.check.expect)) {
        throw new Error(`${recipe.image} does not hold what its tag names: ${String(check.stdout).trim()}`);
      }
    }
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/**
 * Builds a module's commands with the host's Go, in the module's own folder of the module cache, so
 * its go.mod (replace and exclude directives) governs the build as it does upstream's.
 */
async function prepareGoBuild(context: string, prepare: GoBuildPrepare, goarch: string): Promise<void> {
  const { stdout } = await execa('go', ['mod', 'download', '-json', `${prepare.module}@${prepare.version}`]);
  const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`stand-in bases: the Go module proxy gave no source for ${prepare.module}@${prepare.version}`);
  const ldflags = ['-s', '-w', ...(prepare.versionVariable ? [`-X ${prepare.versionVariable}=${prepare.version}`] : [])].join(' ');
  await execa('go', ['build', '-trimpath', `-ldflags=${ldflags}`, '-o', `${context}/`, ...prepare.commands], {
    cwd: dir,
    env: { CGO_ENABLED: '0', GOARCH: goarch, GOFLAGS: '-buildvcs=false' },
  });
}

/** Downloads the wheel with the host's pip (which trusts the machine's proxy) and takes out its scripts. */
async function prepareWheelScripts(context: string, prepare: WheelScriptsPrepare): Promise<void> {
  const downloads = mkdtempSync(join(tmpdir(), 'cdf-wheel-'));
  try {
    await execa('python3', [
      '-m',
      'pip',
      'download',
      '--quiet',
      '--no-deps',
      '--only-binary',
      ':all:',
      '--platform',
      prepare.platform,
      '--dest',
      downloads,
      `${prepare.project}==${prepare.version}`,
    ]);
    const wheel = readdirSync(downloads).find((file) => file.endsWith('.whl'));
    if (!wheel) throw new Error(`stand-in bases: pip downloaded no wheel of ${prepare.project} ${prepare.version} for ${prepare.platform}`);
    for (const script of prepare.scripts) {
      const member = `${prepare.project}-${prepare.version}.data/scripts/${script}`;
      const read = 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))';
      const { stdout } = await execa('python3', ['-c', read, join(downloads, wheel), member], { encoding: 'buffer' });
      writeFileSync(join(context, script), stdout, { mode: 0o755 });
    }
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

/**
 * Lays out usr-local/ as the official Node tarball does under /usr/local: bin/node, include/node
 * (node-gyp's headers) and lib/node_modules/npm with its bin links. Both packages come from the npm
 * registry, the one place official Node binaries can be fetched from here.
 */
async function prepareNode(context: string, version: string, npmVersion: string, arch: string): Promise<void> {
  const downloads = mkdtempSync(join(tmpdir(), 'cdf-node-'));
  try {
    await execa('npm', ['pack', `node-linux-${arch}@${version}`, `npm@${npmVersion}`, '--pack-destination', downloads], { stdout: 'ignore' });
    const usrLocal = join(context, 'usr-local');
    const nodeDir = join(downloads, 'node');
    const npmDir = join(usrLocal, 'lib/node_modules/npm');
    for (const dir of [nodeDir, npmDir, join(usrLocal, 'bin'), join(usrLocal, 'include')]) mkdirSync(dir, { recursive: true });
    await execa('tar', ['-xzf', join(downloads, `node-linux-${arch}-${version}.tgz`), '-C', nodeDir, '--strip-components=1']);
    await execa('mv', [join(nodeDir, 'bin/node'), join(usrLocal, 'bin/node')]);
    await execa('mv', [join(nodeDir, 'include/node'), join(usrLocal, 'include/node')]);
    await execa('tar', ['-xzf', join(downloads, `npm-${npmVersion}.tgz`), '-C', npmDir, '--strip-components=1']);
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(usrLocal, 'bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(usrLocal, 'bin/npx'));
    writeFileSync(join(context, 'docker-entrypoint.sh'), NODE_ENTRYPOINT_SCRIPT, { mode: 0o755 });
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}
