import { port as checkPort } from '../render/quote.js';
import type { Message } from '../explain/messages.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import type { Runtime } from '../types.js';

const { message } = SHARED_MESSAGES;

export interface RuntimeChoice {
  readonly runtime: Runtime;
  readonly reason: Message;
}

/**
 * The detected runtime, unless the user asked for another. Each language refuses the runtimes it
 * cannot run on before calling this, so what reaches here is always buildable.
 */
export function preferRequested(detected: RuntimeChoice, requested?: Runtime): RuntimeChoice {
  if (!requested || requested === detected.runtime) return detected;
  return { runtime: requested, reason: message('reason.chosen', { requested, detected: detected.runtime }) };
}

/**
 * --port, else the port the code names; a server that names none gets `fallback` and a note saying so.
 * Whatever the source, the result is a valid TCP port or undefined (a command, not a server).
 */
export function resolvePort(
  requested: number | undefined,
  detected: number | undefined,
  listens: boolean,
  notes: Message[],
  fallback?: number,
): number | undefined {
  let port = requested ?? detected;
  if (port === undefined && listens && fallback !== undefined) {
    port = fallback;
    notes.push(SHARED_MESSAGES.message('note.port-guess', { port: fallback }));
  }
  return port === undefined ? undefined : checkPort(port);
}
