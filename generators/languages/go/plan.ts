import { posix } from 'node:path';
import { unique } from '../../core/unique.js';
import { UserError } from '../../core/errors.js';
import { preferRequested, resolvePort, type RuntimeChoice } from '../../core/plan/choices.js';
import { dockerignoreGroups } from '../../core/plan/dockerignore.js';
import { noHealthcheck } from '../../core/plan/healthcheck.js';
import { probeHealthcheck } from '../../core/plan/probe.js';
import { NONROOT, SHARED_IMAGES } from '../../core/plan/images.js';
import { HARDENING, nextCommand } from '../../core/plan/next-command.js';
import { testStage } from '../../core/plan/test-stage.js';
import { binaryName, contextPath } from '../../core/render/quote.js';
import type { Choices, CommonFacts, Runtime } from '../../core/types.js';
import { GO_IGNORE, goNeededByBuild } from './ignore.js';
import { GO_IMAGES } from './images.js';
import { GO_MESSAGES } from './messages.js';
import type { GoFacts, GoMain, GoPlan } from './types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const { message } = GO_MESSAGES;

const DEFAULT_SERVER_PORT = 8080;

/** What module-args.hbs declares: the Go proxy and private-module settings a builder may need. */
const MODULE_ARGS = ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOFLAGS'];

export function planGo(go: GoFacts & CommonFacts, choices: Choices): GoPlan {
  const notes = [...go.notes];
  const main = chooseMain(go, choices.main);
  // Folder names come from the project and land in a RUN line: proven harmless or refused.
  const mainPackage = contextPath(main.dir, 'main package folder');
  const { runtime, reason } = chooseRuntime(go, choices.runtime);

  const port = resolvePort(choices.port, main.port, main.listens, notes, DEFAULT_SERVER_PORT);

  const binary = binaryName(mainPackage === '.' ? go.projectName : mainPackage.split('/').pop()!);
  // A workspace holds several programs: each image is named for its own.
  const imageName = go.workspace && mainPackage !== '.' ? `${go.projectName}-${binary}` : go.projectName;
  const dockerBuildFlags = choices.dockerfile ? ['-f', choices.dockerfile] : [];
  const binaryPath = `/usr/local/bin/${binary}`;
  const manifests = go.workspace
    ? go.workspace.manifests.map((file) => contextPath(file, 'go.work module file'))
    : go.hasGoMod
      ? go.hasGoSum
        ? ['go.mod', 'go.sum']
        : ['go.mod']
      : [];
  const folders = [...new Set(manifests.map((file) => posix.dirname(file)))];
  const manifestCopies = folders.map((dir) => ({ files: manifests.filter((file) => posix.dirname(file) === dir), dir: dir === '.' ? './' : `./${dir}/` }));

  // Pure Go compiles for any platform from the build machine's own; cgo needs the target's C toolchain and libraries, so it builds there, emulated.
  const crossCompiles = Boolean(choices.platforms?.length) && !go.cgo;
  if (choices.platforms?.length && go.cgo) notes.push(message('note.go.platforms.cgo', { platforms: choices.platforms.join(',') }));

  return {
    language: 'go',
    crossCompiles,
    runtime,
    runtimeReason: reason,
    builderImage: GO_IMAGES.golang(go.goVersion),
    runtimeImage: runtimeImage(runtime, go.cgo),
    imageName,
    user: NONROOT,
    listens: main.listens,
    port,
    entrypoint: [binaryPath],
    binary: { source: `/out/${binary}`, path: binaryPath },
    notes,
    needsBuildKit: !choices.portable,
    profile: choices.portable ? 'portable' : 'buildkit',
    needsInit: false,
    // The module download's proxy and private-module settings, declared only where it runs.
    buildArgs: go.hasGoMod && go.hasRequires && !go.vendored ? MODULE_ARGS : [],
    nextCommand: nextCommand(imageName, port, [], dockerBuildFlags),
    // Go installs its own SIGTERM handler, so PID 1 stops on `docker stop` without --init.
    hardenedRun: nextCommand(imageName, port, HARDENING, dockerBuildFlags),
    ...(probeHealthcheck(choices, port) ?? { healthcheckAbsent: noHealthcheck(runtime) }),
    ...testStage(go.tests, `CGO_ENABLED=${go.cgo ? 1 : 0} go test ./...`, choices.portable),
    dockerignore: dockerignoreGroups(go, GO_IGNORE, () => goNeededByBuild(go)),
    go: {
      mainPackage: mainPackage === '.' ? '.' : `./${mainPackage}`,
      binaryName: binary,
      binaryPath,
      manifests,
      manifestCopies,
      downloadDeps: go.hasGoMod && go.hasRequires && !go.vendored,
      initModule: go.hasGoMod ? undefined : binary,
      cgo: go.cgo,
      builderPackages: unique([...go.cgoModules.flatMap((module) => module.builderPackages), ...(choices.buildPackages ?? [])]),
      runtimePackages: runtime === 'slim' ? unique([...go.cgoModules.flatMap((module) => module.runtimePackages), ...(choices.runtimePackages ?? [])]) : [],
      buildFlags: buildFlags(go, runtime),
      caCerts: go.needsCaCerts && runtime !== 'distroless',
      zoneinfo: zoneinfoEmbedded(go, runtime),
      createUser: runtime === 'slim',
      dataCopies: go.dataPaths.map((found) => contextPath(found.path, 'data folder')),
      workdir: go.dataPaths.length > 0 ? '/app' : undefined,
    },
  };
}

function chooseMain(go: GoFacts, requested?: string): GoMain {
  if (requested === undefined) return go.mains[0]!;
  const wanted = contextPath(requested, '--main');
  const found = go.mains.find((main) => main.dir === wanted);
  if (!found) throw new UserError(ERRORS.message('error.plan.main-main-package', { requested, value: go.mains.map((main) => main.dir).join(', ') }));
  return found;
}

function chooseRuntime(go: GoFacts, requested?: Runtime): RuntimeChoice {
  if (go.cgo && requested === 'scratch') {
    throw new UserError(ERRORS.message('error.plan.runtime-scratch-this'));
  }
  const libraries = unique(go.cgoModules.flatMap((module) => module.runtimePackages));
  if (libraries.length > 0) {
    if (requested === 'distroless') throw new UserError(ERRORS.message('error.plan.runtime-distroless-program', { value: libraries.join(', ') }));
    return { runtime: 'slim', reason: message('reason.go.cgo-libraries', { packages: libraries.join(', ') }) };
  }
  const detected = go.cgo
    ? { runtime: 'distroless' as const, reason: message('reason.go.cgo') }
    : { runtime: 'scratch' as const, reason: message('reason.go.static') };
  return preferRequested(detected, requested);
}

function runtimeImage(runtime: Runtime, cgo: boolean): string {
  if (runtime === 'scratch') return SHARED_IMAGES.scratch;
  if (runtime === 'slim') return SHARED_IMAGES.debianSlim;
  return cgo ? GO_IMAGES.distrolessBase : GO_IMAGES.distrolessStatic;
}

/** distroless ships /usr/share/zoneinfo; elsewhere the tz database is embedded into the binary instead. */
const zoneinfoEmbedded = (go: GoFacts, runtime: Runtime) => go.needsZoneinfo && runtime !== 'distroless';

function buildFlags(go: GoFacts, runtime: Runtime): string {
  const flags = ['-trimpath'];
  if (go.vendored) flags.push('-mod=vendor');
  if (zoneinfoEmbedded(go, runtime)) flags.push('-tags=timetzdata');
  flags.push('-ldflags="-s -w"');
  return flags.join(' ');
}
