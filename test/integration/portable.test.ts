import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe.each(CASES)('--portable $language $fixture', ({ language, fixture, path, expected }) => {
  test('has no BuildKit-only syntax and builds and serves with the legacy builder', async () => {
    await withFixture(language, fixture, async (scenario) => {
      const { plan } = await generateInto(scenario.dir, ['--portable']);
      expect(plan.profile).toBe('portable');
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
  const { docker } = await import('../../generators/verify/docker.js');
  await docker(['image', 'prune', '-f'], { reject: false });
});
