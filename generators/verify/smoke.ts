import { setTimeout as sleep } from 'node:timers/promises';
import { docker } from './docker.js';
import { engineHost } from './engine-host.js';
import type { Message } from '../core/explain/messages.js';
import { VERIFY_MESSAGES } from '../core/explain/verify-messages.js';

const say = VERIFY_MESSAGES.message;

export interface SmokeOutcome {
  readonly ok: boolean;
  /** One line for the report, said in its language: what answered, or what went wrong. */
  readonly summary: Message;
  /** The container's own output, shown when the check fails. */
  readonly logs: string;
}

export interface SmokeOptions {
  /** How long a server gets to answer, and a command to finish. */
  readonly timeoutMs?: number;
  /** More `docker run` flags, e.g. the hardened ones (--read-only --cap-drop ALL). */
  readonly runFlags?: readonly string[];
}

/**
 * A server is run detached with its port published, then probed over HTTP until it answers or the
 * time is up; any HTTP answer below 500 passes, because the check is "does it start", not "what
 * does / return", and so does a reply in another protocol. A container that stops before
 * answering fails at once, with its exit code.
 */
export async function smokeServer(image: string, port: number, options: SmokeOptions = {}): Promise<SmokeOutcome> {
  const { host, local } = await engineHost();
  // Locally, publish on loopback only: a verify run should not open a port to the network.
  const publish = local ? `127.0.0.1::${port}` : String(port);
  const started = await docker(['run', '--detach', ...(options.runFlags ?? []), '--publish', publish, image], { reject: false });
  if (started.exitCode !== 0)
    return { ok: false, summary: say('smoke.start.failed', { reason: firstLine(String(started.stderr)) }), logs: String(started.stderr) };
  const id = String(started.stdout).trim();
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    const mapped = await hostPort(id, port);
    let lastError = 'no answer';
    while (Date.now() < deadline) {
      const state = await containerState(id);
      if (!state.running) {
        return {
          ok: false,
          summary: say('smoke.exited', { code: state.exitCode, port }),
          logs: await containerLogs(id),
        };
      }
      if (mapped !== undefined) {
        // AbortSignal.timeout's timer does not keep the process alive, and a probe to a port whose
        // server is not up yet can leave nothing else that does: the run would end mid-probe. A
        // plain timer does keep it alive until the probe settles.
        const controller = new AbortController();
        const deadline = setTimeout(() => controller.abort(new Error('no answer within 2 s')), 2_000);
        try {
          const response = await fetch(`http://${host}:${mapped}/`, { signal: controller.signal });
          const body = firstLine(await response.text());
          if (response.status < 500)
            return {
              ok: true,
              summary: body
                ? say('smoke.http.body', { status: response.status, port, body: body.slice(0, 60) })
                : say('smoke.http', { status: response.status, port }),
              logs: await containerLogs(id),
            };
          lastError = `HTTP ${response.status}`;
        } catch (error) {
          // fetch reports the socket's own error (ECONNREFUSED, ECONNRESET) as its cause.
          const { cause, message } = error as Error & { cause?: Error & { code?: string } };
          // The HTTP parser's own refusal (HPE_*) means bytes came back that are not HTTP: the process
          // is up and answering on its port in a protocol of its own (SOCKS, SSH, a line protocol).
          // (Nothing listening behind docker's proxy gives a reset or a closed socket, never bytes.)
          if (cause?.code?.startsWith('HPE_')) return { ok: true, summary: say('smoke.tcp', { port }), logs: await containerLogs(id) };
          lastError = cause?.message ?? message;
        } finally {
          clearTimeout(deadline);
        }
      }
      await sleep(300);
    }
    return {
      ok: false,
      summary: say('smoke.silent', { port, seconds: Math.round((options.timeoutMs ?? 30_000) / 1000), error: lastError }),
      logs: await containerLogs(id),
    };
  } finally {
    await docker(['rm', '--force', id], { reject: false });
  }
}

/** A command runs to its end: it passes when it exits 0, and its output is what the report shows. */
export async function smokeCommand(image: string, options: SmokeOptions = {}): Promise<SmokeOutcome> {
  const name = `create-dockerfile-verify-${process.pid}-${Date.now()}`;
  const result = await docker(['run', '--name', name, ...(options.runFlags ?? []), image], { reject: false, all: true, timeout: options.timeoutMs ?? 30_000 });
  await docker(['rm', '--force', name], { reject: false });
  const output = String(result.all ?? '').trim();
  if (result.timedOut) return { ok: false, summary: say('smoke.running', { seconds: Math.round((options.timeoutMs ?? 30_000) / 1000) }), logs: output };
  if (result.exitCode !== 0) return { ok: false, summary: say('smoke.exit.code', { code: result.exitCode ?? '?' }), logs: output };
  return { ok: true, summary: output ? say('smoke.exit.zero.printing', { output: firstLine(output).slice(0, 60) }) : say('smoke.exit.zero'), logs: output };
}

async function hostPort(id: string, port: number): Promise<number | undefined> {
  const result = await docker(['port', id, `${port}/tcp`], { reject: false });
  const match = /:(\d+)\s*$/m.exec(String(result.stdout).split('\n')[0] ?? '');
  return match ? Number(match[1]) : undefined;
}

export async function containerState(id: string): Promise<{ running: boolean; exitCode: number }> {
  const result = await docker(['inspect', '--format', '{{.State.Running}} {{.State.ExitCode}}', id], { reject: false });
  const [running, exitCode] = String(result.stdout).trim().split(' ');
  return { running: running === 'true', exitCode: Number(exitCode ?? -1) };
}

export async function containerLogs(id: string, lines = 40): Promise<string> {
  const result = await docker(['logs', '--tail', String(lines), id], { reject: false, all: true });
  return String(result.all ?? '').trim();
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim() ?? '';
