import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { stages } from '../harness/dockerfile-shape.js';
import { dockerfileOf } from '../harness/golden.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const pkg = (value: object) => JSON.stringify(value);
const SERVER = "const { PrismaClient } = require('@prisma/client');\nrequire('http').createServer((q, s) => s.end('ok')).listen(3000);\n";
const SCHEMA = 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n';
const lock = (names: readonly string[]) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: { '': {}, ...Object.fromEntries(names.map((name) => [`node_modules/${name}`, name === 'prisma' ? { bin: { prisma: 'build/index.js' } } : {}])) },
  });

/** A JavaScript app with no build script, the way Prisma 5 and 6 guides start one. */
const jsApp = (extra: Record<string, string> = {}, scripts: Record<string, string> = {}) => ({
  'package.json': pkg({
    name: 'api',
    engines: { node: '24' },
    scripts: { start: 'node server.js', ...scripts },
    dependencies: { '@prisma/client': '6.19.0' },
    devDependencies: { prisma: '6.19.0' },
  }),
  'package-lock.json': lock(['@prisma/client', 'prisma']),
  'server.js': SERVER,
  'prisma/schema.prisma': SCHEMA,
  ...extra,
});

const generate = (files: Record<string, string>) => {
  const result = PIPELINE.generate(PIPELINE.detect(memorySnapshot('/srv/api', files)), {}, { templatesDir });
  return { result, facts: narrow(result.facts, 'node'), plan: narrow(result.plan, 'node'), stages: stages(dockerfileOf(result.files)) };
};
const lines = (stage: readonly { keyword: string; args: string }[]) => stage.map((instruction) => `${instruction.keyword} ${instruction.args}`);

