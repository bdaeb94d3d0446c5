import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { sayNote } from '../harness/notes.js';

const MAIN = '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n';
const planOf = (makefile: string, extra: Record<string, string> = {}) => {
  const facts = PIPELINE.detect(memorySnapshot('/src/tool', { Makefile: makefile, 'tool.c': MAIN, ...extra }));
  return { facts: narrow(facts, 'c'), plan: narrow(PIPELINE.plan(facts, {}), 'c') };
};

describe('Makefiles as they are written', () => {
  test('a rule that ignores LDFLAGS still links static: CC carries -static; only the program target is built', () => {
    const { plan } = planOf(
      'CC=gcc\n\nall: tool bench\n\ntool: tool.c\n\t$(CC) -o tool tool.c -Wall -lm\n\nbench: bench.c\n\t$(CC) -o bench bench.c -lbenchkit\n',
      {
        'bench.c': MAIN,
      },
    );
    expect([plan.runtime, plan.c.buildCommand]).toEqual(['scratch', 'make -j"$(nproc)" tool CC="cc -static" CXX="c++ -static"']);
  });

  test("another target's libraries are not the program's", () => {
    const { facts } = planOf('all: tool bench\n\ntool: tool.c\n\t$(CC) -o $@ $<\n\nbench: bench.c\n\t$(CC) -o $@ $< -lbenchkit\n', { 'bench.c': MAIN });
    expect([facts.unknownLibraries, facts.staticPossible]).toEqual([[], true]);
  });

  test("the Makefile's own LDFLAGS survive: -static is not passed as LDFLAGS", () => {
    const { plan } = planOf('TARGET = tool\nLDFLAGS = -lm\n\n$(TARGET): tool.o\n\t$(CC) $(LDFLAGS) -o $@ $^\n');
    expect(plan.c.buildCommand).not.toMatch(/LDFLAGS/);
    expect(plan.c.buildCommand).toMatch(/^make -j"\$\(nproc\)" tool CC="cc -static"/);
  });

  test('a rule that calls gcc by name cannot be made static: distroless cc, and the summary says why', () => {
    const { facts, plan } = planOf('tool: tool.c\n\tgcc -O2 -o tool tool.c\n');
    expect([plan.runtime, plan.c.buildCommand, facts.staticPossible]).toEqual(['distroless', 'make -j"$(nproc)" tool', false]);
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/the rule for tool links with `gcc -O2 -o tool tool\.c`, which neither CC nor LDFLAGS reaches/);
    expect(PIPELINE.say(plan.runtimeReason)).toMatch(/a link rule that calls the compiler by name/);
  });

  test("make's built-in rule (no recipe) links through $(CC)", () => {
    expect(planOf('tool: tool.o\n').plan.runtime).toBe('scratch');
  });
});

describe('loose C files that each have a main()', () => {
  const SERVER = '#include <sys/socket.h>\n#include "proto.h"\nint main(void) { int s = socket(2, 1, 0); bind(s, 0, 0); listen(s, 1); return 0; }\n';
  const CLIENT = '#include "proto.h"\nint main(void) { return connect(0, 0, 0); }\n';
  const files = { 'server.c': SERVER, 'client.c': CLIENT, 'proto.c': 'int greeting(void) { return 1; }\n', 'proto.h': '#define ECHO_PORT 7070\n' };
  const facts = () => PIPELINE.detect(memorySnapshot('/src/pair', files));

  test('are separate programs: the one that listens is built with the shared files, never linked with the other', () => {
    const plan = narrow(PIPELINE.plan(facts(), {}), 'c');
    expect([plan.c.buildCommand, plan.c.binaryName, plan.port]).toEqual(['cc -O2 -Wall -static -o server proto.c server.c', 'server', 7070]);
    expect(plan.notes.map(sayNote).join('\n')).toMatch(
      /2 files have their own main\(\) \(client\.c, server\.c\): each is a separate program; building server\.c, the one that listens; --main <file> picks another/,
    );
  });

  test('--main picks the other, by file or by name, and the summary says so; the prompt offers the default first', () => {
    for (const main of ['client.c', 'client', './client.c']) {
      const plan = narrow(PIPELINE.plan(facts(), { main }), 'c');
      expect([plan.c.buildCommand, plan.port, plan.listens]).toEqual(['cc -O2 -Wall -static -o client client.c proto.c', undefined, false]);
      expect(plan.notes.map(sayNote).join('\n')).toMatch(/building client\.c \(--main\)[\s\S]*compiling client\.c proto\.c/);
    }
    expect(PIPELINE.mainChoices(facts())).toEqual(['server.c', 'client.c']);
    expect(() => PIPELINE.plan(facts(), { main: 'nope.c' })).toThrow(/^--main nope\.c: not a program here \(found: client\.c, server\.c\)$/);
  });

  test('none listens: the first by name, said to be a guess', () => {
    const tools = PIPELINE.detect(memorySnapshot('/src/tools', { 'b.c': 'int main(void){return 0;}\n', 'a.c': 'int main(void){return 1;}\n' }));
    expect([narrow(PIPELINE.plan(tools, {}), 'c').c.binaryName, narrow(PIPELINE.plan(tools, {}), 'c').notes.map(sayNote).join('\n')]).toEqual([
      'a',
      expect.stringMatching(/building a\.c, the first by name \(a guess\); --main <file> picks another/),
    ]);
  });
});

