import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { pythonFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { usePythonIndex } from '../harness/python-suite.js';
import { serve, withFixture } from '../harness/scenario.js';
import { runCli } from '../harness/project.js';
import { narrow } from '../harness/narrow.js';
import { caSecretArgs } from '../harness/machine-ca.js';

// Cold builds install Python and a compiler with apt.
jest.setTimeout(20 * 60_000);

const pythonIndex = usePythonIndex();

/** Anything that would mean a compiler, Python headers or an installer shipped in the final image. */
const BUILD_TOOLS = /(^|\/)(bin\/(gcc|cc|x86_64-linux-gnu-gcc[-\d]*|poetry|uv|pdm)|include\/python3\.\d+\/Python\.h)$/;

interface PythonCase {
  readonly fixture: string;
  /** What the service answers on / (or the command prints), given the fixture's own words. */
  readonly expected: RegExp;
}

const SERVERS: readonly PythonCase[] = [
  { fixture: 'stdlib-server', expected: /^stdlib says hello as uid 65532\n$/ },
  { fixture: 'requirements-app', expected: /^hello, requirements, from greeting-lib\n$/ },
  { fixture: 'procfile-app', expected: /^procfile app on 8000\n$/ },
  { fixture: 'compiled-app', expected: /^fastsum\(1\.\.100\) = 5050 from fastsum\.cpython-313-x86_64-linux-gnu\.so\n$/ },
];
const RUNTIMES: readonly Runtime[] = ['distroless', 'slim'];

describe.each(SERVERS)('Python $fixture', ({ fixture, expected }) => {
  test.each(RUNTIMES)('builds with the local index, serves as 65532 with the server as PID 1 on %s', (runtime) =>
    withFixture('python', fixture, async (scenario) => {
      const { plan } = await generateInto(scenario.dir, ['--runtime', runtime]);
      const tag = scenario.image(await buildImage(scenario.dir, plan, { buildArgs: pythonIndex().buildArgs }));
      const { id, response } = await serve(scenario, tag, plan.port!, '/');
      expect([response.status, response.body]).toEqual([200, expect.stringMatching(expected)]);

      const image = await inspectImage(tag);
      expect(image.Config.User).toBe('65532:65532');
      expect(image.Config.Entrypoint).toEqual(plan.entrypoint);
      const top = String((await docker(['top', id, '-o', 'pid,uid,args'])).stdout)
        .trim()
        .split('\n')
        .slice(1);
      expect(top).toHaveLength(1);
      const [, uid, ...args] = top[0]!.trim().split(/\s+/);
      expect(uid).toBe('65532');
      // A console script runs through its shebang: the venv's python is the process, never a shell.
      expect(args.join(' ')).toMatch(/^\/opt\/venv\/bin\/python3?(\.\d+)? /);
      expect(args.join(' ')).toContain(plan.entrypoint.at(-1)!);

      // The private index reached the build only: no ENV, and no trace in the final image's history.
      expect((image.Config.Env ?? []).filter((entry) => entry.startsWith('PIP_'))).toEqual([]);
      expect(String((await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag])).stdout)).not.toContain(pythonIndex().url);

      expect((await listFiles(tag)).filter((path) => BUILD_TOOLS.test(path))).toEqual([]);
      if (runtime === 'distroless') {
        const floor = await pythonFloor(tag, plan);
        expect(image.Size).toBeLessThanOrEqual(floor.bytes * 1.05);
      }
    }),
  );
});

test.each(RUNTIMES)('Python pyproject-app: the console script runs as a command and prints, as 65532, on %s', (runtime) =>
  withFixture('python', 'pyproject-app', async (scenario) => {
    const { plan, facts } = await generateInto(scenario.dir, ['--runtime', runtime]);
    expect(narrow(facts, 'python').entry).toEqual(['hello-cli']);
    expect(plan.port).toBeUndefined();
    const tag = scenario.image(await buildImage(scenario.dir, plan, { buildArgs: pythonIndex().buildArgs }));
    const run = await docker(['run', '--rm', tag, 'docker'], { reject: false, all: true });
    expect([run.exitCode, String(run.stdout)]).toEqual([0, 'hello, docker, from greeting-lib (uid 65532)']);
    expect((await listFiles(tag)).filter((path) => BUILD_TOOLS.test(path))).toEqual([]);
    if (runtime === 'distroless') {
      const floor = await pythonFloor(tag, plan);
      expect((await inspectImage(tag)).Size).toBeLessThanOrEqual(floor.bytes * 1.05);
    }
  }),
);

