/**
 * A HEALTHCHECK runs inside the container, so it needs a program there. Node images have one, node
 * itself, used in exec form with no shell.
 */
export function nodeHealthcheck(node: string, port: number): string[] {
  const probe = `require('http').get('http://127.0.0.1:${port}/', (r) => process.exit(r.statusCode < 500 ? 0 : 1)).on('error', () => process.exit(1))`;
  return [node, '-e', probe];
}
