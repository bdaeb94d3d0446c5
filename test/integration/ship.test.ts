// Issue 29: ship it. Each language's listening fixture, generated with --platform for amd64 and arm64
// and --ci github, is built by the workflow's own build step on BuildKit reached over TCP with TLS,
// pushed to a real registry (Debian's docker-registry on loopback) as one manifest list with an SBOM
// and provenance, read back, and its arm64 image run under QEMU and probed. Then the registry cache on
// a fresh builder, and bake against the remote builder.
import { jest } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker } from '../../generators/verify/docker.js';
import { GITHUB_WORKFLOW } from '../../generators/core/ship/github-workflow.js';
import { containerLogs, httpGet, processUids, startContainer } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { copyFixture, removeDir, runCli } from '../harness/project.js';
import { startRegistry, type LocalRegistry } from '../harness/registry.js';
import { withFixture } from '../harness/scenario.js';
import {
  actionlintBinary,
  attestation,
  BOTH,
  elfMachine,
  ensureShipBases,
  manifestIndex,
  runWorkflowBuild,
  shippedCases,
  sharedBuildkit,
} from '../harness/ship.js';
import { BASES_REGISTRY, SHIP_REGISTRY, SHIP_REGISTRY_PORT } from '../bases/platform-bases.js';
import { startBuildkit } from '../bases/buildkit.js';
import { MACHINE_CA } from '../harness/machine-ca.js';

// Stand-in bases for arm64 are built under QEMU the first time, and Node and Python install emulated.
jest.setTimeout(45 * 60_000);

let registry: LocalRegistry;
let builder: string;

beforeAll(async () => {
  await requireEngine();
  builder = (await sharedBuildkit()).builder;
  registry = await startRegistry(SHIP_REGISTRY_PORT);
});

afterAll(async () => {
  await registry?.stop();
});