test('`--verify --compare` builds with the index from the environment and passes; the naive single stage is bigger', () =>
  withFixture('python', 'requirements-app', async ({ dir }) => {
    const run = await runCli([dir, '--yes', '--verify', '--compare'], { timeoutMs: 15 * 60_000, env: pythonIndex().buildArgs });
    expect([run.exitCode, String(run.stderr).slice(-1500)]).toEqual([0, expect.anything()]);
    const report = String(run.stdout);
    expect(report).toMatch(/^ {2}PASS {2}starts +HTTP 200 on port 8080: hello, requirements, from greeting-lib$/m);
    const [naive, generated] = [/naive single stage +(\d+) bytes/, /generated multi-stage +(\d+) bytes/].map((pattern) => Number(pattern.exec(report)?.[1]));
    expect(generated).toBeLessThan(naive!);
    // The index URL was forwarded by name, so it is in no argument list.
    expect(report).not.toContain(pythonIndex().url);
  }));

test('credentials can come as a BuildKit secret instead: pip.conf mounted for the install only, in no layer', () =>
  withFixture('python', 'requirements-app', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    const secretDir = mkdtempSync(join(tmpdir(), 'cdf-secret-'));
    try {
      const host = pythonIndex().buildArgs.PIP_TRUSTED_HOST!;
      writeFileSync(join(secretDir, 'pip.conf'), `[global]\nindex-url = ${pythonIndex().url}\ntrusted-host = ${host}\n`);
      const tag = scenario.image(`cdf-python-secret:${plan.runtime}`);
      const build = await docker(['build', '--secret', `id=pip.conf,src=${join(secretDir, 'pip.conf')}`, ...caSecretArgs(), '--tag', tag, scenario.dir], {
        reject: false,
        all: true,
      });
      expect([build.exitCode, String(build.all).slice(-1500)]).toEqual([0, expect.anything()]);
      const { response } = await serve(scenario, tag, plan.port!, '/');
      expect(response.body).toBe('hello, requirements, from greeting-lib\n');
      const files = await listFiles(tag);
      expect(files.filter((path) => /(^|\/)pip\.conf$/.test(path))).toEqual([]);
      expect(String((await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag])).stdout)).not.toContain(pythonIndex().url);
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  }));

test('pytest declared in a PEP 735 dependency group: the test stage installs the group and runs pytest, which passes, and fails when a test does; the runtime has no pytest', () =>
  withFixture('python', 'flask-pytest', async ({ dir }) => {
    // Flask and pytest come from PyPI.
    const run = await runCli([dir, '--yes', '--verify', '--keep'], { timeoutMs: 15 * 60_000 });
    const kept = /^kept: (.*)$/m.exec(String(run.stderr))?.[1]?.split(' ') ?? [];
    try {
      expect([run.exitCode, String(run.stderr).slice(-1500)]).toEqual([0, expect.anything()]);
      const report = String(run.stdout);
      expect(report).toMatch(/^ {2}PASS {2}tests +the test stage passed in [\d.]+ s$/m);
      expect(report).toMatch(/^ {2}PASS {2}starts +HTTP 200 on port 8000: .*"said":"HELLO!"/m);
      // pytest and its plugins stay in the test stage.
      const image = kept.find((tag) => !/-(test|build)(:|$)/.test(tag.split('/').pop()!.split(':')[0]!))!;
      expect((await listFiles(image)).filter((path) => /(^|\/)(pytest|_pytest|pluggy)(\/|$)/.test(path))).toEqual([]);
    } finally {
      if (kept.length > 0) await docker(['image', 'rm', '--force', ...kept], { reject: false });
    }
    writeFileSync(join(dir, 'tests/test_app.py'), 'from app import shout\n\n\ndef test_shout_whispers():\n    assert shout("hi") == "hi"\n');
    const failing = await runCli(['verify', dir], { timeoutMs: 15 * 60_000 });
    expect(failing.exitCode).toBe(1);
    expect(String(failing.stdout)).toMatch(/^ {2}FAIL {2}tests +the test stage failed/m);
    expect(String(failing.stderr)).toMatch(/1 failed/);
  }));
