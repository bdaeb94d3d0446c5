/**
 * Node's version policy, in one place: which Node line a project gets and which package-manager
 * release reads its lockfile. Tables of data with their sources, read by version.ts and
 * package-manager.ts; nothing else decides a version.
 */

/**
 * Node lines with official images (and stand-ins here), newest first, with the day each entered LTS,
 * from nodejs/Release's schedule.json. The default is the newest line in LTS on the day this table
 * was written, so the same project gets the same line until the table moves.
 */
export const NODE_LINES = [
  { major: '26', lts: '2026-10-28' },
  { major: '24', lts: '2025-10-28' },
  { major: '22', lts: '2024-10-29' },
] as const;
export const NODE_LINES_AS_OF = '2026-12-06';

/**
 * The pnpm release that reads each lockfile format as it is, without rewriting it: a newer pnpm
 * refuses an older frozen lockfile (ERR_PNPM_LOCKFILE_BREAKING_CHANGE). The newest patch of each
 * major, from the npm registry. Format 9.0 is read by pnpm 9 and 10: the default stays.
 */
export const PNPM_FOR_LOCKFILE: readonly { readonly format: RegExp; readonly version: string; readonly major: string }[] = [
  { format: /^5\.[0-3]$/, version: '6.35.1', major: '6' },
  { format: /^5\.4$/, version: '7.33.7', major: '7' },
  { format: /^6\.\d+$/, version: '8.15.9', major: '8' },
];

/** `lockfileVersion: '6.0'` (pnpm-lock.yaml, first lines). */
export const pnpmLockfileFormat = (text: string): string | undefined => /^lockfileVersion:\s*['"]?([\d.]+)['"]?\s*$/m.exec(text.slice(0, 200))?.[1];
