/**
 * The shared contract every language fills in. The typed data flows one way through the pipeline:
 * snapshot -> detect -> Facts -> plan -> Plan -> render -> GeneratedFile[]. Each language extends
 * FactsBase and PlanBase in its own folder (generators/languages/<language>/types.ts); the unions
 * of all of them are derived from the registry (generators/languages/registry.ts).
 */

import type { Message } from './explain/messages.js';

export const RUNTIMES = ['scratch', 'distroless', 'slim'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/**
 * The platforms --platform takes: those every base image the templates name is published for
 * (distroless nodejs and python stop at these two) and that the tests build and run here.
 */
export const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The CI services --ci writes a workflow for. */
export const CI_KINDS = ['github'] as const;
export type CiKind = (typeof CI_KINDS)[number];

/** Read-only view of a project tree; detectors see nothing else, so they stay pure and testable. */
export interface ProjectSnapshot {
  /** Absolute path of the project root. */
  readonly root: string;
  /** Relative POSIX paths of regular files, pruned of dependency and VCS folders; sorted (`Array.prototype.sort`'s order). */
  readonly files: readonly string[];
  /** Top-level folders that were seen but deliberately not walked (node_modules, .git, vendor...). */
  readonly pruned: readonly string[];
  /**
   * File content as UTF-8 (a BOM dropped), or undefined when there is no such file. A file that is
   * there but unreadable, too large, not a regular file or a link out of the tree is a UserError.
   */
  read(relativePath: string): string | undefined;
  /**
   * Entries a build cannot copy as files: FIFOs, sockets, devices, and links that lead out of the
   * tree. Listed, never opened; a Dockerfile that copies one by name is refused.
   */
  readonly uncopyable: readonly UncopyableEntry[];
}

export interface UncopyableEntry {
  readonly path: string;
  /** Why, as the end of a sentence that starts with the path: "is a FIFO". */
  readonly why: string;
}

/** What the command line passes to detection beyond the tree itself. */
/** A service an app talks to and compose can run beside it. */
export type BackingKind = 'postgres' | 'redis' | 'mysql' | 'mongo';

export interface DetectOptions {
  /** Node: the workspace member to build, by name or folder. */
  readonly workspace?: string;
  /** Node: the command that starts the app (`node dist/server.js`, `next start`), over what scripts.start says. */
  readonly start?: string;
}

/** A workspace member, as services list it: one Dockerfile each, built from the root. */
export interface WorkspaceMemberRef {
  /** What `--workspace` takes. */
  readonly name: string;
  /** Its folder; '.' for a root that is a member itself. */
  readonly dir: string;
  /** Its folder and those of the workspace packages it uses at run time, directly or through another. */
  readonly uses: readonly string[];
  /**
   * Whether it declares a command to run (a start script): false makes a member that serves nothing a
   * package the others use; undefined leaves that to detection.
   */
  readonly runs?: boolean;
}

/** Where a project's own tests were found; the `test` stage runs them. */
export interface TestsFound {
  /** What gave them away, for the summary: "3 *_test.go files", "scripts.test", "Makefile target check". */
  readonly source: string;
  /** make only: the target that runs them. */
  readonly makeTarget?: string;
}

/** Facts every language's detector reports. */
export interface FactsBase<L extends string = string> {
  readonly language: L;
  readonly projectName: string;
  /** Existing folders that look like build output, kept out of the build context. */
  readonly buildOutputDirs: readonly string[];
  /** The project's own tests, when it has some. */
  readonly tests?: TestsFound;
  /** What the user should know, as sentences of the message catalogs (said in the output's language). */
  readonly notes: readonly Message[];
}

/** Whether what runs is a server, and the port its code names (for Go, per main package). */
export interface ListenerFacts {
  readonly listens: boolean;
  readonly port?: number;
  /** The file the port was read from. */
  readonly portSource?: string;
}

/** Facts every language shares, added after the language's own detector ran. */
export interface CommonFacts {
  /** The root .gitignore's patterns, already in .dockerignore form. */
  readonly gitignore: readonly string[];
  /** The snapshot's FIFOs, sockets, devices and links out of the tree, which no COPY may name. */
  readonly uncopyable: readonly UncopyableEntry[];
}

/** What the user chose or confirmed; every field has a CLI flag. */
export interface Choices {
  readonly runtime?: Runtime;
  readonly port?: number;
  readonly main?: string;
  /** Emit no BuildKit-only syntax (cache mounts), for the legacy builder, kaniko and older CI. */
  readonly portable?: boolean;
  /** Registry prefix every base image is pulled through. */
  readonly registry?: string;
  /** Digests the engine knows, by image reference; with them, base images are pinned. */
  readonly digests?: Readonly<Record<string, string>>;
  /** Where the Dockerfile is written relative to the build context, when not at its root (a workspace member's). */
  readonly dockerfile?: string;
  /** Go and C: a small probe in the image so that HEALTHCHECK runs on scratch and distroless (--probe; on under --compose). */
  readonly probe?: boolean;
  /** A CA bundle every download step trusts, passed as a BuildKit secret (--ca-cert, or named by the environment). */
  readonly caCert?: CaCertChoice;
  /** Debian packages the build stage installs besides those detected (--build-packages, or what --verify --fix observed missing). */
  readonly buildPackages?: readonly string[];
  /** Folders, relative to the app's folder, the runtime user owns (--writable, or where --verify --fix saw EACCES). */
  readonly writable?: readonly string[];
  /** Node: the line to use over the detected one (--node-version, or an older one --verify --fix tried after a crash). */
  readonly nodeVersion?: string;
  /** Debian packages the runtime stage installs (--runtime-packages); they need apt, so the runtime is slim. */
  readonly runtimePackages?: readonly string[];
  /** ARGs the build stage declares (--build-arg NAME[=DEFAULT]). */
  readonly buildArgs?: readonly NamedValue[];
  /** The runtime stage's environment (--env NAME=VALUE). */
  readonly env?: readonly NamedValue[];
  /** The user's own instructions at named points (--fragment POINT=FILE); the CLI reads each file's text. */
  readonly fragments?: readonly FragmentChoice[];
  /** Files or folders of the build context the runtime stage copies (--copy SRC[:DEST]). */
  readonly copies?: readonly CopyChoice[];
  /** The image's ENTRYPOINT, over the planned one (--entrypoint). */
  readonly entrypoint?: readonly string[];
  /** The image's CMD, over the planned one (--cmd). */
  readonly cmd?: readonly string[];
  /** The runtime user's numeric id, over 65532 (--user-id). */
  readonly userId?: number;
  /** The platforms one build makes an image for (--platform), as one manifest list; absent: the builder's own. */
  readonly platforms?: readonly Platform[];
  /** A CI workflow that builds every platform and pushes with attestations (--ci github). */
  readonly ci?: CiKind;
}

/** NAME=VALUE, as --build-arg and --env take it; a build arg's value is its default and may be absent. */
export interface NamedValue {
  readonly name: string;
  readonly value?: string;
}

/** Where a fragment goes: each builder stage before its install, the build stage after its build, the runtime stage before USER. */
export const FRAGMENT_POINTS = ['before-install', 'after-build', 'runtime'] as const;
export type FragmentPoint = (typeof FRAGMENT_POINTS)[number];

export interface FragmentChoice {
  readonly point: FragmentPoint;
  /** The file, relative to the project, that holds the instructions. */
  readonly file: string;
  /** Its text, read through the project's reading gate; absent until read. */
  readonly text?: string;
}

export interface CopyChoice {
  readonly source: string;
  /** Where it lands in the runtime stage: absolute, or relative to the runtime's working folder. */
  readonly target: string;
}

/** The customisations as the templates read them (plan.custom): always present, empty when none. */
export interface CustomPlan {
  readonly buildArgs: readonly NamedValue[];
  readonly env: readonly NamedValue[];
  /** Fragment text by point, with its file named in a comment; null where there is none. */
  readonly fragments: Readonly<Record<FragmentPoint, { readonly file: string; readonly text: string } | null>>;
  readonly copies: readonly CopyChoice[];
  /** An ENTRYPOINT the template writes where it would write none (Node's CMD-only stage). */
  readonly entrypoint: readonly string[] | null;
  /** A CMD the template writes after its ENTRYPOINT (Go, C, Python). */
  readonly cmd: readonly string[] | null;
  /** The id the slim runtime's user is created with. */
  readonly userId: number;
}

/** The file and who named it: `--ca-cert`, or the environment variable it was read from (SSL_CERT_FILE...). */
export interface CaCertChoice {
  readonly path: string;
  readonly from: string;
}

/** The CA as the plan passes it: the secret's id, the file the build command names, and the tools' variables set to it. */
export interface CaCertPlan extends CaCertChoice {
  readonly secret: string;
  /** Where RUN finds the secret (BuildKit's default target for its id). */
  readonly target: string;
  /** Each download tool's own variable for a CA bundle (PIP_CERT, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE...). */
  readonly variables: readonly string[];
}

/** One group of .dockerignore patterns, with why it is there. */
export interface IgnoreGroup {
  readonly why: Message;
  readonly patterns: readonly string[];
}

/** What every language's plan holds; the language adds its own details under its own key (plan.go...). */
export interface PlanBase<L extends string = string> {
  readonly language: L;
  readonly runtime: Runtime;
  /** Why this runtime, as a message: templates say it in the output's language, the summary in English. */
  readonly runtimeReason: Message;
  readonly builderImage: string;
  /** Folders of the app the runtime user owns (--writable): gathered by a stage of their own, copied last. */
  readonly writable?: {
    readonly folders: readonly string[];
    readonly copies: readonly {
      readonly path: string;
      readonly stage: string;
      readonly from: string;
      readonly target: string;
      readonly fromContext: boolean;
    }[];
  };
  readonly runtimeImage: string;
  /** An image the build stage copies a tool from (uv's), pulled, mirrored and pinned like the bases. */
  readonly toolImage?: string;
  readonly imageName: string;
  /** Numeric uid:gid, so that even an image without /etc/passwd runs as non-root. */
  readonly user: string;
  /** Whether what runs is a server; the port prompt is asked exactly then. */
  readonly listens: boolean;
  readonly port?: number;
  readonly entrypoint: readonly string[];
  readonly cmd?: readonly string[];
  readonly notes: readonly Message[];
  /** Whether the output uses BuildKit-only syntax (cache mounts), which the header then says. */
  readonly needsBuildKit: boolean;
  /** `portable` when --portable asked for no BuildKit-only syntax at all. */
  readonly profile: 'buildkit' | 'portable';
  /** Nothing in the image handles SIGTERM as PID 1: `docker run --init`, and compose's `init: true`. */
  readonly needsInit: boolean;
  /** Next command a user runs, shown after generation. */
  readonly nextCommand: string;
  /** A CA bundle for every download step (a TLS-inspecting proxy's), passed as a BuildKit secret; never in a layer. */
  readonly caCert?: CaCertPlan;
  /** ARGs with no default, in the order the Dockerfile declares them: values the build takes from whoever runs it (compose passes them from the caller's environment). */
  readonly buildArgs: readonly string[];
  /** The same run, locked down: read-only root, /tmp as tmpfs, no capabilities. */
  readonly hardenedRun: string;
  /** Exec-form HEALTHCHECK command, only where the runtime has a program to run it with. */
  readonly healthcheck?: readonly string[];
  /** Why there is no HEALTHCHECK, when there is none. */
  readonly healthcheckAbsent?: Message;
  /** A probe compiled in the build stage and copied to the runtime, which HEALTHCHECK runs (Go, C with --probe). */
  readonly probe?: { readonly source: string; readonly path: string };
  /** The `test` stage's command; absent when the project has no tests, or under --portable. */
  readonly test?: { readonly command: string; readonly source: string };
  /** True when the project has tests but --portable left the test stage out. */
  readonly testOmitted: boolean;
  /** .dockerignore content, grouped so each group can say why it is there. */
  readonly dockerignore: readonly IgnoreGroup[];
  /** The user's customisations (withCustom fills it for every language; absent only inside a language's planner). */
  readonly custom?: CustomPlan;
  /**
   * Whether the build stage compiles for the target on the build machine's own platform
   * (`FROM --platform=$BUILDPLATFORM`): Go without cgo, static C. Elsewhere a multi-platform build
   * runs each builder stage on its target platform, emulated where that is not the build machine's.
   */
  readonly crossCompiles?: boolean;
  /** --platform: what the build makes, and how (withPlatforms fills it for every language). */
  readonly platforms?: PlatformPlan;
}

/** A multi-platform build as the header, bake and the CI workflow say it. */
export interface PlatformPlan {
  readonly list: readonly Platform[];
  /** `linux/amd64,linux/arm64`, as buildx and bake take it. */
  readonly joined: string;
  /** The buildx command that builds and pushes them all as one manifest list, with SBOM and provenance. */
  readonly pushCommand: string;
}

/** For compiled languages: the one file the runtime copies from the build stage, and where it goes. */
export interface BinaryCopy {
  readonly binary: { readonly source: string; readonly path: string };
}

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}
