import type { ProjectMarkers, ServiceClues } from '../../core/language.js';
import { isPlainObject } from '../../core/schema.js';

export const NODE_PROJECT: ProjectMarkers = {
  manifests: ['package.json'],
  sharedBuildFiles: [],
  sourceExtensions: ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'jsx', 'tsx'],
};

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
};
