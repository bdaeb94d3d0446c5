import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { basename, isAbsolute, join, normalize, sep } from 'node:path';
import { UserError } from './errors.js';
import { ERRORS } from './explain/error-messages.js';

/**
 * The one way project files are read. A project folder is untrusted input (people run this on
 * repositories they just cloned), so only regular files inside the tree are read: a link is followed
 * only to a file that is itself inside the tree, never to a device or a FIFO (which would hang or
 * never end), and never past a size cap for its kind. A file that is there but cannot be read is an
 * error naming it, never "absent".
 */

const MiB = 1024 * 1024;

/** Lockfiles of large monorepos run to tens of megabytes; anything else this tool reads is small. */
const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'Pipfile.lock',
  'go.sum',
]);

function readLimit(path: string): number {
  const name = basename(path);
  if (LOCKFILES.has(name)) return 64 * MiB;
  if (/\.(go|c|h|cc|cpp|py|js|mjs|cjs|ts|mts|cts)$/.test(name)) return 4 * MiB;
  return 1 * MiB;
}

export interface ReadOptions {
  /** Refuse links altogether, even to a file inside the tree (project templates are code). */
  readonly followLinks?: boolean;
}

const realRoots = new Map<string, string>();
const realRoot = (root: string) => {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
};

/** The file's text (UTF-8, a leading BOM dropped), or undefined when there is no such file. */
export function readProjectFile(root: string, relativePath: string, options: ReadOptions = {}): string | undefined {
  const path = normalize(relativePath);
  if (isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`))
    throw new UserError(ERRORS.message('error.read-gate.outside-project-read', { relativePath }));
  const full = join(root, path);
  let link: Stats;
  try {
    link = lstatSync(full);
  } catch (error) {
    if (isAbsence(error)) return undefined;
    throw cannotRead(relativePath, error);
  }
  if (link.isSymbolicLink() && options.followLinks === false) throw new UserError(ERRORS.message('error.read-gate.symbolic-link-read', { relativePath }));
  let real: string;
  try {
    // The system's realpath(3): one call, where the JS version walks the path itself.
    real = realpathSync.native(full);
  } catch (error) {
    // A link to nothing: there is no file to read.
    if (isAbsence(error)) return undefined;
    throw cannotRead(relativePath, error);
  }
  const inside = realRoot(root);
  if (real !== inside && !real.startsWith(inside.endsWith(sep) ? inside : inside + sep))
    throw new UserError(ERRORS.message('error.read-gate.links-outside-project', { relativePath }));
  return readRegularFile(real, relativePath, readLimit(path));
}

/**
 * A regular file's text, checked on the open descriptor itself: opening never blocks (O_NONBLOCK,
 * for a FIFO) and never follows a last-moment link (O_NOFOLLOW), and the size is read from the file
 * that was opened.
 */
export function readRegularFile(path: string, shownAs: string, limit: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError(ERRORS.message('error.read-gate.symbolic-link-read-2', { shownAs }));
    throw cannotRead(shownAs, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError(ERRORS.message('error.read-gate.regular-file-read', { shownAs, value: kindOf(stat) }));
    if (stat.size > limit) throw new UserError(ERRORS.message('error.read-gate.bytes-over-bytes', { shownAs, size: stat.size, limit }));
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) throw new UserError(ERRORS.message('error.read-gate.grew-past-bytes', { shownAs, limit }));
      if (length === buffer.length) break;
    }
    return buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw cannotRead(shownAs, error);
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

const isAbsence = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

const cannotRead = (shownAs: string, error: unknown) =>
  new UserError(ERRORS.message('error.read-gate.cannot-read', { shownAs, value: (error as NodeJS.ErrnoException).code ?? 'error' }));
