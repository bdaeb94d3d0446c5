import { gitignorePatterns } from '../core/detect/gitignore.js';
import { isKnownError, UserError } from '../core/errors.js';
import { onceper } from '../core/memo.js';
import type { CommonFacts, DetectOptions, FactsBase, ProjectSnapshot, WorkspaceMemberRef } from '../core/types.js';
import type { AnyLanguage } from '../languages/registry.js';
import { dominantLanguage } from './dominant.js';
import { SHARED_MESSAGES } from '../core/explain/shared-messages.js';
import { otherManifests } from './markers.js';
import { ERRORS } from '../core/explain/error-messages.js';

export interface DetectRequest extends DetectOptions {
  /** --language: needed only when the tree holds several. */
  readonly language?: string;
}

/** What each language's looksLike said of a tree: each workspace member is detected against the same root. */
const looks = onceper((_snapshot: ProjectSnapshot) => new Map<AnyLanguage, boolean>());

/** Which languages a tree looks like, by their manifest or source files, in registry order. */
const languagesIn = (languages: readonly AnyLanguage[], snapshot: ProjectSnapshot): string[] => {
  const known = looks(snapshot);
  return languages
    .filter(
      (definition) =>
        known.get(definition) ??
        known.set(definition, definition.looksLike(snapshot, { otherManifests: otherManifests(languages).get(definition)! })).get(definition)!,
    )
    .map((definition) => definition.id);
};

/** snapshot -> facts: the chosen language's detector, then what every language shares. */
export function detectWith(languages: readonly AnyLanguage[], snapshot: ProjectSnapshot, request: DetectRequest = {}): FactsBase & CommonFacts {
  const found = languagesIn(languages, snapshot);
  const dominant = request.language === undefined && found.length > 1 ? dominantLanguage(languages, found, snapshot) : undefined;
  const byMember = request.language === undefined && request.workspace !== undefined ? memberLanguage(languages, snapshot, request.workspace) : undefined;
  const chosen = request.language ?? byMember ?? dominant?.language ?? pickOne(languages, found, snapshot);
  const definition = languages.find((candidate) => candidate.id === chosen);
  if (!definition)
    throw new UserError(
      ERRORS.message('error.detect.language-must-one', { value: languages.map((candidate) => candidate.id).join(', '), chosen: JSON.stringify(chosen) }),
    );
  if (!found.includes(chosen)) throw new UserError(ERRORS.message('error.detect.language-project-found', { chosen, chosen2: chosen, root: snapshot.root }));
  const facts = definition.detect(snapshot, { workspace: request.workspace, start: request.start });
  const gitignore = gitignorePatterns(snapshot);
  const helpers = dominant
    ? [
        SHARED_MESSAGES.message('note.dominant', {
          language: dominant.language,
          why: dominant.why,
          others: dominant.others.map((other) =>
            SHARED_MESSAGES.message('note.dominant.other', {
              language: other.language,
              files: `${other.files.slice(0, 3).join(', ')}${other.files.length > 3 ? ', ...' : ''}`,
            }),
          ),
        }),
      ]
    : [];
  return { ...facts, notes: [...helpers, ...facts.notes, ...gitignore.notes], gitignore: gitignore.patterns, uncopyable: snapshot.uncopyable };
}

const loose = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** A workspace's members by loose name and by folder, built once: services ask once per member. */
const memberKeys = onceper(
  (members: readonly WorkspaceMemberRef[]) => new Set(members.flatMap((member) => [`name:${loose(member.name)}`, `dir:${member.dir}`])),
);

/** --workspace alone: the language whose workspace has that member (a uv API beside a JS front end). */
function memberLanguage(languages: readonly AnyLanguage[], snapshot: ProjectSnapshot, wanted: string): string | undefined {
  const dir = wanted.replace(/^\.\/|\/$/g, '');
  return languages.find((definition) => {
    try {
      const members = definition.workspaceMembers(snapshot);
      return members !== undefined && (memberKeys(members).has(`name:${loose(wanted)}`) || memberKeys(members).has(`dir:${dir}`));
    } catch (error) {
      // Its detector says what is wrong with its workspace file, if it is chosen; a bug still surfaces.
      if (isKnownError(error)) return false;
      throw error;
    }
  })?.id;
}

function pickOne(languages: readonly AnyLanguage[], found: string[], snapshot: ProjectSnapshot): string {
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new UserError(
      ERRORS.message('error.detect.supported-project-found', { root: snapshot.root, value: languages.flatMap((definition) => definition.markers).join(', ') }),
    );
  }
  throw new UserError(ERRORS.message('error.detect.found-several-languages', { value: found.join(', ') }));
}
