import { request } from 'node:http';
import { jest } from '@jest/globals';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { requireEngine } from '../harness/engine.js';
import { nodeFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { httpGet } from '../harness/container.js';
import { serve, withFixture } from '../harness/scenario.js';
import { narrow } from '../harness/narrow.js';
import { startPrismaMirror, type PrismaMirror } from '../harness/prisma-mirror.js';

// Each fixture installs its framework from the npm registry and runs its real build.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/**
 * Framework apps written the way each framework's own guide starts one, with their real packages:
 * generated with --yes and nothing else, built, run, and asked for their own page and for who serves
 * it. A framework server must run as non-root with node itself as PID 1.
 */
interface ServerCase {
  readonly fixture: string;
  readonly framework: string;
  readonly port: number;
  /** The page the framework renders, and the route that reports uid, pid and NODE_ENV. */
  readonly page: string;
  readonly whoami: string;
  /** What `ps` shows for a server that renames its own process (Next.js sets process.title). */
  readonly title?: RegExp;
}

const SERVERS: readonly ServerCase[] = [
  { fixture: 'next-standalone', framework: 'Next.js', port: 3000, page: '/', whoami: '/api/whoami', title: /^next-server \(v16\./ },
  { fixture: 'next-start', framework: 'Next.js', port: 3000, page: '/', whoami: '/api/whoami', title: /^next-server \(v16\./ },
  { fixture: 'nest-app', framework: 'NestJS', port: 3000, page: '', whoami: '/' },
  { fixture: 'fastify-app', framework: 'Fastify (fastify-cli)', port: 3000, page: '', whoami: '/' },
  { fixture: 'nuxt-app', framework: 'Nuxt', port: 3000, page: '/', whoami: '/api/whoami' },
  { fixture: 'react-router-app', framework: 'React Router', port: 3000, page: '/', whoami: '/whoami' },
  { fixture: 'astro-node', framework: 'Astro', port: 4321, page: '/', whoami: '/api/whoami' },
  { fixture: 'sveltekit-node', framework: 'SvelteKit', port: 3000, page: '/', whoami: '/whoami' },
  { fixture: 'koa-app', framework: '', port: 3000, page: '', whoami: '/' },
  { fixture: 'hono-app', framework: '', port: 3000, page: '', whoami: '/' },
  // Installs only with the project's .npmrc (legacy-peer-deps): settings and no token, so it is copied like package.json.
  { fixture: 'npmrc-app', framework: '', port: 3000, page: '', whoami: '/' },
];

describe.each(SERVERS)('Node framework $fixture', ({ fixture, framework, port, page, whoami, title }) => {
  test('generated with --yes, serves its own page as non-root with node as PID 1', async () => {
    await withFixture('node', fixture, async (scenario) => {
      const result = await generateInto(scenario.dir);
      const facts = narrow(result.facts, 'node');
      const { plan } = result;
      expect([facts.framework?.name ?? '', plan.port, plan.runtime]).toEqual([framework, port, 'distroless']);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const running = await serve(scenario, tag, port, whoami);
      expect(running.response.status).toBe(200);
      const body = JSON.parse(running.response.body) as { fixture: string; uid: number; pid: number; env: string };
      expect(body).toEqual({ fixture, uid: 65532, pid: 1, env: 'production' });
      if (page !== '') {
        const rendered = await httpGet(`${running.url}${page}`);
        expect([rendered.status, rendered.body]).toEqual([200, expect.stringContaining(`${fixture} fixture page`)]);
      }
      // One process, node itself, running what the plan says.
      const top = String((await docker(['top', running.id, '-o', 'pid,uid,args'])).stdout)
        .trim()
        .split('\n')
        .slice(1);
      expect(top).toHaveLength(1);
      const [, uid, ...args] = top[0]!.trim().split(/\s+/);
      // The whoami answer above proved the server is PID 1; its command line is node running the planned start.
      expect([uid, args.join(' ')]).toEqual(['65532', title ? expect.stringMatching(title) : ['/nodejs/bin/node', ...facts.start].join(' ')]);
      // No npm, no compiler, no sources the build replaced.
      const files = await listFiles(tag);
      expect(files.filter((path) => /(^|\/)bin\/(npm|gcc|cc|make)$/.test(path))).toEqual([]);
      // An .npmrc reaches the image only where it is the project's settings file, never anywhere else.
      expect(files.filter((path) => /(^|\/)\.npmrc$/.test(path))).toEqual(fixture === 'npmrc-app' ? [expect.stringMatching(/^\/?app\/\.npmrc$/)] : []);
      const image = await inspectImage(tag);
      expect(image.Size).toBeLessThanOrEqual((await nodeFloor(tag, plan)).bytes * 1.05);
    });
  });
});

interface StaticCase {
  readonly fixture: string;
  readonly framework: string;
  readonly page: string;
  /** A client-side route: a single-page app answers it with index.html, a multi-page site with 404. */
  readonly unknown: { readonly path: string; readonly status: number };
  /** A content-hashed file the home page links, when the build emits one. */
  readonly hashed?: RegExp;
}

const SITES: readonly StaticCase[] = [
  { fixture: 'vite-site', framework: 'Vite', page: '/', unknown: { path: '/settings/profile', status: 200 }, hashed: /"(\/assets\/[^"]+\.js)"/ },
  { fixture: 'astro-static', framework: 'Astro', page: '/docs/', unknown: { path: '/no-such-page', status: 404 } },
];

/** Headers as the server sends them, asking for gzip (fetch would hide the encoding). */
function rawHead(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    call.on('error', reject);
    call.end();
  });
}

