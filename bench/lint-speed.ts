import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { median } from './measure.js';

export interface LintRow {
  readonly shape: string;
  readonly bytes: number;
  /** Whole-process median of the runs, seconds. */
  readonly seconds: number;
  /** The same shape at half the size, measured in the same run: linear input gives about 0.5. */
  readonly halfSeconds: number;
}

/** The shapes that used to be slow: many short lines, one huge continued RUN, and ARG/ENV-heavy stages with variables. */
const SHAPES: Record<string, (bytes: number) => string> = {
  'short RUN lines': (bytes) => {
    const lines = ['FROM debian:12.5'];
    for (let size = 0, index = 0; size < bytes; index++) size += lines[lines.push(`RUN echo line ${index}`) - 1]!.length + 1;
    return [...lines, 'USER 1000', 'CMD ["true"]', ''].join('\n');
  },
  'one continued RUN': (bytes) => {
    const parts = ['FROM debian:12.5', 'RUN true'];
    for (let size = 0, index = 0; size < bytes; index++) size += parts[parts.push(` \\\n && echo part ${index}`) - 1]!.length;
    return [parts[0], parts.slice(1).join(''), 'USER 1000', 'CMD ["true"]', ''].join('\n');
  },
  'ARG, ENV and variables': (bytes) => {
    const lines = ['FROM debian:12.5 AS build'];
    for (let size = 0, index = 0; size < bytes; index++) {
      const line = index % 2 === 0 ? `ARG A${index}=1` : `ENV V${index}=$A${index - 1}`;
      size += line.length + 1;
      lines.push(line);
    }
    return [...lines, 'USER 1000', 'CMD ["true"]', ''].join('\n');
  },
  // Tens of thousands of stages, each copying from the one before (2 MB is about 40,000): COPY --from looks back.
  'stages copying from the one before': (bytes) => {
    const lines = ['FROM debian:12.5 AS s0', 'WORKDIR /a'];
    for (let size = 0, index = 1; size < bytes; index++) {
      const stage = `FROM debian:12.5 AS s${index}\nCOPY --from=s${index - 1} /a /a`;
      size += stage.length + 1;
      lines.push(stage);
    }
    return [...lines, 'USER 1000', 'CMD ["true"]', ''].join('\n');
  },
};

function lintSeconds(file: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin/create-dockerfile.cjs'), 'lint', file], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`lint ${file} exited ${result.status}`);
  return (performance.now() - started) / 1000;
}

/** `create-dockerfile lint` on generated 2 MB Dockerfiles, whole process, against the same shape at 1 MB. */
export function benchLint(bytes = 2_000_000, runs = 3): LintRow[] {
  const work = mkdtempSync(join(tmpdir(), 'cdf-lint-'));
  try {
    return Object.entries(SHAPES).map(([shape, make]) => {
      const full = join(work, 'full.Dockerfile');
      const half = join(work, 'half.Dockerfile');
      const content = make(bytes);
      writeFileSync(full, content);
      writeFileSync(half, make(bytes / 2));
      const fullTimes: number[] = [];
      const halfTimes: number[] = [];
      // Pair by pair, alternating which size goes first, so a noisy moment hits both.
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? [half, full] : [full, half];
        for (const file of order) (file === full ? fullTimes : halfTimes).push(lintSeconds(file));
      }
      return { shape, bytes: Buffer.byteLength(content), seconds: median(fullTimes), halfSeconds: median(halfTimes) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
