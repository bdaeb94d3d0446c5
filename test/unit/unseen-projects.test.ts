// Each class of miss that issue 27 names, as the projects of that kind write it: one test each,
// failing on the rules before it (a port behind a constant or an import, a native package's engines,
// a settings-only .npmrc, a tooling package.json, build tools named in configure.ac...).
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';
import { nodeVersion } from '../../generators/languages/node/version.js';
import { templatesDir } from '../../generators/util/package-root.js';

const detect = (files: Record<string, string>, language?: string) =>
  PIPELINE.detect(memorySnapshot('/src/app', files, files['vendor/modules.txt'] === undefined ? [] : ['vendor']), language ? { language } : {});
const generate = (files: Record<string, string>, language?: string) => PIPELINE.generate(detect(files, language), {}, { templatesDir });
const dockerfile = (files: Record<string, string>, language?: string) => generate(files, language).files.find((file) => file.path === 'Dockerfile')!.content;

const GO_MOD = 'module github.com/acme/notes\n\ngo 1.24\n';

describe('ports the program reaches, not only its main file', () => {
  test('Go: main calls a server package whose listen address is a named constant', () => {
    const go = narrow(
      detect({
        'go.mod': GO_MOD,
        'cmd/notes/main.go': 'package main\n\nimport "github.com/acme/notes/internal/server"\n\nfunc main() { server.Run() }\n',
        'internal/server/server.go':
          'package server\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nconst defaultPort = 8080\n\nfunc Run() {\n\thttp.ListenAndServe(fmt.Sprintf(":%d", defaultPort), nil)\n}\n',
      }),
      'go',
    );
    expect(go.mains).toEqual([expect.objectContaining({ dir: 'cmd/notes', listens: true, port: 8080 })]);
  });

  test("Go: gin configured from a config struct's default and viper's SetDefault, a database port beside it", () => {
    const go = narrow(
      detect({
        'go.mod': `${GO_MOD}\nrequire github.com/gin-gonic/gin v1.10.0\n`,
        'main.go':
          'package main\n\nimport (\n\t"github.com/acme/notes/config"\n\t"github.com/gin-gonic/gin"\n)\n\nfunc main() {\n\tconfig.Load()\n\tr := gin.New()\n\tr.Run(config.Addr())\n}\n',
        'config/config.go':
          'package config\n\nimport "github.com/spf13/viper"\n\nfunc Load() {\n\tviper.SetDefault("database.port", 5432)\n\tviper.SetDefault("server.port", 9090)\n}\n',
      }),
      'go',
    );
    expect(go.mains[0]).toMatchObject({ listens: true, port: 9090 });
  });

  test("Go: the listen call passes a flag struct's field, whose go-flags tag holds the default; a tunnel's port elsewhere is not it", () => {
    const go = narrow(
      detect({
        'go.mod': `${GO_MOD}\nrequire github.com/gin-gonic/gin v1.10.0\n`,
        'main.go': 'package main\n\nimport "github.com/acme/notes/pkg/cli"\n\nfunc main() { cli.Run() }\n',
        'pkg/cli/cli.go':
          'package cli\n\nimport (\n\t"fmt"\n\n\t"github.com/gin-gonic/gin"\n\t"github.com/acme/notes/pkg/command"\n\t"github.com/acme/notes/pkg/tunnel"\n)\n\nfunc Run() {\n\topts := command.Parse()\n\ttunnel.Open()\n\trouter := gin.New()\n\trouter.Run(fmt.Sprintf("%v:%v", opts.HTTPHost, opts.HTTPPort))\n}\n',
        'pkg/command/options.go':
          'package command\n\ntype Options struct {\n\tHTTPHost string `long:"bind" description:"HTTP server host" default:"localhost"`\n\tHTTPPort uint   `long:"listen" description:"HTTP server listen port" default:"8081"`\n}\n\nfunc Parse() Options { return Options{} }\n',
        'pkg/tunnel/tunnel.go': 'package tunnel\n\nimport "net"\n\nfunc Open() {\n\tport := "5432"\n\tnet.Listen("tcp", "127.0.0.1:"+port)\n}\n',
      }),
      'go',
    );
    expect(go.mains[0]).toMatchObject({ listens: true, port: 8081, portSource: 'pkg/command/options.go (HTTPPort, passed to the listen call)' });
  });

  test('Node: listen(process.env.PORT || config.port) with "port": 7777 in config.json', () => {
    const node = narrow(
      detect({
        'package.json': JSON.stringify({ name: 'notes', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
        'server.js': "const express = require('express');\nconst config = require('./config.json');\nexpress().listen(process.env.PORT || config.port);\n",
        'config.json': '{ "title": "notes", "port": 7777 }\n',
      }),
      'node',
    );
    expect(node).toMatchObject({ listens: true, port: 7777, portSource: 'config.json' });
  });

  test("Node: an env module's PORT default (zod) that the server imports", () => {
    const node = narrow(
      detect({
        'package.json': JSON.stringify({
          name: 'api',
          type: 'module',
          scripts: { start: 'node src/index.js' },
          dependencies: { fastify: '^5.2.0', zod: '^3.24.1' },
        }),
        'src/index.js':
          "import Fastify from 'fastify';\nimport { env } from './config/env.js';\nawait Fastify().listen({ host: '0.0.0.0', port: env.PORT });\n",
        'src/config/env.js': "import { z } from 'zod';\nexport const env = z.object({ PORT: z.coerce.number().default(3100) }).parse(process.env);\n",
      }),
      'node',
    );
    expect(node).toMatchObject({ listens: true, port: 3100 });
  });
});

describe('versions chosen by policy, from the project and its lockfile', () => {
  test('engines >=20 with better-sqlite3, whose own engines stop at 25: Node 24, and the note says why', () => {
    const version = nodeVersion('>=20', undefined, undefined, {
      nativeEngines: [{ name: 'better-sqlite3@12.5.0', range: '20.x || 22.x || 23.x || 24.x || 25.x' }],
      tested: [],
    });
    expect(version).toEqual({ major: '24', source: 'engines.node ">=20"; better-sqlite3@12.5.0 builds on "20.x || 22.x || 23.x || 24.x || 25.x"' });
  });

  test("the line the project's CI runs, within engines, from its workflow and package-lock", () => {
    const node = narrow(
      detect({
        'package.json': JSON.stringify({
          name: 'api',
          engines: { node: '>=20' },
          scripts: { start: 'node server.js' },
          dependencies: { 'better-sqlite3': '^11.3.0' },
        }),
        'package-lock.json': JSON.stringify({
          lockfileVersion: 3,
          packages: { '': { name: 'api' }, 'node_modules/better-sqlite3': { version: '11.3.0', hasInstallScript: true } },
        }),
        '.github/workflows/ci.yml':
          'jobs:\n  test:\n    strategy:\n      matrix:\n        node-version: [20.x, 22.x]\n    steps:\n      - uses: actions/setup-node@v4\n',
        'server.js': "require('http').createServer().listen(3000);\n",
      }),
      'node',
    );
    expect(node).toMatchObject({ nodeMajor: '22', nodeVersionSource: 'engines.node ">=20"; .github/workflows/ci.yml runs Node 22' });
  });

  test("Go: go.mod's go line is a minimum; a line Go no longer patches builds with the oldest patched one, and says so", () => {
    const module = (line: string) =>
      narrow(
        detect({
          'go.mod': `module github.com/acme/echo\n\n${line}\n`,
          'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":5678", nil) }\n',
        }),
        'go',
      );
    const old = module('go 1.21');
    expect(old.goVersion).toBe('1.25');
    expect(old.notes.map(sayNote).join(' ')).toMatch(/go\.mod asks for Go 1\.21 or newer, a line Go no longer patches .* builds with Go 1\.25/);
    expect(module('go 1.26').goVersion).toBe('1.26');
    expect(module('go 1.25.3').goVersion).toBe('1.25');
    expect(module('go 1.21\ntoolchain go1.26.2').goVersion).toBe('1.26');
  });

  test('a vendor/ written before Go 1.14 is not trusted by the patched lines: the modules come from the proxy', () => {
    const go = narrow(
      detect({
        'go.mod': 'module github.com/acme/hey\n\ngo 1.13\n\nrequire golang.org/x/net v0.0.0-20191009170851-d66e71096ffb\n',
        'go.sum': 'golang.org/x/net v0.0.0-20191009170851-d66e71096ffb h1:x\n',
        'vendor/modules.txt': '# golang.org/x/net v0.0.0-20181017193950-04a2e542c03f\ngolang.org/x/net/http2\n',
        'vendor/golang.org/x/net/http2/http2.go': 'package http2\n',
        'main.go': 'package main\n\nimport _ "golang.org/x/net/http2"\n\nfunc main() {}\n',
      }),
      'go',
    );
    expect(go.vendored).toBe(false);
    expect(go.notes.map(sayNote).join(' ')).toMatch(/vendor\/modules\.txt predates Go 1\.14/);
  });

  test('a pnpm lockfile of format 6.0 gets pnpm 8, which reads it frozen', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node index.js' }, dependencies: { ms: '^2.1.3' } }),
      'pnpm-lock.yaml': "lockfileVersion: '6.0'\n\nsettings:\n  autoInstallPeers: true\n\ndependencies:\n  ms:\n    specifier: ^2.1.3\n    version: 2.1.3\n",
      'index.js': "require('http').createServer().listen(3000);\n",
    };
    expect(narrow(detect(files), 'node')).toMatchObject({
      packageManagerVersion: '8.15.9',
      packageManagerSource: 'pnpm-lock.yaml (lockfileVersion 6.0: pnpm 8 reads it)',
    });
    expect(dockerfile(files)).toContain('npm install --global pnpm@8.15.9');
  });
});

