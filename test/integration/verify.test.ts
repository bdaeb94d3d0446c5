import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { LOCALES } from '../../generators/core/explain/messages.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { ensureBase } from '../bases/ensure.js';
import { requireEngine } from '../harness/engine.js';
import { runCli } from '../harness/project.js';
import { withFixture } from '../harness/scenario.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { caSecretArgs, MACHINE_CA } from '../harness/machine-ca.js';
import { renderReport, requireChromium } from '../harness/chromium.js';

// The naive variant compiles without a build cache: minutes on a small, cold machine.
jest.setTimeout(20 * 60_000);
const LONG = { timeoutMs: 15 * 60_000 };

beforeAll(async () => {
  await requireEngine();
  for (const base of ['golang:1.26', 'node:26-slim', 'gcr.io/distroless/nodejs26-debian13:nonroot', 'gcc:14']) await ensureBase(base);
});

/** `label  N bytes` rows of the report, by label. */
const sizeRows = (report: string) =>
  Object.fromEntries([...report.matchAll(/^ {2}(\S.*?) +(\d+) bytes +[\d.]+ MB/gm)].map((match) => [match[1]!.trim(), Number(match[2])]));

const verifyImages = async (name: string) =>
  String((await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `create-dockerfile-verify/${name}*`])).stdout)
    .split('\n')
    .filter(Boolean);

