import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from '../../generators/verify/docker.js';
import { ensureBase } from '../bases/ensure.js';
import { MACHINE_CA } from '../harness/machine-ca.js';
import { jest } from '@jest/globals';

import { requireEngine } from '../harness/engine.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { serve, withFixture } from '../harness/scenario.js';
import { startPythonIndex, type PythonIndex } from '../harness/python-index.js';

jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** One fixture per language, built by the legacy builder from `--portable` output, then probed. */
const CASES = [
  { language: 'go', fixture: 'stdlib-mod', path: '/hello', expected: /^hello from stdlib-mod as uid 65532\n$/ },
  { language: 'node', fixture: 'ts-app', path: '/', expected: /"uid":65532,"pid":1,/ },
  { language: 'c', fixture: 'tcp-server', path: '/', expected: /^hello from C server as uid 65532\n$/ },
  { language: 'python', fixture: 'requirements-app', path: '/', expected: /^hello, requirements, from greeting-lib\n$/ },
] as const;

let index: PythonIndex | undefined;
beforeAll(async () => {
  index = await startPythonIndex();
});
afterAll(() => index?.close());

/**
 * The legacy builder takes no secrets, so behind this machine's TLS-inspecting proxy a portable build
 * that downloads over TLS (npm) works the way companies make it work: through base images their
 * mirror serves with the company CA already trusted (--registry). The test makes that mirror's
 * images from the stand-ins: the builder trusts the machine's CA, the runtime is the stand-in itself.
 */
const MIRROR = 'corp-mirror.test/hub';

async function mirrored(image: string): Promise<void> {
  if (!image.startsWith(`${MIRROR}/`)) return;
  const upstream = image.slice(MIRROR.length + 1).replace(/^distroless\//, 'gcr.io/distroless/');
  await ensureBase(upstream);
  if (upstream.includes('distroless')) return void (await docker(['tag', upstream, image]));
  const context = mkdtempSync(join(tmpdir(), 'cdf-mirror-'));
  try {
    copyFileSync(MACHINE_CA, join(context, 'corp-ca.crt'));
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${upstream}\nCOPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt\n`,
    );
    await docker(['build', '-t', image, context]);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

describe.each(CASES)('--portable $language $fixture', ({ language, fixture, path, expected }) => {
  test('has no BuildKit-only syntax and builds and serves with the legacy builder', async () => {
    await withFixture(language, fixture, async (scenario) => {
      const { plan } = await generateInto(scenario.dir, ['--portable', ...(language === 'node' ? ['--registry', MIRROR] : [])]);
      expect(plan.profile).toBe('portable');
      // The environment's CA cannot reach a portable build: the plan says so instead of passing it.
      expect(plan.caCert).toBeUndefined();
      expect(plan.notes).toContainEqual({ id: 'note.ca-cert.portable', args: { from: 'SSL_CERT_FILE' } });
      for (const image of [plan.builderImage, plan.runtimeImage]) await mirrored(image);
      expect(readFileSync(join(scenario.dir, 'Dockerfile'), 'utf8')).not.toMatch(/--mount|--link|--chmod|<<|^# syntax=/m);
      const tag = scenario.image(await buildImage(scenario.dir, plan, { legacy: true, buildArgs: language === 'python' ? index!.buildArgs : {} }));
      const { response } = await serve(scenario, tag, plan.port!, path);
      expect(response.body).toMatch(expected);
    });
  });
});

test('the default profile really needs BuildKit: the legacy builder rejects its cache mounts', async () => {
  await withFixture('go', 'stdlib-mod', async ({ dir }) => {
    const { plan } = await generateInto(dir);
    await expect(buildImage(dir, plan, { legacy: true })).rejects.toThrow(/--mount|unknown flag|BuildKit/i);
  });
});

// The legacy builder keeps each build stage as an untagged image; remove them, as every test cleans up after itself.
afterAll(async () => {
  await docker(['image', 'prune', '-f'], { reject: false });
  const tags = String((await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${MIRROR}/*`], { reject: false })).stdout).split('\n');
  const nested = String((await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${MIRROR}/*/*`], { reject: false })).stdout).split('\n');
  const made = [...tags, ...nested].filter(Boolean);
  if (made.length > 0) await docker(['image', 'rm', ...made], { reject: false });
});
