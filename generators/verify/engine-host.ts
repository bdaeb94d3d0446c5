import { docker } from './docker.js';

/**
 * Where a published port can be reached: the engine's own host. A local engine (unix socket, npipe)
 * is this machine; a remote one (DOCKER_HOST=tcp://host:2376 or ssh://user@host, or a docker context
 * pointing there) publishes on that host.
 */
export async function engineHost(): Promise<{ host: string; local: boolean }> {
  const endpoint = process.env.DOCKER_HOST ?? (await contextEndpoint());
  return hostOf(endpoint);
}

export function hostOf(endpoint: string | undefined): { host: string; local: boolean } {
  if (!endpoint || /^(unix|npipe|fd):/.test(endpoint)) return { host: '127.0.0.1', local: true };
  try {
    const { hostname } = new URL(endpoint);
    if (!hostname || hostname === 'localhost' || hostname === '127.0.0.1') return { host: '127.0.0.1', local: true };
    return { host: hostname.replace(/^\[|\]$/g, ''), local: false };
  } catch {
    return { host: '127.0.0.1', local: true };
  }
}

async function contextEndpoint(): Promise<string | undefined> {
  const result = await docker(['context', 'inspect', '--format', '{{.Endpoints.docker.Host}}'], { reject: false });
  return result.exitCode === 0 ? String(result.stdout).trim() || undefined : undefined;
}
