import type { ProjectSnapshot } from '../core/types.js';

/** A service the app talks to and compose can run beside it. */
export type BackingKind = 'postgres' | 'redis' | 'mysql' | 'mongo';

export interface BackingNeed {
  readonly kind: BackingKind;
  /** What showed it: "lib/pq in go.mod", "provider postgresql in prisma/schema.prisma". */
  readonly evidence: string;
}

/** Client libraries by ecosystem: npm names, Python distribution names, Go module paths (prefixes). */
const CLIENTS: Record<BackingKind, { readonly npm: readonly string[]; readonly python: readonly string[]; readonly go: readonly string[] }> = {
  postgres: {
    npm: ['pg', 'postgres', 'pg-promise', 'slonik', '@vercel/postgres'],
    python: ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg', 'pg8000'],
    go: ['github.com/lib/pq', 'github.com/jackc/pgx', 'gorm.io/driver/postgres', 'github.com/go-pg/pg', 'github.com/uptrace/bun/driver/pgdriver'],
  },
  redis: {
    npm: ['redis', 'ioredis', 'bullmq', 'bull', '@redis/client'],
    python: ['redis', 'rq', 'django-redis', 'aioredis'],
    go: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'github.com/redis/rueidis'],
  },
  mysql: {
    npm: ['mysql', 'mysql2', 'mariadb'],
    python: ['mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql', 'mariadb'],
    go: ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql'],
  },
  mongo: {
    npm: ['mongodb', 'mongoose'],
    python: ['pymongo', 'motor', 'mongoengine'],
    go: ['go.mongodb.org/mongo-driver'],
  },
};

/** ORMs and schema files that name their database: Prisma's provider, Drizzle's dialect, SQLAlchemy URLs. */
const PROVIDERS: Record<string, BackingKind> = { postgresql: 'postgres', postgres: 'postgres', mysql: 'mysql', mongodb: 'mongo' };

/** pythonDependencies: the Python detector's normalised names, when the service is Python. */
export function backingNeeds(snapshot: ProjectSnapshot, pythonDependencies: readonly string[] = []): BackingNeed[] {
  const found = new Map<BackingKind, string>();
  const add = (kind: BackingKind, evidence: string) => {
    if (!found.has(kind)) found.set(kind, evidence);
  };
  const read = (file: string) => (snapshot.files.includes(file) ? (snapshot.read(file) ?? '') : '');

  const pkg = read('package.json');
  if (pkg) {
    let deps: string[] = [];
    try {
      const parsed = JSON.parse(pkg) as { dependencies?: unknown };
      deps = parsed.dependencies && typeof parsed.dependencies === 'object' ? Object.keys(parsed.dependencies) : [];
    } catch {
      // The Node detector reports a malformed package.json; here it shows nothing.
    }
    for (const [kind, clients] of entries()) for (const name of clients.npm) if (deps.includes(name)) add(kind, `${name} in package.json`);
  }

  const goMod = read('go.mod');
  for (const [kind, clients] of entries())
    for (const module of clients.go) if (new RegExp(`(^|\\s)${escape(module)}(/[^\\s]*)?\\s+v`, 'm').test(goMod)) add(kind, `${module} in go.mod`);

  for (const [kind, clients] of entries())
    for (const name of clients.python) if (pythonDependencies.includes(name)) add(kind, `${name} in the Python dependencies`);

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

const entries = () => Object.entries(CLIENTS) as [BackingKind, (typeof CLIENTS)[BackingKind]][];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
