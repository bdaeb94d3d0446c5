import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { terminalLine, terminalText } from '../../generators/cli/streams.js';
import { planEnvFile } from '../../generators/services/env-file.js';
import { localPath, nameToken, uniqueNames, whyBakeCannotName } from '../../generators/services/tokens.js';
import { writeAtomically } from '../../generators/util/atomic-write.js';
import { removeDir, runCli } from '../harness/project.js';

/**
 * The second hostile surface, where no engine is needed: workspace globs, .env, names, terminal
 * output and lint's worst cases. compose.yaml and docker-bake.hcl read back by the real parsers are
 * in test/integration/hostile-services.test.ts.
 */

const ESC = '\u001b';
const tempDir = () => mkdtempSync(join(tmpdir(), 'cdf-hostile2-'));
const write = (dir: string, path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const nodeMember = (dir: string, folder: string) => {
  write(dir, `${folder}/package.json`, JSON.stringify({ name: folder.split('/').at(-1), scripts: { start: 'node server.js' } }));
  write(dir, `${folder}/server.js`, "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n");
};
const npmWorkspace = (dir: string, globs: string[]) => {
  write(dir, 'package.json', JSON.stringify({ name: 'root', private: true, workspaces: globs }));
  write(dir, 'package-lock.json', JSON.stringify({ name: 'root', lockfileVersion: 3, packages: {} }));
};
const goService = (dir: string, folder: string, port = 8080) => {
  write(dir, `${folder}/go.mod`, 'module example.com/svc\n\ngo 1.24\n');
  write(dir, `${folder}/main.go`, `package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":${port}", nil) }\n`);
};

async function inTemp(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = tempDir();
  try {
    await run(dir);
  } finally {
    removeDir(dir);
  }
}

describe('workspace globs from the project', () => {
  test('x??? matches four-letter names starting with x (it was a regex quantifier: "Nothing to repeat")', () =>
    inTemp(async (dir) => {
      npmWorkspace(dir, ['x???']);
      nodeMember(dir, 'xabc');
      nodeMember(dir, 'xab');
      const result = await runCli([dir, '--yes', '--dry-run']);
      // The member builds from the root; xab, which the glob does not match, is a project folder of its own.
      expect([result.exitCode, String(result.stderr)]).toEqual([0, expect.stringContaining('next: docker build -f xabc/Dockerfile -t xabc .')]);
      expect(String(result.stderr)).not.toMatch(/-f xab\/Dockerfile|internal error/);
    }));

  test('a*a*a*…b against a folder of 3,000 a: answered at once, no member (it backtracked for minutes)', () =>
    inTemp(async (dir) => {
      npmWorkspace(dir, [`${'a*'.repeat(30)}b`, 'apps/*']);
      nodeMember(dir, 'apps/web');
      // A folder name is at most 255 bytes; the path below it is what the glob is matched against.
      nodeMember(dir, `${'a'.repeat(250)}/${'a'.repeat(250)}`);
      const result = await runCli([dir, '--yes', '--dry-run'], { timeoutMs: 20_000 });
      expect([result.timedOut, result.exitCode]).toEqual([false, 0]);
      expect(String(result.stderr)).toContain('service web (apps/web)');
    }));
});

describe('.env', () => {
  const USER_ENV = [
    'export API_TOKEN=tok-123',
    'POSTGRES_PASSWORD: theirs',
    'db_pass=lower-secret',
    'S3_SECRET_KEY = with spaces',
    'QUOTED="multi',
    'line"',
    '# a comment',
  ].join('\n');

  test("a key the user set, in any form compose's dotenv accepts, is never defined again", () => {
    const kept = planEnvFile(USER_ENV, ['POSTGRES_PASSWORD']);
    expect(Object.keys(kept)).toEqual(['note']);
    expect(kept.note('en')).toBe('.env already sets POSTGRES_PASSWORD: used as it is.');
    const plan = planEnvFile(USER_ENV, ['POSTGRES_PASSWORD', 'MARIADB_PASSWORD']);
    // The user's text first, byte for byte; one generated line after it.
    expect(plan.content!.startsWith(`${USER_ENV}\n`)).toBe(true);
    expect(plan.content!.slice(USER_ENV.length).match(/^[A-Z_]+=/gm)).toEqual(['MARIADB_PASSWORD=']);
  });

  test("what --dry-run and --json may show: names, never a value, the user's or a generated one", () => {
    const plan = planEnvFile(USER_ENV, ['MARIADB_PASSWORD']);
    for (const value of ['tok-123', 'theirs', 'lower-secret', 'with spaces', 'multi', plan.content!.match(/MARIADB_PASSWORD=(.+)/)![1]!])
      expect(plan.shown).not.toContain(value);
    expect(plan.shown!.match(/^\w+(?==)/gm)).toEqual(['API_TOKEN', 'POSTGRES_PASSWORD', 'db_pass', 'S3_SECRET_KEY', 'QUOTED', 'MARIADB_PASSWORD']);
  });

  test('written: a new file is 0600; an existing 0600 file stays 0600 after the rename', () => {
    const dir = tempDir();
    try {
      writeAtomically(join(dir, 'new.env'), 'A=1\n', { newFileMode: 0o600 });
      expect(statSync(join(dir, 'new.env')).mode & 0o777).toBe(0o600);
      writeFileSync(join(dir, '.env'), 'A=1\n');
      chmodSync(join(dir, '.env'), 0o640);
      writeAtomically(join(dir, '.env'), 'A=1\nB=2\n', { newFileMode: 0o600 });
      expect([statSync(join(dir, '.env')).mode & 0o777, readFileSync(join(dir, '.env'), 'utf8')]).toEqual([0o640, 'A=1\nB=2\n']);
    } finally {
      removeDir(dir);
    }
  });

  test('the CLI: --dry-run over a project whose .env holds secrets prints none of them', () =>
    inTemp(async (dir) => {
      goService(dir, 'api');
      write(dir, 'api/go.mod', 'module example.com/api\n\ngo 1.24\n\nrequire github.com/jackc/pgx/v5 v5.7.1\n');
      write(dir, '.env', USER_ENV);
      for (const flag of ['--dry-run', '--json']) {
        const result = await runCli([dir, '--yes', '--compose', flag]);
        expect(result.exitCode).toBe(0);
        for (const value of ['tok-123', 'theirs', 'lower-secret', 'with spaces']) expect(`${result.stdout}${result.stderr}`).not.toContain(value);
      }
    }));
});

describe('names', () => {
  test("tokens: names by compose's rule; paths always local", () => {
    expect(['API', 'a.b', '~x', '-x_', '\u001b]0;t\u0007', 'Ünïcode', ''].map(nameToken)).toEqual(['api', 'a-b', 'x', 'x', '0-t', 'unicode', 'app']);
    expect(['github.com/x', 'git@host:repo', '~', '.'].map(localPath)).toEqual(['./github.com/x', './git@host:repo', './~', '.']);
    expect(['./github.com/x', 'git@h:r', 'api', 'gitlab/x', 'e\u0301', '\u00e9'].map((path) => whyBakeCannotName(path) !== undefined)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  test('unique after normalisation, off reserved names, each rename said with both folders', () => {
    const { names, notes: said } = uniqueNames(
      [
        { dir: 'API', name: 'api' },
        { dir: 'api', name: 'api' },
        { dir: 'redis', name: 'redis' },
        { dir: 'api-2', name: 'api-2' },
      ],
      new Map([['redis', 'the backing service redis (redis:8.0)']]),
    );
    const notes = said.map((note) => note('en'));
    expect(names).toEqual(['api', 'api-2', 'redis-2', 'api-2-2']);
    expect(new Set(names).size).toBe(names.length);
    expect(notes).toEqual([
      'api would be the service api, which API already is: it is named api-2.',
      'redis would be the service redis, which the backing service redis (redis:8.0) already is: it is named redis-2.',
      'api-2 would be the service api-2, which api already is: it is named api-2-2.',
    ]);
  });
});

describe('terminal output', () => {
  test('control characters are shown, never obeyed; a line break inside a line is shown too', () => {
    expect(terminalLine(`create ${ESC}]0;pwned\u0007/Dockerfile`)).toBe('create \\u001b]0;pwned\\u0007/Dockerfile');
    expect(terminalLine('nl\nx\u202e\u009b')).toBe('nl\\nx\\u202e\\u009b');
    expect(terminalText('two\nlines\tand a tab\n')).toBe('two\nlines\tand a tab\n');
  });

  test('the CLI: folders named with ESC sequences and a newline are printed escaped, and the newline folder is a service', () =>
    inTemp(async (dir) => {
      goService(dir, `${ESC}]0;pwned${ESC}\\`);
      goService(dir, 'nl\nx', 8081);
      const result = await runCli([dir, '--yes', '--compose']);
      const output = `${result.stdout}${result.stderr}`;
      expect(result.exitCode).toBe(0);
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(String(result.stderr)).toContain('create \\u001b]0;pwned\\u001b\\/Dockerfile');
      expect(String(result.stderr)).toContain('create nl\\nx/Dockerfile');
      // --json stays JSON: the escapes are JSON's own, and the folder names read back whole.
      const json = await runCli([dir, '--yes', '--compose', '--json', '--force']);
      expect(json.stdout).not.toMatch(/[\u007f-\u009f\u001b]/);
      const dirs = (JSON.parse(String(json.stdout)) as { services: { dir: string }[] }).services.map((service) => service.dir).sort();
      expect(dirs).toEqual([`${ESC}]0;pwned${ESC}\\`, 'nl\nx'].sort());
    }));
});

describe("lint's worst cases", () => {
  test('30,000 stages: answered within the test timeout (it took 38 s)', async () => {
    const dir = tempDir();
    try {
      // Each stage copies from the one before: every COPY --from is looked up among the earlier stages.
      const stages = Array.from({ length: 30_000 }, (_, index) =>
        index === 0 ? 'FROM debian:13-slim AS s0\nWORKDIR /a\n' : `FROM debian:13-slim AS s${index}\nCOPY --from=s${index - 1} /a /a\n`,
      ).join('');
      writeFileSync(join(dir, 'Dockerfile'), `${stages}USER 65532\n`);
      const result = await runCli(['lint', join(dir, 'Dockerfile')], { timeoutMs: 20_000 });
      expect([result.timedOut, result.exitCode, String(result.stderr).trim()]).toEqual([false, 0, `${join(dir, 'Dockerfile')}: no findings`]);
    } finally {
      removeDir(dir);
    }
  }, 30_000);

  test('50,000 ${VAR} references on one line: one finding line for them, naming three and how many more', async () => {
    const dir = tempDir();
    try {
      const references = Array.from({ length: 50_000 }, (_, index) => `\${V${index}}`).join('');
      writeFileSync(join(dir, 'Dockerfile'), `FROM debian:13-slim\nENV A=${references}\nUSER 65532\n`);
      const result = await runCli(['lint', join(dir, 'Dockerfile')], { timeoutMs: 20_000 });
      expect([result.exitCode, String(result.stdout).trim().split('\n')]).toEqual([
        1,
        [`${join(dir, 'Dockerfile')}:2 UndefinedVar Variables should be defined before their use: $V0, $V1, $V2 and 49997 more are not defined`],
      ]);
    } finally {
      removeDir(dir);
    }
  }, 30_000);
});
