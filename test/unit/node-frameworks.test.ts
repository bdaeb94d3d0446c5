import { describe, expect, test } from '@jest/globals';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { narrow } from '../harness/narrow.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { sayNote } from '../harness/notes.js';

const pkg = (value: object) => JSON.stringify(value);
const project = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/srv/site', files)), 'node');
const angular = (angularJson?: object) => ({
  'package.json': pkg({
    scripts: { start: 'ng serve', build: 'ng build' },
    dependencies: { '@angular/core': '20' },
    devDependencies: { '@angular/cli': '20' },
  }),
  ...(angularJson ? { 'angular.json': JSON.stringify(angularJson) } : {}),
  'src/main.ts': 'bootstrapApplication(App);\n',
});
const build = (options: object) => ({ projects: { shop: { architect: { build: { options } } } } });

describe('static sites: where the build writes, read from the project', () => {
  test.each([
    ['the default folder for its first project', { projects: { shop: {} } }, 'dist/shop/browser'],
    ['outputPath as a string', build({ outputPath: 'dist/storefront' }), 'dist/storefront/browser'],
    ['outputPath as { base }', build({ outputPath: { base: 'out/web' } }), 'out/web/browser'],
    ['outputPath as { base, browser: "" }', build({ outputPath: { base: './public-www/', browser: '' } }), 'public-www'],
  ])('Angular: %s', (_name, angularJson, root) => {
    const facts = project(angular(angularJson));
    expect(facts.staticSite?.root).toBe(root);
    expect(facts.notes.map(sayNote).filter((note) => /guess/.test(note))).toEqual([]);
    expect(facts.buildChecks).toContain(`${root}/index.html`);
  });

  test.each([
    ['no angular.json', undefined],
    ['no project in angular.json', { projects: {} }],
    ['an outputPath that leaves the project', build({ outputPath: '../../etc' })],
  ])('Angular with %s: dist/app/browser, said to be a guess with what settles it', (_name, angularJson) => {
    const facts = project(angular(angularJson));
    expect(facts.staticSite?.root).toBe('dist/app/browser');
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/dist\/app\/browser, a guess .*set outputPath in angular\.json to settle it/);
  });
});

describe('static sites: the build stage builds', () => {
  test('a Vite site with only dev dependencies installs them and runs its build before the output is checked', () => {
    const facts = PIPELINE.detect(
      memorySnapshot('/srv/site', {
        'package.json': pkg({ scripts: { dev: 'vite', build: 'vite build' }, devDependencies: { vite: '8' } }),
        'package-lock.json': '{}',
        'index.html': '<script type="module" src="/src/main.js"></script>\n',
        'src/main.js': 'document.title = "x";\n',
      }),
    );
    const dockerfile = PIPELINE.generate(facts, {}, { templatesDir }).files[0]!.content;
    const install = dockerfile.search(/^\s+npm ci$/m);
    const build = dockerfile.search(/^RUN npm run build$/m);
    const check = dockerfile.search(/^RUN test -f dist\/index\.html$/m);
    expect([install > 0, build > install, check > build]).toEqual([true, true, true]);
  });
});
