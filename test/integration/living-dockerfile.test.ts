// Issue 28 with real docker: every customisation built and observed in the running image; a user's
// edit surviving a regeneration that adds a native dependency, the merged file built and served;
// `update` moving a base image, built and served; renovate.json checked by Renovate's validator.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { docker } from '../../generators/verify/docker.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from '../harness/engine.js';
import { caSecretArgs } from '../harness/machine-ca.js';
import { removeDir, runCli } from '../harness/project.js';
import { serve, withFixture, type Scenario } from '../harness/scenario.js';
import { startRegistry } from '../harness/registry.js';

jest.setTimeout(15 * 60_000);

beforeAll(async () => {
  await requireEngine();
  for (const base of ['golang:1.25', 'golang:1.26', 'gcc:14', 'node:24-slim', 'debian:13-slim', 'python:3.13-slim']) await ensureBase(base);
});

async function build(scenario: Scenario, name: string, extra: readonly string[] = []): Promise<string> {
  const tag = scenario.image(`cdf-living-${randomUUID().slice(0, 8)}:${name}`);
  const result = await docker(['build', ...caSecretArgs(), ...extra, '-t', tag, scenario.dir], { reject: false, all: true });
  // On failure the step's own error lines come first (BuildKit prints them before the step summaries).
  const lines = String(result.all).split('\n');
  const shown = [...lines.filter((line) => /\b(npm error|npm ERR!|error:|Error:|ERROR)\b/.test(line)).slice(-20), '...', ...lines.slice(-20)].join('\n');
  expect([result.exitCode, result.exitCode === 0 ? '' : shown]).toEqual([0, '']);
  return tag;
}

/** Files of the user's own, by path relative to the project, folders made as needed. */
function addFiles(scenario: Scenario, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scenario.dir, path)), { recursive: true });
    writeFileSync(join(scenario.dir, path), text);
  }
}

const inspect = async (tag: string, format: string) => String((await docker(['inspect', '--format', format, tag])).stdout).trim();
const written = (scenario: Scenario, path = 'Dockerfile') => readFileSync(join(scenario.dir, path), 'utf8');

