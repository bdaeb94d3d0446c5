import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { sayNote } from '../harness/notes.js';

const detect = (files: Record<string, string>) => PIPELINE.detect(memorySnapshot('/src/mixed', files));
const C_MAIN = '#include <stdio.h>\nint main(void) { puts("x"); return 0; }\n';
const GO_MAIN = 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n';

describe('a dominant language: a helper script in another one is noted, not a reason to stop', () => {
  test('a C project with a Makefile and a Python helper: C, with a note naming the helper and --language', () => {
    const facts = detect({ Makefile: 'prog: prog.c\n\t$(CC) -o prog prog.c\n', 'prog.c': C_MAIN, 'gen_table.py': 'print("table")\n' });
    expect(facts.language).toBe('c');
    expect(facts.notes.map(sayNote)[0]).toMatch(
      /^c chosen, since only it has a manifest or build file \(Makefile\); python \(gen_table\.py\) is taken as helper code and not built; --language picks another\.$/,
    );
  });

  test('a Go module with a Python tool at the root: Go', () => {
    expect(detect({ 'go.mod': 'module example.com/x\n\ngo 1.24\n', 'main.go': GO_MAIN, 'release.py': 'print(1)\n' }).language).toBe('go');
  });

  test('no manifest at all: the language holding most of the code wins', () => {
    const files = {
      'a.c': C_MAIN,
      'b.c': 'int b(void){return 0;}\n',
      'c.c': 'int c(void){return 0;}\n',
      'd.h': 'int b(void);\n',
      'e.c': 'int e(void){return 0;}\n',
      'plot.py': 'print(1)\n',
    };
    const facts = detect(files);
    expect(facts.language).toBe('c');
    expect(facts.notes.map(sayNote)).toEqual(expect.arrayContaining([expect.stringMatching(/since it holds 5 of the 6 source files/)]));
  });

  test("a package.json of the repository's tooling (lint, commit hooks) steps aside for the real manifest", () => {
    const tooling = JSON.stringify({
      private: true,
      scripts: { lint: 'markdownlint "**/*.md"', prepare: 'husky' },
      devDependencies: { husky: '^9.1.7', 'markdownlint-cli': '^0.45.0', '@commitlint/cli': '^19.8.1' },
    });
    const facts = detect({ 'go.mod': 'module x\n\ngo 1.24\n', 'main.go': GO_MAIN, 'package.json': tooling, 'commitlint.config.js': 'module.exports = {};\n' });
    expect(facts.language).toBe('go');
    // A script that starts or builds something makes it an app again.
    const app = JSON.stringify({ scripts: { start: 'node web.js' }, devDependencies: { eslint: '^9.39.5' } });
    expect(() => detect({ 'go.mod': 'module x\n\ngo 1.24\n', 'main.go': GO_MAIN, 'package.json': app, 'web.js': 'x\n' })).toThrow(/several languages/);
  });

  test('two manifests, or no clear bulk, still ask for --language', () => {
    expect(() =>
      detect({
        'go.mod': 'module x\n\ngo 1.24\n',
        'main.go': GO_MAIN,
        'package.json': '{"main":"web.js","dependencies":{"express":"^4.21.2"}}',
        'web.js': 'x\n',
      }),
    ).toThrow(/several languages \(go, node\); choose one with --language/);
    expect(() => detect({ 'a.c': C_MAIN, 'b.py': 'print(1)\n' })).toThrow(/several languages/);
  });
});
