import type { BackingKind } from '../types.js';

/** Database URL schemes, SQLAlchemy's `dialect+driver://` forms included. */
const URLS: readonly [RegExp, BackingKind][] = [
  [/\bpostgres(?:ql)?(?:\+\w+)?:\/\//, 'postgres'],
  [/\b(?:mysql|mariadb)(?:\+\w+)?:\/\//, 'mysql'],
  [/\bmongodb(?:\+srv)?:\/\//, 'mongo'],
  [/\brediss?:\/\//, 'redis'],
];

/** The databases a configuration file names by URL (`postgresql+psycopg://…` in alembic.ini), with the evidence. */
export const databaseUrlsIn = (file: string, text: string): { kind: BackingKind; evidence: string }[] =>
  URLS.flatMap(([pattern, kind]) => {
    const url = pattern.exec(text)?.[0];
    return url ? [{ kind, evidence: `a ${url.replace(/:\/\/$/, '')} URL in ${file}` }] : [];
  });
