import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { requireEngine } from '../harness/engine.js';
import { nodeFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { serve, withFixture } from '../harness/scenario.js';
import { narrow } from '../harness/narrow.js';

// npm installs and a native addon's compile take minutes on a small machine.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** A compiler or package manager in the final image would be a build tool that shipped. */
const BUILD_TOOLS = /(^|\/)bin\/(gcc|g\+\+|cc|make|python3|pnpm|yarn)$/;

interface NodeCase {
  readonly fixture: string;
  readonly runtimes: readonly Runtime[];
  readonly path: string;
  readonly flags?: readonly string[];
  /** What the fixture's own code adds to its answer. */
  readonly extra: string;
}

const CASES: readonly NodeCase[] = [
  { fixture: 'express-app', runtimes: ['distroless', 'slim'], path: '/health', extra: 'express' },
  { fixture: 'ts-app', runtimes: ['distroless', 'slim'], path: '/', extra: '2m' },
  { fixture: 'pnpm-app', runtimes: ['distroless'], path: '/', extra: '1m' },
  { fixture: 'yarn-app', runtimes: ['distroless'], path: '/', extra: '2h' },
  { fixture: 'berry-app', runtimes: ['distroless'], path: '/', extra: '3s' },
  { fixture: 'bun-app', runtimes: ['distroless'], path: '/', extra: '4s' },
  { fixture: 'native-addon', runtimes: ['slim', 'distroless'], path: '/', extra: 'sqlite 3.' },
  // canvas needs cairo and pango at run time (slim only); sqlite3's node-gyp needs distutils on Python 3.13.
  { fixture: 'canvas-sqlite', runtimes: ['slim'], path: '/', extra: 'png PNG' },
  { fixture: 'plain-main', runtimes: ['distroless', 'slim'], path: '/', extra: 'no start script' },
  { fixture: 'npm-workspaces', runtimes: ['distroless'], path: '/', flags: ['--workspace', '@mono/api'], extra: 'hello api from shared 1s' },
];

const EXPECTED_UID: Record<string, number> = { distroless: 65532, slim: 1000 };

describe.each(CASES)('Node $fixture', (testCase) => {
  test.each(testCase.runtimes)('builds, serves as non-root with node as PID 1 on %s', async (runtime) => {
    await withFixture('node', testCase.fixture, async (scenario) => {
      const result = await generateInto(scenario.dir, ['--runtime', runtime, ...(testCase.flags ?? [])]);
      const { plan } = result;
      const facts = narrow(result.facts, 'node');
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const running = await serve(scenario, tag, plan.port!, testCase.path);
      const { response } = running;
      expect(response.status).toBe(200);
      const body = JSON.parse(response.body) as { fixture: string; uid: number; pid: number; node: string; env: string; extra: string };
      expect(body.fixture).toBe(testCase.fixture);
      expect(String(body.extra)).toContain(testCase.extra);
      expect(body.uid).toBe(EXPECTED_UID[runtime]);
      expect(body.pid).toBe(1);
      expect(body.env).toBe('production');
      expect(body.node.split('.')[0]).toBe(`v${facts.nodeMajor}`);

      // No package manager between docker and the app: not in the config, not as PID 1.
      const image = await inspectImage(tag);
      const command = [...(image.Config.Entrypoint ?? []), ...(image.Config.Cmd ?? [])].join(' ');
      expect(command).not.toMatch(/\b(npm|yarn|pnpm)\b/);
      // One process, node itself (its main thread's comm is "node-MainThread" on Node 26, so args).
      const top = String((await docker(['top', running.id, '-o', 'pid,uid,args'])).stdout)
        .trim()
        .split('\n')
        .slice(1);
      expect(top).toHaveLength(1);
      const [, uid, ...args] = top[0]!.trim().split(/\s+/);
      expect(uid).toBe(String(EXPECTED_UID[runtime]));
      expect(args.join(' ')).toBe([runtime === 'distroless' ? '/nodejs/bin/node' : 'node', ...facts.start].join(' '));
      expect(image.Config.User).toBe(plan.user);

      expect((await listFiles(tag)).filter((path) => BUILD_TOOLS.test(path))).toEqual([]);

      if (runtime === 'distroless') {
        const floor = await nodeFloor(tag, plan);
        expect(image.Size).toBeLessThanOrEqual(floor.bytes * 1.05);
      }
    });
  });
});

test('a .env file and git-ignored files never reach the image', async () => {
  await withFixture('node', 'express-app', async ({ dir, image }) => {
    writeFileSync(join(dir, '.env'), 'DATABASE_PASSWORD=hunter2\n');
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.secret\n');
    writeFileSync(join(dir, 'deploy.secret'), 'token\n');
    const { plan } = await generateInto(dir);
    const files = await listFiles(image(await buildImage(dir, plan)));
    expect(files).toContain('app/server.js');
    expect(files.filter((path) => /(^|\/)(\.env|deploy\.secret)$/.test(path))).toEqual([]);
  });
});