describe.each(shippedCases())('$language $fixture for linux/amd64 and linux/arm64', (ship) => {
  test('the workflow passes actionlint; its build step pushes one manifest list with SBOM and provenance; arm64 runs under QEMU as non-root', () =>
    withFixture(ship.language, ship.fixture, async (scenario) => {
      const generated = await runCli([scenario.dir, '--yes', '--platform', BOTH, '--ci', 'github', ...ship.flags]);
      expect([generated.exitCode, generated.stderr]).toEqual([0, expect.stringContaining(`create ${GITHUB_WORKFLOW}`)]);
      const lint = await execa(await actionlintBinary(), [GITHUB_WORKFLOW], { cwd: scenario.dir, reject: false, all: true });
      expect([lint.exitCode, lint.all]).toEqual([0, '']);

      await ensureShipBases(readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8'));
      const image = `${registry.host}/${ship.fixture}`;
      const built = await runWorkflowBuild(scenario.dir, image, builder, [`${image}:1.0.0`, `${image}:sha-0123abc`]);
      expect([built.exitCode, built.exitCode === 0 ? '' : String(built.all).slice(-4000)]).toEqual([0, '']);

      // One index: an image per platform, each with its attestation manifest beside it.
      const index = await manifestIndex(`${image}:1.0.0`, builder);
      const platforms = index.manifests.flatMap((manifest) => (manifest.platform?.os === 'linux' ? [`linux/${manifest.platform.architecture}`] : []));
      expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
      const attached = index.manifests.filter((manifest) => manifest.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
      expect(attached).toHaveLength(2);
      expect((await manifestIndex(`${image}:sha-0123abc`, builder)).manifests.map((m) => m.digest)).toEqual(index.manifests.map((m) => m.digest));

      // The SBOM names what the image holds; provenance names what built it, and on which platform.
      const sbom = (await attestation(`${image}:1.0.0`, builder, 'SBOM')) as Record<string, { SPDX: { spdxVersion: string; packages?: { name: string }[] } }>;
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        expect(sbom[platform]?.SPDX.spdxVersion).toMatch(/^SPDX-2\.\d$/);
        if (ship.sbomPackage) expect(sbom[platform]?.SPDX.packages?.map((item) => item.name)).toContain(ship.sbomPackage);
      }
      const provenance = (await attestation(`${image}:1.0.0`, builder, 'Provenance')) as Record<
        string,
        { SLSA: { buildDefinition: { resolvedDependencies?: { uri: string }[] } } }
      >;
      const builderImage = /^FROM (?:--platform=\S+ )?(\S+) AS build$/m.exec(readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8'))![1]!;
      const crossCompiled = /^FROM --platform=\$BUILDPLATFORM /m.test(readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8'));
      const builtOn = crossCompiled ? 'linux%2Famd64' : 'linux%2Farm64';
      expect(provenance['linux/arm64']?.SLSA.buildDefinition.resolvedDependencies?.map((dependency) => dependency.uri)).toContainEqual(
        `pkg:docker/${builderImage.replace(/:/, '@')}?platform=${builtOn}`,
      );

      // The arm64 image, pulled as a user on an arm64 machine would get it, run under emulation.
      const tag = scenario.image(`cdf-ship-${ship.fixture}:arm64`);
      await docker(['pull', '--platform', 'linux/arm64', `${image}:1.0.0`]);
      await docker(['tag', `${image}:1.0.0`, tag]);
      await docker(['rmi', `${image}:1.0.0`]);
      expect(String((await docker(['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}} {{.Config.User}}', tag])).stdout).trim()).toBe(
        'linux/arm64 65532:65532',
      );
      // Emulated, an interpreter takes a while to start (gunicorn: about 20 s here): a minute of retries.
      const running = await startContainer(tag, ship.port, ['--platform', 'linux/arm64']);
      scenario.container(running.id);
      const response = await httpGet(`${running.url}${ship.path}`, 240, 250).catch(async (error: Error) => {
        throw new Error(`${error.message}\ncontainer log:\n${await containerLogs(running.id)}`);
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatch(ship.answer);
      expect(new Set(await processUids(running.id))).toEqual(new Set(['65532']));
      if (ship.probe) expect((await docker(['exec', running.id, ...ship.probe], { reject: false })).exitCode).toBe(0);
      for (const file of [ship.program, ...(ship.nativeFile ? [ship.nativeFile] : [])]) {
        const copy = join(scenario.dir, '.arm64-file');
        await docker(['cp', `${running.id}:${file}`, copy]);
        expect([file, elfMachine(readFileSync(copy))]).toEqual([file, 183]);
        rmSync(copy);
      }
    }));
});

/**
 * Each RUN step of a plain-progress build log (once, though BuildKit prints its header again whenever its
 * output resumes), and whether it came from a cache: `CACHED` for the builder's own, layers extracted for
 * a registry cache's, where a RUN that ran prints neither.
 */
function runSteps(log: string): { step: string; cached: boolean }[] {
  const steps = new Map<string, { step: string; cached: boolean }>();
  for (const match of log.matchAll(/^#(\d+) \[(?:linux\/[\w>-]+ )?[\w-]+ +\d+\/\d+\] RUN (.*)$/gm)) {
    const id = match[1]!;
    steps.set(id, { step: match[2]!, cached: new RegExp(`^#${id} (?:CACHED$|extracting sha256:)`, 'm').test(log) });
  }
  return [...steps.values()];
}

test('a fresh builder reuses the registry cache the first build wrote; after an edit it compiles again, fetching the modules its empty cache mount lacks', async () => {
  // Go with modules from the proxy: cross-compiled, so the cache is the subject here, not QEMU (the
  // bench times Node and Python too). A registry cache carries layers, never cache mounts: on a fresh
  // builder `go mod download` is cached while /go/pkg/mod starts empty, as on every CI runner.
  const dir = copyFixture('go', 'gin-app');
  const fresh = [
    await startBuildkit('cdf-fresh-a', 1235, BASES_REGISTRY, [SHIP_REGISTRY]),
    await startBuildkit('cdf-fresh-b', 1236, BASES_REGISTRY, [SHIP_REGISTRY]),
  ];
  try {
    expect((await runCli([dir, '--yes', '--platform', BOTH, '--ci', 'github'])).exitCode).toBe(0);
    await ensureShipBases(readFileSync(join(dir, 'Dockerfile'), 'utf8'));
    const image = `${registry.host}/cache-trial`;
    const cold = await runWorkflowBuild(dir, image, fresh[0]!.builder, [`${image}:1`]);
    expect([cold.exitCode, cold.exitCode === 0 ? '' : String(cold.all).slice(-3000)]).toEqual([0, '']);
    const warm = await runWorkflowBuild(dir, image, fresh[1]!.builder, [`${image}:2`]);
    expect(warm.exitCode).toBe(0);
    expect(String(warm.all)).toMatch(/importing cache manifest from 127\.0\.0\.1:\d+\/cache-trial:buildcache/);
    // The cold build compiled (some RUN ran); on the fresh builder every RUN of both platforms' stages came from the cache.
    expect(runSteps(String(cold.all)).filter((step) => !step.cached).length).toBeGreaterThan(0);
    const warmRuns = runSteps(String(warm.all));
    expect(warmRuns.length).toBeGreaterThan(0);
    expect(warmRuns.filter((step) => !step.cached)).toEqual([]);

    // A commit that changes the source: the download stays cached, the compile runs on a module cache
    // mount nothing has filled yet, and the program serves the change.
    const main = join(dir, 'main.go');
    writeFileSync(main, readFileSync(main, 'utf8').replace('"message": "pong"', '"message": "pong after an edit"'));
    const edited = await runWorkflowBuild(dir, image, fresh[1]!.builder, [`${image}:3`]);
    expect([edited.exitCode, edited.exitCode === 0 ? '' : String(edited.all).slice(-3000)]).toEqual([0, '']);
    const editedRuns = runSteps(String(edited.all));
    expect(editedRuns.filter((step) => step.step.includes('go mod download')).map((step) => step.cached)).toEqual([true, true]);
    expect(editedRuns.filter((step) => !step.cached).map((step) => / go build /.test(step.step))).toEqual([true, true]);

    const tag = `cdf-cache-trial:${process.pid}`;
    await docker(['pull', '--platform', 'linux/amd64', `${image}:3`]);
    await docker(['tag', `${image}:3`, tag]);
    await docker(['rmi', `${image}:3`]);
    const running = await startContainer(tag, 8080);
    try {
      const response = await httpGet(`${running.url}/ping`, 120, 250);
      expect([response.status, JSON.parse(response.body)]).toEqual([200, { message: 'pong after an edit' }]);
    } finally {
      await docker(['rm', '-f', running.id], { reject: false });
      await docker(['rmi', '-f', tag], { reject: false });
    }
  } finally {
    for (const daemon of fresh) await daemon.remove();
    removeDir(dir);
  }
});

test('bake builds every service on the remote builder over TLS; without the client certificate the daemon refuses', () =>
  withFixture('services', 'go-work', async (scenario) => {
    expect((await runCli([scenario.dir, '--yes', '--bake', '--platform', BOTH])).exitCode).toBe(0);
    const bakeFile = readFileSync(join(scenario.dir, 'docker-bake.hcl'), 'utf8');
    expect(bakeFile).toContain(`variable "PLATFORMS" {\n  default = "${BOTH}"\n}`);
    for (const service of ['admin', 'api']) await ensureShipBases(readFileSync(join(scenario.dir, service, 'Dockerfile'), 'utf8'));
    const tags = ['admin', 'api'].flatMap((service) => ['--set', `${service}.tags=${registry.host}/go-work-${service}:1`]);
    const baked = await docker(['buildx', 'bake', '--builder', builder, '--push', ...tags], {
      cwd: scenario.dir,
      env: { CA_CERT: MACHINE_CA, BUILDKIT_PROGRESS: 'plain' },
      reject: false,
      all: true,
    });
    expect([baked.exitCode, baked.exitCode === 0 ? '' : String(baked.all).slice(-3000)]).toEqual([0, '']);
    for (const service of ['admin', 'api']) {
      const index = await manifestIndex(`${registry.host}/go-work-${service}:1`, builder);
      expect(index.manifests.flatMap((manifest) => (manifest.platform?.os === 'linux' ? [manifest.platform.architecture] : [])).sort()).toEqual([
        'amd64',
        'arm64',
      ]);
    }
    // The same daemon, reached without a client certificate, as a machine that was never given one.
    const { address } = await sharedBuildkit();
    await docker(['buildx', 'rm', 'cdf-no-client-cert'], { reject: false });
    await docker(['buildx', 'create', '--name', 'cdf-no-client-cert', '--driver', 'remote', address]);
    try {
      const refused = await docker(['buildx', 'inspect', '--bootstrap', 'cdf-no-client-cert'], { reject: false, all: true, timeout: 60_000 });
      expect(refused.exitCode).not.toBe(0);
    } finally {
      await docker(['buildx', 'rm', 'cdf-no-client-cert'], { reject: false });
    }
  }));
