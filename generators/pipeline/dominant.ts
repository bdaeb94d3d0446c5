import type { ProjectSnapshot } from '../core/types.js';
import type { Message } from '../core/explain/messages.js';
import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';
import type { AnyLanguage } from '../languages/registry.js';
import { extensionPattern } from './markers.js';

/**
 * When a tree looks like several languages, the one it is written in usually shows: it alone has
 * a manifest or build file at the root, or it holds most of the code. A helper script in another
 * language (a .py in a C project, a Makefile-driven .c file next to a Go module) is then noted,
 * not a reason to stop. Two manifests, or no clear bulk, still ask for --language.
 */
/** The share of a tree's source files one language must hold to win without a manifest of its own. */
const BULK = 0.8;

export interface Dominant {
  readonly language: string;
  /** The others, with their files, for the note. */
  readonly others: readonly { readonly language: string; readonly files: readonly string[] }[];
  /** Why it won, as a sentence of the catalogs. */
  readonly why: Message;
}

export function dominantLanguage(languages: readonly AnyLanguage[], found: readonly string[], snapshot: ProjectSnapshot): Dominant | undefined {
  const markers = new Map(languages.map((language) => [language.id, language.project]));
  // A Makefile counts for C only here: C's own looksLike already steps aside beside another manifest.
  const buildFiles = (language: string) => [...(markers.get(language)?.manifests ?? []), ...(markers.get(language)?.sharedBuildFiles ?? [])];
  const withManifest = found.filter((language) => buildFiles(language).some((file) => snapshot.files.includes(file)));
  // A tooling-only manifest (lint devDependencies) steps aside for another language's real one.
  const real = withManifest.filter((language) => !markers.get(language)?.toolingOnly?.(snapshot));
  const manifests = real.length > 0 ? real : withManifest;
  const pattern = new Map(found.map((language) => [language, extensionPattern(markers.get(language)?.sourceExtensions ?? [])]));
  const sources = (language: string) =>
    snapshot.files.filter((file) => pattern.get(language)!.test(file) && !file.split('/').some((part) => part.startsWith('.')));
  const others = (winner: string) => found.filter((language) => language !== winner).map((language) => ({ language, files: sources(language) }));
  if (manifests.length === 1)
    return {
      language: manifests[0]!,
      others: others(manifests[0]!),
      why: SHARED_MESSAGES.message('note.dominant.manifest', { file: buildFiles(manifests[0]!).find((file) => snapshot.files.includes(file))! }),
    };
  if (manifests.length > 1) return undefined;
  const counts = found.map((language) => ({ language, count: sources(language).length }));
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const top = [...counts].sort((a, b) => b.count - a.count)[0];
  if (!top || total === 0 || top.count / total < BULK) return undefined;
  return { language: top.language, others: others(top.language), why: SHARED_MESSAGES.message('note.dominant.bulk', { count: top.count, total }) };
}
