import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { copyFixture, removeDir } from '../test/harness/project.js';
import { median } from './measure.js';

/** One listening fixture per language, as the living-dockerfile tests use them. */
const FIXTURES = [
  ['go', 'lone-main'],
  ['node', 'express-app'],
  ['python', 'flask-gunicorn'],
  ['c', 'tcp-server'],
] as const;

export interface RegenerateRow {
  readonly fixture: string;
  /** A first `--yes` run on a project with no saved state. */
  readonly firstSeconds: number;
  /** `--yes` again after the user edited the Dockerfile and a flag changed: saved choices read, three-way merge. */
  readonly mergeSeconds: number;
  /** `--check` in step. */
  readonly checkSeconds: number;
  readonly mergeOverFirst: number;
  readonly checkOverFirst: number;
  /** .create-dockerfile.json against the Dockerfile it records (it holds the generated files too). */
  readonly stateBytes: number;
  readonly stateOverDockerfile: number;
}

function cli(dir: string, flags: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin/create-dockerfile.cjs'), dir, ...flags], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status !== 0 && !flags.includes('--check')) throw new Error(`bench regenerate: ${flags.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * What living with the Dockerfile costs: five rounds per fixture, each on a fresh copy, the three
 * runs back to back so that one noisy moment hits all of them; medians, then ratios to the first run.
 */
export function benchRegenerate(): RegenerateRow[] {
  return FIXTURES.map(([language, fixture]) => {
    const first: number[] = [];
    const merge: number[] = [];
    const check: number[] = [];
    let stateBytes = 0;
    let dockerfileBytes = 1;
    for (let round = 0; round < 5; round++) {
      const dir = copyFixture(language, fixture);
      try {
        first.push(cli(dir, ['--yes', '--no-ca-cert']));
        const dockerfile = join(dir, 'Dockerfile');
        writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace(/^(FROM \S+ AS runtime)$/m, '$1\nLABEL org.example.bench="kept"'));
        merge.push(cli(dir, ['--yes', '--env', 'BENCH=1']));
        check.push(cli(dir, ['--check']));
        stateBytes = statSync(join(dir, '.create-dockerfile.json')).size;
        dockerfileBytes = statSync(dockerfile).size;
      } finally {
        removeDir(dirname(dir));
      }
    }
    const [firstSeconds, mergeSeconds, checkSeconds] = [median(first), median(merge), median(check)];
    return {
      fixture: `${language}/${fixture}`,
      firstSeconds,
      mergeSeconds,
      checkSeconds,
      mergeOverFirst: mergeSeconds / firstSeconds,
      checkOverFirst: checkSeconds / firstSeconds,
      stateBytes,
      stateOverDockerfile: stateBytes / dockerfileBytes,
    };
  });
}
