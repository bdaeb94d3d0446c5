import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';

import { containerLogs, httpGet, removeContainer, removeImage, startContainer } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { copyFixture, removeDir } from '../harness/project.js';

jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** One fixture per language, built by the legacy builder from `--portable` output, then probed. */
const CASES = [
  { language: 'go', fixture: 'stdlib-mod', path: '/hello', expected: /^hello from stdlib-mod as uid 65532\n$/ },
  { language: 'node', fixture: 'ts-app', path: '/', expected: /"uid":65532,"pid":1,/ },
  { language: 'c', fixture: 'tcp-server', path: '/', expected: /^hello from C server as uid 65532\n$/ },
] as const;

describe.each(CASES)('--portable $language $fixture', ({ language, fixture, path, expected }) => {
  test('has no BuildKit-only syntax and builds and serves with the legacy builder', async () => {
    const dir = copyFixture(language, fixture);
    let tag: string | undefined;
    let container: string | undefined;
    try {
      const { plan } = await generateInto(dir, ['--portable']);
      expect(plan.profile).toBe('portable');
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toMatch(/--mount|--link|--chmod|<<|^# syntax=/m);
      tag = await buildImage(dir, plan, { legacy: true });
      const running = await startContainer(tag, plan.port!);
      container = running.id;
      const response = await httpGet(`${running.url}${path}`).catch(async (error: Error) => {
        throw new Error(`${error.message}\ncontainer log:\n${await containerLogs(running.id)}`);
      });
      expect(response.body).toMatch(expected);
    } finally {
      if (container) await removeContainer(container);
      if (tag) await removeImage(tag);
      removeDir(dir);
    }
  });
});

test('the default profile really needs BuildKit: the legacy builder rejects its cache mounts', async () => {
  const dir = copyFixture('go', 'stdlib-mod');
  try {
    const { plan } = await generateInto(dir);
    await expect(buildImage(dir, plan, { legacy: true })).rejects.toThrow(/--mount|unknown flag|BuildKit/i);
  } finally {
    removeDir(dir);
  }
});

// The legacy builder keeps each build stage as an untagged image; remove them, as every test cleans up after itself.
afterAll(async () => {
  const { docker } = await import('../../generators/verify/docker.js');
  await docker(['image', 'prune', '-f'], { reject: false });
});
