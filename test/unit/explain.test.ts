import { LOCALES, type Locale } from '../../generators/core/explain/messages.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices } from '../../generators/core/types.js';
import { dockerfileOf, renderWith } from '../harness/golden.js';
import { instructions } from '../harness/dockerfile-shape.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

/** The merged catalog the templates speak from: shared sentences plus every registered language's. */
const { en: EN, fr: FR } = PIPELINE.catalog;

/** Every fixture, with each runtime it can run on, in both profiles. */
const CASES: readonly [language: string, fixture: string, choices: Choices][] = [
  ...['lone-main', 'stdlib-mod', 'vendored', 'two-mains', 'tested'].flatMap((fixture) =>
    (['scratch', 'distroless', 'slim'] as const).map((runtime): [string, string, Choices] => ['go', fixture, { runtime }]),
  ),
  ['go', 'tested', { portable: true }],
  ...['express-app', 'ts-app', 'pnpm-app', 'yarn-app', 'berry-app', 'bun-app', 'native-addon', 'plain-main'].map((fixture): [string, string, Choices] => [
    'node',
    fixture,
    {},
  ]),
  ['node', 'express-app', { runtime: 'slim', portable: true }],
  ...['hello', 'make-project', 'cmake-project', 'tcp-server', 'zlib-dynamic'].map((fixture): [string, string, Choices] => ['c', fixture, {}]),
  ...['stdlib-server', 'requirements-app', 'pyproject-app', 'procfile-app', 'compiled-app', 'flask-gunicorn'].flatMap((fixture) =>
    (['distroless', 'slim'] as const).map((runtime): [string, string, Choices] => ['python', fixture, { runtime }]),
  ),
  ['python', 'requirements-app', { portable: true }],
  ['c', 'zlib-dynamic', { runtime: 'distroless' }],
  ['c', 'zlib-dynamic', { runtime: 'slim', portable: true }],
];

const lines = (text: string) => text.split('\n');
const parsed = (text: string) => instructions(text).map(({ keyword, args, raw }) => ({ keyword, args, raw }));
/** The comment paragraph right above each instruction's first line. */
function commentAbove(text: string): string[] {
  const all = lines(text);
  return instructions(text).map(({ line }) => {
    const above: string[] = [];
    for (let index = line - 2; index >= 0 && all[index]!.startsWith('#'); index--) above.unshift(all[index]!);
    return above.join('\n');
  });
}

