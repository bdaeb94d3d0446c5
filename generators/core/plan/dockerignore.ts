import { matchesIgnore } from '../detect/gitignore.js';
import type { Facts } from '../types.js';
import { message, type Message, type MessageId } from '../explain/messages.js';

/** Files the generated build reads; no .gitignore line may keep them out of the context. */
function neededByBuild(facts: Facts): string[] {
  switch (facts.language) {
    case 'go':
      return ['go.mod', 'go.sum', ...(facts.vendored ? ['vendor/modules.txt'] : []), ...facts.mains.map((main) => `${main.dir}/main.go`)];
    case 'node':
      return [...facts.installFiles, ...(facts.workspace?.manifests ?? []), facts.start.at(-1)!, 'tsconfig.json'];
    case 'c':
      return [...facts.sources, 'Makefile', 'CMakeLists.txt', 'meson.build'];
    case 'python':
      return [...facts.dependencyFiles, 'pyproject.toml', 'setup.py', 'setup.cfg', 'Procfile', ...(facts.entryNeedsShell ? ['boot.sh'] : [])];
  }
}

export interface IgnoreGroup {
  readonly why: Message;
  readonly patterns: readonly string[];
}

/**
 * What stays out of the build context. A smaller context uploads faster, and a file that is not
 * sent can neither leak into an image nor bust the cache of `COPY . .`.
 */
export function dockerignoreGroups(facts: Facts): IgnoreGroup[] {
  const groups: IgnoreGroup[] = [
    group('ignore.vcs', ['.git', '.gitignore', '.gitattributes', '.hg', '.svn', '.idea', '.vscode', '*.swp', '.DS_Store']),
    group('ignore.secrets', ['.env', '.env.*', '*.pem', '*.key', 'id_rsa*', '.npmrc', '.netrc']),
    group('ignore.docker', ['Dockerfile*', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml', 'compose*.yml']),
  ];
  const languageGroup = LANGUAGE_IGNORES[facts.language];
  if (languageGroup) groups.push(languageGroup);
  const needed = neededByBuild(facts);
  const fromGit = facts.gitignore.filter((pattern) => pattern.startsWith('!') || !needed.some((path) => matchesIgnore(pattern, path)));
  if (fromGit.length > 0) {
    groups.push(group('ignore.gitignore', fromGit));
  }
  if (facts.buildOutputDirs.length > 0) {
    groups.push(group('ignore.build-output', facts.buildOutputDirs.map((dir) => `${dir}/`)));
  }
  return groups;
}

function group(id: MessageId, patterns: readonly string[]): IgnoreGroup {
  return { why: message(id), patterns };
}

const LANGUAGE_IGNORES: Partial<Record<Facts['language'], IgnoreGroup>> = {
  go: group('ignore.go', ['*.test', '*.out', '*.prof', 'coverage*']),
  c: group('ignore.c', ['*.o', '*.a', '*.so', '*.obj', 'a.out', 'CMakeCache.txt', 'CMakeFiles', 'compile_commands.json']),
  python: group('ignore.python', ['**/__pycache__', '*.py[cod]', '.venv', 'venv', 'env', '.tox', '.nox', '.pytest_cache', '.mypy_cache', '.ruff_cache', '*.egg-info', '.coverage', 'htmlcov']),
  node: group('ignore.node', ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.pnpm-store', '.yarn/cache', '.npm', '.eslintcache', 'coverage', '.nyc_output']),
};
