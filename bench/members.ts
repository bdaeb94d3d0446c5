import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { median } from './measure.js';

export interface MembersRow {
  readonly members: number;
  /** Whole-process `--yes --dry-run` over the workspace, median of the runs, seconds. */
  readonly seconds: number;
}

/** An npm workspace of `count` members, each a small server with a start script, as `packages/*` globs it. */
function workspace(dir: string, count: number): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'root', lockfileVersion: 3, packages: {} }));
  for (let index = 0; index < count; index++) {
    const member = join(dir, 'packages', `m${index}`);
    mkdirSync(member, { recursive: true });
    writeFileSync(join(member, 'package.json'), JSON.stringify({ name: `m${index}`, scripts: { start: 'node server.js' } }));
    writeFileSync(join(member, 'server.js'), "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n");
  }
}

/**
 * Every member of a workspace found, generated and rendered (one Dockerfile each): linear in the
 * member count gives seconds(5,000) / seconds(1,000) near 5 (it was quadratic: 400 members 10.8 s).
 */
export function benchMembers(counts = [100, 1_000, 5_000], runs = 3): MembersRow[] {
  const work = mkdtempSync(join(tmpdir(), 'cdf-members-'));
  try {
    return counts.map((members) => {
      const dir = join(work, String(members));
      mkdirSync(dir);
      workspace(dir, members);
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const result = spawnSync(process.execPath, [join(packageRoot, 'bin/create-dockerfile.cjs'), dir, '--yes', '--dry-run'], { stdio: 'ignore' });
        if (result.status !== 0) throw new Error(`${members} members: exited ${result.status}`);
        times.push((performance.now() - started) / 1000);
      }
      return { members, seconds: median(times) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
