import { jest } from '@jest/globals';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { httpGet } from '../harness/container.js';
import { pythonFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { narrow } from '../harness/narrow.js';
import { usePythonBases } from '../harness/python-suite.js';
import { serve, withFixture } from '../harness/scenario.js';

jest.setTimeout(20 * 60_000);

usePythonBases();

/**
 * Real Flask, Django and FastAPI from PyPI, at the versions each fixture's lockfile or requirements
 * pin, installed by the tool each project names (Poetry, PDM, uv) through this machine's proxy (the
 * ca-cert secret), in projects laid out the way each framework's guide lays one out: generated with
 * --yes, built, and asked for their own page and for who serves it.
 */
interface FrameworkCase {
  readonly fixture: string;
  readonly runtimes: readonly Runtime[];
  readonly framework: string;
  /** The server the image runs, as PID 1. */
  readonly server: RegExp;
  readonly page: { readonly path: string; readonly body: RegExp };
  /** A JSON page saying which fixture, uid, pid and ppid answer. */
  readonly whoami: string;
}

const CASES: readonly FrameworkCase[] = [
  {
    fixture: 'flask-factory',
    runtimes: ['distroless', 'slim'],
    framework: 'flask',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/gunicorn --bind 0\.0\.0\.0:8000 flaskr:create_app\(\)$/,
    page: { path: '/', body: /flask-factory fixture page/ },
    whoami: '/whoami',
  },
  {
    fixture: 'django-static',
    runtimes: ['distroless'],
    framework: 'django',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/gunicorn --bind 0\.0\.0\.0:8000 mysite\.wsgi:application$/,
    page: { path: '/', body: /django-static fixture page/ },
    whoami: '/whoami',
  },
  {
    fixture: 'fastapi-package',
    runtimes: ['distroless', 'slim'],
    framework: 'fastapi',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/uvicorn app\.main:app --host 0\.0\.0\.0 --port 8000$/,
    page: { path: '/items/plumbus', body: /^\{"name":"Plumbus","price":3\.5\}$/ },
    whoami: '/whoami',
  },
  {
    // Pipfile.lock's pins, installed by pip from PyPI: no Pipenv in the build.
    fixture: 'pipenv-flask',
    runtimes: ['distroless'],
    framework: 'flask',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/gunicorn --bind 0\.0\.0\.0:8000 app:app$/,
    page: { path: '/', body: /pipenv-flask fixture page/ },
    whoami: '/whoami',
  },
  {
    // poetry.lock exported by Poetry and its export plugin (from PyPI too), installed by pip.
    fixture: 'poetry-flask',
    runtimes: ['distroless'],
    framework: 'flask',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/gunicorn --bind 0\.0\.0\.0:8000 wsgi:app$/,
    page: { path: '/', body: /poetry-flask fixture page/ },
    whoami: '/whoami',
  },
  {
    // pdm.lock exported by PDM; the app under src/, which is not installed (distribution = false).
    fixture: 'pdm-starlette',
    runtimes: ['slim'],
    framework: 'starlette',
    server: /^\/opt\/venv\/bin\/python3?(\.\d+)? \/opt\/venv\/bin\/uvicorn pdm_starlette\.app:app --host 0\.0\.0\.0 --port 8000 --app-dir src$/,
    page: { path: '/', body: /pdm-starlette fixture page/ },
    whoami: '/whoami',
  },
];

describe.each(CASES)('Python framework $fixture', ({ fixture, runtimes, framework, server, page, whoami }) => {
  test.each(runtimes)('generated with --yes, serves its own page as 65532 with the server as PID 1 on %s', (runtime) =>
    withFixture('python', fixture, async (scenario) => {
      const result = await generateInto(scenario.dir, ['--runtime', runtime]);
      const { plan } = result;
      expect([narrow(result.facts, 'python').framework, plan.port]).toEqual([framework, 8000]);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const running = await serve(scenario, tag, 8000, whoami);
      expect(running.response.status).toBe(200);
      const base = running.url;
      // uvicorn answers from PID 1 itself; gunicorn from a worker whose parent, the master, is PID 1.
      const who = JSON.parse(running.response.body) as { fixture: string; uid: number; pid: number; ppid?: number };
      expect([who.fixture, who.uid, who.pid === 1 || who.ppid === 1]).toEqual([fixture, 65532, true]);
      const rendered = await httpGet(`${base}${page.path}`);
      expect([rendered.status, rendered.body]).toEqual([200, expect.stringMatching(page.body)]);

      // The oldest process is the server the plan names; gunicorn's workers are its children, all as 65532.
      const top = String((await docker(['top', running.id, '-o', 'pid,ppid,uid,args'])).stdout)
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/));
      const [, , uid, ...args] = top[0]!;
      expect([uid, args.join(' ')]).toEqual(['65532', expect.stringMatching(server)]);
      expect(new Set(top.map((row) => row[2]))).toEqual(new Set(['65532']));

      // No build tool beyond what the runtime base already holds (python:slim ships pip; distroless nothing).
      const files = await listFiles(tag);
      const baseFiles = new Set(await listFiles(plan.runtimeImage));
      const tools = (paths: readonly string[]) => paths.filter((path) => /(^|\/)bin\/(gcc|cc|pip3?|uv|poetry)$|include\/python3\.\d+\/Python\.h$/.test(path));
      expect(tools(files).filter((path) => !baseFiles.has(path))).toEqual([]);
      if (fixture === 'django-static') {
        // collectstatic ran in the build: the hashed, compressed copies whitenoise serves are in the image.
        const css = files.filter((path) => /^app\/staticfiles\/polls\/style\.[0-9a-f]{12}\.css$/.test(path));
        expect(css).toHaveLength(1);
        expect(rendered.body).toContain(`/static/${css[0]!.slice('app/staticfiles/'.length)}`);
        const asset = await httpGet(`${base}/static/${css[0]!.slice('app/staticfiles/'.length)}`);
        expect([asset.status, asset.body]).toEqual([200, expect.stringContaining('#0c4b33')]);
      }
      if (runtime === 'distroless') expect((await inspectImage(tag)).Size).toBeLessThanOrEqual((await pythonFloor(tag, plan)).bytes * 1.05);
    }),
  );
});

test('Procfile release: and a web line of several commands: run by sh, the release first, then the server exec’d as PID 1', () =>
  withFixture('python', 'procfile-release', async (scenario) => {
    const result = await generateInto(scenario.dir);
    const { plan } = result;
    expect([plan.runtime, plan.entrypoint.slice(0, 2)]).toEqual(['slim', ['/bin/sh', '-c']]);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const running = await serve(scenario, tag, 8000, '/');
    // The release step made the table and its first post before the server started.
    expect([running.response.status, JSON.parse(running.response.body)]).toEqual([
      200,
      // gunicorn's worker answers; its parent, the master, is PID 1: sh exec'd it.
      { fixture: 'procfile-release', posts: ['hello from the release step'], uid: 65532, ppid: 1 },
    ]);
    const logs = await docker(['logs', running.id], { all: true });
    expect(String(logs.all)).toMatch(/database ready\n1 post\(s\)\n/);
    const top = String((await docker(['top', running.id, '-o', 'pid,uid,args'])).stdout);
    expect(top).not.toMatch(/\bsh -c\b/);
  }));