describe('each customisation, built and run', () => {
  test('Go on scratch: build arg and fragments at both build points, a copied file, ENV, CMD and a user id', () =>
    withFixture('go', 'lone-main', async (scenario) => {
      // The fragments assert inside the build: a wrong place or a missing ARG fails it.
      addFiles(scenario, {
        'docker/before.Dockerfile': 'RUN test "$APP_VERSION" = "1.2.3" && test ! -e /out\n',
        'docker/after.Dockerfile': 'RUN test -x /out/lone-main && test "$APP_VERSION" = "1.2.3"\n',
        'config/app.json': '{"greeting":"from the project"}\n',
      });
      const run = await runCli([
        scenario.dir,
        '--yes',
        '--build-arg',
        'APP_VERSION=1.2.3',
        '--fragment',
        'before-install=docker/before.Dockerfile',
        '--fragment',
        'after-build=docker/after.Dockerfile',
        '--copy',
        'config/app.json:/etc/app/app.json',
        '--env',
        'GREETING=say "hi" to $USER',
        '--cmd=--verbose',
        '--user-id',
        '10001',
      ]);
      expect([run.exitCode, String(run.stderr)]).toEqual([0, expect.anything()]);
      const tag = await build(scenario, 'go-custom');
      const served = await serve(scenario, tag, 8080, '/who');
      expect(served.response.status).toBe(200);
      expect(await inspect(tag, '{{.Config.User}}')).toBe('10001:10001');
      expect(await inspect(tag, '{{json .Config.Env}}')).toContain('"GREETING=say \\"hi\\" to $USER"');
      expect(await inspect(tag, '{{json .Config.Cmd}}')).toBe('["--verbose"]');
      // scratch has no shell: the copied file is read back with docker cp.
      const out = mkdtempSync(join(tmpdir(), 'cdf-cp-'));
      try {
        await docker(['cp', `${served.id}:/etc/app/app.json`, join(out, 'app.json')]);
        expect(readFileSync(join(out, 'app.json'), 'utf8')).toBe('{"greeting":"from the project"}\n');
      } finally {
        removeDir(out);
      }
      // The build arg's value is the default, overridable by whoever builds: 2.0 fails the fragment's test.
      const other = await docker(['build', ...caSecretArgs(), '--build-arg', 'APP_VERSION=2.0', scenario.dir], { reject: false, all: true });
      expect(other.exitCode).not.toBe(0);
    }));

  test('Node on slim: runtime packages, a runtime fragment, an ENTRYPOINT and CMD of its own, a user id', () =>
    withFixture('node', 'express-app', async (scenario) => {
      addFiles(scenario, { 'docker/runtime.Dockerfile': 'LABEL org.opencontainers.image.vendor="Example"\nRUN mkdir -p /var/cache/app\n' });
      const run = await runCli([
        scenario.dir,
        '--yes',
        '--runtime-packages',
        'curl',
        '--fragment',
        'runtime=docker/runtime.Dockerfile',
        '--entrypoint',
        'docker-entrypoint.sh',
        '--cmd',
        'node server.js',
        '--user-id',
        '10001',
      ]);
      expect([run.exitCode, String(run.stderr)]).toEqual([0, expect.stringContaining('runtime: slim')]);
      const tag = await build(scenario, 'node-custom');
      const served = await serve(scenario, tag, 3000, '/health');
      expect([served.response.status, served.response.body]).toEqual([200, expect.stringContaining('"uid":10001')]);
      expect(await inspect(tag, '{{index .Config.Labels "org.opencontainers.image.vendor"}}')).toBe('Example');
      expect(await inspect(tag, '{{json .Config.Entrypoint}} {{json .Config.Cmd}}')).toBe('["docker-entrypoint.sh"] ["node","server.js"]');
      // curl came with --runtime-packages; the server runs as 10001.
      const curl = await docker(['exec', served.id, 'curl', '-fsS', 'http://127.0.0.1:3000/health'], { reject: false });
      expect([curl.exitCode, String(curl.stdout).length > 0]).toEqual([0, true]);
      const uid = await docker(['exec', served.id, 'node', '-e', 'console.log(process.getuid())']);
      expect(String(uid.stdout).trim()).toBe('10001');
    }));
});

describe('each customisation, built and run (Python)', () => {
  test('Python on slim: runtime packages, build arg and fragments at every point, ENV, a copy, CMD arguments and a user id', () =>
    withFixture('python', 'stdlib-server', async (scenario) => {
      addFiles(scenario, {
        'docker/before.Dockerfile': 'RUN test "$APP_VERSION" = "3.1" && test ! -e /app/main.py\n',
        'docker/after.Dockerfile': 'RUN test -f /app/main.py && test -x /opt/venv/bin/python\n',
        'docker/runtime.Dockerfile': 'LABEL org.opencontainers.image.title="stdlib"\n',
        'settings.ini': '[app]\nname = stdlib\n',
      });
      const run = await runCli([
        scenario.dir,
        '--yes',
        '--runtime-packages',
        'curl',
        '--build-arg',
        'APP_VERSION=3.1',
        '--fragment',
        'before-install=docker/before.Dockerfile',
        '--fragment',
        'after-build=docker/after.Dockerfile',
        '--fragment',
        'runtime=docker/runtime.Dockerfile',
        '--copy',
        'settings.ini:/etc/stdlib/settings.ini',
        '--env',
        'APP_MODE=demo',
        '--cmd=--ignored-by-main',
        '--user-id',
        '10001',
      ]);
      expect([run.exitCode, String(run.stderr)]).toEqual([0, expect.stringContaining('runtime: slim')]);
      const tag = await build(scenario, 'python-custom');
      const served = await serve(scenario, tag, 8000, '/');
      expect([served.response.status, served.response.body]).toEqual([200, 'stdlib says hello as uid 10001\n']);
      expect(await inspect(tag, '{{index .Config.Labels "org.opencontainers.image.title"}} {{json .Config.Cmd}}')).toBe('stdlib ["--ignored-by-main"]');
      const inside = await docker(['exec', served.id, 'sh', '-c', 'curl -fsS http://127.0.0.1:8000/ && printenv APP_MODE && cat /etc/stdlib/settings.ini']);
      // (execa drops the output's last line break)
      expect(String(inside.stdout)).toBe('stdlib says hello as uid 10001\ndemo\n[app]\nname = stdlib');
    }));
});

