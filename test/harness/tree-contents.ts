import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under dir with its content, to prove what a run changed or did not: links as links,
 * FIFOs and devices named (never opened), large files by size, unreadable ones marked.
 */
export function treeContents(dir: string, opaque: readonly string[] = ['node_modules']): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = relative(dir, path);
      if (stat.isSymbolicLink()) result[key] = '-> link';
      else if (stat.isDirectory()) {
        if (opaque.includes(name)) result[key] = '(dir)';
        else walk(path);
      } else if (!stat.isFile()) result[key] = '(special)';
      else if ((stat.mode & 0o444) === 0) result[key] = '(unreadable)';
      else result[key] = stat.size > 100_000 ? `${stat.size} bytes` : readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return result;
}