describe('--verify', () => {
  test('Go lone-main: --verify --compare prints sizes equal to docker image inspect, and the reduction they give', () =>
    withFixture('go', 'lone-main', async ({ dir, image }) => {
      const run = await runCli([dir, '--yes', '--verify', '--compare', '--keep'], LONG);
      const kept = /^kept: (.*)$/m.exec(String(run.stderr))?.[1]?.split(' ') ?? [];
      kept.forEach(image);
      expect([run.exitCode, String(run.stderr).slice(-2000)]).toEqual([0, expect.anything()]);
      const report = String(run.stdout);
      expect(report).toMatch(/^ {2}PASS {2}build /m);
      expect(report).toMatch(/^ {2}PASS {2}non-root +runs as 65532:65532$/m);
      expect(report).toMatch(/^ {2}PASS {2}starts +HTTP 404 on port 8080/m);

      const [final, builder, naive] = ['', '-build', '-naive'].map((suffix) => kept.find((tag) => tag.replace(/:[^:]+$/, '').endsWith(`lone-main${suffix}`))!);
      const sizes = sizeRows(report);
      expect(sizes['final image']).toBe((await inspectImage(final!)).Size);
      expect(sizes['build stage']).toBe((await inspectImage(builder!)).Size);
      expect(sizes['naive single stage']).toBe((await inspectImage(naive!)).Size);
      expect(sizes['generated multi-stage']).toBe(sizes['final image']);
      const percent = (1 - sizes['generated multi-stage']! / sizes['naive single stage']!) * 100;
      expect(report).toContain(`reduction: ${percent.toFixed(1)} %`);

      // The layer table is docker image history's, oldest first, ending with the binary and the config rows.
      expect(report).toMatch(
        /Layers of the final image[\s\S]*COPY \/out\/lone-main \/usr\/local\/bin\/lone-main[\s\S]*USER 65532:65532[\s\S]*ENTRYPOINT \["\/usr\/local\/bin\/lone-main"\]/,
      );
      expect(report).toMatch(/^ {2}entrypoint +\["\/usr\/local\/bin\/lone-main"\]$/m);
    }));

  test('a syntax error in the source: exit 1, the full log, and the compiler line among the failing lines; nothing left behind', () =>
    withFixture('go', 'lone-main', async ({ dir }) => {
      const file = join(dir, 'http.go');
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = lines.findIndex((line) => line.startsWith('func main()')) + 1;
      lines.splice(at, 0, '\tbroken := := 1');
      writeFileSync(file, lines.join('\n'));
      const run = await runCli([dir, '--yes', '--verify'], LONG);
      expect(run.exitCode).toBe(1);
      expect(String(run.stdout)).toMatch(/^ {2}FAIL {2}build /m);
      const failing = String(run.stderr).split('---- failing lines ----')[1] ?? '';
      expect(failing).toContain(`./http.go:${at + 1}:`);
      expect(failing).toMatch(/syntax error/);
      expect(String(run.stderr)).toContain('---- full build log ----');
      expect(await verifyImages('lone-main')).toEqual([]);
    }));

  test('a server that exits at once fails the smoke check, with its exit code and output', () =>
    withFixture('go', 'lone-main', async ({ dir }) => {
      const file = join(dir, 'http.go');
      writeFileSync(file, readFileSync(file, 'utf8').replace('log.Println("listening on :8080")', 'log.Println("giving up before listening")\n\tos.Exit(3)'));
      const run = await runCli([dir, '--yes', '--verify'], LONG);
      expect(run.exitCode).toBe(1);
      expect(String(run.stdout)).toMatch(/^ {2}PASS {2}build /m);
      expect(String(run.stdout)).toMatch(/^ {2}FAIL {2}starts +the container exited at once \(exit code 3\)/m);
      expect(String(run.stderr)).toContain('giving up before listening');
      expect(await verifyImages('lone-main')).toEqual([]);
      const leftovers = await docker(['ps', '--all', '--quiet', '--filter', 'ancestor=create-dockerfile-verify/lone-main'], { reject: false });
      expect(String(leftovers.stdout).trim()).toBe('');
    }));

  test('a server answering on its port in a protocol of its own (not HTTP) starts, said as such', () =>
    withFixture('c', 'tcp-server', async ({ dir }) => {
      // A line protocol's greeting, as SMTP, POP3 or a SOCKS server's refusal: bytes that are not HTTP.
      const file = join(dir, 'server.c');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '(void)write(client, response, len);',
          '(void)response; (void)len;\n        (void)write(client, "+OK ready\\r\\n", 10);',
        ),
      );
      const run = await runCli([dir, '--yes', '--verify'], LONG);
      expect([run.exitCode, String(run.stdout)]).toEqual([0, expect.stringMatching(/^ {2}PASS {2}starts +answers on port 8080, not in HTTP/m)]);
    }));

  test('a Dockerfile without EXPOSE whose app the plan says listens: exiting 0 at once fails, and the last lines are shown', () =>
    withFixture('node', 'express-app', async ({ dir }) => {
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      // What a fastify plugin run as a file does: prints, never listens, exits 0. And no EXPOSE to go by.
      const dockerfile = join(dir, 'Dockerfile');
      writeFileSync(join(dir, 'plugin.js'), "console.log('plugin loaded, nothing listens');\n");
      writeFileSync(
        dockerfile,
        readFileSync(dockerfile, 'utf8')
          .replace(/^EXPOSE .*\n/m, '')
          .replace(/^HEALTHCHECK .*\n/m, '')
          .replace(/^CMD .*$/m, 'CMD ["plugin.js"]'),
      );
      const run = await runCli(['verify', dir], LONG);
      expect(run.exitCode).toBe(1);
      expect(String(run.stdout)).toMatch(/^ {2}FAIL {2}starts +the container exited at once \(exit code 0\) instead of serving port 3000/m);
      expect(String(run.stderr)).toMatch(/---- container output \(last lines before it failed\) ----\nplugin loaded, nothing listens/);
    }));

  test('`verify` takes the detection flags generation takes', () =>
    withFixture('node', 'hono-app', async ({ dir }) => {
      writeFileSync(join(dir, 'package.json'), readFileSync(join(dir, 'package.json'), 'utf8').replace('"node dist/index.js"', '"nx serve"'));
      expect((await runCli([dir, '--yes', '--start', 'node dist/index.js'])).exitCode).toBe(0);
      // Without the flag, verify would detect nothing it can run.
      expect((await runCli(['verify', dir, '--compare'], LONG)).exitCode).toBe(1);
      const run = await runCli(['verify', dir, '--language', 'node', '--start', 'node dist/index.js'], LONG);
      expect([run.exitCode, String(run.stdout)]).toEqual([0, expect.stringMatching(/^ {2}PASS {2}starts +HTTP 200 on port 3000/m)]);
      expect(String(run.stderr)).toMatch(/---- container output \(last lines\) ----\nServer is running on http:\/\/localhost:3000/);
    }));

  test('`verify --compare --lang fr --report`: the report in French, and Chromium shows the sizes and verdicts the CLI printed', () =>
    withFixture('go', 'lone-main', async ({ dir }) => {
      requireChromium();
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      const report = join(dir, 'rapport.html');
      const run = await runCli(['verify', dir, '--compare', '--lang', 'fr', '--report', report, '--ca-cert', MACHINE_CA], LONG);
      expect([run.exitCode, String(run.stderr).slice(-2000)]).toEqual([0, expect.anything()]);
      const out = String(run.stdout);
      // French from the catalog: verdicts, sizes in octets and Mo with a decimal comma, the reduction.
      expect(out).toMatch(/^ {2}OK +build +construite en \d+,\d s$/m);
      expect(out).toMatch(/^ {2}OK +démarre +HTTP 404 sur le port 8080/m);
      const sizes = Object.fromEntries([...out.matchAll(/^ {2}(\S.*?) +(\d+) octets +(\d+,\d\d) Mo/gm)].map((match) => [match[1]!.trim(), match[3]!]));
      expect(Object.keys(sizes)).toEqual(expect.arrayContaining(['image finale', 'naïve, une seule étape', 'générée, multi-étapes']));
      expect(out).toMatch(/^ {2}réduction : \d+,\d % \(\d+,\d fois plus petite\)$/m);
      expect(String(run.stderr)).toContain(`rapport : ${report}`);

      const page = await renderReport(report, 'verify-compare-fr.png');
      console.log(`verify report screenshot: ${page.screenshot}`);
      expect(page.problems).toEqual([]);
      // --compare's two bars: the naive image, then the generated one, with the MB the CLI printed.
      expect(page.chart.map((bar) => [bar.label, bar.value])).toEqual([
        ['naïve, une seule étape', sizes['naïve, une seule étape']],
        ['générée, multi-étapes', sizes['générée, multi-étapes']],
      ]);
      expect(page.chart[1]!.width).toBeLessThan(page.chart[0]!.width);
      expect(page.table.map((cells) => [cells[0], cells[1]])).toEqual(page.chart.map((bar) => [bar.label, bar.value]));
      // The generated row: non-root user and the run the CLI reported.
      expect(page.table[1]!.slice(4)).toEqual([
        '65532:65532',
        expect.stringMatching(/^-\d+,\d %$/),
        expect.stringMatching(/^réussi.* HTTP 404 sur le port 8080/),
      ]);
      expect(page.headings[0]).toMatch(/^Rapport create-dockerfile : /);
      // Every check once: verify's own (build, user, start, compare), then PID 1 and the health check.
      const names = page.checks.map((cells) => cells[0]);
      expect(new Set(names).size).toBe(names.length);
      expect(page.checks.find((cells) => cells[0] === 'PID 1')?.[1]).toMatch(/^réussie \/usr\/local\/bin\/lone-main est le PID 1/);
      expect(page.checks.map((cells) => cells[1]!.split(' ')[0])).toEqual(page.checks.map(() => 'réussie'));
      expect(page.print.widest).toBeLessThanOrEqual(page.print.page);
    }));

  test('`verify DIR` checks the Dockerfile already there; a command (no port) passes on exit 0 with its output', () =>
    withFixture('go', 'lone-main', async ({ dir }) => {
      writeFileSync(join(dir, 'http.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("batch done") }\n');
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      const run = await runCli(['verify', dir], LONG);
      expect([run.exitCode, String(run.stdout)]).toEqual([0, expect.stringMatching(/^ {2}PASS {2}starts +exited 0, printing: batch done$/m)]);
    }));
});

