import type { ProjectMarkers, ServiceClues } from '../../core/language.js';
import { isPlainObject } from '../../core/schema.js';
import { own } from '../../core/own.js';
import { DEFAULT_FILES } from './start.js';
import type { BackingKind, ProjectSnapshot } from '../../core/types.js';

export const NODE_PROJECT: ProjectMarkers = {
  manifests: ['package.json'],
  sharedBuildFiles: [],
  sourceExtensions: ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx'],
  toolingOnly: toolingOnlyPackageJson,
};

/** Scripts that run an app or build one; any other (lint, format, prepare, commit hooks, test) is tooling. */
const APP_SCRIPT = /^(start|build|serve|dev|preview|prod|production)(:|$)/;

/**
 * A package.json that starts and builds nothing: no main, bin, exports or workspaces, no script that
 * starts or builds, and none of the files `npm start` would run. Its dependencies are then tools for
 * the repository (husky, prettier, less for a Go app's stylesheets), whatever section lists them.
 */
export function toolingOnlyPackageJson(snapshot: ProjectSnapshot): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(snapshot.read('package.json') ?? '');
  } catch {
    return false;
  }
  if (!isPlainObject(parsed)) return false;
  const scripts = isPlainObject(parsed.scripts) ? Object.keys(parsed.scripts) : [];
  return (
    !['main', 'bin', 'exports', 'workspaces', 'module'].some((key) => key in parsed) &&
    !scripts.some((name) => APP_SCRIPT.test(name)) &&
    !DEFAULT_FILES.some((file) => snapshot.files.includes(file) || snapshot.files.includes(file.replace(/\.js$/, '.ts')))
  );
}

/** package.json's production dependencies; a malformed one shows nothing here (the detector says what is wrong). */
function dependencies(snapshot: Parameters<ServiceClues['dependencies']>[0]): string[] {
  if (!snapshot.files.includes('package.json')) return [];
  try {
    const parsed = JSON.parse(snapshot.read('package.json') ?? '') as { dependencies?: unknown };
    return isPlainObject(parsed) && isPlainObject(parsed.dependencies) ? Object.keys(parsed.dependencies) : [];
  } catch {
    return [];
  }
}

/** What Prisma's `provider` and Drizzle's `dialect` call each database. */
const PROVIDERS: Readonly<Record<string, BackingKind>> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', mongodb: 'mongo' };

/** The database Prisma's schema or Drizzle's config names. */
function databasesNamed(snapshot: ProjectSnapshot): { kind: BackingKind; evidence: string }[] {
  const read = (file: string) => snapshot.read(file) ?? '';
  const named = (word: string | undefined, evidence: string) => (word && own(PROVIDERS, word) ? [{ kind: own(PROVIDERS, word)!, evidence }] : []);
  return [
    ...snapshot.files
      .filter((path) => path.endsWith('schema.prisma'))
      .flatMap((file) => {
        const provider = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(read(file))?.[1];
        return named(provider, `provider ${provider} in ${file}`);
      }),
    ...snapshot.files
      .filter((path) => /^drizzle\.config\.[cm]?[jt]s$/.test(path))
      .flatMap((file) => {
        const dialect = /dialect\s*:\s*['"](\w+)['"]/.exec(read(file))?.[1];
        return named(dialect, `dialect ${dialect} in ${file}`);
      }),
  ];
}

export const NODE_SERVICES: ServiceClues = {
  clients: {
    postgres: ['pg', 'postgres', 'pg-promise', 'slonik', '@vercel/postgres'],
    redis: ['redis', 'ioredis', 'bullmq', 'bull', '@redis/client'],
    mysql: ['mysql', 'mysql2', 'mariadb'],
    mongo: ['mongodb', 'mongoose'],
  },
  clientMatch: 'name',
  dependencySource: 'package.json',
  dependencies,
  envReads: [
    // process.env.NAME, process.env['NAME'], Bun.env.NAME, import.meta.env.NAME
    /\b(?:process\.env|Bun\.env|import\.meta\.env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\])/g,
    // Prisma's schema: url = env("DATABASE_URL")
    /\benv\s*\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g,
  ],
  envFiles: ['prisma'],
  databasesNamed,
};
