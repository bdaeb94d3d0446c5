import { posix } from 'node:path';
import type { ProjectSnapshot } from '../types.js';

/**
 * The tree under `dir` as a project of its own (a workspace member, a service folder): paths relative
 * to it, reads through the whole tree's gate, so every single-project detector works unchanged.
 */
export function scopedSnapshot(snapshot: ProjectSnapshot, dir: string): ProjectSnapshot {
  if (dir === '.' || dir === '') return snapshot;
  const prefix = `${dir}/`;
  const inside = (path: string) => path.startsWith(prefix);
  const strip = (path: string) => path.slice(prefix.length);
  return {
    root: posix.join(snapshot.root, dir),
    files: snapshot.files.filter(inside).map(strip),
    pruned: snapshot.pruned.filter(inside).map(strip),
    read: (path) => snapshot.read(prefix + path),
    uncopyable: snapshot.uncopyable.filter((entry) => inside(entry.path)).map((entry) => ({ ...entry, path: strip(entry.path) })),
  };
}
