import { posix } from 'node:path';
import type { BuildFileFacts } from './build-files.js';

/** What configure.ac and the Makefile.am files say about the program, its libraries and its build. */
export interface AutotoolsFacts extends BuildFileFacts {
  /** Every installed program (bin_PROGRAMS, sbin_PROGRAMS), in the order the files name them. */
  readonly programs: readonly string[];
  /** The project's own libtool libraries (lib_LTLIBRARIES): shared by default, installed beside the program. */
  readonly ownLibraries: readonly string[];
  readonly libtool: boolean;
  readonly gettext: boolean;
  readonly pkgConfig: boolean;
}

export const isAutotools = (files: readonly string[]) => files.includes('configure.ac') || files.includes('configure.in');

/** m4 quoting: `[name]` or `name`. */
const unquote = (word: string) => word.trim().replace(/^\[/, '').replace(/\]$/, '').trim();

/** The arguments of each call to `macro(...)`, split at top-level commas; `dnl` and `#` comments removed. */
function calls(text: string, macro: string): string[][] {
  const code = text.replace(/(^|\s)(dnl\b|#)[^\n]*/g, '$1');
  const found: string[][] = [];
  for (const match of code.matchAll(new RegExp(`\\b${macro}\\s*\\(`, 'g'))) {
    const args: string[] = [];
    let depth = 0;
    let current = '';
    for (const char of code.slice(match.index + match[0].length)) {
      if ((char === ')' || char === ',') && depth === 0) {
        args.push(current);
        current = '';
        if (char === ')') break;
        continue;
      }
      if (char === '[' || char === '(') depth++;
      if (char === ']' || char === ')') depth--;
      current += char;
    }
    found.push(args.map(unquote));
  }
  return found;
}

/** `PKG_CHECK_MODULES([X], [libevent >= 2.0 zlib])`: module names, without version constraints. */
const modules = (list: string) => list.split(/[\s,]+/).filter((word) => /^[A-Za-z][\w.+-]*$/.test(word));

/** A Makefile.am variable, continuation lines joined, `+=` lines added. */
function variable(text: string, name: string): string[] {
  const code = text.replace(/\\\n/g, ' ');
  return [...code.matchAll(new RegExp(`^\\s*${name}\\s*\\+?=([^\\n]*)`, 'gm'))].flatMap((match) =>
    match[1]!
      .replace(/#.*/, '')
      .split(/\s+/)
      .filter((word) => word && !word.startsWith('$') && !word.startsWith('@')),
  );
}

/**
 * configure.ac names the package and the libraries (PKG_CHECK_MODULES, AC_CHECK_LIB, AC_SEARCH_LIBS);
 * each Makefile.am names programs, libraries and -l flags. The entry point is the program named like
 * the package, else the first one.
 */
export function readAutotools(configure: string, makefiles: readonly { file: string; text: string }[]): AutotoolsFacts {
  const pkg = calls(configure, 'AC_INIT')[0]?.[0];
  const pkgModules = calls(configure, 'PKG_CHECK_MODULES').flatMap((args) => modules(args[1] ?? ''));
  const checked = calls(configure, 'AC_CHECK_LIB').map((args) => args[0] ?? '');
  // AC_SEARCH_LIBS([fn], [ncursesw ncurses]): libc first, then these; the first is the one wanted.
  const searched = calls(configure, 'AC_SEARCH_LIBS').map((args) => modules(args[1] ?? '')[0] ?? '');
  const programs = makefiles.flatMap(({ text }) => [...variable(text, 'bin_PROGRAMS'), ...variable(text, 'sbin_PROGRAMS')]).map((name) => posix.basename(name));
  const ownLibraries = makefiles.flatMap(({ text }) => variable(text, 'lib_LTLIBRARIES')).map((name) => posix.basename(name, '.la'));
  const flags = makefiles.flatMap(({ text }) =>
    [...text.replace(/\\\n/g, ' ').matchAll(/^\s*\w*(?:LDADD|LIBADD|LIBS)\s*\+?=([^\n]*)/gm)].flatMap((match) =>
      [...match[1]!.matchAll(/(?:^|\s)-l([A-Za-z0-9_+.-]+)/g)].map((flag) => flag[1]!),
    ),
  );
  const binary = (pkg && programs.find((name) => name === pkg)) ?? programs[0];
  // AC_PROG_YACC and AC_PROG_LEX fall back to a stub that fails at make time when no parser generator is there.
  const tools = [...(/\bAC_PROG_YACC\b/.test(configure) ? ['yacc'] : []), ...(/\b(?:AC|AM)_PROG_LEX\b/.test(configure) ? ['lex'] : [])];
  const hasTests = makefiles.some(({ text }) => variable(text, 'TESTS').length > 0 || variable(text, 'check_PROGRAMS').length > 0);
  return {
    binary,
    programs,
    ownLibraries,
    libraries: [...pkgModules, ...checked, ...searched, ...flags].filter(Boolean),
    libtool: /\b(LT_INIT|AC_PROG_LIBTOOL|AM_PROG_LIBTOOL)\b/.test(configure),
    gettext: /\bAM_GNU_GETTEXT\b/.test(configure),
    pkgConfig: pkgModules.length > 0,
    tools,
    tests: hasTests ? { source: 'Makefile.am TESTS', makeTarget: 'check' } : undefined,
  };
}
