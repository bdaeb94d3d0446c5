import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { sayNote } from '../harness/notes.js';

const MAIN = '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n';
const generate = (files: Record<string, string>) => {
  const facts = PIPELINE.detect(memorySnapshot('/src/proj', files));
  const generated = PIPELINE.generate(facts, {}, { templatesDir });
  return { facts: narrow(facts, 'c'), plan: narrow(generated.plan, 'c'), dockerfile: generated.files[0]!.content };
};

const CONFIGURE = `dnl A comment naming AC_CHECK_LIB([notreal], [x]) is not a check
AC_INIT([tally], [2.0.1], [bugs@example.org])
AM_INIT_AUTOMAKE([foreign subdir-objects])
AC_PROG_CC
PKG_CHECK_MODULES([EVENT], [libevent >= 2.0.10 zlib])
AC_CHECK_LIB([m], [sqrt])
AC_SEARCH_LIBS([setupterm], [ncursesw ncurses], [], [AC_MSG_ERROR([curses not found])])
AC_CONFIG_FILES([Makefile src/Makefile])
AC_OUTPUT
`;

describe('autotools projects', () => {
  const tree = {
    'configure.ac': CONFIGURE,
    'Makefile.am': 'SUBDIRS = src\ndist_pkgdata_DATA = data/words.txt\n',
    'src/Makefile.am': 'bin_PROGRAMS = tally-import tally\ntally_SOURCES = main.c\ntally_LDADD = $(EVENT_LIBS) -lsqlite3\ntally_import_SOURCES = import.c\n',
    'src/main.c': MAIN,
    'src/import.c': MAIN,
    'autogen.sh': '#!/bin/sh\nautoreconf -fi\n',
  };

  test('the program is the one named like the package; every library the configure checks and the Makefile.am name is installed', () => {
    const { facts, plan } = generate(tree);
    expect([facts.buildSystem, facts.binary, facts.autotools?.programs]).toEqual(['autotools', 'tally', ['tally-import', 'tally']]);
    expect(plan.c.builderPackages).toEqual(
      expect.arrayContaining(['libevent-dev', 'zlib1g-dev', 'libncurses-dev', 'libsqlite3-dev', 'autoconf', 'automake', 'pkgconf']),
    );
    expect(plan.c.builderPackages).not.toContain('libtool');
    expect(facts.unknownLibraries).toEqual([]);
    expect(plan.notes.map(sayNote).join('\n')).toMatch(/Installs tally-import, tally; the entry point runs tally/);
  });

  test('a git checkout: autoreconf -fi, configure into /usr/local, make, make install into the staging folder', () => {
    const { plan, dockerfile } = generate(tree);
    expect(plan.c.buildCommand).toBe('autoreconf -fi && ./configure --prefix=/usr/local && make -j"$(nproc)"');
    expect(plan.c.installCommand).toBe('make install DESTDIR=/staging');
    expect(plan.notes.map(sayNote).join('\n')).toContain('autogen.sh is not run');
    expect(dockerfile).toContain('COPY --from=build /staging/usr/local/ /usr/local/');
    expect(dockerfile).toContain("find /staging \\( -name '*.a' -o -name '*.la' \\) -delete");
  });

  test('a release tree with its configure script: no autoreconf, no autotools packages; plain links go static', () => {
    const { plan } = generate({
      'configure.ac': 'AC_INIT([hello], [1.0])\nAM_INIT_AUTOMAKE\nAC_PROG_CC\nAC_OUTPUT\n',
      configure: '#!/bin/sh\n',
      'Makefile.am': 'bin_PROGRAMS = hello\nhello_SOURCES = hello.c\n',
      'hello.c': MAIN,
    });
    expect([plan.runtime, plan.c.buildCommand]).toEqual(['scratch', './configure --prefix=/usr/local LDFLAGS=-static && make -j"$(nproc)"']);
    expect(plan.c.builderPackages).toEqual([]);
  });

  test('libtool and an own library (lib_LTLIBRARIES): dynamic on distroless, the library installed beside the program', () => {
    const { facts, plan } = generate({
      'configure.ac': 'AC_INIT([jqlike], [1.0])\nAM_INIT_AUTOMAKE\nLT_INIT\nAC_PROG_CC\nAC_OUTPUT\n',
      'Makefile.am': 'lib_LTLIBRARIES = libjqlike.la\nlibjqlike_la_SOURCES = lib.c\nbin_PROGRAMS = jqlike\njqlike_LDADD = libjqlike.la\n',
      'lib.c': 'int f(void) { return 1; }\n',
      'main.c': MAIN,
    });
    expect(facts.ownLibraries).toEqual(['libjqlike']);
    expect(plan.runtime).toBe('distroless');
    expect(plan.c.builderPackages).toContain('libtool');
    expect(plan.runtimeReason).toMatchObject({ args: { blockers: 'its own shared library libjqlike' } });
  });

  test('make check is the test stage when Makefile.am has TESTS', () => {
    const { plan } = generate({ ...tree, 'src/Makefile.am': `${tree['src/Makefile.am']}TESTS = check_tally\ncheck_PROGRAMS = check_tally\n` });
    expect(plan.test?.command).toBe('make check');
  });
});

