import { posix } from 'node:path';
import type { ProjectSnapshot } from '../types.js';
import type { DataPath } from './data-paths.js';

/**
 * The port a server takes from a config file it loads at run time (go-gin-example's conf/app.ini
 * `[server] HttpPort = 8000`, a config.yml `server: port: 8080`, `http.addr: ":9000"`). Only the
 * config files the program is known to open (its data paths) are read, and only keys that name a
 * listening port or address, outside sections for databases, caches and other services it talks to.
 */
export interface ConfigPort {
  readonly port: number;
  /** `conf/app.ini ([server] HttpPort)` */
  readonly source: string;
  /** Several files or keys named different ports: the first of the likeliest was taken. */
  readonly guess: boolean;
}

const CONFIG_FILE = /\.(ini|ya?ml|toml|json|conf|cfg|env)$/i;
const PORT_KEY = /^(?:\w*port|addr|address|listen|listen_?addr|bind|http_?addr|server_?addr)$/i;
/** Sections for what the server connects to, or for a second listener (metrics, profiling). */
const OTHER_SERVICE =
  /^(db|database|databases|sql|mysql|mariadb|postgres(ql)?|pg|sqlite|redis|cache|memcached?|mongo(db)?|smtp|mail|email|amqp|rabbit(mq)?|kafka|nats|elastic(search)?|queue|broker|metrics|prometheus|pprof|debug|admin|grpc|tracing|jaeger|otel|ldap|proxy|upstream|client)$/i;
/** Sections whose port is the one the server listens on. */
const SERVER_SECTION = /^(server|http|https|web|app|application|api|service|listen|gin|echo|fiber)$/i;

interface Entry {
  readonly path: readonly string[];
  readonly value: string;
}

export function portFromConfig(snapshot: ProjectSnapshot, data: readonly DataPath[]): ConfigPort | undefined {
  const files = data.flatMap(({ path }) =>
    snapshot.files.filter((file) => (file === path || file.startsWith(`${path}/`)) && CONFIG_FILE.test(file) && !/(^|\/)(test|example|sample)/i.test(file)),
  );
  const candidates = files.flatMap((file) =>
    entries(file, snapshot.read(file) ?? '').flatMap(({ path, value }) => {
      const key = path[path.length - 1]!;
      const sections = path.slice(0, -1);
      if (!PORT_KEY.test(key) || sections.some((section) => OTHER_SERVICE.test(section)) || OTHER_SERVICE.test(key.replace(/_?port$/i, ''))) return [];
      const port = portOf(value);
      if (port === undefined) return [];
      const where = sections.length > 0 ? `[${sections.join('.')}] ${key}` : key;
      return [{ port, source: `${file} (${where})`, rank: sections.some((section) => SERVER_SECTION.test(section)) || /http|server/i.test(key) ? 0 : 1 }];
    }),
  );
  if (candidates.length === 0) return undefined;
  const best = [...candidates].sort((a, b) => a.rank - b.rank)[0]!;
  return { port: best.port, source: best.source, guess: new Set(candidates.map((candidate) => candidate.port)).size > 1 };
}

/** `8000`, `"8000"`, `":8000"`, `"0.0.0.0:8000"`. */
function portOf(value: string): number | undefined {
  const match = /^["']?(?:(?:[\w.-]*|\[[0-9a-f:]*\]):)?(\d{2,5})["']?$/i.exec(value.trim());
  const port = Number(match?.[1]);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** Key paths and scalar values of an INI/TOML/.env, YAML or JSON file, read loosely: a config, not a spec. */
function entries(file: string, text: string): Entry[] {
  const ext = posix.extname(file).toLowerCase();
  if (ext === '.json') {
    try {
      return walk(JSON.parse(text), []);
    } catch {
      return [];
    }
  }
  return ext === '.yml' || ext === '.yaml' ? yamlEntries(text) : iniEntries(text);
}

function walk(value: unknown, path: string[]): Entry[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([key, inner]) => walk(inner, [...path, key]));
  return typeof value === 'string' || typeof value === 'number' ? [{ path, value: String(value) }] : [];
}

function iniEntries(text: string): Entry[] {
  let section: string[] = [];
  const found: Entry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[+\s*([^\]]+?)\s*\]+\s*$/.exec(line);
    if (header) {
      section = header[1]!.split('.').map((part) => part.trim().replace(/^"|"$/g, ''));
      continue;
    }
    const pair = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]\s*([^#;\n]*)/.exec(line);
    if (pair) found.push({ path: [...section, ...pair[1]!.split('.')], value: pair[2]!.trim() });
  }
  return found;
}

/** Mappings by indentation; list items and flow collections are skipped. */
function yamlEntries(text: string): Entry[] {
  const stack: { indent: number; key: string }[] = [];
  const found: Entry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const pair = /^(\s*)([\w.-]+)\s*:\s*(.*?)\s*$/.exec(line.replace(/\s+#.*$/, ''));
    if (!pair || line.trimStart().startsWith('#')) continue;
    const indent = pair[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const path = [...stack.map((entry) => entry.key), ...pair[2]!.split('.')];
    if (pair[3] === '' || pair[3] === '|' || pair[3] === '>') stack.push({ indent, key: pair[2]! });
    else found.push({ path, value: pair[3]! });
  }
  return found;
}
