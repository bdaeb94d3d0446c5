import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from '../../../generators/verify/docker.js';
import { ensureBase } from '../../bases/ensure.js';

/**
 * Go module sources as Debian 13 packages them (golang-*-dev, with every golang-*-dev package they
 * depend on), for the tests' module proxy: the Go module proxy is unreachable here, Debian's mirror
 * is not. Each package's /usr/share/gocode/src tree is upstream's source of one or more modules.
 */
export const DEBIAN_GO_PACKAGES = [
  'golang-github-gin-gonic-gin-dev',
  'golang-github-labstack-echo-dev',
  'golang-golang-x-net-dev',
  'golang-github-go-chi-chi-dev',
  'golang-github-jinzhu-gorm-dev',
  'golang-github-mattn-go-sqlite3-dev',
  'golang-github-lib-pq-dev',
  'golang-github-gomodule-redigo-dev',
] as const;

const GOLANG = 'golang:1.26';

export interface DebianModule {
  /** The module path its go.mod declares (or the import path of a tree without one). */
  readonly module: string;
  /** Its folder in the extracted tree. */
  readonly dir: string;
  /** Debian's upstream version as a module version: 1.8.1-3 -> v1.8.1. */
  readonly version: string;
  readonly hasGoMod: boolean;
}

/** Extracts the packages once per list, in the golang stand-in, and returns the modules they hold. */
export async function debianModules(): Promise<DebianModule[]> {
  // One line per package: its version, then the import roots it installs (folders holding a go.mod,
  // or, for a package without one, its shallowest folder of .go files).
  const script = [
    'set -e',
    'apt-get update -qq >/dev/null',
    'mkdir -p /tmp/debs /work/root && cd /tmp/debs',
    `apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances ${DEBIAN_GO_PACKAGES.join(' ')} | grep -E '^golang-.*-dev$' | sort -u > /tmp/list`,
    'apt-get download $(cat /tmp/list) >/dev/null',
    'for deb in *.deb; do',
    '  version=$(dpkg-deb -f "$deb" Version)',
    '  dpkg-deb -x "$deb" /work/root',
    '  mods=$(dpkg-deb -c "$deb" | awk \'{print $6}\' | grep -E "^\\./usr/share/gocode/src/.*/go\\.mod$" | sed -e "s|^\\./usr/share/gocode/src/||" -e "s|/go\\.mod$||" || true)',
    '  if [ -z "$mods" ]; then mods=$(dpkg-deb -c "$deb" | awk \'{print $6}\' | grep -E "^\\./usr/share/gocode/src/.*\\.go$" | sed -e "s|^\\./usr/share/gocode/src/||" -e "s|/[^/]*$||" | awk "{ print length, \\$0 }" | sort -n | head -1 | cut -d" " -f2- || true); fi',
    '  for mod in $mods; do printf "%s\\t%s\\n" "$version" "$mod" >> /work/roots.tsv; done',
    'done',
    'chmod -R a+rX /work',
  ].join('\n');
  const hash = createHash('sha256').update(DEBIAN_GO_PACKAGES.join(' ')).update(GOLANG).update(script);
  const dir = join(tmpdir(), `cdf-gomods-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await ensureBase(GOLANG);
    const result = await docker(['run', '--rm', '-v', `${dir}:/work`, GOLANG, 'sh', '-c', script], { reject: false, all: true });
    if (result.exitCode !== 0) throw new Error(`extracting Debian's Go modules failed:\n${String(result.all).slice(-2000)}`);
    writeFileSync(join(dir, 'done'), '');
  }
  const src = join(dir, 'root/usr/share/gocode/src');
  return readFileSync(join(dir, 'roots.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line): DebianModule => {
      const [debianVersion, root] = line.split('\t') as [string, string];
      const goMod = join(src, root, 'go.mod');
      const hasGoMod = existsSync(goMod);
      // Without a go.mod, a hosted repository's root is its module: github.com/owner/repo.
      const repo = hasGoMod ? root : (/^((?:github\.com|gitlab\.com|bitbucket\.org)\/[^/]+\/[^/]+|golang\.org\/x\/[^/]+)/.exec(root)?.[1] ?? root);
      const module = hasGoMod ? (/^\s*module\s+"?([^\s"]+)"?/m.exec(readFileSync(goMod, 'utf8'))?.[1] ?? root) : repo;
      return { module, dir: join(src, repo), version: moduleVersion(debianVersion, module), hasGoMod };
    });
}

/** "1:0.27.0-2" -> v0.27.0, "1.14.27~ds1-1" -> v1.14.27; a /vN module keeps its major. */
function moduleVersion(debian: string, module: string): string {
  const upstream = debian.replace(/^\d+:/, '').replace(/-[^-]*$/, '');
  const core = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(upstream);
  const [major, minor, patch] = core ? [core[1]!, core[2]!, core[3] ?? '0'] : ['0', '0', '0'];
  // A /vN module's versions are vN.x.y whatever the package's own number says.
  const suffix = /\/v(\d+)$/.exec(module)?.[1];
  if (suffix !== undefined && suffix !== major) return `v${suffix}.0.0`;
  // Without /vN, a major above 1 is not a version go accepts: list it as v0.
  return suffix === undefined && Number(major) > 1 ? `v0.${minor}.${patch}` : `v${major}.${minor}.${patch}`;
}
