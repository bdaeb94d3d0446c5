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
  /** Shell command run in the finished image; its output must contain `expect`. */
  readonly check?: { readonly command: readonly string[]; readonly expect: string };
}

export type Recipe = DebootstrapRecipe | DockerfileRecipe;

const DEBIAN_SOURCES = `Types: deb
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

export const SLIM_SOURCES = DEBIAN_SOURCES;

/** The host CA bundle; it holds the proxy CA that builders need to reach package registries. */
const machineCa = () => process.env.SSL_CERT_FILE ?? '/etc/ssl/certs/ca-certificates.crt';

/**
 * Adds to the store only the machine's certificates that Debian's bundle lacks (the intercepting
 * proxy's CA), so the bundle a generated image copies stays the size upstream's is, give or take one.
 */
const TRUST_MACHINE_CA = `    mkdir -p /tmp/mca; \\
    awk '/BEGIN CERT/{n++} n{print > ("/tmp/mca/" n ".pem")}' /tmp/machine-ca.crt; \\
    grep -v -- ----- /etc/ssl/certs/ca-certificates.crt | tr -d '\\n' > /tmp/debian-bodies; \\
    for pem in /tmp/mca/*.pem; do \\
      body=$(grep -v -- ----- "$pem" | tr -d '\\n'); \\
      grep -qF "$body" /tmp/debian-bodies || cp "$pem" "/usr/local/share/ca-certificates/machine-$(basename "$pem" .pem).crt"; \\
    done; \\
    update-ca-certificates; \\
    rm -rf /tmp/mca /tmp/debian-bodies /tmp/machine-ca.crt; \\`;

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
    context: { 'machine-ca.crt': machineCa() },
    dockerfile: `FROM debian:13-slim
COPY machine-ca.crt /tmp/machine-ca.crt
RUN set -eux; \\
${backports ? `    echo 'deb http://deb.debian.org/debian ${backports} main' > /etc/apt/sources.list.d/backports.list; \\\n` : ''}    apt-get update; \\
    apt-get install -y --no-install-recommends ca-certificates git gcc libc6-dev make pkg-config \\
      ${backports ? `-t ${backports} ` : ''}golang-${minor}-go; \\
${TRUST_MACHINE_CA}
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
function distroless(name: string, libraries: readonly string[]): DockerfileRecipe {
  const copyLibs = libraries.length === 0 ? '' : `    for pkg in ${libraries.join(' ')}; do dpkg -L "$pkg" | while read -r f; do if [ -f "$f" ] || [ -L "$f" ]; then cp -a --parents "$f" /rootfs; fi; done; done; \\\n`;
  return {
    kind: 'dockerfile',
    image: `gcr.io/distroless/${name}-debian13:nonroot`,
    parents: ['debian:13-slim'],
    dockerfile: `FROM debian:13-slim AS assemble
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends ca-certificates tzdata netbase ${libraries.join(' ')}; \\
    mkdir -p /rootfs/etc/ssl/certs /rootfs/usr/share /rootfs/usr/lib /rootfs/usr/bin /rootfs/usr/sbin /rootfs/tmp /rootfs/home/nonroot /rootfs/root /rootfs/var/lib/dpkg; \\
    ln -s usr/bin /rootfs/bin; ln -s usr/sbin /rootfs/sbin; ln -s usr/lib /rootfs/lib; \\
    if [ -d /usr/lib64 ]; then mkdir -p /rootfs/usr/lib64; ln -s usr/lib64 /rootfs/lib64; fi; \\
${copyLibs}    cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/; \\
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
USER 65532
WORKDIR /home/nonroot
`,
  };
}

export const RECIPES: readonly Recipe[] = [
  debianSlim,
  golang('1.24'),
  golang('1.25'),
  golang('1.26'),
  distroless('static', []),
  distroless('base', ['libc6', 'libssl3t64']),
];

export const recipeFor = (image: string) => RECIPES.find((recipe) => recipe.image === image);
