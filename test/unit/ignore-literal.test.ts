import { ignoreLiteral } from '../../generators/core/plan/dockerignore.js';
import { matchesIgnore } from '../../generators/core/detect/gitignore.js';

/** A FIFO's or link's own name becomes a .dockerignore line: it must match that path and no pattern may widen past it. */
describe('ignoreLiteral', () => {
  test.each([
    ['go.sum', 'go.sum'],
    ['data/a*b', 'data/a\\*b'],
    ['q?[x]', 'q\\?\\[x\\]'],
    ['back\\slash', 'back\\\\slash'],
    ['!bang', '\\!bang'],
    ['#hash', '\\#hash'],
    ['line\nbreak', 'line?break'],
    [' padded ', '?padded?'],
  ])('%j -> %j', (path, line) => expect(ignoreLiteral(path)).toBe(line));

  test.each(['go.sum', 'data/a*b', 'q?[x]', '!bang', '#hash'])('%j matches itself and not a sibling', (path) => {
    expect(matchesIgnore(ignoreLiteral(path), path)).toBe(true);
    expect(matchesIgnore(ignoreLiteral(path), `${path}x`)).toBe(false);
  });
});
