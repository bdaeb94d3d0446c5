import type { BackingKind, FactsBase, ProjectSnapshot } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { databaseUrlsIn } from '../core/detect/database-urls.js';

export type { BackingKind };

export interface BackingNeed {
  readonly kind: BackingKind;
  /** What showed it: "lib/pq in go.mod", "provider postgresql in prisma/schema.prisma". */
  readonly evidence: string;
}

/** facts: the service's own, for the folder it was detected in (a workspace package's folder has none). */
export function backingNeeds(snapshot: ProjectSnapshot, languages: readonly AnyLanguage[], facts?: FactsBase): BackingNeed[] {
  const found = new Map<BackingKind, string>();
  const add = (kind: BackingKind, evidence: string) => {
    if (!found.has(kind)) found.set(kind, evidence);
  };

  // Each language's client libraries among the dependencies it reads (package.json, go.mod, the Python detector's).
  for (const language of languages) {
    const { clients, clientMatch, dependencySource } = language.services;
    const dependencies = language.services.dependencies(snapshot, facts?.language === language.id ? facts : undefined);
    for (const [kind, names] of Object.entries(clients) as [BackingKind, readonly string[]][])
      for (const name of names) if (dependencies.some((dependency) => uses(dependency, name, clientMatch))) add(kind, `${name} in ${dependencySource}`);
  }

  // What each language's ORM schemas and configuration name (Prisma's provider, SQLAlchemy URLs, Django's engine).
  for (const language of languages) for (const named of language.services.databasesNamed(snapshot)) add(named.kind, named.evidence);
  // A committed .env template's DATABASE_URL, whatever the language.
  for (const file of snapshot.files.filter((path) => ENV_TEMPLATE.test(path)))
    for (const named of databaseUrlsIn(file, snapshot.read(file) ?? '')) add(named.kind, named.evidence);
  return [...found].map(([kind, evidence]) => ({ kind, evidence }));
}

/** Committed templates of .env: they hold no secret, and often the database URL the app expects. */
const ENV_TEMPLATE = /(^|\/)\.env\.(example|sample|template|dist)$/;

/** A dependency is a client by name, or for module paths by prefix (github.com/jackc/pgx/v5 is github.com/jackc/pgx). */
const uses = (dependency: string, client: string, match: 'name' | 'path-prefix') =>
  dependency === client || (match === 'path-prefix' && dependency.startsWith(`${client}/`));
