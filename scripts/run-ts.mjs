// Runs one of the repository's TypeScript tools (test/bases/cli.ts, bench/run.ts) without a
// compile step into dist/: esbuild bundles the entry with this repository's own modules and leaves
// packages external, into node_modules/.cache, then it runs with the remaining arguments.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs ENTRY.ts [ARGS...]\n');
  process.exit(2);
}
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'node_modules/.cache/create-dockerfile', `${basename(dirname(resolve(entry)))}-${basename(entry, '.ts')}.mjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
