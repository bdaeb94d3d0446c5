import type { Message } from '../../core/explain/messages.js';
import { C_MESSAGES } from './messages.js';
import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { binaryName, imageName } from '../../core/render/quote.js';
import type { LookContext } from '../../core/language.js';
import type { ProjectSnapshot } from '../../core/types.js';
import type { CBuildSystem, CFacts, CLibrary, CProgram } from './types.js';
import { readCMakeLists, readMakefile, readMesonBuild, type BuildFileFacts } from './build-files.js';
import { LIBC_PARTS, lookupLibrary } from './libraries.js';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { firstPort } from '../../core/detect/ports.js';
import { dataPaths, dataPathsNote } from '../../core/detect/data-paths.js';
import { own } from '../../core/own.js';
import { commandPackage } from '../../core/debian/contents.js';
import { isAutotools, readAutotools, type AutotoolsFacts } from './autotools.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const SOURCE = /\.(c|cc|cpp|cxx)$/;

/** Headers whose library a lone source file needs, so `cc hello.c` links without a build file. */
const HEADER_LIBRARIES: Record<string, string> = {
  'zlib.h': 'z',
  'curl/curl.h': 'curl',
  'sqlite3.h': 'sqlite3',
  'openssl/ssl.h': 'ssl',
  'openssl/evp.h': 'crypto',
  'uv.h': 'uv',
  'jansson.h': 'jansson',
  'png.h': 'png',
  'math.h': 'm',
  'pthread.h': 'pthread',
};

/**
 * C needs C sources. A Makefile alone is no sign: Go and Node projects have them too, so .c files
 * count as a C project only when no other language's manifest sits at the root, or CMake/meson does.
 */
export const isCProject = (snapshot: ProjectSnapshot, { otherManifests }: LookContext) => {
  if (!snapshot.files.some((file) => SOURCE.test(file))) return false;
  if (snapshot.files.includes('CMakeLists.txt') || snapshot.files.includes('meson.build') || isAutotools(snapshot.files)) return true;
  return !otherManifests.some((manifest) => snapshot.files.includes(manifest));
};

