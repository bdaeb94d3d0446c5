import { UserError } from '../errors.js';
import { binaryName, contextPath } from '../render/quote.js';
import { preferRequested, resolvePort, type RuntimeChoice } from './choices.js';
import type { Choices, Facts, GoFacts, GoMain, Plan, Runtime } from '../types.js';
import { dockerignoreGroups } from './dockerignore.js';
import { IMAGES, NONROOT } from './images.js';
import { HARDENING, nextCommand } from './next-command.js';
import { noHealthcheck } from './healthcheck.js';
import { message } from '../explain/messages.js';
import { testStage } from './test-stage.js';

const DEFAULT_SERVER_PORT = 8080;

export function planGo(facts: Facts, choices: Choices): Plan {
  const go = facts as GoFacts;
  const notes = [...go.notes];
  const main = chooseMain(go, choices.main);
  // Folder names come from the project and land in a RUN line: proven harmless or refused.
  const mainPackage = contextPath(main.dir, 'main package folder');
  const { runtime, reason } = chooseRuntime(go, choices.runtime);

  const port = resolvePort(choices.port, main.port, main.listens, notes, DEFAULT_SERVER_PORT);

  const binary = binaryName(mainPackage === '.' ? go.projectName : mainPackage.split('/').pop()!);
  const binaryPath = `/usr/local/bin/${binary}`;
  const manifests = go.hasGoMod ? (go.hasGoSum ? ['go.mod', 'go.sum'] : ['go.mod']) : [];

  return {
    language: 'go',
    runtime,
    runtimeReason: reason,
    builderImage: IMAGES.golang(go.goVersion),
    runtimeImage: runtimeImage(runtime, go.cgo),
    imageName: go.projectName,
    user: NONROOT,
    port,
    entrypoint: [binaryPath],
    binary: { source: `/out/${binary}`, path: binaryPath },
    notes,
    needsBuildKit: !choices.portable,
    profile: choices.portable ? 'portable' : 'buildkit',
    nextCommand: nextCommand(go.projectName, port),
    // Go installs its own SIGTERM handler, so PID 1 stops on `docker stop` without --init.
    hardenedRun: nextCommand(go.projectName, port, HARDENING),
    healthcheckAbsent: noHealthcheck(runtime),
    ...testStage(go.tests, `CGO_ENABLED=${go.cgo ? 1 : 0} go test ./...`, choices.portable),
    dockerignore: dockerignoreGroups(facts),
    go: {
      mainPackage: mainPackage === '.' ? '.' : `./${mainPackage}`,
      binaryName: binary,
      binaryPath,
      manifests,
      downloadDeps: go.hasGoMod && go.hasRequires && !go.vendored,
      initModule: go.hasGoMod ? undefined : binary,
      cgo: go.cgo,
      buildFlags: buildFlags(go, runtime),
      caCerts: go.needsCaCerts && runtime !== 'distroless',
      zoneinfo: zoneinfoEmbedded(go, runtime),
      createUser: runtime === 'slim',
    },
  };
}

function chooseMain(go: GoFacts, requested?: string): GoMain {
  if (requested === undefined) return go.mains[0]!;
  const wanted = contextPath(requested, '--main');
  const found = go.mains.find((main) => main.dir === wanted);
  if (!found) throw new UserError(`--main ${requested}: not a main package here (found: ${go.mains.map((main) => main.dir).join(', ')})`);
  return found;
}

/** The main package the plan will build, for callers (prompts) that need it before planning. */
export const chosenMain = (go: GoFacts, choices: Choices) => chooseMain(go, choices.main);

function chooseRuntime(go: GoFacts, requested?: Runtime): RuntimeChoice {
  if (go.cgo && requested === 'scratch') {
    throw new UserError('--runtime scratch: this program uses cgo (import "C") and needs a C library at run time; use distroless or slim');
  }
  const detected = go.cgo
    ? { runtime: 'distroless' as const, reason: message('reason.go.cgo') }
    : { runtime: 'scratch' as const, reason: message('reason.go.static') };
  return preferRequested(detected, requested);
}

function runtimeImage(runtime: Runtime, cgo: boolean): string {
  if (runtime === 'scratch') return IMAGES.scratch;
  if (runtime === 'slim') return IMAGES.debianSlim;
  return cgo ? IMAGES.distrolessBase : IMAGES.distrolessStatic;
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
