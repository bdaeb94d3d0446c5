import type { Message } from '../../core/explain/messages.js';
import { UserError } from '../../core/errors.js';
import { preferRequested, resolvePort, type RuntimeChoice } from '../../core/plan/choices.js';
import { dockerignoreGroups } from '../../core/plan/dockerignore.js';
import { noHealthcheck } from '../../core/plan/healthcheck.js';
import { probeHealthcheck } from '../../core/plan/probe.js';
import { NONROOT, SHARED_IMAGES } from '../../core/plan/images.js';
import { HARDENING, nextCommand } from '../../core/plan/next-command.js';
import { testStage } from '../../core/plan/test-stage.js';
import { binaryName, contextPath, shellWord } from '../../core/render/quote.js';
import type { Choices, CommonFacts, Runtime } from '../../core/types.js';
import { C_IGNORE, cNeededByBuild } from './ignore.js';
import { C_IMAGES } from './images.js';
import { C_MESSAGES } from './messages.js';
import { cTestCommand } from './test-command.js';
import type { CFacts, CPlan } from './types.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const { message } = C_MESSAGES;

/** What distroless cc holds; a dynamic binary's libraries from these packages are already there. */
const DISTROLESS_CC_PACKAGES = ['libc6', 'libgcc-s1', 'libstdc++6', 'libssl3t64'];

const BUILD_TOOLS: Record<CFacts['buildSystem'], readonly string[]> = { cc: [], make: [], cmake: ['cmake'], meson: ['meson', 'ninja-build'], autotools: [] };

/** Where the build stage installs: the runtime copies this prefix whole. */
export const STAGING = '/staging';
const PREFIX = '/usr/local';

/** autoreconf needs autoconf and automake, plus libtool, pkg.m4 or autopoint when configure.ac uses them. */
function autotoolsTools(c: CFacts): string[] {
  const build = c.autotools;
  if (!build?.autoreconf) return [];
  return [
    'autoconf',
    'automake',
    ...(build.libtool ? ['libtool'] : []),
    ...(build.pkgConfig ? ['pkgconf'] : []),
    ...(build.gettext ? ['autopoint', 'gettext'] : []),
  ];
}

export function planC(detected: CFacts & CommonFacts, choices: Choices): CPlan {
  const c = chooseProgram(detected, choices.main);
  const { runtime, reason } = chooseRuntime(c, choices.runtime);
  const isStatic = runtime === 'scratch';
  // A C server that names no port gets none: there is no convention to assume.
  const port = resolvePort(choices.port, c.port, c.listens, []);
  const binaryPath = `/usr/local/bin/${c.binary}`;
  const cross = crossCompiles(c, isStatic, choices);
  const libraryPackages = c.libraries.map((library) => library.devPackage);
  const notes = [...programNotes(c, choices.main !== undefined && c !== detected), ...c.notes];
  if (choices.platforms?.length && !cross)
    notes.push(
      message(c.buildSystem === 'meson' && isStatic ? 'note.c.platforms.meson' : 'note.c.platforms.dynamic', { platforms: choices.platforms.join(',') }),
    );
  return {
    language: 'c',
    crossCompiles: cross,
    runtime,
    runtimeReason: reason,
    builderImage: C_IMAGES.gcc,
    runtimeImage: runtime === 'scratch' ? SHARED_IMAGES.scratch : runtime === 'slim' ? SHARED_IMAGES.debianSlim : C_IMAGES.distrolessCc,
    imageName: c.projectName,
    user: NONROOT,
    listens: c.listens,
    port,
    entrypoint: [binaryPath],
    binary: { source: `${STAGING}${binaryPath}`, path: binaryPath },
    notes,
    needsBuildKit: false,
    profile: choices.portable ? 'portable' : 'buildkit',
    // A C program as PID 1 gets no default SIGTERM action.
    needsInit: true,
    // A C build downloads nothing: no value comes from whoever runs it.
    buildArgs: [],
    nextCommand: nextCommand(c.projectName, port),
    // A C program as PID 1 gets no default SIGTERM action; --init stops it on `docker stop`.
    hardenedRun: nextCommand(c.projectName, port, ['--init', ...HARDENING]),
    ...(probeHealthcheck(choices, port) ?? { healthcheckAbsent: noHealthcheck(runtime) }),
    ...testStage(c.tests, cTestCommand(c.buildSystem, c.tests?.makeTarget), choices.portable),
    dockerignore: dockerignoreGroups(c, C_IGNORE, () => cNeededByBuild(c)),
    c: {
      static: isStatic,
      binaryName: c.binary,
      builderPackages: [
        ...new Set([
          ...(cross ? [] : libraryPackages),
          ...BUILD_TOOLS[c.buildSystem],
          ...autotoolsTools(c),
          ...c.buildTools.map((tool) => tool.package),
          ...(choices.buildPackages ?? []),
        ]),
      ],
      targetPackages: cross ? [...new Set(libraryPackages)] : [],
      runtimePackages: runtime === 'slim' ? [...new Set([...c.libraries.map((library) => library.runtimePackage), ...(choices.runtimePackages ?? [])])] : [],
      buildCommand: buildCommand(c, isStatic, cross),
      installCommand: installCommand(c, binaryPath),
      installs: c.installs,
      binaryOutput: contextPath(c.binaryOutput, 'binary'),
      binaryPath,
      distrolessPackages: DISTROLESS_CC_PACKAGES,
      createUser: runtime === 'slim',
      runtimeData: runtime === 'slim' ? [] : [...new Set(c.libraries.flatMap((library) => library.runtimeData ?? []))],
      dataCopies: c.dataPaths.map((found) => contextPath(found.path, 'data folder')),
      workdir: c.dataPaths.length > 0 ? '/app' : undefined,
    },
  };
}

