import { matchesIgnore } from '../detect/gitignore.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';
import type { CommonFacts, FactsBase, IgnoreGroup } from '../types.js';

const { message } = SHARED_MESSAGES;

/**
 * The groups every project's .dockerignore may have after its language's own, in the order they are
 * written: .dockerignore is last-match-wins, so the always-out groups come last.
 */
export const SHARED_IGNORE_GROUPS = [
  'ignore.gitignore',
  'ignore.build-output',
  'ignore.special',
  'ignore.vcs',
  'ignore.secrets',
  'ignore.env-examples',
  'ignore.docker',
] as const;

/** Templates of .env that projects commit: they hold names and placeholders, and apps read them as defaults. */
const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/**
 * What stays out of the build context. A smaller context uploads faster, and a file that is not
 * sent can neither leak into an image nor bust the cache of `COPY . .`. `languageGroup` is the
 * language's own caches; `neededByBuild` lists the files the generated build reads, which no .gitignore
 * line may keep out. The always-out groups (version control, secrets, the Docker files) come last:
 * .dockerignore is last-match-wins, so no `!` line copied from .gitignore can bring them back.
 */
export function dockerignoreGroups(
  facts: FactsBase & CommonFacts,
  languageGroup: IgnoreGroup,
  neededByBuild: () => readonly string[],
  /** Files of the secrets list that hold only settings here (an .npmrc with no token): the build copies them. */
  settingsOnly: readonly string[] = [],
): IgnoreGroup[] {
  const groups: IgnoreGroup[] = [languageGroup];
  // Listed only when .gitignore has lines to check: a workspace member's list names every member's manifest.
  const needed = facts.gitignore.length > 0 ? neededByBuild() : [];
  const fromGit = facts.gitignore.filter((pattern) => pattern.startsWith('!') || !needed.some((path) => matchesIgnore(pattern, path)));
  if (fromGit.length > 0) groups.push({ why: message('ignore.gitignore'), patterns: fromGit });
  if (facts.buildOutputDirs.length > 0) groups.push({ why: message('ignore.build-output'), patterns: facts.buildOutputDirs.map((dir) => `${dir}/`) });
  if (facts.uncopyable.length > 0) groups.push({ why: message('ignore.special'), patterns: facts.uncopyable.map((entry) => ignoreLiteral(entry.path)) });
  groups.push(
    { why: message('ignore.vcs'), patterns: ['.git', '.gitignore', '.gitattributes', '.hg', '.svn', '.idea', '.vscode', '*.swp', '.DS_Store'] },
    {
      why: message('ignore.secrets'),
      patterns: ['.env', '.env.*', '**/.env', '**/.env.*', '*.pem', '**/*.pem', '*.key', '**/*.key', 'id_rsa*', '**/id_rsa*', '.npmrc', '.netrc'],
    },
    ...(settingsOnly.length > 0 ? [{ why: message('ignore.settings-only'), patterns: settingsOnly.map((file) => `!${ignoreLiteral(file)}`) }] : []),
    // After the secrets: last match wins, so these templates of .env come back, and nothing after them can.
    { why: message('ignore.env-examples'), patterns: ENV_EXAMPLES.flatMap((name) => [`!${name}`, `!**/${name}`]) },
    {
      why: message('ignore.docker'),
      patterns: ['**/Dockerfile*', '**/.dockerignore', '.create-dockerfile.json', 'docker-compose*.yml', 'compose*.yaml', 'compose*.yml'],
    },
  );
  return groups;
}

/**
 * A .dockerignore line that matches exactly this path: pattern characters escaped, and what a line
 * cannot hold (a line break, a leading or trailing blank, which docker trims) matched by `?`, which
 * can only widen the match to a sibling name.
 */
export function ignoreLiteral(path: string): string {
  const escaped = path.replace(/[*?[\]\\]/g, '\\$&').replace(/[\r\n\u2028\u2029]/g, '?');
  return escaped.replace(/^\s|\s$/g, '?').replace(/^[!#]/, '\\$&');
}
