import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { onceper } from '../../core/memo.js';
import { preferRequested, resolvePort, type RuntimeChoice } from '../../core/plan/choices.js';
import { dockerignoreGroups } from '../../core/plan/dockerignore.js';
import { nextCommand } from '../../core/plan/next-command.js';
import { testStage } from '../../core/plan/test-stage.js';
import { contextPath, shellWord } from '../../core/render/quote.js';
import type { Choices, CommonFacts, Runtime } from '../../core/types.js';
import { NODE_IGNORE, nodeNeededByBuild } from './ignore.js';
import { NODE_IMAGES } from './images.js';
import { NODE_MAJORS } from './version.js';
import { installPlan, pnpmDeploy } from './install-commands.js';
import { NODE_MESSAGES } from './messages.js';
import type { PrismaFacts } from './prisma.js';
import type { NodeFacts, NodePlan } from './types.js';
import { serverStage, staticSiteStage } from './runtime-stage.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const { message } = NODE_MESSAGES;

const DEFAULT_SERVER_PORT = 3000;

/** --node-version N (or what --verify --fix saw fail on the detected line) over the line detection chose. */
function withNodeLine(node: NodeFacts & CommonFacts, requested: string | undefined): NodeFacts & CommonFacts {
  if (requested === undefined || requested === node.nodeMajor) return node;
  if (!(NODE_MAJORS as readonly string[]).includes(requested))
    throw new UserError(ERRORS.message('error.plan.node-version-node', { requested, value: NODE_MAJORS.join(', ') }));
  return { ...node, nodeMajor: requested, nodeVersionSource: `--node-version ${requested} (detected: ${node.nodeMajor}, ${node.nodeVersionSource})` };
}

/** The manifests npm ci needs before the install, checked as context paths once per workspace. */
const memberManifests = onceper((manifests: readonly string[]) =>
  manifests.map((file) => ({ file: contextPath(file, 'workspace manifest'), dir: contextPath(posix.dirname(file), 'workspace folder') })),
);

