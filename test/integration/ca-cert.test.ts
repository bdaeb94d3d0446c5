import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from '../harness/engine.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { caSecretArgs, MACHINE_CA } from '../harness/machine-ca.js';
import { serve, withFixture } from '../harness/scenario.js';

jest.setTimeout(20 * 60_000);
beforeAll(requireEngine);

/** Each certificate of a PEM bundle, as its base64 body on one line. */
const certificateBodies = (pem: string): string[] =>
  [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((match) => match[1]!.replace(/\s+/g, ''));

/**
 * The certificates that make this machine's bundle differ from Debian's, which every stand-in base
 * holds: the proxy's CA, the one a build must be given and must never keep.
 */
async function proxyCertificates(image: string): Promise<string[]> {
  // Copied out, not run: a distroless image has no cat.
  const id = String((await docker(['create', image])).stdout).trim();
  const dir = mkdtempSync(join(tmpdir(), 'cdf-roots-'));
  let debian: string;
  try {
    await docker(['cp', `${id}:/etc/ssl/certs/ca-certificates.crt`, join(dir, 'roots.pem')]);
    debian = readFileSync(join(dir, 'roots.pem'), 'utf8');
  } finally {
    await docker(['rm', id], { reject: false });
    rmSync(dir, { recursive: true, force: true });
  }
  const known = new Set(certificateBodies(debian));
  return certificateBodies(readFileSync(MACHINE_CA, 'utf8')).filter((body) => !known.has(body));
}

/** Every file of every layer of an image (docker save), searched for any of the bodies, wrapped at any width. */
function layersHolding(image: string, bodies: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cdf-layers-'));
  try {
    execFileSync('sh', ['-c', `${process.env.DOCKER_BIN ?? 'docker'} save "$1" | tar -x -C "$2"`, 'sh', image, dir]);
    const found: string[] = [];
    const walk = (path: string): void => {
      for (const name of readdirSync(path)) {
        const child = join(path, name);
        const stat = statSync(child, { throwIfNoEntry: false });
        if (stat?.isDirectory()) walk(child);
        else if (stat?.isFile() && name.endsWith('.tar')) {
          const listing = execFileSync('tar', ['-xOf', child], { maxBuffer: 1 << 30 })
            .toString('latin1')
            .replace(/\s+/g, '');
          if (bodies.some((body) => listing.includes(body.slice(0, 200)))) found.push(name);
        } else if (stat?.isFile() && name.endsWith('.json') && bodies.some((body) => readFileSync(child, 'latin1').includes(body.slice(0, 60))))
          found.push(name);
      }
    };
    walk(dir);
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('behind this machine\u2019s TLS-inspecting proxy, with stand-in bases that trust only Debian\u2019s roots', () => {
  test('npm fails with the certificate error without the ca-cert secret, and builds and serves with it; no layer holds the CA', () =>
    withFixture('node', 'express-app', async (scenario) => {
      const { plan } = await generateInto(scenario.dir);
      // The environment names the machine's bundle: the plan passes it and says where it came from.
      expect(plan.caCert).toMatchObject({ path: MACHINE_CA, from: 'SSL_CERT_FILE', variables: ['NODE_EXTRA_CA_CERTS'] });

      for (const image of [plan.builderImage, plan.runtimeImage]) await ensureBase(image);
      const without = await docker(['build', '--no-cache', '--progress', 'plain', '-t', scenario.image('cdf-ca-without:test'), scenario.dir], {
        reject: false,
        all: true,
      });
      expect(without.exitCode).not.toBe(0);
      expect(String(without.all)).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|self[- ]signed certificate in certificate chain|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);

      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const { response } = await serve(scenario, tag, plan.port!, '/health');
      expect([response.status, response.body]).toEqual([200, expect.stringContaining('express')]);

      const proxy = await proxyCertificates(plan.runtimeImage);
      // The check means something only if this machine's bundle holds a CA Debian's lacks.
      expect(proxy.length).toBeGreaterThan(0);
      expect(layersHolding(tag, proxy)).toEqual([]);
      const builder = scenario.image(`${tag.split(':')[0]}-build:test`);
      await docker(['build', '--target', 'build', ...caSecretArgs(), '-t', builder, scenario.dir]);
      expect(layersHolding(builder, proxy)).toEqual([]);
      // Nor does the runtime's environment point a tool at the secret (it is set per step, in the builder).
      expect((await inspectImage(tag)).Config.Env?.filter((entry) => entry.includes('/run/secrets'))).toEqual([]);
    }));
});
