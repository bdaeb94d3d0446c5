import { matchesIgnore } from '../detect/gitignore.js';
import type { Facts } from '../types.js';

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
  readonly why: string;
  readonly patterns: readonly string[];
}

/**
 * What stays out of the build context. A smaller context uploads faster, and a file that is not
 * sent can neither leak into an image nor bust the cache of `COPY . .`.
 */
export function dockerignoreGroups(facts: Facts): IgnoreGroup[] {
  const groups: IgnoreGroup[] = [
    { why: 'Version control and editor state: large, and never needed to build.', patterns: ['.git', '.gitignore', '.gitattributes', '.hg', '.svn', '.idea', '.vscode', '*.swp', '.DS_Store'] },
    { why: 'Secrets must never reach a layer.', patterns: ['.env', '.env.*', '*.pem', '*.key', 'id_rsa*', '.npmrc', '.netrc'] },
    { why: 'The Docker files themselves: editing them must not invalidate `COPY . .`.', patterns: ['Dockerfile*', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml', 'compose*.yml'] },
  ];
  const languageGroup = LANGUAGE_IGNORES[facts.language];
  if (languageGroup) groups.push(languageGroup);
  const needed = neededByBuild(facts);
  const fromGit = facts.gitignore.filter((pattern) => pattern.startsWith('!') || !needed.some((path) => matchesIgnore(pattern, path)));
  if (fromGit.length > 0) {
    groups.push({ why: 'From .gitignore: what git leaves out, the image leaves out too (minus files the build needs).', patterns: fromGit });
  }
  if (facts.buildOutputDirs.length > 0) {
    groups.push({ why: 'Build output found in this project: the image builds its own.', patterns: facts.buildOutputDirs.map((dir) => `${dir}/`) });
  }
  return groups;
}

const LANGUAGE_IGNORES: Partial<Record<Facts['language'], IgnoreGroup>> = {
  go: { why: 'Go test binaries, profiles and coverage output.', patterns: ['*.test', '*.out', '*.prof', 'coverage*'] },
  c: { why: 'Objects, archives and binaries built on the host: the image compiles its own.', patterns: ['*.o', '*.a', '*.so', '*.obj', 'a.out', 'CMakeCache.txt', 'CMakeFiles', 'compile_commands.json'] },
  python: {
    why: 'Virtualenvs, bytecode and tool caches from the host: the image makes its own venv for Linux.',
    patterns: ['**/__pycache__', '*.py[cod]', '.venv', 'venv', 'env', '.tox', '.nox', '.pytest_cache', '.mypy_cache', '.ruff_cache', '*.egg-info', '.coverage', 'htmlcov'],
  },
  node: {
    why: 'Dependencies and caches installed on the host: the image installs its own for Linux.',
    patterns: ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.pnpm-store', '.yarn/cache', '.npm', '.eslintcache', 'coverage', '.nyc_output'],
  },
};
