import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from '../../../generators/verify/docker.js';
import { packageRoot } from '../../../generators/util/package-root.js';
import { ensureBase } from '../../bases/ensure.js';
import { PYTHON_VERSION } from '../../bases/recipes.js';

/**
 * The real web frameworks for the tests' package index, from Debian's packages of them (PyPI is out
 * of reach here; Debian's mirror is not). Each package named here is downloaded with the python3-*
 * packages it depends on, and each becomes a wheel of the same files (debian-wheels.py): Flask,
 * gunicorn, Django and whitenoise, FastAPI, Starlette, pydantic, uvicorn with its "standard" extras,
 * and poetry with everything it needs to run.
 */
export const DEBIAN_PACKAGES = [
  'python3-flask',
  'python3-gunicorn',
  'python3-django',
  'python3-whitenoise',
  'python3-fastapi',
  'python3-uvicorn',
  // uvicorn[standard]
  'python3-httptools',
  'python3-uvloop',
  'python3-watchfiles',
  'python3-websockets',
  'python3-dotenv',
  'python3-yaml',
  'python3-flask-sqlalchemy',
  // Poetry and PDM, which read their lock files in the generated builds; httpx and zstandard
  // are pip extras of their dependencies (pbs-installer[download,install]), which apt does not follow.
  'python3-poetry',
  'python3-poetry-plugin-export',
  'python3-pdm',
  'python3-httpx',
  'python3-zstandard',
  'python3-socksio',
  // Locks resolve for every platform: click needs colorama on Windows.
  'python3-colorama',
  // Test stages that install a project's development group (pytest, with pluggy and iniconfig).
  'python3-pytest',
] as const;

/** Interpreter packages and tools that are no distribution a requirement could name. */
const NOT_DISTRIBUTIONS = /^python3-(minimal|venv|distutils|lib2to3|pip|pip-whl|setuptools-whl|wheel-whl|dev|all|tk|gdbm)$/;

const SCRIPT = join(packageRoot, 'test/harness/python/debian-wheels.py');

/** Builds the wheels once per package list and script, in the python stand-in, and returns their folder. */
export async function debianWheels(): Promise<string> {
  const hash = createHash('sha256').update(DEBIAN_PACKAGES.join(' ')).update(readFileSync(SCRIPT)).update(PYTHON_VERSION);
  const dir = join(tmpdir(), `cdf-debwheels-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'done'))) return join(dir, 'wheels');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'wheels'), { recursive: true });
  writeFileSync(join(dir, 'debian-wheels.py'), readFileSync(SCRIPT));
  await ensureBase(`python:${PYTHON_VERSION}`);
  const script = [
    'set -e',
    'apt-get update -qq >/dev/null',
    'mkdir -p /tmp/debs && cd /tmp/debs',
    `apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances ${DEBIAN_PACKAGES.join(' ')} | grep -E '^python3-' | grep -v -E '${NOT_DISTRIBUTIONS.source}' | sort -u > /tmp/list`,
    'apt-get download $(cat /tmp/list) >/dev/null',
    'python3 /work/debian-wheels.py /tmp/debs /work/wheels',
    'chmod -R a+rX /work/wheels',
  ].join('\n');
  // The Debian mirror is reached through the machine's proxy, as builds reach it.
  const result = await docker(['run', '--rm', '-v', `${dir}:/work`, `python:${PYTHON_VERSION}`, 'sh', '-c', script], { reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`building wheels from Debian's packages failed:\n${String(result.all).slice(-2000)}`);
  writeFileSync(join(dir, 'done'), '');
  return join(dir, 'wheels');
}
