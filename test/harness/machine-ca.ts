import { caSecretValue } from '../../generators/core/plan/ca-cert.js';

/**
 * This machine's CA bundle, which holds the CA of the TLS-inspecting proxy its registries answer
 * through: what a user here passes with --ca-cert (the environment names it in SSL_CERT_FILE). The
 * stand-in bases trust Debian's roots only, so every build that downloads over TLS needs it.
 */
export const MACHINE_CA = process.env.SSL_CERT_FILE || '/etc/ssl/certs/ca-certificates.crt';

/** `docker build` flags that hand the bundle to a Dockerfile mounting the ca-cert secret. */
export const caSecretArgs = (): string[] => ['--secret', caSecretValue(MACHINE_CA)];

/** `docker run` flags for a test's own container that downloads (a floor measured with npm): each tool's variable. */
export const caRunArgs = (): string[] => [
  '-v',
  `${MACHINE_CA}:/run/machine-ca.pem:ro`,
  ...['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'PIP_CERT', 'REQUESTS_CA_BUNDLE'].flatMap((name) => ['-e', `${name}=/run/machine-ca.pem`]),
];
