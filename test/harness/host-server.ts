import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { docker } from '../../generators/verify/docker.js';

/** An HTTP server on this machine that builds (BuildKit's RUN steps) and containers can reach. */
export interface HostServer {
  /** http://<bridge gateway>:<port> */
  readonly origin: string;
  readonly host: string;
  readonly close: () => Promise<void>;
}

export async function startHostServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<HostServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const host = await bridgeGateway();
  return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, host, close: () => closeServer(server) };
}

/** Containers (and BuildKit's RUN steps) reach this machine at the default bridge's gateway. */
export async function bridgeGateway(): Promise<string> {
  const result = await docker(['network', 'inspect', 'bridge', '--format', '{{(index .IPAM.Config 0).Gateway}}']);
  return String(result.stdout).trim() || '172.17.0.1';
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
