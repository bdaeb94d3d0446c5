import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../generators/util/package-root.js';
import { MACHINE_CA } from '../test/harness/machine-ca.js';
import { removeDir, runCli } from '../test/harness/project.js';
import { median } from './measure.js';

export interface LadderBenchRow {
  readonly example: string;
  /** MB per step as the table printed it; undefined for a step that does not apply. */
  readonly stepsMb: readonly (number | undefined)[];
  /** The final image (step 6) against the single-stage one (step 1): what the course buys. */
  readonly finalOverSingle: number;
  /** Whether no step grew the image. */
  readonly neverGrows: boolean;
  /** The whole `verify --ladder --report`, base images present, build cache warm from earlier runs. */
  readonly seconds: number;
  readonly reportBytes: number;
}

export interface ExplainBenchRow {
  readonly files: number;
  /** Whole process, median of 3, the slowest file: `explain FILE --lang fr`. */
  readonly slowestSeconds: number;
  readonly slowest: string;
}

const EXAMPLES = ['hello-go', 'hello-c', 'hello-node', 'hello-python'];

/** A measured row of the ladder's table: step number and size. */
const stepSize = (line: string) => /^(\d) .+? {2,}(\d+\.\d\d) +\d+ /.exec(line);

/** `verify --ladder` on each bundled example: the sizes step by step, and what the whole run costs. */
export async function benchLadder(): Promise<LadderBenchRow[]> {
  const rows: LadderBenchRow[] = [];
  for (const example of EXAMPLES) {
    const parent = mkdtempSync(join(tmpdir(), 'cdf-bench-ladder-'));
    const dir = join(parent, example);
    cpSync(join(packageRoot, 'examples', example), dir, { recursive: true });
    try {
      const report = join(parent, 'report.html');
      const started = performance.now();
      const run = await runCli(['verify', dir, '--ladder', '--report', report, '--ca-cert', MACHINE_CA], { timeoutMs: 30 * 60_000 });
      const seconds = (performance.now() - started) / 1000;
      if (run.exitCode !== 0) throw new Error(`bench ladder: ${example} failed:\n${run.stdout}\n${String(run.stderr).slice(-2000)}`);
      // The table as the CLI printed it, for the record beside the figures.
      process.stderr.write(`${run.stdout}\n`);
      const sizes = new Map(
        String(run.stdout)
          .split('\n')
          .map(stepSize)
          .filter((match): match is RegExpExecArray => match !== null)
          .map((match) => [Number(match[1]), Number(match[2])]),
      );
      const stepsMb = [1, 2, 3, 4, 5, 6].map((step) => sizes.get(step));
      const measured = stepsMb.filter((value): value is number => value !== undefined);
      rows.push({
        example,
        stepsMb,
        finalOverSingle: measured.at(-1)! / measured[0]!,
        neverGrows: measured.every((value, index) => index === 0 || value <= measured[index - 1]!),
        seconds,
        reportBytes: statSync(report).size,
      });
    } finally {
      removeDir(parent);
    }
  }
  return rows;
}

/** `explain` on the ten Dockerfiles written elsewhere (test/fixtures/explain), whole process. */
export async function benchExplain(): Promise<ExplainBenchRow> {
  const folder = join(packageRoot, 'test/fixtures/explain');
  const files = readdirSync(folder).filter((file) => file.endsWith('.Dockerfile'));
  let slowest = { file: '', seconds: 0 };
  for (const file of files) {
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const run = await runCli(['explain', join(folder, file), '--lang', 'fr']);
      times.push((performance.now() - started) / 1000);
      if (run.exitCode !== 0) throw new Error(`bench explain: ${file} failed: ${run.stderr}`);
    }
    const seconds = median(times);
    if (seconds > slowest.seconds) slowest = { file, seconds };
  }
  return { files: files.length, slowestSeconds: slowest.seconds, slowest: slowest.file };
}