describe.each([
  // express-app routes only /health: any HTTP answer below 500 shows the server started.
  ['node', 'express-app', /^ {2}PASS {2}starts +HTTP [1-4]\d\d on port 3000/m],
  ['c', 'hello', /^ {2}PASS {2}starts +exited 0, printing: hello from C$/m],
])('--verify --compare on %s/%s', (language, fixture, starts) => {
  test('passes every check, and the multi-stage image is smaller than the naive one by what the report says', () =>
    withFixture(language, fixture, async ({ dir }) => {
      const run = await runCli([dir, '--yes', '--verify', '--compare'], LONG);
      expect([run.exitCode, String(run.stderr).slice(-2000)]).toEqual([0, expect.anything()]);
      const report = String(run.stdout);
      expect(report).toMatch(starts);
      expect(report).toMatch(/^ {2}PASS {2}non-root +runs as 65532:65532$/m);
      const sizes = sizeRows(report);
      expect(sizes['generated multi-stage']).toBeLessThan(sizes['naive single stage']!);
      expect(report).toContain(`reduction: ${((1 - sizes['generated multi-stage']! / sizes['naive single stage']!) * 100).toFixed(1)} %`);
      expect(await verifyImages(fixture)).toEqual([]);
    }));
});

describe.each([
  ['go', 'lone-main'],
  ['node', 'express-app'],
  ['c', 'hello'],
])('--explain on %s/%s', (language, fixture) => {
  test.each(LOCALES)('%s: the explained Dockerfile builds an image with the same config and the same layers', (locale) =>
    withFixture(language, fixture, async ({ dir, image }) => {
      const facts = PIPELINE.detect(takeSnapshot(dir), {});
      const build = async (name: string, explain?: (typeof LOCALES)[number]) => {
        const [dockerfile, dockerignore] = PIPELINE.generate(facts, { caCert: { path: MACHINE_CA, from: '--ca-cert' } }, { templatesDir, explain }).files;
        // The .dockerignore keeps Dockerfile* out of the context, so every variant sees the same files.
        writeFileSync(join(dir, '.dockerignore'), dockerignore!.content);
        writeFileSync(join(dir, name), dockerfile!.content);
        const tag = image(`cdf-explain-${fixture}-${name.toLowerCase().replace(/\W/g, '')}:test`);
        await docker(['build', '--file', join(dir, name), ...caSecretArgs(), '--tag', tag, dir]);
        return inspectImage(tag) as Promise<Awaited<ReturnType<typeof inspectImage>> & { RootFS: { Layers: string[] } }>;
      };
      const plain = await build('Dockerfile');
      const explained = await build(`Dockerfile.${locale}`, locale);
      expect(explained.Config).toEqual(plain.Config);
      expect(explained.RootFS.Layers).toEqual(plain.RootFS.Layers);
      expect(readFileSync(join(dir, `Dockerfile.${locale}`), 'utf8')).not.toBe(readFileSync(join(dir, 'Dockerfile'), 'utf8'));
    }),
  );
});

