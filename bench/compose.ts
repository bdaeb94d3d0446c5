import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { docker, inspectImage } from '../generators/verify/docker.js';
import { copyFixture, removeDir, runCli } from '../test/harness/project.js';
import { ensureServiceBases } from '../test/harness/services.js';
import { MACHINE_CA } from '../test/harness/machine-ca.js';

export interface ComposeRow {
  readonly fixture: string;
  /** `docker compose up --build --wait` from an empty build cache, seconds. */
  readonly coldUpSeconds: number;
  /** The same after a source-only edit of one service, everything else cached. */
  readonly rebuildUpSeconds: number;
  /** Each built service's image, bytes. */
  readonly images: Readonly<Record<string, number>>;
  /** Until the API answered a request that wrote and read the database, after up returned, seconds. */
  readonly firstAnswerSeconds: number;
}

const DOCKER = process.env.DOCKER_BIN ?? 'docker';

/**
 * The multi-service fixture (Node front end, Go API, PostgreSQL, Redis), generated with --yes
 * --compose and brought up cold: how long `up --wait` takes, then after an edit of the API, and what
 * each service's image weighs. Everything it made is taken down with its volumes.
 */
export async function benchCompose(): Promise<ComposeRow> {
  const dir = copyFixture('services', 'notes');
  const project = `cdf-bench-${randomUUID().slice(0, 8)}`;
  const compose = (args: readonly string[]) =>
    execa(DOCKER, ['compose', '-p', project, ...args], { cwd: dir, reject: false, all: true, env: { DOCKER_BUILDKIT: '1' } });
  try {
    await ensureServiceBases(dir, ['--compose']);
    // As a user of this machine runs it: the CA bundle its proxy needs, named by --ca-cert.
    const generated = await runCli([dir, '--yes', '--compose', '--ca-cert', MACHINE_CA]);
    if (generated.exitCode !== 0) throw new Error(`create-dockerfile failed: ${generated.stderr}`);
    await docker(['builder', 'prune', '-af']);
    const up = async () => {
      const started = performance.now();
      const result = await compose(['up', '--build', '--wait', '--wait-timeout', '600']);
      if (result.exitCode !== 0) throw new Error(`compose up failed:\n${String(result.all).slice(-2000)}`);
      return (performance.now() - started) / 1000;
    };
    const coldUpSeconds = await up();
    const answered = performance.now();
    for (let attempt = 0; ; attempt++) {
      const response = await fetch('http://127.0.0.1:8080/notes?text=bench', { method: 'POST' }).catch(() => undefined);
      if (response?.status === 201) break;
      if (attempt > 100) throw new Error('the API never answered');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const firstAnswerSeconds = (performance.now() - answered) / 1000;
    const images: Record<string, number> = {};
    for (const service of ['api', 'web']) images[service] = (await inspectImage(`${project}-${service}`)).Size;
    appendFileSync(`${dir}/api/main.go`, `\nvar benchEdit = "${Date.now()}"\n`);
    const rebuildUpSeconds = await up();
    return { fixture: 'services/notes', coldUpSeconds, rebuildUpSeconds, images, firstAnswerSeconds };
  } finally {
    await compose(['down', '-v', '--rmi', 'local']);
    removeDir(dir);
  }
}
