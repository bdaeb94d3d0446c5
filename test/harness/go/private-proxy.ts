import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ZipFile } from 'yazl';
import { packageRoot } from '../../../generators/util/package-root.js';
import { bridgeGateway } from '../host-server.js';

/** Each folder of test/fixtures/go-private is one module, corp.test/team/<folder>, at this version. */
const MODULES = join(packageRoot, 'test/fixtures/go-private');
const PREFIX = 'corp.test/team/';
const VERSION = 'v1.0.0';

export interface PrivateProxy {
  /** https://<bridge gateway>:<port>, which a build reaches. */
  readonly origin: string;
  /** The CA that signed its certificate, as a company's own CA is: builds trust it through the ca-cert secret. */
  readonly caPem: string;
  readonly host: string;
  /** The credentials it asks for, as a netrc file's line for it: the go command matches `machine` against host:port. */
  readonly netrc: string;
  /** How many requests it refused for want of credentials. */
  readonly refused: () => number;
  readonly close: () => Promise<void>;
}

/**
 * A company's module proxy, as GOPROXY's protocol has it (/<module>/@v/list, .info, .mod, .zip),
 * serving the team's private modules behind HTTP basic authentication over HTTPS, with a certificate
 * from the company's own CA: the go command sends the credentials the netrc secret holds for this
 * host (over HTTPS only), and trusts the certificate through the CA bundle. Anything else is 404, so
 * that the go command goes on to the next proxy in GOPROXY (proxy.golang.org) for public modules.
 */
export async function startPrivateProxy(): Promise<PrivateProxy> {
  const user = 'ci-bot';
  const password = `p${Math.random().toString(36).slice(2)}`;
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  let refused = 0;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://proxy').pathname);
    const match = /^\/(corp\.test\/team\/[a-z0-9-]+)\/@v\/(list|(v[^/]+)\.(info|mod|zip))$/.exec(path);
    if (!match) return response.writeHead(404).end('not a private module');
    if (request.headers.authorization !== expected) {
      refused++;
      return response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="corp modules"' }).end('unauthorized');
    }
    const module = match[1]!;
    const dir = join(MODULES, module.slice(PREFIX.length));
    if (match[2] === 'list') return response.end(`${VERSION}\n`);
    if (match[3] !== VERSION) return response.writeHead(404).end('no such version');
    if (match[4] === 'info') return response.end(JSON.stringify({ Version: VERSION, Time: '2026-01-01T00:00:00Z' }));
    if (match[4] === 'mod') return response.end(readFileSync(join(dir, 'go.mod')));
    const zip = new ZipFile();
    for (const file of readdirSync(dir).sort()) zip.addBuffer(readFileSync(join(dir, file)), `${module}@${VERSION}/${file}`);
    zip.end();
    response.writeHead(200, { 'Content-Type': 'application/zip' });
    zip.outputStream.pipe(response);
  };
  const host = await bridgeGateway();
  const tls = await companyCertificate(host);
  const server = createServer({ key: tls.key, cert: tls.cert }, handler);
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const address = `${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin: `https://${address}`,
    host,
    caPem: tls.caPem,
    netrc: `machine ${address} login ${user} password ${password}\n`,
    refused: () => refused,
    close: () => closeServer(server),
  };
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A throw-away CA, and a certificate it signs for the gateway's address, made with openssl. */
async function companyCertificate(ip: string): Promise<{ key: Buffer; cert: Buffer; caPem: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cdf-corp-ca-'));
  const openssl = (args: readonly string[]) => execa('openssl', args, { cwd: dir });
  try {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=corp.test module proxy CA',
    ]);
    await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${ip}`]);
    writeFileSync(join(dir, 'san.ext'), `subjectAltName=IP:${ip}\nextendedKeyUsage=serverAuth\n`);
    await openssl([
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '2',
      '-extfile',
      'san.ext',
    ]);
    return { key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')), caPem: readFileSync(join(dir, 'ca.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
