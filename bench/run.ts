import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { takeSnapshot } from '../generators/core/detect/snapshot.js';
import type { GenerationResult, Language } from '../generators/languages/registry.js';
import type { Runtime } from '../generators/core/types.js';
import { packageRoot } from '../generators/util/package-root.js';
import { docker, engineProblem, inspectImage } from '../generators/verify/docker.js';
import { ensureBase } from '../test/bases/ensure.js';
import { removeImage } from '../test/harness/container.js';
import { nodeIndependentFloor } from '../test/harness/floor.js';
import { compiledIndependentFloor } from '../test/harness/compiled-floor.js';
import { pythonIndependentFloor } from '../test/harness/python/floor.js';
import { copyFixture, removeDir, runCli } from '../test/harness/project.js';
import { caSecretArgs, MACHINE_CA } from '../test/harness/machine-ca.js';
import { mb, median, timed } from './measure.js';
import { startPythonIndex, usesLocalPackages, type PythonIndex } from '../test/harness/python-index.js';
import { startPrismaMirror, type PrismaMirror } from '../test/harness/prisma-mirror.js';

/** Fixtures whose modules come through the proxy. */
import { writeSyntheticTree } from './synthetic-tree.js';
import { benchFix } from './fix.js';
import { benchRegenerate } from './regenerate.js';
import { benchStartup } from './startup.js';
import { benchCompose } from './compose.js';
import { benchInstall } from './install-size.js';
import { benchLint } from './lint-speed.js';
import { PIPELINE } from '../generators/pipeline/index.js';
import { benchMembers } from './members.js';
import { benchShip } from './ship.js';
import { benchExplain, benchLadder } from './ladder.js';

/**
 * `npm run bench`: sizes against their floor, cold build against rebuild after a source-only edit,
 * and generation time, for every Go fixture; plus detection on a 100k-file tree. All ratios come
 * from one run on one machine, which is what makes them comparable on a noisy host.
 */

