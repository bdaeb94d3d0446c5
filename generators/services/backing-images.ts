import type { BackingKind } from './backing.js';

/** How compose runs each backing service: a pinned image, its data volume, its own health check. */
export interface BackingImage {
  /** The compose service name, which is also its host name on the compose network. */
  readonly service: string;
  readonly image: string;
  readonly port: number;
  readonly volume: { readonly name: string; readonly path: string };
  readonly environment: Readonly<Record<string, string>>;
  readonly healthcheck: readonly string[];
  /** The .env variable holding its password, generated when absent. */
  readonly passwordVariable?: string;
}

/** The database and user every app service connects as. */
export const APP_USER = 'app';

/** `${NAME:?...}`: compose refuses to start, naming the variable, when .env lacks it. */
export const required = (variable: string) => `\${${variable}:?set ${variable} in .env}`;

export const BACKING_IMAGES: Record<BackingKind, BackingImage> = {
  postgres: {
    service: 'postgres',
    image: 'postgres:17',
    port: 5432,
    volume: { name: 'postgres-data', path: '/var/lib/postgresql/data' },
    environment: { POSTGRES_USER: APP_USER, POSTGRES_DB: APP_USER, POSTGRES_PASSWORD: required('POSTGRES_PASSWORD') },
    healthcheck: ['CMD', 'pg_isready', '-U', APP_USER, '-d', APP_USER],
    passwordVariable: 'POSTGRES_PASSWORD',
  },
  redis: {
    service: 'redis',
    image: 'redis:8.0',
    port: 6379,
    volume: { name: 'redis-data', path: '/data' },
    environment: {},
    healthcheck: ['CMD', 'redis-cli', 'ping'],
  },
  mysql: {
    service: 'mysql',
    image: 'mariadb:11.8',
    port: 3306,
    volume: { name: 'mysql-data', path: '/var/lib/mysql' },
    environment: { MARIADB_USER: APP_USER, MARIADB_DATABASE: APP_USER, MARIADB_PASSWORD: required('MYSQL_PASSWORD'), MARIADB_RANDOM_ROOT_PASSWORD: '1' },
    healthcheck: ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'],
    passwordVariable: 'MYSQL_PASSWORD',
  },
  mongo: {
    service: 'mongo',
    image: 'mongo:8.0',
    port: 27017,
    volume: { name: 'mongo-data', path: '/data/db' },
    environment: { MONGO_INITDB_ROOT_USERNAME: APP_USER, MONGO_INITDB_ROOT_PASSWORD: required('MONGO_PASSWORD') },
    healthcheck: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"],
    passwordVariable: 'MONGO_PASSWORD',
  },
};
