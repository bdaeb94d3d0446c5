import type { Message } from '../explain/messages.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import type { Runtime } from '../types.js';

const { message } = SHARED_MESSAGES;

/**
 * A HEALTHCHECK runs inside the container, so it needs a program there. scratch, distroless static
 * and cc and slim have no HTTP client, and a shell `curl` line would fail at every probe, so the
 * image says why it has none instead. Node and Python probe with their own runtime (see their plans).
 */
export function noHealthcheck(runtime: Runtime): Message {
  return runtime === 'slim' ? message('health.none.slim') : message('health.none.bare', { runtime });
}
