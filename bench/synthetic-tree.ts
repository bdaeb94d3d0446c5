import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A 100k-file tree shaped like a real monorepo checkout: most files sit in node_modules, .git and
 * vendor, which detection must prune; the rest is a Go module with many packages.
 */
export function writeSyntheticTree(root: string, total = 100_000): { total: number; outsidePruned: number } {
  const shares = { node_modules: 0.6, '.git': 0.2, vendor: 0.15 };
  let written = 0;
  const write = (dir: string, count: number, make: (i: number) => [string, string]) => {
    const perDir = 200;
    for (let i = 0; i < count; i++) {
      const sub = join(dir, `d${Math.floor(i / perDir)}`);
      if (i % perDir === 0) mkdirSync(sub, { recursive: true });
      const [name, content] = make(i);
      writeFileSync(join(sub, name), content);
      written++;
    }
  };
  for (const [dir, share] of Object.entries(shares)) {
    write(join(root, dir), Math.round(total * share), (i) => [`f${i}.js`, 'module.exports = 1;\n']);
  }
  const rest = total - written;
  writeFileSync(join(root, 'go.mod'), 'module example.com/big\n\ngo 1.26\n');
  writeFileSync(join(root, 'main.go'), 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n');
  write(join(root, 'internal'), rest - 2, (i) =>
    i % 2 === 0 ? [`p${i}.go`, `package d${Math.floor(i / 200)}\n\nfunc F${i}() int { return ${i} }\n`] : [`notes${i}.md`, '# notes\n'],
  );
  return { total: written + 2, outsidePruned: rest };
}
