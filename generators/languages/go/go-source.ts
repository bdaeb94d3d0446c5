/** Small, dependency-free readers for Go source: enough to find packages, imports and ports. */

const stripComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');

export function packageName(source: string): string | undefined {
  return /^\s*package\s+([A-Za-z_]\w*)/m.exec(stripComments(source))?.[1];
}

export function hasMainFunc(source: string): boolean {
  return /^func\s+main\s*\(\s*\)/m.test(source);
}

/** Import paths, from both `import "x"` and grouped `import ( ... )` forms. */
export function imports(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const single = /^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm;
  const grouped = /^\s*import\s*\(([\s\S]*?)\)/gm;
  for (const match of code.matchAll(single)) found.push(match[1]!);
  for (const match of code.matchAll(grouped)) {
    for (const line of match[1]!.matchAll(/(?:[\w.]+\s+)?"([^"]+)"/g)) found.push(line[1]!);
  }
  return found;
}

/** Standard-library import paths have no dot in their first element. */
export const isStdlib = (importPath: string) => !importPath.split('/')[0]!.includes('.');

const LISTEN_CALL = /\b(?:ListenAndServe(?:TLS)?|Listen|ListenTCP|Serve)\s*\(|\bAddr\s*:/;

export function listens(source: string): boolean {
  return LISTEN_CALL.test(stripComments(source));
}

/** The first port literal near a listen call, e.g. `":8080"`, `"0.0.0.0:9000"` or a PORT default. */
export function portLiteral(source: string): number | undefined {
  const code = stripComments(source);
  const candidates = [
    /(?:ListenAndServe(?:TLS)?|Listen)\s*\([^)]*?"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /Addr\s*:\s*"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /"(?:0\.0\.0\.0|localhost|127\.0\.0\.1|\[::\])?:(\d{2,5})"/,
    /(?:PORT|[Pp]ort)\b[^\n]*?"(\d{2,5})"/,
  ];
  for (const pattern of candidates) {
    const value = Number(pattern.exec(code)?.[1]);
    if (value >= 1 && value <= 65535) return value;
  }
  return undefined;
}
