import type { TestsFound } from '../../core/types.js';

/** Readers for the build files of C projects: the executable they produce and the libraries they link. */

export interface BuildFileFacts {
  readonly binary?: string;
  /** Linked library names: -l flags, pkg-config modules, CMake packages, meson dependencies. */
  readonly libraries: readonly string[];
  readonly tests?: TestsFound;
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
    const all = /^all\s*:\s*([^\s#;]+)/m.exec(code)?.[1];
    const firstRule = [...code.matchAll(/^([A-Za-z0-9_.-]+)\s*:(?!=)/gm)]
      .map((match) => match[1]!)
      .find((name) => !name.startsWith('.') && !['all', 'clean', 'install', 'test', 'check'].includes(name) && !/\.(o|c|h)$/.test(name));
    binary = all && !all.startsWith('$') ? all : firstRule;
  }
  const testTarget = ['test', 'check'].find((target) => new RegExp(`^${target}\\s*:(?!=)`, 'm').test(code));
  const tests = testTarget ? { source: `Makefile target ${testTarget}`, makeTarget: testTarget } : undefined;
  return { binary: binary?.startsWith('$') ? undefined : binary, libraries: [...dashL(code), ...pkgConfig(code)], tests };
}

export function readCMakeLists(text: string): BuildFileFacts {
  const code = text.replace(/#[^\n]*/g, '');
  const binary = /add_executable\s*\(\s*([A-Za-z0-9_.+-]+)/i.exec(code)?.[1];
  const packages = [...code.matchAll(/find_package\s*\(\s*([A-Za-z0-9_]+)/gi)].map((match) => match[1]!);
  const pkgModules = [...code.matchAll(/pkg_check_modules\s*\(\s*\w+\s+(?:REQUIRED\s+|IMPORTED_TARGET\s+)*([^)]+)\)/gi)].flatMap((match) =>
    match[1]!.split(/\s+/).filter((word) => /^[a-z]/.test(word) && !['required', 'imported_target'].includes(word.toLowerCase())),
  );
  const linked = [...code.matchAll(/target_link_libraries\s*\(\s*\S+\s+([^)]+)\)/gi)]
    .flatMap((match) => match[1]!.split(/\s+/))
    .filter((word) => /^[a-z][a-z0-9_+-]*$/.test(word) && !['private', 'public', 'interface'].includes(word));
  const tests = /\badd_test\s*\(/i.test(code) ? { source: 'CMake add_test' } : undefined;
  return { binary, libraries: [...packages.filter((name) => !['Threads', 'PkgConfig'].includes(name)), ...pkgModules, ...linked], tests };
}

export function readMesonBuild(text: string): BuildFileFacts {
  const code = text.replace(/#[^\n]*/g, '');
  const binary = /executable\s*\(\s*'([^']+)'/.exec(code)?.[1];
  const libraries = [...code.matchAll(/dependency\s*\(\s*'([^']+)'/g)].map((match) => match[1]!).filter((name) => name !== 'threads');
  const tests = /(^|[^\w.])test\s*\(\s*'/m.test(code) ? { source: 'meson test()' } : undefined;
  return { binary, libraries, tests };
}
