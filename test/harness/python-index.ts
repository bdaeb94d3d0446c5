import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from '../../generators/verify/docker.js';
import { startHostServer } from './host-server.js';
import { packageRoot } from '../../generators/util/package-root.js';
import { ensureBase } from '../bases/ensure.js';
import { PYTHON_VERSION } from '../bases/recipes.js';

/**
 * A private package index, as teams run one: the tests serve a PEP 503 "simple" index of their own
 * packages (test/fixtures/python-packages: wheels, and fastsum as an sdist so that the generated
 * builder compiles its C) plus setuptools, which pip needs to build that sdist. The fixtures that
 * use those packages build against it (PIP_INDEX_URL); every other Python fixture installs from the
 * real PyPI, at the versions its lockfile pins, through the machine's proxy (the ca-cert secret).
 */
const PACKAGES = join(packageRoot, 'test/fixtures/python-packages');
const WHEELS = ['greeting-lib', 'tinywsgi'];
const SDISTS = ['fastsum'];

/**
 * Whether a project installs one of the index's own packages (its requirements files or
 * pyproject.toml name one), and so builds against the index rather than PyPI.
 */
export function usesLocalPackages(dir: string): boolean {
  const names = new RegExp(`(^|[\\s"'])(${[...WHEELS, ...SDISTS].join('|')})\\b`, 'im');
  const manifests = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml)$/.test(file),
  );
  return manifests.some((file) => names.test(readFileSync(join(dir, file), 'utf8')));
}

export interface PythonIndex {
  /** Build arguments that point pip at the index from inside a build. */
  readonly buildArgs: Record<string, string>;
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Builds the index's files once per package content, in the python stand-in, then serves them. */
export async function startPythonIndex(): Promise<PythonIndex> {
  const folders = [await indexFiles()];
  const where = new Map(folders.flatMap((folder) => readdirSync(folder).map((file) => [file, join(folder, file)] as const)));
  const byProject = projects([...where.keys()]);
  const server = await startHostServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://index').pathname);
    if (path === '/simple/')
      return html(
        response,
        Object.keys(byProject).map((name) => `<a href="/simple/${name}/">${name}</a>`),
      );
    const project = /^\/simple\/([^/]+)\/$/.exec(path)?.[1];
    if (project && byProject[project]) {
      return html(
        response,
        byProject[project].map((file) => `<a href="/files/${file}#sha256=${sha256(where.get(file)!)}">${file}</a>`),
      );
    }
    const file = /^\/files\/([^/]+)$/.exec(path)?.[1];
    const found = file === undefined ? undefined : where.get(file);
    if (found) {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': statSync(found).size });
      return response.end(readFileSync(found));
    }
    response.writeHead(404).end('not found');
  });
  const url = `${server.origin}/simple/`;
  return { url, buildArgs: { PIP_INDEX_URL: url, PIP_TRUSTED_HOST: server.host }, close: server.close };
}

async function indexFiles(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of listTree(PACKAGES)) hash.update(file).update(readFileSync(join(PACKAGES, file)));
  const dir = join(tmpdir(), `cdf-pyindex-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'done'))) return join(dir, 'files');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  cpSync(PACKAGES, join(dir, 'src'), { recursive: true });
  await ensureBase(`python:${PYTHON_VERSION}`);
  // Built offline: setuptools comes from Debian's wheel, and no step may reach an index.
  const script = [
    'set -e',
    'python3 -m venv /tmp/b',
    '/tmp/b/bin/pip install -q --no-index /usr/share/python-wheels/setuptools-*.whl',
    'cp -r /work/src /tmp/src',
    ...WHEELS.map((name) => `/tmp/b/bin/pip wheel -q --no-deps --no-build-isolation --no-index -w /work/files /tmp/src/${name}`),
    ...SDISTS.map((name) => `(cd /tmp/src/${name} && /tmp/b/bin/python setup.py -q sdist -d /work/files)`),
    'cp /usr/share/python-wheels/setuptools-*.whl /work/files/',
    'chmod -R a+rX /work/files',
  ].join('\n');
  const result = await docker(['run', '--rm', '--network', 'none', '-v', `${dir}:/work`, `python:${PYTHON_VERSION}`, 'sh', '-c', script], {
    reject: false,
    all: true,
  });
  if (result.exitCode !== 0) throw new Error(`building the local Python index failed:\n${String(result.all).slice(-2000)}`);
  writeFileSync(join(dir, 'done'), '');
  return join(dir, 'files');
}

/** PEP 503: project names normalised, each with its files (wheel names use _, sdists may use -). */
function projects(files: readonly string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const file of files) {
    const name = /^(.+?)-\d[^-]*(?:-|\.tar\.gz$)/.exec(file)?.[1];
    if (!name) continue;
    const project = name.toLowerCase().replace(/[-_.]+/g, '-');
    (result[project] ??= []).push(file);
  }
  return result;
}

function html(response: import('node:http').ServerResponse, links: string[]): void {
  const body = `<!DOCTYPE html><html><body>\n${links.join('<br>\n')}\n</body></html>\n`;
  response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function listTree(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listTree(root, join(prefix, entry.name)) : [join(prefix, entry.name)]));
}
