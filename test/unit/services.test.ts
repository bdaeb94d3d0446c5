import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { memorySnapshot, takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { backingNeeds } from '../../generators/services/backing.js';
import { bakeFile } from '../../generators/services/bake.js';
import { composeFile, planCompose, type AppService } from '../../generators/services/compose.js';
import { rootIsProject, serviceFolders } from '../../generators/services/discover.js';
import { envReads } from '../../generators/services/env-reads.js';
import { generateServices } from '../../generators/services/generate.js';
import { wireBacking, wireServices } from '../../generators/services/wiring.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { LANGUAGES } from '../../generators/languages/registry.js';
import type { FactsBase } from '../../generators/core/types.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from '../harness/project.js';

/** compose.yaml as the tests read it back. */
interface ComposeDoc {
  services: Record<
    string,
    Record<string, unknown> & { build?: { context?: string }; depends_on?: unknown; environment?: unknown; image?: string; ports?: unknown }
  >;
  volumes?: Record<string, unknown>;
}

const GO_API = {
  'api/go.mod': 'module example.com/api\n\ngo 1.24\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.1\n\tgithub.com/redis/go-redis/v9 v9.7.0\n)\n',
  'api/main.go':
    'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\t_ = os.Getenv("DATABASE_URL")\n\t_ = os.Getenv("REDIS_ADDR")\n\thttp.ListenAndServe(":8080", nil)\n}\n',
};
const NODE_WEB = {
  'web/package.json': JSON.stringify({ name: 'web', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
  'web/package-lock.json': JSON.stringify({ name: 'web', lockfileVersion: 3, packages: {} }),
  'web/server.js': "const app = require('express')();\napp.get('/', (q, s) => fetch(process.env.API_URL));\napp.listen(process.env.PORT || 3000);\n",
};

describe('service folders', () => {
  test('web/ and api/ at the top, apps/* one level down; docs, scripts and folders inside a service are not services', () => {
    const snapshot = memorySnapshot('/src/shop', {
      ...GO_API,
      ...NODE_WEB,
      'web/tools/package.json': '{}',
      'apps/admin/pyproject.toml': '[project]\nname = "admin"\n',
      'docs/package.json': '{}',
      'scripts/requirements.txt': 'requests\n',
      'README.md': '# shop\n',
    });
    expect(rootIsProject(snapshot, LANGUAGES)).toBe(false);
    expect(serviceFolders(snapshot, LANGUAGES).map((folder) => [folder.dir, folder.name])).toEqual([
      ['api', 'api'],
      ['apps/admin', 'admin'],
      ['web', 'web'],
    ]);
  });

  test('a folder with nothing to run (a Go library) is named with why, and the others are built', () => {
    const result = generateServices(
      memorySnapshot('/src/shop', { ...GO_API, 'lib/go.mod': 'module example.com/lib\n\ngo 1.24\n', 'lib/lib.go': 'package lib\n' }),
      {},
      { templatesDir },
      { compose: false, bake: false },
    );
    expect(result.services.map((service) => service.name)).toEqual(['api']);
    expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([{ dir: 'lib', why: expect.stringMatching(/main/) }]);
    expect(result.files.map((file) => file.path)).toEqual(['api/Dockerfile', 'api/.dockerignore']);
  });

  test('--services picks by name or folder; an unknown one is refused, listing the others', () => {
    const snapshot = memorySnapshot('/src/shop', { ...GO_API, ...NODE_WEB });
    expect(generateServices(snapshot, {}, { templatesDir }, { compose: false, bake: false, only: ['./web/'] }).services.map((service) => service.dir)).toEqual([
      'web',
    ]);
    expect(() => generateServices(snapshot, {}, { templatesDir }, { compose: false, bake: false, only: ['worker'] })).toThrow(
      new UserError('--services worker: no such service (found: api, web)'),
    );
  });
});

/** A Python service's facts as backing services read them: the language and its normalised dependency names. */
const pythonFacts = (dependencies: readonly string[]): FactsBase & { dependencies: readonly string[] } => ({
  language: 'python',
  projectName: 'app',
  buildOutputDirs: [],
  notes: [],
  dependencies,
});

describe('backing services from dependencies', () => {
  test.each([
    [{ 'package.json': JSON.stringify({ dependencies: { pg: '8', ioredis: '5' } }) }, [], ['postgres', 'redis']],
    [{ 'package.json': JSON.stringify({ dependencies: { mongoose: '8' }, devDependencies: { redis: '4' } }) }, [], ['mongo']],
    [{ 'go.mod': 'module x\n\nrequire github.com/go-sql-driver/mysql v1.8.1\nrequire github.com/lib/pqx v1.0.0\n' }, [], ['mysql']],
    [{ 'go.mod': 'module x\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.1\n\tgithub.com/gomodule/redigo v1.9.2\n)\n' }, [], ['postgres', 'redis']],
    [{ 'requirements.txt': 'flask\n' }, ['flask', 'psycopg', 'redis'], ['postgres', 'redis']],
    [{ 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n' }, [], ['postgres']],
    [{ 'drizzle.config.ts': "export default { dialect: 'mysql', schema: './db' };\n" }, [], ['mysql']],
    // SQLAlchemy URLs in code and alembic.ini, a committed .env template, Django's engine; not in tests.
    [{ 'app/db.py': 'engine = create_engine(os.environ.get("DATABASE_URL", "postgresql+psycopg://app@localhost/app"))\n' }, [], ['postgres']],
    [{ 'alembic.ini': '[alembic]\nsqlalchemy.url = mysql+pymysql://app@db/app\n' }, [], ['mysql']],
    [{ '.env.example': 'DATABASE_URL="postgresql://user:pass@localhost:5432/db"\nREDIS_URL=redis://localhost:6379\n' }, [], ['postgres', 'redis']],
    [{ 'shop/settings.py': "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'shop'}}\n" }, [], ['postgres']],
    [
      { 'tests/test_db.py': 'URL = "postgresql://localhost/test"\n', 'conftest.py': 'R = "redis://localhost"\n', 'docs/conf.py': 'x = "mongodb://x"\n' },
      [],
      [],
    ],
  ])('%j', (files, python, kinds) => {
    expect(
      // The Python detector's normalised names reach backing services through the service's facts.
      backingNeeds(memorySnapshot('/src/app', files), LANGUAGES, pythonFacts(python))
        .map((need) => need.kind)
        .sort(),
    ).toEqual(kinds);
  });
});

describe('the variables code reads, and what compose gives them', () => {
  test('reads in Node, Python, Go, Prisma and C, not in tests', () => {
    const snapshot = memorySnapshot('/src/app', {
      'a.js': "process.env.DATABASE_URL; process.env['REDIS_URL']; import.meta.env.VITE_API_URL;",
      'b.py': "os.environ['PGHOST']; os.getenv('PGPASSWORD'); os.environ.get(\"SECRET_KEY\"); env('MONGO_URL')",
      'c.go': 'os.Getenv("REDIS_ADDR"); os.LookupEnv("PORT")',
      'schema.prisma': 'url = env("DIRECT_URL")',
      'd.c': 'getenv("DOCROOT");',
      'tests/e.js': 'process.env.TEST_ONLY',
    });
    expect(envReads(snapshot, LANGUAGES)).toEqual([
      'DATABASE_URL',
      'REDIS_URL',
      'VITE_API_URL',
      'PGHOST',
      'PGPASSWORD',
      'SECRET_KEY',
      'MONGO_URL',
      'REDIS_ADDR',
      'PORT',
      'DOCROOT',
      'DIRECT_URL',
    ]);
  });

  test('a URL, or the parts the code reads, with the password interpolated from .env', () => {
    expect(wireBacking('postgres', ['DATABASE_URL', 'PORT'], new Set()).wires).toEqual([
      { name: 'DATABASE_URL', value: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app?sslmode=disable' },
    ]);
    expect(wireBacking('postgres', ['PGHOST', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'], new Set()).wires.map((wire) => `${wire.name}=${wire.value}`)).toEqual([
      'PGHOST=postgres',
      'PGUSER=app',
      'PGPASSWORD=${POSTGRES_PASSWORD}',
      'PGDATABASE=app',
    ]);
    expect(wireBacking('redis', ['REDIS_ADDR'], new Set()).wires).toEqual([{ name: 'REDIS_ADDR', value: 'redis:6379' }]);
  });

  test('no known name read: the default name, said to be one', () => {
    expect(wireBacking('redis', ['PORT'], new Set())).toEqual({ wires: [{ name: 'REDIS_URL', value: 'redis://redis:6379/0' }], guessed: 'REDIS_URL' });
    expect(wireBacking('mongo', [], new Set()).guessed).toBe('MONGODB_URI');
  });

  test('API_URL reaches the api service; BILLING_API_URL the billing one', () => {
    const others = [
      { name: 'api', port: 8080 },
      { name: 'billing', port: 9000 },
      { name: 'web', port: 3000 },
    ];
    expect(wireServices(['API_URL', 'BILLING_API_URL', 'HOME'], 'web', others)).toEqual({
      wires: [
        { name: 'API_URL', value: 'http://api:8080' },
        { name: 'BILLING_API_URL', value: 'http://billing:9000' },
      ],
      targets: ['api', 'billing'],
    });
  });
});

describe('compose.yaml', () => {
  const api: AppService = {
    name: 'api',
    dir: 'services/$api',
    dockerfile: 'Dockerfile',
    port: 8080,
    healthcheck: false,
    init: false,
    needs: [
      { kind: 'postgres', evidence: 'pgx in go.mod' },
      { kind: 'redis', evidence: 'go-redis in go.mod' },
    ],
    envReads: ['DATABASE_URL', 'REDIS_ADDR'],
    buildArgs: ['GOPROXY'],
  };
  const web: AppService = {
    name: 'web',
    dir: 'web',
    dockerfile: 'Dockerfile',
    port: 3000,
    healthcheck: true,
    init: true,
    needs: [],
    envReads: ['API_URL'],
    buildArgs: [],
  };
  const plan = planCompose([api, web]);
  const file = parse(composeFile(plan, 'shop')) as ComposeDoc;

  test('each backing service: a pinned image, a named volume, its own health check; no published port', () => {
    expect(file.services.postgres).toEqual({
      image: 'postgres:17',
      environment: { POSTGRES_USER: 'app', POSTGRES_DB: 'app', POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}' },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'app', '-d', 'app'], interval: '3s', timeout: '5s', retries: 20, start_period: '5s' },
      restart: 'unless-stopped',
    });
    expect(file.services.redis!.image).toBe('redis:8.0');
    expect(file.volumes).toEqual({ 'postgres-data': {}, 'redis-data': {} });
    expect(file.services.postgres!.ports).toBeUndefined();
  });

  test('app services: build context (its $ kept literal), build args by name, port, wiring, and depends_on healthy backing services', () => {
    expect(file.services.api).toEqual({
      build: { context: './services/$$api', args: ['GOPROXY'] },
      ports: ['8080:8080'],
      environment: { DATABASE_URL: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app?sslmode=disable', REDIS_ADDR: 'redis:6379' },
      depends_on: { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } },
      restart: 'unless-stopped',
    });
    // api has no health check (scratch), so web waits for it to start only.
    expect(file.services.web!.depends_on).toEqual({ api: { condition: 'service_started' } });
    expect(file.services.web!.environment).toEqual({ API_URL: 'http://api:8080' });
    // web's image has a HEALTHCHECK, probed sooner under compose; api's (scratch) has none to tune.
    expect([file.services.web!.healthcheck, file.services.api!.healthcheck]).toEqual([{ interval: '5s' }, undefined]);
    // Node ignores SIGTERM as PID 1: compose gives web an init; Go handles it.
    expect([file.services.web!.init, file.services.api!.init]).toEqual([true, undefined]);
    expect(plan.secrets).toEqual(['POSTGRES_PASSWORD']);
  });

  test('an existing compose file the tool did not write is left alone: the generated one goes beside it', () => {
    const result = generateServices(
      memorySnapshot('/src/shop', { ...GO_API, 'compose.yaml': 'services:\n  mine: {}\n' }),
      {},
      { templatesDir },
      { compose: true, bake: false },
    );
    expect(result.files.map((file) => file.path)).toContain('compose.create-dockerfile.yaml');
    expect(result.files.map((file) => file.path)).not.toContain('compose.yaml');
  });

  test('a single project at the root is one service whose context is the root', () => {
    const result = generateServices(
      memorySnapshot('/src/tool', { 'go.mod': GO_API['api/go.mod'], 'main.go': GO_API['api/main.go'] }),
      {},
      { templatesDir },
      { compose: true, bake: false },
    );
    const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
    expect(compose.services.tool!.build!.context).toBe('.');
    expect(result.files.map((file) => file.path)).toEqual(['Dockerfile', '.dockerignore', 'compose.yaml']);
  });
});

test('docker-bake.hcl: a target per service in the default group, HCL interpolation in project values escaped', () => {
  const hcl = bakeFile('shop', [
    { name: 'api', dir: 'api', dockerfile: 'Dockerfile', buildArgs: ['GOPROXY'] },
    { name: 'web', dir: 'we${b}', dockerfile: 'Dockerfile', buildArgs: [] },
  ]);
  expect(hcl).toContain('group "default" {\n  targets = ["api", "web"]\n}');
  expect(hcl).toContain('context    = "./we$${b}"');
  expect(hcl).toContain('tags       = ["shop-api:${TAG}"]');
  expect(hcl).toContain('args       = { for name, value in { GOPROXY = GOPROXY } : name => value if value != "" }');
  expect(hcl).toContain('cache-to   = CACHE_REF == "" ? [] : ["type=registry,ref=${CACHE_REF}:api,mode=max"]');
});

describe('go.work workspaces', () => {
  const tree = {
    'go.work': 'go 1.24\n\nuse (\n\t./api\n\t./admin // the back office\n\t./shared\n)\n',
    'api/go.mod': 'module example.com/shop/api\n\ngo 1.24\n\nrequire github.com/lib/pq v1.10.9\n',
    'api/go.sum': 'github.com/lib/pq v1.10.9 h1:x=\n',
    'api/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
    'admin/go.mod': 'module example.com/shop/admin\n\ngo 1.24\n',
    'admin/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":9000", nil) }\n',
    'shared/go.mod': 'module example.com/shop/shared\n\ngo 1.24\n',
    'shared/shared.go': 'package shared\n',
    'tools/gen/main.go': 'package main\n\nfunc main() {}\n',
  };

  test('each main of a used module is a service built from the root, its Dockerfile in its folder, one .dockerignore', () => {
    const result = generateServices(memorySnapshot('/src/shop', tree), {}, { templatesDir }, { compose: true, bake: false });
    expect(result.services.map((service) => [service.name, service.context, service.dockerfile])).toEqual([
      ['admin', '.', 'admin/Dockerfile'],
      ['api', '.', 'api/Dockerfile'],
    ]);
    expect(result.files.map((file) => file.path)).toEqual(['admin/Dockerfile', '.dockerignore', 'api/Dockerfile', 'compose.yaml']);
    const api = result.files.find((file) => file.path === 'api/Dockerfile')!.content;
    // Every module's manifests reach /src at their own paths before the download, in workspace mode.
    expect(api).toContain('COPY go.work ./\nCOPY api/go.mod api/go.sum ./api/\nCOPY admin/go.mod ./admin/\nCOPY shared/go.mod ./shared/\n');
    expect(api).toMatch(/go build .* -o \/out\/api \.\/api\n/);
    const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
    expect(compose.services.api!.build).toEqual({
      context: '.',
      dockerfile: './api/Dockerfile',
      args: ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOFLAGS'],
    });
  });

  test.each([
    ['use ../elsewhere\n', 'go.work: use ../elsewhere is outside the project; a build can only copy what is inside it'],
    ['go 1.24\n', 'go.work lists no module (no `use` directive)'],
    ['use ./missing\n', 'go.work uses missing, which has no go.mod'],
  ])('go.work %j is refused in one line', (work, message) => {
    expect(() => generateServices(memorySnapshot('/src/shop', { ...tree, 'go.work': work }), {}, { templatesDir }, { compose: false, bake: false })).toThrow(
      new UserError(message),
    );
  });
});

describe('npm and pnpm workspaces', () => {
  const member = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name, version: '1.0.0', ...extra });
  const pnpm = {
    'package.json': JSON.stringify({ name: 'shop', private: true, packageManager: 'pnpm@9.15.0' }),
    'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n  - '!**/test/**'\n",
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'apps/api/package.json': member('@shop/api', { scripts: { start: 'node server.js' }, dependencies: { '@shop/util': 'workspace:*' } }),
    'apps/api/server.js': "require('http').createServer().listen(Number(process.env.PORT) || 8080);\n",
    'packages/util/package.json': member('@shop/util', { main: 'index.js' }),
    'packages/util/index.js': 'module.exports = {};\n',
  };

  test('pnpm: each member that runs is a service; a package the others use is named with why; the build deploys the member', () => {
    const result = generateServices(memorySnapshot('/src/shop', pnpm), {}, { templatesDir }, { compose: false, bake: false });
    expect(result.services.map((service) => [service.name, service.context, service.dockerfile, service.plan.port])).toEqual([
      ['api', '.', 'apps/api/Dockerfile', 8080],
    ]);
    expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([
      { dir: 'packages/util', why: 'a package the others use (no start script, nothing listens)' },
    ]);
    const dockerfile = result.files.find((file) => file.path === 'apps/api/Dockerfile')!.content;
    // pnpm 9: no --legacy; the member and its workspace dependencies, installed and built, then deployed.
    expect(dockerfile).toContain('pnpm install --frozen-lockfile --filter @shop/api...');
    expect(dockerfile).toContain('RUN pnpm --filter @shop/api... run --if-present build\n');
    expect(dockerfile).toContain('pnpm --filter @shop/api deploy --prod /prod/app\n');
    expect(dockerfile).toContain('COPY --from=build /prod/app ./\n');
    expect(dockerfile).toContain('docker build -f apps/api/Dockerfile -t api .');
    expect(dockerfile).not.toMatch(/^WORKDIR \/app\/apps/m);
  });

  test('bun: the workspace installs whole; the packages the member uses build one --filter at a time; only they and the member ship', () => {
    const result = generateServices(takeSnapshot(fixturePath('services', 'bun-shop')), {}, { templatesDir }, { compose: false, bake: false });
    expect(result.services.map((service) => service.name)).toEqual(['admin', 'api']);
    const api = result.files.find((file) => file.path === 'apps/api/Dockerfile')!.content;
    expect(api).toContain('    bun install --frozen-lockfile --production\n');
    expect(api).toContain('RUN bun run --filter @shop/greet build\n');
    expect(api.slice(api.indexOf('AS runtime')).match(/^COPY .*$/gm)).toEqual([
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY --from=build /app/apps/api ./apps/api/',
      'COPY --from=build /app/packages/greet ./packages/greet/',
    ]);
  });

  test("pnpm deploy leaves out what the member's own .gitignore lists, so the build's output is copied into the deployed folder", () => {
    const result = generateServices(takeSnapshot(fixturePath('services', 'pnpm-shop')), {}, { templatesDir }, { compose: false, bake: false, only: ['web'] });
    expect(result.files.find((file) => file.path === 'apps/web/Dockerfile')!.content).toContain(
      '    pnpm --filter @shop/web deploy --prod --legacy /prod/app && rm -rf /prod/app/dist && cp -a apps/web/dist /prod/app/dist\n',
    );
  });

  test('pnpm 10 deploys with --legacy (no injected workspace packages)', () => {
    const result = generateServices(
      memorySnapshot('/src/shop', { ...pnpm, 'package.json': JSON.stringify({ name: 'shop', private: true, packageManager: 'pnpm@10.11.0' }) }),
      {},
      { templatesDir },
      { compose: false, bake: false },
    );
    expect(result.files.find((file) => file.path === 'apps/api/Dockerfile')!.content).toContain('deploy --prod --legacy /prod/app');
  });

  test('a pnpm-workspace.yaml that is not YAML, or whose packages is no list, is refused in one line', () => {
    expect(() =>
      generateServices(
        memorySnapshot('/src/shop', { ...pnpm, 'pnpm-workspace.yaml': 'packages: [apps/*\n' }),
        {},
        { templatesDir },
        { compose: false, bake: false },
      ),
    ).toThrow(/^pnpm-workspace\.yaml is not valid YAML: /);
    expect(() =>
      generateServices(
        memorySnapshot('/src/shop', { ...pnpm, 'pnpm-workspace.yaml': 'packages: apps/*\n' }),
        {},
        { templatesDir },
        { compose: false, bake: false },
      ),
    ).toThrow(new UserError('pnpm-workspace.yaml: packages must be a list of folder globs'));
  });

  test('yarn 1: the workspace installs from the root, the member runs from its folder; yarn 4 focuses on the member', () => {
    const yarn = {
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'yarn.lock': '# yarn lockfile v1\n',
      'apps/api/package.json': pnpm['apps/api/package.json'],
      'apps/api/server.js': pnpm['apps/api/server.js'],
      'packages/util/package.json': pnpm['packages/util/package.json'],
      'packages/util/index.js': pnpm['packages/util/index.js'],
    };
    const classic = generateServices(memorySnapshot('/src/shop', yarn), {}, { templatesDir }, { compose: false, bake: false });
    const dockerfile = classic.files.find((file) => file.path === 'apps/api/Dockerfile')!.content;
    expect(dockerfile).toContain('yarn install --frozen-lockfile --non-interactive --production');
    expect(dockerfile).toContain('WORKDIR /app/apps/api\n');
    const berry = generateServices(
      memorySnapshot('/src/shop', {
        ...yarn,
        'package.json': JSON.stringify({ name: 'shop', private: true, packageManager: 'yarn@4.5.0', workspaces: ['apps/*', 'packages/*'] }),
        'yarn.lock': '__metadata:\n  version: 8\n',
        '.yarnrc.yml': 'nodeLinker: node-modules\n',
      }),
      {},
      { templatesDir },
      { compose: false, bake: false },
    );
    expect(berry.files.find((file) => file.path === 'apps/api/Dockerfile')!.content).toContain('yarn workspaces focus @shop/api --production');
  });

  test('npm and yarn members ship only themselves and the workspace packages they use: from the context, or from the build stage when something was built', () => {
    const tree = {
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'package-lock.json': JSON.stringify({ name: 'shop', lockfileVersion: 3, packages: {} }),
      'apps/api/package.json': pnpm['apps/api/package.json'],
      'apps/api/server.js': pnpm['apps/api/server.js'],
      'apps/admin/package.json': member('@shop/admin', { scripts: { start: 'node admin.js' } }),
      'apps/admin/admin.js': "require('http').createServer().listen(9000);\n",
      'packages/util/package.json': pnpm['packages/util/package.json'],
      'packages/util/index.js': pnpm['packages/util/index.js'],
    };
    const runtimeCopies = (files: Record<string, string>) => {
      const result = generateServices(memorySnapshot('/src/shop', files), {}, { templatesDir }, { compose: false, bake: false, only: ['api'] });
      const dockerfile = result.files.find((file) => file.path === 'apps/api/Dockerfile')!.content;
      return [...(dockerfile.match(/^RUN npm run build.*$/gm) ?? []), ...dockerfile.slice(dockerfile.indexOf('AS runtime')).match(/^COPY .*$/gm)!];
    };
    expect(runtimeCopies(tree)).toEqual([
      'COPY --from=build /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY apps/api/ ./apps/api/',
      'COPY packages/util/ ./packages/util/',
    ]);
    // A package that builds (TypeScript to dist/): its output comes from the build stage with it.
    const built = {
      ...tree,
      'packages/util/package.json': member('@shop/util', { main: 'dist/index.js', scripts: { build: 'tsc' }, devDependencies: { typescript: '^5.9.0' } }),
    };
    expect(runtimeCopies(built)).toEqual([
      'RUN npm run build --workspace @shop/util',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY --from=build /app/apps/api ./apps/api/',
      'COPY --from=build /app/packages/util ./packages/util/',
    ]);
  });
});

test('folders of the same name are told apart by their path; a folder name with spaces and $ stays data', () => {
  const snapshot = memorySnapshot('/src/shop', {
    'apps/api/go.mod': GO_API['api/go.mod'],
    'apps/api/main.go': GO_API['api/main.go'],
    'services/api/go.mod': GO_API['api/go.mod'],
    'services/api/main.go': GO_API['api/main.go'],
    'my $web/package.json': NODE_WEB['web/package.json'],
    'my $web/package-lock.json': NODE_WEB['web/package-lock.json'],
    'my $web/server.js': NODE_WEB['web/server.js'],
  });
  const result = generateServices(snapshot, {}, { templatesDir }, { compose: true, bake: true });
  expect(result.services.map((service) => [service.name, service.dir])).toEqual([
    ['apps-api', 'apps/api'],
    ['my-web', 'my $web'],
    ['services-api', 'services/api'],
  ]);
  const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect(compose.services['my-web']!.build).toEqual({ context: './my $$web' });
  expect(result.files.find((file) => file.path === 'docker-bake.hcl')!.content).toContain('context    = "./my $web"');
});

test("a workspace member's packages count as its own: a db package's driver and the variable it reads give the member PostgreSQL", () => {
  // As create-t3-turbo lays it out: the app depends on @acme/db, which holds the driver and reads POSTGRES_URL.
  const snapshot = memorySnapshot('/src/t3', {
    'package.json': JSON.stringify({ name: 't3', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'package-lock.json': JSON.stringify({ name: 't3', lockfileVersion: 3, packages: {} }),
    'apps/web/package.json': JSON.stringify({ name: '@acme/web', scripts: { start: 'node server.js' }, dependencies: { '@acme/db': '*' } }),
    'apps/web/server.js': "require('http').createServer().listen(3000);\n",
    'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'src/index.js', dependencies: { pg: '^8.13.0' } }),
    'packages/db/src/index.js': "module.exports = new (require('pg').Pool)({ connectionString: process.env.POSTGRES_URL });\n",
    'packages/ui/package.json': JSON.stringify({ name: '@acme/ui', exports: { '.': './src/index.tsx' } }),
  });
  const result = generateServices(snapshot, {}, { templatesDir }, { compose: true, bake: false });
  expect(result.services.map((service) => service.name)).toEqual(['web']);
  // A package with no start is a library, whatever the Node detector would ask of it as an app.
  expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([
    { dir: 'packages/db', why: 'a package the others use (no start script, nothing listens)' },
    { dir: 'packages/ui', why: 'a package the others use (no start script, nothing listens)' },
  ]);
  const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect(compose.services.web!.environment).toEqual({ POSTGRES_URL: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app?sslmode=disable' });
  expect(result.notes.map((note) => note('en'))).toContain(
    'web uses postgres (pg in package.json of db): postgres:17 beside it (user and database app, password POSTGRES_PASSWORD from .env), as POSTGRES_URL, the names its code reads.',
  );
});

test("build arguments are the Dockerfile's ARGs without a default, read by the Dockerfile parser", () => {
  const result = generateServices(memorySnapshot('/src/shop', GO_API), {}, { templatesDir }, { compose: false, bake: true });
  expect(result.files.find((file) => file.path === 'docker-bake.hcl')!.content).toContain(
    'args       = { for name, value in { GOPROXY = GOPROXY, GOPRIVATE = GOPRIVATE, GONOPROXY = GONOPROXY, GONOSUMDB = GONOSUMDB, GOFLAGS = GOFLAGS } : name => value if value != "" }',
  );
});

describe('uv workspaces', () => {
  // A library's why is the Python detector's own word for a project with nothing to run.
  const PY_LIBRARY = 'a package the others use (no entry point found: add a Procfile `web:` line, [project.scripts] in pyproject.toml, or a main.py or app.py)';
  const uvShop = () => generateServices(takeSnapshot(fixturePath('services', 'uv-shop')), {}, { templatesDir }, { compose: true, bake: false });
  const dockerfile = (result: ReturnType<typeof uvShop>, path: string) => result.files.find((file) => file.path === path)!.content;

  test('each member with something to run is a service built from the root; a package the others use is named with why', () => {
    const result = uvShop();
    expect(result.services.map((service) => [service.name, service.dir, service.context, service.dockerfile])).toEqual([
      ['admin', 'apps/admin', '.', 'apps/admin/Dockerfile'],
      ['api', 'apps/api', '.', 'apps/api/Dockerfile'],
    ]);
    expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([{ dir: 'packages/db', why: PY_LIBRARY }]);
    expect(result.files.map((file) => file.path).filter((path) => path.endsWith('.dockerignore'))).toEqual(['.dockerignore']);
  });

  test("the member's Dockerfile: every member's manifest and the lock before the install, its lock exported alone, the projects it uses installed, its folder alone shipped", () => {
    const api = dockerfile(uvShop(), 'apps/api/Dockerfile');
    const copies = api.match(/^COPY .*$/gm);
    expect(copies).toEqual([
      'COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /uvx /bin/',
      'COPY pyproject.toml uv.lock ./',
      'COPY apps/admin/pyproject.toml apps/admin/',
      'COPY apps/api/pyproject.toml apps/api/',
      'COPY packages/db/pyproject.toml packages/db/',
      'COPY . .',
      'COPY --from=build /opt/venv /opt/venv',
      'COPY apps/api/ ./',
    ]);
    // The member's dependencies from the lock first, then the member and the workspace projects it uses, not editable.
    expect(api).toMatch(/^ {4}uv sync --locked --no-dev --package shop-api --no-install-workspace$/m);
    expect(api).toMatch(/^WORKDIR \/app\/apps\/api$/m);
    expect(api).toMatch(/^ {4}uv sync --locked --no-dev --no-editable --package shop-api$/m);
    expect(api).toContain('ENTRYPOINT ["/opt/venv/bin/gunicorn", "--bind", "0.0.0.0:8000", "shop_api.app:app"]');
    expect(api).toContain('docker build -f apps/api/Dockerfile -t shop-api .');
    // admin has no build system: uv syncs the db package it uses, and nothing of admin itself.
    const admin = dockerfile(uvShop(), 'apps/admin/Dockerfile');
    expect(admin).toMatch(/^ {4}uv sync --locked --no-dev --no-editable --package shop-admin$/m);
    expect(admin).toContain('ENTRYPOINT ["/opt/venv/bin/uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]');
  });

  test("compose: the db package's driver and the variable it reads give both apps PostgreSQL; two apps on 8000 get two host ports", () => {
    const result = uvShop();
    const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
    const url = 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app?sslmode=disable';
    expect(compose.services.api!.environment).toEqual({ DATABASE_URL: url });
    expect(compose.services.admin!.environment).toEqual({ DATABASE_URL: url });
    expect([compose.services.admin!.ports, compose.services.api!.ports]).toEqual([['8000:8000'], ['8001:8000']]);
    expect(result.notes.map((note) => note('en'))).toContain(
      "api listens on 8000, which admin is published on: api is published on the host's 8001 (8001:8000).",
    );
  });

  const tree = {
    'pyproject.toml':
      '[project]\nname = "Portal"\nversion = "1.0"\ndependencies = ["flask", "portal-auth"]\n\n[tool.uv.sources]\nportal-auth = { workspace = true }\n\n[tool.uv.workspace]\nmembers = ["libs/*"]\nexclude = ["libs/scratch"]\n',
    'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    'libs/auth/pyproject.toml':
      '[project]\nname = "portal_auth"\nversion = "1.0"\ndependencies = ["pyjwt"]\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n',
    'libs/auth/src/portal_auth/__init__.py': '',
    'libs/scratch/pyproject.toml': 'not toml at all [',
  };

  test("a member in its folder is built with the uv the workspace's root asks for ([tool.uv] required-version lives there, beside uv.lock)", () => {
    const workspace = {
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["apps/*"]\n\n[tool.uv]\nrequired-version = "==0.9.11"\n',
      'uv.lock': '',
      'apps/api/pyproject.toml': '[project]\nname = "api"\nversion = "1.0"\ndependencies = ["flask", "gunicorn"]\n',
      'apps/api/wsgi.py': 'from flask import Flask\napp = Flask(__name__)\n',
    };
    const result = generateServices(memorySnapshot('/src/shop', workspace), {}, { templatesDir }, { compose: false, bake: false });
    const text = dockerfile(result, 'apps/api/Dockerfile');
    expect(text).toContain('COPY --from=ghcr.io/astral-sh/uv:0.9.11 /uv /uvx /bin/\n');
    expect(text.replace(/\n# /g, ' ')).toContain(
      'uv 0.9.11 reads the lock and checks its hashes, as [tool.uv] required-version in pyproject.toml asks (==0.9.11).',
    );
  });

  test("the root's own project is a member: it is the service, with the libraries it uses; excluded folders are not read; no lock, no --frozen", () => {
    const result = generateServices(memorySnapshot('/src/portal', tree), {}, { templatesDir }, { compose: false, bake: false });
    expect(result.services.map((service) => [service.name, service.dir, service.dockerfile])).toEqual([['portal', '.', 'Dockerfile']]);
    expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([{ dir: 'libs/auth', why: PY_LIBRARY }]);
    const root = dockerfile(result, 'Dockerfile');
    expect(root).toMatch(/^ {4}uv sync --no-dev --package portal --no-install-workspace$/m);
    expect(root).toContain('COPY libs/auth/pyproject.toml libs/auth/');
    expect(root).not.toContain('libs/scratch');
    // The root project has no build system: only the library is installed, and the root's files ship.
    expect(root).toMatch(/^ {4}uv sync --no-dev --no-editable --package portal$/m);
    expect(root).toMatch(/^COPY \. \.$/m);
    expect(root).not.toMatch(/^WORKDIR \/app\/./m);
  });

  test.each([
    [
      { 'pyproject.toml': '[tool.uv.workspace]\nmembers = ["apps/*"]\n', 'apps/x/pyproject.toml': '[project]\nversion = "1"\n' },
      'apps/x/pyproject.toml: a uv workspace member needs [project] name',
    ],
    [
      { 'pyproject.toml': '[tool.uv.workspace]\nmembers = "apps/*"\n' },
      'pyproject.toml: "tool.uv.workspace.members" has the wrong type (Invalid type: Expected Array but received "apps/*")',
    ],
  ])('a workspace uv cannot read either is refused in one line', (files, message) => {
    expect(() => generateServices(memorySnapshot('/src/bad', files), {}, { templatesDir }, { compose: false, bake: false })).toThrow(message);
  });

  test("a member whose detection fails for another reason than having nothing to run is skipped with the detector's own message, not as a library", () => {
    const files = {
      'pyproject.toml': '[tool.uv.workspace]\nmembers = ["apps/*"]\n',
      'apps/web/pyproject.toml': '[project]\nname = "web"\nversion = "1"\ndependencies = ["flask"]\n',
      // A Flask app with no server to run it: the detector says what to add.
      'apps/web/server.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'apps/api/pyproject.toml': '[project]\nname = "api"\nversion = "1"\ndependencies = ["flask", "gunicorn"]\n',
      'apps/api/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    };
    const snapshot = memorySnapshot('/src/two', files);
    let detectorSays = '';
    try {
      PIPELINE.detect(snapshot, { language: 'python', workspace: 'web' });
    } catch (error) {
      detectorSays = (error as Error).message;
    }
    expect(detectorSays).not.toBe('');
    const result = generateServices(snapshot, {}, { templatesDir }, { compose: false, bake: false });
    expect(result.services.map((service) => service.name)).toEqual(['api']);
    expect(result.skipped.map(({ dir, why }) => ({ dir, why }))).toEqual([{ dir: 'apps/web', why: detectorSays }]);
  });

  test('one member with --workspace (any spelling uv accepts, or its folder); no workspace, an unknown member, a virtual root: one line each', () => {
    const snapshot = takeSnapshot(fixturePath('services', 'uv-shop'));
    for (const wanted of ['shop_api', 'Shop.API', 'apps/api', './apps/api/'])
      expect(PIPELINE.detect(snapshot, { language: 'python', workspace: wanted })).toMatchObject({ workspace: { name: 'shop-api', dir: 'apps/api' } });
    expect(() => PIPELINE.detect(snapshot, { language: 'python', workspace: 'shop-web' })).toThrow(
      new UserError('--workspace shop-web: no such workspace (found: shop-admin, shop-api, shop-db)'),
    );
    expect(() => PIPELINE.detect(snapshot, { language: 'python' })).toThrow(
      new UserError('this is a uv workspace root with no project of its own; choose a member with --workspace (shop-admin, shop-api, shop-db)'),
    );
    expect(() => PIPELINE.detect(memorySnapshot('/src/one', { 'main.py': 'print(1)\n' }), { language: 'python', workspace: 'x' })).toThrow(
      new UserError('--workspace x: this project declares no workspace ([tool.uv.workspace] in pyproject.toml)'),
    );
  });
});

test('a JS workspace for the front end and a uv workspace for the API, as full-stack templates lay them out: one service each', () => {
  const snapshot = memorySnapshot('/src/stack', {
    'package.json': JSON.stringify({ name: 'stack', private: true, workspaces: ['frontend'] }),
    'package-lock.json': JSON.stringify({ name: 'stack', lockfileVersion: 3, packages: {} }),
    'frontend/package.json': JSON.stringify({ name: 'frontend', scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
    'frontend/server.js': "require('express')().listen(process.env.PORT || 3000);\n",
    'pyproject.toml': '[tool.uv.workspace]\nmembers = ["backend"]\n',
    'uv.lock': 'version = 1\n',
    'backend/pyproject.toml': '[project]\nname = "app"\nversion = "0.1.0"\ndependencies = ["fastapi[standard]", "psycopg[binary]"]\n',
    'backend/app/__init__.py': '',
    'backend/app/main.py': 'import os\nfrom fastapi import FastAPI\napp = FastAPI()\nDB = os.environ["DATABASE_URL"]\n',
    '.gitignore': 'node_modules\n*.lock\n',
    'worker/go.mod': 'module example.com/worker\n\ngo 1.24\n',
    'worker/main.go': 'package main\n\nfunc main() {}\n',
  });
  const result = generateServices(snapshot, {}, { templatesDir }, { compose: true, bake: false });
  expect(result.services.map((service) => [service.name, service.facts.language, service.context, service.dockerfile])).toEqual([
    ['frontend', 'node', '.', 'frontend/Dockerfile'],
    ['backend', 'python', '.', 'backend/Dockerfile'],
    ['worker', 'go', 'worker', 'Dockerfile'],
  ]);
  const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect(compose.services.backend!.environment).toEqual({ DATABASE_URL: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app?sslmode=disable' });
  // One .dockerignore at the root for both: each language's group, and no .gitignore line that hides uv.lock from the API's build.
  const ignore = result.files.find((file) => file.path === '.dockerignore')!.content.split('\n');
  expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/__pycache__', '.venv']));
  expect(ignore).not.toContain('**/*.lock');
  // Both languages' groups before the always-out ones (last match wins), whatever language the comments are in.
  expect(ignore.indexOf('**/__pycache__')).toBeLessThan(ignore.indexOf('.git'));
  const french = generateServices(snapshot, {}, { templatesDir, explain: 'fr' }, { compose: false, bake: false });
  expect(
    french.files
      .find((file) => file.path === '.dockerignore')!
      .content.split('\n')
      .filter((line) => !line.startsWith('#')),
  ).toEqual(ignore.filter((line) => !line.startsWith('#')));
  expect(result.files.filter((file) => file.path.endsWith('.dockerignore')).map((file) => file.path)).toEqual(['.dockerignore', 'worker/.dockerignore']);
  // --workspace alone picks the language whose workspace has that member.
  expect(PIPELINE.detect(snapshot, { workspace: 'backend' }).language).toBe('python');
  expect(PIPELINE.detect(snapshot, { workspace: 'frontend' }).language).toBe('node');
});

test('compose gives an init to the services whose plan says nothing in the image handles SIGTERM: Node and C, not Go', () => {
  const snapshot = memorySnapshot('/src/shop', {
    ...GO_API,
    ...NODE_WEB,
    'echo/CMakeLists.txt': 'cmake_minimum_required(VERSION 3.20)\nproject(echo C)\nadd_executable(echo main.c)\n',
    'echo/main.c':
      '#include <netinet/in.h>\n#include <sys/socket.h>\nint main(void) {\n  int s = socket(AF_INET, SOCK_STREAM, 0);\n  struct sockaddr_in a = {0};\n  a.sin_family = AF_INET;\n  a.sin_port = htons(7000);\n  bind(s, (struct sockaddr *)&a, sizeof a);\n  listen(s, 8);\n  return 0;\n}\n',
  });
  const result = generateServices(snapshot, {}, { templatesDir }, { compose: true, bake: false });
  expect(result.services.map((service) => [service.name, service.facts.language])).toEqual([
    ['api', 'go'],
    ['echo', 'c'],
    ['web', 'node'],
  ]);
  const compose = parse(result.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect([compose.services.api!.init, compose.services.echo!.init, compose.services.web!.init]).toEqual([undefined, true, true]);
});

test('under --compose, a Go API on scratch gets a health probe, so the front end waits for it healthy; --no-probe leaves it out, and says so', () => {
  const snapshot = memorySnapshot('/src/shop', { ...GO_API, ...NODE_WEB });
  const probed = generateServices(snapshot, {}, { templatesDir }, { compose: true, bake: false });
  const api = probed.files.find((file) => file.path === 'api/Dockerfile')!.content;
  expect(api).toContain('&& cc -static -Os -s -o /tmp/probe/healthcheck /tmp/probe/probe.c\n');
  expect(api).toContain('COPY --from=build /tmp/probe/healthcheck /usr/local/bin/healthcheck\n');
  expect(api).toContain('CMD ["/usr/local/bin/healthcheck", "8080"]\n');
  const compose = parse(probed.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect(compose.services.api!.healthcheck).toEqual({ interval: '5s' });
  expect(compose.services.web!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  expect(probed.notes.map((note) => note('en')).filter((note) => note.includes('no health check'))).toEqual([]);
  // A default the output admits to, naming the flag that settles it.
  expect(probed.notes.map((note) => note('en'))).toContain(
    'api: a static health probe is compiled into the image (--compose turns it on, so that compose waits for it to answer); --no-probe leaves it out.',
  );

  const bare = generateServices(snapshot, { probe: false }, { templatesDir }, { compose: true, bake: false });
  expect(bare.files.find((file) => file.path === 'api/Dockerfile')!.content).not.toContain('healthcheck');
  expect(bare.notes.map((note) => note('en')).filter((note) => note.includes('health probe'))).toEqual([]);
  const plain = parse(bare.files.find((file) => file.path === 'compose.yaml')!.content) as ComposeDoc;
  expect(plain.services.web!.depends_on).toEqual({ api: { condition: 'service_started' } });
  expect(bare.notes.map((note) => note('en'))).toContain(
    'api has no health check (its runtime has no program to probe with; --probe compiles one in): `docker compose up --wait` waits for it to run, not to answer.',
  );
  // Without compose, nothing waits on health: the Dockerfile stays the program alone.
  const alone = generateServices(snapshot, {}, { templatesDir }, { compose: false, bake: false });
  expect(alone.files.find((file) => file.path === 'api/Dockerfile')!.content).not.toContain('healthcheck');
});
