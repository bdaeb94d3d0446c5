/** Python lines with a known image; the newest is Debian 13's, the only one distroless python3 has. */
export const PYTHON_LINES = ['3.13', '3.12', '3.11', '3.10'] as const;
export const DEFAULT_PYTHON = PYTHON_LINES[0];

/**
 * The Python line to build with: .python-version or runtime.txt when they pin one, else the newest
 * known line that requires-python allows.
 */
export function pythonVersion(
  requiresPython: string | undefined,
  pythonVersionFile: string | undefined,
  runtimeTxt: string | undefined,
): { version: string; source: string } {
  const pinned = /^\s*(?:python-)?(3\.\d+)/m;
  const fromFile = pythonVersionFile === undefined ? undefined : pinned.exec(pythonVersionFile)?.[1];
  if (fromFile) return { version: fromFile, source: '.python-version' };
  const fromRuntime = runtimeTxt === undefined ? undefined : pinned.exec(runtimeTxt)?.[1];
  if (fromRuntime) return { version: fromRuntime, source: 'runtime.txt' };
  if (requiresPython) {
    const allowed = PYTHON_LINES.find((line) => lineSatisfies(line, requiresPython));
    if (allowed) return { version: allowed, source: `requires-python "${requiresPython.trim()}"` };
  }
  return { version: DEFAULT_PYTHON, source: 'default' };
}

/** Whether some patch release of `line` meets every PEP 440 clause of `spec` (">=3.10,<3.13", "~=3.11", "==3.12.*"). */
export function lineSatisfies(line: string, spec: string): boolean {
  const [major, minor] = line.split('.').map(Number) as [number, number];
  const clauses = spec
    .split(',')
    .map((clause) => clause.trim())
    .filter(Boolean);
  for (let patch = 0; patch <= 30; patch++) {
    const version = [major, minor, patch];
    if (clauses.every((clause) => clauseHolds(version, clause))) return true;
  }
  return false;
}

function clauseHolds(version: number[], clause: string): boolean {
  const match = /^(~=|==|!=|<=|>=|<|>|===)?\s*([\d.]+)(\.\*)?$/.exec(clause);
  if (!match) return true;
  const [, operator = '==', text, wildcard] = match;
  const target = text!.split('.').map(Number);
  const compare = (length: number) => {
    for (let index = 0; index < length; index++) {
      const difference = (version[index] ?? 0) - (target[index] ?? 0);
      if (difference !== 0) return Math.sign(difference);
    }
    return 0;
  };
  const full = compare(Math.max(target.length, 3));
  switch (operator) {
    case '==':
    case '===':
      return wildcard ? compare(target.length) === 0 : full === 0;
    case '!=':
      return wildcard ? compare(target.length) !== 0 : full !== 0;
    case '>=':
      return full >= 0;
    case '<=':
      return full <= 0;
    case '>':
      return full > 0;
    case '<':
      return full < 0;
    case '~=':
      // ~=3.11 means >=3.11, ==3.*; ~=3.11.2 means >=3.11.2, ==3.11.*
      return full >= 0 && compare(target.length - 1) === 0;
    default:
      return true;
  }
}