describe.each(CASES)('--explain on %s/%s %j', (language, fixture, choices) => {
  const plain = dockerfileOf(renderWith(language, fixture, choices).files);
  const explained = Object.fromEntries(LOCALES.map((locale) => [locale, dockerfileOf(renderWith(language, fixture, choices, locale).files)])) as Record<
    Locale,
    string
  >;

  test.each(LOCALES)('%s: the instructions, once parsed, are exactly the unexplained ones', (locale) => {
    expect(parsed(explained[locale])).toEqual(parsed(plain));
    expect(explained[locale]).not.toBe(plain);
  });

  test.each(LOCALES)('%s: every instruction has a comment right above it', (locale) => {
    const missing = instructions(explained[locale]).filter((_instruction, index) => commentAbove(explained[locale])[index] === '');
    expect(missing.map(({ keyword, line }) => `${line}: ${keyword}`)).toEqual([]);
  });

  test('the French comments are French, not the English ones again', () => {
    const en = commentAbove(explained.en);
    const fr = commentAbove(explained.fr);
    fr.forEach((comment, index) => expect(comment).not.toBe(en[index]));
    expect(explained.fr).toMatch(/ : /);
  });

  test('the .dockerignore keeps the same patterns in every language, with its comments in French under fr', () => {
    const ignore = (locale?: Locale) =>
      renderWith(language, fixture, choices, locale)
        .files.find((file) => file.path === '.dockerignore')!
        .content.split('\n');
    const [en, fr] = [ignore('en'), ignore('fr')];
    expect(fr.filter((line) => !line.startsWith('#'))).toEqual(en.filter((line) => !line.startsWith('#')));
    expect(ignore()).toEqual(en);
    // Each group's comment paragraph, compared as a whole (wrapping can leave a short line alike).
    const paragraphs = (lines: string[]) =>
      lines
        .join('\n')
        .split('\n\n')
        .map((block) =>
          block
            .split('\n')
            .filter((line) => line.startsWith('#'))
            .join(' '),
        );
    paragraphs(fr).forEach((paragraph, index) => expect(paragraph).not.toBe(paragraphs(en)[index]));
  });

  test('without --explain, the only comments are the header and one banner per stage', () => {
    const all = lines(plain);
    const firstInstruction = instructions(plain)[0]!.line - 1;
    const bodyComments = all.map((line, index) => ({ line, index })).filter(({ line, index }) => index >= firstInstruction && line.startsWith('#'));
    for (const { line, index } of bodyComments) {
      expect(line).toMatch(/^# ---- \w+ ?: .* ----$/);
      expect(all[index + 1]).toMatch(/^FROM /);
    }
    // The line just above the first FROM is its banner; everything before it is the header.
    expect(all[firstInstruction - 1]).toMatch(/^# ---- /);
    expect(instructions(plain).filter(({ keyword }) => keyword === 'FROM')).toHaveLength(bodyComments.length + 1);
  });
});

describe('the message catalogs', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  test('French has every English sentence, with the same placeholders', () => {
    expect(Object.keys(FR).sort()).toEqual(Object.keys(EN).sort());
    for (const [id, text] of Object.entries(EN)) expect([id, placeholders(FR[id]!)]).toEqual([id, placeholders(text)]);
  });

  test('the notes a Dockerfile header carries are sentences of the catalogs: French under --explain fr, none left in English', () => {
    // A Node app with no lockfile and an entry file found by guess: notes in its header.
    const header = (explain?: 'fr') => dockerfileOf(renderWith('node', 'plain-main', {}, explain).files).split('\n');
    const english = header().filter((line) => line.startsWith('# Note: '));
    const french = header('fr').filter((line) => line.startsWith('# Note : '));
    expect(english.length).toBeGreaterThan(0);
    expect(french).toHaveLength(english.length);
    expect(french.join('\n')).toContain('Pas de fichier de verrouillage');
    for (const line of french) expect(line).not.toMatch(/en anglais|No lockfile|the image runs/);
  });

  test('every stage banner fits one comment line', () => {
    for (const catalog of [EN, FR] as Record<string, string>[]) {
      for (const [id, text] of Object.entries(catalog).filter(([id]) => id.startsWith('stage.'))) expect([id, `# ${text}`.length <= 110]).toEqual([id, true]);
    }
  });
});

describe('the test stage', () => {
  const dockerfile = (language: string, fixture: string, choices: Choices = {}) => dockerfileOf(renderWith(language, fixture, choices).files);

  test('a Go module with *_test.go files gets `FROM build AS test` running go test, listed in the header', () => {
    const text = dockerfile('go', 'tested');
    const test = instructions(text).findIndex(({ keyword, args }) => keyword === 'FROM' && args === 'build AS test');
    expect(test).toBeGreaterThan(0);
    expect(instructions(text)[test + 1]).toMatchObject({ keyword: 'RUN', args: expect.stringMatching(/CGO_ENABLED=0 go test \.\/\.\.\.$/) });
    expect(text).toMatch(/^# {3}test {5}runs `CGO_ENABLED=0 go test \.\/\.\.\.` on top of build/m);
    // The runtime stays the last stage, so a plain `docker build` never runs the tests.
    expect(
      instructions(text)
        .filter(({ keyword }) => keyword === 'FROM')
        .at(-1)!.args,
    ).toMatch(/ AS runtime$/);
  });

  test('--portable leaves the test stage out and says why in the header', () => {
    const text = dockerfile('go', 'tested', { portable: true });
    expect(instructions(text).some(({ args }) => / AS test$/.test(args))).toBe(false);
    expect(text).toMatch(/^# No test stage here: the legacy builder builds every stage/m);
  });

  test('projects without tests get no test stage', () => {
    expect(dockerfile('go', 'lone-main')).not.toMatch(/ AS test/);
    expect(dockerfile('node', 'express-app')).not.toMatch(/ AS test/);
  });

  const facts = (files: Record<string, string>) => PIPELINE.detect(memorySnapshot('/p', files));
  test.each([
    [{ 'package.json': JSON.stringify({ name: 'a', scripts: { start: 'node s.js', test: 'node --test' } }), 's.js': '' }, 'scripts.test'],
    [{ Makefile: 'app: main.c\n\tcc -o app main.c\ncheck: app\n\t./app --self-test\n', 'main.c': 'int main(void){return 0;}' }, 'Makefile target check'],
    [
      { 'CMakeLists.txt': 'project(p C)\nadd_executable(p main.c)\nenable_testing()\nadd_test(NAME run COMMAND p)\n', 'main.c': 'int main(void){return 0;}' },
      'CMake add_test',
    ],
    [{ 'meson.build': "project('p','c')\nexe = executable('p', 'main.c')\ntest('runs', exe)\n", 'main.c': 'int main(void){return 0;}' }, 'meson test()'],
  ])('detects tests in %j', (files, source) => {
    expect((facts(files) as { tests?: { source: string } }).tests?.source).toBe(source);
  });

  test("npm's placeholder test script is no test suite", () => {
    const files = {
      'package.json': JSON.stringify({ name: 'a', scripts: { start: 'node s.js', test: 'echo "Error: no test specified" && exit 1' } }),
      's.js': '',
    };
    expect((facts(files) as { tests?: unknown }).tests).toBeUndefined();
  });
});
