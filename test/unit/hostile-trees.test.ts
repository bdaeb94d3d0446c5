import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, rmSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { fixturePath, removeDir, runCli } from '../harness/project.js';
import { treeContents } from '../harness/tree-contents.js';

/**
 * Hostile trees: a project folder is untrusted input. Each case builds one in a fresh folder next to
 * a sentinel folder outside it, runs the built CLI, and checks the exit code, the one line it says,
 * that it finished in time, that the project changed only as allowed, and that nothing outside did.
 */

jest.setTimeout(30_000);

const NOBODY = 65534;
const SECRET = 'root:x:0:0:sentinel-secret-line:/root:/bin/bash';

interface HostileCase {
  readonly name: string;
  /** Builds the project in `dir`, with `outside` a folder beside it; returns the CLI arguments. */
  readonly setup: (dir: string, outside: string) => string[];
  readonly exitCode: number;
  readonly message: RegExp;
  readonly writes?: readonly string[];
  readonly uid?: number;
  /** Checks on the written files, when the run succeeds. */
  readonly after?: (dir: string, stdout: string) => void;
}

const copy = (language: string, fixture: string, dir: string) => cpSync(fixturePath(language, fixture), dir, { recursive: true });
const file = (dir: string, path: string, text: string | Buffer) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const fifo = (dir: string, path: string) => execFileSync('mkfifo', [join(dir, path)]);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The one line a refused file gets: its name, then why. */
const refused = (name: string, why: string) => new RegExp(`^create-dockerfile: ${escaped(name)} ${escaped(why)}$`);
const NOT_REGULAR = 'is not a regular file (a FIFO); not read';
/** A project made by `setup`, with a FIFO named `name` in it: refused by name, never waited on. */
const fifoCase = (name: string, language: string, setup: (dir: string) => unknown): HostileCase => ({
  name: `a FIFO named ${name} in a ${language} project`,
  setup: (dir) => (setup(dir), fifo(dir, name), [dir, '--yes']),
  exitCode: 1,
  message: refused(name, NOT_REGULAR),
});
const OUTPUT = ['Dockerfile', '.dockerignore', '.create-dockerfile.json'];
/** The patterns of the written .dockerignore's group whose comment starts with `why`. */
const ignoreGroup = (dir: string, why: string) =>
  readFileSync(join(dir, '.dockerignore'), 'utf8')
    .split('\n\n')
    .find((group) => group.startsWith(`# ${why}`))
    ?.split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
const goServer = 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const nodeProject = (dir: string, pkg: object = { name: 'api', scripts: { start: 'node server.js' } }) => (
  file(dir, 'package.json', JSON.stringify(pkg)),
  file(dir, 'server.js', "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n")
);
/** A dependency makes the install step copy the lockfile by name. */
const withDependency = (dir: string) => nodeProject(dir, { name: 'api', scripts: { start: 'node server.js' }, dependencies: { express: '4' } });
const pythonProject = (dir: string) => file(dir, 'main.py', 'print("hi")\n');

