import type { ProjectSnapshot } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { onceper } from '../core/memo.js';
import { extensionPattern } from '../pipeline/markers.js';

/**
 * How the registered languages read an environment variable by a literal name, and which files are
 * code to read: each language declares its own (process.env.NAME, os.getenv('NAME'), os.Getenv("NAME")).
 * Every pattern is tried on every code file: a service's folder may hold more than one language.
 */
const readers = onceper((languages: readonly AnyLanguage[]) => ({
  patterns: languages.flatMap((language) => language.services.envReads),
  code: extensionPattern(languages.flatMap((language) => [...language.project.sourceExtensions, ...language.services.envFiles])),
}));

/** Every environment variable name the service's code reads by a literal name, in first-seen order. */
export function envReads(snapshot: ProjectSnapshot, languages: readonly AnyLanguage[]): string[] {
  const { patterns, code } = readers(languages);
  const names = new Set<string>();
  for (const file of snapshot.files) {
    if (!code.test(file) || /(^|\/)(node_modules|vendor|dist|build|\.next|test|tests|__tests__)\//.test(file) || /\.(test|spec)\.[jt]sx?$/.test(file)) continue;
    const text = snapshot.read(file) ?? '';
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add((match[1] ?? match[2])!);
  }
  return [...names];
}
