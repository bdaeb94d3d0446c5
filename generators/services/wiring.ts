import type { BackingKind } from './backing.js';
import { APP_USER, BACKING_IMAGES } from './backing-images.js';

/** One variable the app reads, and the value compose gives it. */
export interface EnvWire {
  readonly name: string;
  readonly value: string;
}

/** Which part of a connection a variable names, from its name. */
type Part = 'url' | 'addr' | 'host' | 'port' | 'user' | 'password' | 'database';

/** Variable names as code reads them, for each kind: the whole URL, or its parts. */
const NAMES: Record<BackingKind, readonly { readonly pattern: RegExp; readonly part: Part }[]> = {
  postgres: [
    { pattern: /^((DATABASE|POSTGRES(QL)?|PG|DB|DIRECT|SHADOW_DATABASE)_?(URL|URI|DSN|CONNECTION_STRING)|DSN)$/, part: 'url' },
    { pattern: /^(PGHOST|(POSTGRES(QL)?|PG|DB|DATABASE)_HOST(NAME)?)$/, part: 'host' },
    { pattern: /^(PGPORT|(POSTGRES(QL)?|PG|DB|DATABASE)_PORT)$/, part: 'port' },
    { pattern: /^(PGUSER|(POSTGRES(QL)?|PG|DB|DATABASE)_USER(NAME)?)$/, part: 'user' },
    { pattern: /^(PGPASSWORD|(POSTGRES(QL)?|PG|DB|DATABASE)_(PASSWORD|PASS))$/, part: 'password' },
    { pattern: /^(PGDATABASE|(POSTGRES(QL)?|PG|DB|DATABASE)_(NAME|DB|DATABASE))$/, part: 'database' },
  ],
  mysql: [
    { pattern: /^((DATABASE|MYSQL|MARIADB|DB)_?(URL|URI|DSN)|DSN)$/, part: 'url' },
    { pattern: /^(MYSQL|MARIADB|DB|DATABASE)_HOST(NAME)?$/, part: 'host' },
    { pattern: /^(MYSQL|MARIADB|DB|DATABASE)_PORT$/, part: 'port' },
    { pattern: /^(MYSQL|MARIADB|DB|DATABASE)_USER(NAME)?$/, part: 'user' },
    { pattern: /^(MYSQL|MARIADB|DB|DATABASE)_(PASSWORD|PASS)$/, part: 'password' },
    { pattern: /^(MYSQL|MARIADB|DB|DATABASE)_(NAME|DB|DATABASE)$/, part: 'database' },
  ],
  redis: [
    { pattern: /^(REDIS_(URL|URI|DSN)|(CACHE|BROKER|CELERY_BROKER|QUEUE)_URL)$/, part: 'url' },
    { pattern: /^REDIS_(ADDR|ADDRESS)$/, part: 'addr' },
    { pattern: /^REDIS_HOST(NAME)?$/, part: 'host' },
    { pattern: /^REDIS_PORT$/, part: 'port' },
  ],
  mongo: [
    { pattern: /^(MONGO(DB)?_(URL|URI|DSN)|DATABASE_URL)$/, part: 'url' },
    { pattern: /^MONGO(DB)?_HOST$/, part: 'host' },
  ],
};

/** When the code reads no name known for it: the name most libraries and hosts use. */
const DEFAULT_NAME: Record<BackingKind, string> = { postgres: 'DATABASE_URL', mysql: 'DATABASE_URL', redis: 'REDIS_URL', mongo: 'MONGODB_URI' };

/**
 * The variables an app reads for one backing service, with compose's values: the password from .env
 * by interpolation, never a literal. With no known name read, the default name is set and said to be.
 */
export function wireBacking(kind: BackingKind, reads: readonly string[], taken: ReadonlySet<string>): { wires: EnvWire[]; guessed?: string } {
  const wires = reads.flatMap((name) => {
    if (taken.has(name)) return [];
    const part = NAMES[kind].find((entry) => entry.pattern.test(name))?.part;
    return part ? [{ name, value: valueOf(kind, part) }] : [];
  });
  if (wires.length > 0) return { wires };
  const name = DEFAULT_NAME[kind];
  return { wires: taken.has(name) ? [] : [{ name, value: valueOf(kind, 'url') }], guessed: name };
}

function valueOf(kind: BackingKind, part: Part): string {
  const image = BACKING_IMAGES[kind];
  const host = image.service;
  const password = image.passwordVariable ? `\${${image.passwordVariable}}` : '';
  switch (part) {
    case 'host':
      return host;
    case 'port':
      return String(image.port);
    case 'addr':
      return `${host}:${image.port}`;
    case 'user':
      return APP_USER;
    case 'password':
      return password;
    case 'database':
      return APP_USER;
    case 'url':
      if (kind === 'postgres') return `postgres://${APP_USER}:${password}@${host}:${image.port}/${APP_USER}?sslmode=disable`;
      if (kind === 'mysql') return `mysql://${APP_USER}:${password}@${host}:${image.port}/${APP_USER}`;
      if (kind === 'mongo') return `mongodb://${APP_USER}:${password}@${host}:${image.port}/${APP_USER}?authSource=admin`;
      return `redis://${host}:${image.port}/0`;
  }
}

/** A variable that names another service of the repository: API_URL, BACKEND_URL, BILLING_API_URL. */
const SERVICE_URL = /^(?:([A-Z][A-Z0-9]*)_)?(API|BACKEND|SERVER|SERVICE|UPSTREAM)_(URL|BASE_URL|ORIGIN|ENDPOINT|HOST)$/;

/**
 * Links between the repository's own services: a variable like API_URL gets the URL of the service
 * it names (billing for BILLING_API_URL), else of the one called api/backend/server, else of the only
 * other service that listens.
 */
export function wireServices(
  reads: readonly string[],
  self: string,
  others: readonly { readonly name: string; readonly port?: number }[],
): { wires: EnvWire[]; targets: string[] } {
  const listening = others.filter((other) => other.name !== self && other.port !== undefined);
  const wires: EnvWire[] = [];
  const targets = new Set<string>();
  for (const name of reads) {
    const match = SERVICE_URL.exec(name);
    if (!match) continue;
    const named = match[1]?.toLowerCase();
    const target =
      listening.find((other) => named !== undefined && other.name === named) ??
      listening.find((other) => ['api', 'backend', 'server'].includes(other.name)) ??
      (listening.length === 1 ? listening[0] : undefined);
    if (!target) continue;
    wires.push({ name, value: match[3] === 'HOST' ? target.name : `http://${target.name}:${target.port}` });
    targets.add(target.name);
  }
  return { wires, targets: [...targets] };
}
