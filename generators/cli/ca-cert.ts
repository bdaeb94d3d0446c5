import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { CaCertChoice } from '../core/types.js';
import type { CliOptions } from './args.js';
import { ERRORS } from '../core/explain/error-messages.js';

/**
 * Where a user's environment already names a CA bundle, in the order tools read them: the one
 * OpenSSL, Go, curl and uv read, then Node's, pip's and requests'. The first set is the one passed.
 */
export const CA_ENVIRONMENT = ['SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS', 'PIP_CERT', 'REQUESTS_CA_BUNDLE'] as const;

/**
 * The CA bundle a run passes to every download step: --ca-cert, else the first of CA_ENVIRONMENT
 * set, unless --no-ca-cert or --portable (whose builds take no secrets: the plan says so in a note).
 * The path is made absolute, since the build command runs from the project; only its existence is
 * checked, the file itself is never read.
 */
export function caCertOf(cli: Pick<CliOptions, 'caCert' | 'noCaCert'>, env: NodeJS.ProcessEnv, cwd = process.cwd()): CaCertChoice | undefined {
  if (cli.noCaCert) return undefined;
  const named = cli.caCert ?? fromEnvironment(env);
  if (!named) return undefined;
  const path = resolve(cwd, named.path);
  const origin = named.from === '--ca-cert' ? '--ca-cert' : `${named.from} (your environment)`;
  // docker build --secret, compose and bake read `id=...,src=PATH` as CSV: a comma or quote would split it.
  if (/[\u0000-\u001f\u007f\u2028\u2029,"]/.test(path))
    throw new UsageError(ERRORS.message('error.ca-cert.holds-comma-quote', { origin, path: JSON.stringify(path) }));
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isFile) {
    const settle = named.from === '--ca-cert' ? 'name a PEM file' : 'set it to a PEM file, pass --ca-cert FILE, or --no-ca-cert';
    throw new UsageError(ERRORS.message('error.ca-cert.names-which-file', { origin, path: JSON.stringify(path), settle }));
  }
  return { path, from: named.from };
}

export function fromEnvironment(env: NodeJS.ProcessEnv): CaCertChoice | undefined {
  for (const name of CA_ENVIRONMENT) {
    const value = env[name]?.trim();
    if (value) return { path: value, from: name };
  }
  return undefined;
}
