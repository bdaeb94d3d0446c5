import fc from 'fast-check';
import { stringify as stringifyToml } from 'smol-toml';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { skeleton } from '../../generators/pipeline/structure-guard.js';
import { templatesDir } from '../../generators/util/package-root.js';

/**
 * Arbitrary values in the fields the detectors read: any string, prototype names, control and
 * Dockerfile-significant characters. Whatever comes in, the run ends as a Dockerfile with the same
 * instructions as the benign project, or as a UserError of one line; never anything else.
 */

const RUNS = 150;

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    '\n',
    '\\',
    '<<EOF',
    'x\nUSER root',
    'a\\\nRUN id',
    '$(id)',
    '`id`',
    '"]',
    "'",
    '#',
  ),
  fc
    .array(fc.constantFrom('a', '\n', '\\', '<', '"', "'", '$', '#', ' ', '\r', '\u2028', 'USER root', 'RUN id', '{{x}}'), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

const nodeServer = "require('http').createServer(() => {}).listen(3000);\n";
const goServer = 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n';

/** Each field, as a project with the value in place; `benign` is the same project with a plain value. */
const FIELDS: Record<string, (value: string) => Record<string, string>> = {
  'package.json name': (value) => ({ 'package.json': JSON.stringify({ name: value, scripts: { start: 'node server.js' } }), 'server.js': nodeServer }),
  '.nvmrc': (value) => ({ 'package.json': JSON.stringify({ name: 'api', scripts: { start: 'node server.js' } }), 'server.js': nodeServer, '.nvmrc': value }),
  'package.json engines.node': (value) => ({
    'package.json': JSON.stringify({ name: 'api', engines: { node: value }, scripts: { start: 'node server.js' } }),
    'server.js': nodeServer,
  }),
  'go.mod module path': (value) => ({ 'go.mod': `module ${value}\n\ngo 1.26\n`, 'main.go': goServer }),
  'pyproject name': (value) => ({ 'pyproject.toml': `[project]\nname = ${JSON.stringify(value)}\n`, 'main.py': 'print(1)\n' }),
  'Procfile web argument': (value) => ({ 'requirements.txt': 'gunicorn\n', 'app.py': 'app = None\n', Procfile: `web: gunicorn ${value} app:app\n` }),
  '.gitignore line': (value) => ({ 'go.mod': 'module m\n\ngo 1.26\n', 'main.go': goServer, '.gitignore': `${value}\n` }),
};
const BENIGN = 'plain';
/**
 * Fields where a value may rightly choose between two shapes, each with its harmless reference: a
 * Procfile line with a variable or a second command is run by sh, on slim (issue 15).
 */
const SECOND_SHAPE: Record<string, string> = { 'Procfile web argument': '$PLAIN' };

const outcome = (files: Record<string, string>) => {
  try {
    const { files: generated } = PIPELINE.generate(PIPELINE.detect(memorySnapshot('/p/app', files)), {}, { templatesDir });
    return { dockerfile: generated.find((file) => file.path === 'Dockerfile')!.content };
  } catch (error) {
    return { error };
  }
};

describe.each(Object.entries(FIELDS))('property: %s', (field, project) => {
  const benign = outcome(project(BENIGN));
  const shapes = [benign, ...(SECOND_SHAPE[field] === undefined ? [] : [outcome(project(SECOND_SHAPE[field]))])].map((result) => skeleton(result.dockerfile!));

  test(`${RUNS} arbitrary values: the same instructions, or one UserError line`, () => {
    expect(benign.dockerfile).toBeDefined();
    fc.assert(
      fc.property(hostileString, (value) => {
        const result = outcome(project(value));
        if (result.error !== undefined) {
          expect(result.error).toBeInstanceOf(UserError);
          expect((result.error as Error).message).not.toMatch(/[\r\n]/);
          return;
        }
        expect(shapes).toContainEqual(skeleton(result.dockerfile!));
      }),
      { numRuns: RUNS },
    );
  });
});

/** package.json fields of any JSON type (npm reads the file; the types are the project's to get wrong). */
const PACKAGE_FIELDS = ['name', 'main', 'scripts', 'dependencies', 'devDependencies', 'engines', 'workspaces', 'packageManager', 'type'] as const;
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('constructor', '__proto__', 'toString', { constructor: 'x' }, { toString: 1 }, { start: 42 }, { start: {} }, { __proto__: 'x' }, [
    'a',
    1,
    null,
  ]),
);

describe.each(PACKAGE_FIELDS)('property: package.json %s of any JSON type', (field) => {
  test(`${RUNS} values: a Dockerfile, or one UserError line`, () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const manifest = { name: 'api', scripts: { start: 'node server.js' }, [field]: value };
        const result = outcome({ 'package.json': JSON.stringify(manifest), 'server.js': nodeServer });
        if (result.error === undefined) return;
        expect(result.error).toBeInstanceOf(UserError);
        expect((result.error as Error).message).not.toMatch(/[\r\n]/);
      }),
      { numRuns: RUNS },
    );
  });
});

/** pyproject.toml and Pipfile fields of any TOML type: the schema names the field, or the value is used. */
const TOML_FIELDS: Record<string, (value: unknown) => Record<string, unknown>> = {
  'pyproject project.name': (value) => ({ project: { name: value } }),
  'pyproject project.dependencies': (value) => ({ project: { name: 'app', dependencies: value } }),
  'pyproject project.scripts': (value) => ({ project: { name: 'app', scripts: value } }),
  'pyproject project.requires-python': (value) => ({ project: { name: 'app', 'requires-python': value } }),
  'pyproject tool.poetry.dependencies': (value) => ({ tool: { poetry: { name: 'app', dependencies: value } } }),
  'pyproject tool.poetry.scripts': (value) => ({ tool: { poetry: { name: 'app', scripts: value } } }),
  'pyproject build-system': (value) => ({ project: { name: 'app' }, 'build-system': value }),
};
/** TOML has no null; a date is a value TOML has and JSON lacks. */
const withoutNull = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.filter((item) => item !== null).map(withoutNull)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, item]) => item !== null)
            .map(([key, item]) => [key, withoutNull(item)]),
        )
      : value;
const anyToml = fc.oneof(anyJson.filter((value) => value !== null).map(withoutNull), fc.date({ noInvalidDate: true }));

describe.each(Object.entries(TOML_FIELDS))('property: %s of any TOML type', (_field, document) => {
  test(`${RUNS} values: a Dockerfile, or one UserError line`, () => {
    fc.assert(
      fc.property(anyToml, (value) => {
        let toml: string;
        try {
          toml = stringifyToml(document(value));
        } catch {
          fc.pre(false); // a value TOML cannot hold is no input a project can have
          return;
        }
        const result = outcome({ 'pyproject.toml': toml, 'main.py': 'print(1)\n' });
        if (result.error === undefined) return;
        expect(result.error).toBeInstanceOf(UserError);
        expect((result.error as Error).message).not.toMatch(/[\r\n]/);
      }),
      { numRuns: RUNS },
    );
  });
});
