import type { ProjectMarkers, ServiceClues } from '../../core/language.js';

export const GO_PROJECT: ProjectMarkers = { manifests: ['go.mod'], sharedBuildFiles: [], sourceExtensions: ['go'], mainsWorkspace: 'go.work' };

/** A module path followed by its version, in a require line or block: `github.com/lib/pq v1.10.9`. */
const REQUIRED = /(?:^|\s)([^\s]+)\s+v/gm;

export const GO_SERVICES: ServiceClues = {
  clients: {
    postgres: ['github.com/lib/pq', 'github.com/jackc/pgx', 'gorm.io/driver/postgres', 'github.com/go-pg/pg', 'github.com/uptrace/bun/driver/pgdriver'],
    redis: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'github.com/redis/rueidis'],
    mysql: ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql'],
    mongo: ['go.mongodb.org/mongo-driver'],
  },
  clientMatch: 'path-prefix',
  dependencySource: 'go.mod',
  dependencies: (snapshot) => (snapshot.files.includes('go.mod') ? [...(snapshot.read('go.mod') ?? '').matchAll(REQUIRED)].map((match) => match[1]!) : []),
  // os.Getenv("NAME"), os.LookupEnv("NAME")
  envReads: [/\b(?:os\.Getenv|os\.LookupEnv|syscall\.Getenv)\s*\(\s*"([A-Z][A-Z0-9_]*)"/g],
  envFiles: [],
  databasesNamed: () => [],
};