interface Row {
  language: string;
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

interface Case {
  readonly language: Language;
  readonly fixture: string;
  readonly runtime: Runtime;
  /** The source file a source-only edit touches. */
  readonly edit: string;
}

const CASES: readonly Case[] = [
  { language: 'go', fixture: 'lone-main', runtime: 'scratch', edit: 'http.go' },
  { language: 'go', fixture: 'lone-main', runtime: 'distroless', edit: 'http.go' },
  { language: 'go', fixture: 'stdlib-mod', runtime: 'scratch', edit: 'main.go' },
  { language: 'go', fixture: 'vendored', runtime: 'scratch', edit: 'main.go' },
  { language: 'go', fixture: 'two-mains', runtime: 'scratch', edit: 'cmd/api/main.go' },
  { language: 'go', fixture: 'gin-app', runtime: 'scratch', edit: 'main.go' },
  { language: 'go', fixture: 'echo-flag', runtime: 'scratch', edit: 'server.go' },
  { language: 'go', fixture: 'xnet-h2c', runtime: 'scratch', edit: 'cmd/server/main.go' },
  { language: 'go', fixture: 'gorm-sqlite', runtime: 'distroless', edit: 'main.go' },
  { language: 'go', fixture: 'data-folders', runtime: 'scratch', edit: 'main.go' },
  { language: 'go', fixture: 'gin-config', runtime: 'scratch', edit: 'main.go' },
  { language: 'node', fixture: 'express-app', runtime: 'distroless', edit: 'server.js' },
  { language: 'node', fixture: 'ts-app', runtime: 'distroless', edit: 'src/server.ts' },
  { language: 'node', fixture: 'pnpm-app', runtime: 'distroless', edit: 'index.js' },
  { language: 'node', fixture: 'yarn-app', runtime: 'distroless', edit: 'app.js' },
  { language: 'node', fixture: 'berry-app', runtime: 'distroless', edit: 'server.js' },
  { language: 'node', fixture: 'bun-app', runtime: 'distroless', edit: 'server.js' },
  { language: 'node', fixture: 'native-addon', runtime: 'distroless', edit: 'server.js' },
  { language: 'node', fixture: 'plain-main', runtime: 'distroless', edit: 'main.js' },
  { language: 'node', fixture: 'next-standalone', runtime: 'distroless', edit: 'app/api/whoami/route.js' },
  { language: 'node', fixture: 'next-start', runtime: 'distroless', edit: 'app/api/whoami/route.js' },
  { language: 'node', fixture: 'nest-app', runtime: 'distroless', edit: 'src/app.controller.ts' },
  { language: 'node', fixture: 'fastify-app', runtime: 'distroless', edit: 'routes/root.js' },
  { language: 'node', fixture: 'nuxt-app', runtime: 'distroless', edit: 'server/api/whoami.ts' },
  { language: 'node', fixture: 'react-router-app', runtime: 'distroless', edit: 'app/routes/whoami.ts' },
  { language: 'node', fixture: 'astro-node', runtime: 'distroless', edit: 'src/pages/api/whoami.js' },
  { language: 'node', fixture: 'sveltekit-node', runtime: 'distroless', edit: 'src/routes/whoami/+server.js' },
  { language: 'node', fixture: 'koa-app', runtime: 'distroless', edit: 'index.js' },
  { language: 'node', fixture: 'hono-app', runtime: 'distroless', edit: 'src/index.ts' },
  { language: 'node', fixture: 'prisma-app', runtime: 'distroless', edit: 'src/index.ts' },
  { language: 'node', fixture: 'vite-site', runtime: 'slim', edit: 'src/main.js' },
  { language: 'node', fixture: 'astro-static', runtime: 'slim', edit: 'src/pages/index.astro' },
  { language: 'c', fixture: 'hello', runtime: 'scratch', edit: 'hello.c' },
  { language: 'c', fixture: 'make-project', runtime: 'scratch', edit: 'greet.c' },
  { language: 'c', fixture: 'cmake-project', runtime: 'scratch', edit: 'main.c' },
  { language: 'c', fixture: 'zlib-dynamic', runtime: 'scratch', edit: 'main.c' },
  { language: 'c', fixture: 'zlib-dynamic', runtime: 'distroless', edit: 'main.c' },
  { language: 'c', fixture: 'tcp-server', runtime: 'scratch', edit: 'server.c' },
  { language: 'c', fixture: 'make-no-ldflags', runtime: 'scratch', edit: 'wordfreq.c' },
  { language: 'c', fixture: 'server-client', runtime: 'scratch', edit: 'server.c' },
  { language: 'c', fixture: 'cmake-curses', runtime: 'distroless', edit: 'src/main.c' },
  { language: 'c', fixture: 'htdocs-server', runtime: 'scratch', edit: 'server.c' },
  { language: 'c', fixture: 'autotools-quotes', runtime: 'scratch', edit: 'src/quotes.c' },
  { language: 'c', fixture: 'meson-wordfreq', runtime: 'distroless', edit: 'lib/wordfreq.c' },
  { language: 'python', fixture: 'stdlib-server', runtime: 'distroless', edit: 'main.py' },
  { language: 'python', fixture: 'requirements-app', runtime: 'distroless', edit: 'app.py' },
  { language: 'python', fixture: 'requirements-app', runtime: 'slim', edit: 'app.py' },
  { language: 'python', fixture: 'pyproject-app', runtime: 'distroless', edit: 'hello_cli/main.py' },
  { language: 'python', fixture: 'procfile-app', runtime: 'distroless', edit: 'app.py' },
  { language: 'python', fixture: 'compiled-app', runtime: 'distroless', edit: 'app.py' },
  { language: 'python', fixture: 'compiled-app', runtime: 'slim', edit: 'app.py' },
  { language: 'python', fixture: 'flask-factory', runtime: 'distroless', edit: 'flaskr/__init__.py' },
  { language: 'python', fixture: 'django-static', runtime: 'distroless', edit: 'polls/views.py' },
  { language: 'python', fixture: 'fastapi-package', runtime: 'distroless', edit: 'app/main.py' },
  { language: 'python', fixture: 'fastapi-package', runtime: 'slim', edit: 'app/main.py' },
  { language: 'python', fixture: 'procfile-release', runtime: 'slim', edit: 'microblog.py' },
  { language: 'python', fixture: 'pipenv-flask', runtime: 'distroless', edit: 'app.py' },
  { language: 'python', fixture: 'poetry-flask', runtime: 'distroless', edit: 'blog/__init__.py' },
  { language: 'python', fixture: 'pdm-starlette', runtime: 'slim', edit: 'src/pdm_starlette/app.py' },
  { language: 'python', fixture: 'uv-fastapi', runtime: 'distroless', edit: 'main.py' },
];

/** Python's dependencies come from the tests' own index (PyPI is unreachable), passed as build arguments. */
let pythonIndex: PythonIndex | undefined;

/** Prisma's engines come from the tests' stand-in mirror (binaries.prisma.sh is unreachable). */
let prismaMirror: PrismaMirror | undefined;

/** Go modules come from the tests' module proxy (proxy.golang.org is unreachable). */

/** The private index only for a project that installs its packages; every other one installs from PyPI. */
const buildArgs = (dir?: string): Record<string, string> => ({
  ...(dir !== undefined && usesLocalPackages(dir) ? pythonIndex?.buildArgs : {}),
  ...prismaMirror?.buildArgs,
});

/** A real code change, not a touch: a Go package must recompile, a TypeScript build must rerun. */
function sourceEdit(file: string): string {
  const stamp = Date.now();
  if (file.endsWith('.go')) return `\nvar benchEdit = "${stamp}"\n`;
  if (file.endsWith('.ts')) return `\nexport const benchEdit = ${stamp};\n`;
  if (file.endsWith('.c')) return `\nint bench_edit_${stamp} = 1;\n`;
  if (file.endsWith('.py')) return `\nBENCH_EDIT = ${stamp}\n`;
  if (/\.(astro|vue|svelte|html)$/.test(file)) return `\n<!-- bench edit ${stamp} -->\n`;
  return `\nglobalThis.benchEdit = ${stamp};\n`;
}

/** Cold: no build cache and no cache mounts; only the base images are present. */
async function coldBuild(dir: string, tag: string, dockerfile?: string): Promise<number> {
  await docker(['builder', 'prune', '-af']);
  return build(dir, tag, dockerfile);
}

async function build(dir: string, tag: string, dockerfile?: string): Promise<number> {
  const file = dockerfile ? ['-f', dockerfile] : [];
  const args = Object.entries(buildArgs(dir)).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
  const { seconds, value } = await timed(() => docker(['build', ...file, ...args, ...caSecretArgs(), '-t', tag, dir], { reject: false, all: true }));
  if (value.exitCode !== 0) throw new Error(`docker build ${dir} failed:\n${String(value.all).split('\n').slice(-20).join('\n')}`);
  return seconds;
}

async function benchCase({ language, fixture, runtime, edit }: Case): Promise<Row> {
  const dir = copyFixture(language, fixture);
  const tag = `cdf-bench-${fixture}:${runtime}`;
  try {
    // As a user of this machine runs it: the CA bundle its proxy needs, named by --ca-cert.
    const generation = await timed(() => runCli([dir, '--yes', '--runtime', runtime, '--ca-cert', MACHINE_CA]));
    if (generation.value.exitCode !== 0) throw new Error(`generation failed: ${generation.value.stderr}`);
    const { plan } = JSON.parse(String((await runCli([dir, '--json', '--runtime', runtime, '--ca-cert', MACHINE_CA])).stdout)) as GenerationResult;
    await ensureBase(plan.builderImage);
    await ensureBase(plan.runtimeImage);

    const coldSeconds = await coldBuild(dir, tag);
    appendFileSync(join(dir, edit), sourceEdit(edit));
    const rebuildSeconds = await build(dir, tag);

    const sizeBytes = (await inspectImage(tag)).Size;
    // Every floor is computed apart from the image it judges: what the app needs, installed or built on its own.
    const floor =
      plan.language === 'node'
        ? await nodeIndependentFloor(dir, plan, buildArgs(dir))
        : plan.language === 'python'
          ? await pythonIndependentFloor(dir, plan, buildArgs(dir))
          : await compiledIndependentFloor(dir, plan, buildArgs(dir));
    return {
      language,
      fixture,
      runtime,
      sizeBytes,
      floorBytes: floor.bytes,
      floorCounts: floor.parts.map((part) => `${part.name} ${part.bytes}`),
      sizeOverFloor: sizeBytes / floor.bytes,
      coldSeconds,
      rebuildSeconds,
      rebuildOverCold: rebuildSeconds / coldSeconds,
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
      PIPELINE.detect(snapshot, {});
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

/**
 * The comparison row: the Express fixture built cold with a Dockerfile that installs build-essential
 * whether or not anything needs it (bench/reference/), against ours, in the same run.
 */
async function benchReference(): Promise<{ fixture: string; dockerfile: string; coldSeconds: number; sizeBytes: number }> {
  const dir = copyFixture('node', 'express-app');
  const tag = 'cdf-bench-reference:build-essential';
  const dockerfile = join(packageRoot, 'bench/reference/node-build-essential.Dockerfile');
  try {
    await ensureBase('node:26-slim');
    const coldSeconds = await coldBuild(dir, tag, dockerfile);
    return { fixture: 'express-app', dockerfile: 'bench/reference/node-build-essential.Dockerfile', coldSeconds, sizeBytes: (await inspectImage(tag)).Size };
  } finally {
    await removeImage(tag);
    removeDir(dir);
  }
}

const only = process.argv.slice(2);
const wants = (part: string) => only.length === 0 || only.includes(part);
const rows: Row[] = [];
// A language runs all its rows; a fixture's name runs that fixture's rows alone.
const selected = CASES.filter((spec) => wants(spec.language) || only.includes(spec.fixture));
if (selected.some((spec) => spec.language === 'python')) pythonIndex = await startPythonIndex();
if (selected.some((spec) => spec.fixture === 'prisma-app')) prismaMirror = await startPrismaMirror();
for (const benchCaseSpec of selected) {
  process.stderr.write(`bench: ${benchCaseSpec.language} ${benchCaseSpec.fixture} on ${benchCaseSpec.runtime}\n`);
  rows.push(await benchCase(benchCaseSpec));
}
await pythonIndex?.close();
await prismaMirror?.close();
const reference = wants('node') ? await benchReference() : undefined;
const express = rows.find((row) => row.fixture === 'express-app');
const detection = benchDetection();
if (wants('startup')) process.stderr.write('bench: generation pair by pair against @flydotio/dockerfile\n');
const startup = wants('startup') ? benchStartup() : undefined;
if (wants('install')) process.stderr.write('bench: installing the packed tarball into an empty folder\n');
const install = wants('install') ? benchInstall() : undefined;
if (wants('lint')) process.stderr.write('bench: lint on generated 2 MB Dockerfiles\n');
const lint = wants('lint') ? benchLint() : undefined;
if (wants('fix')) process.stderr.write('bench: --verify against --verify --fix on the shapes --fix corrects\n');
const fixRows = wants('fix') ? benchFix() : undefined;
if (wants('regenerate')) process.stderr.write('bench: first --yes, a regeneration that merges an edit, and --check, per language\n');
const regenerateRows = wants('regenerate') ? benchRegenerate() : undefined;
if (wants('members')) process.stderr.write('bench: workspaces of 100, 1,000 and 5,000 members, --yes --dry-run\n');
const members = wants('members') ? benchMembers() : undefined;
if (wants('compose')) process.stderr.write('bench: compose up --build --wait of services/notes, cold then after an API edit\n');
const composeRow = wants('compose') ? await benchCompose() : undefined;
// `ship:stdlib-mod,express-app` limits the shipping part to those fixtures.
const shipArg = only.find((part) => part.startsWith('ship:'));
const wantsShip = wants('ship') || shipArg !== undefined;
if (wantsShip) process.stderr.write('bench: amd64 alone, amd64+arm64 cold, and amd64+arm64 from the registry cache, each on a fresh BuildKit\n');
const shipRows = wantsShip ? await benchShip(shipArg?.slice('ship:'.length).split(',')) : undefined;
if (wants('ladder')) process.stderr.write('bench: verify --ladder --report on the four bundled examples\n');
const ladderRows = wants('ladder') ? await benchLadder() : undefined;
if (wants('explain')) process.stderr.write('bench: explain --lang fr on the ten Dockerfiles written elsewhere\n');
const explainRow = wants('explain') ? await benchExplain() : undefined;

const header = ['language', 'fixture', 'runtime', 'size MB', 'floor MB', 'size/floor', 'cold s', 'rebuild s', 'rebuild/cold', 'generate s'];
const table = [
  header,
  ...rows.map((row) => [
    row.language,
    row.fixture,
    row.runtime,
    mb(row.sizeBytes),
    mb(row.floorBytes),
    row.sizeOverFloor.toFixed(3),
    row.coldSeconds.toFixed(1),
    row.rebuildSeconds.toFixed(1),
    row.rebuildOverCold.toFixed(3),
    row.generateSeconds.toFixed(2),
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
const format = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
const output = [
  format(table[0]!),
  `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
  ...table.slice(1).map(format),
  '',
  'floor counts:',
  ...rows.map((row) => `  ${row.fixture}/${row.runtime}: ${row.floorCounts.join(' + ')}`),
  ...(reference && express
    ? [
        '',
        `reference (${reference.dockerfile}, build-essential always): cold ${reference.coldSeconds.toFixed(1)} s, ${mb(reference.sizeBytes)} MB; express-app cold / reference cold = ${(express.coldSeconds / reference.coldSeconds).toFixed(3)}`,
      ]
    : []),
  '',
  `detection on a ${detection.files}-file tree (node_modules, .git, vendor pruned; ${detection.walked} files walked): median ${detection.medianMs.toFixed(0)} ms of ${detection.runsMs.length} runs`,
  ...(startup
    ? [
        '',
        `generation, ${startup.fixture}, whole process, ${startup.pairs} pairs: create-dockerfile --yes median ${median(startup.oursSeconds).toFixed(3)} s, @flydotio/dockerfile median ${median(startup.flySeconds).toFixed(3)} s; median of per-pair ratios ${startup.medianRatio.toFixed(3)} (target <= 0.5)`,
      ]
    : []),
  ...(install
    ? [
        '',
        `install of the packed tarball into an empty folder: ${install.packages} package(s), ${mb(install.installedBytes)} MB installed, tarball ${mb(install.tarballBytes)} MB, ${install.seconds.toFixed(1)} s`,
      ]
    : []),
  ...(lint
    ? [
        '',
        'lint, whole process, median of 3 (target about 1 s for 2 MB; linear input gives half/full about 0.5):',
        ...lint.map(
          (row) =>
            `  ${row.shape}: ${mb(row.bytes)} MB ${row.seconds.toFixed(2)} s, half size ${row.halfSeconds.toFixed(2)} s, half/full ${(row.halfSeconds / row.seconds).toFixed(3)}`,
        ),
      ]
    : []),
  ...(members
    ? [
        '',
        `workspace members, whole process --yes --dry-run, median of 3 (target: 5,000 under 5 s; linear gives 5,000/1,000 about 5): ${members
          .map((row) => `${row.members} ${row.seconds.toFixed(2)} s`)
          .join(', ')}; 5,000/1,000 ${(members.at(-1)!.seconds / members.at(-2)!.seconds).toFixed(2)}`,
      ]
    : []),
  ...(fixRows
    ? [
        '',
        '--verify --fix, whole process (the failing --verify round, then --fix on a fresh copy; base images and caches warm):',
        ...fixRows.map(
          (row) =>
            `  ${row.fixture}: --verify ${row.verifySeconds.toFixed(1)} s (fails), --fix ${row.fixSeconds.toFixed(1)} s in ${row.rounds} rounds (${row.applied.join(', ')}), fix/verify ${row.fixOverVerify.toFixed(2)}${row.passed ? '' : ' NOT CORRECTED'}`,
        ),
      ]
    : []),
  ...(regenerateRows
    ? [
        '',
        'living with the Dockerfile, whole process, median of 5 fresh copies (first --yes; --yes after an edit and a new --env: saved choices and three-way merge; --check):',
        ...regenerateRows.map(
          (row) =>
            `  ${row.fixture}: first ${row.firstSeconds.toFixed(2)} s, merge ${row.mergeSeconds.toFixed(2)} s (${row.mergeOverFirst.toFixed(2)}), check ${row.checkSeconds.toFixed(2)} s (${row.checkOverFirst.toFixed(2)}); .create-dockerfile.json ${row.stateBytes} bytes, ${row.stateOverDockerfile.toFixed(2)}x the Dockerfile`,
        ),
      ]
    : []),
  ...(composeRow
    ? [
        '',
        `compose, ${composeRow.fixture} (Node web, Go api, postgres:17, redis:8.0): up --build --wait cold ${composeRow.coldUpSeconds.toFixed(1)} s, after an API edit ${composeRow.rebuildUpSeconds.toFixed(1)} s (${(composeRow.rebuildUpSeconds / composeRow.coldUpSeconds).toFixed(3)}); first write-and-read answer ${composeRow.firstAnswerSeconds.toFixed(2)} s after up; images ${Object.entries(
          composeRow.images,
        )
          .map(([service, bytes]) => `${service} ${mb(bytes)} MB`)
          .join(', ')}`,
      ]
    : []),
  ...(shipRows
    ? [
        '',
        "shipping, the generated workflow's build step, each build on a fresh BuildKit daemon, pushed with SBOM and provenance to a loopback registry:",
        ...shipRows.map(
          (row) =>
            `  ${row.fixture} (${row.crossCompiles ? 'cross-compiled' : 'arm64 emulated'}): amd64 ${row.singleColdSeconds.toFixed(1)} s, amd64+arm64 ${row.multiColdSeconds.toFixed(1)} s (${row.multiOverSingle.toFixed(2)}x), amd64+arm64 from the registry cache ${row.multiCachedSeconds.toFixed(1)} s (cached/cold ${row.cachedOverCold.toFixed(3)})`,
        ),
      ]
    : []),
  ...(ladderRows
    ? [
        '',
        'the ladder, verify --ladder --report per bundled example (MB per step; - where a step does not apply; base images present):',
        ...ladderRows.map(
          (row) =>
            `  ${row.example}: ${row.stepsMb.map((value) => (value === undefined ? '-' : value.toFixed(2))).join(' → ')} MB; final/single ${row.finalOverSingle.toFixed(4)}${row.neverGrows ? '' : ' A STEP GREW'}; ${row.seconds.toFixed(1)} s; report ${row.reportBytes} bytes`,
        ),
      ]
    : []),
  ...(explainRow
    ? [
        '',
        `explain --lang fr, whole process, median of 3 (target under 1 s): ${explainRow.files} files, slowest ${explainRow.slowest} ${explainRow.slowestSeconds.toFixed(2)} s`,
      ]
    : []),
].join('\n');
process.stdout.write(output + '\n');

mkdirSync(join(packageRoot, 'bench'), { recursive: true });
const resultsFile = join(packageRoot, 'bench/results.json');
const measured = {
  measuredAt: new Date().toISOString(),
  docker: String((await docker(['version', '--format', '{{.Server.Version}}'])).stdout).trim(),
  rows,
  reference:
    reference && express ? { ...reference, oursColdSeconds: express.coldSeconds, coldOverReference: express.coldSeconds / reference.coldSeconds } : undefined,
  detection,
  startup,
  install,
  lint,
  members,
  fix: fixRows,
  regenerate: regenerateRows,
  compose: composeRow,
  ship: shipRows,
  ladder: ladderRows,
  explain: explainRow,
};
// A partial run (`npm run bench -- startup`) replaces only what it measured; each part keeps its own run's figures.
const previous = only.length > 0 && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
// Rows are kept per fixture and runtime: a run of one fixture replaces that fixture's rows only.
const previousRows = Array.isArray(previous.rows) ? (previous.rows as Row[]) : [];
const sameRow = (a: Row, b: Row) => a.fixture === b.fixture && a.runtime === b.runtime && a.language === b.language;
const mergedRows = [
  ...previousRows.map((row) => rows.find((fresh) => sameRow(fresh, row)) ?? row),
  ...rows.filter((fresh) => !previousRows.some((row) => sameRow(fresh, row))),
];
const kept =
  only.length > 0
    ? {
        ...previous,
        ...Object.fromEntries(Object.entries(measured).filter(([key, value]) => value !== undefined && !(key === 'rows' && rows.length === 0))),
        rows: mergedRows,
      }
    : measured;
writeFileSync(resultsFile, JSON.stringify(kept, null, 2) + '\n');
