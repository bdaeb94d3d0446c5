import { UserError } from '../errors.js';
import { posix } from 'node:path';
import { contextPath, port as checkPort } from '../render/quote.js';
import type { Choices, Facts, NodeFacts, Plan, Runtime } from '../types.js';
import { dockerignoreGroups } from './dockerignore.js';
import { IMAGES, NONROOT } from './images.js';
import { HARDENING, nextCommand } from './next-command.js';
import { nodeHealthcheck } from './healthcheck.js';
import { installPlan } from './node-commands.js';

const DEFAULT_SERVER_PORT = 3000;

export function planNode(facts: Facts, choices: Choices): Plan {
  const node = facts as NodeFacts;
  const notes = [...node.notes];
  const runtimePackages = [...new Set(node.nativeAddons.flatMap((addon) => addon.runtimePackages))];
  const { runtime, reason } = chooseRuntime(node, runtimePackages, choices.runtime);
  const nativeTools = node.nativeAddons.length > 0;
  if (nativeTools) notes.push(`Native addons (${node.nativeAddons.map((addon) => addon.name).join(', ')}): built with ${IMAGES.node(node.nodeMajor)}'s toolchain, which stays in the builder.`);

  let port = choices.port ?? node.port;
  if (port === undefined && node.listens) {
    port = DEFAULT_SERVER_PORT;
    notes.push(`The code listens but names no port; assuming ${DEFAULT_SERVER_PORT} (use --port to change).`);
  }
  if (port !== undefined) checkPort(port);

  // distroless's ENTRYPOINT is node itself, so CMD is only its arguments; the slim image's
  // entrypoint script would also run a file, but an explicit node keeps the intent readable.
  const cmd = runtime === 'distroless' ? [...node.start] : ['node', ...node.start];
  const workdir = node.workspace ? contextPath(node.workspace.dir, 'workspace folder') : '.';
  return {
    language: 'node',
    runtime,
    runtimeReason: reason,
    builderImage: nativeTools ? IMAGES.node(node.nodeMajor) : IMAGES.nodeSlim(node.nodeMajor),
    runtimeImage: runtime === 'distroless' ? IMAGES.distrolessNode(node.nodeMajor) : IMAGES.nodeSlim(node.nodeMajor),
    imageName: node.projectName,
    user: runtime === 'distroless' ? NONROOT : 'node',
    port,
    entrypoint: runtime === 'distroless' ? ['/nodejs/bin/node'] : ['docker-entrypoint.sh'],
    cmd,
    notes,
    needsBuildKit: !choices.portable,
    profile: choices.portable ? 'portable' : 'buildkit',
    // Node as PID 1 ignores SIGTERM unless the app handles it; --init gives it a real init.
    nextCommand: nextCommand(node.projectName, port, ['--init']),
    hardenedRun: nextCommand(node.projectName, port, ['--init', ...HARDENING]),
    healthcheck: port === undefined ? undefined : nodeHealthcheck(runtime === 'distroless' ? '/nodejs/bin/node' : 'node', port),
    healthcheckAbsent: port === undefined ? 'the app listens on no port to probe' : undefined,
    dockerignore: dockerignoreGroups(facts),
    node: {
      installFiles: node.installFiles,
      install: installPlan(node.packageManager, node.packageManagerVersion, node.lockfile !== undefined, node.workspace?.name),
      memberManifests: (node.workspace?.manifests ?? []).map((file) => ({ file: contextPath(file, 'workspace manifest'), dir: contextPath(posix.dirname(file), 'workspace folder') })),
      productionDependencies: node.productionDependencies > 0,
      build: node.buildScript,
      outDir: node.outDir && contextPath(posix.join(workdir, node.outDir), 'tsconfig.json outDir'),
      workdir,
      nativeTools,
      runtimePackages,
    },
  };
}

function chooseRuntime(node: NodeFacts, runtimePackages: readonly string[], requested?: Runtime): { runtime: Runtime; reason: string } {
  if (requested === 'scratch') throw new UserError('--runtime scratch: a Node app needs the node runtime; use distroless or slim');
  const detected = runtimePackages.length > 0
    ? { runtime: 'slim' as const, reason: `native addons load system libraries (${runtimePackages.join(', ')}) that only apt can add` }
    : { runtime: 'distroless' as const, reason: 'distroless nodejs holds node and glibc only: no shell, no npm, nothing to patch' };
  if (!requested || requested === detected.runtime) return detected;
  if (requested === 'distroless' && runtimePackages.length > 0) {
    throw new UserError(`--runtime distroless: native addons need ${runtimePackages.join(', ')} at run time, which distroless cannot install; use slim`);
  }
  return { runtime: requested, reason: `you chose ${requested} over the default ${detected.runtime}` };
}
