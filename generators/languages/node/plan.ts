import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { preferRequested, resolvePort, type RuntimeChoice } from '../../core/plan/choices.js';
import { dockerignoreGroups } from '../../core/plan/dockerignore.js';
import { NONROOT } from '../../core/plan/images.js';
import { HARDENING, nextCommand } from '../../core/plan/next-command.js';
import { testStage } from '../../core/plan/test-stage.js';
import { contextPath } from '../../core/render/quote.js';
import type { Choices, CommonFacts, Runtime } from '../../core/types.js';
import { nodeHealthcheck } from './healthcheck.js';
import { NODE_IGNORE, nodeNeededByBuild } from './ignore.js';
import { NODE_IMAGES } from './images.js';
import { installPlan } from './install-commands.js';
import { NODE_MESSAGES } from './messages.js';
import type { NodeFacts, NodePlan } from './types.js';

const { message } = NODE_MESSAGES;

const DEFAULT_SERVER_PORT = 3000;

export function planNode(node: NodeFacts & CommonFacts, choices: Choices): NodePlan {
  const notes = [...node.notes];
  const runtimePackages = [...new Set(node.nativeAddons.flatMap((addon) => addon.runtimePackages))];
  const { runtime, reason } = chooseRuntime(node, runtimePackages, choices.runtime);
  const nativeTools = node.nativeAddons.length > 0;
  if (nativeTools)
    notes.push(
      `Native addons (${node.nativeAddons.map((addon) => addon.name).join(', ')}): built with ${NODE_IMAGES.node(node.nodeMajor)}'s toolchain, which stays in the builder.`,
    );

  const port = resolvePort(choices.port, node.port, node.listens, notes, DEFAULT_SERVER_PORT);

  // distroless's ENTRYPOINT is node itself, so CMD is only its arguments; the slim image's
  // entrypoint script would also run a file, but an explicit node keeps the intent readable.
  const cmd = runtime === 'distroless' ? [...node.start] : ['node', ...node.start];
  const workdir = node.workspace ? contextPath(node.workspace.dir, 'workspace folder') : '.';
  const install = installPlan(node.packageManager, node.packageManagerVersion, node.lockfile !== undefined, node.workspace?.name);
  return {
    language: 'node',
    runtime,
    runtimeReason: reason,
    builderImage: nativeTools ? NODE_IMAGES.node(node.nodeMajor) : NODE_IMAGES.nodeSlim(node.nodeMajor),
    runtimeImage: runtime === 'distroless' ? NODE_IMAGES.distrolessNode(node.nodeMajor) : NODE_IMAGES.nodeSlim(node.nodeMajor),
    imageName: node.projectName,
    user: runtime === 'distroless' ? NONROOT : 'node',
    listens: node.listens,
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
    healthcheckAbsent: port === undefined ? message('health.none.no-port') : undefined,
    ...testStage(node.tests, install.runTest, choices.portable),
    dockerignore: dockerignoreGroups(node, NODE_IGNORE, nodeNeededByBuild(node)),
    node: {
      installFiles: node.installFiles,
      install,
      memberManifests: (node.workspace?.manifests ?? []).map((file) => ({
        file: contextPath(file, 'workspace manifest'),
        dir: contextPath(posix.dirname(file), 'workspace folder'),
      })),
      productionDependencies: node.productionDependencies > 0,
      build: node.buildScript,
      outDir: node.outDir && contextPath(posix.join(workdir, node.outDir), 'tsconfig.json outDir'),
      workdir,
      nativeTools,
      runtimePackages,
    },
  };
}

function chooseRuntime(node: NodeFacts, runtimePackages: readonly string[], requested?: Runtime): RuntimeChoice {
  if (requested === 'scratch') throw new UserError('--runtime scratch: a Node app needs the node runtime; use distroless or slim');
  if (requested === 'distroless' && runtimePackages.length > 0) {
    throw new UserError(`--runtime distroless: native addons need ${runtimePackages.join(', ')} at run time, which distroless cannot install; use slim`);
  }
  const detected =
    runtimePackages.length > 0
      ? { runtime: 'slim' as const, reason: message('reason.node.native', { packages: runtimePackages.join(', ') }) }
      : { runtime: 'distroless' as const, reason: message('reason.node.distroless') };
  return preferRequested(detected, requested);
}
