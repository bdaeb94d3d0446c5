/**
 * One glob engine for the patterns a project writes: workspace member globs (npm, pnpm, yarn, uv)
 * and .dockerignore lines. A pattern is compiled to a list of steps and run as a set of states over
 * the path (Thompson's construction), so a match costs path length × pattern length whatever the
 * pattern: `a*a*a*…b` against a long name cannot backtrack, as it did when globs became regexes.
 *
 * Syntax (Go's filepath.Match, which Docker uses, plus `**`, which npm's and Docker's both add):
 * `*` any run of characters but `/`; `?` one character but `/`; `[abc]`, `[a-z]`, `[!x]`, `[^x]` a class;
 * `**` any run of characters, `/` included; `**` followed by `/` any run of whole folders (none too);
 * a backslash makes the next character literal.
 */

type Step =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] }
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  // `**/`: a fork (go on, or skip what follows), then folders (any characters, left after a `/`).
  | { readonly kind: 'fork' }
  | { readonly kind: 'folders' };

/** Whether `path` matches; with `orBelow`, a path inside a matching folder matches too (.dockerignore's rule). */
export type GlobMatcher = (path: string) => boolean;

export function compileGlob(pattern: string, options: { readonly orBelow?: boolean } = {}): GlobMatcher {
  const steps = parseSteps(pattern);
  return (path) => run(steps, path, options.orBelow ?? false);
}

function parseSteps(pattern: string): Step[] {
  const steps: Step[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) {
      steps.push({ kind: 'char', char: pattern[++index]! });
    } else if (char === '*' && pattern[index + 1] === '*') {
      while (pattern[index + 1] === '*') index++;
      const folders = pattern[index + 1] === '/';
      steps.push(...(folders ? ([{ kind: 'fork' }, { kind: 'folders' }] as const) : ([{ kind: 'any' }] as const)));
      if (folders) index++;
    } else if (char === '*') {
      // Two stars in a row are one: `a**b` is handled above; `*` after `*` adds nothing.
      if (steps.at(-1)?.kind !== 'star') steps.push({ kind: 'star' });
    } else if (char === '?') {
      steps.push({ kind: 'one' });
    } else if (char === '[') {
      const parsed = parseClass(pattern, index);
      if (parsed) {
        steps.push(parsed.step);
        index = parsed.end;
      } else steps.push({ kind: 'char', char });
    } else {
      steps.push({ kind: 'char', char });
    }
  }
  return steps;
}

/** `[...]` from `start`: its step and the index of its `]`, or undefined when it never closes (then `[` is literal). */
function parseClass(pattern: string, start: number): { step: Step; end: number } | undefined {
  let index = start + 1;
  const negated = pattern[index] === '!' || pattern[index] === '^';
  if (negated) index++;
  const ranges: [string, string][] = [];
  let first = true;
  while (index < pattern.length && (pattern[index] !== ']' || first)) {
    first = false;
    let low = pattern[index]!;
    if (low === '\\' && index + 1 < pattern.length) low = pattern[++index]!;
    let high = low;
    if (pattern[index + 1] === '-' && index + 2 < pattern.length && pattern[index + 2] !== ']') {
      index += 2;
      high = pattern[index] === '\\' && index + 1 < pattern.length ? pattern[++index]! : pattern[index]!;
    }
    ranges.push([low, high]);
    index++;
  }
  if (index >= pattern.length) return undefined;
  return { step: { kind: 'class', negated, ranges }, end: index };
}

const inClass = (step: Extract<Step, { kind: 'class' }>, char: string) => step.ranges.some(([low, high]) => char >= low && char <= high) !== step.negated;

/** The steps that `char` takes state `at` to (state `at` is "before step at"). */
function advance(steps: readonly Step[], at: number, char: string, into: Uint8Array): void {
  const step = steps[at];
  if (!step) return;
  switch (step.kind) {
    case 'char':
      if (char === step.char) into[at + 1] = 1;
      return;
    case 'one':
      if (char !== '/') into[at + 1] = 1;
      return;
    case 'class':
      if (char !== '/' && inClass(step, char)) into[at + 1] = 1;
      return;
    case 'star':
      if (char !== '/') into[at] = 1;
      return;
    case 'any':
      into[at] = 1;
      return;
    case 'fork':
      return;
    case 'folders':
      // Inside a run of folders: stay; a `/` may also end the run.
      into[at] = 1;
      if (char === '/') into[at + 1] = 1;
      return;
  }
}

/**
 * Adds the states reachable without a character: past a star or `**`, which may match nothing, and
 * from a fork into its run of folders or past it (no folders at all).
 */
function close(steps: readonly Step[], states: Uint8Array): void {
  for (let at = 0; at < steps.length; at++) {
    if (!states[at]) continue;
    const kind = steps[at]!.kind;
    if (kind === 'star' || kind === 'any' || kind === 'fork') states[at + 1] = 1;
    if (kind === 'fork') states[at + 2] = 1;
  }
}

function run(steps: readonly Step[], path: string, orBelow: boolean): boolean {
  let states = new Uint8Array(steps.length + 1);
  let next = new Uint8Array(steps.length + 1);
  states[0] = 1;
  close(steps, states);
  for (const char of path) {
    // A folder that matches: everything below it does too.
    if (orBelow && char === '/' && states[steps.length]) return true;
    next.fill(0);
    let alive = false;
    for (let at = 0; at < steps.length; at++) {
      if (states[at]) {
        advance(steps, at, char, next);
        alive = true;
      }
    }
    if (!alive) return false;
    close(steps, next);
    [states, next] = [next, states];
  }
  return states[steps.length] === 1;
}
