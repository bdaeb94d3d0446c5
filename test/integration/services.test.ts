import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { httpGet } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { ensureServiceBases } from '../harness/services.js';
import { listFiles } from '../harness/image-files.js';
import { runCli } from '../harness/project.js';
import { MACHINE_CA } from '../harness/machine-ca.js';
import { serve, withFixture, type Scenario } from '../harness/scenario.js';

// Two services built from scratch, a database and a cache started and probed.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

const DOCKER = process.env.DOCKER_BIN ?? 'docker';

/**
 * docker for compose and bake: their builds reach the real registries (npm, the Go module proxy)
 * through this machine's proxy, with the CA the generated files pass as the ca-cert secret.
 */
const withProxy = (args: readonly string[], cwd: string, env: Record<string, string> = {}) =>
  execa(DOCKER, args, { cwd, reject: false, all: true, env: { DOCKER_BUILDKIT: '1', ...env } });

/**
 * `docker buildx bake` of the generated bake file, every image tagged with one fresh TAG; `use` gets
 * each service's image by name, and the images are removed afterwards whatever happens.
 */
async function withBakedImages(dir: string, project: string, services: readonly string[], use: (image: (service: string) => string) => Promise<void>) {
  const tag = `t${randomUUID().slice(0, 8)}`;
  const image = (service: string) => `${project}-${service}:${tag}`;
  try {
    const bake = await withProxy(['buildx', 'bake'], dir, { TAG: tag });
    expect([bake.exitCode, bake.exitCode === 0 ? '' : String(bake.all).slice(-3000)]).toEqual([0, '']);
    await use(image);
  } finally {
    await docker(['rmi', '-f', ...services.map(image)], { reject: false });
  }
}

/** Serves one service's image and checks it says who it is: its name, uid 65532, PID 1. */
async function expectWhoami(scenario: Scenario, image: string, service: string, port: number, path: string) {
  const running = await serve(scenario, image, port, path);
  expect(JSON.parse(running.response.body)).toEqual({ service, uid: 65532, pid: 1 });
  return running;
}

