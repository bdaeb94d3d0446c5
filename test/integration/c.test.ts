import { jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Runtime } from '../../generators/core/types.js';
import { docker, inspectImage } from '../../generators/verify/docker.js';
import { processUids } from '../harness/container.js';
import { requireEngine } from '../harness/engine.js';
import { generateInto } from '../harness/generated.js';
import { buildImage } from '../harness/image-build.js';
import { addedFiles, fileSize } from '../harness/image-files.js';
import { serve, withFixture } from '../harness/scenario.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

// Installing -dev packages and compiling take a while on a small machine.
jest.setTimeout(20 * 60_000);

beforeAll(requireEngine);

interface CommandCase {
  readonly fixture: string;
  readonly runtimes: readonly Runtime[];
  readonly args: readonly string[];
  readonly output: RegExp;
}

const COMMANDS: readonly CommandCase[] = [
  { fixture: 'hello', runtimes: ['scratch', 'distroless', 'slim'], args: ['from', 'docker'], output: /^hello from C from docker\n$/ },
  { fixture: 'make-project', runtimes: ['scratch', 'slim'], args: ['docker'], output: /^greetings from make, docker, as uid 65532\n$/ },
  { fixture: 'cmake-project', runtimes: ['scratch', 'distroless'], args: [], output: /^calc: 2\^10 = 1024\n$/ },
  { fixture: 'zlib-dynamic', runtimes: ['scratch', 'distroless', 'slim'], args: [], output: /^zlib \d+\.\d+[.\d]* roundtrip ok\n$/ },
  // A rule that ignores LDFLAGS, and an `all` that also builds a benchmark whose library is missing.
  {
    fixture: 'make-no-ldflags',
    runtimes: ['scratch'],
    args: ['a', 'bb', 'ccc'],
    output: /^wordfreq: 3 words, mean length 2\.00 \(rounded 2\), as uid 65532\n$/,
  },
];

describe.each(COMMANDS)('C $fixture', (testCase) => {
  test.each(testCase.runtimes)('builds and runs as non-root on %s', async (runtime) => {
    await withFixture('c', testCase.fixture, async (scenario) => {
      const { plan, facts } = await generateInto(scenario.dir, ['--runtime', runtime]);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const run = await docker(['run', '--rm', tag, ...testCase.args], { reject: false, all: true, stripFinalNewline: false });
      expect(String(run.all)).toMatch(testCase.output);
      expect(run.exitCode).toBe(0);
      const image = await inspectImage(tag);
      expect(image.Config.User).toBe('65532:65532');

      const added = await addedFiles(tag, plan.runtimeImage);
      const binary = narrow(plan, 'c').binary.path.slice(1);
      if (runtime === 'scratch') {
        // Nothing but the static binary: the image is the binary, give or take tar's overhead.
        expect(added).toEqual([binary]);
        expect(image.Size).toBeLessThanOrEqual((await fileSize(tag, narrow(plan, 'c').binary.path)) * 1.05);
      }
      if (runtime === 'distroless') {
        // Exactly the libraries distroless cc lacks: libz for zlib-dynamic, nothing for the others.
        const libraries = narrow(facts, 'c').libraries.length > 0 ? ['usr/lib/x86_64-linux-gnu/libz.so.1'] : [];
        expect(added.sort()).toEqual([...libraries, binary].sort());
      }
      if (runtime === 'slim') expect(added.filter((path) => /(^|\/)bin\/(gcc|cc|make|cmake)$/.test(path))).toEqual([]);
    });
  });
});

test('C server-client: of two programs with their own main(), the server is built (with the shared file) and serves; the client is not in the image', () =>
  withFixture('c', 'server-client', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    expect([plan.runtime, plan.port]).toEqual(['scratch', 7070]);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const running = await serve(scenario, tag, 7070, '/');
    expect([running.response.status, running.response.body]).toEqual([200, 'server-client: server as uid 65532\n']);
    expect(await addedFiles(tag, plan.runtimeImage)).toEqual(['usr/local/bin/server']);
    expect(await processUids(running.id)).toEqual(['65532']);
  }));

describe('C cmake-curses: find_package(Curses), a library of its own, in-source builds refused', () => {
  test.each(['distroless', 'slim'] as const)('builds out of tree and reads terminfo at run time on %s', (runtime) =>
    withFixture('c', 'cmake-curses', async (scenario) => {
      const { plan } = await generateInto(scenario.dir, ['--runtime', runtime]);
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const run = await docker(['run', '--rm', tag, 'xterm-256color'], { reject: false, all: true });
      expect([run.exitCode, String(run.all)]).toEqual([0, 'termcaps: xterm-256color has 256 colors and 80 columns, as uid 65532']);
      if (runtime === 'distroless') {
        // Only curses' own libraries beside the binary (setupterm lives in libtinfo, so that one at
        // least; Debian links --as-needed), and the terminal descriptions: nothing else.
        const added = await addedFiles(tag, plan.runtimeImage);
        const libraries = added.filter((file) => !file.startsWith('usr/share/terminfo/') && file !== 'usr/local/bin/termcaps');
        expect(libraries).toContain('usr/lib/x86_64-linux-gnu/libtinfo.so.6');
        expect(libraries.filter((file) => !/^usr\/lib\/x86_64-linux-gnu\/lib(tinfo|ncursesw?|formw?|menuw?|panelw?)\.so\.6$/.test(file))).toEqual([]);
        expect(added).toContain('usr/local/bin/termcaps');
        expect(added).toContain('usr/share/terminfo/x/xterm-256color');
      }
    }),
  );
});

