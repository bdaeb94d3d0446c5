import type { BackingKind, FactsBase, ProjectSnapshot } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';

export type { BackingKind };

export interface BackingNeed {
  readonly kind: BackingKind;
  /** What showed it: "lib/pq in go.mod", "provider postgresql in prisma/schema.prisma". */
  readonly evidence: string;
}

/** ORMs and schema files that name their database: Prisma's provider, Drizzle's dialect, SQLAlchemy URLs. */
const PROVIDERS: Record<string, BackingKind> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', mongodb: 'mongo' };

/** facts: the service's own, for the folder it was detected in (a workspace package's folder has none). */
export function backingNeeds(snapshot: ProjectSnapshot, languages: readonly AnyLanguage[], facts?: FactsBase): BackingNeed[] {
  const found = new Map<BackingKind, string>();
  const add = (kind: BackingKind, evidence: string) => {
    if (!found.has(kind)) found.set(kind, evidence);
  };
  const read = (file: string) => (snapshot.files.includes(file) ? (snapshot.read(file) ?? '') : '');

  // Each language's client libraries among the dependencies it reads (package.json, go.mod, the Python detector's).
  for (const language of languages) {
    const { clients, clientMatch, dependencySource } = language.services;
    const dependencies = language.services.dependencies(snapshot, facts?.language === language.id ? facts : undefined);
    for (const [kind, names] of Object.entries(clients) as [BackingKind, readonly string[]][])
      for (const name of names) if (dependencies.some((dependency) => uses(dependency, name, clientMatch))) add(kind, `${name} in ${dependencySource}`);
  }

  for (const file of snapshot.files.filter((path) => path.endsWith('schema.prisma'))) {
    const provider = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(read(file))?.[1];
    if (provider && PROVIDERS[provider]) add(PROVIDERS[provider], `provider ${provider} in ${file}`);
  }
  for (const file of snapshot.files.filter((path) => /^drizzle\.config\.[cm]?[jt]s$/.test(path))) {
    const dialect = /dialect\s*:\s*['"](\w+)['"]/.exec(read(file))?.[1];
    if (dialect && PROVIDERS[dialect]) add(PROVIDERS[dialect], `dialect ${dialect} in ${file}`);
  }
  // Database URLs written where the app's configuration lives: SQLAlchemy URLs in Python code and
  // alembic.ini, a committed .env.example's DATABASE_URL, Django's DATABASES engine.
  for (const file of snapshot.files.filter(isConfigSource)) {
    const text = read(file);
    for (const [pattern, kind] of URLS) {
      const url = pattern.exec(text)?.[0];
      if (url) add(kind, `a ${url.replace(/:\/\/$/, '')} URL in ${file}`);
    }
    const engine = /django\.db\.backends\.(postgresql|mysql)\b/.exec(text)?.[1];
    if (engine) add(engine === 'mysql' ? 'mysql' : 'postgres', `Django's ${engine} engine in ${file}`);
  }
  return [...found].map(([kind, evidence]) => ({ kind, evidence }));
}

/** URL schemes, SQLAlchemy's `dialect+driver://` forms included. */
const URLS: readonly [RegExp, BackingKind][] = [
  [/\bpostgres(?:ql)?(?:\+\w+)?:\/\//, 'postgres'],
  [/\b(?:mysql|mariadb)(?:\+\w+)?:\/\//, 'mysql'],
  [/\bmongodb(?:\+srv)?:\/\//, 'mongo'],
  [/\brediss?:\/\//, 'redis'],
];

/** Python modules outside tests, alembic.ini and committed .env templates: where a service's own database is named. */
const isConfigSource = (path: string) =>
  /(^|\/)(alembic\.ini|\.env\.(example|sample|template|dist))$/.test(path) ||
  (path.endsWith('.py') && !/(^|\/)(tests?|testing|docs?|examples?)\//.test(path) && !/(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(path));

/** A dependency is a client by name, or for module paths by prefix (github.com/jackc/pgx/v5 is github.com/jackc/pgx). */
const uses = (dependency: string, client: string, match: 'name' | 'path-prefix') =>
  dependency === client || (match === 'path-prefix' && dependency.startsWith(`${client}/`));
