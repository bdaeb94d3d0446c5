import type { ProjectSnapshot } from '../core/types.js';

/**
 * When a tree looks like several languages, the one it is written in usually shows: it alone has
 * a manifest or build file at the root, or it holds most of the code. A helper script in another
 * language (a .py in a C project, a Makefile-driven .c file next to a Go module) is then noted,
 * not a reason to stop. Two manifests, or no clear bulk, still ask for --language.
 */
const MANIFESTS: Record<string, readonly string[]> = {
  go: ['go.mod'],
  node: ['package.json'],
  python: ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'],
  // A Makefile counts for C only here: C's own detector already refuses .c files beside another manifest.
  c: ['CMakeLists.txt', 'meson.build', 'configure.ac', 'configure', 'Makefile', 'GNUmakefile', 'makefile'],
};

const SOURCES: Record<string, RegExp> = {
  go: /\.go$/,
  node: /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx)$/,
  python: /\.py$/,
  c: /\.(c|h|cc|cpp|cxx|hpp)$/,
};

/** The share of a tree's source files one language must hold to win without a manifest of its own. */
const BULK = 0.8;

export interface Dominant {
  readonly language: string;
  /** The others, with their files, for the note. */
  readonly others: readonly { readonly language: string; readonly files: readonly string[] }[];
  readonly why: string;
}

export function dominantLanguage(found: readonly string[], snapshot: ProjectSnapshot): Dominant | undefined {
  const manifests = found.filter((language) => (MANIFESTS[language] ?? []).some((file) => snapshot.files.includes(file)));
  const sources = (language: string) => snapshot.files.filter((file) => SOURCES[language]?.test(file) && !file.split('/').some((part) => part.startsWith('.')));
  const others = (winner: string) => found.filter((language) => language !== winner).map((language) => ({ language, files: sources(language) }));
  if (manifests.length === 1)
    return {
      language: manifests[0]!,
      others: others(manifests[0]!),
      why: `only it has a manifest or build file (${MANIFESTS[manifests[0]!]!.find((file) => snapshot.files.includes(file))})`,
    };
  if (manifests.length > 1) return undefined;
  const counts = found.map((language) => ({ language, count: sources(language).length }));
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const top = [...counts].sort((a, b) => b.count - a.count)[0];
  if (!top || total === 0 || top.count / total < BULK) return undefined;
  return { language: top.language, others: others(top.language), why: `it holds ${top.count} of the ${total} source files` };
}
