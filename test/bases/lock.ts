import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCKS = process.env.CREATE_DOCKERFILE_BASES_LOCKS ?? '/var/lib/create-dockerfile/locks';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Another process may be building the same stand-in (CI builds the platform bases in the background
 * while the engine's are built and the tests start): a lock folder per name, holding its owner's pid,
 * taken over when that pid is gone.
 */
export async function withImageLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  mkdirSync(LOCKS, { recursive: true });
  const lock = join(LOCKS, name.replace(/[^\w.-]+/g, '_'));
  for (;;) {
    // The lock appears whole, pid inside, by renaming a folder made beside it: no reader sees it empty.
    const mine = `${lock}.${process.pid}.${Date.now()}`;
    mkdirSync(mine);
    writeFileSync(join(mine, 'pid'), String(process.pid));
    try {
      renameSync(mine, lock);
      break;
    } catch {
      rmSync(mine, { recursive: true, force: true });
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        continue; // released meanwhile
      }
      if (isAlive(owner)) await sleep(1000);
      else release(lock);
    }
  }
  try {
    return await body();
  } finally {
    release(lock);
  }
}

/**
 * Renamed away first, then removed: emptied in place, the lock would be an empty folder for a moment,
 * which another process's rename replaces (and the removal then fails with ENOTEMPTY, or takes its lock).
 */
function release(lock: string): void {
  const gone = `${lock}.released.${process.pid}.${Date.now()}`;
  try {
    renameSync(lock, gone);
  } catch {
    return; // already released by another process (a stale lock taken over)
  }
  rmSync(gone, { recursive: true, force: true });
}