export function planNode(detected: NodeFacts & CommonFacts, choices: Choices): NodePlan {
  const node = withNodeLine(detected, choices.nodeVersion);
  const notes = [...node.notes];
  const runtimePackages = [...new Set([...node.nativeAddons.flatMap((addon) => addon.runtimePackages), ...(choices.runtimePackages ?? [])])];
  const { runtime, reason } = chooseRuntime(node, runtimePackages, choices.runtime);
  const nativeTools = node.nativeAddons.length > 0;
  if (nativeTools)
    notes.push(message('note.node.native', { addons: node.nativeAddons.map((addon) => addon.name).join(', '), image: NODE_IMAGES.node(node.nodeMajor) }));

  const port = resolvePort(choices.port, node.port, node.listens, notes, DEFAULT_SERVER_PORT);
  const workdir = node.workspace ? contextPath(node.workspace.dir, 'workspace folder') : '.';
  // Decided once: a static site's nginx, or the app's node.
  const stage = node.staticSite ? staticSiteStage(node.staticSite, port, workdir) : serverStage(node, runtime, port);
  const npmrcSecret = node.npmrc && !choices.portable;
  if (node.npmrc && choices.portable) notes.push(message('note.node.npmrc-portable'));
  const buildFlags = [...(choices.dockerfile ? ['-f', choices.dockerfile] : []), ...(npmrcSecret ? ['--secret', 'id=npmrc,src=.npmrc'] : [])];
  const planned = installPlan(node.packageManager, node.packageManagerVersion, node.lockfile !== undefined, node.workspace);
  // Scripts that call a dev dependency's CLI are dropped from the production install's copy of package.json only.
  const install = node.devOnlyScripts.length
    ? { ...planned, installProduction: `npm pkg delete ${node.devOnlyScripts.map((name) => `scripts.${name}`).join(' ')} && ${planned.installProduction}` }
    : planned;
  const prisma = node.prisma;
  if (prisma && node.workspace) throw new UserError(ERRORS.message('error.plan.prisma-workspace-member'));
  const deploy =
    node.workspace && node.packageManager === 'pnpm'
      ? [pnpmDeploy(node.workspace.name, node.packageManagerVersion, '/prod/app'), ...restoreOutputs(node, node.workspace.dir)].join(' && ')
      : undefined;
  const memberBuilds = (node.workspace?.builds.length ?? 0) > 0;
  const compile = node.buildScript || prisma !== undefined || deploy !== undefined || memberBuilds;
  // A deployed member carries its own node_modules: no separate production install.
  const productionInstall = node.productionDependencies > 0 && stage.runsNode && node.runtimeModules && deploy === undefined;
  // prisma's own install script fetches its engines: wherever prisma is installed, the mirror may be needed.
  const generateArgs = prisma ? ['PRISMA_ENGINES_MIRROR'] : [];
  const productionGenerateArgs = prisma?.production ? ['PRISMA_ENGINES_MIRROR'] : [];
  // The install runs node and any addon's compiler: each platform's in its own builder, emulated where not native.
  if (choices.platforms?.length) notes.push(message('note.node.platforms', { platforms: choices.platforms.join(',') }));
  return {
    language: 'node',
    crossCompiles: false,
    runtime,
    runtimeReason: reason,
    builderImage: nativeTools ? NODE_IMAGES.node(node.nodeMajor) : NODE_IMAGES.nodeSlim(node.nodeMajor),
    runtimeImage: stage.runtimeImage,
    imageName: node.projectName,
    user: stage.user,
    listens: node.listens,
    port,
    entrypoint: stage.entrypoint,
    cmd: stage.cmd,
    notes,
    needsBuildKit: !choices.portable,
    profile: choices.portable ? 'portable' : 'buildkit',
    needsInit: stage.needsInit,
    // generate-args.hbs: the deps stage's (when it installs production dependencies after a build) and the build stage's.
    buildArgs: compile ? [...new Set([...(productionInstall ? productionGenerateArgs : []), ...generateArgs])] : [],
    nextCommand: nextCommand(node.projectName, port, stage.runFlags, buildFlags),
    hardenedRun: nextCommand(node.projectName, port, stage.hardening, buildFlags),
    healthcheck: stage.healthcheck,
    healthcheckAbsent: port === undefined ? message('health.none.no-port') : undefined,
    ...testStage(node.tests, install.runTest, choices.portable),
    dockerignore: dockerignoreGroups(node, NODE_IGNORE, () => nodeNeededByBuild(node), node.installFiles.includes('.npmrc') ? ['.npmrc'] : []),
    node: {
      installFiles: node.installFiles,
      install,
      memberManifests: node.workspace ? memberManifests(node.workspace.manifests) : [],
      productionDependencies: productionInstall,
      // A member's workspace dependencies may need building even when it has no build of its own.
      build: node.buildScript || deploy !== undefined || memberBuilds,
      deploy,
      compile,
      // npm and yarn members: the member and the workspace packages it uses, not the whole workspace (pnpm deploys instead).
      memberCopies: node.workspace && !deploy && stage.runsNode ? node.workspace.uses.map((dir) => contextPath(dir, 'workspace folder')) : [],
      // An install script that generates has done it already; the source copied after it holds no stale client (.dockerignore).
      generate: prisma && !prisma.byInstall ? ['node', ...prisma.generate].map(shellWord).join(' ') : undefined,
      generateArgs,
      productionGenerateArgs,
      generatedCopies: prisma ? generatedCopies(prisma, node.runtimeModules, (node.outputCopies ?? []).length > 0, node.buildScript) : [],
      installExtras: prisma?.byInstall ? prismaInstallFiles(prisma) : [],
      // A generating install script still runs in the production install only when prisma itself ships.
      productionInstallExtras: prisma?.byInstall && prisma.production ? prismaInstallFiles(prisma) : [],
      // No dependencies and no build: no stage has anything to do before the runtime.
      buildStage: compile || node.buildScript || node.productionDependencies > 0 || nativeTools,
      env: stage.env,
      outputCopies: [
        ...(node.outputCopies ?? []),
        ...((node.outputCopies ?? []).length > 0 && node.runtimeModules ? [{ from: 'package.json', to: 'package.json' }] : []),
      ].map((copy) => ({
        from: contextPath(posix.join(workdir, copy.from), 'build output'),
        to: copy.to === '.' ? '.' : contextPath(copy.to, 'build output'),
      })),
      buildChecks: node.buildChecks.map((file) => contextPath(posix.join(workdir, file), 'start file')),
      runtimeSummary: stage.runtimeSummary,
      frameworkName: node.framework?.name ?? '',
      npmrcSecret,
      builderPackages: [...new Set([...node.nativeAddons.flatMap((addon) => addon.buildPackages), ...(choices.buildPackages ?? [])])],
      staticSite: stage.staticSite,
      outDir: node.outDir && contextPath(posix.join(workdir, node.outDir), 'tsconfig.json outDir'),
      workdir,
      major: node.nodeMajor,
      nativeTools,
      runtimePackages,
    },
  };
}

