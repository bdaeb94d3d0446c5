import { jest } from '@jest/globals';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { buildImage } from '../harness/image-build.js';
import { containerLogs, httpGet, processUids, removeContainer, removeImage, startContainer } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { goFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { listFiles } from '../harness/image-files.js';
import { copyFixture, removeDir } from '../harness/project.js';

// Cold builds of a Go toolchain's standard library take minutes on a small machine.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** Anything that would mean a Go toolchain or C compiler shipped in the final image. */
const TOOLCHAIN = /(^|\/)(usr\/local\/go|usr\/lib\/go-1\.\d+)\/|(^|\/)bin\/(go|gofmt|gcc|cc)$/;

interface ServerCase {
  readonly fixture: string;
  readonly runtimes: readonly Runtime[];
  readonly flags?: readonly string[];
  readonly path: string;
  /** What the body must be, given the running container's hostname. */
  readonly expected: (hostname: string) => RegExp;
}

const SERVERS: readonly ServerCase[] = [
  { fixture: 'lone-main', runtimes: ['scratch', 'distroless', 'slim'], path: '/who', expected: (hostname) => new RegExp(`^${hostname}\\n$`) },
  { fixture: 'stdlib-mod', runtimes: ['scratch', 'distroless', 'slim'], path: '/hello', expected: () => /^hello from stdlib-mod as uid 65532\n$/ },
  { fixture: 'vendored', runtimes: ['scratch', 'distroless'], path: '/greet', expected: () => /^greetings, vendored \(zone Europe\/Paris\)\n$/ },
  { fixture: 'two-mains', runtimes: ['scratch'], path: '/api', expected: () => /^api ok\n$/ },
];

describe.each(SERVERS)('Go $fixture', (testCase) => {
  test.each(testCase.runtimes)('builds, serves and runs as non-root on %s', async (runtime) => {
    const dir = copyFixture('go', testCase.fixture);
    let tag: string | undefined;
    let container: string | undefined;
    try {
      const { plan } = await generateInto(dir, ['--runtime', runtime, ...(testCase.flags ?? [])]);
      expect(plan.runtime).toBe(runtime);
      tag = await buildImage(dir, plan);

      const running = await startContainer(tag, plan.port!);
      container = running.id;
      const hostname = String((await docker(['inspect', '-f', '{{.Config.Hostname}}', running.id])).stdout).trim();
      const response = await httpGet(`${running.url}${testCase.path}`).catch(async (error: Error) => {
        throw new Error(`${error.message}\ncontainer log:\n${await containerLogs(running.id)}`);
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatch(testCase.expected(hostname));

      const image = await inspectImage(tag);
      expect(image.Config.User).toBe('65532:65532');
      expect(await processUids(running.id)).toEqual(['65532']);

      expect((await listFiles(tag)).filter((path) => TOOLCHAIN.test(path))).toEqual([]);

      const floor = await goFloor(tag, plan);
      expect(image.Size).toBeLessThanOrEqual(floor.bytes * 1.05);
    } finally {
      if (container) await removeContainer(container);
      if (tag) await removeImage(tag);
      removeDir(dir);
    }
  });
});

test('Go two-mains: --main cmd/worker builds the command-line main and passes its arguments', async () => {
  const dir = copyFixture('go', 'two-mains');
  let tag: string | undefined;
  try {
    const { plan } = await generateInto(dir, ['--main', 'cmd/worker']);
    expect(plan.port).toBeUndefined();
    tag = await buildImage(dir, plan);
    const run = await docker(['run', '--rm', tag, 'alpha', 'beta']);
    expect(String(run.stdout)).toBe('worker done: alpha beta');
    expect((await inspectImage(tag)).Config.ExposedPorts ?? {}).toEqual({});
  } finally {
    if (tag) await removeImage(tag);
    removeDir(dir);
  }
});
