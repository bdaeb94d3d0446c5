import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execa } from 'execa';
import { PRECOMPILED_FILE } from '../../generators/pipeline/template-cache.js';
import { packageRoot, templatesDir } from '../../generators/util/package-root.js';
import { binPath, copyFixture, removeDir } from '../harness/project.js';

/** The built package: what `npm run build` ships, checked as it is. */
describe('the bundle', () => {
  beforeAll(() => {
    if (!existsSync(PRECOMPILED_FILE)) throw new Error('run `npm run build` first: these tests read dist/');
  });

  test('every built-in template ships precompiled, under its exact text', () => {
    const precompiled = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Record<string, string>;
    const templates = (readdirSync(templatesDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(10);
    expect(templates.filter((file) => !Object.hasOwn(precompiled, readFileSync(join(templatesDir, file), 'utf8')))).toEqual([]);
  });

  test('the compiler for custom templates is shipped on its own and compiles', () => {
    const compiler = createRequire(import.meta.url)(join(packageRoot, 'dist/handlebars-compiler.cjs')) as {
      precompile(source: string, options: object): string;
    };
    expect(compiler.precompile('FROM {{image}}', { strict: true })).toContain('"compiler":[8,');
  });

  test('--yes loads no ES module of the package (the interactive stack, docker, verify); verify loads its own', async () => {
    const dir = copyFixture('go', 'stdlib-mod');
    // A module hook that names every module the CLI loads, on stderr.
    const hook = `data:text/javascript,${encodeURIComponent("import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write(\"loaded \" + r.url + \"\\\\n\"); return r; }'));")}`;
    try {
      const yes = await execa(process.execPath, ['--import', hook, binPath, dir, '--yes'], { reject: false, stdin: 'ignore' });
      expect(yes.exitCode).toBe(0);
      const loaded = yes.stderr.split('\n').filter((line) => line.startsWith('loaded file:'));
      // The hook sees ES modules only: the bin and the main path are CommonJS, so nothing of dist/ shows.
      expect(loaded.filter((line) => line.includes('/dist/'))).toEqual([]);
      const verify = await execa(process.execPath, ['--import', hook, binPath, 'verify', join(dir, 'nope')], { reject: false, stdin: 'ignore' });
      expect(verify.stderr).toMatch(/loaded file:.*\/dist\/verify-command\.mjs/);
      expect(verify.stderr).not.toMatch(/loaded file:.*\/dist\/interactive\.mjs/);
    } finally {
      removeDir(dir);
    }
  });

  test('yaml and dotenv ship as files of their own, loaded only by a run that reads or writes YAML or .env', async () => {
    const chunks = [
      join(packageRoot, 'dist/create-dockerfile.cjs'),
      ...readdirSync(join(packageRoot, 'dist/chunks')).map((file) => join(packageRoot, 'dist/chunks', file)),
    ];
    // yaml's own error codes and dotenv's log prefix: text no other code of the bundle holds.
    expect(chunks.filter((file) => /MULTILINE_IMPLICIT_KEY|\[dotenv@/.test(readFileSync(file, 'utf8')))).toEqual([]);
    const load = createRequire(import.meta.url);
    expect((load(join(packageRoot, 'dist/yaml.cjs')) as typeof import('yaml')).parse('packages: [a]')).toEqual({ packages: ['a'] });
    expect((load(join(packageRoot, 'dist/dotenv.cjs')) as typeof import('dotenv')).parse('A=1\nexport B="2"\n')).toEqual({ A: '1', B: '2' });

    // A preload that names every CommonJS file the CLI requires, on stderr.
    const hook = `const M = require('node:module'); const load = M._load; M._load = function (request, ...rest) { if (/(yaml|dotenv)\\.cjs$/.test(request)) process.stderr.write('required ' + request + '\\n'); return load.call(this, request, ...rest); };`;
    const dir = copyFixture('node', 'express-app');
    const preload = join(dir, '..', 'name-requires.cjs');
    writeFileSync(preload, hook);
    try {
      const requiredBy = async (...args: string[]) =>
        (
          await execa(process.execPath, ['--require', preload, binPath, dir, '--yes', '--force', ...args], {
            reject: false,
            stdin: 'ignore',
          })
        ).stderr
          .split('\n')
          .filter((line) => line.startsWith('required '))
          .map((line) => line.replace(/.*\//, ''));
      expect(await requiredBy()).toEqual([]);
      expect(await requiredBy('--compose')).toEqual(['yaml.cjs']);
    } finally {
      removeDir(join(dir, '..'));
    }
  });

  test('the main path runs from the V8 code cache the build wrote, on the Node that built it', async () => {
    const dir = copyFixture('node', 'express-app');
    try {
      const run = await execa(process.execPath, [binPath, dir, '--yes', '--dry-run'], {
        reject: false,
        stdin: 'ignore',
        env: { CREATE_DOCKERFILE_CODE_CACHE: 'report' },
      });
      expect(run.exitCode).toBe(0);
      expect(run.stderr.split('\n')[0]).toBe('code cache: accepted');
      expect(run.stdout).toContain('==> Dockerfile <==');
    } finally {
      removeDir(dir);
    }
  });
});