export function detectC(snapshot: ProjectSnapshot): CFacts {
  const notes: Message[] = [];
  const sources = snapshot.files.filter(
    (file) => SOURCE.test(file) && !file.split('/').some((part) => part.startsWith('.') || ['build', 'test', 'tests'].includes(part)),
  );
  if (sources.length === 0) throw new UserError(ERRORS.message('error.detect.c-source-files'));
  const texts = sources.map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const mains = texts.filter(({ text }) => /\bint\s+main\s*\(/.test(text));

  const { buildSystem, facts: buildFacts, buildFile } = readBuildFile(snapshot);
  const { binary, loneSources, programs } =
    buildSystem === 'cc' ? ccProgram(sources, mains) : { binary: buildFacts.binary, loneSources: [] as string[], programs: [] as CProgram[] };
  if (!binary) throw new UserError(ERRORS.message('error.detect.cannot-tell-which', { buildFile: String(buildFile) }));

  const { libraries, unknownLibraries } = resolveLibraries(buildFacts.libraries, buildSystem === 'cc' ? texts : []);
  if (unknownLibraries.length > 0) notes.push(C_MESSAGES.message('note.c.unknown-libraries', { libraries: unknownLibraries.join(', ') }));
  const literalLinker = buildFacts.linker?.kind === 'literal' ? buildFacts.linker.line : undefined;
  if (literalLinker) notes.push(C_MESSAGES.message('note.c.literal-linker', { file: buildFile ?? buildSystem, binary, linker: literalLinker }));
  const ownLibraries = buildFacts.ownLibraries ?? [];
  const buildTools = (buildFacts.tools ?? []).flatMap((command) => {
    const pkg = commandPackage(command);
    return pkg === undefined ? [] : [{ command, package: pkg }];
  });
  if (buildTools.length > 0)
    notes.push(
      C_MESSAGES.message('note.c.build-tools', {
        file: buildFile ?? buildSystem,
        tools: buildTools.map((tool) => `${tool.command} (${tool.package})`).join(', '),
      }),
    );
  const autotools = buildSystem === 'autotools' ? autotoolsBuild(snapshot, buildFacts as AutotoolsFacts) : undefined;
  if (autotools) notes.push(...autotoolsNotes(snapshot, autotools, binary));
  if (ownLibraries.length > 0)
    notes.push(
      C_MESSAGES.message(ownLibraries.length > 1 ? 'note.c.own-libraries' : 'note.c.own-library', {
        file: buildFile ?? buildSystem,
        libraries: ownLibraries.join(', '),
      }),
    );
  const staticPossible =
    unknownLibraries.length === 0 &&
    libraries.every((library) => library.staticOk) &&
    literalLinker === undefined &&
    ownLibraries.length === 0 &&
    !autotools?.libtool;

  // Of several programs, only the built one's files say whether it serves, and where.
  const built = programs.length > 1 ? texts.filter(({ file }) => loneSources.includes(file)) : texts;
  const server = serves(built.map(({ text }) => text).join('\n')) || undefined;
  // A port is often a #define in the project's own header.
  const headers = snapshot.files
    .filter((file) => /\.(h|hh|hpp)$/.test(file) && !file.split('/').some((part) => part.startsWith('.')))
    .map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const port = server ? firstPort([...built, ...headers], PORT_PATTERNS) : undefined;
  const loopback = server ? loopbackBind(built) : undefined;
  if (loopback) notes.push(loopbackNote(loopback));
  const output = buildSystem === 'cmake' || buildSystem === 'meson' ? posix.join('build', buildFacts.binaryDir ?? '', binary) : binary;
  const installs = buildSystem === 'autotools' || buildFacts.installs === true;
  if ((buildSystem === 'cmake' || buildSystem === 'meson') && !installs)
    notes.push(
      C_MESSAGES.message(ownLibraries.length > 0 ? 'note.c.no-install-libraries' : 'note.c.no-install', {
        file: buildFile ?? buildSystem,
        binary,
        rule: buildSystem === 'cmake' ? 'install(TARGETS)' : 'install: true',
        output,
      }),
    );
  const headersAndSources = [...texts, ...headers];
  const data = dataPaths(snapshot, headersAndSources, { loaders: C_LOADERS, isCode: (file) => /\.(c|h|cc|cpp|cxx|hh|hpp)$/.test(file), never: BUILD_FILES });
  if (data.length > 0) notes.push(dataPathsNote(data));

  return {
    language: 'c',
    projectName: imageName(posix.basename(snapshot.root)),
    buildSystem,
    sources: loneSources,
    cxx: sources.some((file) => !file.endsWith('.c')),
    binary: binaryName(binary),
    binaryOutput: output,
    libraries,
    unknownLibraries,
    staticPossible,
    programs,
    dataPaths: data,
    ...(buildSystem === 'make' ? { makeTarget: binary } : {}),
    installs,
    ownLibraries,
    buildTools,
    ...(autotools ? { autotools } : {}),
    listens: server !== undefined,
    port: port?.port,
    portSource: port?.file,
    tests: buildFacts.tests,
    buildOutputDirs: ['build', 'out', 'bin'].filter(
      (dir) => snapshot.files.some((file) => file.startsWith(dir + '/')) && !sources.some((file) => file.startsWith(dir + '/')),
    ),
    notes,
  };
}

/**
 * Without a build file: each root file with its own main() is a program of its own (a server and its
 * client, a tool and its sample input); one is built, with the root's files that have no main().
 * The plan says which program it builds and how (--main can change both).
 */
function ccProgram(
  sources: readonly string[],
  mains: readonly { file: string; text: string }[],
): { binary: string; loneSources: string[]; programs: CProgram[] } {
  const rootMains = mains.filter(({ file }) => !file.includes('/'));
  if (rootMains.length === 0) throw new UserError(ERRORS.message('error.detect.main-found-c'));
  const programs = rootMains.map(({ file, text }) => ({ file, listens: serves(text) }));
  const chosen = defaultProgram(programs);
  return { binary: posix.basename(chosen.file).replace(SOURCE, ''), loneSources: programSources(sources, programs, chosen.file), programs };
}

/** The libraries the build file links and (without one) the headers the sources include, as Debian packages where known. */
function resolveLibraries(
  linkedByBuild: readonly string[],
  includingSources: readonly { text: string }[],
): { libraries: CLibrary[]; unknownLibraries: string[] } {
  const includes = includingSources.flatMap(({ text }) =>
    [...text.matchAll(/#\s*include\s*<([^>]+)>/g)].map((match) => own(HEADER_LIBRARIES, match[1]!)).filter((name): name is string => name !== undefined),
  );
  const linked = [...new Set([...linkedByBuild, ...includes])].filter((name) => !LIBC_PARTS.has(name) && !LIBC_PARTS.has(name.replace(/^lib/, '')));
  const libraries: CLibrary[] = [];
  const unknownLibraries: string[] = [];
  for (const name of linked) {
    const library = lookupLibrary(name);
    if (library) {
      if (!libraries.some((known) => known.devPackage === library.devPackage)) libraries.push(library);
    } else {
      unknownLibraries.push(name);
    }
  }
  return { libraries, unknownLibraries };
}

function readBuildFile(snapshot: ProjectSnapshot): { buildSystem: CBuildSystem; facts: BuildFileFacts; buildFile?: string } {
  const read = (file: string) => snapshot.read(file) ?? '';
  if (snapshot.files.includes('CMakeLists.txt')) return { buildSystem: 'cmake', facts: readCMakeLists(read('CMakeLists.txt')), buildFile: 'CMakeLists.txt' };
  if (snapshot.files.includes('meson.build')) return { buildSystem: 'meson', facts: readMesonTree(snapshot), buildFile: 'meson.build' };
  if (isAutotools(snapshot.files)) {
    const configure = snapshot.files.includes('configure.ac') ? 'configure.ac' : 'configure.in';
    const makefiles = snapshot.files.filter((file) => posix.basename(file) === 'Makefile.am' && !file.split('/').some((part) => part.startsWith('.')));
    return {
      buildSystem: 'autotools',
      facts: readAutotools(
        read(configure),
        makefiles.map((file) => ({ file, text: read(file) })),
      ),
      buildFile: configure,
    };
  }
  const makefile = MAKEFILES.find((file) => snapshot.files.includes(file));
  if (makefile) return { buildSystem: 'make', facts: readMakefile(read(makefile)), buildFile: makefile };
  return { buildSystem: 'cc', facts: { libraries: [] } };
}

/** meson.build and the files its subdir() calls reach; the program is the installed executable, else the first. */
function readMesonTree(snapshot: ProjectSnapshot): BuildFileFacts {
  const read: { dir: string; facts: BuildFileFacts }[] = [];
  const staticDefault = /default_library\s*=\s*static/.test(snapshot.read('meson.build') ?? '');
  const queue = [''];
  while (queue.length > 0 && read.length < 64) {
    const dir = queue.shift()!;
    const file = posix.join(dir, 'meson.build');
    if (!snapshot.files.includes(file) || read.some((seen) => seen.dir === dir)) continue;
    const text = snapshot.read(file) ?? '';
    read.push({ dir, facts: readMesonBuild(text, staticDefault) });
    for (const match of text.replace(/#[^\n]*/g, '').matchAll(/\bsubdir\s*\(\s*'([^']+)'/g)) queue.push(posix.normalize(posix.join(dir, match[1]!)));
  }
  const program = read.find(({ facts }) => facts.binary && facts.installs) ?? read.find(({ facts }) => facts.binary);
  return {
    binary: program?.facts.binary,
    binaryDir: program?.dir,
    installs: program?.facts.installs,
    libraries: read.flatMap(({ facts }) => facts.libraries),
    ownLibraries: read.flatMap(({ facts }) => facts.ownLibraries ?? []),
    tests: read.find(({ facts }) => facts.tests)?.facts.tests,
  };
}

function autotoolsBuild(snapshot: ProjectSnapshot, facts: AutotoolsFacts): CFacts['autotools'] & object {
  return {
    autoreconf: !snapshot.files.includes('configure'),
    libtool: facts.libtool,
    gettext: facts.gettext,
    pkgConfig: facts.pkgConfig,
    programs: facts.programs,
  };
}

function autotoolsNotes(snapshot: ProjectSnapshot, autotools: NonNullable<CFacts['autotools']>, binary: string): Message[] {
  const notes: Message[] = [];
  if (autotools.autoreconf) notes.push(C_MESSAGES.message(snapshot.files.includes('autogen.sh') ? 'note.c.autoreconf-autogen' : 'note.c.autoreconf'));
  if (autotools.programs.length > 1) notes.push(C_MESSAGES.message('note.c.autotools-programs', { programs: autotools.programs.join(', '), binary }));
  if (autotools.libtool) notes.push(C_MESSAGES.message('note.c.libtool'));
  return notes;
}

/** C's file-opening calls, and the `#define DOCROOT "htdocs"` way of naming a folder. */
const C_LOADERS = [
  /\b(?:fopen|open|openat|opendir|stat|lstat|access|realpath|chdir|dlopen)\s*\(\s*"([^"]+)"/,
  /#\s*define\s+\w*(?:ROOT|DIR|PATH|FILE|FOLDER)\w*\s+"([^"]+)"/,
];
const BUILD_FILES = /^(build|Makefile|CMakeLists\.txt|meson\.build|configure.*)$/;

/** The one program that listens, else the first by name. */
const defaultProgram = (programs: readonly CProgram[]) => {
  const servers = programs.filter((program) => program.listens);
  return servers.length === 1 ? servers[0]! : [...programs].sort((a, b) => a.file.localeCompare(b.file))[0]!;
};

/** A program's sources: its own file and the root's files without a main(). */
export const programSources = (sources: readonly string[], programs: readonly CProgram[], chosen: string) =>
  sources.filter((file) => !file.includes('/') && (file === chosen || !programs.some((program) => program.file === file)));

/**
 * `htons(8080)`, `#define PORT 8080`, `port = 8080`, and a variable's default before main() reads the
 * arguments (`int default_port = 9999;`, `u_short port = 4000;`, `.port = 8080`): a C server's usual ways.
 */
const PORT_PATTERNS = [/htons\s*\(\s*(\d{2,5})\s*\)/, /#\s*define\s+\w*PORT\w*\s+\(?(\d{2,5})\b/, /\b\w*port\w*\s*=\s*(\d{2,5})\s*[;,]/i];

/**
 * A server's own calls: socket() with bind() or listen(), or a server library's. C++'s std::bind and a
 * method named bind are no socket: `.bind(`, `->bind(`, `::bind(` do not count.
 */
const SERVES = /(?<![.:>\w])(?:bind|listen)\s*\(/;
const serves = (text: string) => SERVES.test(text) && /\b(?:socket|accept|evhttp_\w+|MHD_start_daemon|uv_listen|mg_\w*listen\w*)\s*\(/.test(text);