test('C htdocs-server: the document root it opens at run time ships under its working directory, on scratch', () =>
  withFixture('c', 'htdocs-server', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    expect([plan.runtime, plan.port]).toEqual(['scratch', 8088]);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const running = await serve(scenario, tag, 8088, '/');
    expect([running.response.status, running.response.body]).toEqual([200, expect.stringContaining('<h1>htdocs-server fixture page</h1>')]);
    expect((await addedFiles(tag, plan.runtimeImage)).sort()).toEqual(['app/htdocs/css/site.css', 'app/htdocs/index.html', 'usr/local/bin/server']);
    expect(await processUids(running.id)).toEqual(['65532']);
  }));

test('C tcp-server: serves HTTP from scratch as non-root', async () => {
  await withFixture('c', 'tcp-server', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    expect([plan.runtime, plan.port]).toEqual(['scratch', 8080]);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const { id, response } = await serve(scenario, tag, plan.port!, '/');
    expect(response.body).toBe('hello from C server as uid 65532\n');
    expect(await processUids(id)).toEqual(['65532']);
  });
});

test('C autotools-quotes: autoreconf, configure, make install into a staging folder; the installed data ships with the static program', () =>
  withFixture('c', 'autotools-quotes', async (scenario) => {
    const { plan } = await generateInto(scenario.dir);
    expect([plan.runtime, plan.port]).toEqual(['scratch', 7070]);
    const tag = scenario.image(await buildImage(scenario.dir, plan));
    const running = await serve(scenario, tag, 7070, '/');
    // The first quote of the installed quotes.txt, the version from configure.ac through config.h, and zlib's CRC.
    const quote = readFileSync(join(scenario.dir, 'data/quotes.txt'), 'utf8').split('\n')[0]!;
    const crc = crc32(quote).toString(16).padStart(8, '0');
    expect([running.response.status, running.response.body]).toEqual([200, `quoted 1.2.0: ${quote} (crc32 ${crc})\n`]);
    expect((await addedFiles(tag, plan.runtimeImage)).sort()).toEqual(['usr/local/bin/quoted', 'usr/local/share/quoted/quotes.txt']);
    expect(await processUids(running.id)).toEqual(['65532']);
  }));

describe('C meson-wordfreq: a program and its own shared library, installed with meson install --destdir', () => {
  test('runs on distroless with the library beside it, and its meson tests pass in the test stage', () =>
    withFixture('c', 'meson-wordfreq', async (scenario) => {
      const { plan } = await generateInto(scenario.dir);
      expect(plan.runtime).toBe('distroless');
      const tag = scenario.image(await buildImage(scenario.dir, plan));
      const run = await docker(['run', '--rm', '-i', tag, '-n', '2'], { input: 'to be or not to be\n', reject: false, all: true });
      const crc = crc32('to be or not to be\n').toString(16).padStart(8, '0');
      expect([run.exitCode, String(run.all)]).toEqual([0, `2 be\n2 to\ncrc32 ${crc}`]);
      // The program, its library (the soname link, the file and the link-time name), and zlib, which distroless cc lacks.
      expect((await addedFiles(tag, plan.runtimeImage)).sort()).toEqual([
        'usr/lib/x86_64-linux-gnu/libz.so.1',
        'usr/local/bin/wordfreq',
        'usr/local/lib/libwordfreq.so',
        'usr/local/lib/libwordfreq.so.0',
        'usr/local/lib/libwordfreq.so.0.4.1',
      ]);
      const testTag = scenario.image(`${tag.split(':')[0]}:test`);
      const tests = await docker(['build', '--target', 'test', '-t', testTag, scenario.dir], { reject: false, all: true });
      expect(tests.exitCode).toBe(0);
      // The stage's RUN may come from the cache, so the suite is run again in the stage's image to see it.
      const rerun = await docker(['run', '--rm', testTag, 'meson', 'test', '-C', 'build'], { reject: false, all: true });
      expect([rerun.exitCode, String(rerun.all)]).toEqual([0, expect.stringMatching(/1\/1 +(wordfreq:)?counts words +OK/)]);
    }));

  test('without install: true on the executable, the build stops at the library check, naming the library', () =>
    withFixture('c', 'meson-wordfreq', async (scenario) => {
      const exe = join(scenario.dir, 'src/meson.build');
      writeFileSync(exe, readFileSync(exe, 'utf8').replace(/\n\s*install : true,/, ''));
      const { plan } = await generateInto(scenario.dir);
      expect(plan.notes.map(sayNote).join('\n')).toContain('no install rule for wordfreq');
      const failure = await buildImage(scenario.dir, plan).then(scenario.image, (error: Error) => error.message);
      expect(failure).toMatch(/libwordfreq\.so\.0 => not found/);
      expect(failure).toContain('loads the libraries above from nowhere the image will have');
    }));
});
