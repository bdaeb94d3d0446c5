import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { httpGet } from '../harness/container.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { usePythonBases } from '../harness/python-suite.js';
import { runCli } from '../harness/project.js';
import { ensureServiceBases } from '../harness/services.js';
import { serve, withFixture } from '../harness/scenario.js';

jest.setTimeout(20 * 60_000);

usePythonBases();

/**
 * uv as its users build with it: the project's real uv.lock (resolved from PyPI), `uv sync --locked`
 * from uv's own image, the packages from PyPI through this machine's proxy (the ca-cert secret).
 */
describe('uv, from its own image, with the lock from PyPI', () => {
  test('a uv project with fastapi[standard]: `fastapi run` serves the page as PID 1, uid 65532; no uv and no lock tool in the runtime', () =>
    withFixture('python', 'uv-fastapi', async (scenario) => {
      const { plan } = await generateInto(scenario.dir);
      expect(plan.toolImage).toBe('ghcr.io/astral-sh/uv:0.13.9');
      expect(plan.entrypoint).toEqual(['/opt/venv/bin/fastapi', 'run', 'main.py', '--port', '8000']);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const { id, response } = await serve(scenario, tag, 8000, '/');
      expect([response.status, response.body]).toEqual([200, '{"message":"uv-fastapi fixture page"}']);
      const top = String((await docker(['top', id, '-o', 'pid,uid,args'])).stdout)
        .trim()
        .split('\n')
        .slice(1);
      expect(top[0]!.trim().split(/\s+/).slice(1).join(' ')).toBe('65532 /opt/venv/bin/python /opt/venv/bin/fastapi run main.py --port 8000');
      expect((await inspectImage(tag)).Config.Env?.filter((entry) => entry.startsWith('UV_'))).toEqual([]);
      expect((await listFiles(tag)).filter((path) => /(^|\/)(uv|uvx|pip3?)$/.test(path))).toEqual([]);
    }));

  test('`uv sync --locked` checks what it downloads: a wheel hash changed in uv.lock fails the build with the mismatch', () =>
    withFixture('python', 'uv-fastapi', async (scenario) => {
      const { plan } = await generateInto(scenario.dir);
      const lock = join(scenario.dir, 'uv.lock');
      const text = readFileSync(lock, 'utf8');
      // FastAPI's own wheel (pure Python, one file, so the build downloads exactly it): its recorded hash
      // no longer matches the file PyPI serves.
      const wheel = /(\{ url = "https:\/\/files\.pythonhosted\.org\/[^"]+\/fastapi-[^"/]+-py3-none-any\.whl", hash = "sha256:)([0-9a-f]{64})"/.exec(text)!;
      writeFileSync(lock, text.replace(wheel[0], `${wheel[1]}${'0'.repeat(64)}"`));
      await expect(buildImage(scenario.dir, plan)).rejects.toThrow(/[Hh]ash mismatch/);
    }));

  test('a uv workspace: compose builds both members from the root with the lock, and the API writes and reads PostgreSQL through the workspace library', () =>
    withFixture('services', 'uv-shop', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--compose']);
      const generated = await runCli([scenario.dir, '--yes', '--compose']);
      expect([generated.exitCode, generated.stderr]).toEqual([0, expect.stringContaining('uv 0.13.9 reads the lock and checks its hashes')]);
      // The CA reaches compose's builds as a secret, named in the file by path only.
      expect(readFileSync(join(scenario.dir, 'compose.yaml'), 'utf8')).toMatch(/^secrets:\n {2}ca-cert:\n {4}file: "\/.+"$/m);
      const project = `cdf-uvshop-${randomUUID().slice(0, 8)}`;
      const compose = (args: readonly string[]) =>
        execa(process.env.DOCKER_BIN ?? 'docker', ['compose', '-p', project, ...args], { cwd: scenario.dir, reject: false, all: true });
      try {
        const up = await compose(['up', '--build', '--wait', '--wait-timeout', '600']);
        expect([up.exitCode, up.exitCode === 0 ? '' : String(up.all).slice(-3000)]).toEqual([0, '']);
        // api is published on 8001 (admin took 8000): see the compose note.
        const posted = await fetch('http://127.0.0.1:8001/orders', { method: 'POST' });
        expect([posted.status, await posted.json()]).toEqual([201, { count: 1 }]);
        const read = await httpGet('http://127.0.0.1:8001/orders');
        expect([read.status, JSON.parse(read.body)]).toEqual([200, { count: 1 }]);
        const admin = await httpGet('http://127.0.0.1:8000/stats');
        expect([admin.status, JSON.parse(admin.body)]).toEqual([200, { orders: 1 }]);
      } finally {
        const down = await compose(['down', '-v', '--rmi', 'local']);
        expect(down.exitCode).toBe(0);
      }
    }));
});

describe('the other lock tools, each at its version, checking the hashes its lock holds', () => {
  test('Pipenv: a hash changed in Pipfile.lock fails `pip --require-hashes`, naming the package', () =>
    withFixture('python', 'pipenv-flask', async (scenario) => {
      const { plan } = await generateInto(scenario.dir);
      const lock = join(scenario.dir, 'Pipfile.lock');
      const data = JSON.parse(readFileSync(lock, 'utf8')) as { default: Record<string, { hashes: string[] }> };
      data.default.flask!.hashes = data.default.flask!.hashes.map(() => `sha256:${'0'.repeat(64)}`);
      writeFileSync(lock, JSON.stringify(data, null, 4));
      await expect(buildImage(scenario.dir, plan)).rejects.toThrow(/THESE PACKAGES DO NOT MATCH THE HASHES|do not match the hashes/i);
    }));
});
