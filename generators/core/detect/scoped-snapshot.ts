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
    files: sortedUnder(snapshot.files, prefix).map(strip),
    pruned: snapshot.pruned.filter(inside).map(strip),
    read: (path) => snapshot.read(prefix + path),
    uncopyable: snapshot.uncopyable.filter((entry) => inside(entry.path)).map((entry) => ({ ...entry, path: strip(entry.path) })),
  };
}

/**
 * The paths of a sorted list that start with `prefix`: they sit together, from the first one not less
 * than it, so a binary search finds them without reading the rest (a workspace of 5,000 members scopes
 * 5,000 snapshots of one tree).
 */
function sortedUnder(paths: readonly string[], prefix: string): readonly string[] {
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (paths[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < paths.length && paths[end]!.startsWith(prefix)) end++;
  return paths.slice(low, end);
}
