import { MACHINE_CA } from './machine-ca.js';

/**
 * Integration tests run the CLI as a user of this machine would: with the environment naming the
 * machine's CA bundle, so that every generated download step takes it as the ca-cert secret (unit
 * tests start from an environment without it, so that their output does not depend on the machine).
 */
process.env.SSL_CERT_FILE = MACHINE_CA;
process.env.CREATE_DOCKERFILE_TEST_CA = 'environment';
