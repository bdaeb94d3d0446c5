import type { Scalar } from 'yaml';
import { yaml } from '../core/yaml.js';
import { CA_SECRET } from '../core/plan/ca-cert.js';
import type { BackingKind, BackingNeed } from './backing.js';
import { APP_USER, BACKING_IMAGES } from './backing-images.js';
import { composePath, yamlEscapes } from './tokens.js';
import { wireBacking, wireServices, type EnvWire } from './wiring.js';
import { SERVICES_MESSAGES, saidLater, type Said } from '../core/explain/services-messages.js';

/** What compose needs to know of one of the repository's services. */
export interface AppService {
  readonly name: string;
  /** Its build context, relative to the compose file. */
  readonly dir: string;
  /** Its Dockerfile, relative to the context. */
  readonly dockerfile: string;
  readonly port?: number;
  /** The image has a HEALTHCHECK (Node, Python), so compose can wait for it to be healthy. */
  readonly healthcheck: boolean;
  /** Its program ignores SIGTERM as PID 1 (Node, C): compose gives it an init, so stops take no 10 s. */
  readonly init: boolean;
  readonly needs: readonly BackingNeed[];
  /** Environment variable names its code reads. */
  readonly envReads: readonly string[];
  /** The Dockerfile's ARGs without a default (GOPROXY, PIP_INDEX_URL): passed from the caller's environment. */
  readonly buildArgs: readonly string[];
  /** The CA bundle its download steps trust (--ca-cert), passed to its build as the ca-cert secret. */
  readonly caCert?: string;
}

export interface ComposePlan {
  readonly services: readonly AppService[];
  readonly backing: readonly BackingKind[];
  /** .env variables compose interpolates (passwords), generated when .env lacks them. */
  readonly secrets: readonly string[];
  /** compose's `environment` for each app service. */
  readonly environment: Readonly<Record<string, readonly EnvWire[]>>;
  readonly dependsOn: Readonly<Record<string, readonly { readonly service: string; readonly healthy: boolean }[]>>;
  /** The host port each listening service is published on: its own, or the next free one when another took it. */
  readonly published: Readonly<Record<string, number>>;
  readonly notes: readonly Said[];
}

/**
 * Host ports, one per listening service: two services on 8000 (two FastAPI apps) cannot both take
 * the host's 8000, so the later one gets the next free port; inside the network each keeps its own.
 */
function publishedPorts(services: readonly AppService[], notes: Said[]): Record<string, number> {
  const published: Record<string, number> = {};
  // Host port → the service published on it.
  const taken = new Map<number, string>();
  for (const service of services) {
    if (service.port === undefined) continue;
    let host = service.port;
    while (taken.has(host)) host = host >= 65535 ? 1024 : host + 1;
    if (host !== service.port)
      notes.push(saidLater('services.port-moved', { service: service.name, port: service.port, holder: taken.get(service.port)!, host }));
    taken.set(host, service.name);
    published[service.name] = host;
  }
  return published;
}

/** Services, their backing services and the links between them: pure, from facts alone. */
export function planCompose(services: readonly AppService[]): ComposePlan {
  const backing = [...new Set(services.flatMap((service) => service.needs.map((need) => need.kind)))].sort();
  const notes: Said[] = [];
  const environment: Record<string, EnvWire[]> = {};
  const dependsOn: Record<string, { service: string; healthy: boolean }[]> = {};
  for (const service of services) {
    const wires: EnvWire[] = [];
    const deps: { service: string; healthy: boolean }[] = [];
    for (const need of service.needs) {
      const wired = wireBacking(need.kind, service.envReads, new Set(wires.map((wire) => wire.name)));
      wires.push(...wired.wires);
      deps.push({ service: BACKING_IMAGES[need.kind].service, healthy: true });
      const backing = BACKING_IMAGES[need.kind];
      const wiring = wired.guessed
        ? SERVICES_MESSAGES.message('services.wiring.guessed', { name: wired.guessed })
        : SERVICES_MESSAGES.message('services.wiring.read', { names: wired.wires.map((wire) => wire.name).join(', ') });
      const about = { service: service.name, kind: need.kind, evidence: need.evidence, image: backing.image, wiring };
      notes.push(
        backing.passwordVariable
          ? saidLater('services.backing.password', { ...about, user: APP_USER, variable: backing.passwordVariable })
          : saidLater('services.backing', about),
      );
    }
    const linked = wireServices(service.envReads, service.name, services);
    wires.push(...linked.wires);
    for (const target of linked.targets) deps.push({ service: target, healthy: services.find((other) => other.name === target)?.healthcheck ?? false });
    if (linked.wires.length > 0)
      notes.push(
        saidLater('services.reaches', { service: service.name, targets: linked.targets.join(', '), wires: linked.wires.map((wire) => wire.name).join(', ') }),
      );
    environment[service.name] = wires;
    dependsOn[service.name] = deps;
    if (service.port !== undefined && !service.healthcheck) notes.push(saidLater('services.no-health', { service: service.name }));
  }
  const secrets = backing.flatMap((kind) => BACKING_IMAGES[kind].passwordVariable ?? []);
  const published = publishedPorts(services, notes);
  return { services, backing, secrets, environment, dependsOn, published, notes };
}

