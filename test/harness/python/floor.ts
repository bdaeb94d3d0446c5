import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plan } from '../../../generators/languages/registry.js';
import { docker, inspectImage } from '../../../generators/verify/docker.js';
import { packageRoot } from '../../../generators/util/package-root.js';
import { PYTHON_VERSION } from '../../bases/recipes.js';
import type { Floor } from '../floor.js';
import { narrow } from '../narrow.js';
import { caRunArgs } from '../machine-ca.js';

const PINS = join(packageRoot, 'test/harness/python/floor-pins.py');

/**
 * Python's floor computed without looking at the image it judges: the runtime base, plus a venv
 * holding only the pins the project's own files declare (read from its lock or requirements with no
 * lock tool, installed with pip on their own), plus the project's files minus tests and tooling
 * state, plus collectstatic's output for Django. An image that ships pip, build tools, caches or
 * tests shows a ratio above 1.
 */
export async function pythonIndependentFloor(dir: string, plan: Plan, buildArgs: Record<string, string> = {}): Promise<Floor> {
  const python = narrow(plan, 'python').python;
  const env = Object.entries(buildArgs).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  const collect = python.collectStatic
    ? `cp -r /src /w && cd /w && /v/bin/python manage.py collectstatic --noinput >/dev/null && du -sb /w/${python.collectStatic.root} | cut -f1`
    : 'echo 0';
  const script = [
    'set -e',
    `python${PYTHON_VERSION} -m venv --without-pip /v`,
    'cd /src && python3 -c "$PINS" > /tmp/pins.txt',
    `python${PYTHON_VERSION} -m pip --python /v/bin/python install -q --no-cache-dir -r /tmp/pins.txt >/tmp/pip.log 2>&1 || { tail -5 /tmp/pip.log >&2; exit 1; }`,
    'du -sb /v | cut -f1',
    collect,
  ].join('\n');
  const out = String(
    (
      await docker([
        'run',
        '--rm',
        ...env,
        ...caRunArgs(),
        '-e',
        `PINS=${readFileSync(PINS, 'utf8')}`,
        '-v',
        `${dir}:/src:ro`,
        '--entrypoint',
        'sh',
        `python:${PYTHON_VERSION}`,
        '-c',
        script,
      ])
    ).stdout,
  )
    .trim()
    .split('\n');
  const [venv, statics] = out.slice(-2).map(Number) as [number, number];
  const parts = [
    { name: `base ${plan.runtimeImage}`, bytes: (await inspectImage(plan.runtimeImage)).Size },
    { name: 'venv of the declared pins, installed apart', bytes: venv },
    { name: 'project files (no tests, no tooling state)', bytes: projectFiles(dir) },
    ...(statics > 0 ? [{ name: `collectstatic output ${python.collectStatic!.root}`, bytes: statics }] : []),
  ];
  return { bytes: parts.reduce((sum, part) => sum + part.bytes, 0), parts };
}

function projectFiles(dir: string): number {
  const skip = /(^|\/)(\.git|\.venv|venv|__pycache__|tests?|\.pytest_cache|\.mypy_cache)(\/|$)|(^|\/)test_[^/]*\.py$|^(Dockerfile|\.dockerignore|\.gitignore)$/;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!skip.test(path)) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}
