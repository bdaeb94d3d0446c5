import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { detectFacts } from '../../generators/core/pipeline.js';
import type { GenerationResult, Runtime } from '../../generators/core/types.js';
import { packageRoot } from '../../generators/util/package-root.js';
import { docker, engineProblem, inspectImage } from '../../generators/verify/docker.js';
import { ensureBase } from '../harness/bases.js';
import { removeImage } from '../harness/container.js';
import { goFloor } from '../harness/floor.js';
import { copyFixture, removeDir, runCli } from '../harness/project.js';
import { mb, median, timed } from './measure.js';
import { writeSyntheticTree } from './synthetic-tree.js';

/**
 * `npm run bench`: sizes against their floor, cold build against rebuild after a source-only edit,
 * and generation time, for every Go fixture; plus detection on a 100k-file tree. All ratios come
 * from one run on one machine, which is what makes them comparable on a noisy host.
 */

interface Row {
  fixture: string;
  runtime: Runtime;
  sizeBytes: number;
  floorBytes: number;
  floorCounts: string[];
  sizeOverFloor: number;
  coldSeconds: number;
  rebuildSeconds: number;
  rebuildOverCold: number;
  generateSeconds: number;
}

const CASES: readonly { fixture: string; runtime: Runtime; edit: string }[] = [
  { fixture: 'lone-main', runtime: 'scratch', edit: 'http.go' },
  { fixture: 'lone-main', runtime: 'distroless', edit: 'http.go' },
  { fixture: 'stdlib-mod', runtime: 'scratch', edit: 'main.go' },
  { fixture: 'vendored', runtime: 'scratch', edit: 'main.go' },
  { fixture: 'two-mains', runtime: 'scratch', edit: 'cmd/api/main.go' },
];

async function build(dir: string, tag: string): Promise<number> {
  const { seconds, value } = await timed(() => docker(['build', '-t', tag, dir], { reject: false, all: true }));
  if (value.exitCode !== 0) throw new Error(`docker build ${dir} failed:\n${String(value.all).split('\n').slice(-20).join('\n')}`);
  return seconds;
}

async function benchCase(fixture: string, runtime: Runtime, edit: string): Promise<Row> {
  const dir = copyFixture('go', fixture);
  const tag = `cdf-bench-${fixture}:${runtime}`;
  try {
    const generation = await timed(() => runCli([dir, '--yes', '--runtime', runtime]));
    if (generation.value.exitCode !== 0) throw new Error(`generation failed: ${generation.value.stderr}`);
    const { plan } = JSON.parse(String((await runCli([dir, '--json', '--runtime', runtime])).stdout)) as GenerationResult;
    await ensureBase(plan.builderImage);
    await ensureBase(plan.runtimeImage);

    // Cold: no build cache and no cache mounts; only the base images are present.
    await docker(['builder', 'prune', '-af']);
    const coldSeconds = await build(dir, tag);
    // A real code edit, not a touch: the package must recompile and relink.
    appendFileSync(join(dir, edit), `\nvar benchEdit = "${Date.now()}"\n`);
    const rebuildSeconds = await build(dir, tag);

    const sizeBytes = (await inspectImage(tag)).Size;
    const floor = await goFloor(tag, plan);
    return {
      fixture, runtime, sizeBytes, floorBytes: floor.bytes,
      floorCounts: floor.parts.map((part) => `${part.name} ${part.bytes}`),
      sizeOverFloor: sizeBytes / floor.bytes,
      coldSeconds, rebuildSeconds, rebuildOverCold: rebuildSeconds / coldSeconds,
      generateSeconds: generation.seconds,
    };
  } finally {
    await removeImage(tag);
    removeDir(dir);
  }
}

function benchDetection(): { files: number; walked: number; medianMs: number; runsMs: number[] } {
  const root = mkdtempSync(join(tmpdir(), 'cdf-tree-'));
  try {
    const tree = writeSyntheticTree(root);
    const runsMs: number[] = [];
    let walked = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const snapshot = takeSnapshot(root);
      detectFacts(snapshot, {});
      runsMs.push(performance.now() - started);
      walked = snapshot.files.length;
    }
    return { files: tree.total, walked, medianMs: median(runsMs), runsMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const problem = await engineProblem();
if (problem) {
  process.stderr.write(`bench: ${problem}\n`);
  process.exit(1);
}

const rows: Row[] = [];
for (const { fixture, runtime, edit } of CASES) {
  process.stderr.write(`bench: ${fixture} on ${runtime}\n`);
  rows.push(await benchCase(fixture, runtime, edit));
}
const detection = benchDetection();

const header = ['fixture', 'runtime', 'size MB', 'floor MB', 'size/floor', 'cold s', 'rebuild s', 'rebuild/cold', 'generate s'];
const table = [header, ...rows.map((row) => [
  row.fixture, row.runtime, mb(row.sizeBytes), mb(row.floorBytes), row.sizeOverFloor.toFixed(3),
  row.coldSeconds.toFixed(1), row.rebuildSeconds.toFixed(1), row.rebuildOverCold.toFixed(3), row.generateSeconds.toFixed(2),
])];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
const format = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
const output = [
  format(table[0]!),
  `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
  ...table.slice(1).map(format),
  '',
  'floor counts:',
  ...rows.map((row) => `  ${row.fixture}/${row.runtime}: ${row.floorCounts.join(' + ')}`),
  '',
  `detection on a ${detection.files}-file tree (node_modules, .git, vendor pruned; ${detection.walked} files walked): median ${detection.medianMs.toFixed(0)} ms of ${detection.runsMs.length} runs`,
].join('\n');
process.stdout.write(output + '\n');

mkdirSync(join(packageRoot, 'bench'), { recursive: true });
writeFileSync(
  join(packageRoot, 'bench/results.json'),
  JSON.stringify({ measuredAt: new Date().toISOString(), docker: String((await docker(['version', '--format', '{{.Server.Version}}'])).stdout).trim(), rows, detection }, null, 2) + '\n',
);
