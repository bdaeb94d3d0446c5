import type { TestsFound } from '../../core/types.js';

/** Readers for the build files of C projects: the executable they produce and the libraries they link. */

export interface BuildFileFacts {
  readonly binary?: string;
  /**
   * Make only: how the program's own rule links it. `variable`: through $(CC)/$(CXX) (or make's
   * built-in rule), so `CC="cc -static"` makes it static whether or not it passes LDFLAGS;
   * `literal`: it calls gcc/cc/clang by name, which no make variable reaches.
   */
  readonly linker?: { readonly kind: 'variable' | 'literal'; readonly line?: string };
  /** Linked library names: -l flags, pkg-config modules, CMake packages, meson dependencies. */
  readonly libraries: readonly string[];
  readonly tests?: TestsFound;
  /** The build system's install step puts the program in place (meson `install: true`, CMake install(TARGETS)). */
  readonly installs?: boolean;
  /** Where, under the build folder, the program is built (meson: the meson.build that declares it). */
  readonly binaryDir?: string;
  /** Shared libraries the project builds itself: they must be installed beside the program. */
  readonly ownLibraries?: readonly string[];
  /** Commands the build runs that a compiler image lacks: `yacc` for AC_PROG_YACC, `bison` for find_package(BISON). */
  readonly tools?: readonly string[];
}

/** CMake's find modules for build tools, and meson's find_program, by the command each finds. */
const CMAKE_TOOLS: Readonly<Record<string, string>> = {
  BISON: 'bison',
  FLEX: 'flex',
  Gperf: 'gperf',
  Perl: 'perl',
  PythonInterp: 'python3',
  Python3: 'python3',
  Doxygen: 'doxygen',
};

/** `find_package(BISON REQUIRED)`: an optional tool (no REQUIRED) is left for the project to skip. */
export function cmakeTools(code: string): string[] {
  return [...code.matchAll(/find_package\s*\(\s*(\w+)([^)]*)\)/gi)]
    .filter((match) => /\bREQUIRED\b/.test(match[2]!) || ['BISON', 'FLEX'].includes(match[1]!))
    .map((match) => (Object.hasOwn(CMAKE_TOOLS, match[1]!) ? CMAKE_TOOLS[match[1]!]! : ''))
    .filter(Boolean);
}

/** The text between `name(` and its closing parenthesis, for each call. */
export function callArguments(code: string, name: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(new RegExp(`\\b${name}\\s*\\(`, 'gi'))) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (end < code.length && depth > 0) {
      if (code[end] === '(') depth++;
      if (code[end] === ')') depth--;
      end++;
    }
    found.push(code.slice(match.index + match[0].length, end - 1));
  }
  return found;
}

