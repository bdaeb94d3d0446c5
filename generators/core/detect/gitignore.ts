import { compileGlob } from './glob.js';
import type { ProjectSnapshot } from '../types.js';
import type { Message } from '../explain/messages.js';
import { SHARED_MESSAGES } from '../explain/shared-messages.js';

/**
 * The root .gitignore's patterns, rewritten for .dockerignore, which matches from the context root:
 * a git pattern without a slash matches at any depth, so it becomes `**\/pattern`; a leading slash
 * anchors it to the root, which is dockerignore's default.
 */
export function gitignorePatterns(snapshot: ProjectSnapshot): { patterns: string[]; notes: Message[] } {
  const text = snapshot.read('.gitignore');
  if (text === undefined) return { patterns: [], notes: [] };
  const translated = text
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
  const rejected = translated.filter(dockerRejects);
  return {
    patterns: translated.filter((pattern) => !dockerRejects(pattern)),
    notes: rejected.map((pattern) => SHARED_MESSAGES.message('note.gitignore-rejected', { pattern: JSON.stringify(pattern) })),
  };
}

/**
 * Patterns Docker's .dockerignore parser refuses, failing the whole build: a bare `!`, a trailing
 * backslash, and a character class that is empty or never closed (Go's filepath.Match syntax).
 */
export function dockerRejects(pattern: string): boolean {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body === '' || body === '**/') return true;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '\\') {
      if (index === body.length - 1) return true;
      index++;
    } else if (char === '[') {
      let end = index + 1;
      if (body[end] === '^' || body[end] === '!') end++;
      if (body[end] === ']') return true;
      while (end < body.length && body[end] !== ']') end += body[end] === '\\' ? 2 : 1;
      if (end >= body.length) return true;
      index = end;
    }
  }
  return false;
}

/**
 * dockerignore's matching (Go filepath.Match plus `**`), enough to test a pattern against a path; a
 * pattern that matches a folder excludes everything below it too.
 */
export const matchesIgnore = (pattern: string, path: string): boolean => compileGlob(pattern, { orBelow: true })(path);
