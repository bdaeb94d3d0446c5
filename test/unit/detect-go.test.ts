import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const server = (port: string) => `package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe("${port}", nil) }\n`;
const project = (files: Record<string, string>, pruned: string[] = []) => narrow(PIPELINE.detect(memorySnapshot('/work/My Service', files, pruned)), 'go');

describe('Go detection', () => {
  test('reads the module path and go version from go.mod; the version picks the builder line', () => {
    const facts = project({ 'go.mod': 'module example.com/shop/api\n\ngo 1.25.3\n', 'main.go': server(':7000') });
    expect(facts).toMatchObject({ modulePath: 'example.com/shop/api', goVersion: '1.25', goVersionSource: 'go.mod', projectName: 'api', hasGoMod: true });
    expect(facts.mains).toEqual([{ dir: '.', listens: true, port: 7000, portSource: 'main.go' }]);
  });

  test('a newer toolchain line wins over the go line', () => {
    const facts = project({ 'go.mod': 'module m\ngo 1.24\ntoolchain go1.26.2\n', 'main.go': server(':80') });
    expect([facts.goVersion, facts.goVersionSource]).toEqual(['1.26', 'toolchain']);
  });

  test('a lone main with no go.mod uses the default Go line, the folder name, and says so', () => {
    const facts = project({ 'http.go': server(':8080') });
    expect(facts).toMatchObject({ hasGoMod: false, goVersionSource: 'default', projectName: 'my-service' });
    expect(facts.notes.map(sayNote).join(' ')).toMatch(/go mod init/);
  });

  test('a lone main with a third-party import and no go.mod is refused with the import named', () => {
    const source = 'package main\nimport (\n  "fmt"\n  "github.com/acme/lib"\n)\nfunc main() { fmt.Println(lib.X) }\n';
    expect(() => project({ 'main.go': source })).toThrow(/github\.com\/acme\/lib/);
  });

  test('finds every main under cmd/, each with its own port, sorted', () => {
    const facts = project({
      'go.mod': 'module m\ngo 1.26\n',
      'cmd/web/main.go': server(':3000'),
      'cmd/cli/main.go': 'package main\nimport "fmt"\nfunc main() { fmt.Println("x") }\n',
      'internal/lib/lib.go': 'package lib\nfunc Serve() { http.ListenAndServe(":9999", nil) }\n',
    });
    expect(facts.mains).toEqual([
      { dir: 'cmd/cli', listens: false },
      { dir: 'cmd/web', listens: true, port: 3000, portSource: 'cmd/web/main.go' },
    ]);
  });

  test('detects cgo from import "C", alone or grouped, but not from comments', () => {
    const grouped = 'package main\n// #include <stdio.h>\nimport (\n\t"C"\n\t"fmt"\n)\nfunc main() { fmt.Println() }\n';
    expect(project({ 'go.mod': 'module m\ngo 1.26\n', 'main.go': grouped }).cgo).toBe(true);
    const commented = 'package main\n// import "C"\nfunc main() {}\n';
    expect(project({ 'go.mod': 'module m\ngo 1.26\n', 'main.go': commented }).cgo).toBe(false);
  });

  test('vendor/ with modules.txt is noted even though it is never walked', () => {
    const facts = project(
      {
        'go.mod': 'module m\ngo 1.26\nrequire x.io/y v1.0.0\n',
        'main.go': server(':1'),
        'vendor/modules.txt': '# x.io/y v1.0.0\n## explicit; go 1.26\nx.io/y\n',
      },
      ['vendor'],
    );
    expect(facts).toMatchObject({ vendored: true, hasRequires: true });
  });

  test('reads a PORT default when the address is built at run time', () => {
    const source =
      'package main\nimport ("net/http"; "os")\nfunc main() {\n port := os.Getenv("PORT")\n if port == "" { port = "5050" }\n http.ListenAndServe(":"+port, nil)\n}\n';
    expect(project({ 'main.go': source }).mains[0]).toMatchObject({ listens: true, port: 5050 });
  });

  test('TLS roots are needed by HTTP code; zoneinfo only by LoadLocation without time/tzdata', () => {
    const zones = 'package main\nimport ("fmt"; "time")\nfunc main() { l, _ := time.LoadLocation("UTC"); fmt.Println(l) }\n';
    expect(project({ 'main.go': zones })).toMatchObject({ needsCaCerts: false, needsZoneinfo: true });
    const embedded = zones.replace('"time")', '"time"; _ "time/tzdata")');
    expect(project({ 'main.go': embedded }).needsZoneinfo).toBe(false);
    expect(project({ 'main.go': server(':1') }).needsCaCerts).toBe(true);
  });

  test('build output folders are kept out of the context, unless they hold Go source', () => {
    const facts = project({ 'main.go': server(':1'), 'bin/app': 'binary', 'build/tool.go': 'package build\n', 'dist/x': 'y' });
    expect(facts.buildOutputDirs).toEqual(['dist', 'bin'].sort());
  });

  test.each([
    ['a go.mod with no module line', { 'go.mod': 'go 1.26\n', 'main.go': server(':1') }, /no module line/],
    ['a go.mod with a nonsense go line', { 'go.mod': 'module m\ngo banana\n', 'main.go': server(':1') }, /not a Go version/],
    ['only test files', { 'go.mod': 'module m\n', 'x_test.go': 'package main\n' }, /no Go source/],
    ['a library with no main', { 'go.mod': 'module m\n', 'lib.go': 'package lib\nfunc F() {}\n' }, /no main package/],
  ])('%s is a clear user error', (_name, files, message) => {
    expect(() => project(files)).toThrow(UserError);
    expect(() => project(files)).toThrow(message);
  });

  test('several languages at once need --language, which then picks one', () => {
    const files = { 'main.go': server(':1'), 'package.json': '{"main":"web.js","dependencies":{"express":"^4.21.2"}}', 'requirements.txt': 'flask\n' };
    expect(() => project(files)).toThrow(/several languages \(go, node, python\).*--language/);
    expect(PIPELINE.detect(memorySnapshot('/p', files), { language: 'go' }).language).toBe('go');
    expect(() => PIPELINE.detect(memorySnapshot('/p', files), { language: 'python' })).toThrow(/no entry point found/);
    expect(() => project({ 'README.md': '# hi' })).toThrow(/no supported project found/);
  });
});

describe('.gitignore in the .dockerignore', () => {
  test('git patterns become context-root patterns, and none may drop a file the build needs', () => {
    const gitignore = '# build\n/bin\n*.log\nvendor/\nsecrets/*.pem\n!keep.log\ngo.sum\n';
    const facts = PIPELINE.detect(
      memorySnapshot(
        '/p',
        {
          'go.mod': 'module m\ngo 1.26\nrequire x.io/y v1\n',
          'go.sum': '',
          'main.go': server(':1'),
          'vendor/modules.txt': '# x.io/y v1\n## explicit\n',
          '.gitignore': gitignore,
        },
        ['vendor'],
      ),
    );
    expect(facts.gitignore).toEqual(['bin', '**/*.log', '**/vendor', 'secrets/*.pem', '!**/keep.log', '**/go.sum']);
    const fromGit = PIPELINE.plan(facts, {}).dockerignore.find((group) => group.why.id === 'ignore.gitignore')!;
    // vendor/ and go.sum are needed by this vendored module build, so they stay in the context.
    expect(fromGit.patterns).toEqual(['bin', '**/*.log', 'secrets/*.pem', '!**/keep.log']);
  });
});
