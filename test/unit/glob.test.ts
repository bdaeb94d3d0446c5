import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { compileGlob } from '../../generators/core/detect/glob.js';
import { memberDirs } from '../../generators/core/detect/workspaces.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';

const matches = (pattern: string, path: string, orBelow = false) => compileGlob(pattern, { orBelow })(path);

describe('glob syntax', () => {
  test('* stays inside one folder name, and may match nothing', () => {
    expect(matches('packages/*', 'packages/web')).toBe(true);
    expect(matches('packages/*', 'packages/web/src')).toBe(false);
    expect(matches('packages/*', 'packages')).toBe(false);
    expect(matches('app*', 'app')).toBe(true);
  });

  test('? is one character, never a slash: x??? is not a regex quantifier', () => {
    expect(matches('x???', 'xabc')).toBe(true);
    expect(matches('x???', 'xab')).toBe(false);
    expect(matches('x???', 'xa/c')).toBe(false);
  });

  test('classes, negated classes, ranges, and a [ that never closes is a literal', () => {
    expect(matches('svc-[ab]', 'svc-a')).toBe(true);
    expect(matches('svc-[ab]', 'svc-c')).toBe(false);
    expect(matches('svc-[!ab]', 'svc-c')).toBe(true);
    expect(matches('svc-[^ab]', 'svc-a')).toBe(false);
    expect(matches('v[0-9]', 'v7')).toBe(true);
    expect(matches('v[0-9]', 'vx')).toBe(false);
    expect(matches('a[b', 'a[b')).toBe(true);
  });

  test('a backslash makes the next character literal', () => {
    expect(matches('a\\*', 'a*')).toBe(true);
    expect(matches('a\\*', 'ab')).toBe(false);
  });

  test('** crosses folders; **/ is any run of whole folders, none included', () => {
    expect(matches('libs/**', 'libs/a/b')).toBe(true);
    expect(matches('**/node_modules', 'node_modules')).toBe(true);
    expect(matches('**/node_modules', 'a/b/node_modules')).toBe(true);
    expect(matches('**/node_modules', 'a/bnode_modules')).toBe(false);
  });

  test('orBelow: a matching folder takes everything under it, as .dockerignore does', () => {
    expect(matches('dist', 'dist/app.js', true)).toBe(true);
    expect(matches('dist', 'dist/app.js')).toBe(false);
    expect(matches('dist', 'distant/app.js', true)).toBe(false);
  });
});

describe('glob cost', () => {
  test("a*a*a*…b against a long name of a: answered without backtracking (jest's timeout is the bound)", () => {
    // A backtracking regex would not return here in any reasonable time; the set of states takes
    // 5,000 × 81 steps.
    expect(matches(`${'a*'.repeat(40)}b`, 'a'.repeat(5_000))).toBe(false);
    expect(matches(`${'a*'.repeat(40)}b`, `${'a'.repeat(5_000)}b`)).toBe(true);
  });

  test('the same answers as the regex the globs used to become, where that regex was right', () => {
    // Patterns over a, b, / and *, small enough for a backtracking regex: the old translation. Three
    // stars or more are left out: the engine reads them as `**`, the translation as `*` then `**`.
    const reference = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/\*\*\//g, '\u0001')
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\u0001/g, '(?:.*/)?')
          .replace(/\u0000/g, '.*')}$`,
      );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab/*]{0,8}$/).filter((pattern) => !pattern.includes('***')),
        fc.stringMatching(/^[ab/]{0,10}$/),
        (pattern, path) => {
          expect(matches(pattern, path)).toBe(reference(pattern).test(path));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

test('workspace members: ./ and trailing slashes carry no meaning; excludes remove members', () => {
  const snapshot = memorySnapshot('/src/mono', {
    'package.json': '{}',
    'apps/web/package.json': '{}',
    'apps/admin/package.json': '{}',
    'packages/ui/package.json': '{}',
    'packages/ui/nested/package.json': '{}',
  });
  expect(memberDirs(snapshot, ['./apps/*/', 'packages/**'], 'package.json', ['apps/admin'])).toEqual(['apps/web', 'packages/ui/nested', 'packages/ui']);
});
