import { parseCliArgs } from '../../generators/cli/args.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';

const app = {
  'package.json': JSON.stringify({ name: 'notes', scripts: { start: 'node server.js' } }),
  'package-lock.json': JSON.stringify({ name: 'notes', lockfileVersion: 3, packages: { '': { name: 'notes' } } }),
  'server.js': "require('http').createServer().listen(process.env.PORT || 3000);\n",
};
const dockerfile = (files: Record<string, string>, args: string[]) => {
  const cli = parseCliArgs(['--yes', ...args]);
  const choices = { writable: cli.writable, buildPackages: cli.buildPackages, nodeVersion: cli.nodeVersion, portable: cli.portable };
  return PIPELINE.generate(PIPELINE.detect(memorySnapshot('/srv/notes', files)), choices, { templatesDir }).files.find((file) => file.path === 'Dockerfile')!
    .content;
};

describe('the flags --fix applies, given by hand', () => {
  test.each([
    [['--fix'], /--fix corrects what --verify observes; use --verify --fix/],
    [['--writable', '../etc'], /--writable takes folders/],
    [['--writable', '/proc/self'], /--writable takes folders/],
    [['--writable', 'data;rm'], /--writable takes folders/],
    [['--build-packages', 'libfoo-dev,--allow-unauthenticated'], /--build-packages takes Debian package names/],
    [['--node-version', 'lts'], /--node-version takes a Node major line/],
  ])('%j is refused in one line', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  test('--writable: a stage gathers the folders; each travels as an entry of its parent, so COPY gives the folder itself to the user', () => {
    const text = dockerfile(app, ['--writable', 'static/gen,/etc/todos']);
    expect(text).toContain('FROM node:26-slim AS writable\n');
    expect(text).toContain(
      'RUN --mount=type=bind,target=/context mkdir -p /writable/0/todos \\\n && mkdir -p /writable/1/gen \\\n && if [ -d /context/static/gen ]; then cp -a /context/static/gen/. /writable/1/gen/; fi \\\n && true',
    );
    expect(text).toMatch(
      /^COPY --from=writable --chown=65532:65532 \/writable\/0\/ \/etc\/\nCOPY --from=writable --chown=65532:65532 \/writable\/1\/ \.\/static\/\n(?:#.*\n)*USER 65532:65532$/m,
    );
  });

  test('--writable in the portable profile copies the context instead of a bind mount', () => {
    expect(dockerfile(app, ['--writable', 'data', '--portable'])).toContain(
      'COPY . /context\nRUN mkdir -p /writable/0/data && if [ -d /context/data ]; then cp -a /context/data/. /writable/0/data/; fi && true',
    );
  });

  test('--writable for a Go binary is refused: it writes where its own flags say', () => {
    const go = { 'go.mod': 'module m\n\ngo 1.26\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n' };
    expect(() => dockerfile(go, ['--writable', 'data'])).toThrow(/--writable is for apps that run from their folder/);
  });

  test('--build-packages reaches the build stage; --node-version the base images and the summary', () => {
    const withDependency = {
      ...app,
      'package.json': JSON.stringify({ name: 'notes', scripts: { start: 'node server.js' }, dependencies: { ms: '^2.1.3' } }),
      'package-lock.json': JSON.stringify({
        name: 'notes',
        lockfileVersion: 3,
        packages: { '': { name: 'notes', dependencies: { ms: '^2.1.3' } }, 'node_modules/ms': { version: '2.1.3' } },
      }),
    };
    const text = dockerfile(withDependency, ['--build-packages', 'xxd,libpq-dev', '--node-version', '24']);
    expect(text).toMatch(/apt-get install -y --no-install-recommends libpq-dev xxd/);
    expect(text).toMatch(/^FROM node:24-slim AS build$/m);
    expect(text).toMatch(/^FROM gcr\.io\/distroless\/nodejs24-debian13:nonroot AS runtime$/m);
    expect(() => dockerfile(app, ['--node-version', '18'])).toThrow(/--node-version 18: not a Node line with images \(26, 24, 22\)/);
  });
});