describe('meson projects', () => {
  const tree = {
    'meson.build': "project('wf', 'c')\nzdep = dependency('zlib')\nsubdir('lib')\nsubdir('src')\nsubdir('tests')\n",
    'lib/meson.build': "lib = library('wf', 'wf.c', dependencies : zdep, install : true)\n",
    'src/meson.build': "executable('wf', 'main.c', link_with : lib, install : true)\n",
    'tests/meson.build': "t = executable('test_wf', 'test.c', link_with : lib)\ntest('wf', t)\n",
    'lib/wf.c': 'int f(void) { return 1; }\n',
    'src/main.c': MAIN,
  };

  test('subdir() files are read: the installed executable, the own library, meson install with a RUNPATH to /usr/local/lib', () => {
    const { facts, plan } = generate(tree);
    expect([facts.binary, facts.installs, facts.ownLibraries, plan.runtime]).toEqual(['wf', true, ['wf'], 'distroless']);
    expect(plan.c.buildCommand).toBe(
      'meson setup build --buildtype=release --prefix=/usr/local --libdir=lib -Dc_link_args=-Wl,-rpath,/usr/local/lib && meson compile -C build',
    );
    expect(plan.c.installCommand).toBe('meson install -C build --destdir /staging');
  });

  test('an executable without install: true is copied from its build folder, and the note says the library check guards it', () => {
    const { facts, plan } = generate({ ...tree, 'src/meson.build': "executable('wf', 'main.c', link_with : lib)\n" });
    expect([facts.installs, facts.binaryOutput]).toEqual([false, 'build/src/wf']);
    expect(plan.c.installCommand).toBe('install -D -m 0755 build/src/wf /staging/usr/local/bin/wf');
    expect(plan.notes.map(sayNote).join('\n')).toContain('the build stops if it loads a library the image would not hold');
  });

  test('default_library=static: library() is no shared library, and the program can be static', () => {
    const { facts, plan } = generate({ ...tree, 'meson.build': tree['meson.build'].replace("'c')", "'c', default_options : ['default_library=static'])") });
    expect([facts.ownLibraries, plan.runtime]).toEqual([[], 'scratch']);
  });
});

describe('CMake projects that install', () => {
  const cmake = (body: string) =>
    generate({ 'CMakeLists.txt': `cmake_minimum_required(VERSION 3.20)\nproject(calc C)\n${body}`, 'main.c': MAIN, 'lib.c': 'int f(void){return 1;}\n' });

  test('a SHARED library and install(TARGETS): cmake --install into the staging folder, RUNPATH to /usr/local/lib', () => {
    const { facts, plan } = cmake(
      'add_library(calccore SHARED lib.c)\nadd_executable(calc main.c)\ntarget_link_libraries(calc PRIVATE calccore)\ninstall(TARGETS calc calccore)\n',
    );
    expect([facts.ownLibraries, facts.installs, plan.runtime]).toEqual([['calccore'], true, 'distroless']);
    expect(plan.c.buildCommand).toContain('-DCMAKE_INSTALL_PREFIX=/usr/local -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_INSTALL_RPATH=/usr/local/lib');
    expect(plan.c.installCommand).toBe('DESTDIR=/staging cmake --install build');
  });

  test('BUILD_SHARED_LIBS ON makes an untyped add_library shared; a STATIC one never is', () => {
    expect(
      cmake('option(BUILD_SHARED_LIBS "shared" ON)\nadd_library(core lib.c)\nadd_library(util STATIC lib.c)\nadd_executable(calc main.c)\n').facts.ownLibraries,
    ).toEqual(['core']);
    expect(cmake('add_library(core lib.c)\nadd_executable(calc main.c)\n').facts.ownLibraries).toEqual([]);
  });
});

describe('the library check in the Dockerfile', () => {
  test('a dynamic program is run through ldd where it will live: "not found" or a build-tree library stops the build', () => {
    const { dockerfile } = generate({ Makefile: 'app: main.c\n\t$(CC) -o app main.c -lcurl\n', 'main.c': MAIN });
    expect(dockerfile).toMatch(/cp -a \/staging\/usr\/local\/\. \/usr\/local\/ \\\n && if ldd \/usr\/local\/bin\/app \| grep -E 'not found\|=> \/src\/'; then/);
  });

  test('a static program gets the static check instead', () => {
    const { dockerfile } = generate({ 'hello.c': MAIN });
    expect(dockerfile).toContain('if ldd /staging/usr/local/bin/hello >/dev/null 2>&1; then');
    expect(dockerfile).not.toContain('not found');
  });
});
