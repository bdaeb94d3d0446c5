import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { packageRoot } from '../../generators/util/package-root.js';
import { CA_ENVIRONMENT } from '../../generators/cli/ca-cert.js';

export const fixturePath = (language: string, name: string) => join(packageRoot, 'test/fixtures', language, name);

/** A throw-away copy of a fixture, so generating into it never touches the repository. */
export function copyFixture(language: string, name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `cdf-${name}-`)), name);
  cpSync(fixturePath(language, name), dir, { recursive: true });
  return dir;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export const binPath = join(packageRoot, 'bin/create-dockerfile.cjs');

/**
 * The environment a test's CLI starts from: this machine's. Unit tests leave out the variables that
 * name a CA bundle, which would otherwise change every output (a test that wants one sets it, or
 * --ca-cert); integration tests keep SSL_CERT_FILE, as a user here has it (integration-env.ts).
 */
export function testEnvironment(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of CA_ENVIRONMENT) delete env[name];
  if (process.env.CREATE_DOCKERFILE_TEST_CA === 'environment') env.SSL_CERT_FILE = process.env.SSL_CERT_FILE;
  return env;
}

/** Runs the built CLI as a user would, with stdin closed so that it is never a TTY. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; input?: string; uid?: number; timeoutMs?: number; env?: Record<string, string> } = {},
) {
  return execa(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? packageRoot,
    // Permissions only bite a user who is not root; tests about them run the CLI as that user.
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    input: options.input ?? '',
    reject: false,
    timeout: options.timeoutMs ?? 60_000,
    // Another user has a home of their own; root's is out of their reach.
    extendEnv: false,
    env: { ...testEnvironment(), NO_COLOR: '1', FORCE_COLOR: '0', ...(options.uid === undefined ? {} : { HOME: tmpdir() }), ...options.env },
  });
}
