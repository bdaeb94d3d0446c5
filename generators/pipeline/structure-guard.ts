import { parseDockerfile } from '../core/lint/parse.js';
import { UserError } from '../core/errors.js';
import { onceper } from '../core/memo.js';
import { ERRORS } from '../core/explain/error-messages.js';

/**
 * What can end, continue or swallow a Dockerfile line from inside a value: a line break, a
 * backslash (a continuation, or an escape), and `<<` (a heredoc opener).
 */
const STRUCTURAL = /[\r\n\u2028\u2029\\]|<</;

/** Whether an object or list holds such a string anywhere: asked once per object, as workspace plans share their lists. */
const holdsStructural = onceper((value: object): boolean =>
  Object.values(value).some((item: unknown) =>
    typeof item === 'string' ? STRUCTURAL.test(item) : item !== null && typeof item === 'object' && holdsStructural(item),
  ),
);

/** Every string in facts and plan that holds a structural character, with its path. */
export function structuralValues(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return STRUCTURAL.test(value) ? [{ path, value }] : [];
  if (value !== null && typeof value === 'object' && !holdsStructural(value)) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => structuralValues(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => structuralValues(item, path ? `${path}.${key}` : key));
  return [];
}

/** The same data with those characters made inert: what the templates render with no project value able to shape lines. */
export function inert<T>(value: T): T {
  if (typeof value === 'string') return value.replace(new RegExp(STRUCTURAL.source, 'g'), (match) => '_'.repeat(match.length)) as T;
  if (Array.isArray(value)) return value.map(inert) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inert(item)])) as T;
  return value;
}

/** The instruction skeleton: each instruction's keyword, in order (stages included, as FROM). */
export const skeleton = (dockerfile: string): string[] =>
  parseDockerfile(dockerfile)
    .getInstructions()
    .map((instruction) => instruction.getKeyword().toUpperCase());

/**
 * The structural guard at the render boundary. Quoting keeps each value in its place; this proves
 * it, for any field present or future: when some value could shape lines, the Dockerfile rendered
 * from the real values must have exactly the instructions of the one rendered from inert values.
 */
export function assertSameStructure(rendered: string, renderInert: () => string, risky: readonly { path: string; value: string }[]): void {
  if (risky.length === 0) return;
  const [actual, expected] = [skeleton(rendered), skeleton(renderInert())];
  if (actual.length === expected.length && actual.every((keyword, index) => keyword === expected[index])) return;
  const first = risky[0]!;
  const shown = JSON.stringify(first.value.length > 60 ? `${first.value.slice(0, 60)}…` : first.value);
  throw new UserError(ERRORS.message('error.structure-guard.project-value-would', { path: first.path, shown }));
}
