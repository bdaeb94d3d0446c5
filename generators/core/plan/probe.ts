import type { Choices } from '../types.js';

/** The probe's path in the build stage, and in the runtime, where HEALTHCHECK runs it. */
export const PROBE = { source: '/tmp/probe/healthcheck', path: '/usr/local/bin/healthcheck' } as const;

/**
 * scratch and distroless have nothing to probe with. With --probe (on under --compose, whose
 * depends_on waits for healthy services) the build stage compiles a static C probe of a few hundred
 * kB from the template: it connects to the port, asks for /, and fails on no answer or a 5xx, as the
 * Node and Python probes do. A server that speaks no HTTP passes once it accepts the connection.
 */
export function probeHealthcheck(choices: Choices, port: number | undefined) {
  if (!choices.probe || port === undefined) return undefined;
  return { probe: PROBE, healthcheck: [PROBE.path, String(port)] };
}
