import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

let writes = 0;

/**
 * Writes next to the target, then renames over it: a reader or a crash never sees half a file.
 * Synchronous: a one-shot CLI writing two small files gains nothing from the thread pool.
 */
export function writeAtomically(path: string, contents: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  // Unique per process and call; `wx` refuses to reuse a name anyway. (No crypto: loading it costs every run.)
  const temporary = `${path}.${(process.pid * 1_000_000 + ++writes).toString(16).padStart(12, '0').slice(-12)}.tmp`;
  try {
    writeFileSync(temporary, contents, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