describe('regeneration keeps the edits', () => {
  test('a C project gains zlib: the regeneration adds it, keeps the user edits, and the merged file builds and serves', () =>
    withFixture('c', 'grows-zlib', async (scenario) => {
      expect((await runCli([scenario.dir, '--yes'])).exitCode).toBe(0);
      const first = written(scenario);
      expect(first).not.toContain('zlib1g-dev');
      // The user's own lines: a label in the runtime stage, and a comment of theirs in the build stage.
      const edited = first
        .replace(/^FROM scratch AS runtime$/m, '$&\nLABEL org.opencontainers.image.authors="team@example.com"')
        .replace(/^WORKDIR \/src$/m, '$&\n# our build notes: keep -O2');
      writeFileSync(join(scenario.dir, 'Dockerfile'), edited);
      // The project grows a native dependency.
      const source = readFileSync(join(scenario.dir, 'server.c'), 'utf8')
        .replace('#include <unistd.h>', '#include <unistd.h>\n#include <zlib.h>')
        .replace('return "no compression yet";', 'return zlibVersion();');
      writeFileSync(join(scenario.dir, 'server.c'), source);
      writeFileSync(
        join(scenario.dir, 'Makefile'),
        readFileSync(join(scenario.dir, 'Makefile'), 'utf8').replace('CFLAGS ?= -O2 -Wall', 'CFLAGS ?= -O2 -Wall\nLDLIBS = -lz'),
      );

      const drift = await runCli([scenario.dir, '--check']);
      expect(drift.exitCode).toBe(1);
      expect(String(drift.stdout)).toContain('zlib1g-dev');

      const regenerated = await runCli([scenario.dir, '--yes']);
      expect([regenerated.exitCode, String(regenerated.stderr)]).toEqual([0, expect.stringMatching(/^ {4}merge Dockerfile$/m)]);
      const merged = written(scenario);
      expect(merged).toContain('LABEL org.opencontainers.image.authors="team@example.com"');
      expect(merged).toContain('# our build notes: keep -O2');
      expect(merged).toMatch(/apt-get install -y --no-install-recommends [^\n]*zlib1g-dev/);
      expect((await runCli([scenario.dir, '--check'])).exitCode).toBe(0);

      const tag = await build(scenario, 'c-merged');
      const served = await serve(scenario, tag, 8080, '/');
      expect([served.response.status, served.response.body.trim()]).toEqual([200, expect.stringMatching(/^grows-zlib as uid 65532: 1\.\d+\.\d+/)]);
      expect(await inspect(tag, '{{index .Config.Labels "org.opencontainers.image.authors"}}')).toBe('team@example.com');
    }));
});

