import { setTimeout as sleep } from 'node:timers/promises';
import { docker } from './docker.js';
import { parseProcNet, type Listener } from './observations.js';
import { containerLogs, containerState } from './smoke.js';

export interface RunObserved {
  readonly listeners: readonly Listener[];
  readonly running: boolean;
  readonly exitCode: number;
  readonly logs: string;
}

/** Long enough for an interpreter to import its framework and bind; a server that takes longer still gets the smoke test's 30 s. */
const SETTLE_MS = 12_000;
const POLL_MS = 500;

/**
 * Runs the image detached, with no port published, and reads the sockets it listens on from its own
 * network namespace: another container joins it (`--network container:ID`) and prints
 * /proc/net/tcp and tcp6, whatever the language and whether or not the image has a shell. The helper
 * is the build stage's base, which the build has just pulled. Stops once the set of listeners holds
 * still for a poll, or the process exits, or SETTLE_MS pass.
 */
export async function observeRun(image: string, helperImage: string): Promise<RunObserved> {
  const started = await docker(['run', '--detach', image], { reject: false });
  if (started.exitCode !== 0) return { listeners: [], running: false, exitCode: -1, logs: String(started.stderr) };
  const id = String(started.stdout).trim();
  try {
    const deadline = Date.now() + SETTLE_MS;
    let listeners: Listener[] = [];
    let running = true;
    let exitCode = 0;
    while (Date.now() < deadline) {
      ({ running, exitCode } = await containerState(id));
      if (!running) break;
      const net = await docker(['run', '--rm', '--network', `container:${id}`, '--entrypoint', 'cat', helperImage, '/proc/net/tcp', '/proc/net/tcp6'], {
        reject: false,
      });
      const now = parseProcNet(String(net.stdout));
      if (now.length > 0 && sameListeners(now, listeners)) break;
      listeners = now;
      await sleep(POLL_MS);
    }
    return { listeners, running, exitCode, logs: await containerLogs(id, 60) };
  } finally {
    await docker(['rm', '--force', id], { reject: false });
  }
}

const sameListeners = (a: readonly Listener[], b: readonly Listener[]) =>
  a.length === b.length && a.every((listener, index) => listener.port === b[index]!.port && listener.loopback === b[index]!.loopback);
