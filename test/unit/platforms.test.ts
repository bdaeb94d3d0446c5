// Issue 29: --platform. Which stages run on the build machine's platform and cross-compile, which run
// on each target (emulated), what the header and notes say, the refusals, and the saved choice. The
// builds themselves (amd64 and arm64 as one manifest list, run under QEMU) are integration tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parse } from 'yaml';
import { copyFixture, removeDir, runCli } from '../harness/project.js';

const BOTH = 'linux/amd64,linux/arm64';

/** Each stage's FROM arguments and its instructions' text, comments left out. */
function stagesOf(dockerfile: string): { from: string; body: string }[] {
  const stages: { from: string; body: string[] }[] = [];
  const lines = dockerfile.split('\n');
  for (const instruction of DockerfileParser.parse(dockerfile).getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const args = instruction.getRawArgumentsContent() ?? '';
    // The parser leaves FROM's flags out of its arguments: the line itself, after the keyword.
    if (keyword === 'FROM') stages.push({ from: lines[instruction.getRange().start.line]!.replace(/^FROM\s+/, ''), body: [] });
    else stages.at(-1)?.body.push(`${keyword} ${args}`);
  }
  return stages.map((stage) => ({ from: stage.from, body: stage.body.join('\n') }));
}

async function generate(language: string, fixture: string, flags: readonly string[]) {
  const dir = copyFixture(language, fixture);
  try {
    const result = await runCli([dir, '--yes', '--no-ca-cert', ...flags]);
    const read = (file: string) => {
      try {
        return readFileSync(join(dir, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    return { ...result, dockerfile: read('Dockerfile') ?? '', workflow: read('.github/workflows/image.yml') };
  } finally {
    removeDir(dir);
  }
}

describe('--platform: Go cross-compiles on the build platform', () => {
  test("pure Go: the build stage is the build machine's, GOOS/GOARCH come from TARGETOS/TARGETARCH, and the probe is built for the target", async () => {
    const run = await generate('go', 'stdlib-mod', ['--platform', BOTH, '--probe']);
    expect(run.exitCode).toBe(0);
    const [build, runtime] = stagesOf(run.dockerfile);
    expect(build!.from).toMatch(/^--platform=\$BUILDPLATFORM golang:\S+ AS build$/);
    expect(build!.body).toMatch(/^ARG TARGETOS TARGETARCH$/m);
    expect(build!.body).toMatch(/CGO_ENABLED=0 GOOS=\$TARGETOS GOARCH=\$TARGETARCH go build .* -o \/out\/\S+ \./);
    expect(build!.body).toMatch(/GOOS=\$TARGETOS GOARCH=\$TARGETARCH go build -trimpath -ldflags="-s -w" -o \/tmp\/probe\/healthcheck \/tmp\/probe\/probe\.go/);
    // The runtime base is the only per-platform image: no --platform on it.
    expect(runtime!.from).toBe('scratch AS runtime');
    expect(run.dockerfile).toContain(`docker buildx build --platform ${BOTH} --sbom=true --provenance=mode=max --tag REGISTRY/stdlib-mod:TAG --push .`);
    expect(run.stderr).toMatch(/compiles for each target .* no step runs emulated/);
  });

  test('cgo: the build runs on each target platform, and the note says it is emulated', async () => {
    const run = await generate('go', 'gorm-sqlite', ['--platform', BOTH]);
    expect(run.exitCode).toBe(0);
    expect(stagesOf(run.dockerfile).map((stage) => stage.from)).not.toContainEqual(expect.stringContaining('--platform'));
    expect(run.dockerfile).not.toContain('GOARCH=');
    expect(run.stderr).toMatch(/uses cgo.*runs on each target platform, emulated by QEMU/);
  });

  test('without --platform nothing changes: no platform argument anywhere', async () => {
    const run = await generate('go', 'stdlib-mod', ['--probe']);
    expect(run.dockerfile).not.toMatch(/BUILDPLATFORM|TARGETARCH|buildx/);
    expect(run.dockerfile).toMatch(/cc -static -Os -s -o \/tmp\/probe\/healthcheck/);
  });
});

describe('--platform: C', () => {
  test("a static program cross-compiles with Debian's cross toolchain, checked to be static and built for the target", async () => {
    const run = await generate('c', 'tcp-server', ['--platform', BOTH, '--probe']);
    expect(run.exitCode).toBe(0);
    const [build] = stagesOf(run.dockerfile);
    expect(build!.from).toBe('--platform=$BUILDPLATFORM gcc:14 AS build');
    expect(build!.body).toContain('"crossbuild-essential-$TARGETARCH"');
    expect(build!.body).toContain('dpkg-architecture -a "$TARGETARCH" -q DEB_HOST_GNU_TYPE');
    expect(build!.body).toMatch(/RUN \. \/etc\/cross-env && "\$CC" -O2 -Wall -static -o server server\.c/);
    expect(build!.body).toMatch(/\. \/etc\/cross-env && "\$CC" -static -Os -s -o \/tmp\/probe\/healthcheck/);
    expect(build!.body).toContain('"$STRIP" /staging/usr/local/bin/server');
    // The e_machine of the program against that of an object the target compiler made.
    expect(build!.body).toMatch(/od -An -tu2 -j18 -N2 \/tmp\/reference\.o.*od -An -tu2 -j18 -N2 \/staging\/usr\/local\/bin\/server/s);
    expect(run.dockerfile).toContain('needs BuildKit (buildx)');
  });

  test('a library the program links is installed for the target architecture', async () => {
    const run = await generate('c', 'zlib-dynamic', ['--platform', BOTH]);
    expect(run.exitCode).toBe(0);
    expect(run.dockerfile).toMatch(/"crossbuild-essential-\$TARGETARCH" "zlib1g-dev:\$TARGETARCH"/);
  });

  test("a dynamic program builds on each target (its ldd checks need the target's loader), said in a note", async () => {
    const run = await generate('c', 'cmake-curses', ['--platform', BOTH]);
    expect(run.exitCode).toBe(0);
    expect(stagesOf(run.dockerfile).map((stage) => stage.from)).not.toContainEqual(expect.stringContaining('--platform'));
    expect(run.stderr).toMatch(/links shared libraries.*emulated by QEMU/);
  });
});

describe('--platform: Node and Python install on each target', () => {
  test.each([
    ['node', 'express-app', /install and build run on each target platform/],
    ['python', 'flask-gunicorn', /install runs on each target platform/],
  ])('%s %s: no stage is pinned to the build platform, the note says what runs emulated', async (language, fixture, note) => {
    const run = await generate(language, fixture, ['--platform', BOTH]);
    expect(run.exitCode).toBe(0);
    expect(stagesOf(run.dockerfile).map((stage) => stage.from)).not.toContainEqual(expect.stringContaining('--platform'));
    expect(run.stderr).toMatch(note);
    expect(run.dockerfile).toContain(`docker buildx build --platform ${BOTH}`);
  });
});

describe('--platform: refusals and the saved choice', () => {
  test.each([
    [['--platform', 'linux/s390x'], /--platform: "linux\/s390x" is not a platform this tool builds for; use linux\/amd64, linux\/arm64/],
    [['--platform', 'linux/amd64,arm64'], /"arm64" is not a platform/],
    [['--platform', BOTH, '--portable'], /--platform builds with buildx.*--portable/],
    [['--platform', BOTH, '--no-platform'], /contradict/],
  ])('%j is one line and exit 2 or 1, nothing written', async (flags, message) => {
    const run = await generate('go', 'stdlib-mod', flags);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.dockerfile).toBe('');
  });

  test('the platforms are saved, taken again by a plain rerun, and --no-platform drops them', async () => {
    const dir = copyFixture('go', 'stdlib-mod');
    try {
      expect((await runCli([dir, '--yes', '--no-ca-cert', '--platform', BOTH])).exitCode).toBe(0);
      const saved = JSON.parse(readFileSync(join(dir, '.create-dockerfile.json'), 'utf8')) as { choices: { platforms?: string[] } };
      expect(saved.choices.platforms).toEqual(['linux/amd64', 'linux/arm64']);
      expect((await runCli([dir, '--yes', '--check'])).exitCode).toBe(0);
      expect((await runCli([dir, '--yes', '--no-platform'])).exitCode).toBe(0);
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toMatch(/BUILDPLATFORM|TARGETARCH|buildx/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('--ci github', () => {
  interface Workflow {
    on: { push: { branches: string[]; tags: string[] }; pull_request: null };
    jobs: { image: { env: { PUSH: string }; steps: { name: string; uses?: string; run?: string; if?: string; env?: Record<string, string> }[] } };
  }
  const workflowOf = (text: string | undefined) => parse(text ?? '') as Workflow;

  test('Go (cross-compiled) needs no QEMU; Node (emulated) sets it up; both push only from the default branch and v* tags', async () => {
    const go = await generate('go', 'stdlib-mod', ['--platform', BOTH, '--ci', 'github']);
    const node = await generate('node', 'express-app', ['--platform', BOTH, '--ci', 'github']);
    const [goFlow, nodeFlow] = [workflowOf(go.workflow), workflowOf(node.workflow)];
    expect(goFlow.jobs.image.steps.map((step) => step.uses).filter(Boolean)).not.toContainEqual(expect.stringMatching(/^docker\/setup-qemu-action@/));
    expect(nodeFlow.jobs.image.steps.map((step) => step.uses).filter(Boolean)).toContainEqual(expect.stringMatching(/^docker\/setup-qemu-action@v\d+$/));
    for (const flow of [goFlow, nodeFlow]) {
      expect(flow.on.push).toEqual({ branches: ['**'], tags: ['v*'] });
      expect(flow.on).toHaveProperty('pull_request');
      expect(flow.jobs.image.env.PUSH).toContain("github.event_name == 'push'");
      expect(flow.jobs.image.env.PUSH).toContain('github.event.repository.default_branch');
      // Every action on a version tag, never a branch or latest.
      for (const step of flow.jobs.image.steps.filter((item) => item.uses)) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      expect(flow.jobs.image.steps.find((step) => step.uses?.startsWith('docker/login-action@'))?.if).toBe("env.PUSH == 'true'");
    }
    // The scripts hold nothing of the project: the two projects' build steps are the same text.
    const script = (flow: Workflow) => flow.jobs.image.steps.find((step) => step.run?.includes('docker buildx build'))!.run;
    expect(script(goFlow)).toBe(script(nodeFlow));
    expect(script(goFlow)).toContain(`--platform "${BOTH}" --sbom=true --provenance=mode=max`);
  });

  test("without --platform the workflow builds the runner's own platform; --ci with several services is refused in one line", async () => {
    const single = await generate('go', 'stdlib-mod', ['--ci', 'github']);
    expect(single.workflow).toContain('--platform "linux/amd64"');
    const services = copyFixture('services', 'go-work');
    try {
      const refused = await runCli([services, '--yes', '--bake', '--ci', 'github']);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--ci writes the workflow of one image/)]);
    } finally {
      removeDir(services);
    }
  });

  test('bake with --platform: every target has the platforms and both attestations', async () => {
    const dir = copyFixture('services', 'go-work');
    try {
      expect((await runCli([dir, '--yes', '--no-ca-cert', '--bake', '--platform', BOTH])).exitCode).toBe(0);
      const bake = readFileSync(join(dir, 'docker-bake.hcl'), 'utf8');
      expect(bake).toContain(`variable "PLATFORMS" {\n  default = "${BOTH}"\n}`);
      expect(bake.match(/^ {2}platforms {2}= split\(",", PLATFORMS\)$/gm)).toHaveLength(2);
      expect(bake.match(/^ {2}attest {5}= \["type=sbom", "type=provenance,mode=max"\]$/gm)).toHaveLength(2);
    } finally {
      removeDir(dir);
    }
  });
});
