// Bundles the CLI into one ES module, as create-vite ships its own. Loading yeoman unbundled means
// ~1,300 ES modules (640 of them lodash-es), about 2 s on Node 20; as one file it starts in a fraction.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const versionOf = (name) => JSON.stringify(JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')));

/**
 * yeoman-environment and yeoman-generator read their own package.json next to import.meta.url.
 * Inside a bundle that URL is the bundle's, so each read is replaced by the JSON it would have read.
 */
const OWN_PACKAGE_JSON = [
  { file: /yeoman-environment[\\/]dist[\\/]environment-base\.js$/, from: "require('../package.json')", to: () => versionOf('yeoman-environment') },
  {
    file: /yeoman-environment[\\/]dist[\\/]module-lookup\.js$/,
    from: "JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json')).toString())",
    to: () => versionOf('yeoman-environment'),
  },
  {
    file: /yeoman-generator[\\/]dist[\\/]generator\.js$/,
    from: "JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))",
    to: () => versionOf('yeoman-generator'),
  },
];

const inlinePackageJson = {
  name: 'inline-own-package-json',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /yeoman-(environment|generator)[\\/]dist[\\/].*\.js$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const rule of OWN_PACKAGE_JSON.filter((candidate) => candidate.file.test(args.path))) {
        if (!contents.includes(rule.from)) throw new Error(`bundle: ${args.path} no longer contains ${rule.from}; update scripts/bundle.mjs`);
        contents = contents.replace(rule.from, `(${rule.to()})`);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Code paths the CLI never takes, stubbed so their dependency trees (npm's arborist, pacote and tar
 * for installing generators on the fly; iconv-lite for the external-editor prompt) stay out of the
 * bundle. Reaching one throws instead of failing silently.
 */
const never = (what) => `() => { throw new Error('create-dockerfile does not ${what}'); }`;
const STUBS = {
  'fly-import': `export class FlyRepository { constructor(options = {}) { this.repositoryPath = options.repositoryPath ?? ''; } }
FlyRepository.prototype.install = ${never('install generators')};
export const flyImport = ${never('install generators')};`,
  '@inquirer/external-editor': `export const editAsync = ${never('open an external editor')};
export const edit = editAsync;
export class ExternalEditor { constructor() { editAsync(); } }
export class CreateFileError extends Error {}
export class LaunchEditorError extends Error {}
export class ReadFileError extends Error {}
export class RemoveFileError extends Error {}`,
};

const stubUnusedPaths = {
  name: 'stub-unused-paths',
  setup(pluginBuild) {
    const filter = new RegExp(
      `^(${Object.keys(STUBS)
        .map((name) => name.replace(/[/@-]/g, '\\$&'))
        .join('|')})$`,
    );
    pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: STUBS[args.path], loader: 'js' }));
  },
};

/** What every file of dist/ is built with: one bundle, minified, for the Node the package supports. */
const NODE_BUNDLE = { bundle: true, minify: true, platform: 'node', target: 'node20', legalComments: 'external', logLevel: 'error' };

/** A CommonJS file: the main path, and the dependencies loaded on demand. */
const buildCommonJs = (entry, outfile, options = {}) => build({ ...NODE_BUNDLE, entryPoints: [entry], outfile, format: 'cjs', ...options });

// Old chunks would otherwise pile up next to the new ones.
rmSync('dist', { recursive: true, force: true });

/**
 * The parts only some runs need (generators/cli/parts.ts): the prompts (yeoman, inquirer), docker's
 * client and `verify`, as ES modules of their own; splitting puts what they share in chunks.
 */
const PARTS = {
  interactive: 'generators/cli/interactive.ts',
  'verify-command': 'generators/cli/verify-command.ts',
  docker: 'generators/verify/docker.ts',
  checkbox: '@inquirer/checkbox',
};
await build({
  entryPoints: PARTS,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  ...NODE_BUNDLE,
  format: 'esm',
  // CommonJS dependencies use require, __filename and __dirname; give the bundle its own.
  banner: {
    js: [
      "import { createRequire as __cdfCreateRequire } from 'node:module';",
      "import { fileURLToPath as __cdfFileURLToPath } from 'node:url';",
      "import { dirname as __cdfDirname } from 'node:path';",
      'const require = __cdfCreateRequire(import.meta.url);',
      'const __filename = __cdfFileURLToPath(import.meta.url);',
      'const __dirname = __cdfDirname(__filename);',
    ].join(' '),
  },
  plugins: [inlinePackageJson, stubUnusedPaths],
});

