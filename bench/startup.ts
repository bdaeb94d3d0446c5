import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { copyFixture, removeDir } from '../test/harness/project.js';
import { median } from './measure.js';

/** @flydotio/dockerfile's bin, from its devDependency install. */
const flyBin = () => join(dirname(createRequire(join(packageRoot, 'package.json')).resolve('@flydotio/dockerfile/package.json')), 'index.js');

export interface StartupRow {
  readonly fixture: string;
  readonly pairs: number;
  /** Whole-process wall times, seconds, in the order they ran. */
  readonly oursSeconds: number[];
  readonly flySeconds: number[];
  /** Ours over theirs, per pair; the row's figure is their median. */
  readonly ratios: number[];
  readonly medianRatio: number;
}

/** One whole process, from spawn to exit, on a fresh copy of the fixture. */
function wallTime(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status} in ${cwd}`);
  return seconds;
}

/**
 * `create-dockerfile --yes` against `@flydotio/dockerfile` on the same Express app, pair by pair:
 * each pair runs both tools back to back (alternating which goes first) on fresh copies, so a noisy
 * moment of the machine hits both. The figure is the median of the per-pair ratios.
 */
export function benchStartup(pairs = 21): StartupRow {
  const oursSeconds: number[] = [];
  const flySeconds: number[] = [];
  const ratios: number[] = [];
  const bin = join(packageRoot, 'bin/create-dockerfile.cjs');
  for (let pair = 0; pair < pairs; pair++) {
    const mine = copyFixture('node', 'express-app');
    const theirs = copyFixture('node', 'express-app');
    try {
      const runOurs = () => wallTime(process.execPath, [bin, mine, '--yes'], mine);
      const runTheirs = () => wallTime(process.execPath, [flyBin()], theirs);
      let ours: number;
      let fly: number;
      if (pair % 2 === 0) {
        ours = runOurs();
        fly = runTheirs();
      } else {
        fly = runTheirs();
        ours = runOurs();
      }
      oursSeconds.push(ours);
      flySeconds.push(fly);
      ratios.push(ours / fly);
    } finally {
      removeDir(dirname(mine));
      removeDir(dirname(theirs));
    }
  }
  return { fixture: 'express-app', pairs, oursSeconds, flySeconds, ratios, medianRatio: median(ratios) };
}