describe('Prisma Client is generated in the build and reaches the runtime', () => {
  test('prisma-client-js, no build script: a full install generates, the runtime takes node_modules/.prisma from it', () => {
    const {
      stages: [deps, build, runtime],
    } = generate(jsApp());
    expect(lines(deps!)).toContain('RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci --omit=dev');
    expect(lines(build!)).toEqual(
      expect.arrayContaining([
        'ARG PRISMA_ENGINES_MIRROR',
        'RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci',
        'COPY . .',
        'RUN node node_modules/prisma/build/index.js generate',
      ]),
    );
    expect(lines(runtime!)).toEqual(
      expect.arrayContaining(['COPY --from=deps /app/node_modules ./node_modules', 'COPY --from=build /app/node_modules/.prisma ./node_modules/.prisma']),
    );
    // The generate step comes after the source (it may import from it) and no prisma step reaches the runtime.
    expect(lines(build!).indexOf('COPY . .')).toBeLessThan(lines(build!).indexOf('RUN node node_modules/prisma/build/index.js generate'));
    expect(lines(runtime!).filter((line) => /prisma generate|PRISMA_ENGINES_MIRROR/.test(line))).toEqual([]);
  });

  test('a postinstall that generates: the schema is copied before the install, the production install leaves the script out', () => {
    const {
      stages: [deps, build],
      facts,
    } = generate(jsApp({}, { postinstall: 'prisma generate' }));
    expect(lines(build!).slice(0, 6)).toEqual([
      'FROM node:24-slim AS build',
      'WORKDIR /app',
      'ARG PRISMA_ENGINES_MIRROR',
      'COPY package.json package-lock.json ./',
      'COPY prisma/schema.prisma prisma/',
      'RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci',
    ]);
    expect(lines(build!)).not.toContain('RUN node node_modules/prisma/build/index.js generate');
    expect(lines(deps!)).toContain('RUN --mount=type=cache,target=/root/.npm,sharing=locked npm pkg delete scripts.postinstall && npm ci --omit=dev');
    expect(lines(deps!).filter((line) => /schema|ARG/.test(line))).toEqual([]);
    expect(facts.notes.map(sayNote).join('\n')).toContain(
      'scripts.postinstall `prisma generate` calls prisma, which prisma (not a production dependency) provides',
    );
  });

  test('the schema where package.json or prisma.config.ts says, a folder of schema files, and a custom JavaScript output', () => {
    const stated = generate({
      ...jsApp(),
      'package.json': pkg({
        scripts: { start: 'node server.js', postinstall: 'prisma generate' },
        prisma: { schema: 'src/db/schema.prisma' },
        dependencies: { '@prisma/client': '6', prisma: '6' },
      }),
      'prisma/schema.prisma': '',
      'src/db/schema.prisma': SCHEMA.replace('"prisma-client-js"', '"prisma-client-js"\n  output = "../../generated/client"'),
    });
    expect(stated.facts.prisma).toMatchObject({ schema: 'src/db/schema.prisma', outputs: [{ path: 'generated/client', typescript: false }], production: true });
    // prisma ships, so its install script still runs in the production install, and needs the schema there.
    expect(lines(stated.stages[0]!)).toEqual(
      expect.arrayContaining([
        'ARG PRISMA_ENGINES_MIRROR',
        'COPY src/db/schema.prisma src/db/',
        'RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci --omit=dev',
      ]),
    );
    expect(lines(stated.stages.at(-1)!)).toContain('COPY --from=build /app/generated/client ./generated/client');
    expect(stated.result.files.find((file) => file.path === '.dockerignore')?.content).toMatch(/^generated\/client\/$/m);

    const folder = generate({
      ...jsApp(
        {
          'prisma.config.ts': 'export default { schema: "db/schema" };\n',
          'db/schema/user.prisma': 'model User { id Int @id }\n',
          'db/schema/base.prisma': SCHEMA,
        },
        { postinstall: 'prisma generate' },
      ),
    });
    expect(folder.facts.prisma).toMatchObject({ schema: 'db/schema', schemaSource: 'prisma.config.ts schema', inNodeModules: true });
    expect(lines(folder.stages[1]!)).toEqual(expect.arrayContaining(['COPY db/schema db/schema/', 'COPY prisma.config.ts ./']));
  });

  test.each([
    [
      'no prisma CLI',
      { 'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { '@prisma/client': '6' } }) },
      /prisma \(its CLI\) is not a dependency: add it to devDependencies$/,
    ],
    ['no schema', { 'prisma/schema.prisma': undefined }, /no Prisma schema was found/],
    [
      'a schema outside the project',
      { 'prisma.config.ts': 'export default { schema: "../shared/schema.prisma" }\n' },
      /prisma\.config\.ts schema "\.\.\/shared\/schema\.prisma" is outside the project$/,
    ],
    [
      'an output outside the project',
      { 'prisma/schema.prisma': SCHEMA.replace('"prisma-client-js"', '"prisma-client-js"\n  output = "../../../x"') },
      /output "\.\.\/\.\.\/\.\.\/x" is not a folder inside the project$/,
    ],
  ])('%s: one clear line', (_name, change, message) => {
    const files = Object.fromEntries(Object.entries({ ...jsApp(), ...change }).filter((entry): entry is [string, string] => entry[1] !== undefined));
    expect(() => generate(files)).toThrow(message);
  });
});

describe('root install scripts that need a dev dependency', () => {
  test('"prepare": "husky" is left out of the production install only, and said so', () => {
    const {
      stages: [build],
      facts,
      plan,
    } = generate({
      'package.json': pkg({ name: 'api', scripts: { start: 'node server.js', prepare: 'husky' }, dependencies: { ms: '2' }, devDependencies: { husky: '9' } }),
      'package-lock.json': lock(['ms', 'husky']),
      'server.js': SERVER,
    });
    expect(plan.node.install.installProduction).toBe('npm pkg delete scripts.prepare && npm ci --omit=dev');
    expect(lines(build!)).toContain('RUN --mount=type=cache,target=/root/.npm,sharing=locked npm pkg delete scripts.prepare && npm ci --omit=dev');
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/scripts\.prepare `husky` calls husky, which husky \(not a production dependency\) provides/);
  });

  test.each([
    ['a production CLI', { postinstall: 'patch-package' }, { 'patch-package': '8' }, {}],
    ['node running a file', { postinstall: 'node scripts/setup.js' }, {}, {}],
    ['no install script', { build: 'husky' }, {}, { husky: '9' }],
  ])('%s: the production install is left as it is', (_name, scripts, dependencies, devDependencies) => {
    const { plan, facts } = generate({
      'package.json': pkg({ name: 'api', scripts: { start: 'node server.js', ...scripts }, dependencies: { ms: '2', ...dependencies }, devDependencies }),
      'server.js': SERVER,
      'scripts/setup.js': '',
    });
    expect(plan.node.install.installProduction).not.toMatch(/npm pkg delete/);
    expect(facts.devOnlyScripts).toEqual([]);
  });
});