describe('the test stage', () => {
  test("`--target test` runs the project's tests and fails when one fails; the default build never runs them", () =>
    withFixture('go', 'tested', async ({ dir, image }) => {
      expect((await runCli([dir, '--yes'])).exitCode).toBe(0);
      // --no-cache: a cached test step prints nothing, and this fixture is the same on every run.
      const passing = await docker(['build', '--no-cache', '--target', 'test', '--progress', 'plain', '--tag', image('cdf-tested-pass:test'), dir], {
        reject: false,
        all: true,
      });
      expect([passing.exitCode, String(passing.all).slice(-1500)]).toEqual([0, expect.stringMatching(/ok\s+example\.com\/tested/)]);
      const verified = await runCli(['verify', dir], LONG);
      expect([verified.exitCode, String(verified.stdout)]).toEqual([0, expect.stringMatching(/^ {2}PASS {2}tests +the test stage passed/m)]);

      const greet = join(dir, 'greet.go');
      writeFileSync(greet, readFileSync(greet, 'utf8').replace('"hello, %s"', '"hi, %s"'));
      const failing = await docker(['build', '--no-cache', '--target', 'test', '--progress', 'plain', dir], { reject: false, all: true });
      expect(failing.exitCode).not.toBe(0);
      expect(String(failing.all)).toContain('Greeting(docker) = "hi, docker"');

      // verify runs the test stage too: the image still starts, and the failing test fails the run.
      const run = await runCli(['verify', dir], LONG);
      expect(run.exitCode).toBe(1);
      expect(String(run.stdout)).toMatch(/^ {2}PASS {2}starts +HTTP 200 on port 8081: hi, world$/m);
      expect(String(run.stdout)).toMatch(/^ {2}FAIL {2}tests +the test stage failed/m);
      expect(String(run.stderr).split('---- failing lines of the test stage ----')[1]).toContain('Greeting(docker) = "hi, docker"');
    }));
});
