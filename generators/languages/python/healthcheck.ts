/** Python's standard library probes too, in one line; a refused connection raises, which exits 1. */
export function pythonHealthcheck(python: string, port: number): string[] {
  const probe = `import http.client, sys; c = http.client.HTTPConnection("127.0.0.1", ${port}, timeout=3); c.request("GET", "/"); sys.exit(c.getresponse().status >= 500)`;
  return [python, '-c', probe];
}
