import type { ProjectSnapshot } from '../../core/types.js';
import { NATIVE_PACKAGES } from './native.js';
import type { NodeEvidence } from './version.js';

/**
 * What the project's own files say about the Node line beyond engines: the engines of each package
 * that compiles at install (package-lock's `hasInstallScript`, pnpm-lock's `requiresBuild`, or a
 * known native package), and the lines its CI workflows and Dockerfile run, newest first.
 */
export function nodeEvidence(snapshot: ProjectSnapshot): NodeEvidence {
  return { nativeEngines: nativeEngines(snapshot), tested: testedLines(snapshot) };
}

function nativeEngines(snapshot: ProjectSnapshot): NodeEvidence['nativeEngines'] {
  const npmLock = snapshot.read('package-lock.json') ?? snapshot.read('npm-shrinkwrap.json');
  if (npmLock !== undefined) {
    try {
      const lock = JSON.parse(npmLock) as { packages?: Record<string, { version?: string; hasInstallScript?: boolean; engines?: unknown }> };
      return Object.entries(lock.packages ?? {}).flatMap(([path, entry]) => {
        const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
        const node = (entry.engines as { node?: unknown } | undefined)?.node;
        return path !== '' && (entry.hasInstallScript || Object.hasOwn(NATIVE_PACKAGES, name)) && typeof node === 'string'
          ? [{ name: `${name}@${entry.version ?? '?'}`, range: node }]
          : [];
      });
    } catch {
      return [];
    }
  }
  const pnpmLock = snapshot.read('pnpm-lock.yaml');
  if (pnpmLock === undefined) return [];
  // `  /better-sqlite3@9.4.0:` (format 6) or `  better-sqlite3@11.8.1:` (9), then its indented fields.
  return [...pnpmLock.matchAll(/^ {2}'?\/?((?:@[\w.-]+\/)?[\w.-]+)@([\w.+-]+)[^\n]*:\n((?: {4,}[^\n]*\n)*)/gm)].flatMap((match) => {
    const [, name, version, body] = match as unknown as [string, string, string, string];
    const node = /engines:\s*\{\s*node:\s*'([^']+)'/.exec(body)?.[1];
    return node !== undefined && (/requiresBuild:\s*true/.test(body) || Object.hasOwn(NATIVE_PACKAGES, name))
      ? [{ name: `${name}@${version}`, range: node }]
      : [];
  });
}

/** `node-version: 20`, `node-version: [18.x, 20.x]`, a matrix's `node: [20, 22]`, `node_js:` lists, `FROM node:20-alpine`. */
function testedLines(snapshot: ProjectSnapshot): NodeEvidence['tested'] {
  const found: { major: string; source: string }[] = [];
  const workflows = snapshot.files.filter((file) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file) || file === '.gitlab-ci.yml' || file === '.travis.yml');
  for (const file of workflows) {
    for (const line of (snapshot.read(file) ?? '').split('\n')) {
      const value = /^\s*-?\s*(?:node-version|node_version|node|node_js)\s*:\s*(.+)$/.exec(line)?.[1] ?? /\bimage:\s*['"]?node:(\d+)/.exec(line)?.[1];
      if (value === undefined) continue;
      for (const major of value.matchAll(/(?<![\w.])(\d{2})(?:\.x|\.\d+(?:\.\d+)?)?(?![\w.])/g)) found.push({ major: major[1]!, source: file });
    }
  }
  for (const file of snapshot.files.filter((candidate) => /^(?:Dockerfile|[\w.-]+\.Dockerfile|Dockerfile\.[\w.-]+)$/.test(candidate)))
    for (const match of (snapshot.read(file) ?? '').matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?(?:[\w.-]+\/)*node:(\d{2})\b/gim))
      found.push({ major: match[1]!, source: file });
  return found.sort((a, b) => Number(b.major) - Number(a.major));
}
