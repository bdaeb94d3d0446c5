import { RUNTIMES } from '../core/types.js';
import { LANGUAGE_IDS } from '../languages/registry.js';

export const USAGE = `Usage: create-dockerfile [dir] [options]
       create-dockerfile [dir] --check | --diff
       create-dockerfile update [dir] [--pin-digests] [--renovate]
       create-dockerfile lint [file] [--lang en|fr]
       create-dockerfile explain [file] [--lang en|fr]
       create-dockerfile verify [dir] [--compare] [--keep] [--ca-cert FILE|--no-ca-cert] [--language L] [--workspace NAME] [--start COMMAND]
                                [--lang en|fr] [--report FILE.html]
       create-dockerfile verify [dir] --ladder [--ladder-dir DIR] [--lang en|fr] [--report FILE.html] [--keep] [--ca-cert FILE]
       npm create dockerfile@latest -- [dir] [options]

Detects the project in dir (default: the current directory) and writes a multi-stage Dockerfile
and a .dockerignore: small, non-root, and cached so that a source edit rebuilds in seconds.

Options:
  -y, --yes                   accept every detected default; never prompt
      --language ${LANGUAGE_IDS.join('|')}
                              the language, when the directory holds more than one
      --runtime ${RUNTIMES.join('|')}
                              the final stage's base (default: the smallest that runs the app)
      --port N                the port the service listens on (default: read from the code)
      --main PATH             Go: the main package to build, e.g. cmd/api
      --workspace NAME        one workspace member to build (npm, pnpm, yarn, bun or uv; name or folder)
      --services A,B          a repository of several services: the ones to build (default: every one
                              found: web/, api/, apps/*... each gets its own Dockerfile)
      --compose               also write compose.yaml: the services, the databases and caches their
                              dependencies show (PostgreSQL, Redis, MariaDB, MongoDB), wired by the
                              variable names the code reads; passwords go to .env
      --bake                  also write docker-bake.hcl: one target per service for docker buildx bake
      --start COMMAND         Node: what starts the app ("node dist/server.js", "next start"), over scripts.start
      --dry-run               write nothing; print every file that would be written
      --json                  write nothing; print {facts, plan, files} as JSON
      --force                 overwrite files that differ without asking
      --portable              no BuildKit-only syntax (cache mounts): for the legacy builder, kaniko, old CI
      --probe, --no-probe     Go and C: a static health probe in the image, so HEALTHCHECK runs on scratch and
                              distroless (on by default with --compose)
      --registry PREFIX       pull every base image through a mirror, e.g. mirror.example:5000/hub
      --ca-cert FILE          a CA bundle every download step trusts (a TLS-inspecting proxy's), passed as
                              the BuildKit secret ca-cert, in no layer (default: the file SSL_CERT_FILE,
                              NODE_EXTRA_CA_CERTS, PIP_CERT or REQUESTS_CA_BUNDLE names, said in a note)
      --no-ca-cert            pass no CA bundle, even when the environment names one
      --pin-digests           pin base images to the digests the docker engine knows (@sha256:...)
      --templates DIR         your own templates or partials, laid out like the built-in templates/
      --project-templates     use the project's own .create-dockerfile/templates without asking; they
                              are code from the repository (without a terminal they are otherwise
                              ignored, with a note; on a terminal you are asked)
      --explain [en|fr]       a comment before every instruction saying why it is there, in English
                              (default) or French; without it, only the header and stage banners
      --verify                after writing: build the image, run it, probe it, and report sizes,
                              layers, user and entrypoint; exit 1 if the build or the run fails. With
                              several services, each one; with --compose, then all of them together
                              (compose up --wait: each running and healthy; down -v afterwards)
      --fix                   with --verify: turn what the build and the run showed into flags (the
                              port it listens on, read from its own /proc/net; folders it could not
                              write; Debian packages for a missing header, pkg-config module or
                              command), regenerate with them and verify again; the report lists each
      --node-version N        Node: the line (24) over the one read from engines, .nvmrc and CI
      --build-packages A,B    Debian packages the build stage installs besides the detected ones
      --writable DIR,DIR      Node and Python: folders of the app the runtime user owns (it writes
                              there where it runs); the rest of the app stays read-only
      --runtime-packages A,B  Debian packages the runtime stage installs (the runtime becomes slim)
      --build-arg NAME[=DEF]  an ARG of the build stage, with its default (repeatable)
      --env NAME=VALUE        an ENV of the runtime stage (repeatable); never a secret (refused by name)
      --fragment POINT=FILE   your own instructions from FILE at POINT: before-install (each builder
                              stage, before its install), after-build (the build stage, after its build)
                              or runtime (the runtime stage, before USER); repeatable
      --copy SRC[:DEST]       a file or folder of the project the runtime stage copies (repeatable; DEST
                              defaults to SRC under the runtime's working folder, or / where it has none)
      --cmd "ARGS"            the image's CMD, in exec form (use --cmd="--flag x" for leading dashes)
      --entrypoint "COMMAND"  the image's ENTRYPOINT, in exec form
      --user-id N             the runtime user's numeric id (default 65532)
      --platform A,B          build for several platforms as one image (linux/amd64,linux/arm64): Go
                              and static C cross-compile on the build machine's platform, the rest
                              builds on each target (emulated by QEMU where it is not native); the
                              header prints the buildx command that pushes it with SBOM and provenance
      --ci github             also write .github/workflows/image.yml: builds on every push and pull
                              request, pushes to ghcr.io with SBOM, provenance and a registry cache
                              from the default branch and v* tags
      --check                 write nothing; exit 1 and print the diff when regenerating with the saved
                              choices would change a file (a CI step)
      --diff                  write nothing; print what regenerating would change
      --reset                 ignore the choices saved in .create-dockerfile.json
      --no-compose, --no-bake, --no-portable, --no-project-templates, --no-platform, --no-ci
                              turn off a choice saved on (the flags' defaults are off)
      --compare               with --verify: also build the naive single-stage variant and print
                              both sizes and the reduction
      --keep                  with --verify: keep the images it built (removed by default)
  -h, --help                  show this help
  -v, --version               show the version

\`lint\` checks any Dockerfile (default ./Dockerfile) against the rules every generated one passes
(hadolint's DL rules and BuildKit's build checks) and prints file:line RULE message for each finding.

\`explain\` explains any Dockerfile (default ./Dockerfile), yours or anyone's: for each instruction
(and parser directive) what it does, what about it is good practice or to fix, and lint's findings on
its lines, in English or French (--lang fr). It always exits 0; \`lint\` is the one that fails.

\`verify --ladder\` builds the course's steps on your project, one Dockerfile each in DIR (default
ladder/, inside the project): single stage, multi-stage, slim base, distroless or scratch, non-root,
hardened run; it runs each and prints one table (size, layers, build time, user, the reduction each
step bought), in English or French (--lang fr), and says why a step that does not apply is skipped.
--report FILE.html also writes it as one self-contained page: the sizes as a chart and a table, the
final image's layers by size, lint findings, and the run checks (user, PID 1, health).

\`verify\` does what --verify does, for the Dockerfile already in dir. It uses your docker CLI as
it is set up: DOCKER_HOST and the current docker context apply, and a remote engine's published
port is probed on that engine's host. --lang fr prints its report in French; --report FILE.html
writes it as the same page as the ladder's (with --compare, the naive and the generated image).

Every sentence is in English or French: --explain fr for a generation, --lang fr for verify, explain
and lint; errors follow the flag, even on a command line they refuse.

Every run that writes saves its choices, and the files as generated, in .create-dockerfile.json; the
next run takes them as defaults (flags override and are saved) and merges your own edits of the
generated files with what it regenerates, three-way, as git merges. An edit of the very lines the
regeneration changes is a conflict: nothing is written, the diff is printed, exit 1 (--force takes
the regenerated file).

\`update\` moves the base images to the newest tags the project's versions allow (and, with
--pin-digests, to the digests the engine knows), keeping your edits; --renovate also writes a
renovate.json that keeps the pinned digests current.

Without a terminal on stdin, create-dockerfile behaves as with --yes and says so on stderr.
Exit codes: 0 done, 1 project or user error, 2 usage error.
`;
