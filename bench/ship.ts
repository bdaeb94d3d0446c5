import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBuildkit } from '../test/bases/buildkit.js';
import { BASES_REGISTRY, SHIP_REGISTRY, SHIP_REGISTRY_PORT } from '../test/bases/platform-bases.js';
import { copyFixture, removeDir, runCli } from '../test/harness/project.js';
import { startRegistry } from '../test/harness/registry.js';
import { MACHINE_CA } from '../test/harness/machine-ca.js';
import { BOTH, ensureShipBases, runWorkflowBuild, SHIP_CASES } from '../test/harness/ship.js';

export interface ShipRow {
  readonly fixture: string;
  /** Whether the build stage cross-compiles on the build machine's platform (Go, static C). */
  readonly crossCompiles: boolean;
  /** linux/amd64 alone, on a fresh builder: no cache of any kind. */
  readonly singleColdSeconds: number;
  /** linux/amd64 and linux/arm64 on a fresh builder, writing the registry cache. */
  readonly multiColdSeconds: number;
  /** The same on another fresh builder that reads the registry cache the cold build wrote. */
  readonly multiCachedSeconds: number;
  readonly multiOverSingle: number;
  readonly cachedOverCold: number;
}

let port = 1240;

/** One build by the generated workflow's own step on a builder of its own, removed afterwards. */
async function timedBuild(dir: string, image: string, platforms: string, tag: string): Promise<number> {
  const daemon = await startBuildkit(`cdf-bench-${port}`, port++, BASES_REGISTRY, [SHIP_REGISTRY]);
  try {
    const started = performance.now();
    const result = await runWorkflowBuild(dir, image, daemon.builder, [`${image}:${tag}`], true, platforms);
    if (result.exitCode !== 0) throw new Error(`bench ship: ${image} ${platforms} failed:\n${String(result.all).slice(-2000)}`);
    return (performance.now() - started) / 1000;
  } finally {
    await daemon.remove();
  }
}

/**
 * The cost of shipping, per language's listening fixture, each figure from fresh BuildKit daemons in
 * one run: amd64 alone against amd64 and arm64 (what emulation costs where the build is not cross),
 * and a second multi-platform build on a fresh daemon from the registry cache against the first.
 */
export async function benchShip(fixtures?: readonly string[]): Promise<ShipRow[]> {
  const registry = await startRegistry(SHIP_REGISTRY_PORT);
  const rows: ShipRow[] = [];
  try {
    for (const ship of SHIP_CASES.filter((item) => fixtures === undefined || fixtures.includes(item.fixture))) {
      const dir = copyFixture(ship.language, ship.fixture);
      try {
        // The machine's CA, as the integration tests pass it (its TLS-inspecting proxy), given by flag here.
        const generated = await runCli([dir, '--yes', '--ca-cert', MACHINE_CA, '--platform', BOTH, '--ci', 'github', ...ship.flags]);
        if (generated.exitCode !== 0) throw new Error(`bench ship: generating ${ship.fixture} failed: ${generated.stderr}`);
        const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
        await ensureShipBases(dockerfile);
        const image = `${registry.host}/bench-${ship.fixture}`;
        const singleColdSeconds = await timedBuild(dir, `${image}-single`, 'linux/amd64', '1');
        const multiColdSeconds = await timedBuild(dir, image, BOTH, '1');
        const multiCachedSeconds = await timedBuild(dir, image, BOTH, '2');
        rows.push({
          fixture: ship.fixture,
          crossCompiles: /^FROM --platform=\$BUILDPLATFORM /m.test(dockerfile),
          singleColdSeconds,
          multiColdSeconds,
          multiCachedSeconds,
          multiOverSingle: multiColdSeconds / singleColdSeconds,
          cachedOverCold: multiCachedSeconds / multiColdSeconds,
        });
      } finally {
        removeDir(dir);
      }
    }
  } finally {
    await registry.stop();
  }
  return rows;
}
