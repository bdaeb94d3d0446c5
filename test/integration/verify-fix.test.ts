// --verify --fix on the shapes issue 27 names, each failing with the detected defaults: the run
// observes what went wrong, regenerates with the flag that settles it, and verifies again. Each
// image is then built from the written files and probed here, independently of the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { docker } from '../../generators/verify/docker.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from '../harness/engine.js';
import { caSecretArgs } from '../harness/machine-ca.js';
import { runCli } from '../harness/project.js';
import { serve, withFixture } from '../harness/scenario.js';

jest.setTimeout(15 * 60_000);
const LONG = { timeoutMs: 12 * 60_000 };

beforeAll(async () => {
  await requireEngine();
  for (const base of ['gcc:14', 'node:26-slim', 'node:24-slim', 'gcr.io/distroless/nodejs26-debian13:nonroot', 'gcr.io/distroless/nodejs24-debian13:nonroot'])
    await ensureBase(base);
});

interface FixCase {
  readonly language: string;
  readonly fixture: string;
  /** What the report says it saw. */
  readonly observed: RegExp;
  /** The flag --fix applied. */
  readonly applied: string;
  /** A line the final Dockerfile holds because of it. */
  readonly dockerfile: RegExp;
  readonly port: number;
  readonly path: string;
  readonly body: RegExp;
}

const CASES: readonly FixCase[] = [
  {
    language: 'node',
    fixture: 'writes-static',
    observed: /OBSERVED {2}the process cannot write static\/ as the runtime user \(EACCES\): --writable static/,
    applied: '--writable static',
    dockerfile: /^COPY --from=writable --chown=65532:65532 \/writable\/0\/ \.\/$/m,
    port: 3000,
    path: '/app.min.js',
    body: /^function greet\(name\) \{ return 'hello ' \+ name; \}$/,
  },
  {
    language: 'node',
    fixture: 'config-port',
    observed: /OBSERVED {2}the process listens on port 8085, not on 3000 as planned: --port 8085/,
    applied: '--port 8085',
    dockerfile: /^EXPOSE 8085$/m,
    port: 8085,
    path: '/',
    body: /"fixture":"config-port","uid":65532/,
  },
  {
    language: 'node',
    fixture: 'api-key',
    observed: /OBSERVED {2}it stopped at start with an error thrown inside its dependencies \(buffer-equal-constant-time\) on Node 26[^\n]*: --node-version 24/,
    applied: '--node-version 24',
    dockerfile: /^FROM gcr\.io\/distroless\/nodejs24-debian13:nonroot AS runtime$/m,
    port: 3000,
    path: '/',
    body: /"fixture":"api-key","uid":65532,"authorized":false/,
  },
  {
    language: 'c',
    fixture: 'embed-page',
    observed: /OBSERVED {2}the build runs xxd, which the build stage lacks: --build-packages xxd/,
    applied: '--build-packages xxd',
    dockerfile: /apt-get install -y --no-install-recommends xxd/,
    port: 8080,
    path: '/',
    body: /embed-page fixture page, compiled into the binary/,
  },
  {
    language: 'c',
    fixture: 'route-table',
    observed: /OBSERVED {2}the build misses the header uthash\.h: --build-packages uthash-dev/,
    applied: '--build-packages uthash-dev',
    dockerfile: /apt-get install -y --no-install-recommends uthash-dev/,
    port: 8090,
    path: '/',
    body: /^\{"fixture":"route-table"\}$/,
  },
];

describe('--verify --fix', () => {
  test.each(CASES)(
    '$language/$fixture: fails as detected, then $applied builds and serves',
    ({ language, fixture, observed, applied, dockerfile, port, path, body }) =>
      withFixture(language, fixture, async (scenario) => {
        const run = await runCli([scenario.dir, '--yes', '--verify', '--fix'], LONG);
        const stdout = String(run.stdout);
        const stderr = String(run.stderr);
        // The first round failed its checks, the report said what it saw, and --fix said what it applied.
        expect(stdout).toMatch(/^verify: \d+ checks? failed$/m);
        expect(stdout).toMatch(observed);
        expect(stderr).toContain(`create-dockerfile: --fix: regenerating with ${applied}`);
        expect([run.exitCode, stderr.split('\n').filter((line) => line.startsWith('create-dockerfile:'))]).toEqual([
          0,
          expect.arrayContaining([
            expect.stringMatching(new RegExp(`--fix changed ${applied.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; the image now builds and runs`)),
          ]),
        ]);
        expect(stdout.trimEnd().split('\n').at(-1)).toBe('verify: every check passed');

        const written = readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8');
        expect(written).toMatch(dockerfile);
        // The files on disk, built and run here: they serve what the project serves, as 65532.
        const tag = scenario.image(`cdf-fix-${randomUUID().slice(0, 8)}:${fixture}`);
        const build = await docker(['build', ...caSecretArgs(), '-t', tag, scenario.dir], { reject: false, all: true });
        expect([build.exitCode, String(build.all).split('\n').slice(-15).join('\n')]).toEqual([0, expect.anything()]);
        const served = await serve(scenario, tag, port, path);
        expect([served.response.status, served.response.body.trim()]).toEqual([200, expect.stringMatching(body)]);
        const user = String((await docker(['inspect', '--format', '{{.Config.User}}', tag])).stdout).trim();
        expect(user).toBe('65532:65532');
      }),
  );
});

describe('--verify --fix on a Dockerfile the user edited', () => {
  test('the correction merges with the edit, and is saved as a choice the next run keeps', () =>
    withFixture('c', 'route-table', async (scenario) => {
      expect((await runCli([scenario.dir, '--yes'])).exitCode).toBe(0);
      const edited = readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8').replace(/^(FROM \S+ AS runtime)$/m, '$1\nLABEL org.example.owner="c-team"');
      writeFileSync(join(scenario.dir, 'Dockerfile'), edited);
      const run = await runCli([scenario.dir, '--yes', '--verify', '--fix'], LONG);
      expect([run.exitCode, String(run.stderr)]).toEqual([
        0,
        expect.stringContaining('--fix changed --build-packages uthash-dev; the image now builds and runs'),
      ]);
      const written = readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8');
      expect(written).toContain('LABEL org.example.owner="c-team"');
      expect(written).toMatch(/apt-get install -y --no-install-recommends uthash-dev/);
      const saved = JSON.parse(readFileSync(join(scenario.dir, '.create-dockerfile.json'), 'utf8')) as { choices: Record<string, unknown> };
      expect(saved.choices.buildPackages).toEqual(['uthash-dev']);
      // The next plain run writes the same file: the correction is a saved choice, the edit the user's.
      const again = await runCli([scenario.dir, '--yes']);
      expect([again.exitCode, readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8')]).toEqual([0, written]);
    }));
});
