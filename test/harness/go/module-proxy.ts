import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ZipFile } from 'yazl';
import { startHostServer } from '../host-server.js';
import { debianModules, type DebianModule } from './debian-modules.js';
import { upstreamGoSqlite3 } from './sqlite-amalgamation.js';

export interface GoProxy {
  readonly url: string;
  /** What a build needs to fetch modules from it: GOPROXY, and no checksum database (unreachable). */
  readonly buildArgs: Record<string, string>;
  readonly close: () => Promise<void>;
}

/**
 * A GOPROXY (the module proxy protocol: /<module>/@v/list, .info, .mod, .zip) serving Debian's
 * packaged module sources. Debian builds its packages against one version of each dependency,
 * while go.mod files name the versions their authors used: so any version asked of a packaged
 * module is answered with Debian's source, and a module Debian does not package (a test-only
 * requirement) gets a go.mod naming itself, enough for version selection, and no zip.
 */
export async function startGoProxy(): Promise<GoProxy> {
  const modules = new Map((await debianModules()).map((found) => [found.module, found] as const));
  const zips = new Map<string, Promise<Buffer>>();
  const server = await startHostServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://proxy').pathname);
    const match = /^\/(.+?)\/@(v\/list|v\/(.+)\.(info|mod|zip)|latest)$/.exec(path);
    if (!match) return response.writeHead(404).end('not found');
    const module = unescapePath(match[1]!);
    const found = resolve(modules, module);
    const version = match[3] === undefined ? undefined : unescapePath(match[3]);
    const kind = match[2] === 'v/list' ? 'list' : match[2] === 'latest' ? 'latest' : match[4]!;
    if (kind === 'list') return response.end(found ? `${found.version}\n` : '');
    if (kind === 'latest' || kind === 'info') {
      if (!found && kind === 'latest') return response.writeHead(404).end('not found');
      return json(response, { Version: version ?? found!.version, Time: '2025-01-01T00:00:00Z' });
    }
    if (kind === 'mod') return response.end(found ? goModOf(found) : `module ${module}\n`);
    if (!found) return response.writeHead(404).end(`${module} is not packaged by Debian`);
    const key = `${module}@${version}`;
    if (!zips.has(key)) zips.set(key, zipOf(found, version!));
    zips
      .get(key)!
      .then((zip) => response.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': zip.length }).end(zip))
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  return { url: server.origin, buildArgs: { GOPROXY: server.origin, GONOSUMDB: '*' }, close: server.close };
}

/**
 * A packaged module, or a folder inside one that upstream made its own module (ugorji/go/codec)
 * where Debian ships the repository as one tree.
 */
function resolve(modules: ReadonlyMap<string, DebianModule>, module: string): DebianModule | undefined {
  const exact = modules.get(module);
  if (exact) return exact;
  // A +incompatible major (github.com/golang-jwt/jwt v3.2.2+incompatible) where Debian packages a /vN: its source, with no go.mod.
  const major = [...modules.values()].find((found) => found.module.replace(/\/v\d+$/, '') === module);
  if (major) return { ...major, module, hasGoMod: false };
  for (let cut = module.lastIndexOf('/'); cut > 0; cut = module.lastIndexOf('/', cut - 1)) {
    const parent = modules.get(module.slice(0, cut));
    if (!parent) continue;
    const dir = join(parent.dir, module.slice(cut + 1));
    return existsSync(dir) ? { module, dir, version: parent.version, hasGoMod: existsSync(join(dir, 'go.mod')) } : undefined;
  }
  return undefined;
}

const json = (response: import('node:http').ServerResponse, value: object) =>
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));

/** The module proxy protocol writes capitals as "!" and the lowercase letter. */
const unescapePath = (path: string) => path.replace(/!([a-z])/g, (_all, letter: string) => letter.toUpperCase());

const goModOf = (found: DebianModule) => (found.hasGoMod ? readFileSync(join(found.dir, 'go.mod'), 'utf8') : `module ${found.module}\n`);

/**
 * The module's files under module@version/, as `go mod download` expects: no nested modules, no
 * vendor/; a module without its own go.mod has none in its zip either (go makes one up).
 */
async function zipOf(found: DebianModule, version: string): Promise<Buffer> {
  const zip = new ZipFile();
  const prefix = `${found.module}@${version}/`;
  const overrides = found.module === 'github.com/mattn/go-sqlite3' ? await upstreamGoSqlite3((name) => readFileSync(join(found.dir, name))) : {};
  for (const [name, data] of Object.entries(overrides)) zip.addBuffer(data, `${prefix}${name}`);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const stats = statSync(path);
      const rel = relative(found.dir, path);
      if (stats.isDirectory()) {
        if (entry === 'vendor' || entry === '.git' || readdirSync(path).includes('go.mod')) continue;
        walk(path);
      } else if (stats.isFile() && /^[A-Za-z0-9._~+\-/]+$/.test(rel) && !(rel in overrides) && !(rel === 'go.mod' && !found.hasGoMod)) {
        zip.addBuffer(readFileSync(path), `${prefix}${rel}`);
      }
    }
  };
  walk(found.dir);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
