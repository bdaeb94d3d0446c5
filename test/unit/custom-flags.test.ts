// Issue 28's customisation flags: where each lands in every language's Dockerfile (read with the
// Dockerfile parser, stage by stage), and the one-line refusals of what no quoting can make safe.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { copyFixture, removeDir, runCli } from '../harness/project.js';

interface Stage {
  readonly name: string;
  readonly instructions: readonly { keyword: string; args: string }[];
}

/** The Dockerfile as stages of instructions (keyword, argument text), comments left out. */
function stagesOf(dockerfile: string): Stage[] {
  const stages: { name: string; instructions: { keyword: string; args: string }[] }[] = [];
  for (const instruction of DockerfileParser.parse(dockerfile).getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const args = instruction.getRawArgumentsContent() ?? '';
    if (keyword === 'FROM') stages.push({ name: /\bAS (\S+)$/i.exec(args)?.[1] ?? '', instructions: [] });
    stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}

const LANGUAGES = [
  { language: 'go', fixture: 'lone-main', build: 'build' },
  { language: 'c', fixture: 'tcp-server', build: 'build' },
  { language: 'python', fixture: 'flask-gunicorn', build: 'build' },
  { language: 'node', fixture: 'ts-app', build: 'build' },
] as const;

async function generated(language: string, fixture: string, flags: readonly string[]) {
  const dir = copyFixture(language, fixture);
  try {
    mkdirSync(join(dir, 'docker'), { recursive: true });
    writeFileSync(join(dir, 'docker/before.Dockerfile'), 'ENV TRIAL_BEFORE=1\n');
    writeFileSync(join(dir, 'docker/after.Dockerfile'), 'RUN echo built > /tmp/after-build\n');
    writeFileSync(join(dir, 'docker/runtime.Dockerfile'), 'LABEL org.example.fragment="runtime"\n');
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(join(dir, 'config/app.json'), '{}\n');
    const run = await runCli([dir, '--yes', ...flags]);
    return {
      run,
      dockerfile: run.exitCode === 0 ? readFileSync(join(dir, 'Dockerfile'), 'utf8') : '',
      dockerignore: run.exitCode === 0 ? readFileSync(join(dir, '.dockerignore'), 'utf8') : '',
    };
  } finally {
    removeDir(join(dir, '..'));
  }
}

const ALL = [
  '--build-arg',
  'APP_VERSION=1.2.3',
  '--build-arg',
  'COMMIT',
  '--env',
  'GREETING=say "hi" to $USER',
  '--fragment',
  'before-install=docker/before.Dockerfile',
  '--fragment',
  'after-build=docker/after.Dockerfile',
  '--fragment',
  'runtime=docker/runtime.Dockerfile',
  '--copy',
  'config/app.json:/etc/app/app.json',
  '--user-id',
  '10001',
];

describe.each(LANGUAGES)('$language/$fixture with every customisation', ({ language, fixture, build }) => {
  let result: Awaited<ReturnType<typeof generated>>;
  beforeAll(async () => {
    result = await generated(language, fixture, ALL);
  });

  test('generates (the render guard and the lint gate pass)', () => {
    expect([
      result.run.exitCode,
      String(result.run.stderr)
        .split('\n')
        .filter((line) => line.startsWith('create-dockerfile:')),
    ]).toEqual([0, expect.any(Array)]);
  });

  test('build args and the before-install fragment open the build stage, before its first install or source copy', () => {
    const stage = stagesOf(result.dockerfile).find((candidate) => candidate.name === build)!;
    const at = (predicate: (instruction: { keyword: string; args: string }) => boolean) => stage.instructions.findIndex(predicate);
    const arg = at((instruction) => instruction.keyword === 'ARG' && instruction.args === 'APP_VERSION="1.2.3"');
    const bare = at((instruction) => instruction.keyword === 'ARG' && instruction.args === 'COMMIT');
    const before = at((instruction) => instruction.keyword === 'ENV' && instruction.args === 'TRIAL_BEFORE=1');
    const source = at((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
    expect([arg, bare, before].every((index) => index > 0)).toBe(true);
    expect(arg).toBeLessThan(before);
    expect(before).toBeLessThan(source);
  });

  test('the after-build fragment closes the build stage', () => {
    const stage = stagesOf(result.dockerfile).find((candidate) => candidate.name === build)!;
    const after = stage.instructions.findIndex((instruction) => instruction.args === 'echo built > /tmp/after-build');
    const source = stage.instructions.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
    expect(after).toBeGreaterThan(source);
  });

  test('ENV, the copy and the runtime fragment land in the runtime stage before USER, which is the chosen id', () => {
    const runtime = stagesOf(result.dockerfile).at(-1)!;
    expect(runtime.name).toBe('runtime');
    const keywords = runtime.instructions.map((instruction) => `${instruction.keyword} ${instruction.args}`);
    const user = keywords.indexOf('USER 10001:10001');
    expect(user).toBeGreaterThan(0);
    // Docker's own quoting: the quotes and the dollar stay literal in the value.
    expect(keywords.indexOf('ENV GREETING="say \\"hi\\" to \\$USER"')).toBeGreaterThan(0);
    expect(keywords.indexOf('ENV GREETING="say \\"hi\\" to \\$USER"')).toBeLessThan(user);
    expect(keywords.indexOf('COPY config/app.json /etc/app/app.json')).toBeLessThan(user);
    expect(keywords.indexOf('LABEL org.example.fragment="runtime"')).toBeLessThan(user);
    expect(keywords.indexOf('COPY config/app.json /etc/app/app.json')).toBeGreaterThan(0);
    // Nothing of it reaches another stage.
    expect(result.dockerfile.match(/GREETING=/g)).toHaveLength(1);
  });

  test('the copied file is kept in the build context', () => {
    expect(result.dockerignore).toMatch(/^!config\/app\.json$/m);
  });
});

describe('--cmd and --entrypoint, as Docker means them', () => {
  test('Go: --cmd adds CMD arguments after the ENTRYPOINT; --entrypoint replaces it', async () => {
    const { dockerfile } = await generated('go', 'lone-main', ['--cmd=--verbose --name "a b"', '--entrypoint', '/usr/local/bin/who-serve']);
    const runtime = stagesOf(dockerfile)
      .at(-1)!
      .instructions.map((instruction) => `${instruction.keyword} ${instruction.args}`);
    expect(runtime.slice(-2)).toEqual(['ENTRYPOINT ["/usr/local/bin/who-serve"]', 'CMD ["--verbose", "--name", "a b"]']);
  });

  test('Node: --cmd replaces the CMD; --entrypoint adds an ENTRYPOINT before it', async () => {
    const { dockerfile } = await generated('node', 'ts-app', ['--cmd', 'node dist/main.js --trace', '--entrypoint', '/nodejs/bin/node']);
    const runtime = stagesOf(dockerfile)
      .at(-1)!
      .instructions.map((instruction) => `${instruction.keyword} ${instruction.args}`);
    expect(runtime.slice(-2)).toEqual(['ENTRYPOINT ["/nodejs/bin/node"]', 'CMD ["node", "dist/main.js", "--trace"]']);
  });
});

describe('--runtime-packages', () => {
  test('makes the runtime slim, with the packages installed there and the reason said', async () => {
    const { run, dockerfile } = await generated('go', 'lone-main', ['--runtime-packages', 'curl,tzdata']);
    const runtime = stagesOf(dockerfile).at(-1)!;
    expect(runtime.instructions[0]!.args).toBe('debian:13-slim AS runtime');
    expect(
      runtime.instructions.some((instruction) => instruction.keyword === 'RUN' && /install -y --no-install-recommends curl tzdata/.test(instruction.args)),
    ).toBe(true);
    expect(String(run.stderr)).toContain('runtime: slim (debian:13-slim): the runtime installs curl, tzdata with apt (--runtime-packages)');
  });
});

describe('refusals, one line each, nothing written', () => {
  const CASES: readonly { name: string; language?: string; fixture?: string; flags: string[]; message: RegExp }[] = [
    { name: 'a secret as --env', flags: ['--env', 'DB_PASSWORD=x'], message: /--env DB_PASSWORD looks like a secret/ },
    { name: 'a secret as --build-arg', flags: ['--build-arg', 'NPM_TOKEN'], message: /--build-arg NPM_TOKEN looks like a secret/ },
    { name: 'a backslash in a value', flags: ['--env', 'A=x\\'], message: /--env A: the value holds .* a backslash/ },
    { name: 'a name that is no variable', flags: ['--env', 'A B=x'], message: /--env takes NAME=VALUE/ },
    {
      name: 'an unknown fragment point',
      flags: ['--fragment', 'somewhere=docker/runtime.Dockerfile'],
      message: /POINT one of before-install, after-build, runtime/,
    },
    { name: 'a fragment out of the project', flags: ['--fragment', 'runtime=../x'], message: /--fragment names a path inside the project/ },
    { name: 'a missing fragment', flags: ['--fragment', 'runtime=docker/none'], message: /--fragment runtime=docker\/none: no such file in the project/ },
    {
      name: 'a fragment with FROM',
      flags: ['--fragment', 'runtime=docker/from.Dockerfile'],
      message: /docker\/from\.Dockerfile line 1: FROM is not taken in a fragment/,
    },
    {
      name: 'a fragment that makes the image root',
      flags: ['--fragment', 'runtime=docker/root.Dockerfile'],
      message: /line 2: USER is not taken in a fragment/,
    },
    { name: 'a fragment that swallows the next line', flags: ['--fragment', 'runtime=docker/open.Dockerfile'], message: /ends inside an instruction/ },
    { name: 'a fragment the lint gate refuses', flags: ['--fragment', 'runtime=docker/lint.Dockerfile'], message: /docker\/lint\.Dockerfile line 1: DL3027/ },
    { name: 'a secret copied into the image', flags: ['--copy', '.env'], message: /--copy \.env: secrets never go in a layer/ },
    { name: 'a missing copy', flags: ['--copy', 'nothing.json'], message: /--copy nothing\.json: no such file or folder in the project/ },
    { name: 'a shell operator in --cmd', flags: ['--cmd', 'serve && rm -rf /'], message: /--cmd is written in exec form, which runs no shell: "&&"/ },
    { name: 'a variable in --entrypoint', flags: ['--entrypoint', 'serve $PORT'], message: /"\$PORT" would not be expanded/ },
    { name: 'root as --user-id', flags: ['--user-id', '0'], message: /--user-id takes a numeric id from 1/ },
    {
      name: 'runtime packages on scratch',
      flags: ['--runtime-packages', 'curl', '--runtime', 'scratch'],
      message: /--runtime-packages installs with apt, which a scratch runtime does not have/,
    },
    {
      name: 'after-build where nothing builds',
      language: 'node',
      fixture: 'plain-main',
      flags: ['--fragment', 'after-build=docker/after.Dockerfile'],
      message: /--fragment after-build=docker\/after\.Dockerfile: this project's Dockerfile has no after-build point/,
    },
  ];

  test.each(CASES)('$name', async ({ language = 'go', fixture = 'lone-main', flags, message }) => {
    const dir = copyFixture(language, fixture);
    try {
      mkdirSync(join(dir, 'docker'));
      writeFileSync(join(dir, 'docker/runtime.Dockerfile'), 'LABEL a=b\n');
      writeFileSync(join(dir, 'docker/after.Dockerfile'), 'RUN true\n');
      writeFileSync(join(dir, 'docker/from.Dockerfile'), 'FROM alpine:3.20\n');
      writeFileSync(join(dir, 'docker/root.Dockerfile'), 'LABEL a=b\nUSER root\n');
      writeFileSync(join(dir, 'docker/open.Dockerfile'), 'RUN echo one \\\n');
      writeFileSync(join(dir, 'docker/lint.Dockerfile'), 'RUN apt install -y curl\n');
      writeFileSync(join(dir, '.env'), 'A=1\n');
      const run = await runCli([dir, '--yes', ...flags]);
      expect(run.exitCode).not.toBe(0);
      const lines = String(run.stderr).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).not.toContain('internal error');
      expect(() => readFileSync(join(dir, 'Dockerfile'))).toThrow();
    } finally {
      removeDir(join(dir, '..'));
    }
  });
});
