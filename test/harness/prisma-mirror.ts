import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startHostServer } from './host-server.js';

/**
 * binaries.prisma.sh is out of reach here, and `prisma generate` fetches its schema engine from it
 * before it generates anything (it never runs the engine to generate). This stands in for it the
 * way the stand-in bases stand in for a registry: any engine asked for is a small script that says
 * what it is, with the checksums Prisma verifies. Builds reach it through PRISMA_ENGINES_MIRROR,
 * the build argument the generated Dockerfile declares for exactly this (a mirror in a closed network).
 */
const ENGINE = '#!/bin/sh\necho "stand-in for a Prisma engine (the tests cannot reach binaries.prisma.sh)" >&2\nexit 1\n';

export interface PrismaMirror {
  readonly buildArgs: Record<string, string>;
  /** Paths asked for, so a test can prove the build went through the mirror. */
  readonly requests: readonly string[];
  readonly close: () => Promise<void>;
}

export async function startPrismaMirror(): Promise<PrismaMirror> {
  const plain = Buffer.from(ENGINE);
  const zipped = gzipSync(plain);
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  const requests: string[] = [];
  const server = await startHostServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    // <channel>/<commit>/<platform>/<engine>[.gz][.sha256]
    if (!/^\/[\w-]+\/[0-9a-f]{40}\/[\w.-]+\/[\w.-]+$/.test(path)) return void response.writeHead(404).end('not found');
    const body = path.endsWith('.gz.sha256') ? sha(zipped) : path.endsWith('.sha256') ? sha(plain) : path.endsWith('.gz') ? zipped : undefined;
    if (body === undefined) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  return { buildArgs: { PRISMA_ENGINES_MIRROR: server.origin }, requests, close: server.close };
}
