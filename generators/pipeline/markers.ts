import type { AnyLanguage } from '../languages/registry.js';
import { onceper } from '../core/memo.js';

/**
 * What the registered languages say marks a project, gathered for the parts that ask across
 * languages: detection (looksLike's `others`), the dominant-language choice, service discovery,
 * backing services and environment reads. A language added to the list is counted by all of them.
 */

/** Every other language's manifests, for one language's looksLike. */
export const otherManifests = onceper((languages: readonly AnyLanguage[]) => {
  const byLanguage = new Map<AnyLanguage, readonly string[]>();
  for (const language of languages)
    byLanguage.set(
      language,
      languages.filter((other) => other !== language).flatMap((other) => other.project.manifests),
    );
  return byLanguage;
});

/** Every language's manifests: a folder with one at its root is a project. */
export const allManifests = onceper((languages: readonly AnyLanguage[]) => new Set(languages.flatMap((language) => language.project.manifests)));

/** A path ending in one of these extensions. */
export const extensionPattern = (extensions: readonly string[]) => new RegExp(`\\.(${extensions.map(escape).join('|')})$`);

/** Any registered language's source file. */
export const anySource = onceper((languages: readonly AnyLanguage[]) => extensionPattern(languages.flatMap((language) => language.project.sourceExtensions)));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The languages whose workspace of entry points (go.work) sits at this root. */
export const mainsWorkspacesAt = (languages: readonly AnyLanguage[], files: readonly string[]): AnyLanguage[] =>
  languages.filter((language) => language.project.mainsWorkspace !== undefined && files.includes(language.project.mainsWorkspace));
