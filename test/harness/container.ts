import { docker } from '../../generators/verify/docker.js';

export interface Running {
  readonly id: string;
  readonly url: string;
}

/** Starts the image detached with `port` published on a free loopback port. */
export async function startContainer(image: string, port: number, extra: readonly string[] = []): Promise<Running> {
  const id = String((await docker(['run', '-d', '-p', `127.0.0.1::${port}`, ...extra, image])).stdout).trim();
  const mapping = String((await docker(['port', id, `${port}/tcp`])).stdout)
    .split('\n')[0]!
    .trim();
  return { id, url: `http://${mapping}` };
}

/** GET with a bounded retry: a server needs a moment to bind, but one that never does must fail. */
export async function httpGet(url: string, attempts = 40, delayMs = 250): Promise<{ status: number; body: string }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  throw new Error(`no HTTP answer from ${url} after ${attempts} attempts: ${String(lastError)}`);
}

export async function containerLogs(id: string): Promise<string> {
  const result = await docker(['logs', id], { reject: false, all: true });
  return String(result.all);
}

/** Uids of the container's processes, as the host sees them; needs no tool inside the image. */
export async function processUids(id: string): Promise<string[]> {
  const top = String((await docker(['top', id, '-o', 'pid,uid'])).stdout)
    .trim()
    .split('\n')
    .slice(1);
  return top.map((line) => line.trim().split(/\s+/)[1]!);
}

export async function removeContainer(id: string): Promise<void> {
  await docker(['rm', '-f', id], { reject: false });
}

export async function removeImage(image: string): Promise<void> {
  await docker(['rmi', '-f', image], { reject: false });
}
