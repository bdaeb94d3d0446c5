import { cpSync, mkdirSync, mkdtempSync, readdirSync, lstatSync, symlinkSync, writeFileSync, truncateSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { fixturePath, removeDir, runCli } from '../harness/project.js';
import { treeContents } from '../harness/tree-contents.js';
import { ERRORS } from '../../generators/core/explain/error-messages.js';

jest.setTimeout(30_000);

const contents = (dir: string) => treeContents(dir);

interface BadInput {
  readonly name: string;
  /** Builds the project in a fresh folder; returns the CLI arguments (the folder is `dir`). */
  readonly setup: (dir: string) => string[];
  readonly exitCode: number;
  /** The single stderr line for an error, or a line that must appear for a default with a note. */
  readonly message: RegExp;
  /** Files the run may add (a success writes these two). */
  readonly writes?: readonly string[];
  /** Run as this unprivileged uid: permissions mean nothing to root. */
  readonly uid?: number;
}

const NOBODY = 65534;

const copy = (language: string, fixture: string, dir: string) => cpSync(fixturePath(language, fixture), dir, { recursive: true });
const file = (dir: string, path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const OUTPUT = ['Dockerfile', '.dockerignore', '.create-dockerfile.json'];

const CASES: readonly BadInput[] = [
  { name: 'an empty folder', setup: (dir) => [dir, '--yes'], exitCode: 1, message: /no supported project found/ },
  { name: 'a folder that is a file', setup: (dir) => (file(dir, 'f', ''), [join(dir, 'f'), '--yes']), exitCode: 1, message: /not a directory/ },
  { name: 'a folder that does not exist', setup: (dir) => [join(dir, 'missing'), '--yes'], exitCode: 1, message: /no such directory/ },
  {
    name: 'malformed package.json',
    setup: (dir) => (file(dir, 'package.json', '{"name": "x",'), [dir, '--yes']),
    exitCode: 1,
    message: /package.json is not valid JSON/,
  },
  {
    name: 'malformed go.mod',
    setup: (dir) => (file(dir, 'go.mod', 'go 1.26\n'), file(dir, 'main.go', 'package main\nfunc main() {}\n'), [dir, '--yes']),
    exitCode: 1,
    message: /go.mod has no module line/,
  },
  {
    name: 'malformed pyproject.toml',
    setup: (dir) => (file(dir, 'pyproject.toml', '[project\nname = '), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: pyproject\.toml is not valid TOML: /,
  },
  {
    name: 'malformed Pipfile',
    setup: (dir) => (file(dir, 'Pipfile', '[[source]\n'), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: Pipfile is not valid TOML: /,
  },
  {
    name: 'Python with no entry point',
    setup: (dir) => (file(dir, 'requirements.txt', 'flask\n'), [dir, '--yes']),
    exitCode: 1,
    message: /no entry point found: add a Procfile `web:` line/,
  },
  {
    name: 'a Procfile that starts the server before another command',
    setup: (dir) => (file(dir, 'requirements.txt', 'gunicorn\n'), file(dir, 'Procfile', 'web: gunicorn app:app && echo done\n'), [dir, '--yes']),
    exitCode: 1,
    message: /Procfile web: .* starts `gunicorn app:app` before `echo done`, which would run only once the server stops; put the server last$/,
  },
  {
    name: 'a Procfile line with a pipe',
    setup: (dir) => (file(dir, 'requirements.txt', 'gunicorn\n'), file(dir, 'Procfile', 'web: gunicorn app:app | tee web.log\n'), [dir, '--yes']),
    exitCode: 1,
    message: /Procfile web: .* uses "\|"; this tool runs commands joined by ; or && only: move the steps into a boot\.sh/,
  },
  {
    name: 'requirements.txt including a missing file',
    setup: (dir) => (file(dir, 'requirements.txt', '-r base.txt\n'), file(dir, 'main.py', 'print(1)\n'), [dir, '--yes']),
    exitCode: 1,
    message: /requirements\.txt includes base\.txt, which does not exist/,
  },
  {
    name: 'requirements.txt including a file outside the project',
    setup: (dir) => (file(dir, 'requirements.txt', '-r ../shared.txt\n'), file(dir, 'main.py', 'print(1)\n'), [dir, '--yes']),
    exitCode: 1,
    message: /includes \.\.\/shared\.txt, outside the project/,
  },
  {
    name: '--runtime scratch for Python',
    setup: (dir) => (file(dir, 'main.py', 'print(1)\n'), [dir, '--yes', '--runtime', 'scratch']),
    exitCode: 1,
    message: /--runtime scratch: Python needs its interpreter/,
  },
  {
    name: '--runtime distroless for a dependency that loads libpq',
    setup: (dir) => (file(dir, 'requirements.txt', 'psycopg2==2.9.10\n'), file(dir, 'main.py', 'print(1)\n'), [dir, '--yes', '--runtime', 'distroless']),
    exitCode: 1,
    message: /--runtime distroless: the dependencies load libpq5, which distroless cannot give; use slim/,
  },
  {
    name: 'a Node front end plus a Go API',
    setup: (dir) => (copy('go', 'stdlib-mod', dir), file(dir, 'web/package.json', '{}'), file(dir, 'package.json', '{"main":"web/x.js"}'), [dir, '--yes']),
    exitCode: 1,
    message: /several languages \(go, node\); choose one with --language/,
  },
  {
    name: 'two languages with --language',
    setup: (dir) => (copy('go', 'stdlib-mod', dir), file(dir, 'package.json', '{}'), [dir, '--yes', '--language', 'go']),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
  },
  {
    name: 'a Node project with no entry point',
    setup: (dir) => (file(dir, 'package.json', '{"name":"x"}'), file(dir, 'lib/util.js', ''), [dir, '--yes']),
    exitCode: 1,
    message: /no entry point/,
  },
  {
    name: 'a Go library with no main',
    setup: (dir) => (file(dir, 'go.mod', 'module m\n'), file(dir, 'lib.go', 'package lib\n'), [dir, '--yes']),
    exitCode: 1,
    message: /no main package found/,
  },
  {
    name: 'C sources with no main()',
    setup: (dir) => (file(dir, 'lib.c', 'int f(void) { return 1; }\n'), [dir, '--yes']),
    exitCode: 1,
    message: /no main\(\) found/,
  },
  {
    name: 'a symlink loop',
    setup: (dir) => (
      copy('go', 'lone-main', dir),
      symlinkSync(dir, join(dir, 'loop')),
      symlinkSync('a', join(dir, 'b')),
      symlinkSync('b', join(dir, 'a')),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
  },
  {
    name: 'a symlink out of the context',
    setup: (dir) => (copy('go', 'lone-main', dir), symlinkSync('/etc', join(dir, 'etc-link')), [dir, '--yes']),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
  },
  {
    name: 'a 200-MB node_modules',
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
    setup: (dir) => {
      copy('node', 'express-app', dir);
      file(dir, 'node_modules/big/blob.bin', '');
      truncateSync(join(dir, 'node_modules/big/blob.bin'), 200 * 1024 * 1024);
      return [dir, '--yes'];
    },
  },
  {
    name: 'a path and name with spaces and unicode',
    setup: (dir) => {
      const target = join(dir, 'mon café app');
      copy('go', 'lone-main', target);
      return [target, '--yes'];
    },
    exitCode: 0,
    message: /next: docker build -t mon-cafe-app \. /,
    writes: ['mon café app/Dockerfile', 'mon café app/.dockerignore', 'mon café app/.create-dockerfile.json'],
  },
  {
    name: 'an existing, different Dockerfile',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, 'Dockerfile', 'FROM scratch\n'), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: Dockerfile already exists and differs; rerun with --force to overwrite it$/,
  },
  {
    name: 'an existing, different .dockerignore',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, '.dockerignore', '*\n'), [dir, '--yes']),
    exitCode: 1,
    message: /\.dockerignore already exists and differs; rerun with --force/,
  },
  {
    name: 'an existing compose file, which is left alone',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, 'compose.yaml', 'services: {}\n'), [dir, '--yes']),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
  },
  // A start command nothing here models: refused naming the flag, and no entry file is invented.
  ...(['nx serve api', 'turbo run start', 'concurrently server client', 'tsx src/index.ts'] as const).map((start) => ({
    name: `scripts.start "${start}" with --yes`,
    setup: (dir: string) => (
      file(dir, 'package.json', JSON.stringify({ name: 'api', scripts: { start, build: 'tsc' }, devDependencies: { typescript: '5', tsx: '4' } })),
      file(dir, 'tsconfig.json', '{}'),
      file(dir, 'src/index.ts', "require('http').createServer().listen(3000)\n"),
      file(dir, 'server.js', "require('http').createServer().listen(3000)\n"),
      [dir, '--yes']
    ),
    exitCode: 1,
    message:
      start === 'tsx src/index.ts'
        ? /^create-dockerfile: tsx comes from tsx, a devDependency: the image installs production dependencies only; move tsx to dependencies, or pass --start "node <file>"$/
        : start === 'nx serve api'
          ? /^create-dockerfile: scripts\.start "nx serve api" runs `nx serve`, a development server, not a production start; pass --start "node <file the build writes>"$/
          : new RegExp(
              `^create-dockerfile: scripts\\.start "${start}" runs ${start.split(' ')[0]!}, which this tool cannot turn into a node command; pass --start "node <file>"$`,
            ),
  })),
  {
    name: 'the same project with --start naming the file',
    setup: (dir) => (
      file(dir, 'package.json', JSON.stringify({ name: 'api', scripts: { start: 'nx serve api' } })),
      file(dir, 'server.js', "require('http').createServer().listen(3000)\n"),
      [dir, '--yes', '--start', 'node server.js']
    ),
    exitCode: 0,
    message: /^start: node server\.js \(--start "node server\.js"\)$/m,
    writes: OUTPUT,
  },
  {
    name: 'CRLF line endings',
    setup: (dir) => (
      file(dir, 'go.mod', 'module example.com/crlf\r\n\r\ngo 1.25\r\n'),
      file(dir, 'main.go', 'package main\r\n\r\nimport "net/http"\r\n\r\nfunc main() { http.ListenAndServe(":7000", nil) }\r\n'),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /port: 7000/,
    writes: OUTPUT,
  },
  {
    name: 'a start script that is a file without its exec bit',
    setup: (dir) => (
      file(dir, 'package.json', '{"scripts":{"start":"./server.js"}}'),
      file(dir, 'server.js', "require('http').createServer().listen(3000)\n"),
      chmodSync(join(dir, 'server.js'), 0o644),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
  },
  {
    name: 'no TTY and no --yes',
    setup: (dir) => (copy('go', 'lone-main', dir), [dir]),
    exitCode: 0,
    message: /stdin is not a terminal; accepting detected defaults as with --yes/,
    writes: OUTPUT,
  },
  { name: 'an unknown flag', setup: (dir) => [dir, '--frobnicate'], exitCode: 2, message: /unknown option --frobnicate.*--help/ },
  { name: 'a port out of range', setup: (dir) => [dir, '--port', '0'], exitCode: 2, message: /--port must be a number from 1 to 65535/ },
  {
    name: 'an unknown main package',
    setup: (dir) => (copy('go', 'two-mains', dir), [dir, '--yes', '--main', 'cmd/nope']),
    exitCode: 1,
    message: /not a main package here \(found: cmd\/api, cmd\/worker\)/,
  },
  {
    name: 'scratch for a Node app',
    setup: (dir) => (copy('node', 'express-app', dir), [dir, '--yes', '--runtime', 'scratch']),
    exitCode: 1,
    message: /needs the node runtime/,
  },
  {
    name: '--workspace without workspaces',
    setup: (dir) => (copy('node', 'express-app', dir), [dir, '--yes', '--workspace', 'api']),
    exitCode: 1,
    message: /declares no workspaces/,
  },
  {
    name: 'a lone main importing a module with no go.mod',
    setup: (dir) => (file(dir, 'main.go', 'package main\nimport "github.com/x/y"\nfunc main() { y.Run() }\n'), [dir, '--yes']),
    exitCode: 1,
    message: /imports github.com\/x\/y; run `go mod init`/,
  },
  {
    name: 'an unreadable folder',
    uid: NOBODY,
    exitCode: 1,
    message: /mon-projet: cannot read directory \(EACCES\)/,
    setup: (dir) => {
      const target = join(dir, 'mon-projet');
      copy('go', 'lone-main', target);
      chmodSync(target, 0o000);
      return [target, '--yes'];
    },
  },
  {
    name: 'a read-only folder',
    uid: NOBODY,
    exitCode: 1,
    message: /lone: cannot write here \(EACCES\)/,
    setup: (dir) => {
      const target = join(dir, 'lone');
      copy('go', 'lone-main', target);
      chmodSync(target, 0o555);
      return [target, '--yes'];
    },
  },
  { name: 'lint of a missing file', setup: (dir) => ['lint', join(dir, 'Dockerfile')], exitCode: 1, message: /cannot read \(ENOENT\)/ },
  { name: 'a flag with no value', setup: (dir) => [dir, '--yes', '--port'], exitCode: 2, message: /^create-dockerfile: --port needs a value \(see --help\)$/ },
  {
    name: 'a flag followed by another flag',
    setup: (dir) => [dir, '--port', '--yes'],
    exitCode: 2,
    message: /^create-dockerfile: --port has no value \(the next word starts with -\); write --port=VALUE/,
  },
  { name: 'a value given to a switch', setup: (dir) => [dir, '--yes=1'], exitCode: 2, message: /^create-dockerfile: --yes takes no value \(see --help\)$/ },
];

describe('bad-input corpus', () => {
  test.each(CASES)('$name', async ({ setup, exitCode, message, writes = [], uid }) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-bad-'));
    try {
      if (uid !== undefined) chmodSync(dir, 0o755);
      const args = setup(dir);
      const before = contents(dir);
      const result = await runCli(args, { uid });
      expect(result.timedOut).toBe(false);
      expect(result.exitCode).toBe(exitCode);
      const stderr = String(result.stderr).trim();
      if (exitCode !== 0) {
        expect(stderr.split('\n')).toHaveLength(1);
        expect(stderr).not.toMatch(/\n\s+at /);
      }
      expect(stderr).toMatch(exitCode === 0 ? message : new RegExp(message.source.replace(/^\^create-dockerfile: /, '^create-dockerfile: '), message.flags));
      // Nothing lost or changed; only the two generated files may be new.
      const after = contents(dir);
      for (const [path, text] of Object.entries(before)) expect(after[path]).toBe(text);
      expect(
        Object.keys(after)
          .filter((path) => !(path in before))
          .sort(),
      ).toEqual([...writes].sort());
    } finally {
      for (const name of readdirSync(dir)) if (lstatSync(join(dir, name)).isDirectory()) chmodSync(join(dir, name), 0o755);
      removeDir(dir);
    }
  });
});

/** A catalog sentence as a pattern: its text, each {placeholder} any text. */
const pattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+')}$`);
const FRENCH_ERRORS = Object.values(ERRORS.catalog.fr).map(pattern);
const ENGLISH_ERRORS = Object.values(ERRORS.catalog.en).map(pattern);

/** The flag that asks a command for French: --lang for lint, explain and verify, --explain for generation. */
const inFrench = (args: readonly string[]) => [...args, ...(['lint', 'explain', 'verify'].includes(args[0]!) ? ['--lang', 'fr'] : ['--explain', 'fr'])];

// Issue 30: every refusal has its French sentence in the catalog; a French run prints it, never the English one.
describe('bad-input corpus, in French', () => {
  test.each(CASES.filter((testCase) => testCase.exitCode !== 0))('$name', async ({ setup, exitCode, uid }) => {
    const dir = mkdtempSync(join(tmpdir(), 'cdf-bad-fr-'));
    try {
      if (uid !== undefined) chmodSync(dir, 0o755);
      const args = setup(dir);
      const [english, french] = [await runCli(args, { uid }), await runCli(inFrench(args), { uid })];
      expect([english.exitCode, french.exitCode]).toEqual([exitCode, exitCode]);
      const sentence = (stderr: string, help: string) =>
        stderr
          .trim()
          .replace(/^create-dockerfile: /, '')
          .replace(help, '');
      const [en, fr] = [sentence(String(english.stderr), ' (see --help)'), sentence(String(french.stderr), ' (voir --help)')];
      expect([fr, FRENCH_ERRORS.some((regex) => regex.test(fr))]).toEqual([fr, true]);
      expect([en, ENGLISH_ERRORS.some((regex) => regex.test(en))]).toEqual([en, true]);
      expect(fr).not.toBe(en);
    } finally {
      for (const name of readdirSync(dir)) if (lstatSync(join(dir, name)).isDirectory()) chmodSync(join(dir, name), 0o755);
      removeDir(dir);
    }
  });
});
