import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices } from '../../generators/core/types.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const main = (body = '') => `#include <stdio.h>\n${body}\nint main(void) { puts("x"); return 0; }\n`;
const project = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/src/tool', files)), 'c');
const plan = (files: Record<string, string>, choices: Choices = {}) => narrow(PIPELINE.plan(project(files), choices), 'c');

describe('C detection', () => {
  test('a lone .c file builds with cc, named after the file that has main()', () => {
    expect(project({ 'hello.c': main() })).toMatchObject({
      buildSystem: 'cc',
      binary: 'hello',
      binaryOutput: 'hello',
      sources: ['hello.c'],
      staticPossible: true,
    });
  });

  test('a lone file that includes zlib.h links -lz, which still allows a static build', () => {
    const facts = project({ 'z.c': main('#include <zlib.h>\n#include <math.h>') });
    expect(facts.libraries.map((library) => library.name)).toEqual(['z']);
    expect(plan({ 'z.c': main('#include <zlib.h>') }).c.buildCommand).toBe('cc -O2 -Wall -static -o z z.c -lz');
  });

  test('Makefile: TARGET names the binary, -l flags and pkg-config modules name the libraries', () => {
    const facts = project({ Makefile: 'TARGET = fetcher\nLDLIBS = -lcurl -lm $(shell pkg-config --libs zlib)\n', 'main.c': main(), 'util.c': '' });
    expect(facts).toMatchObject({ buildSystem: 'make', binary: 'fetcher', staticPossible: false });
    expect(facts.libraries.map((library) => [library.name, library.devPackage, library.runtimePackage])).toEqual([
      ['curl', 'libcurl4-openssl-dev', 'libcurl4t64'],
      ['zlib', 'zlib1g-dev', 'zlib1g'],
    ]);
  });

  test('Makefile whose default goal names the program through a variable of its own (all: $(PROG))', () => {
    const makefile =
      'CFLAGS ?= -Wall -g\nPROG := relay\nSRCS := $(PROG).c\n\nall: $(PROG)\n\n$(PROG): $(SRCS)\n\t$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) -lz\n\nclean:\n\trm -f $(PROG)\n';
    const facts = project({ Makefile: makefile, 'relay.c': main() });
    expect(facts).toMatchObject({ buildSystem: 'make', binary: 'relay' });
    expect(facts.libraries.map((library) => library.name)).toEqual(['z']);
    // A program name made of several variables stays unknown, said as before.
    expect(() => project({ Makefile: 'all: $(A)$(B)\n', 'relay.c': main() })).toThrow(/cannot tell which executable/);
  });

  test('Makefile without TARGET: the first real rule names the binary', () => {
    expect(project({ Makefile: 'CFLAGS=-O2\n\nserver: main.o net.o\n\t$(CC) -o $@ $^\n\nclean:\n\trm -f server\n', 'main.c': main() }).binary).toBe('server');
  });

  test('CMake: add_executable and find_package; meson: executable and dependency', () => {
    const cmake = project({
      'CMakeLists.txt':
        'project(x C)\nfind_package(ZLIB REQUIRED)\nfind_package(Threads)\nadd_executable(squeeze main.c)\ntarget_link_libraries(squeeze PRIVATE ZLIB::ZLIB m)\n',
      'main.c': main(),
    });
    expect(cmake).toMatchObject({ buildSystem: 'cmake', binary: 'squeeze', binaryOutput: 'build/squeeze' });
    expect(cmake.libraries.map((library) => library.devPackage)).toEqual(['zlib1g-dev']);
    const meson = project({
      'meson.build': "project('x', 'c')\nexecutable('web', 'main.c', dependencies: [dependency('libcurl'), dependency('threads')])\n",
      'main.c': main(),
    });
    expect(meson).toMatchObject({ buildSystem: 'meson', binary: 'web', binaryOutput: 'build/web', staticPossible: false });
  });

  test('an unknown library prevents a static build and says what to do', () => {
    const facts = project({ Makefile: 'TARGET = a\nLDLIBS = -lfrobnicate\n', 'a.c': main() });
    expect(facts).toMatchObject({ unknownLibraries: ['frobnicate'], staticPossible: false });
    expect(facts.notes.map(sayNote).join(' ')).toMatch(/frobnicate.*-dev packages/);
  });

  test('a server: listen/bind, and the port from htons or a PORT define', () => {
    expect(project({ 's.c': '#define LISTEN_PORT 9000\nint main(void){ int s = socket(2,1,0); bind(s,0,0); listen(s,1); }\n' })).toMatchObject({
      listens: true,
      port: 9000,
    });
    expect(project({ 's.c': 'int main(void){ int s = socket(2,1,0); a.sin_port = htons(7070); bind(s,0,0); }\n' }).port).toBe(7070);
  });

  test("a port that is a variable's default before main() reads its arguments", () => {
    const server = [
      '#include <stdlib.h>',
      '#include <sys/socket.h>',
      'static int default_port = 9999;',
      'int main(int argc, char **argv) {',
      '  int port = argc > 1 ? atoi(argv[1]) : default_port;',
      '  int fd = socket(AF_INET, SOCK_STREAM, 0);',
      '  bind(fd, (struct sockaddr *)&addr, sizeof addr);',
      '  listen(fd, 16);',
      '}',
    ].join('\n');
    expect(project({ 'server.c': server })).toMatchObject({ listens: true, port: 9999 });
    expect(project({ 'httpd.c': 'u_short port = 4000;\nint main(void){ int s = socket(PF_INET, SOCK_STREAM, 0); bind(s, 0, 0); listen(s, 5); }\n' }).port).toBe(
      4000,
    );
  });

  test('a CLI that calls std::bind or a method named bind is no server, whatever numbers it holds', () => {
    const cli = [
      '#include <functional>',
      'int main() {',
      '  auto f = std::bind(add, 1, 2);',
      '  parser.bind(options);',
      '  int retries = 15;',
      '  return f();',
      '}',
    ].join('\n');
    const facts = project({ 'CMakeLists.txt': 'project(tool CXX)\nadd_executable(tool main.cpp)\ninstall(TARGETS tool)\n', 'main.cpp': cli });
    expect(facts).toMatchObject({ listens: false, port: undefined });
  });

  test('a Makefile next to Go code is not a C project', () => {
    expect(
      PIPELINE.detect(
        memorySnapshot('/p', {
          'go.mod': 'module m\ngo 1.26\n',
          'main.go': 'package main\nfunc main() {}\n',
          Makefile: 'all:\n\tgo build\n',
          'cgo_helper.c': '',
        }),
      ).language,
    ).toBe('go');
  });

  test.each([
    ['no sources', { Makefile: 'all:\n' }, /no supported project/],
    ['no main()', { 'lib.c': 'int f(void) { return 1; }\n' }, /no main\(\)/],
    ['a CMakeLists.txt without add_executable', { 'CMakeLists.txt': 'project(x)\nadd_library(x x.c)\n', 'x.c': '' }, /cannot tell which executable/],
  ])('%s is a clear user error', (_name, files, message) => {
    expect(() => project(files)).toThrow(message);
  });
});

