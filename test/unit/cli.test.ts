import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, copyFixture, removeDir, runCli } from '../harness/project.js';

/** One line on stderr, with no stack trace: what a user sees on an error. */
const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
};

describe('create-dockerfile CLI (built bin, no TTY)', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(binPath, '../../dist/create-dockerfile.cjs'))) throw new Error('run `npm run build` first: the CLI tests execute the built bin');
  });
  beforeEach(() => {
    dir = copyFixture('go', 'lone-main');
  });
  afterEach(() => removeDir(dir));

  test('--help prints usage with every flag and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.exitCode).toBe(0);
    for (const flag of ['--yes', '--language', '--runtime', '--port', '--main', '--dry-run', '--json', '--force']) expect(result.stdout).toContain(flag);
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(binPath, '../../package.json'), 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout.trim()).toBe(version);
  });

  test.each([
    [['--bogus'], /unknown option --bogus/],
    [['--runtime', 'alpine'], /--runtime must be one of scratch, distroless, slim/],
    [['--language', 'rust'], /--language must be one of/],
    [['--port', '70000'], /--port must be a number from 1 to 65535/],
    [['--port', '80a'], /--port must be a number/],
    [['a', 'b'], /at most one directory/],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(message);
  });

  test.each([
    ['a missing directory', () => join(dir, 'missing'), /no such directory/],
    ['a file', () => join(dir, 'http.go'), /not a directory/],
    ['an empty directory', () => mkdtempSync(join(tmpdir(), 'cdf-empty-')), /no supported project found/],
  ])('%s is a project error: exit 1, one line', async (_name, target, message) => {
    const result = await runCli([target(), '--yes']);
    expect(result.exitCode).toBe(1);
    expect(oneLine(result.stderr)).toMatch(message);
  });

  test('a Python project with nothing to run is a clear error', async () => {
    writeFileSync(join(dir, 'requirements.txt'), 'flask\n');
    const result = await runCli([dir, '--yes', '--language', 'python']);
    expect(result.exitCode).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/no entry point found/);
  });

  test('without a TTY and without --yes it accepts the defaults, says so, and does not wait', async () => {
    const result = await runCli([dir]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('stdin is not a terminal; accepting detected defaults as with --yes');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM scratch AS runtime');
  });

  test('reports the runtime and why, the port, and the next command', async () => {
    const result = await runCli([dir, '--yes']);
    const name = dir.split('/').pop()!;
    expect(result.stderr).toMatch(/runtime: scratch \(scratch\): CGO_ENABLED=0 gives a static binary/);
    expect(result.stderr).toContain('port: 8080');
    expect(result.stderr).toContain(`next: docker build -t ${name} . && docker run --rm -p 8080:8080 ${name}`);
  });

  test('--dry-run writes nothing and prints every file under a header', async () => {
    const before = readdirSync(dir);
    const result = await runCli([dir, '--yes', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(readdirSync(dir)).toEqual(before);
    expect(result.stdout).toMatch(/^==> Dockerfile <==\n# Dockerfile for/);
    expect(result.stdout).toContain('\n==> .dockerignore <==\n');
  });

  test('--json writes nothing and prints one JSON document of facts, plan and files', async () => {
    const before = readdirSync(dir);
    const result = await runCli([dir, '--json', '--runtime', 'slim']);
    expect(readdirSync(dir)).toEqual(before);
    const document = JSON.parse(result.stdout) as { facts: { language: string }; plan: { runtime: string }; files: { path: string; content: string }[] };
    expect(Object.keys(document)).toEqual(['facts', 'plan', 'files']);
    expect(document.facts.language).toBe('go');
    expect(document.plan.runtime).toBe('slim');
    expect(document.files.map((file) => file.path)).toEqual(['Dockerfile', '.dockerignore']);
  });

  test('running again over identical files is a no-op that says identical', async () => {
    await runCli([dir, '--yes']);
    const result = await runCli([dir, '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/identical\s+Dockerfile/);
    expect(result.stderr).toMatch(/identical\s+\.dockerignore/);
  });

  test('a different existing Dockerfile is left byte for byte, and nothing else is written', async () => {
    const mine = 'FROM busybox:1.36\r\n# hand written \u00e9\n';
    writeFileSync(join(dir, 'Dockerfile'), mine);
    const result = await runCli([dir, '--yes']);
    expect(result.exitCode).toBe(1);
    expect(oneLine(result.stderr)).toBe('create-dockerfile: Dockerfile already exists and differs; rerun with --force to overwrite it');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(mine);
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });

  test('--force overwrites a different file', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36\n');
    const result = await runCli([dir, '--yes', '--force']);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('AS runtime');
  });

  test('the directory defaults to the current one', async () => {
    const result = await runCli(['--yes'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
  });

  afterAll(() => rmSync(join(tmpdir(), 'never-created'), { force: true }));

  test('lint: a generated Dockerfile has no findings (exit 0); a bad one lists each with its line (exit 1)', async () => {
    await runCli([dir, '--yes']);
    const clean = await runCli(['lint', join(dir, 'Dockerfile')]);
    expect([clean.exitCode, clean.stdout]).toEqual([0, '']);
    writeFileSync(join(dir, 'Dockerfile.bad'), 'FROM node\nRUN apt install x\nCMD npm start\n');
    const bad = await runCli(['lint', join(dir, 'Dockerfile.bad')]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout.split('\n').map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      `${dir}/Dockerfile.bad:1 DL3002`,
      `${dir}/Dockerfile.bad:1 DL3006`,
      `${dir}/Dockerfile.bad:2 DL3027`,
      `${dir}/Dockerfile.bad:3 DL3025`,
      `${dir}/Dockerfile.bad:3 JSONArgsRecommended`,
    ]);
    const missing = await runCli(['lint', join(dir, 'nope')]);
    expect(missing.exitCode).toBe(1);
    expect(oneLine(missing.stderr)).toMatch(/nope: cannot read \(ENOENT\)/);
  });

  test('writes are atomic: a new file is renamed into place, never written through an existing one', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:1.36\n');
    linkSync(join(dir, 'Dockerfile'), join(dir, 'Dockerfile.link'));
    const before = statSync(join(dir, 'Dockerfile')).ino;
    const result = await runCli([dir, '--yes', '--force']);
    expect(result.exitCode).toBe(0);
    // Written in place, both names would show the new content; renamed into place, only one does.
    expect(readFileSync(join(dir, 'Dockerfile.link'), 'utf8')).toBe('FROM busybox:1.36\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('AS runtime');
    expect(statSync(join(dir, 'Dockerfile')).ino).not.toBe(before);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('--registry rewrites every base image; --pin-digests says which digests the engine does not know', async () => {
    const mirrored = await runCli([dir, '--yes', '--dry-run', '--registry', 'mirror.example:5000/hub', '--pin-digests']);
    expect(mirrored.exitCode).toBe(0);
    expect(mirrored.stdout.split('\n').filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM mirror.example:5000/hub/golang:1.26 AS build',
      'FROM scratch AS runtime',
    ]);
    expect(mirrored.stderr).toContain('--pin-digests: the engine knows no digest for mirror.example:5000/hub/golang:1.26');
    const bad = await runCli([dir, '--yes', '--registry', 'https://mirror']);
    expect(bad.exitCode).toBe(1);
    expect(oneLine(bad.stderr)).toMatch(/--registry "https:\/\/mirror" is not a registry host/);
  });
});

describe('several services (built bin)', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('services', 'notes');
  });
  afterEach(() => removeDir(dir));

  test('web/ (Node) and api/ (Go) are two services, not "several languages": a Dockerfile in each', async () => {
    const result = await runCli([dir, '--yes']);
    expect(result.exitCode).toBe(0);
    expect(['web/Dockerfile', 'web/.dockerignore', 'api/Dockerfile', 'api/.dockerignore'].every((file) => existsSync(join(dir, file)))).toBe(true);
    expect(existsSync(join(dir, 'compose.yaml'))).toBe(false);
    expect(result.stderr).toContain('service api (api):');
  });

  test('.env: its own lines are kept and the missing password added at its end; a second run changes nothing', async () => {
    writeFileSync(join(dir, '.env'), 'SECRET_KEY=mine');
    const first = await runCli([dir, '--yes', '--compose']);
    expect(first.exitCode).toBe(0);
    const env = readFileSync(join(dir, '.env'), 'utf8');
    expect(env).toMatch(/^SECRET_KEY=mine\n# Added by create-dockerfile for compose.yaml\nPOSTGRES_PASSWORD=[A-Za-z0-9_-]{24}\n$/);
    expect(first.stderr).toContain('   append .env');
    const compose = readFileSync(join(dir, 'compose.yaml'), 'utf8');
    const second = await runCli([dir, '--yes', '--compose']);
    expect([second.exitCode, readFileSync(join(dir, '.env'), 'utf8'), readFileSync(join(dir, 'compose.yaml'), 'utf8')]).toEqual([0, env, compose]);
    expect(second.stderr).toContain('.env already sets POSTGRES_PASSWORD: used as it is.');
  });

  test('--dry-run shows .env with its values hidden and writes nothing', async () => {
    const result = await runCli([dir, '--yes', '--compose', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('POSTGRES_PASSWORD=<generated>');
    expect(existsSync(join(dir, '.env'))).toBe(false);
    expect(existsSync(join(dir, 'compose.yaml'))).toBe(false);
  });
});
