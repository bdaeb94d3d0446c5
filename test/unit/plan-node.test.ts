import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices } from '../../generators/core/types.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';

const server = "require('http').createServer(() => {}).listen(3000);\n";
const anyPlan = (fields: object, extra: Record<string, string> = {}, choices: Choices = {}) =>
  PIPELINE.plan(
    PIPELINE.detect(
      memorySnapshot('/srv/api', {
        'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' }, ...fields }),
        'server.js': server,
        ...extra,
      }),
    ),
    choices,
  );
const plan = (fields: object, extra: Record<string, string> = {}, choices: Choices = {}) => narrow(anyPlan(fields, extra, choices), 'node');

describe('Node planning', () => {
  test('distroless by default: CMD is only the script, since its ENTRYPOINT is node', () => {
    const result = plan({ dependencies: { express: '5' } }, { 'package-lock.json': '{}' });
    expect(result).toMatchObject({
      runtime: 'distroless',
      runtimeImage: 'gcr.io/distroless/nodejs26-debian13:nonroot',
      builderImage: 'node:26-slim',
      user: '65532:65532',
      cmd: ['server.js'],
      port: 3000,
    });
    expect(result.node.install).toMatchObject({ installProduction: 'npm ci --omit=dev', cacheTarget: '/root/.npm' });
    expect(result.nextCommand).toBe('docker build -t api . && docker run --rm --init -p 3000:3000 api');
  });

  test("slim runs node explicitly, as the image's node user", () => {
    expect(plan({}, {}, { runtime: 'slim' })).toMatchObject({ runtimeImage: 'node:26-slim', user: 'node', cmd: ['node', 'server.js'] });
  });

  test('scratch is refused: a Node app needs node', () => {
    expect(() => plan({}, {}, { runtime: 'scratch' })).toThrow(/needs the node runtime/);
  });

  test('native addons build on the full node image; runtime libraries force slim', () => {
    expect(plan({ dependencies: { 'better-sqlite3': '12' } })).toMatchObject({ builderImage: 'node:26', runtime: 'distroless' });
    const canvas = plan({ dependencies: { canvas: '3' } });
    expect(canvas).toMatchObject({ builderImage: 'node:26', runtime: 'slim' });
    expect(canvas.node.runtimePackages).toContain('libcairo2');
    expect(() => plan({ dependencies: { canvas: '3' } }, {}, { runtime: 'distroless' })).toThrow(/use slim/);
  });

  test('pnpm and yarn are installed at the pinned version; without a lockfile installs are not frozen', () => {
    const pnpm = plan({ packageManager: 'pnpm@9.12.1' }, { 'pnpm-lock.yaml': '' });
    expect(pnpm.node.install).toMatchObject({ setup: 'npm install --global pnpm@9.12.1', installProduction: 'pnpm install --frozen-lockfile --prod' });
    const yarn = plan({}, { 'yarn.lock': '# yarn lockfile v1\n' });
    expect(yarn.node.install.installAll).toBe('yarn install --frozen-lockfile --non-interactive');
    expect(plan({}).node.install.installAll).toBe('npm install');
  });

  test('yarn berry installs @yarnpkg/cli-dist at the pinned version and focuses production dependencies', () => {
    const berry = plan({ packageManager: 'yarn@4.5.0' }, { 'yarn.lock': '__metadata:\n', '.yarnrc.yml': 'nodeLinker: node-modules\n' });
    expect(berry.node.install).toMatchObject({
      setup: 'npm install --global --force @yarnpkg/cli-dist@4.5.0',
      installAll: 'yarn install --immutable',
      installProduction: 'yarn workspaces focus --all --production',
    });
    expect(berry.node.installFiles).toEqual(['package.json', 'yarn.lock', '.yarnrc.yml']);
  });

  test("yarn Plug'n'Play and yarnPath are refused with what to change", () => {
    expect(() => plan({ packageManager: 'yarn@4.5.0' }, { 'yarn.lock': '__metadata:\n' })).toThrow(/set `nodeLinker: node-modules` in .yarnrc.yml/);
    expect(() => plan({ packageManager: 'yarn@4.5.0' }, { '.yarnrc.yml': 'nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn.cjs\n' })).toThrow(
      /yarnPath is not supported yet/,
    );
  });

  test('bun installs the dependencies with a frozen lockfile, and node runs the app', () => {
    const bun = plan({}, { 'bun.lock': '{}' });
    expect(bun.node.install).toMatchObject({ setup: 'npm install --global bun@1.4.5', installProduction: 'bun install --frozen-lockfile --production' });
    expect(bun.cmd).toEqual(['server.js']);
  });
});