test("a native addon's build packages reach the test stage too, which installs the dev dependencies from source", () => {
  const text = dockerfile({
    'package.json': JSON.stringify({
      name: 'todo',
      scripts: { start: 'node src/index.js', test: 'jest' },
      dependencies: { sqlite3: '^5.1.7' },
      devDependencies: { jest: '^29.7.0' },
    }),
    'package-lock.json': JSON.stringify({ name: 'todo', lockfileVersion: 3, packages: { '': { name: 'todo' } } }),
    'src/index.js': "require('http').createServer().listen(3000);\n",
  });
  const test = text.slice(text.indexOf(' AS test'));
  expect(test.slice(0, test.indexOf('\nFROM '))).toMatch(/apt-get install -y --no-install-recommends python3-setuptools/);
});

describe('settings are not secrets', () => {
  const pnpmApp = (npmrc: string) => ({
    'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node index.js' }, dependencies: { ms: '^2.1.3' } }),
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    '.npmrc': npmrc,
    'index.js': "require('http').createServer().listen(3000);\n",
  });

  test('an .npmrc of settings only (shamefully-hoist) is copied beside the manifests and kept in the context', () => {
    const result = generate(pnpmApp('shamefully-hoist=true\nauto-install-peers=true\n'));
    const text = result.files.find((file) => file.path === 'Dockerfile')!.content;
    expect(text).toMatch(/^COPY package\.json pnpm-lock\.yaml \.npmrc \.\/$/m);
    expect(text).not.toContain('id=npmrc');
    expect(result.files.find((file) => file.path === '.dockerignore')!.content).toMatch(/^!\.npmrc$/m);
  });

  test('an .npmrc with a token stays a secret, mounted where the project keeps it', () => {
    const text = dockerfile(pnpmApp('shamefully-hoist=true\n//npm.pkg.github.com/:_authToken=${NPM_TOKEN}\n'));
    expect(text).toContain('--mount=type=secret,id=npmrc,target=/app/.npmrc');
    expect(text).not.toMatch(/^COPY [^\n]*\.npmrc/m);
  });
});