/** A folder's path, always double-quoted: the one kind of scalar in which YAML can escape any character. */
function quoted(path: string): Scalar<string> {
  const { Scalar: YamlScalar } = yaml();
  const scalar = new YamlScalar(path);
  scalar.type = YamlScalar.QUOTE_DOUBLE;
  return scalar;
}

/** compose.yaml, written by the yaml library so that no project value can add or change a key. */
export function composeFile(plan: ComposePlan, projectName: string, path = 'compose.yaml'): string {
  // Beside a compose file of the user's, compose reads theirs unless told which.
  const compose = path === 'compose.yaml' ? 'docker compose' : `docker compose -f ${path}`;
  const services: Record<string, unknown> = {};
  for (const service of plan.services) {
    const environment = Object.fromEntries(plan.environment[service.name]!.map((wire) => [wire.name, wire.value]));
    const dependsOn = Object.fromEntries(
      plan.dependsOn[service.name]!.map((dep) => [dep.service, { condition: dep.healthy ? 'service_healthy' : 'service_started' }]),
    );
    services[service.name] = {
      build: {
        context: quoted(composePath(service.dir)),
        ...(service.dockerfile !== 'Dockerfile' ? { dockerfile: quoted(composePath(service.dockerfile)) } : {}),
        ...(service.buildArgs.length > 0 ? { args: [...service.buildArgs] } : {}),
        ...(service.caCert !== undefined ? { secrets: [CA_SECRET] } : {}),
      },
      ...(service.port !== undefined ? { ports: [`${plan.published[service.name]}:${service.port}`] } : {}),
      ...(Object.keys(environment).length > 0 ? { environment } : {}),
      ...(Object.keys(dependsOn).length > 0 ? { depends_on: dependsOn } : {}),
      ...(service.init ? { init: true } : {}),
      // The image's own HEALTHCHECK, probed sooner: docker waits one interval (30 s) before the first probe.
      ...(service.healthcheck ? { healthcheck: { interval: '5s' } } : {}),
      restart: 'unless-stopped',
    };
  }
  for (const kind of plan.backing) {
    const image = BACKING_IMAGES[kind];
    services[image.service] = {
      image: image.image,
      ...(Object.keys(image.environment).length > 0 ? { environment: image.environment } : {}),
      volumes: [`${image.volume.name}:${image.volume.path}`],
      healthcheck: { test: image.healthcheck, interval: '3s', timeout: '5s', retries: 20, start_period: '5s' },
      restart: 'unless-stopped',
    };
  }
  const volumes = Object.fromEntries(plan.backing.map((kind) => [BACKING_IMAGES[kind].volume.name, {}]));
  // One file for every service: the CLI passes one CA bundle per run.
  const caCert = plan.services.find((service) => service.caCert !== undefined)?.caCert;
  const secrets = caCert === undefined ? {} : { secrets: { [CA_SECRET]: { file: quoted(caCert.replace(/\$/g, '$$$$')) } } };
  const header = [
    `# ${path} for ${projectName}, generated by create-dockerfile.`,
    `#   ${compose} up --build --wait    builds every service, starts them, waits until they are healthy`,
    `#   ${compose} down -v              stops them and deletes their volumes (the databases too)`,
    ...(plan.secrets.length > 0
      ? [`# Passwords (${plan.secrets.join(', ')}) come from .env, which .dockerignore keeps out of every image; never from this file.`]
      : []),
    '# Backing services publish no port: only the app services on the compose network reach them.',
    ...(plan.services.some((service) => service.healthcheck)
      ? ["# App services keep their image's HEALTHCHECK, probed every 5 s so that `up --wait` returns as soon as they answer."]
      : []),
    ...(caCert !== undefined
      ? [`# Downloads in each build trust the CA bundle ${CA_SECRET} (a BuildKit secret, in no layer): edit its file under secrets: for another machine.`]
      : []),
    ...(plan.services.some((service) => service.buildArgs.length > 0)
      ? ['# Build arguments listed by name only (GOPROXY, PIP_INDEX_URL...) take their value from your environment, when set.']
      : []),
  ];
  // YAML 1.1 rules for what needs quotes: compose refuses a service key such as 0b11, 1_000 or on
  // that an older reader takes for a number or a boolean.
  const document = yaml().stringify(
    { name: projectName, services, ...(Object.keys(volumes).length > 0 ? { volumes } : {}), ...secrets },
    { lineWidth: 0, version: '1.1' },
  );
  return `${header.join('\n')}\n\n${yamlEscapes(document)}`;
}
