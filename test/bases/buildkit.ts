import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { docker } from '../../generators/verify/docker.js';
import { ensureBase } from './ensure.js';
import { BUILDKIT_IMAGE } from './recipes.js';

/**
 * BuildKit as teams run it beside their engine: buildkitd in a container of its own, reached by
 * buildx's `remote` driver over TCP with mutual TLS, as a second machine would be. (buildx's
 * docker-container driver starts the same daemon as a privileged container, which this machine's
 * sandbox refuses: its bounding set lacks CAP_SYS_RESOURCE, so "all capabilities" cannot be granted.
 * The daemon here gets every capability but that one.) Upstream names in FROM reach the stand-in
 * bases through registry mirrors, as a company mirror would serve them.
 */
export interface BuildkitDaemon {
  /** The buildx builder's name: `docker buildx build --builder NAME`, `docker buildx bake --builder NAME`. */
  readonly builder: string;
  readonly container: string;
  /** `tcp://127.0.0.1:PORT` */
  readonly address: string;
  /** The client's TLS files, as `buildx create --driver-opt` takes them. */
  readonly tls: { readonly cacert: string; readonly cert: string; readonly key: string };
  /** Removes the builder, the container and its state (its cache with it). */
  readonly remove: () => Promise<void>;
}

const STATE = process.env.CREATE_DOCKERFILE_BUILDKIT_STATE ?? '/var/lib/create-dockerfile/buildkit';

/** Mirrors for every registry a generated FROM names, to the registry that holds the stand-ins for each platform. */
function buildkitdConfig(basesRegistry: string, httpRegistries: readonly string[]): string {
  const mirror = (registry: string) => `[registry."${registry}"]\n  mirrors = ["${basesRegistry}"]\n`;
  const http = (registry: string) => `[registry."${registry}"]\n  http = true\n`;
  return [...['docker.io', 'gcr.io', 'ghcr.io'].map(mirror), ...[basesRegistry, ...httpRegistries].map(http)].join('');
}

/** A CA, the daemon's certificate for 127.0.0.1, and the client's, made with openssl the first time. */
async function certificates(dir: string): Promise<{ ca: string; server: string; serverKey: string; client: string; clientKey: string }> {
  const files = {
    ca: join(dir, 'ca.pem'),
    server: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
    client: join(dir, 'client.pem'),
    clientKey: join(dir, 'client-key.pem'),
  };
  if (Object.values(files).every((file) => existsSync(file))) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const openssl = (args: string[]) => execa('openssl', args, { cwd: dir, stdout: 'ignore', stderr: 'pipe' });
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '30',
    '-subj',
    '/CN=create-dockerfile test CA',
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
  ]);
  for (const [name, subject, extension] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'],
    ['client', '/CN=buildx', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), `${extension}\n`);
    await openssl([
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      subject,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.csr`,
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '30',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ]);
  }
  return files;
}

const running = async (container: string) =>
  String((await docker(['inspect', '--format', '{{.State.Running}}', container], { reject: false })).stdout).trim() === 'true';

/**
 * Starts (or finds running) buildkitd in container `name` on 127.0.0.1:`port`, and the buildx builder
 * of the same name that reaches it with TLS. The daemon's state is a volume of the same name. It pulls
 * and pushes over plain HTTP from the bases registry and from `httpRegistries` (loopback test registries).
 */
export async function startBuildkit(name: string, port: number, basesRegistry: string, httpRegistries: readonly string[] = []): Promise<BuildkitDaemon> {
  await ensureBase(BUILDKIT_IMAGE);
  const dir = join(STATE, name);
  const certs = await certificates(join(dir, 'certs'));
  const config = join(dir, 'buildkitd.toml');
  const wanted = buildkitdConfig(basesRegistry, httpRegistries);
  const changed = !existsSync(config) || readFileSync(config, 'utf8') !== wanted;
  writeFileSync(config, wanted);
  const address = `tcp://127.0.0.1:${port}`;
  // buildkitd reads its config once: a daemon started with another one is started again.
  if (changed || !(await running(name))) {
    await docker(['rm', '-f', name], { reject: false });
    await docker([
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      '--cap-add',
      'ALL',
      '--cap-drop',
      'SYS_RESOURCE',
      '--security-opt',
      'seccomp=unconfined',
      '--security-opt',
      'apparmor=unconfined',
      '--security-opt',
      'systempaths=unconfined',
      // runc puts each RUN step in a cgroup of its own: the hierarchy must be writable, as --privileged would make it.
      '-v',
      '/sys/fs/cgroup:/sys/fs/cgroup:rw',
      '-v',
      `${name}:/var/lib/buildkit`,
      '-v',
      `${config}:/etc/buildkit/buildkitd.toml:ro`,
      '-v',
      `${join(dir, 'certs')}:/certs:ro`,
      BUILDKIT_IMAGE,
      '--addr',
      address,
      '--tlscacert',
      '/certs/ca.pem',
      '--tlscert',
      '/certs/server.pem',
      '--tlskey',
      '/certs/server-key.pem',
    ]);
  }
  const tls = { cacert: certs.ca, cert: certs.client, key: certs.clientKey };
  await docker(['buildx', 'rm', name], { reject: false });
  await docker([
    'buildx',
    'create',
    '--name',
    name,
    '--driver',
    'remote',
    '--driver-opt',
    `cacert=${tls.cacert},cert=${tls.cert},key=${tls.key},servername=127.0.0.1`,
    address,
  ]);
  for (let tries = 0; ; tries++) {
    const inspect = await docker(['buildx', 'inspect', name, '--bootstrap'], { reject: false, all: true });
    if (inspect.exitCode === 0 && /linux\/arm64/.test(String(inspect.stdout))) break;
    if (tries > 60) {
      const logs = await docker(['logs', '--tail', '20', name], { reject: false, all: true });
      throw new Error(
        `buildkitd in ${name} did not answer on ${address} with linux/arm64 among its platforms (is binfmt_misc's qemu-aarch64 registered?):\n${String(inspect.all)}\n${String(logs.all)}`,
      );
    }
    await sleep(500);
  }
  return {
    builder: name,
    container: name,
    address,
    tls,
    remove: async () => {
      await docker(['buildx', 'rm', name], { reject: false });
      await docker(['rm', '-f', name], { reject: false });
      await docker(['volume', 'rm', name], { reject: false });
    },
  };
}
