import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { own } from '../../core/own.js';
import { isPlainObject } from '../../core/schema.js';
import type { ProjectSnapshot } from '../../core/types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/**
 * A start script that calls a package's CLI (`next start`, `react-router-serve ...`) is run as
 * `node node_modules/<package>/<bin file> ...`, so that node itself is PID 1 instead of a shell
 * or npm. The bin file comes from the lockfile npm wrote (it records each package's `bin`), else from
 * an installed node_modules, else from this table of well-known CLIs, which is a guess: the
 * Dockerfile then checks at build time that the file is there.
 */
const KNOWN_BINS: Readonly<Record<string, readonly [pkg: string, file: string]>> = {
  next: ['next', 'dist/bin/next'],
  fastify: ['fastify-cli', 'cli.js'],
  'react-router-serve': ['@react-router/serve', 'bin.cjs'],
  'remix-serve': ['@remix-run/serve', 'dist/cli.js'],
  nuxt: ['nuxt', 'bin/nuxt.mjs'],
  nuxi: ['nuxt', 'bin/nuxt.mjs'],
  astro: ['astro', 'bin/astro.mjs'],
  nest: ['@nestjs/cli', 'bin/nest.js'],
  prisma: ['prisma', 'build/index.js'],
  tsx: ['tsx', 'dist/cli.mjs'],
  'ts-node': ['ts-node', 'dist/bin.js'],
  serve: ['serve', 'build/main.js'],
  pm2: ['pm2', 'bin/pm2'],
  'pm2-runtime': ['pm2', 'bin/pm2-runtime'],
};

export interface ResolvedBin {
  /** Relative to the app folder: node_modules/<package>/<file>. */
  readonly path: string;
  readonly pkg: string;
  /** Where the file name came from: the lockfile, node_modules, or this tool's table (a guess). */
  readonly source: string;
  readonly guessed: boolean;
}

interface Manifests {
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** The bin file for `command`, from the package that provides it; refused when that package does not ship. */
export function resolveBin(
  snapshot: ProjectSnapshot,
  command: string,
  { dependencies, devDependencies }: Manifests,
  lockfile?: string,
): ResolvedBin | undefined {
  const found = findBin(snapshot, command, { dependencies, devDependencies }, lockfile);
  if (!found) return undefined;
  if (own(dependencies, found.pkg) === undefined) {
    const where = own(devDependencies, found.pkg) !== undefined ? 'a devDependency' : 'not a dependency of this package';
    throw new UserError(ERRORS.message('error.bins.comes-from-image', { command, pkg: found.pkg, where, pkg2: found.pkg }));
  }
  return found;
}

/** The package that provides `command` and its bin file, wherever that package sits in the manifest. */
export function findBin(snapshot: ProjectSnapshot, command: string, manifests: Manifests, lockfile?: string): ResolvedBin | undefined {
  return (
    fromLockfile(snapshot, command, lockfile) ??
    fromNodeModules(snapshot, command, [...Object.keys(manifests.dependencies), ...Object.keys(manifests.devDependencies)]) ??
    fromTable(command, manifests)
  );
}

const binPath = (pkg: string, file: string) => posix.join('node_modules', pkg, posix.normalize(file).replace(/^(\.\/)+/, ''));

/** A bin file may not leave its package folder. */
const safeFile = (file: unknown): file is string =>
  typeof file === 'string' && file !== '' && !posix.isAbsolute(file) && !posix.normalize(file).startsWith('..');

/** npm's lockfile (v2, v3) records every package's bin map under packages["node_modules/<name>"]. */
function fromLockfile(snapshot: ProjectSnapshot, command: string, lockfile?: string): ResolvedBin | undefined {
  if (lockfile !== 'package-lock.json' && lockfile !== 'npm-shrinkwrap.json') return undefined;
  let packages: unknown;
  try {
    packages = (JSON.parse(snapshot.read(lockfile) ?? '{}') as { packages?: unknown }).packages;
  } catch {
    return undefined; // npm ci reports a broken lockfile better than this tool can.
  }
  if (!isPlainObject(packages)) return undefined;
  for (const [key, entry] of Object.entries(packages)) {
    // Top-level packages only: a nested copy is not what node_modules/.bin links.
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
    if (!pkg || !isPlainObject(entry) || !isPlainObject(entry.bin)) continue;
    const file = own(entry.bin, command);
    if (safeFile(file)) return { path: binPath(pkg, file), pkg, source: `${lockfile} (${pkg}'s bin ${command})`, guessed: false };
  }
  return undefined;
}

/** An installed node_modules: each dependency's own package.json. */
function fromNodeModules(snapshot: ProjectSnapshot, command: string, names: readonly string[]): ResolvedBin | undefined {
  for (const pkg of names) {
    if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(pkg)) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(snapshot.read(`node_modules/${pkg}/package.json`) ?? 'null');
    } catch {
      continue;
    }
    if (!isPlainObject(manifest)) continue;
    const bin = manifest.bin;
    const unscoped = pkg.split('/').pop();
    const file = typeof bin === 'string' ? (unscoped === command ? bin : undefined) : isPlainObject(bin) ? own(bin, command) : undefined;
    if (safeFile(file)) return { path: binPath(pkg, file), pkg, source: `node_modules/${pkg}/package.json`, guessed: false };
  }
  return undefined;
}

/** Only for a package the project depends on: the table says which file, never that the package is there. */
function fromTable(command: string, { dependencies, devDependencies }: Manifests): ResolvedBin | undefined {
  const known = own(KNOWN_BINS, command);
  if (!known) return undefined;
  const [pkg, file] = known;
  if (own(dependencies, pkg) === undefined && own(devDependencies, pkg) === undefined) return undefined;
  return { path: binPath(pkg, file), pkg, source: `this tool's table of known CLIs (no npm lockfile to read it from)`, guessed: true };
}