describe('update', () => {
  test('moves the Go base to the line go.mod now asks for, keeps the edits, and the image builds and serves', () =>
    withFixture('go', 'lone-main', async (scenario) => {
      writeFileSync(join(scenario.dir, 'go.mod'), 'module example.com/who\n\ngo 1.25\n');
      expect((await runCli([scenario.dir, '--yes'])).exitCode).toBe(0);
      expect(written(scenario)).toMatch(/^FROM golang:1\.25 AS build$/m);
      writeFileSync(join(scenario.dir, 'Dockerfile'), written(scenario).replace(/^FROM scratch AS runtime$/m, '$&\nLABEL org.example.kept="yes"'));
      writeFileSync(join(scenario.dir, 'go.mod'), 'module example.com/who\n\ngo 1.26\n');
      const diff = await runCli(['update', scenario.dir, '--diff']);
      expect([diff.exitCode, String(diff.stdout)]).toEqual([0, expect.stringContaining('+FROM golang:1.26 AS build')]);
      expect(written(scenario)).toMatch(/^FROM golang:1\.25 AS build$/m);
      const update = await runCli(['update', scenario.dir]);
      expect([update.exitCode, String(update.stderr)]).toEqual([0, expect.stringContaining('move golang:1.25 -> golang:1.26')]);
      expect(written(scenario)).toMatch(/^FROM golang:1\.26 AS build$/m);
      expect(written(scenario)).toContain('LABEL org.example.kept="yes"');
      const tag = await build(scenario, 'go-updated');
      expect((await serve(scenario, tag, 8080, '/who')).response.status).toBe(200);
    }));

  test('--pin-digests pins the bases to the digests a registry gave them; --check stays in step without the engine knowing them; the pinned image builds', () =>
    withFixture('go', 'lone-main', async (scenario) => {
      const registry = await startRegistry();
      const mirrored = `${registry.host}/hub/golang:1.26`;
      try {
        expect((await runCli([scenario.dir, '--yes', '--registry', `${registry.host}/hub`])).exitCode).toBe(0);
        expect(written(scenario)).toMatch(new RegExp(`^FROM ${mirrored.replace(/[.]/g, '\\.')} AS build$`, 'm'));
        // The stand-in, pushed as a mirror would serve it: the push gives it its digest.
        await docker(['tag', 'golang:1.26', mirrored]);
        const pushed = await docker(['push', mirrored]);
        const digest = /digest: (sha256:[0-9a-f]{64})/.exec(String(pushed.stdout))![1]!;
        scenario.image(mirrored);
        const update = await runCli(['update', scenario.dir, '--pin-digests']);
        expect([update.exitCode, String(update.stderr)]).toEqual([0, expect.stringContaining(`move ${mirrored} -> ${mirrored}@${digest}`)]);
        expect(written(scenario)).toContain(`FROM ${mirrored}@${digest} AS build`);
        const saved = JSON.parse(written(scenario, '.create-dockerfile.json')) as { choices: { digests: Record<string, string> } };
        expect(saved.choices.digests).toEqual({ [mirrored]: digest });
        // The engine forgets the image: the saved digest still writes the same file.
        await docker(['rmi', mirrored]);
        expect((await runCli([scenario.dir, '--check'])).exitCode).toBe(0);
        // BuildKit pulls the base by its digest from the registry.
        const tag = await build(scenario, 'go-pinned');
        expect((await serve(scenario, tag, 8080, '/who')).response.status).toBe(200);
      } finally {
        await registry.stop();
      }
    }));

  test("--renovate writes a renovate.json that Renovate's own validator accepts (and a broken one it refuses)", () =>
    withFixture('go', 'lone-main', async (scenario) => {
      expect((await runCli([scenario.dir, '--yes'])).exitCode).toBe(0);
      expect((await runCli(['update', scenario.dir, '--renovate'])).exitCode).toBe(0);
      const prefix = mkdtempSync(join(tmpdir(), 'cdf-renovate-'));
      try {
        // Renovate's validator from the npm registry, pinned; its native regex engine is optional.
        await execa('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', 'renovate@44.121.2'], { timeout: 8 * 60_000 });
        const validator = join(prefix, 'node_modules/.bin/renovate-config-validator');
        const valid = await execa(validator, ['--strict', '--no-global', 'renovate.json'], { cwd: scenario.dir, reject: false, all: true });
        expect([
          valid.exitCode,
          String(valid.all)
            .split('\n')
            .filter((line) => /ERROR|WARN: (?!RE2)/.test(line)),
        ]).toEqual([0, []]);
        const config = JSON.parse(written(scenario, 'renovate.json')) as { packageRules: { enabled?: unknown }[] };
        config.packageRules[0]!.enabled = 'no';
        writeFileSync(join(scenario.dir, 'broken.json'), JSON.stringify(config));
        const broken = await execa(validator, ['--strict', '--no-global', 'broken.json'], { cwd: scenario.dir, reject: false });
        expect(broken.exitCode).not.toBe(0);
      } finally {
        removeDir(prefix);
      }
    }));
});
