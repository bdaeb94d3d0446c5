// Issue 30: `verify --ladder` on each bundled example project: every step that applies is written,
// built with docker and run (the hardened step with --read-only --cap-drop ALL); sizes never grow
// from one step to the next; the user is root until the non-root step.
import { jest } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../generators/util/package-root.js';
import { requireEngine } from '../harness/engine.js';
import { removeDir, runCli } from '../harness/project.js';
import { MACHINE_CA } from '../harness/machine-ca.js';

jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/** The table's rows that hold numbers: step number, size in MB, layers, user, run. */
function measuredRows(table: string): { step: number; mb: number; layers: number; user: string; run: string }[] {
  return table
    .split('\n')
    .map((line) => /^(\d) .+? {2,}(\d+\.\d\d) +(\d+) +(?:\d+\.\d +)?(\S+) +(?:-[\d.]+ %|=)? *(\S.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ step: Number(match[1]), mb: Number(match[2]), layers: Number(match[3]), user: match[4]!, run: match[5]! }));
}

/**
 * On CI's two cores the ladder runs on the compiled examples (Go, C); CREATE_DOCKERFILE_LADDER=all adds
 * Node and Python, whose three installs each cost minutes there (the closing note's tables ran all four).
 */
const EXAMPLES = process.env.CREATE_DOCKERFILE_LADDER === 'all' ? ['hello-go', 'hello-c', 'hello-node', 'hello-python'] : ['hello-go', 'hello-c'];

describe.each(EXAMPLES)('%s', (example) => {
  test('each applicable step is written, built and run; sizes shrink or stay equal; root until step 5', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cdf-ladder-'));
    const dir = join(parent, example);
    cpSync(join(packageRoot, 'examples', example), dir, { recursive: true });
    try {
      const run = await runCli(['verify', dir, '--ladder', '--ca-cert', MACHINE_CA], { timeoutMs: 18 * 60_000 });
      expect([run.exitCode, run.exitCode === 0 ? '' : `${run.stdout}\n${run.stderr.slice(-3000)}`]).toEqual([0, '']);
      const rows = measuredRows(run.stdout);
      const written = readdirSync(join(dir, 'ladder')).sort();
      // Every row with numbers has its Dockerfile, but the hardened run, which reuses step 5's image.
      expect(rows.filter((row) => row.step !== 6).map((row) => written.find((file) => file.startsWith(`${row.step}-`)))).not.toContain(undefined);
      expect(rows.map((row) => row.step)).toEqual(expect.arrayContaining([1, 2, 4, 5, 6]));
      for (let index = 1; index < rows.length; index++) expect([rows[index]!.step, rows[index]!.mb <= rows[index - 1]!.mb]).toEqual([rows[index]!.step, true]);
      expect(rows.filter((row) => row.step <= 3).map((row) => row.user)).toEqual(rows.filter((row) => row.step <= 3).map(() => 'root'));
      expect(rows.filter((row) => row.step >= 5).map((row) => row.user)).toEqual(['65532:65532', '65532:65532']);
      expect(rows.map((row) => row.run)).toEqual(rows.map(() => 'runs'));
      expect(rows.at(-1)!.mb).toBeLessThan(rows[0]!.mb);
      // Each file begins by saying which step it is and what it changed.
      expect(readFileSync(join(dir, 'ladder', '1-single.Dockerfile'), 'utf8')).toMatch(/^# Ladder step 1 of 6: single stage\./);
      expect(existsSync(join(dir, 'ladder', '6-hardened.Dockerfile'))).toBe(false);
    } finally {
      removeDir(parent);
    }
  });
});
