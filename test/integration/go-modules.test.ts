import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { startPrivateProxy } from '../harness/go/private-proxy.js';
import { MACHINE_CA } from '../harness/machine-ca.js';
import { httpGet, processUids } from '../harness/container.js';
import { goFloor } from '../harness/floor.js';
import { generateInto } from '../harness/generated.js';
import { requireEngine } from '../harness/engine.js';
import { buildImage } from '../harness/image-build.js';
import { listFiles } from '../harness/image-files.js';
import { narrow } from '../harness/narrow.js';
import { serve, withFixture } from '../harness/scenario.js';

// cgo builds compile SQLite.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

/**
 * Programs that use real third-party modules (gin, echo, golang.org/x/net, gorm with go-sqlite3),
 * written the way their guides write them, with go.mod and go.sum as `go mod tidy` leaves them
 * against the real module proxy: generated with --yes, built through proxy.golang.org with go.sum
 * checked (and sum.golang.org for what go.sum lacks), through this machine's TLS-inspecting proxy
 * (the ca-cert secret), run, and asked who serves them.
 */
interface ModuleCase {
  readonly fixture: string;
  readonly runtime: string;
  readonly port: number;
  readonly cgo: boolean;
}

const CASES: readonly ModuleCase[] = [
  { fixture: 'gin-app', runtime: 'scratch', port: 8080, cgo: false },
  { fixture: 'echo-flag', runtime: 'scratch', port: 9000, cgo: false },
  { fixture: 'xnet-h2c', runtime: 'scratch', port: 8081, cgo: false },
  { fixture: 'gorm-sqlite', runtime: 'distroless', port: 8080, cgo: true },
  // The port is in config/config.yml (server.port, beside a database port), which the image carries.
  { fixture: 'gin-config', runtime: 'scratch', port: 9090, cgo: false },
];

const TOOLCHAIN = /(^|\/)(usr\/local\/go|usr\/lib\/go-1\.\d+)\/|(^|\/)bin\/(go|gofmt|gcc|cc)$/;

describe.each(CASES)('Go with modules: $fixture', ({ fixture, runtime, port, cgo }) => {
  test(`generated with --yes (${runtime}, port ${port}), built through the module proxy, serves as 65532 with the binary as PID 1`, () =>
    withFixture('go', fixture, async (scenario) => {
      const result = await generateInto(scenario.dir);
      const { plan } = result;
      expect([plan.runtime, plan.port, narrow(result.facts, 'go').cgo]).toEqual([runtime, port, cgo]);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const path = fixture === 'gorm-sqlite' ? '/notes' : '/whoami';
      const running = await serve(scenario, tag, port, path);
      const who = JSON.parse(running.response.body) as { fixture: string; uid: number; pid: number };
      expect([running.response.status, who.fixture, who.uid, who.pid]).toEqual([200, fixture, 65532, 1]);
      expect(await processUids(running.id)).toEqual(['65532']);
      expect((await listFiles(tag)).filter((file) => TOOLCHAIN.test(file))).toEqual([]);
      const image = await inspectImage(tag);
      expect(image.Size).toBeLessThanOrEqual((await goFloor(tag, plan)).bytes * 1.05);

      const base = running.url;
      if (fixture === 'gin-app') expect(await httpGet(`${base}/ping`)).toEqual({ status: 200, body: '{"message":"pong"}' });
      if (fixture === 'echo-flag') expect(await httpGet(`${base}/`)).toEqual({ status: 200, body: 'echo-flag fixture page' });
      if (fixture === 'gorm-sqlite') {
        // SQLite is the amalgamation go-sqlite3 compiles in, not a system library: the version its source says.
        const posted = await fetch(`${base}/notes?text=hello`, { method: 'POST' });
        const notes = (await posted.json()) as { notes: string[]; sqlite: string };
        expect([posted.status, notes.notes, notes.sqlite]).toEqual([200, ['hello'], await bundledSqlite(scenario.dir)]);
      }
    }));
});

/**
 * The SQLite version go-sqlite3's bundled amalgamation declares, at the version go.mod requires: read
 * from the module's own source, which the host's go command downloads through the same proxy.
 */
async function bundledSqlite(dir: string): Promise<string> {
  const version = /github\.com\/mattn\/go-sqlite3 (v\S+)/.exec(readFileSync(join(dir, 'go.mod'), 'utf8'))![1];
  const download = await execa('go', ['mod', 'download', '-json', `github.com/mattn/go-sqlite3@${version}`], { cwd: dir });
  const source = readFileSync(join((JSON.parse(download.stdout) as { Dir: string }).Dir, 'sqlite3-binding.c'), 'utf8');
  return /#define SQLITE_VERSION\s+"([^"]+)"/.exec(source)![1]!;
}

describe('a private module through the company proxy', () => {
  test('GOPRIVATE with GONOPROXY=none and the netrc secret: the private module from the company proxy (its CA in the ca-cert bundle), the public one from proxy.golang.org, go.sum checked; without the netrc the proxy refuses and the build fails; no layer holds it', () =>
    withFixture('go', 'private-module', async (scenario) => {
      const proxy = await startPrivateProxy();
      const secrets = mkdtempSync(join(tmpdir(), 'cdf-go-private-'));
      try {
        const { plan } = await generateInto(scenario.dir);
        expect(plan.buildArgs).toEqual(['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOFLAGS']);
        // The company's CA beside the machine's proxy CA: one bundle, as a company's machines have it.
        const bundle = join(secrets, 'ca.pem');
        writeFileSync(bundle, `${readFileSync(MACHINE_CA, 'utf8')}\n${proxy.caPem}`);
        const netrc = join(secrets, 'netrc');
        writeFileSync(netrc, proxy.netrc, { mode: 0o600 });
        const buildArgs = { GOPROXY: `${proxy.origin},https://proxy.golang.org`, GOPRIVATE: 'corp.test/*', GONOPROXY: 'none' };

        await expect(buildImage(scenario.dir, plan, { buildArgs, caCert: bundle })).rejects.toThrow(/401 Unauthorized/);
        expect(proxy.refused()).toBeGreaterThan(0);

        const tag = scenario.image(await buildImage(scenario.dir, plan, { buildArgs, caCert: bundle, secrets: [`id=netrc,src=${netrc}`] }));
        const running = await serve(scenario, tag, 8080, '/');
        expect(running.response).toEqual({ status: 200, body: 'hello, docker, from the private greeting module (request 36 chars id, uid 65532)\n' });
        expect((await listFiles(tag)).filter((file) => /(^|\/)\.?netrc$/.test(file))).toEqual([]);
        const password = /password (\S+)/.exec(proxy.netrc)![1]!;
        expect(String((await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag])).stdout)).not.toContain(password);
      } finally {
        await proxy.close();
        rmSync(secrets, { recursive: true, force: true });
      }
    }));
});