test('a package.json of lint devDependencies beside a Python app: the Python app, with a note', () => {
  const facts = detect({
    'package.json': JSON.stringify({
      private: true,
      scripts: { lint: 'prettier --check .', prepare: 'husky' },
      devDependencies: { husky: '^9.1.7', prettier: '^3.4.2' },
    }),
    'requirements.txt': 'flask==3.1.0\ngunicorn==23.0.0\n',
    'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  });
  expect(facts.language).toBe('python');
  expect(facts.notes.map(sayNote).join(' ')).toMatch(/requirements\.txt/);
});

describe('C build tools and libraries from Debian data', () => {
  test("configure.ac's AC_PROG_YACC and a pkg-config module outside the table: bison and the -dev package", () => {
    const c = narrow(
      detect({
        'configure.ac':
          'AC_INIT([calc], [1.0])\nAM_INIT_AUTOMAKE([foreign])\nAC_PROG_CC\nAC_PROG_YACC\nAC_PROG_LEX([noyywrap])\nPKG_CHECK_MODULES([EDIT], [libedit])\nAC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n',
        'Makefile.am': 'bin_PROGRAMS = calc\ncalc_SOURCES = calc.y scan.l main.c\ncalc_LDADD = $(EDIT_LIBS)\n',
        'main.c': 'int main(void) { return 0; }\n',
      }),
      'c',
    );
    expect(c.buildTools).toEqual([
      { command: 'yacc', package: 'bison' },
      { command: 'lex', package: 'flex' },
    ]);
    expect(c.libraries).toEqual([expect.objectContaining({ name: 'libedit', devPackage: 'libedit-dev', runtimePackage: 'libedit2' })]);
    const plan = narrow(PIPELINE.plan(c, {}), 'c');
    expect(plan.c.builderPackages).toEqual(expect.arrayContaining(['bison', 'flex', 'libedit-dev']));
  });

  test('CMake find_package(BISON) and a -l name the table lacks (onig)', () => {
    const c = narrow(
      detect({
        'CMakeLists.txt': 'project(q C)\nfind_package(BISON REQUIRED)\nadd_executable(q main.c)\ntarget_link_libraries(q onig)\ninstall(TARGETS q)\n',
        'main.c': 'int main(void) { return 0; }\n',
      }),
      'c',
    );
    expect(c.buildTools).toEqual([{ command: 'bison', package: 'bison' }]);
    expect(c.libraries).toEqual([expect.objectContaining({ name: 'onig', devPackage: 'libonig-dev', runtimePackage: 'libonig5', staticOk: false })]);
    expect(c.unknownLibraries).toEqual([]);
  });
});

describe('Procfile lines and facts that compose', () => {
  const django = {
    'requirements.txt': 'Django==5.1.4\ngunicorn==23.0.0\nwhitenoise==6.8.2\n',
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': "WSGI_APPLICATION = 'mysite.wsgi.application'\nSTATIC_URL = 'static/'\nSTATIC_ROOT = BASE_DIR / 'staticfiles'\n",
    'mysite/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
  };

  test('a Procfile web line with ${PORT:-8000}, as a shell reads it, and collectstatic kept beside it', () => {
    const python = narrow(detect({ ...django, Procfile: 'web: gunicorn mysite.wsgi --bind 0.0.0.0:${PORT:-8000} --log-file -\n' }), 'python');
    expect(python.entry).toEqual(['gunicorn', 'mysite.wsgi', '--bind', '0.0.0.0:$PORT', '--log-file', '-']);
    expect(python.port).toBe(8000);
    expect(python.collectStatic?.root).toBe('staticfiles');
  });

  test('a Procfile server that no requirement installs is not started; the note says what to add', () => {
    const python = narrow(
      detect({
        Procfile: 'web: gunicorn app:app\n',
        'requirements.txt': 'fastapi==0.115.6\nuvicorn==0.34.0\n',
        'app.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      }),
      'python',
    );
    expect(python.entry[0]).toBe('uvicorn');
    expect(python.notes.map(sayNote).join(' ')).toMatch(/starts gunicorn, which no dependency installs/);
  });

  test('a [project.scripts] helper that prints and exits waits behind the FastAPI app of the same package', () => {
    const python = narrow(
      detect({
        'pyproject.toml':
          '[project]\nname = "shop"\nversion = "0.1.0"\ndependencies = ["fastapi==0.115.6", "uvicorn==0.34.0"]\n\n[project.scripts]\nshop-seed = "shop.seed:main"\n',
        'shop/__init__.py': '',
        'shop/seed.py': 'def main():\n    print("seeded")\n',
        'shop/api.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      }),
      'python',
    );
    expect(python.entry[0]).toBe('uvicorn');
    expect(python.entry).toContain('shop.api:app');
  });
});

test('SvelteKit on adapter-vercel names the adapter to switch to', () => {
  expect(() =>
    detect({
      'package.json': JSON.stringify({
        name: 'site',
        scripts: { build: 'vite build' },
        devDependencies: { '@sveltejs/kit': '^2.15.1', '@sveltejs/adapter-vercel': '^5.5.2', vite: '^6.0.7' },
      }),
      'svelte.config.js': "import adapter from '@sveltejs/adapter-vercel';\nexport default { kit: { adapter: adapter() } };\n",
      'src/routes/+page.svelte': '<h1>hi</h1>\n',
    }),
  ).toThrow(/adapter-vercel.*switch to @sveltejs\/adapter-node/);
});
