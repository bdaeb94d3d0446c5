import type { ProjectSnapshot } from '../types.js';
import type { Message } from '../explain/messages.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';

/**
 * Files a compiled program opens at run time by a path relative to where it runs: templates,
 * static assets, config files, document roots, migrations. They are not in the binary, so the
 * image needs them next to it, at the same relative path. Each language says which calls load
 * files and which files are code; the rest is shared.
 */
export interface DataPath {
  /** A folder or a file at the project's root, as the code names it: "templates", "config.yml". */
  readonly path: string;
  /** The source file that names it. */
  readonly source: string;
}

export interface DataPathRules {
  /** String arguments of calls that read files: the first group is the path. */
  readonly loaders: readonly RegExp[];
  /** A folder holding any of these is code, not data. */
  readonly isCode: (file: string) => boolean;
  /** First path segments already compiled in (Go's //go:embed). */
  readonly embedded?: ReadonlySet<string>;
  /** Names never copied, beyond secrets: the build's own files. */
  readonly never?: RegExp;
}

/** Any other string literal that reads as a relative path: "./config/local.yml", "migrations/". */
const PATH_LITERAL = /"((?:\.\/)?[A-Za-z0-9_][A-Za-z0-9_.-]*\/[^"\s]*|\.\/[A-Za-z0-9_][A-Za-z0-9_.-]*)"/g;
/** A URL to a local folder (golang-migrate's "file://migrations"). */
const FILE_URL = /"file:\/\/([^"/][^"]*)"/g;
const DATA_FILE = /\.(ya?ml|json|toml|ini|conf|cfg|html?|tmpl|gohtml|sql|csv|txt|properties|dat)$/;
/** A file or folder name that holds secrets (the .dockerignore's secrets group): never copied into an image. */
export const SECRET_FILE = /^(\.env.*|.*\.(pem|key)|\.git|\.npmrc|\.netrc|id_rsa.*)$/;

export function dataPaths(snapshot: ProjectSnapshot, sources: readonly { file: string; text: string }[], rules: DataPathRules): DataPath[] {
  const found = new Map<string, string>();
  for (const { file, text } of sources) {
    const literals = [...rules.loaders, PATH_LITERAL, FILE_URL].flatMap((pattern) =>
      [...text.matchAll(new RegExp(pattern.source, 'g'))].map((match) => match[1]!),
    );
    for (const literal of literals) {
      if (/^(\/|\.\.|[a-z]+:\/\/)/.test(literal)) continue;
      const segment = firstSegment(literal);
      if (!segment || rules.embedded?.has(segment) || SECRET_FILE.test(segment) || rules.never?.test(segment) || found.has(segment)) continue;
      if (isDataFolder(snapshot, segment, rules.isCode) || (snapshot.files.includes(segment) && DATA_FILE.test(segment))) found.set(segment, file);
    }
  }
  return [...found].map(([path, source]) => ({ path, source })).sort((a, b) => a.path.localeCompare(b.path));
}

export const firstSegment = (path: string) =>
  path
    .replace(/^\.\//, '')
    .split('/')[0]!
    .replace(/[*?[].*$/, '');

/** A folder of the project with files in it and no code: data, not a package. */
function isDataFolder(snapshot: ProjectSnapshot, dir: string, isCode: (file: string) => boolean): boolean {
  const inside = snapshot.files.filter((file) => file.startsWith(`${dir}/`));
  return inside.length > 0 && !inside.some(isCode);
}

/** The summary's line for them. */
export const dataPathsNote = (data: readonly DataPath[]): Message =>
  SHARED_MESSAGES.message(data.length === 1 ? 'note.data-paths.one' : 'note.data-paths.many', {
    paths: data.map((found) => SHARED_MESSAGES.message('note.data-path', { path: found.path, source: found.source })),
  });
