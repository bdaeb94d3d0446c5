import { accessSync, constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import { readProjectFile } from '../read-gate.js';
import type { ProjectSnapshot, UncopyableEntry } from '../types.js';
import { ERRORS } from '../explain/error-messages.js';

/**
 * Folders that hold dependencies, VCS data or caches. They can hold hundreds of thousands of files,
 * so they are noted but never walked: detection must stay fast on real trees.
 */
const PRUNED = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  '.cache',
  '.next',
  '.nuxt',
  '.turbo',
  '.gradle',
  'target',
  '.idea',
  '.vscode',
  '.tox',
  '.mypy_cache',
]);

/** Deep trees are not worth walking for detection; entry points live near the root. */
const MAX_DEPTH = 8;

/** Refuses anything but an existing directory, before anything (yeoman included) can create it. */
export function assertDirectory(root: string): void {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new UserError(ERRORS.message('error.snapshot.such-directory', { root }));
  }
  if (!stat.isDirectory()) throw new UserError(ERRORS.message('error.snapshot.directory', { root }));
  try {
    accessSync(root, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw new UserError(ERRORS.message('error.snapshot.cannot-read-directory', { root, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
  }
}

/** Refuses a folder the files cannot be written to, before yeoman announces any "create". */
export function assertWritable(root: string): void {
  try {
    accessSync(root, constants.W_OK);
  } catch (error) {
    throw new UserError(ERRORS.message('error.snapshot.cannot-write-here', { root, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
  }
}

export function takeSnapshot(root: string): ProjectSnapshot {
  assertDirectory(root);

  const files: string[] = [];
  const pruned: string[] = [];
  const uncopyable: UncopyableEntry[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0)
        throw new UserError(ERRORS.message('error.snapshot.cannot-read-directory', { root, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (PRUNED.has(entry.name)) {
          pruned.push(toPosix(relative(root, full)));
        } else if (depth < MAX_DEPTH) {
          walk(full, depth + 1);
        }
      } else {
        // Regular files, and links, FIFOs, sockets and devices too: a detector that asks for one by
        // name gets the reading gate's verdict (read, or refused by name), never "absent". A link to
        // a folder is listed, not walked: it can loop or lead out of the tree.
        const path = toPosix(relative(root, full));
        files.push(path);
        const why = whyUncopyable(entry, full, root);
        if (why) uncopyable.push({ path, why });
      }
    }
  };
  walk(root, 0);
  files.sort();
  pruned.sort();

  return {
    root,
    files,
    pruned,
    read: readOnce(root),
    uncopyable,
  };
}

/**
 * Each file is read from disk once per run: the detectors of every workspace member ask for the root's
 * lockfile and manifests again, and a run must see one version of a file anyway. A refusal (a FIFO, a
 * link out of the tree) is not kept: it throws again, as it did the first time.
 */
function readOnce(root: string): (relativePath: string) => string | undefined {
  const read = new Map<string, string | undefined>();
  return (relativePath) => {
    if (read.has(relativePath)) return read.get(relativePath);
    const content = readProjectFile(root, relativePath);
    read.set(relativePath, content);
    return content;
  };
}

/** What a build could not copy as a file, from the entry's own type (a link: from where it leads). */
function whyUncopyable(entry: Dirent, full: string, root: string): string | undefined {
  if (entry.isFIFO()) return 'is a FIFO';
  if (entry.isSocket()) return 'is a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'is a device';
  if (!entry.isSymbolicLink()) return undefined;
  let target: string;
  try {
    target = realpathSync.native(full);
  } catch {
    return undefined; // A link to nothing copies as a link; COPY names it at its own risk, as docker would.
  }
  const inside = realpathSync.native(root);
  return target === inside || target.startsWith(inside + sep) ? undefined : 'links outside the project';
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** In-memory snapshot for tests and for callers that already hold the files. */
export function memorySnapshot(root: string, contents: Record<string, string>, pruned: string[] = []): ProjectSnapshot {
  return {
    root,
    files: Object.keys(contents).sort(),
    pruned: [...pruned].sort(),
    read: (path) => contents[path],
    uncopyable: [],
  };
}