/**
 * Generated client code the runtime imports: node_modules/.prisma for prisma-client-js (the
 * production node_modules comes from another stage, which never ran the generator), and each
 * generator's output folder when the runtime copies the project rather than a framework's bundle.
 */
function generatedCopies(prisma: PrismaFacts, modules: boolean, frameworkLayout: boolean, built: boolean): { from: string; to: string }[] {
  // TypeScript output is compiled by the project's build when there is one; JavaScript output is imported as it is.
  const outputs = frameworkLayout ? [] : prisma.outputs.filter((output) => !(output.typescript && built)).map((output) => output.path);
  const folders = [...(prisma.inNodeModules && modules ? ['node_modules/.prisma'] : []), ...outputs];
  return folders.map((folder) => {
    const path = contextPath(folder, 'Prisma output');
    return { from: path, to: path };
  });
}

/** The schema (file or folder) and prisma.config.*, each at its own path, for an install script that generates. */
function prismaInstallFiles(prisma: PrismaFacts): { from: string; to: string }[] {
  const schema = contextPath(prisma.schema, 'Prisma schema');
  const folder = !schema.endsWith('.prisma');
  const dir = posix.dirname(schema);
  return [
    { from: schema, to: folder ? `${schema}/` : dir === '.' ? './' : `${dir}/` },
    ...(prisma.configFile ? [{ from: contextPath(prisma.configFile, 'Prisma config'), to: './' }] : []),
  ];
}

function chooseRuntime(node: NodeFacts, runtimePackages: readonly string[], requested?: Runtime): RuntimeChoice {
  if (node.staticSite) {
    if (requested && requested !== 'slim') throw new UserError(ERRORS.message('error.plan.runtime-static-site', { requested }));
    return { runtime: 'slim', reason: message('reason.node.static', { framework: node.framework?.name ?? 'its build' }) };
  }
  if (requested === 'scratch') throw new UserError(ERRORS.message('error.plan.runtime-scratch-node'));
  if (requested === 'distroless' && runtimePackages.length > 0) {
    throw new UserError(ERRORS.message('error.plan.runtime-distroless-native', { value: runtimePackages.join(', ') }));
  }
  const detected =
    runtimePackages.length > 0
      ? { runtime: 'slim' as const, reason: message('reason.node.native', { packages: runtimePackages.join(', ') }) }
      : { runtime: 'distroless' as const, reason: message('reason.node.distroless') };
  return preferRequested(detected, requested);
}

/**
 * pnpm deploy copies a member's files as `pnpm pack` would, and so leaves out what its own .gitignore
 * lists: the build's output (dist/, .next/). Each is copied into the deployed folder from the member's.
 */
function restoreOutputs(node: NodeFacts, dir: string): string[] {
  const outputs = [...new Set([node.outDir, ...(node.outputCopies ?? []).map((copy) => copy.from.split('/')[0])])].filter(
    (path): path is string => path !== undefined && path !== 'package.json',
  );
  return outputs.map((path) => {
    const output = contextPath(path, 'build output');
    return `rm -rf /prod/app/${output} && cp -a ${contextPath(posix.join(dir, path), 'build output')} /prod/app/${output}`;
  });
}
