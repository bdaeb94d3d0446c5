import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { binaryName, imageName } from '../../core/render/quote.js';
import type { ProjectSnapshot } from '../../core/types.js';
import type { CBuildSystem, CFacts, CLibrary, CProgram } from './types.js';
import { readCMakeLists, readMakefile, readMesonBuild, type BuildFileFacts } from './build-files.js';
import { LIBC_PARTS, lookupLibrary } from './libraries.js';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { firstPort } from '../../core/detect/ports.js';
import { dataPaths, dataPathsNote } from '../../core/detect/data-paths.js';
import { own } from '../../core/own.js';

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
export const isCProject = (snapshot: ProjectSnapshot) => {
  if (!snapshot.files.some((file) => SOURCE.test(file))) return false;
  if (snapshot.files.includes('CMakeLists.txt') || snapshot.files.includes('meson.build')) return true;
  return !['go.mod', 'package.json', 'pyproject.toml', 'setup.py'].some((manifest) => snapshot.files.includes(manifest));
};

export function detectC(snapshot: ProjectSnapshot): CFacts {
  const notes: string[] = [];
  const sources = snapshot.files.filter(
    (file) => SOURCE.test(file) && !file.split('/').some((part) => part.startsWith('.') || ['build', 'test', 'tests'].includes(part)),
  );
  if (sources.length === 0) throw new UserError('no C source files (*.c) found');
  const texts = sources.map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const mains = texts.filter(({ text }) => /\bint\s+main\s*\(/.test(text));

  const { buildSystem, facts: buildFacts, buildFile } = readBuildFile(snapshot);
  let binary = buildFacts.binary;
  let loneSources: string[] = [];
  let programs: CProgram[] = [];
  if (buildSystem === 'cc') {
    const rootMains = mains.filter(({ file }) => !file.includes('/'));
    if (rootMains.length === 0) throw new UserError('no main() found in the C sources');
    // Each root file with its own main() is a program of its own (a server and its client, a tool
    // and its sample input): one is built, with the root's files that have no main().
    programs = rootMains.map(({ file, text }) => ({ file, listens: /\b(bind|listen)\s*\(/.test(text) }));
    const chosen = defaultProgram(programs);
    loneSources = programSources(sources, programs, chosen.file);
    binary = posix.basename(chosen.file).replace(SOURCE, '');
    // The plan says which program it builds and how (--main can change both).
  }
  if (!binary) throw new UserError(`${buildFile}: cannot tell which executable it builds (for a Makefile, set TARGET = name)`);

  const includes =
    buildSystem === 'cc'
      ? texts.flatMap(({ text }) =>
          [...text.matchAll(/#\s*include\s*<([^>]+)>/g)].map((match) => own(HEADER_LIBRARIES, match[1]!)).filter((name): name is string => name !== undefined),
        )
      : [];
  const linked = [...new Set([...buildFacts.libraries, ...includes])].filter((name) => !LIBC_PARTS.has(name) && !LIBC_PARTS.has(name.replace(/^lib/, '')));
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
  if (unknownLibraries.length > 0) notes.push(`Unknown libraries (${unknownLibraries.join(', ')}): add their -dev packages to the build stage yourself.`);
  const literalLinker = buildFacts.linker?.kind === 'literal' ? buildFacts.linker.line : undefined;
  if (literalLinker)
    notes.push(
      `${buildFile}: the rule for ${binary} links with \`${literalLinker}\`, which neither CC nor LDFLAGS reaches, so it cannot be made static: it is built as written and runs on distroless cc (use $(CC) in the rule for a static build on scratch).`,
    );
  const staticPossible = unknownLibraries.length === 0 && libraries.every((library) => library.staticOk) && literalLinker === undefined;

  // Of several programs, only the built one's files say whether it serves, and where.
  const built = programs.length > 1 ? texts.filter(({ file }) => loneSources.includes(file)) : texts;
  const server = built.find(({ text }) => /\b(bind|listen)\s*\(/.test(text));
  // A port is often a #define in the project's own header.
  const headers = snapshot.files
    .filter((file) => /\.(h|hh|hpp)$/.test(file) && !file.split('/').some((part) => part.startsWith('.')))
    .map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const port = server ? firstPort([...built, ...headers], PORT_PATTERNS) : undefined;
  const loopback = server ? loopbackBind(built) : undefined;
  if (loopback) notes.push(loopbackNote(loopback));
  const output = buildSystem === 'cmake' || buildSystem === 'meson' ? `build/${binary}` : binary;
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

function readBuildFile(snapshot: ProjectSnapshot): { buildSystem: CBuildSystem; facts: BuildFileFacts; buildFile?: string } {
  const read = (file: string) => snapshot.read(file) ?? '';
  if (snapshot.files.includes('CMakeLists.txt')) return { buildSystem: 'cmake', facts: readCMakeLists(read('CMakeLists.txt')), buildFile: 'CMakeLists.txt' };
  if (snapshot.files.includes('meson.build')) return { buildSystem: 'meson', facts: readMesonBuild(read('meson.build')), buildFile: 'meson.build' };
  const makefile = MAKEFILES.find((file) => snapshot.files.includes(file));
  if (makefile) return { buildSystem: 'make', facts: readMakefile(read(makefile)), buildFile: makefile };
  return { buildSystem: 'cc', facts: { libraries: [] } };
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

/** `htons(8080)`, `#define PORT 8080`, `port = 8080`. */
const PORT_PATTERNS = [/htons\s*\(\s*(\d{2,5})\s*\)/, /#\s*define\s+\w*PORT\w*\s+(\d{2,5})\b/, /\bport\s*=\s*(\d{2,5})\b/i];
