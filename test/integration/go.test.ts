import { jest } from '@jest/globals';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { buildImage } from '../harness/image-build.js';
import { httpGet, processUids } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { goFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { listFiles } from '../harness/image-files.js';
import { serve, withFixture } from '../harness/scenario.js';

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
    await withFixture('go', testCase.fixture, async (scenario) => {
      const { plan } = await generateInto(scenario.dir, ['--runtime', runtime, ...(testCase.flags ?? [])]);
      expect(plan.runtime).toBe(runtime);
      const tag = scenario.image(await buildImage(scenario.dir, plan));

      const running = await serve(scenario, tag, plan.port!, testCase.path);
      const { response } = running;
      const hostname = String((await docker(['inspect', '-f', '{{.Config.Hostname}}', running.id])).stdout).trim();
      expect(response.status).toBe(200);
      expect(response.body).toMatch(testCase.expected(hostname));

      const image = await inspectImage(tag);
      expect(image.Config.User).toBe('65532:65532');
      expect(await processUids(running.id)).toEqual(['65532']);

      expect((await listFiles(tag)).filter((path) => TOOLCHAIN.test(path))).toEqual([]);

      const floor = await goFloor(tag, plan);
      expect(image.Size).toBeLessThanOrEqual(floor.bytes * 1.05);
    });
  });
});

test('Go two-mains: --main cmd/worker builds the command-line main and passes its arguments', async () => {
  await withFixture('go', 'two-mains', async (scenario) => {
    const { plan } = await generateInto(scenario.dir, ['--main', 'cmd/worker']);
    expect(plan.port).toBeUndefined();
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const run = await docker(['run', '--rm', tag, 'alpha', 'beta']);
    expect(String(run.stdout)).toBe('worker done: alpha beta');
    expect((await inspectImage(tag)).Config.ExposedPorts ?? {}).toEqual({});
  });
});

test('a Go server that reads PORT with no default (the PaaS style) answers on the port the image exposes', async () => {
  await withFixture('go', 'stdlib-mod', async (scenario) => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.writeFileSync(
      path.join(scenario.dir, 'main.go'),
      'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "port from env ", os.Getenv("PORT")) })\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)\n}\n',
    );
    const { plan } = await generateInto(scenario.dir);
    expect(plan.port).toBe(8080);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const { response } = await serve(scenario, tag, 8080, '/');
    expect([response.status, response.body]).toEqual([200, 'port from env 8080']);
  });
});

test('Go data-folders: config, templates and static files it opens at run time ship under its working directory; embedded migrations do not', () =>
  withFixture('go', 'data-folders', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    expect(plan.runtime).toBe('scratch');
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const running = await serve(scenario, tag, 8080, '/');
    expect([running.response.status, running.response.body]).toEqual([200, expect.stringContaining('<h1>hello from config/app.yml</h1>')]);
    const base = running.url;
    expect(await httpGet(`${base}/static/app.css`)).toEqual({ status: 200, body: 'h1 { color: #0c4b33; }\n' });
    expect(await httpGet(`${base}/migrations`)).toEqual({ status: 200, body: 'migrations/0001_init.sql' });
    const files = await listFiles(tag);
    expect(files.filter((file) => file.startsWith('app/') && !file.endsWith('/')).sort()).toEqual([
      'app/config/app.yml',
      'app/static/app.css',
      'app/templates/index.html',
    ]);
    expect(await processUids(running.id)).toEqual(['65532']);
  }));
