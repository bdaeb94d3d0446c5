import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { copyFixture, removeDir } from '../test/harness/project.js';

/** The shapes `--verify --fix` corrects, as verify-fix.test.ts runs them. */
const SHAPES = [
  ['node', 'writes-static'],
  ['node', 'config-port'],
  ['node', 'api-key'],
  ['c', 'embed-page'],
  ['c', 'route-table'],
] as const;

export interface FixRow {
  readonly fixture: string;
  /** `--yes --verify`: one round, which fails. */
  readonly verifySeconds: number;
  /** `--yes --verify --fix`: the failing round, the regeneration and the passing round. */
  readonly fixSeconds: number;
  readonly fixOverVerify: number;
  readonly rounds: number;
  readonly applied: readonly string[];
  readonly passed: boolean;
}

function run(dir: string, flags: readonly string[]): { seconds: number; status: number; stderr: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin/create-dockerfile.cjs'), dir, '--yes', '--force', ...flags], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { seconds: (performance.now() - started) / 1000, status: result.status ?? -1, stderr: result.stderr };
}

/**
 * Each shape's plain --verify (warm: its base images and caches are those of the run just before it)
 * against --verify --fix on a fresh copy right after, so a noisy moment hits both; the ratio says what
 * the observe-and-correct loop costs over the verify it repeats.
 */
export function benchFix(): FixRow[] {
  return SHAPES.map(([language, fixture]) => {
    const plain = copyFixture(language, fixture);
    const fixing = copyFixture(language, fixture);
    try {
      run(plain, ['--verify']); // warms the base images and the build cache for both
      const verify = run(plain, ['--verify']);
      const fix = run(fixing, ['--verify', '--fix']);
      const applied = [...fix.stderr.matchAll(/--fix: regenerating with (.*)$/gm)].map((match) => match[1]!);
      return {
        fixture: `${language}/${fixture}`,
        verifySeconds: verify.seconds,
        fixSeconds: fix.seconds,
        fixOverVerify: fix.seconds / verify.seconds,
        rounds: applied.length + 1,
        applied,
        passed: fix.status === 0 && verify.status !== 0,
      };
    } finally {
      removeDir(dirname(plain));
      removeDir(dirname(fixing));
    }
  });
}