describe('C planning', () => {
  test('static when every library allows it: scratch, -static, and a check that the link really was static', () => {
    const result = plan({ 'hello.c': main() });
    expect(result).toMatchObject({ runtime: 'scratch', builderImage: 'gcc:14', user: '65532:65532', entrypoint: ['/usr/local/bin/hello'] });
    expect(result.c).toMatchObject({ static: true, builderPackages: [], runtimePackages: [] });
  });

  test('a library that cannot link statically: distroless cc by default, scratch refused with the culprit named', () => {
    const files = { Makefile: 'TARGET = get\nLDLIBS = -lcurl\n', 'get.c': main() };
    expect(plan(files)).toMatchObject({ runtime: 'distroless', runtimeImage: 'gcr.io/distroless/cc-debian13:nonroot' });
    expect(plan(files).c.distrolessPackages).toEqual(['libc6', 'libgcc-s1', 'libstdc++6', 'libssl3t64']);
    expect(() => plan(files, { runtime: 'scratch' })).toThrow(/curl prevents/);
  });

  test('slim installs the runtime packages and only the builder installs -dev packages and build tools', () => {
    const result = plan({ 'CMakeLists.txt': 'find_package(CURL)\nadd_executable(get main.c)\n', 'main.c': main() }, { runtime: 'slim' });
    expect(result.c).toMatchObject({ builderPackages: ['libcurl4-openssl-dev', 'cmake'], runtimePackages: ['libcurl4t64'], createUser: true, static: false });
    expect(result.c.buildCommand).toBe('cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j"$(nproc)"');
  });
});