describe('libraries by the names build files use', () => {
  const planOfCMake = (lists: string) =>
    narrow(PIPELINE.plan(PIPELINE.detect(memorySnapshot('/src/app', { 'CMakeLists.txt': lists, 'main.c': MAIN })), {}), 'c');
  test.each([
    ['find_package(Curses)', 'find_package(Curses REQUIRED)\nadd_executable(app main.c)\ntarget_link_libraries(app ${CURSES_LIBRARIES})\n', 'libncurses-dev'],
    ['find_package(LibXml2)', 'find_package(LibXml2 REQUIRED)\nadd_executable(app main.c)\n', 'libxml2-dev'],
    ['pkg_check_modules libevent', 'find_package(PkgConfig)\npkg_check_modules(EV REQUIRED libevent)\nadd_executable(app main.c)\n', 'libevent-dev'],
    ['pkg_check_modules yaml-0.1', 'find_package(PkgConfig)\npkg_check_modules(Y REQUIRED yaml-0.1)\nadd_executable(app main.c)\n', 'libyaml-dev'],
    ['target_link_libraries json-c', 'add_executable(app main.c)\ntarget_link_libraries(app json-c)\n', 'libjson-c-dev'],
    ['find_package(PostgreSQL)', 'find_package(PostgreSQL REQUIRED)\nadd_executable(app main.c)\n', 'libpq-dev'],
  ])('%s', (_name, lists, devPackage) => {
    expect(planOfCMake(lists).c.builderPackages).toContain(devPackage);
  });

  test('Makefile -l flags: readline, sodium, uuid, and libc parts (-lm, -liconv) that need nothing', () => {
    const { facts, plan } = planOf('tool: tool.c\n\t$(CC) -o tool tool.c -lreadline -lsodium -luuid -lm -liconv\n');
    expect([facts.unknownLibraries, plan.c.builderPackages]).toEqual([[], ['libreadline-dev', 'libsodium-dev', 'uuid-dev']]);
  });
});

describe('CMake executables as projects name them', () => {
  const binaryOf = (lists: string) =>
    narrow(PIPELINE.detect(memorySnapshot('/src/app', { 'CMakeLists.txt': lists, 'main.c': MAIN, 'lib.c': 'int f(void){return 1;}\n' })), 'c').binary;
  test('add_executable(${PROJECT_NAME}) and a set() variable', () => {
    expect(binaryOf('cmake_minimum_required(VERSION 3.16)\nproject(kilo C)\nadd_executable(${PROJECT_NAME} main.c)\n')).toBe('kilo');
    expect(binaryOf('project(x C)\nset(APP_NAME weatherd)\nadd_executable(${APP_NAME} main.c)\n')).toBe('weatherd');
  });
  test('a library and two executables: the one install(TARGETS) names', () => {
    expect(
      binaryOf(
        'project(calc C)\nadd_library(calccore lib.c)\nadd_executable(calc-bench main.c)\nadd_executable(calc main.c)\ntarget_link_libraries(calc calccore)\ninstall(TARGETS calc DESTINATION bin)\n',
      ),
    ).toBe('calc');
  });
});

describe('curses reads terminfo at run time', () => {
  const facts = () =>
    PIPELINE.detect(
      memorySnapshot('/src/term', { 'CMakeLists.txt': 'project(term C)\nfind_package(Curses REQUIRED)\nadd_executable(term main.c)\n', 'main.c': MAIN }),
    );
  test('distroless gets /usr/share/terminfo from the builder; slim has it from ncurses-base', () => {
    expect(narrow(PIPELINE.plan(facts(), {}), 'c').c.runtimeData).toEqual(['/usr/share/terminfo']);
    expect(narrow(PIPELINE.plan(facts(), { runtime: 'slim' }), 'c').c.runtimeData).toEqual([]);
    expect(PIPELINE.generate(facts(), {}, { templatesDir }).files[0]!.content).toMatch(/^COPY --from=build \/usr\/share\/terminfo \/usr\/share\/terminfo$/m);
  });
});

describe('files a C program opens at run time', () => {
  const detect = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/src/srv', files)), 'c');
  test.each([
    ['#define DOCROOT "htdocs"', { 'srv.c': '#define DOCROOT "htdocs"\nint main(void){return 0;}\n', 'htdocs/index.html': 'x' }, ['htdocs']],
    [
      'fopen("share/words.txt")',
      { 'srv.c': '#include <stdio.h>\nint main(void){ FILE *f = fopen("share/words.txt", "r"); return f == 0; }\n', 'share/words.txt': 'x' },
      ['share'],
    ],
    ['a root data file', { 'srv.c': '#include <stdio.h>\nint main(void){ return fopen("words.txt", "r") == 0; }\n', 'words.txt': 'x' }, ['words.txt']],
  ])('%s', (_name, files, expected) => {
    expect(detect(files).dataPaths.map((found) => found.path)).toEqual(expected);
  });

  test('folders of code, missing folders, absolute and parent paths are not copied', () => {
    const facts = detect({
      'srv.c': '#include <stdio.h>\n#include "lib/x.h"\nint main(void){ fopen("/etc/passwd","r"); fopen("../x.txt","r"); fopen("nowhere/x","r"); return 0; }\n',
      'lib/x.h': 'int x;\n',
    });
    expect(facts.dataPaths).toEqual([]);
  });
});
