import { UserError } from '../errors.js';
import type { Facts, Language, ProjectSnapshot } from '../types.js';
import { LANGUAGE_TABLE } from '../languages.js';
import { gitignorePatterns } from './gitignore.js';

/** Which languages a tree looks like, by their manifest or source files. */
export function languagesIn(snapshot: ProjectSnapshot): Language[] {
  return LANGUAGE_TABLE.filter((entry) => entry.looksLike(snapshot)).map((entry) => entry.language);
}

export interface DetectOptions {
  readonly workspace?: string;
}

export function detect(snapshot: ProjectSnapshot, language?: Language, options: DetectOptions = {}): Facts {
  const found = languagesIn(snapshot);
  const chosen = language ?? pickOne(found, snapshot);
  const entry = LANGUAGE_TABLE.find((candidate) => candidate.language === chosen);
  if (!entry) throw new Error(`no language entry for ${chosen}`);
  if (!found.includes(chosen)) throw new UserError(`--language ${chosen}: no ${chosen} project found in ${snapshot.root}`);
  return { ...entry.detect(snapshot, options), gitignore: gitignorePatterns(snapshot) };
}

function pickOne(found: Language[], snapshot: ProjectSnapshot): Language {
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new UserError(`no supported project found in ${snapshot.root} (looked for ${LANGUAGE_TABLE.map((entry) => entry.marker).join(', ')})`);
  }
  throw new UserError(`found several languages (${found.join(', ')}); choose one with --language`);
}