describe('a repository with a Node front end and a Go API over PostgreSQL and Redis', () => {
  test('--yes --compose: compose up --wait serves the API, which writes and reads the database through the front end too; down -v leaves nothing', () =>
    withFixture('services', 'notes', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--compose']);
      const generated = await runCli([scenario.dir, '--yes', '--compose']);
      expect(generated.exitCode).toBe(0);
      // The password is in .env, generated, and nowhere in compose.yaml.
      const password = /^POSTGRES_PASSWORD=(\S{20,})$/m.exec(readFileSync(join(scenario.dir, '.env'), 'utf8'))?.[1];
      expect(password).toBeDefined();
      expect(readFileSync(join(scenario.dir, 'compose.yaml'), 'utf8')).not.toContain(password!);

      const project = `cdf-notes-${randomUUID().slice(0, 8)}`;
      const compose = (args: readonly string[]) => withProxy(['compose', '-p', project, ...args], scenario.dir);
      try {
        const started = Date.now();
        const up = await compose(['up', '--build', '--wait', '--wait-timeout', '600']);
        const upSeconds = (Date.now() - started) / 1000;
        expect([up.exitCode, up.exitCode === 0 ? '' : String(up.all).slice(-3000)]).toEqual([0, '']);
        // The Go API runs on scratch: its health comes from the probe the Dockerfile compiled, and the front end waited for it.
        const health = await compose(['ps', '--format', 'json']);
        // compose 2.21+ prints one JSON object per line.
        const entries = String(health.stdout)
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { Service: string; Health: string });
        const states = entries.map((entry) => [entry.Service, entry.Health]).sort();
        expect(states).toEqual([
          ['api', 'healthy'],
          ['postgres', 'healthy'],
          ['redis', 'healthy'],
          ['web', 'healthy'],
        ]);

        // The API writes a row and reads it back, and Redis counts the request.
        const posted = await fetch('http://127.0.0.1:8080/notes?text=hello%20compose', { method: 'POST' });
        const wrote = (await posted.json()) as { notes: string[]; served: number; uid: number };
        expect([posted.status, wrote.notes, wrote.uid]).toEqual([201, ['hello compose'], 65532]);
        // The front end reaches the API by the URL compose gave it (API_URL), and Redis keeps counting.
        const relayed = await httpGet('http://127.0.0.1:3000/api/notes');
        const read = JSON.parse(relayed.body) as { notes: string[]; served: number };
        expect([relayed.status, read.notes, read.served]).toEqual([200, ['hello compose'], wrote.served + 1]);
        expect((await httpGet('http://127.0.0.1:3000/')).body).toContain('<h1>Notes</h1>');

        const sizes: string[] = [];
        for (const service of ['api', 'web']) sizes.push(`${service} ${((await inspectImage(`${project}-${service}`)).Size / 1e6).toFixed(2)} MB`);
        // For the closing note: how long `up --wait` took from nothing built, and each service's image.
        process.stderr.write(`compose up --build --wait: ${upSeconds.toFixed(1)} s; ${sizes.join(', ')}\n`);
      } finally {
        const down = await compose(['down', '-v', '--rmi', 'local']);
        expect(down.exitCode).toBe(0);
      }
      const label = `label=com.docker.compose.project=${project}`;
      for (const kind of [
        ['ps', '-a'],
        ['volume', 'ls'],
        ['network', 'ls'],
      ])
        expect(String((await docker([...kind, '-q', '--filter', label])).stdout).trim()).toBe('');
      expect(String((await docker(['images', '-q', `${project}-*`])).stdout).trim()).toBe('');
    }));

  test('--compose --verify: each service is built and checked, then compose runs them together, each up and healthy; nothing is left behind', () =>
    withFixture('services', 'notes', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--compose']);
      const run = await runCli([scenario.dir, '--yes', '--compose', '--verify'], { timeoutMs: 15 * 60_000 });
      expect([run.exitCode, run.exitCode === 0 ? '' : `${String(run.stdout).slice(-2000)}${String(run.stderr).slice(-2000)}`]).toEqual([0, '']);
      const report = String(run.stdout);
      // Two single-service reports (build, non-root; run by compose, not alone), then the services together.
      expect(report.match(/^ {2}PASS {2}non-root +runs as \S+$/gm)).toHaveLength(2);
      expect(report).not.toMatch(/^ {2}(PASS|FAIL) {2}starts /m);
      for (const service of ['api', 'web', 'postgres', 'redis']) expect(report).toMatch(new RegExp(`^ {2}PASS {2}${service} +running, healthy$`, 'm'));
      expect(report).toMatch(/^ {2}PASS {2}compose up every service up in [\d.]+ s$/m);
      const project = /project (cdf-verify-[0-9a-f]+)/.exec(String(run.stderr))?.[1];
      expect(project).toBeDefined();
      for (const kind of [
        ['ps', '-a'],
        ['volume', 'ls'],
        ['network', 'ls'],
      ])
        expect(String((await docker([...kind, '-q', '--filter', `label=com.docker.compose.project=${project!}`])).stdout).trim()).toBe('');
      expect(String((await docker(['images', '-q', `${project!}-*`])).stdout).trim()).toBe('');
    }));

  test('--bake: docker buildx bake builds every service of the bake file', () =>
    withFixture('services', 'notes', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--bake']);
      expect((await runCli([scenario.dir, '--yes', '--bake'])).exitCode).toBe(0);
      await withBakedImages(scenario.dir, 'notes', ['api', 'web'], async (image) => {
        for (const service of ['api', 'web']) expect((await inspectImage(image(service))).Config.User).toBe('65532:65532');
      });
    }));
});

describe('a go.work workspace: two programs and a shared module', () => {
  test('each main is a service built from the root (bake builds both); each serves as 65532, api with its downloaded module', () =>
    withFixture('services', 'go-work', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--bake']);
      const generated = await runCli([scenario.dir, '--yes', '--bake']);
      expect([generated.exitCode, generated.stderr]).toEqual([
        0,
        expect.stringContaining(`docker build --secret 'id=ca-cert,src=${MACHINE_CA}' -f api/Dockerfile -t go-work-api .`),
      ]);
      await withBakedImages(scenario.dir, 'go-work', ['admin', 'api'], async (image) => {
        await expectWhoami(scenario, image('admin'), 'admin', 9000, '/whoami');
        const api = await expectWhoami(scenario, image('api'), 'api', 8080, '/whoami');
        expect(await httpGet(`${api.url}/quote?name=my%20table`)).toEqual({ status: 200, body: '"my table"\n' });
      });
    }));
});

