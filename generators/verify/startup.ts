import { docker } from './docker.js';

/** How an image starts: what runs as PID 1 (the exec-form program, or a shell) and its declared health check. */
export interface Startup {
  readonly pid1: string;
  readonly healthcheck: string;
}

/** Whether a config's User runs as root: none set, root or uid 0, with or without a group. */
export const runsAsRoot = (user: string | undefined) => /^(root|0)?(:.*)?$/.test(user ?? '');

/** Read from the image's config (docker image inspect): Entrypoint then Cmd, and Healthcheck's test. */
export async function startup(image: string): Promise<Startup> {
  const inspected = await docker(['image', 'inspect', '--format', '{{json .Config.Entrypoint}}\t{{json .Config.Cmd}}\t{{json .Config.Healthcheck}}', image]);
  const [entrypoint, cmd, health] = String(inspected.stdout)
    .trim()
    .split('\t')
    .map((part) => JSON.parse(part) as unknown);
  const argv = [...((entrypoint as string[] | null) ?? []), ...((cmd as string[] | null) ?? [])];
  const healthTest = (health as { Test?: string[] } | null)?.Test ?? [];
  return { pid1: argv.join(' '), healthcheck: healthTest.length === 0 ? '' : healthTest.slice(1).join(' ') };
}