/** The main path's four imports of the parts point at dist/parts.cjs, a plain CommonJS file. */
const partsOutside = {
  name: 'parts-outside',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/parts\.js$/ }, () => ({ path: './parts.cjs', external: true }));
  },
};
writeFileSync(
  'dist/parts.cjs',
  [
    "'use strict';",
    '// Written by scripts/bundle.mjs: generators/cli/parts.ts in the published package. A real module, so that',
    '// its import() works from the main path, which bin/run-cached.cjs compiles through node:vm.',
    ...Object.keys(PARTS).map(
      (name) => `exports.load${name.replace(/(^|-)(\w)/g, (_m, _dash, letter) => letter.toUpperCase())} = () => import('./${name}.mjs');`,
    ),
    '',
  ].join('\n'),
);

/**
 * The main path (`--yes`, --dry-run, --json, lint, the services) as one CommonJS file: loaded by
 * bin/run-cached.cjs with the V8 code cache written below, it skips most of the parse and compile
 * and the ES module loader at every start.
 */
await buildCommonJs('generators/cli/main.ts', 'dist/create-dockerfile.cjs', {
  define: { 'import.meta.url': '__cdfImportMetaUrl' },
  banner: { js: "const __cdfImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [partsOutside, inlinePackageJson, stubUnusedPaths],
});

/**
 * Handlebars compiling is most of a generation's time, so the built-in templates ship precompiled,
 * keyed by their exact text (generators/pipeline/template-cache.ts).
 * The .hbs files stay the source of truth: a text that does not match compiles at run time.
 */
const Handlebars = (await import('handlebars')).default;
const COMPILE_OPTIONS = { noEscape: true, strict: true };
const templates = readdirSync('templates', { recursive: true }).filter((file) => String(file).endsWith('.hbs'));
const precompiled = Object.fromEntries(
  templates.map((file) => {
    const source = readFileSync(join('templates', String(file)), 'utf8');
    return [source, Handlebars.precompile(source, { ...COMPILE_OPTIONS })];
  }),
);
writeFileSync('dist/precompiled-templates.json', JSON.stringify(precompiled));

// Dependencies only some runs need, loaded on first use (core/lazy-dependency.ts): yaml reads
// pnpm-workspace.yaml and writes compose.yaml, dotenv reads .env beside it.
for (const name of ['yaml', 'dotenv']) await buildCommonJs(name, `dist/${name}.cjs`);

// The compiler, for custom or edited templates only: the CLI's own chunks hold just Handlebars' runtime.
await buildCommonJs('node_modules/handlebars/dist/cjs/handlebars.js', 'dist/handlebars-compiler.cjs', {
  footer: { js: 'module.exports = module.exports.default;' },
});

/**
 * The V8 code cache of the main path, written by one run on a small Express app (the functions a
 * plain run compiles). V8 takes it only from the same V8 version and flags; any other Node compiles
 * as usual, and the CLI behaves the same either way.
 */
const { spawnSync } = await import('node:child_process');
const { tmpdir } = await import('node:os');
const warmup = mkdtempSync(join(tmpdir(), 'cdf-code-cache-'));
writeFileSync(
  join(warmup, 'package.json'),
  JSON.stringify({ name: 'warmup', engines: { node: '>=22' }, scripts: { start: 'node server.js' }, dependencies: { express: '^5.1.0' } }),
);
writeFileSync(join(warmup, 'server.js'), "require('express')().listen(process.env.PORT || 3000);\n");
const cached = spawnSync(
  process.execPath,
  ['-e', "require('./bin/run-cached.cjs').run(process.argv.slice(1), { writeCache: true })", warmup, '--yes', '--dry-run'],
  { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
);
rmSync(warmup, { recursive: true, force: true });
if (cached.status !== 0) throw new Error(`bundle: the code-cache run failed: ${cached.stderr}`);