const dashL = (text: string) => [...text.matchAll(/(?:^|[\s"'=])-l([A-Za-z0-9_+.-]+)/g)].map((match) => match[1]!);
const pkgConfig = (text: string) =>
  [...text.matchAll(/pkg-config\s+(?:--\S+\s+)*([A-Za-z0-9_+.\s-]+?)\)/g)].flatMap((match) =>
    match[1]!.split(/\s+/).filter((word) => word && !word.startsWith('-')),
  );

export function readMakefile(text: string): BuildFileFacts {
  const code = text.replace(/\\\n/g, ' ');
  const variable = (name: string) => new RegExp(`^\\s*${name}\\s*[:?+]?=\\s*(\\S+)`, 'm').exec(code)?.[1];
  let binary = variable('TARGET') ?? variable('BIN') ?? variable('PROGRAM') ?? variable('EXEC') ?? variable('APP');
  if (!binary) {
    // `all: $(PROG)`: the default goal names the program through a variable of any name.
    const goal = /^all\s*:\s*([^\s#;]+)/m.exec(code)?.[1];
    const reference = goal && /^\$[({](\w+)[)}]$/.exec(goal)?.[1];
    const all = reference ? variable(reference) : goal;
    const firstRule = [...code.matchAll(/^([A-Za-z0-9_.-]+)\s*:(?!=)/gm)]
      .map((match) => match[1]!)
      .find((name) => !name.startsWith('.') && !['all', 'clean', 'install', 'test', 'check'].includes(name) && !/\.(o|c|h)$/.test(name));
    binary = all && !all.startsWith('$') ? all : firstRule;
  }
  const testTarget = ['test', 'check'].find((target) => new RegExp(`^${target}\\s*:(?!=)`, 'm').test(code));
  const tests = testTarget ? { source: `Makefile target ${testTarget}`, makeTarget: testTarget } : undefined;
  const name = binary?.startsWith('$') ? undefined : binary;
  // Libraries from the variables and the program's own rule: another target's -l (a benchmark's) is not the program's.
  const scope = name ? programScope(code, name) : code;
  return { binary: name, libraries: [...dashL(scope), ...pkgConfig(scope)], tests, linker: name ? linkerOf(code, name) : undefined };
}

/** The Makefile without the recipes of rules other than the program's (and its objects' pattern rules). */
function programScope(code: string, target: string): string {
  const heads = ruleHeads(code, target);
  const kept: string[] = [];
  let keep = true;
  for (const line of code.split('\n')) {
    if (line.startsWith('\t')) {
      if (keep) kept.push(line);
      continue;
    }
    const rule = /^([^\s=:#][^=:#]*?)\s*:(?!=)/.exec(line)?.[1];
    if (rule !== undefined) keep = heads.includes(rule.trim()) || rule.includes('%');
    kept.push(line);
  }
  return kept.join('\n');
}

/** How a rule for the program may start: its name, or a variable that holds it ($(TARGET)). */
function ruleHeads(code: string, target: string): string[] {
  const names = [...code.matchAll(/^\s*(\w+)\s*[:?+]?=\s*(\S+)\s*$/gm)].filter((match) => match[2] === target).map((match) => match[1]!);
  return [target, ...names.flatMap((name) => [`$(${name})`, `\${${name}}`])];
}

/** The recipe of `target:` (or of `$(TARGET):`), and whether it links through a make variable. */
function linkerOf(code: string, target: string): BuildFileFacts['linker'] {
  const lines = code.split('\n');
  const heads = ruleHeads(code, target);
  const start = lines.findIndex((line) => heads.some((head) => line.startsWith(`${head}:`) || line.startsWith(`${head} :`)));
  if (start === -1) return { kind: 'variable' };
  const recipe: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('\t')) break;
    recipe.push(line.trim());
  }
  // No recipe: make's built-in rule links with $(CC) $(LDFLAGS).
  const link = recipe.find((line) => /(^|[\s;&@])(\$[({]C(C|XX)[)}]|gcc|g\+\+|cc|c\+\+|clang\+?\+?)\s/.test(`${line} `));
  if (link === undefined || /\$[({]C(C|XX)[)}]/.test(link)) return { kind: 'variable' };
  return { kind: 'literal', line: link };
}

export function readCMakeLists(text: string): BuildFileFacts {
  const code = text.replace(/#[^\n]*/g, '');
  // ${PROJECT_NAME} and set() variables resolved; of several executables, the one install(TARGETS) names.
  const project = /\bproject\s*\(\s*([A-Za-z0-9_.+-]+)/i.exec(code)?.[1];
  const sets = new Map([...code.matchAll(/\bset\s*\(\s*(\w+)\s+"?([A-Za-z0-9_.+-]+)"?\s*\)/gi)].map((match) => [match[1]!, match[2]!] as const));
  const resolve = (name: string) =>
    name.replace(/\$\{(\w+)\}/g, (_all, variable: string) => (variable === 'PROJECT_NAME' ? (project ?? '') : (sets.get(variable) ?? '')));
  const executables = [...code.matchAll(/add_executable\s*\(\s*([A-Za-z0-9_.+${}-]+)/gi)].map((match) => resolve(match[1]!)).filter(Boolean);
  const installed = [...code.matchAll(/install\s*\(\s*TARGETS\s+([^)]+)\)/gi)].flatMap((match) => match[1]!.split(/\s+/).map(resolve));
  const binary = executables.find((name) => installed.includes(name)) ?? executables[0];
  const packages = [...code.matchAll(/find_package\s*\(\s*([A-Za-z0-9_]+)/gi)].map((match) => match[1]!);
  const pkgModules = [...code.matchAll(/pkg_check_modules\s*\(\s*\w+\s+(?:REQUIRED\s+|IMPORTED_TARGET\s+)*([^)]+)\)/gi)].flatMap((match) =>
    match[1]!.split(/\s+/).filter((word) => /^[a-z]/.test(word) && !['required', 'imported_target'].includes(word.toLowerCase())),
  );
  // The project's own targets (add_library, add_executable) are linked too, and are no system library.
  const ownTargets = new Set([...code.matchAll(/add_(?:library|executable)\s*\(\s*([A-Za-z0-9_.+${}-]+)/gi)].map((match) => resolve(match[1]!)));
  const linked = [...code.matchAll(/target_link_libraries\s*\(\s*\S+\s+([^)]+)\)/gi)]
    .flatMap((match) => match[1]!.split(/\s+/))
    .filter((word) => /^[a-z][a-z0-9_+-]*$/.test(word) && !['private', 'public', 'interface'].includes(word) && !ownTargets.has(word));
  const tests = /\badd_test\s*\(/i.test(code) ? { source: 'CMake add_test' } : undefined;
  // add_library without a type follows BUILD_SHARED_LIBS, which is off unless the project turns it on.
  const sharedDefault = /\b(?:set|option)\s*\(\s*BUILD_SHARED_LIBS\b[^)]*\bON\b/i.test(code);
  const ownLibraries = callArguments(code, 'add_library')
    .map((args) => args.trim().split(/\s+/))
    .filter(
      ([, kind]) =>
        kind?.toUpperCase() === 'SHARED' ||
        (sharedDefault && !['STATIC', 'OBJECT', 'INTERFACE', 'MODULE', 'ALIAS', 'IMPORTED'].includes(kind?.toUpperCase() ?? '')),
    )
    .map(([name]) => resolve(name!));
  return {
    binary,
    libraries: [...packages.filter((name) => !['Threads', 'PkgConfig', ...Object.keys(CMAKE_TOOLS)].includes(name)), ...pkgModules, ...linked],
    tools: cmakeTools(code),
    tests,
    installs: binary !== undefined && installed.includes(binary),
    ownLibraries,
  };
}

const installed = (args: string) => /\binstall\s*:\s*true\b/.test(args);

/** staticDefault: the project() call's default_library=static, which may sit in the root file only. */
export function readMesonBuild(text: string, staticDefault = /default_library\s*=\s*static/.test(text)): BuildFileFacts {
  const code = text.replace(/#[^\n]*/g, '');
  const executables = callArguments(code, 'executable').filter((args) => /^\s*'/.test(args));
  const program = executables.find((args) => installed(args)) ?? executables[0];
  const binary = program ? /^\s*'([^']+)'/.exec(program)?.[1] : undefined;
  const libraries = [...code.matchAll(/dependency\s*\(\s*'([^']+)'/g)].map((match) => match[1]!).filter((name) => name !== 'threads');
  const tests = /(^|[^\w.])test\s*\(\s*'/m.test(code) ? { source: 'meson test()' } : undefined;
  // library() is shared unless the project's default_library says static; shared_library() always is.
  const ownLibraries = [
    ...callArguments(code, 'shared_library'),
    ...(staticDefault ? [] : [...callArguments(code, 'library'), ...callArguments(code, 'both_libraries')]),
  ].flatMap((args) => /^\s*'([^']+)'/.exec(args)?.[1] ?? []);
  return { binary, libraries, tests, installs: program !== undefined && installed(program), ownLibraries };
}
