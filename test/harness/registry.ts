import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { removeDir } from './project.js';

export interface LocalRegistry {
  /** `127.0.0.1:PORT`: the engine takes loopback registries over plain HTTP without configuration. */
  readonly host: string;
  readonly stop: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Debian's docker-registry (the distribution registry, as users run it), on loopback with its own
 * storage folder, for as long as a test needs it: images pushed there get the digests a pull from
 * Docker Hub would give them, which the stand-in bases built here never have.
 */
export async function startRegistry(fixedPort?: number): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'cdf-registry-'));
  const port = fixedPort ?? (await freePort());
  // A registry already answering there would pass for this one: the port must be free.
  if (
    fixedPort !== undefined &&
    (await fetch(`http://127.0.0.1:${port}/v2/`).then(
      () => true,
      () => false,
    ))
  )
    throw new Error(`127.0.0.1:${port} already answers: stop what serves there (another run's registry) first`);
  const config = join(dir, 'config.yml');
  writeFileSync(config, `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n`);
  const server: ResultPromise = execa('docker-registry', ['serve', config], { reject: false, all: true });
  const host = `127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const answered = await fetch(`http://${host}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (tries > 50 || server.exitCode !== null) {
      server.kill();
      throw new Error(`docker-registry did not answer on ${host}: ${String((await server).all ?? '')}`);
    }
    await sleep(100);
  }
  return {
    host,
    stop: async () => {
      server.kill();
      await server;
      removeDir(dir);
    },
  };
}