const CASES: HostileCase[] = [
  // FIFOs: each would block a plain read forever.
  ...['go.mod', '.gitignore'].map((name) => fifoCase(name, 'Go', (dir) => file(dir, 'main.go', goServer))),
  {
    // A module without requirements builds without go.sum, so the FIFO is left out of the context.
    name: 'a FIFO named go.sum in a Go module with no requirements',
    setup: (dir) => (file(dir, 'main.go', goServer), file(dir, 'go.mod', 'module m\n\ngo 1.26\n'), fifo(dir, 'go.sum'), [dir, '--yes']),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
    after: (dir) => expect(ignoreGroup(dir, 'FIFOs, sockets')).toEqual(['go.sum']),
  },
  {
    name: 'a FIFO named go.sum that the Dockerfile copies by name',
    setup: (dir) => (
      file(dir, 'main.go', goServer),
      file(dir, 'go.mod', 'module m\n\ngo 1.26\n\nrequire golang.org/x/net v0.1.0\n'),
      fifo(dir, 'go.sum'),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: /^create-dockerfile: go\.sum is a FIFO; the Dockerfile copies it by name, so it must be a regular file in the project$/,
  },
  ...(
    [
      ['package-lock.json', 'Node', withDependency],
      ['yarn.lock', 'Node', withDependency],
      ['pnpm-lock.yaml', 'Node', withDependency],
      ['uv.lock', 'Python', (dir: string) => (pythonProject(dir), file(dir, 'pyproject.toml', '[project]\nname = "app"\nversion = "1"\n'))],
      ['poetry.lock', 'Python', (dir: string) => (pythonProject(dir), file(dir, 'pyproject.toml', '[tool.poetry]\nname = "app"\nversion = "1"\n'))],
    ] as const
  ).map(([name, language, setup]) => ({
    name: `a FIFO lockfile ${name} in a ${language} project`,
    setup: (dir: string) => (setup(dir), fifo(dir, name), [dir, '--yes']),
    exitCode: 1,
    // Read by the detector (refused by the gate) or copied by name (refused at the render boundary): never waited on.
    message: new RegExp(
      `^create-dockerfile: ${escaped(name)} (${escaped(NOT_REGULAR)}|is a FIFO; the Dockerfile copies it by name, so it must be a regular file in the project)$`,
    ),
  })),
  {
    name: 'a FIFO named Pipfile.lock beside a Pipfile',
    setup: (dir) => (pythonProject(dir), file(dir, 'Pipfile', '[packages]\nflask = "*"\n'), fifo(dir, 'Pipfile.lock'), [dir, '--yes']),
    exitCode: 1,
    message: refused('Pipfile.lock', NOT_REGULAR),
  },
  {
    name: 'a FIFO deep in a Node project, copied by COPY . . only',
    setup: (dir) => (nodeProject(dir), mkdirSync(join(dir, 'data')), fifo(dir, 'data/queue'), [dir, '--yes']),
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
    after: (dir) => expect(ignoreGroup(dir, 'FIFOs, sockets')).toEqual(['data/queue']),
  },
  {
    name: 'a lockfile linking outside the project',
    setup: (dir, outside) => (
      withDependency(dir),
      file(outside, 'lock.json', '{"lockfileVersion":3}'),
      symlinkSync(join(outside, 'lock.json'), join(dir, 'package-lock.json')),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: new RegExp(
      `^create-dockerfile: package-lock\\.json (links outside the project; not read|links outside the project; the Dockerfile copies it by name, so it must be a regular file in the project)$`,
    ),
  },
  ...['.nvmrc', 'tsconfig.json', '.node-version'].map((name) =>
    fifoCase(name, 'Node', (dir) =>
      nodeProject(dir, { name: 'api', scripts: { start: 'node server.js', build: 'tsc' }, devDependencies: { typescript: '5' } }),
    ),
  ),
  ...['runtime.txt', '.python-version', 'Procfile', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.cfg'].map((name) =>
    fifoCase(name, 'Python', pythonProject),
  ),
  {
    name: 'a FIFO named Dockerfile where the output goes',
    setup: (dir) => (copy('go', 'lone-main', dir), fifo(dir, 'Dockerfile'), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: Dockerfile is not a regular file \(a FIFO\); not read$/,
  },
  {
    name: 'a FIFO named .dockerignore, even with --force',
    setup: (dir) => (copy('go', 'lone-main', dir), fifo(dir, '.dockerignore'), [dir, '--yes', '--force']),
    exitCode: 1,
    message: /^create-dockerfile: \.dockerignore is not a regular file \(a FIFO\); not read$/,
  },
  {
    name: 'a Dockerfile that is a directory',
    setup: (dir) => (copy('go', 'lone-main', dir), mkdirSync(join(dir, 'Dockerfile')), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: Dockerfile is not a regular file \(a directory\); not read$/,
  },
  // Links to devices and out of the tree.
  ...(['.gitignore', 'go.mod', 'Dockerfile', '.dockerignore'] as const).map((name) => ({
    name: `${name} linking to /dev/zero`,
    setup: (dir: string) => (file(dir, 'main.go', goServer), symlinkSync('/dev/zero', join(dir, name)), [dir, '--yes']),
    exitCode: 1,
    message: refused(name, 'links outside the project; not read'),
  })),
  ...(['.gitignore', 'package.json', '.nvmrc'] as const).map((name) => ({
    name: `${name} linking to a secret file outside the project`,
    setup: (dir: string, outside: string) => (
      nodeProject(dir),
      file(outside, 'passwd', `${SECRET}\n`),
      rmSync(join(dir, name), { force: true }),
      symlinkSync(join(outside, 'passwd'), join(dir, name)),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: refused(name, 'links outside the project; not read'),
  })),
  {
    name: 'a folder linking outside, read through it',
    setup: (dir, outside) => (
      file(outside, 'cfg/tsconfig.json', '{"compilerOptions":{"outDir":"/"}}'),
      nodeProject(dir, { name: 'api', scripts: { start: 'node server.js', build: 'tsc' }, devDependencies: { typescript: '5' } }),
      symlinkSync(join(outside, 'cfg/tsconfig.json'), join(dir, 'tsconfig.json')),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: /^create-dockerfile: tsconfig\.json links outside the project; not read$/,
  },
  {
    name: 'a requirements include linking outside the project',
    setup: (dir, outside) => (
      pythonProject(dir),
      file(dir, 'requirements.txt', '-r base.txt\n'),
      file(outside, 'base.txt', `${SECRET}\n`),
      symlinkSync(join(outside, 'base.txt'), join(dir, 'base.txt')),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: /^create-dockerfile: base\.txt links outside the project; not read$/,
  },
  {
    name: 'a link inside the tree to a regular file is followed',
    setup: (dir) => (
      copy('go', 'stdlib-mod', dir),
      file(dir, 'shared/ignore', 'tmp/\n'),
      symlinkSync('shared/ignore', join(dir, '.gitignore')),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
    after: (dir) => expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toContain('\n**/tmp\n'),
  },
  {
    name: 'a dangling link named .gitignore is absent',
    setup: (dir) => (copy('go', 'stdlib-mod', dir), symlinkSync('nowhere', join(dir, '.gitignore')), [dir, '--yes']),
    exitCode: 0,
    message: /runtime: scratch/,
    writes: OUTPUT,
  },
  // Sizes.
  {
    name: 'an oversized go.mod',
    setup: (dir) => (file(dir, 'main.go', goServer), file(dir, 'go.mod', `module m\n\ngo 1.26\n${'// padding\n'.repeat(200_000)}`), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: go\.mod is \d+ bytes, over the 1048576 bytes read for such a file$/,
  },
  {
    name: 'an oversized .gitignore',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, '.gitignore', 'x\n'.repeat(600_000)), [dir, '--yes']),
    exitCode: 1,
    message: /^create-dockerfile: \.gitignore is \d+ bytes, over the 1048576 bytes read for such a file$/,
  },
  // Unreadable is not absent.
  ...(['go.mod', '.gitignore'] as const).map((name) => ({
    name: `an unreadable ${name}`,
    uid: NOBODY,
    setup: (dir: string) => {
      chmodSync(dir, 0o777);
      file(dir, 'main.go', goServer);
      file(dir, name, name === 'go.mod' ? 'module m\n\ngo 1.26\n' : 'tmp/\n');
      chmodSync(join(dir, name), 0o000);
      return [dir, '--yes'];
    },
    exitCode: 1,
    message: new RegExp(`^create-dockerfile: cannot read ${escaped(name)} \\(EACCES\\)$`),
  })),
  {
    name: 'an unreadable Procfile',
    uid: NOBODY,
    setup: (dir) => {
      chmodSync(dir, 0o777);
      file(dir, 'requirements.txt', 'gunicorn\n');
      file(dir, 'app.py', 'app = None\n');
      file(dir, 'Procfile', 'web: gunicorn app:app\n');
      chmodSync(join(dir, 'Procfile'), 0o000);
      return [dir, '--yes'];
    },
    exitCode: 1,
    message: /^create-dockerfile: cannot read Procfile \(EACCES\)$/,
  },
  // Encodings npm and Python tools accept.
  {
    name: 'package.json with a BOM and CRLF',
    setup: (dir) => (
      nodeProject(dir),
      file(dir, 'package.json', `\uFEFF${JSON.stringify({ name: 'bom-app', scripts: { start: 'node server.js' } }, null, 2).replace(/\n/g, '\r\n')}`),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
  },
  {
    name: 'a Procfile with a BOM',
    setup: (dir) => (
      file(dir, 'requirements.txt', 'gunicorn\n'),
      file(dir, 'app.py', 'app = None\n'),
      file(dir, 'Procfile', '\uFEFFweb: gunicorn --bind 0.0.0.0:5005 app:app\n'),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /port: 5005/,
    writes: OUTPUT,
    after: (dir) =>
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('ENTRYPOINT ["/opt/venv/bin/gunicorn", "--bind", "0.0.0.0:5005", "app:app"]'),
  },
  // Secrets never come back through .gitignore negations.
  {
    name: '.gitignore negations of secrets (!.env, !*.pem, a lone !)',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, '.gitignore', 'tmp/\n!.env\n!*.pem\n!\n!config/.env.local\n'), [dir, '--yes']),
    exitCode: 0,
    message: /note: \.gitignore: "!\*\*\/" is left out of \.dockerignore, which Docker would refuse with it\./,
    writes: OUTPUT,
    after: (dir) => {
      const lines = readFileSync(join(dir, '.dockerignore'), 'utf8').split('\n');
      const last = (pattern: string) => lines.lastIndexOf(pattern);
      for (const negation of ['!**/.env', '!**/*.pem', '!config/.env.local']) expect(last(negation)).toBeGreaterThan(-1);
      // Last match wins: each secret pattern comes after every negation copied from .gitignore.
      for (const secret of ['.env', '**/.env', '**/*.pem', '**/.env.*'])
        expect(last(secret)).toBeGreaterThan(Math.max(last('!**/.env'), last('!**/*.pem'), last('!config/.env.local')));
      expect(lines).not.toContain('!**/');
    },
  },
  {
    name: '.gitignore patterns Docker would reject',
    setup: (dir) => (copy('go', 'lone-main', dir), file(dir, '.gitignore', 'build/\n[abc\nfoo\\\n[]x\nok.log\n'), [dir, '--yes']),
    exitCode: 0,
    message: /note: \.gitignore: "\*\*\/\[abc" is left out of \.dockerignore/,
    writes: OUTPUT,
    after: (dir) => {
      const text = readFileSync(join(dir, '.dockerignore'), 'utf8');
      expect(text).toContain('**/ok.log');
      expect(text).not.toContain('[abc');
      expect(text).not.toContain('[]x');
    },
  },
  // Plain data of the wrong type is the project's mistake: one line naming the field, never an internal error.
  ...(
    [
      ['"start": 42', { scripts: { start: 42 } }, /"scripts\.start" has the wrong type/],
      ['"main": {}', { main: {} }, /"main" has the wrong type/],
      ['"name": 12345', { name: 12345 }, /"name" has the wrong type/],
      ['"dependencies": "express"', { dependencies: 'express' }, /"dependencies" has the wrong type/],
      ['workspaces that are not text', { workspaces: [1, { a: 2 }] }, /"workspaces/],
      ['dependencies that are a list', { dependencies: ['express'] }, /"dependencies" has the wrong type \(Expected an object, not a list\)/],
      ['scripts that are a list', { scripts: ['node server.js'] }, /"scripts" has the wrong type \(Expected an object, not a list\)/],
    ] as const
  ).map(([label, fields, message]) => ({
    name: `package.json with ${label}`,
    setup: (dir: string) => (nodeProject(dir, { name: 'api', scripts: { start: 'node server.js' }, ...fields }), [dir, '--yes']),
    exitCode: 1,
    message: new RegExp(`^create-dockerfile: package\\.json: ${message.source}`),
  })),
  ...(
    [
      ['pyproject.toml', 'dependencies that are text', '[project]\nname = "app"\ndependencies = "flask"\n', /"project\.dependencies" has the wrong type/],
      [
        'pyproject.toml',
        'scripts that are a list',
        '[project]\nname = "app"\nscripts = ["app:main"]\n',
        /"project\.scripts" has the wrong type \(Expected a table, not a list\)/,
      ],
      ['pyproject.toml', 'a project that is text', 'project = "app"\n', /"project" has the wrong type \(Expected a table, not a string\)/],
      ['pyproject.toml', 'a name that is a date', '[project]\nname = 1979-05-27\n', /"project\.name" has the wrong type/],
      [
        'pyproject.toml',
        'poetry dependencies that are a list',
        '[tool.poetry]\nname = "app"\ndependencies = ["flask"]\n',
        /"tool\.poetry\.dependencies" has the wrong type/,
      ],
      ['Pipfile', 'packages that are a list', '[[packages]]\nname = "flask"\n', /"packages" has the wrong type \(Expected a table, not a list\)/],
      ['Pipfile', 'a python_version that is a number', '[requires]\npython_version = 3.12\n', /"requires\.python_version" has the wrong type/],
    ] as const
  ).map(([name, label, text, message]) => ({
    name: `${name} with ${label}`,
    setup: (dir: string) => (pythonProject(dir), file(dir, name, text), [dir, '--yes']),
    exitCode: 1,
    message: new RegExp(`^create-dockerfile: ${escaped(name)}: ${message.source}`),
  })),
  ...(
    [
      ['a default that is a list', '{"default": []}', /^create-dockerfile: Pipfile\.lock: "default" has the wrong type/],
      [
        'a version that is a number',
        '{"default": {"flask": {"version": 3}}}',
        /^create-dockerfile: Pipfile\.lock: "default\.flask\.version" has the wrong type/,
      ],
      ['text that is not JSON', '{"default": ', /^create-dockerfile: Pipfile\.lock is not valid JSON \(/],
    ] as const
  ).map(([label, text, message]) => ({
    name: `Pipfile.lock with ${label}`,
    setup: (dir: string) => (pythonProject(dir), file(dir, 'Pipfile', '[packages]\nflask = "*"\n'), file(dir, 'Pipfile.lock', text), [dir, '--yes']),
    exitCode: 1,
    message,
  })),
  {
    name: 'poetry dependencies named after Object.prototype members',
    setup: (dir) => (
      pythonProject(dir),
      file(
        dir,
        'pyproject.toml',
        '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nconstructor = "1"\ntoString = "1"\n__proto__ = "1"\n',
      ),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
    after: (dir) => expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toMatch(/\[object Object\]|function Object|native code/),
  },
  {
    name: 'dependencies and .nvmrc named after Object.prototype members',
    setup: (dir) => (
      nodeProject(dir, { name: 'api', scripts: { start: 'node server.js' }, dependencies: { constructor: '1.0.0', toString: '1.0.0', __proto__: '1.0.0' } }),
      file(dir, '.nvmrc', 'lts/constructor\n'),
      [dir, '--yes']
    ),
    exitCode: 0,
    message: /runtime: distroless/,
    writes: OUTPUT,
    after: (dir) => {
      const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).not.toMatch(/\[object Object\]|function Object|native code/);
      expect(dockerfile).toContain('FROM gcr.io/distroless/nodejs26-debian13:nonroot AS runtime');
    },
  },
  {
    name: 'a start script on several lines',
    setup: (dir) => (nodeProject(dir, { name: 'api', scripts: { start: 'node server.js\nnode other.js' } }), [dir, '--yes']),
    exitCode: 1,
    message:
      /^create-dockerfile: scripts\.start "node server\.js\\nnode other\.js" needs a shell; make it `node <file>` so node runs as PID 1, or pass --start "node <file>"$/,
  },
  {
    name: 'a Makefile TARGET that is an option',
    setup: (dir) => (
      file(dir, 'Makefile', 'TARGET = --version\n\n$(TARGET): main.c\n\t$(CC) -o $@ main.c\n'),
      file(dir, 'main.c', 'int main(void) { return 0; }\n'),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: /starts with "-", which a command would take as an option; rename it$/,
  },
  {
    name: 'a custom template with a syntax error',
    setup: (dir, outside) => (
      copy('go', 'lone-main', dir),
      file(outside, 'templates/go/partials/pid1-note.hbs', '{{#if}}\n'),
      [dir, '--yes', '--templates', join(outside, 'templates')]
    ),
    exitCode: 1,
    message: /^create-dockerfile: your templates \(.*\/outside\/templates\) fail: .+$/,
  },
  {
    name: 'a custom template naming a field that does not exist',
    setup: (dir, outside) => (
      copy('go', 'lone-main', dir),
      file(outside, 'templates/go/partials/pid1-note.hbs', '# {{plan.nosuchfield}}\n'),
      [dir, '--yes', '--templates', join(outside, 'templates')]
    ),
    exitCode: 1,
    message: /^create-dockerfile: your templates \(.*\) fail: "nosuchfield" not defined/,
  },
  {
    name: 'a tsconfig.json outDir of "/"',
    setup: (dir) => (
      nodeProject(dir, { name: 'api', scripts: { start: 'node dist/server.js', build: 'tsc' }, devDependencies: { typescript: '5' } }),
      file(dir, 'tsconfig.json', '{"compilerOptions":{"outDir":"/"}}'),
      file(dir, 'src/server.ts', 'export {};\n'),
      [dir, '--yes']
    ),
    exitCode: 1,
    message: /^create-dockerfile: tsconfig\.json outDir "\/" is not a folder inside the project; the image copies the build output from it$/,
  },
  {
    name: '--registry with .. segments',
    setup: (dir) => (copy('go', 'lone-main', dir), [dir, '--yes', '--registry', 'mirror.example/../../etc']),
    exitCode: 1,
    message: /^create-dockerfile: --registry "mirror\.example\/\.\.\/\.\.\/etc" is not a registry host/,
  },
  {
    name: 'a 100 KB --registry value',
    setup: (dir) => (copy('go', 'lone-main', dir), [dir, '--yes', '--registry', `mirror.example/${'a'.repeat(100_000)}`]),
    exitCode: 1,
    message: /^create-dockerfile: --registry "mirror\.example\/a{65}…" is not a registry host/,
  },
  // The same gate in C and Go trees: build files and sources.
  ...['Makefile', 'CMakeLists.txt', 'meson.build', 'main.c'].map((name) =>
    fifoCase(name, 'C', (dir) =>
      file(dir, name === 'main.c' ? 'util.c' : 'main.c', name === 'main.c' ? 'int f(void) { return 1; }\n' : 'int main(void) { return 0; }\n'),
    ),
  ),
  ...(['Makefile', 'main.c', 'server.go', 'app.py', 'server.js'] as const).map((name) => ({
    name: `${name} linking to a file outside the project`,
    setup: (dir: string, outside: string) => {
      if (name === 'Makefile') file(dir, 'main.c', 'int main(void) { return 0; }\n');
      if (name === 'server.go') file(dir, 'go.mod', 'module m\n\ngo 1.26\n');
      if (name === 'app.py') file(dir, 'requirements.txt', 'flask\n');
      if (name === 'server.js') file(dir, 'package.json', JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }));
      file(outside, 'source', `${SECRET}\n`);
      symlinkSync(join(outside, 'source'), join(dir, name));
      return [dir, '--yes'];
    },
    exitCode: 1,
    message: refused(name, 'links outside the project; not read'),
  })),
  fifoCase('yarn.lock', 'Node', (dir) => nodeProject(dir)),
  fifoCase('.yarnrc.yml', 'Node', (dir) => (nodeProject(dir), file(dir, 'yarn.lock', '__metadata:\n  version: 8\n'))),
  // lint is given files by name, not from a tree: still never a device, a FIFO or binary data.
  {
    name: 'lint /dev/zero',
    setup: () => ['lint', '/dev/zero'],
    exitCode: 1,
    message: /^create-dockerfile: \/dev\/zero is not a regular file \(a device\); not read$/,
  },
  {
    name: 'lint of a FIFO',
    setup: (dir) => (fifo(dir, 'Dockerfile'), ['lint', join(dir, 'Dockerfile')]),
    exitCode: 1,
    message: /Dockerfile is not a regular file \(a FIFO\); not read$/,
  },
  {
    name: 'lint of random bytes',
    setup: (dir) => (
      file(dir, 'Dockerfile', Buffer.from(Array.from({ length: 200_000 }, (_, index) => (index * 7919 + 13) % 256))),
      ['lint', join(dir, 'Dockerfile')]
    ),
    exitCode: 1,
    message: /Dockerfile is not a Dockerfile: it holds binary data$/,
  },
  {
    name: 'lint of a 0.8 MB Dockerfile of ARG and ENV lines (once quadratic: minutes)',
    setup: (dir) => {
      const lines = [
        'FROM debian:13-slim AS build',
        ...Array.from({ length: 20_000 }, (_, i) => `ARG V${i}=1`),
        ...Array.from({ length: 15_000 }, (_, i) => `ENV E${i}=\${V${i}}x $V${i}`),
        'USER 1000',
      ];
      file(dir, 'Dockerfile', `${lines.join('\n')}\n`);
      return ['lint', join(dir, 'Dockerfile')];
    },
    exitCode: 0,
    message: /Dockerfile: no findings$/,
  },
  {
    name: 'lint of a link to /dev/zero',
    setup: (dir) => (symlinkSync('/dev/zero', join(dir, 'Dockerfile')), ['lint', join(dir, 'Dockerfile')]),
    exitCode: 1,
    message: /Dockerfile is not a regular file \(a device\); not read$/,
  },
];

const contents = (dir: string) => treeContents(dir);

describe('hostile trees', () => {
  test('the corpus holds the cases this file promises', () => expect(CASES.length).toBeGreaterThanOrEqual(85));

  test.each(CASES)('$name', async ({ setup, exitCode, message, writes = [], uid, after }) => {
    const base = mkdtempSync(join(tmpdir(), 'cdf-hostile-'));
    chmodSync(base, 0o755);
    const dir = join(base, 'project');
    const outside = join(base, 'outside');
    mkdirSync(dir);
    mkdirSync(outside);
    writeFileSync(join(outside, 'sentinel'), 'untouched\n');
    try {
      const args = setup(dir, outside);
      const [before, outsideBefore] = [contents(dir), contents(outside)];
      const started = Date.now();
      const result = await runCli(args, { uid, timeoutMs: 10_000 });
      expect(result.timedOut).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      const stderr = String(result.stderr).trim();
      expect([result.exitCode, exitCode === 0 ? stderr.split('\n').find((line) => message.test(line)) : stderr]).toEqual([
        exitCode,
        expect.stringMatching(message),
      ]);
      expect(`${result.stdout}${stderr}`).not.toContain('sentinel-secret-line');
      expect(stderr).not.toMatch(/internal error/);
      const now = contents(dir);
      for (const path of writes) expect(now[path]).toBeDefined();
      for (const path of writes) delete now[path];
      expect(now).toEqual(before);
      expect(contents(outside)).toEqual(outsideBefore);
      after?.(dir, String(result.stdout));
    } finally {
      chmodSync(base, 0o755);
      removeDir(base);
    }
  });
});
