import { mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { docker } from '../../generators/verify/docker.js';
import { bakeFile } from '../../generators/services/bake.js';
import { composeFile, planCompose, type AppService } from '../../generators/services/compose.js';
import { planEnvFile } from '../../generators/services/env-file.js';
import { serviceName, uniqueNames, whyBakeCannotName } from '../../generators/services/tokens.js';
import { requireEngine } from '../harness/engine.js';
import { removeDir, runCli } from '../harness/project.js';

/**
 * compose.yaml, docker-bake.hcl and .env as compose and buildx read them: the files the tool writes
 * for hostile folder names are parsed by `docker compose config` and `docker buildx bake --print`,
 * every service is there once, and each build context is the folder it came from, inside the project.
 * Parsing only: nothing is built, so these run in seconds.
 */

jest.setTimeout(120_000);
beforeAll(requireEngine);

const write = (dir: string, path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const goService = (dir: string, folder: string, requires = '') => {
  write(dir, `${folder}/go.mod`, `module example.com/svc\n\ngo 1.24\n${requires}`);
  write(dir, `${folder}/main.go`, 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n');
};

interface ComposeConfig {
  services: Record<string, { build?: { context: string; dockerfile?: string }; image?: string; environment?: Record<string, string> }>;
}
interface BakeConfig {
  group: Record<string, { targets: string[] }>;
  target: Record<string, { context: string; dockerfile: string }>;
}

const composeConfig = async (dir: string, file = 'compose.yaml') =>
  JSON.parse(String((await docker(['compose', '-f', file, 'config', '--format', 'json'], { cwd: dir })).stdout)) as ComposeConfig;
// --print reads the file only: no builder is asked for anything.
const bakeConfig = async (dir: string) =>
  JSON.parse(String((await docker(['buildx', 'bake', '-f', 'docker-bake.hcl', '--print'], { cwd: dir })).stdout)) as BakeConfig;
/** A context as the tool resolves it: relative to the project, real path, and inside it. */
const inside = (root: string, context: string) => {
  const real = realpathSync(resolve(root, context));
  return real === root || real.startsWith(root + sep) ? real.slice(root.length + 1) || '.' : `OUTSIDE: ${real}`;
};
/** compose config prints values re-escaped for compose: a path's own $ comes back doubled. */
const composeInside = (root: string, context: string) => inside(root, context.replace(/\$\$/g, '$'));

/** Services named `names[i]` in folders `dirs[i]`, written as compose.yaml and docker-bake.hcl (bake without what it cannot name), then read back. */
async function writeAndRead(dir: string, names: readonly string[], dirs: readonly string[]): Promise<{ compose: ComposeConfig; bake: BakeConfig }> {
  const apps: AppService[] = dirs.map((folder, index) => ({
    name: names[index]!,
    dir: folder,
    dockerfile: 'Dockerfile',
    healthcheck: false,
    init: false,
    needs: [],
    envReads: [],
    buildArgs: [],
  }));
  write(dir, 'compose.yaml', composeFile(planCompose(apps), 'p'));
  write(
    dir,
    'docker-bake.hcl',
    bakeFile(
      'p',
      apps.filter((app) => whyBakeCannotName(app.dir) === undefined),
    ),
  );
  return { compose: await composeConfig(dir), bake: await bakeConfig(dir) };
}

async function inTemp(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cdf-services-')));
  try {
    await run(dir);
  } finally {
    removeDir(dir);
  }
}

/** Folder names that used to leave the project, break a parser, collide, or reach the terminal raw. */
const HOSTILE_FOLDERS = [
  'API',
  'api',
  'a.b',
  'a-b',
  'redis',
  'default',
  'github.com/x',
  'git@host:repo',
  '~x',
  '~',
  '0b11',
  '1_000',
  'on',
  'del\u007fname',
  'e\u0301',
  // Line breaks to a YAML 1.1 reader, even inside a quoted scalar.
  'nel\u0085x',
  'ls\u2028ps\u2029x',
  'bs\bff\fx',
  'nl\nx',
  '\u001b]0;pwned\u0007',
  '$HOME',
  // Two folders named web are told apart by their paths (apps-web, services-web); apps/web then meets the folder apps-web and becomes apps-web-2.
  'apps/web',
  'services/web',
  'apps-web',
  'postgres',
];

describe('hostile folder names through the real parsers', () => {
  test('every folder is one service, compose and bake load the files, each context is its own folder inside the project', () =>
    inTemp(async (dir) => {
      for (const folder of HOSTILE_FOLDERS) goService(dir, folder);
      // A service that needs Redis and PostgreSQL: the backing services take those names, the folders others.
      goService(dir, 'cache-user', '\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.7.0\n\tgithub.com/jackc/pgx/v5 v5.7.1\n)\n');
      const result = await runCli([dir, '--yes', '--compose', '--bake']);
      expect([result.exitCode, String(result.stderr)]).toEqual([0, expect.not.stringMatching(/internal error/)]);
      const folders = [...HOSTILE_FOLDERS, 'cache-user'].sort();

      const compose = await composeConfig(dir);
      const apps = Object.entries(compose.services).filter(([, service]) => service.build);
      // Compose resolves contexts to absolute paths: each is one of the folders, once.
      expect(apps.map(([, service]) => composeInside(dir, service.build!.context)).sort()).toEqual(folders);
      expect([compose.services.redis!.image, compose.services.postgres!.image]).toEqual(['redis:8.0', 'postgres:17']);

      const bake = await bakeConfig(dir);
      // bake reads github.com/... and git@... as Git repositories, and rewrites names to NFC: those are left out, with a note.
      const remote = ['github.com/x', 'git@host:repo', 'e\u0301'];
      expect(
        Object.values(bake.target)
          .map((target) => inside(dir, target.context))
          .sort(),
      ).toEqual(folders.filter((folder) => !remote.includes(folder)));
      expect(bake.group.default!.targets.sort()).toEqual(Object.keys(bake.target).sort());
      for (const folder of remote) expect(String(result.stderr)).toContain(`note: ${folder} is left out of docker-bake.hcl`);
      // The names compose and bake use are the same, unique, and none is a backing service's or the group's.
      expect(Object.keys(bake.target).every((name) => compose.services[name]?.build !== undefined)).toBe(true);
      expect(Object.keys(bake.target)).not.toContain('default');
    }));

  test("beside the user's compose.yaml: ours is compose.create-dockerfile.yaml, and both the hint and its header say -f", () =>
    inTemp(async (dir) => {
      goService(dir, 'api');
      write(dir, 'compose.yaml', 'services:\n  mine:\n    image: debian:13-slim\n');
      const result = await runCli([dir, '--yes', '--compose']);
      expect(result.exitCode).toBe(0);
      expect(String(result.stderr).trim().split('\n').at(-1)).toBe('next: docker compose -f compose.create-dockerfile.yaml up --build --wait');
      expect(readFileSync(join(dir, 'compose.create-dockerfile.yaml'), 'utf8')).toContain(
        '#   docker compose -f compose.create-dockerfile.yaml up --build --wait',
      );
      expect(Object.keys((await composeConfig(dir, 'compose.create-dockerfile.yaml')).services)).toEqual(['api']);
    }));
});

describe('.env', () => {
  test("the user's password, written KEY: value, is the one compose uses after the run; the file keeps mode 0600", () =>
    inTemp(async (dir) => {
      goService(dir, 'api', '\nrequire github.com/jackc/pgx/v5 v5.7.1\n');
      write(dir, '.env', 'export API_TOKEN=tok\nPOSTGRES_PASSWORD: theirs\n');
      const { chmodSync } = await import('node:fs');
      chmodSync(join(dir, '.env'), 0o600);
      const result = await runCli([dir, '--yes', '--compose']);
      expect(result.exitCode).toBe(0);
      expect((await composeConfig(dir)).services.postgres!.environment!.POSTGRES_PASSWORD).toBe('theirs');
      expect([statSync(join(dir, '.env')).mode & 0o777, readFileSync(join(dir, '.env'), 'utf8')]).toEqual([
        0o600,
        'export API_TOKEN=tok\nPOSTGRES_PASSWORD: theirs\n',
      ]);
    }));

  test('a new .env is 0600, and compose reads the password the tool generated into it', () =>
    inTemp(async (dir) => {
      goService(dir, 'api', '\nrequire github.com/jackc/pgx/v5 v5.7.1\n');
      expect((await runCli([dir, '--yes', '--compose'])).exitCode).toBe(0);
      const generated = /^POSTGRES_PASSWORD=(.+)$/m.exec(readFileSync(join(dir, '.env'), 'utf8'))![1];
      expect([statSync(join(dir, '.env')).mode & 0o777, (await composeConfig(dir)).services.postgres!.environment!.POSTGRES_PASSWORD]).toEqual([
        0o600,
        generated,
      ]);
    }));
});

describe('the writers, with arbitrary folder names, read back by compose and bake', () => {
  test('every character of the Basic Multilingual Plane but / round-trips: compose keeps it, bake too where NFC does', () =>
    inTemp(async (dir) => {
      // 80 characters a folder (at most 240 bytes, under the 255 a name may have): about 820 services.
      const names: string[] = [];
      let name = 'x';
      for (let code = 1; code < 0x10000; code++) {
        if (code === 0x2f || (code >= 0xd800 && code <= 0xdfff)) continue;
        name += String.fromCharCode(code);
        if (name.length === 80) [names[names.length], name] = [name, 'x'];
      }
      names.push(name);
      for (const folder of names) mkdirSync(join(dir, folder));
      const { compose, bake } = await writeAndRead(
        dir,
        names.map((_folder, index) => `s${index}`),
        names,
      );
      const mismatched = names.filter((folder, index) => composeInside(dir, compose.services[`s${index}`]!.build!.context) !== folder);
      const bakeMismatched = names.filter((folder, index) => folder.normalize('NFC') === folder && bake.target[`s${index}`]?.context !== folder);
      expect([mismatched, bakeMismatched]).toEqual([[], []]);
    }));

  // Any name a Linux folder can have: no NUL, no slash, not . or ..; control characters, quotes, $, {, % included.
  const folderName = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 12 })
    .filter((name) => !/[\u0000/]/.test(name) && name !== '.' && name !== '..' && !/^(github\.com|git@)/i.test(name) && !/[\ud800-\udfff]/.test(name));

  test('compose.yaml and docker-bake.hcl: every service once, each context its own folder', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(folderName, { minLength: 1, maxLength: 25 }), async (names) =>
        inTemp(async (dir) => {
          for (const name of names) mkdirSync(join(dir, name));
          const unique = uniqueNames(
            names.map((name) => ({ dir: name, name: serviceName(name) })),
            new Map(),
          ).names;
          const { compose, bake } = await writeAndRead(dir, unique, names);
          const byName = Object.fromEntries(names.map((name, index) => [unique[index]!, name]));
          expect(Object.fromEntries(Object.entries(compose.services).map(([key, service]) => [key, composeInside(dir, service.build!.context)]))).toEqual(
            byName,
          );
          // HCL rewrites strings to NFC: a name NFC changes is left out of the bake file (with a note, tested above).
          const bakeable = Object.fromEntries(Object.entries(byName).filter(([, name]) => name.normalize('NFC') === name));
          expect(Object.fromEntries(Object.entries(bake.target).map(([key, target]) => [key, inside(dir, target.context)]))).toEqual(bakeable);
        }),
      ),
      { numRuns: 12 },
    );
  });

  test(".env: after the tool adds its password, compose reads every one of the user's values as before", async () => {
    // Lines in the forms compose's dotenv parser accepts, with values that carry spaces, quotes, # and $.
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((name) => name !== 'POSTGRES_PASSWORD');
    const value = fc.stringMatching(/^[A-Za-z0-9 _.:@#-]{0,12}$/);
    // Unquoted values lose their ends and anything from #: compose reads those as blanks and a comment.
    const bare = (text: string) => text.trim().replace(/#.*/, '');
    const forms: readonly ((name: string, text: string) => string)[] = [
      (name, text) => `${name}=${bare(text)}`,
      (name, text) => `export ${name}=${bare(text)}`,
      (name, text) => `${name}: ${bare(text)}`,
      (name, text) => `${name} = ${bare(text)}`,
      (name, text) => `${name}="${text}"`,
      (name, text) => `${name}='${text}'`,
    ];
    const line = fc.tuple(fc.nat(forms.length - 1), key, value).map(([form, name, text]) => forms[form]!(name, text));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(line, { minLength: 1, maxLength: 8, selector: (entry) => /\w+/.exec(entry.replace(/^export /, ''))![0] }),
        async (lines) =>
          inTemp(async (dir) => {
            const existing = `${lines.join('\n')}\n`;
            const names = lines.map((entry) => /\w+/.exec(entry.replace(/^export /, ''))![0]);
            const file = `services:\n  s:\n    image: debian:13-slim\n    environment:\n${[...names, 'POSTGRES_PASSWORD'].map((name) => `      ${name}: "\${${name}:-unset}"`).join('\n')}\n`;
            write(dir, 'compose.yaml', file);
            write(dir, '.env', existing);
            const before = (await composeConfig(dir)).services.s!.environment!;
            write(dir, '.env', planEnvFile(existing, ['POSTGRES_PASSWORD']).content!);
            const after = (await composeConfig(dir)).services.s!.environment!;
            expect({ ...after, POSTGRES_PASSWORD: 'x' }).toEqual({ ...before, POSTGRES_PASSWORD: 'x' });
            expect(after.POSTGRES_PASSWORD).toMatch(/^[\w-]{24}$/);
          }),
      ),
      { numRuns: 12 },
    );
  });
});
