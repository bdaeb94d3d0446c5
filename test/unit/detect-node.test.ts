import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { nodeVersion } from '../../generators/languages/node/version.js';
import { UserError } from '../../generators/core/errors.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const pkg = (value: object) => JSON.stringify(value);
const project = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/srv/web-app', files)), 'node');
const withStart = (files: Record<string, string>, start: string) => narrow(PIPELINE.detect(memorySnapshot('/srv/web-app', files), { start }), 'node');
const server = "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT || 3000);\n";

describe('Node detection', () => {
  test('the Node line comes from engines, then .nvmrc, then .node-version, never from this machine', () => {
    expect(nodeVersion('>=22', undefined, undefined)).toEqual({ major: '26', source: 'engines.node ">=22"' });
    expect(nodeVersion('^22.3.0', '24', undefined).major).toBe('22');
    expect(nodeVersion('20.x', undefined, undefined).major).toBe('20');
    expect(nodeVersion(undefined, 'v24.3.0\n', '22').major).toBe('24');
    expect(nodeVersion(undefined, 'lts/jod', undefined).major).toBe('22');
    expect(nodeVersion(undefined, 'lts/*', undefined).major).toBe('26');
    expect(nodeVersion(undefined, undefined, '22.1.0').source).toBe('.node-version "22.1.0"');
    expect(nodeVersion(undefined, undefined, undefined)).toEqual({ major: '26', source: 'default (the newest LTS line on 2026-12-06)' });
    expect(nodeVersion('not a range', undefined, undefined).source).toMatch(/default/);
  });

  test.each([
    [{ 'package-lock.json': '{}' }, {}, 'npm', 'package-lock.json'],
    [{ 'npm-shrinkwrap.json': '{}' }, {}, 'npm', 'npm-shrinkwrap.json'],
    [{ 'yarn.lock': '# yarn lockfile v1\n' }, {}, 'yarn', 'yarn.lock'],
    [{ 'yarn.lock': '__metadata:\n  version: 8\n', '.yarnrc.yml': 'nodeLinker: node-modules\n' }, {}, 'yarn-berry', 'yarn.lock'],
    [{ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }, {}, 'pnpm', 'pnpm-lock.yaml'],
    [{ 'bun.lock': '{}' }, {}, 'bun', 'bun.lock'],
    [{ 'package-lock.json': '{}', 'pnpm-lock.yaml': '' }, { packageManager: 'pnpm@9.12.1+sha512.abc' }, 'pnpm', 'packageManager "pnpm@9.12.1"'],
    [{ '.yarnrc.yml': 'nodeLinker: "node-modules"\n' }, { packageManager: 'yarn@4.5.0' }, 'yarn-berry', 'packageManager "yarn@4.5.0"'],
    [{}, {}, 'npm', 'default: no lockfile'],
  ])('package manager from %j and %j is %s (%s)', (files, fields, manager, source) => {
    const facts = project({ 'package.json': pkg({ main: 'server.js', ...fields }), 'server.js': server, ...files });
    expect([facts.packageManager, facts.packageManagerSource]).toEqual([manager, source]);
  });

  test('npm start becomes node itself, with its flags, minus env assignments', () => {
    const facts = project({ 'package.json': pkg({ scripts: { start: 'NODE_ENV=production node --enable-source-maps server.js' } }), 'server.js': server });
    expect(facts.start).toEqual(['--enable-source-maps', 'server.js']);
    expect(facts.startSource).toMatch(/scripts.start/);
  });

  test('a start script that needs a shell is refused with a one-line reason', () => {
    const files = { 'package.json': pkg({ scripts: { start: 'node a.js && node b.js' } }), 'a.js': server };
    expect(() => project(files)).toThrow(UserError);
    expect(() => project(files)).toThrow(/needs a shell/);
  });

  test('TypeScript: the build output dir comes from tsconfig (comments allowed), and a .ts main maps to it', () => {
    const facts = project({
      'package.json': pkg({ main: 'src/index.ts', scripts: { build: 'tsc' }, devDependencies: { typescript: '5' } }),
      'tsconfig.json': '{\n // where output goes\n "compilerOptions": { "outDir": "./build/", },\n}\n',
      'src/index.ts': "import { createServer } from 'node:http';\ncreateServer(() => {}).listen(8787);\n",
    });
    expect(facts).toMatchObject({ typescript: true, buildScript: true, outDir: 'build', start: ['build/index.js'], port: 8787, portSource: 'src/index.ts' });
    expect(facts.buildOutputDirs).toEqual(['build']);
  });

  test('no start script and no main: the usual entry files are tried', () => {
    expect(project({ 'package.json': pkg({}), 'index.js': server }).start).toEqual(['index.js']);
    expect(() => project({ 'package.json': pkg({}), 'lib.js': '' })).toThrow(/no entry point/);
  });

  test('native addons: known packages and a binding.gyp in the tree, with their runtime libraries', () => {
    const facts = project({
      'package.json': pkg({ main: 's.js', dependencies: { canvas: '3', 'better-sqlite3': '12', express: '5' } }),
      's.js': server,
      'addon/binding.gyp': '{}',
    });
    expect(facts.nativeAddons.map((addon) => addon.name)).toEqual(['canvas', 'better-sqlite3', 'addon/binding.gyp']);
    expect(facts.nativeAddons[0]!.runtimePackages).toContain('libcairo2');
  });

  test('workspaces are reported clearly', () => {
    const facts = project({ 'package.json': pkg({ main: 's.js', workspaces: ['packages/*'] }), 's.js': server });
    expect(facts.notes.map(sayNote).join(' ')).toMatch(/workspace root \(packages\/\*\)/);
  });

  test('install files: the manifest, the lockfile and package-manager config, never .npmrc (it may hold a token)', () => {
    const facts = project({
      'package.json': pkg({ main: 's.js' }),
      's.js': server,
      'pnpm-lock.yaml': '',
      'pnpm-workspace.yaml': '',
      '.npmrc': '//x/:_authToken=secret',
    });
    expect(facts.installFiles).toEqual(['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']);
  });

  test.each([
    ['not JSON', '{ "name": '],
    ['an array', '[]'],
  ])('a package.json that is %s is a clear user error', (_name, text) => {
    expect(() => project({ 'package.json': text })).toThrow(/package.json is not valid JSON/);
  });

  test.each([
    ['nodemon server.js', '`nodemon server.js`'],
    ['vite', '`vite`'],
    ['vite --host', '`vite`'],
    ['next dev -p 4000', '`next dev`'],
    ['nest start --watch', '`nest start --watch`'],
    ['tsx watch src/index.ts', '`tsx watch`'],
    ['ng serve --host 0.0.0.0', '`ng serve`'],
  ])('a development server as start (%s) is refused as such, naming --start', (start, named) => {
    expect(() => project({ 'package.json': pkg({ scripts: { start } }), 'server.js': server })).toThrow(
      new RegExp(`^scripts\\.start "${start}" runs ${named}, a development server, not a production start; pass --start "node <file the build writes>"$`),
    );
  });

  test('a start script it cannot resolve is refused naming --start, never replaced by an invented file', () => {
    const nx = {
      'package.json': pkg({ scripts: { start: 'nx serve', build: 'nx build' }, devDependencies: { typescript: '5' } }),
      'tsconfig.json': '{"compilerOptions":{}}',
      'src/server.ts': server,
    };
    expect(() => project(nx)).toThrow(
      /^scripts\.start "nx serve" runs `nx serve`, a development server, not a production start; pass --start "node <file the build writes>"$/,
    );
    const chosen = withStart(nx, 'node dist/server.js');
    expect([chosen.start, chosen.startSource, chosen.startGuessed]).toEqual([['dist/server.js'], '--start "node dist/server.js"', false]);
    expect(chosen.notes.map(sayNote)).toContain(
      "The build's output folder is assumed to be dist/ (tsconfig.json names no outDir); if it writes elsewhere, set compilerOptions.outDir in tsconfig.json.",
    );
    // The compiled name of a TypeScript entry that is not there is no entry (it once became dist/server.js).
    expect(() =>
      project({
        'package.json': pkg({ scripts: { start: 'nest start', build: 'nest build' } }),
        'tsconfig.json': '{}',
        'src/app.module.ts': 'export class AppModule {}\n',
      }),
    ).toThrow(/^scripts\.start "nest start" runs nest, which this tool cannot turn into a node command/);
    const stated = project({
      'package.json': pkg({ scripts: { start: 'node out/server.js', build: 'tsc' } }),
      'tsconfig.json': '{"compilerOptions":{"outDir":"out"}}',
      'src/server.ts': server,
    });
    expect(stated.notes.map(sayNote).filter((note) => /assumed|guess/.test(note))).toEqual([]);
  });

  test("an entry file found by name is named as a guess, except npm's own default server.js", () => {
    expect(project({ 'package.json': pkg({ name: 'x' }), 'index.js': server }).notes.map(sayNote)).toContain(
      'No scripts.start and no main: the image runs index.js, the first of the usual entry files found, a guess; pass --start "node <file>" to choose.',
    );
    expect(
      project({ 'package.json': pkg({ name: 'x' }), 'server.js': server })
        .notes.map(sayNote)
        .filter((note) => note.startsWith('No scripts.start')),
    ).toEqual([]);
  });
});