describe('a pnpm workspace: two apps and a TypeScript package they share', () => {
  test('each app is a service: its workspace package built, pnpm deploy (with the build output its own .gitignore lists), and it serves as 65532 from distroless', () =>
    withFixture('services', 'pnpm-shop', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--bake']);
      const generated = await runCli([scenario.dir, '--yes', '--bake']);
      expect([generated.exitCode, generated.stderr]).toEqual([0, expect.stringContaining('packages/greet is not built: a package the others use')]);
      await withBakedImages(scenario.dir, 'pnpm-shop', ['api', 'web'], async (image) => {
        await expectWhoami(scenario, image('api'), 'api', 8080, '/whoami');
        await expectWhoami(scenario, image('web'), 'web', 3000, '/');
        // The deployed member holds its own dependencies and the built package, not the workspace's sources.
        const files = await listFiles(image('api'));
        expect(files.filter((file) => /^app\/node_modules\/.*@shop\/greet\/dist\/index\.js$/.test(file))).toHaveLength(1);
        const own = files.filter((file) => file.startsWith('app/') && !file.startsWith('app/node_modules/'));
        expect(own.sort()).toEqual(['app/', 'app/package.json', 'app/server.js']);
      });
    }));
});

describe('a yarn workspace: two apps and a package they share', () => {
  test('each app is a service built from the root with the workspace installed; each serves as 65532 and ships only itself and the package it uses', () =>
    withFixture('services', 'yarn-shop', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--bake']);
      expect((await runCli([scenario.dir, '--yes', '--bake'])).exitCode).toBe(0);
      await withBakedImages(scenario.dir, 'yarn-shop', ['api', 'web'], async (image) => {
        await expectWhoami(scenario, image('api'), 'api', 8080, '/whoami');
        await expectWhoami(scenario, image('web'), 'web', 3000, '/');
        // Of the workspace, the api image holds the api and the package it uses, not the web app.
        const own = (await listFiles(image('api'))).filter((file) => file.startsWith('app/') && !file.startsWith('app/node_modules/'));
        expect(own.sort()).toEqual([
          'app/',
          'app/apps/',
          'app/apps/api/',
          'app/apps/api/package.json',
          'app/apps/api/server.js',
          'app/package.json',
          'app/packages/',
          'app/packages/greet/',
          'app/packages/greet/index.js',
          'app/packages/greet/package.json',
        ]);
      });
    }));
});

describe('a bun workspace: two apps and a package bun builds', () => {
  test('each app is a service built from the root: the package built with bun, each serving as 65532 with only itself and the package it uses', () =>
    withFixture('services', 'bun-shop', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--bake']);
      expect((await runCli([scenario.dir, '--yes', '--bake'])).exitCode).toBe(0);
      await withBakedImages(scenario.dir, 'bun-shop', ['admin', 'api'], async (image) => {
        await expectWhoami(scenario, image('admin'), 'admin', 9000, '/');
        await expectWhoami(scenario, image('api'), 'api', 8080, '/whoami');
        const own = (await listFiles(image('api'))).filter((file) => file.startsWith('app/') && !file.startsWith('app/node_modules/'));
        expect(own.filter((file) => file.startsWith('app/apps/admin'))).toEqual([]);
        expect(own).toEqual(expect.arrayContaining(['app/apps/api/server.js', 'app/packages/greet/dist/index.js']));
      });
    }));
});

describe('a Node API over MariaDB (mysql2)', () => {
  test('--compose wires DATABASE_URL to mariadb with the password from .env; the API writes and reads a row', () =>
    withFixture('services', 'inventory', async (scenario) => {
      await ensureServiceBases(scenario.dir, ['--compose']);
      expect((await runCli([scenario.dir, '--yes', '--compose'])).exitCode).toBe(0);
      const project = `cdf-inventory-${randomUUID().slice(0, 8)}`;
      const compose = (args: readonly string[]) => withProxy(['compose', '-p', project, ...args], scenario.dir);
      try {
        const up = await compose(['up', '--build', '--wait', '--wait-timeout', '600']);
        expect([up.exitCode, up.exitCode === 0 ? '' : String(up.all).slice(-3000)]).toEqual([0, '']);
        const posted = await fetch('http://127.0.0.1:4000/items?name=widget', { method: 'POST' });
        expect([posted.status, await posted.json()]).toEqual([201, { items: ['widget'] }]);
        expect(JSON.parse((await httpGet('http://127.0.0.1:4000/items')).body)).toEqual({ items: ['widget'], uid: 65532 });
      } finally {
        expect((await compose(['down', '-v', '--rmi', 'local'])).exitCode).toBe(0);
      }
      expect(String((await docker(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`])).stdout).trim()).toBe('');
    }));
});