/**
 * --platform: a static program cross-compiles on the build machine with Debian's cross toolchain (the
 * runtime needs nothing of the target but the binary). A dynamic one builds on each target, emulated:
 * its library checks (ldd) and the distroless library collection read the target's own loader and
 * packages. meson needs a cross file, which the project would have to provide, so it builds emulated.
 */
function crossCompiles(c: CFacts, isStatic: boolean, choices: Choices): boolean {
  return Boolean(choices.platforms?.length) && isStatic && c.buildSystem !== 'meson';
}

/** Without a build file: which of several programs is built and why, and what cc compiles. */
function programNotes(c: CFacts, chosenByFlag: boolean): Message[] {
  if (c.buildSystem !== 'cc') return [];
  const built = c.programs.find((program) => c.sources.includes(program.file));
  const why = chosenByFlag
    ? 'note.c.programs.flag'
    : built?.listens && c.programs.filter((program) => program.listens).length === 1
      ? 'note.c.programs.listens'
      : 'note.c.programs.first';
  return [
    ...(c.programs.length > 1 && built
      ? [message(why, { count: c.programs.length, files: c.programs.map((program) => program.file).join(', '), file: built.file })]
      : []),
    message('note.c.cc', { sources: c.sources.join(' ') }),
  ];
}

/** --main picks one of several programs (files with their own main()) by file or by name. */
function chooseProgram(c: CFacts & CommonFacts, requested?: string): CFacts & CommonFacts {
  if (requested === undefined) return c;
  const wanted = requested.replace(/^\.\//, '');
  const program = c.programs.find((candidate) => candidate.file === wanted || candidate.file.replace(/\.(c|cc|cpp|cxx)$/, '') === wanted);
  if (!program)
    throw new UserError(
      c.programs.length > 0
        ? ERRORS.message('error.plan.main-not-program', { requested, value: c.programs.map((candidate) => candidate.file).join(', ') })
        : ERRORS.message('error.plan.main-one-program', { requested, binary: c.binary }),
    );
  // The default program, asked for by name (the prompt's default): the facts already describe it.
  if (c.sources.includes(program.file)) return c;
  const binary = binaryName(program.file.replace(/\.(c|cc|cpp|cxx)$/, ''));
  const all = c.programs.map((candidate) => candidate.file);
  const sources = [...new Set([...c.sources.filter((file) => !all.includes(file)), program.file])].sort();
  // The port was read from the default program's files; another program's is its own (--port).
  return {
    ...c,
    binary,
    binaryOutput: binary,
    sources,
    listens: program.listens,
    ...(program.listens === c.listens ? {} : { port: undefined, portSource: undefined }),
  };
}

function chooseRuntime(c: CFacts, requested?: Runtime): RuntimeChoice {
  const named = [
    ...c.libraries.filter((library) => !library.staticOk).map((library) => library.name),
    ...c.unknownLibraries,
    ...c.ownLibraries.map((library) => `its own shared library ${library}`),
    ...(c.autotools?.libtool && c.ownLibraries.length === 0 ? ['libtool'] : []),
  ];
  const blockers = c.staticPossible || named.length > 0 ? named : ['a link rule that calls the compiler by name'];
  if (requested === 'scratch' && !c.staticPossible) {
    throw new UserError(ERRORS.message('error.plan.runtime-scratch-needs', { value: blockers.join(', ') }));
  }
  const detected = c.staticPossible
    ? { runtime: 'scratch' as const, reason: message('reason.c.static') }
    : { runtime: 'distroless' as const, reason: message('reason.c.dynamic', { blockers: blockers.join(', ') }) };
  return preferRequested(detected, requested);
}

/**
 * The build. A cross build (/etc/cross-env sourced first) names the toolchain by its variables: $CC
 * and $CXX are the target's compilers, $HOST its GNU triplet (empty when the target is the build
 * machine's own platform).
 */
function buildCommand(c: CFacts, isStatic: boolean, cross: boolean): string {
  const staticFlag = isStatic ? ' -static' : '';
  const cc = cross ? '"$CC"' : 'cc';
  const cxx = cross ? '"$CXX"' : 'c++';
  const command = buildSystemCommand(c, isStatic, staticFlag, cc, cxx, cross);
  return cross ? `. /etc/cross-env && ${command}` : command;
}

function buildSystemCommand(c: CFacts, isStatic: boolean, staticFlag: string, cc: string, cxx: string, cross: boolean): string {
  switch (c.buildSystem) {
    case 'cc': {
      const compiler = c.cxx ? cxx : cc;
      const sources = c.sources.map((file) => shellWord(contextPath(file, 'source file'))).join(' ');
      const libs = c.libraries.map((library) => ` -l${library.name.replace(/^lib/, '')}`).join('');
      return `${compiler} -O2 -Wall${staticFlag} -o ${c.binaryOutput} ${sources}${libs}`;
    }
    case 'make': {
      // Only the program's target; CC and CXX carry -static into every compile and link that uses
      // them, where LDFLAGS on the command line would replace the Makefile's own (-lm...).
      const target = c.makeTarget ? ` ${shellWord(contextPath(c.makeTarget, 'make target'))}` : '';
      if (cross) return `make -j"$(nproc)"${target} CC="$CC${staticFlag}" CXX="$CXX${staticFlag}"`;
      return `make -j"$(nproc)"${target}${isStatic ? ' CC="cc -static" CXX="c++ -static"' : ''}`;
    }
    case 'cmake': {
      // Installed programs find their own libraries under PREFIX/lib through the RUNPATH set here.
      const install = c.installs ? ` -DCMAKE_INSTALL_PREFIX=${PREFIX} -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_INSTALL_RPATH=${PREFIX}/lib` : '';
      // Cross: the target's compilers, and the system name that tells cmake it cross-compiles (no try-run of target code).
      const toolchain = cross
        ? ' -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" ${HOST:+-DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR="${HOST%%-*}"}'
        : '';
      return `cmake -S . -B build -DCMAKE_BUILD_TYPE=Release${toolchain}${install}${isStatic ? ' -DCMAKE_EXE_LINKER_FLAGS=-static' : ''} && cmake --build build -j"$(nproc)"`;
    }
    case 'meson': {
      // meson drops its build-tree RUNPATH on install but keeps one given in the link arguments.
      const install = c.installs ? ` --prefix=${PREFIX} --libdir=lib` : '';
      const link = isStatic
        ? ' -Dprefer_static=true -Dc_link_args=-static'
        : c.installs && c.ownLibraries.length > 0
          ? ` -Dc_link_args=-Wl,-rpath,${PREFIX}/lib`
          : '';
      return `meson setup build --buildtype=release${install}${link} && meson compile -C build`;
    }
    case 'autotools': {
      // libtool gives installed programs a RUNPATH to their own libraries; -static suits plain links only.
      const configure = `./configure --prefix=${PREFIX}${cross ? ' ${HOST:+--host="$HOST"}' : ''}${isStatic ? ' LDFLAGS=-static' : ''}`;
      return `${c.autotools?.autoreconf ? 'autoreconf -fi && ' : ''}${configure} && make -j"$(nproc)"`;
    }
  }
}

/** Puts the program, and with an install step its libraries and data, under STAGING + PREFIX. */
function installCommand(c: CFacts, binaryPath: string): string {
  if (c.buildSystem === 'autotools') return `make install DESTDIR=${STAGING}`;
  if (c.installs && c.buildSystem === 'cmake') return `DESTDIR=${STAGING} cmake --install build`;
  if (c.installs && c.buildSystem === 'meson') return `meson install -C build --destdir ${STAGING}`;
  return `install -D -m 0755 ${contextPath(c.binaryOutput, 'binary')} ${STAGING}${binaryPath}`;
}
