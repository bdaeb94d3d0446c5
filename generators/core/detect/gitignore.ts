import type { ProjectSnapshot } from '../types.js';

/**
 * The root .gitignore's patterns, rewritten for .dockerignore, which matches from the context root:
 * a git pattern without a slash matches at any depth, so it becomes `**\/pattern`; a leading slash
 * anchors it to the root, which is dockerignore's default.
 */
export function gitignorePatterns(snapshot: ProjectSnapshot): string[] {
  const text = snapshot.read('.gitignore');
  if (text === undefined) return [];
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !/[\u0000-\u001f]/.test(line))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).replace(/\/+$/, '');
      const anchored = pattern.startsWith('/') || pattern.includes('/');
      const translated = anchored ? pattern.replace(/^\/+/, '') : `**/${pattern}`;
      return `${negated ? '!' : ''}${translated}`;
    })
    .filter((pattern) => pattern !== '**/' && pattern !== '');
}

/** dockerignore's matching (Go filepath.Match plus `**`), enough to test a pattern against a path. */
export function matchesIgnore(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*\*/g, '\u0001')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?')
    .replace(/\u0001/g, '.*');
  // A pattern that matches a folder excludes everything below it too.
  return new RegExp(`^${source}(?:/.*)?$`).test(path);
}
