/**
 * The first port a language's patterns find, file by file in order, each pattern capturing the
 * number; a match outside 1-65535 is not a port and the search goes on.
 */
export function firstPort(sources: readonly { file: string; text: string }[], patterns: readonly RegExp[]): { port: number; file: string } | undefined {
  for (const { file, text } of sources) {
    for (const pattern of patterns) {
      const port = Number(pattern.exec(text)?.[1]);
      if (port >= 1 && port <= 65535) return { port, file };
    }
  }
  return undefined;
}
