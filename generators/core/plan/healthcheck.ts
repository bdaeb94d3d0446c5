import { message, type Message } from '../explain/messages.js';
import type { Runtime } from '../types.js';

/**
 * A HEALTHCHECK runs inside the container, so it needs a program there. Node images have one, node
 * itself, used in exec form with no shell; scratch, distroless static and slim have no HTTP client,
 * and a shell `curl` line would fail at every probe, so the image says why it has none instead.
 */
export function nodeHealthcheck(node: string, port: number): string[] {
  const probe = `require('http').get('http://127.0.0.1:${port}/', (r) => process.exit(r.statusCode < 500 ? 0 : 1)).on('error', () => process.exit(1))`;
  return [node, '-e', probe];
}

/** Python's standard library probes too, in one line; a refused connection raises, which exits 1. */
export function pythonHealthcheck(python: string, port: number): string[] {
  const probe = `import http.client, sys; c = http.client.HTTPConnection("127.0.0.1", ${port}, timeout=3); c.request("GET", "/"); sys.exit(c.getresponse().status >= 500)`;
  return [python, '-c', probe];
}

export function noHealthcheck(runtime: Runtime): Message {
  return runtime === 'slim' ? message('health.none.slim') : message('health.none.bare', { runtime });
}
