import type { ProjectSnapshot } from '../../core/types.js';
import type { NodePackageManager } from './types.js';
import { PNPM_FOR_LOCKFILE, pnpmLockfileFormat } from './policy.js';

export interface PackageManagerFacts {
  readonly name: NodePackageManager;
  readonly version?: string;
  readonly source: string;
  readonly lockfile?: string;
}

/** Lockfiles in the order that decides when several are present. */
const LOCKFILES: readonly [file: string, name: NodePackageManager][] = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
];

/** The packageManager field first (corepack's contract), then the lockfile, then npm. */
export function packageManager(snapshot: ProjectSnapshot, field: unknown): PackageManagerFacts {
  const lockfile = LOCKFILES.find(([file]) => snapshot.files.includes(file));
  if (typeof field === 'string') {
    const match = /^(npm|pnpm|yarn|bun)@(\d+\.\d+\.\d+[\w.-]*)/.exec(field);
    if (match) {
      const name = match[1] === 'yarn' && !match[2]!.startsWith('1.') ? 'yarn-berry' : (match[1] as NodePackageManager);
      return { name, version: match[2], source: `packageManager "${field.split('+')[0]}"`, lockfile: lockfile?.[0] };
    }
  }
  if (lockfile) {
    const [file, name] = lockfile;
    const text = snapshot.read(file) ?? '';
    const berry = name === 'yarn' && !/^# yarn lockfile v1/m.test(text);
    return { name: berry ? 'yarn-berry' : name, ...readerOf(berry ? 'yarn-berry' : name, file, text), lockfile: file };
  }
  return { name: 'npm', source: 'default: no lockfile' };
}

/**
 * Without a packageManager field, the release that reads the lockfile's own format (policy.ts): a
 * pnpm-lock.yaml of format 6.0 gets pnpm 8, which the default pnpm 10 would refuse to install frozen.
 */
function readerOf(name: NodePackageManager, file: string, text: string): { version?: string; source: string } {
  if (name === 'pnpm') {
    const format = pnpmLockfileFormat(text);
    const row = format === undefined ? undefined : PNPM_FOR_LOCKFILE.find((candidate) => candidate.format.test(format));
    if (row) return { version: row.version, source: `${file} (lockfileVersion ${format}: pnpm ${row.major} reads it)` };
  }
  return { source: file };
}
