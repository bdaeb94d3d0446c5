import { chmodSync, chownSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

let writes = 0;

/**
 * Writes next to the target, then renames over it: a reader or a crash never sees half a file.
 * Synchronous: a one-shot CLI writing two small files gains nothing from the thread pool. A file that
 * was there keeps its mode and, where the process may set it, its owner: a rename would otherwise
 * give it the new file's (0644 from the umask, this user's), loosening a .env of 0600.
 */
export function writeAtomically(path: string, contents: string | Buffer, options: { readonly newFileMode?: number } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const before = statIfFile(path);
  // Unique per process and call; `wx` refuses to reuse a name anyway. (No crypto: loading it costs every run.)
  const temporary = `${path}.${(process.pid * 1_000_000 + ++writes).toString(16).padStart(12, '0').slice(-12)}.tmp`;
  try {
    // Created with the narrower mode from the start, so the content is never readable more widely.
    writeFileSync(temporary, contents, { flag: 'wx', mode: before ? 0o600 : (options.newFileMode ?? 0o666) });
    if (before) {
      chmodSync(temporary, before.mode & 0o7777);
      if (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()) keepOwner(temporary, before);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function statIfFile(path: string): Stats | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** Only root may give a file away; anyone else's copy stays theirs, as an editor's save would. */
function keepOwner(path: string, before: Stats): void {
  try {
    chownSync(path, before.uid, before.gid);
  } catch {
    // Not permitted: the file is now this user's, with the old mode.
  }
}