describe.each(SITES)('static site $fixture', ({ fixture, framework, page, unknown, hashed }) => {
  test('generated with --yes, served by unprivileged nginx with no Node in the image', async () => {
    await withFixture('node', fixture, async (scenario) => {
      const result = await generateInto(scenario.dir);
      const facts = narrow(result.facts, 'node');
      const { plan } = result;
      expect([facts.framework?.name, facts.staticSite !== undefined, plan.port, plan.runtimeImage]).toEqual([
        framework,
        true,
        8080,
        'nginxinc/nginx-unprivileged:1.26',
      ]);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const running = await serve(scenario, tag, 8080, page);
      expect([running.response.status, running.response.body]).toEqual([200, expect.stringContaining(`${fixture}`)]);
      const base = running.url;
      expect((await httpGet(`${base}${unknown.path}`)).status).toBe(unknown.status);
      const home = await httpGet(`${base}/`);
      if (hashed) {
        const asset = hashed.exec(home.body)?.[1];
        expect(asset).toBeDefined();
        const head = await rawHead(`${base}${asset!}`);
        expect([head.status, head.headers['cache-control'], head.headers['content-encoding']]).toEqual([200, expect.stringContaining('immutable'), 'gzip']);
      }
      expect((await rawHead(`${base}/`)).headers['cache-control']).toBe('no-cache');
      const uids = String((await docker(['top', running.id, '-o', 'pid,uid'])).stdout)
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[1]);
      expect(new Set(uids)).toEqual(new Set(['101']));
      const files = await listFiles(tag);
      expect(files.filter((path) => /(^|\/)(node|npm)$|node_modules/.test(path))).toEqual([]);
      expect(files).toContain('usr/share/nginx/html/index.html');
    });
  });
});

describe('Prisma', () => {
  let mirror: PrismaMirror;
  beforeAll(async () => {
    mirror = await startPrismaMirror();
  });
  afterAll(() => mirror.close());

  test('the client is generated in the build from the schema, and the image imports it with no Prisma CLI', async () => {
    await withFixture('node', 'prisma-app', async (scenario) => {
      const result = await generateInto(scenario.dir);
      const facts = narrow(result.facts, 'node');
      const { plan } = result;
      expect(facts.prisma).toMatchObject({ schema: 'prisma/schema.prisma', configFile: 'prisma.config.ts', byInstall: true });
      expect(facts.devOnlyScripts).toEqual(['postinstall']);
      const tag = scenario.image(await buildImage(scenario.dir, plan, { buildArgs: mirror.buildArgs }));
      // The build reached Prisma's engines through the mirror argument, not the network.
      expect(mirror.requests.some((path) => path.endsWith('/schema-engine.gz'))).toBe(true);
      const running = await serve(scenario, tag, 3000, '/');
      expect([running.response.status, JSON.parse(running.response.body)]).toEqual([
        200,
        { fixture: 'prisma-app', models: ['User', 'Post'], client: expect.stringMatching(/^7\./), uid: 65532, pid: 1, env: 'production' },
      ]);
      const files = await listFiles(tag);
      // The compiled client ships, not its TypeScript (the build compiled it). The CLI may still be there:
      // it is an optional peer of @prisma/client, which npm installs with production dependencies.
      expect(files).toContain('app/dist/generated/prisma/client.js');
      expect(files.filter((path) => /^app\/generated\//.test(path))).toEqual([]);
      const image = await inspectImage(tag);
      expect(image.Size).toBeLessThanOrEqual((await nodeFloor(tag, plan)).bytes * 1.05);
    });
  });
});
