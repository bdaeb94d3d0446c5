import { posix } from 'node:path';
import { NONROOT } from '../../core/plan/images.js';
import { HARDENING } from '../../core/plan/next-command.js';
import { contextPath } from '../../core/render/quote.js';
import type { Runtime } from '../../core/types.js';
import { nodeHealthcheck } from './healthcheck.js';
import { NODE_IMAGES } from './images.js';
import type { NodeDetails, NodeFacts } from './types.js';

/**
 * What the final stage is, decided once: a static site's files served by unprivileged nginx, or the
 * app's own server run by node. Everything that differs between the two is here; planNode takes
 * the one it is given and never asks again.
 */
export interface RuntimeStage {
  readonly runtimeImage: string;
  readonly user: string;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly env: NodeDetails['env'];
  /** Node as PID 1 ignores SIGTERM unless the app handles it; --init gives it a real init. */
  readonly needsInit: boolean;
  readonly runFlags: readonly string[];
  readonly hardening: readonly string[];
  readonly healthcheck: readonly string[] | undefined;
  readonly runtimeSummary: NodeDetails['runtimeSummary'];
  readonly staticSite: NodeDetails['staticSite'];
  /** Whether node_modules and the project's files reach the runtime at all (a site ships only its files). */
  readonly runsNode: boolean;
}

/** nginx-unprivileged's own user; numeric, like every other image here. */
const NGINX_USER = '101:101';

/** The unprivileged nginx image has curl, as upstream's does. */
const curlHealthcheck = (port: number) => ['curl', '-fsS', '-o', '/dev/null', `http://127.0.0.1:${port}/`];

export function staticSiteStage(site: NonNullable<NodeFacts['staticSite']>, port: number | undefined, workdir: string): RuntimeStage {
  return {
    runtimeImage: NODE_IMAGES.nginxUnprivileged,
    user: NGINX_USER,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: [],
    needsInit: false,
    runFlags: [],
    // nginx writes its pid and temp files under /tmp, and needs no capability to bind 8080.
    hardening: HARDENING,
    healthcheck: port === undefined ? undefined : curlHealthcheck(port),
    runtimeSummary: 'summary.node.runtime.static',
    staticSite: {
      root: contextPath(posix.join(workdir, site.root), 'static site folder'),
      conf: nginxConf(port ?? 8080, site.spa, site.hashed),
    },
    runsNode: false,
  };
}

export function serverStage(node: NodeFacts, runtime: Runtime, port: number | undefined): RuntimeStage {
  const distroless = runtime === 'distroless';
  const node_ = distroless ? '/nodejs/bin/node' : 'node';
  return {
    runtimeImage: distroless ? NODE_IMAGES.distrolessNode(node.nodeMajor) : NODE_IMAGES.nodeSlim(node.nodeMajor),
    user: distroless ? NONROOT : 'node',
    entrypoint: distroless ? ['/nodejs/bin/node'] : ['docker-entrypoint.sh'],
    // distroless's ENTRYPOINT is node itself, so CMD is only its arguments; the slim image's
    // entrypoint script would also run a file, but an explicit node keeps the intent readable.
    cmd: distroless ? [...node.start] : ['node', ...node.start],
    // Code that reads its port from the environment gets the port the image exposes.
    env: port === undefined ? [] : [...node.serverEnv, { name: 'PORT', value: String(port) }],
    needsInit: true,
    runFlags: ['--init'],
    hardening: ['--init', ...HARDENING],
    healthcheck: port === undefined ? undefined : nodeHealthcheck(node_, port),
    runtimeSummary: (node.outputCopies ?? []).length > 0 ? 'summary.node.runtime.output' : 'summary.node.runtime',
    staticSite: undefined,
    runsNode: true,
  };
}

/**
 * The site's server block: gzip for text, a year of caching for files whose names carry a content
 * hash, none for index.html (it names the current hashes), and for a single-page app every unknown
 * path answered by index.html so that client-side routes survive a reload.
 */
function nginxConf(port: number, spa: boolean, hashed: readonly string[]): string[] {
  return [
    'server {',
    `    listen ${port};`,
    '    server_name _;',
    '    root /usr/share/nginx/html;',
    '    index index.html;',
    '    gzip on;',
    '    gzip_min_length 256;',
    '    gzip_types text/plain text/css application/javascript application/json image/svg+xml application/xml;',
    ...hashed.flatMap((folder) => [
      `    location /${folder}/ {`,
      '        expires 1y;',
      '        add_header Cache-Control "public, max-age=31536000, immutable";',
      '        try_files $uri =404;',
      '    }',
    ]),
    '    location = /index.html {',
    '        add_header Cache-Control "no-cache";',
    '    }',
    '    location / {',
    spa ? '        try_files $uri $uri/ /index.html;' : '        try_files $uri $uri/ $uri.html =404;',
    '    }',
    ...(spa ? [] : ['    error_page 404 /404.html;']),
    '}',
  ];
}
