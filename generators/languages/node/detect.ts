import { posix } from 'node:path';
import { NothingToRunError, UserError } from '../../core/errors.js';
import { imageName } from '../../core/render/quote.js';
import type { ProjectSnapshot, TestsFound } from '../../core/types.js';
import type { NodeFacts } from './types.js';
import type { Message } from '../../core/explain/messages.js';
import { NODE_MESSAGES } from './messages.js';
import { readPackageJson, type PackageJson } from './manifest.js';
import { NATIVE_PACKAGES } from './native.js';
import { firstPort } from '../../core/detect/ports.js';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { packageManager } from './package-manager.js';
import { startCommand, type StartCommand, type StartInputs } from './start.js';
import { detectFramework } from './frameworks/index.js';
import { sveltekitAdapterHint } from './frameworks/sveltekit.js';
import type { Framework, FrameworkServer, FrameworkStatic } from './frameworks/types.js';
import { stripJsComments } from './js-comments.js';
import { findBin, resolveBin } from './bins.js';
import { devOnlyInstallScripts } from './install-scripts.js';
import { detectPrisma, type PrismaFacts } from './prisma.js';
import { nodeVersion } from './version.js';
import { nodeEvidence } from './evidence.js';
import type { DetectOptions } from '../../core/types.js';
import { findMember, withWorkspaceDependencies, workspaceGlobs, workspaceMembers, type WorkspaceMember } from '../../core/detect/workspaces.js';
import { scopedSnapshot } from '../../core/detect/scoped-snapshot.js';
import { onceper } from '../../core/memo.js';
import { own } from '../../core/own.js';
import { ERRORS } from '../../core/explain/error-messages.js';

const INSTALL_CONFIG_FILES = ['pnpm-workspace.yaml', '.yarnrc.yml', '.pnpmfile.cjs'];
const SOURCE = /\.(c|m)?(j|t)sx?$/;

/** The root's files as a set: every member's detection asks of the same root. */
const fileSet = onceper((snapshot: ProjectSnapshot) => new Set(snapshot.files));

/** Every member's package.json, one list per workspace: each member's facts share it. */
const memberManifestFiles = onceper((members: readonly { readonly dir: string }[]) => members.map((item) => `${item.dir}/package.json`));

/** The package the image runs: the root's, or a workspace member's read from its own folder. */
interface NodeProject {
  readonly root: ProjectSnapshot;
  readonly rootPkg: PackageJson;
  readonly workspaces: readonly string[];
  readonly members: readonly WorkspaceMember[];
  readonly member: WorkspaceMember | undefined;
  /** The member's folder as a project of its own, or the root. */
  readonly snapshot: ProjectSnapshot;
  readonly pkg: PackageJson;
  readonly scripts: Record<string, string>;
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
}

function readNodeProject(root: ProjectSnapshot, options: DetectOptions): NodeProject {
  const rootPkg = readPackageJson(root);
  const workspaces = workspaceGlobs(root, rootPkg);
  const members = workspaceMembers(root, workspaces);
  const member = options.workspace === undefined ? undefined : findMember(members, options.workspace);
  // Everything about the app is read from the member's folder; the lockfile and manager stay the root's.
  const snapshot = member ? scopedSnapshot(root, member.dir) : root;
  const pkg = member ? readPackageJson(snapshot, `${member.dir}/package.json`) : rootPkg;
  return {
    root,
    rootPkg,
    workspaces,
    members,
    member,
    snapshot,
    pkg,
    scripts: pkg.scripts ?? {},
    dependencies: pkg.dependencies ?? {},
    devDependencies: pkg.devDependencies ?? {},
  };
}

export function detectNode(root: ProjectSnapshot, options: DetectOptions = {}): NodeFacts {
  const project = readNodeProject(root, options);
  const { rootPkg, member, members, snapshot, pkg, scripts, dependencies, devDependencies } = project;
  const notes: Message[] = [];
  const version = nodeVersion(pkg.engines?.node ?? rootPkg.engines?.node, root.read('.nvmrc'), root.read('.node-version'), nodeEvidence(root));
  const manager = packageManager(root, rootPkg.packageManager);
  if (manager.name === 'yarn-berry') checkBerryLinker(root.read('.yarnrc.yml') ?? '');
  if (!manager.lockfile) notes.push(NODE_MESSAGES.message('note.node.no-lockfile', { manager: manager.name }));
  const build = buildFacts(project, notes);
  const bins = binLookups(project, manager.lockfile);
  const devOnlyScripts = member ? [] : devOnlyInstallScripts(scripts, dependencies, devDependencies, (command) => bins.find(command)?.pkg);
  for (const item of devOnlyScripts) {
    notes.push(NODE_MESSAGES.message('note.node.dev-only-script', { script: item.script, command: item.command, program: item.program, pkg: item.pkg }));
  }
  const prisma = detectPrisma({ snapshot, scripts, dependencies, devDependencies, packageSchema: pkg.prisma?.schema, findBin: bins.find });
  const served = servingFacts(project, build, bins.resolve, options.start, notes);
  const listening = listeningFacts(snapshot, served, build.outDir, notes);
  const nativeAddons = nativeAddonFacts(snapshot, dependencies, notes);
  if (!member && (project.workspaces.length > 0 || root.files.includes('pnpm-workspace.yaml'))) {
    const listed = members.map((item) => item.name).join(', ') || project.workspaces.join(', ') || 'pnpm-workspace.yaml';
    notes.push(NODE_MESSAGES.message('note.node.workspace-root', { members: listed }));
  }
  const rootExists = (path: string) => fileSet(root).has(path);

  return {
    language: 'node',
    projectName: imageName(pkg.name?.replace(/^@[^/]+\//, '') || posix.basename(snapshot.root)),
    tests: nodeTests(scripts),
    nodeMajor: version.major,
    nodeVersionSource: version.source,
    packageManager: manager.name,
    packageManagerVersion: manager.version,
    packageManagerSource: manager.source,
    lockfile: manager.lockfile,
    installFiles: [
      'package.json',
      ...(manager.lockfile ? [manager.lockfile] : []),
      ...INSTALL_CONFIG_FILES.filter(rootExists),
      // Settings only (shamefully-hoist, legacy-peer-deps): copied, so the install reads them where the project keeps them.
      ...(rootExists('.npmrc') && !npmrcHoldsCredentials(root.read('.npmrc') ?? '') ? ['.npmrc'] : []),
    ],
    productionDependencies: Object.keys(dependencies).length,
    buildScript: build.buildScript,
    typescript: build.typescript,
    outDir: build.outDir,
    start: served.start.args,
    startSource: served.start.source,
    startGuessed: served.start.guessed === true,
    framework: build.framework && { id: build.framework.id, name: build.framework.name, source: build.framework.source },
    outputCopies: served.kind === 'server' ? served.framework?.copies : undefined,
    runtimeModules: served.kind === 'server' && (served.framework?.modules ?? true),
    serverEnv: served.kind === 'server' ? (served.framework?.env ?? []) : [],
    buildChecks: served.buildChecks,
    staticSite: served.kind === 'static' ? { root: served.framework.root, spa: served.framework.spa, hashed: served.framework.hashed } : undefined,
    listens: listening.listens,
    port: listening.port?.port,
    portSource: listening.port?.file,
    nativeAddons,
    devOnlyScripts: devOnlyScripts.map((item) => item.script),
    prisma,
    workspaces: project.workspaces,
    npmrc: root.files.includes('.npmrc') && npmrcHoldsCredentials(root.read('.npmrc') ?? ''),
    workspace: member && workspaceFacts(member, members),
    buildOutputDirs: buildOutputDirs(project, build, prisma),
    notes,
  };
}

/** What the build does: TypeScript, a build script, the framework, and where the build writes. */
interface BuildFacts {
  readonly typescript: boolean;
  readonly buildScript: boolean;
  readonly framework: Framework | undefined;
  readonly outDir: string | undefined;
}

function buildFacts({ snapshot, scripts, dependencies, devDependencies }: NodeProject, notes: Message[]): BuildFacts {
  const typescript = snapshot.files.includes('tsconfig.json') || 'typescript' in devDependencies || 'typescript' in dependencies;
  const buildScript = typeof scripts.build === 'string';
  const framework = detectFramework({ snapshot, scripts, dependencies, devDependencies });
  const statedOutDir = buildScript && typescript ? tsOutDir(snapshot.read('tsconfig.json')) : undefined;
  const outDir = buildScript ? (statedOutDir ?? 'dist') : undefined;
  if (buildScript && statedOutDir === undefined && !framework) {
    notes.push(NODE_MESSAGES.message(typescript ? 'note.node.out-dir.typescript' : 'note.node.out-dir.javascript'));
  }
  if (framework?.kind === 'static' && framework.guess) notes.push(framework.guess);
  if (typescript && !buildScript) notes.push(NODE_MESSAGES.message('note.node.ts-no-build'));
  return { typescript, buildScript, framework, outDir };
}

/** Which package provides a command: the member's own lockfile when it has one, else the root's. */
function binLookups({ root, snapshot, dependencies, devDependencies }: NodeProject, lockfile: string | undefined) {
  const binSnapshot = snapshot.files.includes('package-lock.json') ? snapshot : root;
  return {
    find: (command: string) => findBin(binSnapshot, command, { dependencies, devDependencies }, lockfile),
    resolve: (command: string) => resolveBin(binSnapshot, command, { dependencies, devDependencies }, lockfile),
  };
}

/** How the image serves the app, with a note when the start is a guess. */
function servingFacts(
  { snapshot, pkg, scripts, member, members }: NodeProject,
  { framework, outDir, typescript }: BuildFacts,
  resolveBinFor: StartInputs['resolveBin'],
  requested: string | undefined,
  notes: Message[],
): Serving {
  const exists = (path: string) => snapshot.files.includes(posix.normalize(path));
  const compiled = (path: string) => compiledPath(path, outDir, typescript);
  const served = withWorkspaceHint(
    () => withAdapterHint(snapshot, pkg, () => serving(framework, { scripts, main: pkg.main, requested, exists, compiled, resolveBin: resolveBinFor })),
    member,
    members,
  );
  const { start } = served;
  if (start.guessed) {
    notes.push(
      start.bin
        ? NODE_MESSAGES.message('note.node.bin-guess', { pkg: start.bin.pkg, path: start.bin.path })
        : NODE_MESSAGES.message('note.node.entry-guess', { file: start.args.at(-1)! }),
    );
  }
  return served;
}

/** A framework whose adapter makes no server says which adapter does, instead of "no entry point". */
function withAdapterHint<T>(snapshot: ProjectSnapshot, pkg: PackageJson, find: () => T): T {
  try {
    return find();
  } catch (error) {
    const kit = { ...pkg.dependencies, ...pkg.devDependencies }['@sveltejs/kit'] !== undefined;
    if (!(error instanceof NothingToRunError) || !kit) throw error;
    const configs = snapshot.files
      .filter((file) => /^(svelte|vite)\.config\.[cm]?[jt]s$/.test(file))
      .map((file) => ({ file, text: snapshot.read(file) ?? '' }));
    const hint = sveltekitAdapterHint(configs);
    throw hint === undefined ? error : new NothingToRunError(hint);
  }
}

/** Whether the app listens, and on which port: a static site's web server, the code's own, or the framework's default. */
function listeningFacts(snapshot: ProjectSnapshot, served: Serving, outDir: string | undefined, notes: Message[]) {
  const sources = sourcesFor(snapshot, served.start.args.at(-1) ?? '', outDir);
  const listener = sources.find(({ text }) => /\.listen\s*\(|createServer\s*\(|\bserve\s*\(\s*\{/.test(text));
  const codePort = firstPort(sources, PORT_PATTERNS);
  const loopback = loopbackBind(sources);
  if (loopback) notes.push(loopbackNote(loopback));
  if (served.kind === 'static') return { listens: true, port: { port: STATIC_PORT, file: `the static web server (${served.framework.name} site)` } };
  const listens = listener !== undefined || served.framework !== undefined;
  const frameworkPort = served.framework && { port: served.framework.defaultPort, file: `${served.framework.name}'s default` };
  return { listens, port: listens ? ((listener && codePort) ?? frameworkPort) : undefined };
}

/** Native addons: the known packages' system libraries, and a binding.gyp of the project's own. */
function nativeAddonFacts(snapshot: ProjectSnapshot, dependencies: Record<string, string>, notes: Message[]): NodeFacts['nativeAddons'] {
  const nativeAddons = Object.keys(dependencies).flatMap((name) => {
    const known = own(NATIVE_PACKAGES, name);
    return known ? [{ name, runtimePackages: known.runtime, buildPackages: known.build }] : [];
  });
  const gyp = snapshot.files.find((file) => posix.basename(file) === 'binding.gyp');
  if (gyp) {
    nativeAddons.push({ name: gyp, runtimePackages: [], buildPackages: ['python3-setuptools'] });
    notes.push(NODE_MESSAGES.message('note.node.gyp', { file: gyp }));
  }
  return nativeAddons;
}

/** A member's place in its workspace: npm ci checks the whole lockfile, so every member's manifest is needed before the install. */
function workspaceFacts(member: WorkspaceMember, members: readonly WorkspaceMember[]): NodeFacts['workspace'] {
  const uses = withWorkspaceDependencies(members, member);
  return {
    name: member.name,
    dir: member.dir,
    manifests: memberManifestFiles(members),
    uses: uses.map((item) => item.dir),
    builds: [...uses]
      .reverse()
      .filter((item) => item.build)
      .map((item) => item.name),
  };
}

/**
 * Folders the build writes, kept out of the context. Only with a build step is dist/ output; without
 * one it may be the very code that runs. Generated clients too: the build stage generates its own,
 * and a stale local one must not overwrite it.
 */
function buildOutputDirs({ snapshot, member }: NodeProject, { outDir, framework }: BuildFacts, prisma: PrismaFacts | undefined): string[] {
  const inMember = (dir: string) => (member ? `${member.dir}/${dir}` : dir);
  const built = outDir
    ? new Set([outDir, ...(framework?.outputs ?? []), ...['dist', 'build', 'out'].filter((dir) => snapshot.files.some((file) => file.startsWith(dir + '/')))])
    : [];
  return [...(prisma?.outputs ?? []).map((output) => inMember(output.path)), ...[...built].map(inMember)];
}

/** The port nginx listens on in the static-site image: unprivileged, as nginx-unprivileged's own. */
const STATIC_PORT = 8080;

type Serving =
  | { readonly kind: 'server'; readonly start: StartCommand; readonly framework?: FrameworkServer; readonly buildChecks: readonly string[] }
  | { readonly kind: 'static'; readonly start: StartCommand; readonly framework: FrameworkStatic; readonly buildChecks: readonly string[] };

/**
 * How the image serves the app: a framework's own production server (its start file, or its CLI
 * through the package's bin), a static site's files, or the start command scripts.start names.
 * --start wins over all of them for what node runs.
 */
function serving(framework: Framework | undefined, inputs: StartInputs): Serving {
  if (framework?.kind === 'static' && inputs.requested === undefined) {
    return {
      kind: 'static',
      start: { args: [], source: `${framework.name}: static files in ${framework.root}/` },
      framework,
      buildChecks: [`${framework.root}/index.html`],
    };
  }
  if (framework?.kind === 'server' && inputs.requested === undefined) {
    const [first, ...rest] = framework.start;
    if (first!.startsWith('bin:')) {
      const command = first!.slice(4);
      const bin = inputs.resolveBin(command);
      if (!bin) throw new UserError(ERRORS.message('error.detect.package-provides-command', { name: framework.name, command }));
      return {
        kind: 'server',
        framework,
        start: { args: [bin.path, ...rest], source: framework.startSource, guessed: bin.guessed, bin },
        buildChecks: [bin.path],
      };
    }
    return {
      kind: 'server',
      framework,
      start: { args: framework.start, source: framework.startSource },
      buildChecks: [builtPath(framework.start.at(-1)!, framework.copies)],
    };
  }
  const start = startCommand(inputs);
  return { kind: 'server', framework: framework?.kind === 'server' ? framework : undefined, start, buildChecks: start.bin ? [start.bin.path] : [] };
}

/** Where a file the runtime runs sits in the build stage, through the copies that put it there. */
function builtPath(file: string, copies: readonly { from: string; to: string }[]): string {
  for (const { from, to } of copies) {
    if (to === '.') return posix.join(from, file);
    if (file === to || file.startsWith(`${to}/`)) return posix.join(from, file.slice(to.length));
  }
  return file;
}

/**
 * Yarn 2+ defaults to Plug'n'Play, which has no node_modules to ship and needs node started with its
 * loader; only the node-modules linker is generated for now, so anything else is refused plainly.
 */
function checkBerryLinker(yarnrc: string): void {
  if (!/^\s*nodeLinker\s*:\s*["']?node-modules["']?\s*$/m.test(yarnrc)) {
    throw new UserError(ERRORS.message('error.detect.yarn-plug-n'));
  }
  if (/^\s*yarnPath\s*:/m.test(yarnrc)) throw new UserError(ERRORS.message('error.detect.yarnrc-yml-yarnpath'));
}

/** A workspace root usually has no entry of its own: say which members there are to choose from. */
function withWorkspaceHint<T>(find: () => T, member: WorkspaceMember | undefined, members: readonly WorkspaceMember[]): T {
  try {
    return find();
  } catch (error) {
    if (member || members.length === 0 || !(error instanceof UserError)) throw error;
    throw new UserError(ERRORS.message('error.detect.this-workspace-root', { value: members.map((item) => item.name).join(', ') }));
  }
}

export const isNodeProject = (snapshot: ProjectSnapshot) => snapshot.files.includes('package.json');

/** tsconfig.json's outDir, read leniently (it allows comments and trailing commas). */
function tsOutDir(text: string | undefined): string | undefined {
  const outDir = text && /"outDir"\s*:\s*"([^"]+)"/.exec(stripJsComments(text))?.[1];
  if (!outDir) return undefined;
  const folder = posix.normalize(outDir).replace(/^\.\/|\/$/g, '');
  // The runtime copies this folder out of the build stage: the project itself, or anything outside
  // it, would ship the build stage's dev dependencies and sources.
  if (folder === '' || folder === '.' || posix.isAbsolute(folder) || folder === '..' || folder.startsWith('../')) {
    throw new UserError(ERRORS.message('error.detect.tsconfig-json-outdir', { outDir: JSON.stringify(outDir) }));
  }
  return folder;
}

/** src/server.ts -> dist/server.js when a TypeScript build writes to dist. */
function compiledPath(path: string, outDir: string | undefined, typescript: boolean): string | undefined {
  if (!typescript || !outDir || !/\.(m|c)?ts$/.test(path)) return undefined;
  const relative = posix.normalize(path).replace(/^src\//, '');
  return posix.join(
    outDir,
    relative.replace(/\.(m|c)?ts$/, (ext) => ext.replace('ts', 'js')),
  );
}

/** The entry's own source (or its TypeScript original) first, then everything under src/. */
function sourcesFor(snapshot: ProjectSnapshot, start: string, outDir: string | undefined) {
  // `node ./bin/www`, `node server`: the file node loads, as node resolves it.
  const named = posix.normalize(start);
  const entry = ['', '.js', '.cjs', '.mjs', '/index.js'].map((suffix) => named + suffix).find((file) => snapshot.files.includes(file)) ?? named;
  const original = outDir && entry.startsWith(outDir + '/') ? entry.slice(outDir.length + 1).replace(/\.(m|c)?js$/, '.ts') : entry;
  const starts = [entry, original, `src/${original}`].filter((file) => snapshot.files.includes(file));
  const candidates = [...followImports(snapshot, starts), ...snapshot.files.filter((file) => file.startsWith('src/') && SOURCE.test(file))];
  return [...new Set(candidates)].filter((file) => snapshot.files.includes(file)).map((file) => ({ file, text: snapshot.read(file) ?? '' }));
}

/**
 * Whether an .npmrc holds what must never reach a layer: a token, a password or basic auth, a client
 * key or certificate, for any registry (`//registry.example/:_authToken=...`), or a `${VAR}` that
 * npm fills from the environment, which is meant to be a secret. Anything else is a setting.
 */
export function npmrcHoldsCredentials(text: string): boolean {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith(';'))
    .some((line) => /(?:^|:)(?:_authToken|_auth|_password|password|username|email|certfile|keyfile|cert|key)\s*=/i.test(line) || /\$\{[^}]+\}/.test(line));
}

/** Files a program reaches before the search stops: its own modules and config files, not a whole tree. */
const FILES_FOLLOWED = 64;
const RELATIVE_IMPORT = /(?:\brequire\s*\(\s*|\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
const RESOLVED = ['', '.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '.json', '/index.js', '/index.ts'];

/**
 * The entry, then the files it requires or imports by a relative path, transitively: the program's
 * port may sit in `./config.json` or an env module (`config/env.js`) that the server file reads.
 */
function followImports(snapshot: ProjectSnapshot, starts: readonly string[]): string[] {
  const order = [...new Set(starts)];
  for (let index = 0; index < order.length && order.length < FILES_FOLLOWED; index++) {
    const file = order[index]!;
    if (file.endsWith('.json')) continue;
    for (const match of stripJsComments(snapshot.read(file) ?? '').matchAll(RELATIVE_IMPORT)) {
      const base = posix.normalize(posix.join(posix.dirname(file), match[1]!));
      // TypeScript sources import './config.js' for the file config.ts.
      const stems = [base, base.replace(/\.(m|c)?js$/, '')];
      const found = stems.flatMap((stem) => RESOLVED.map((suffix) => stem + suffix)).find((candidate) => snapshot.files.includes(candidate));
      if (found && !order.includes(found)) order.push(found);
    }
  }
  return order;
}

/** `.listen(3000)`, `PORT || 3000`, `Number(process.env.PORT) || 3000`, `parseInt(process.env.PORT, 10) ?? 3000`, `port: 3000`. */
const PORT_PATTERNS = [
  /\.listen\s*\(\s*(\d{2,5})\b/,
  /PORT\b[^|?;\n]{0,16}(?:\|\||\?\?)\s*['"]?(\d{2,5})/,
  // An env schema's default: zod's `PORT: z.coerce.number().default(3000)`, envalid's `PORT: port({ default: 3000 })`.
  /\bPORT['"]?\s*:\s*[\w.]+\([^\n]*?\b(?:default\s*\(\s*|default\s*:\s*)['"]?(\d{2,5})\b/i,
  // `port: 3000`, and a JSON config's `"port": 7777`.
  /\bport['"]?\s*[:=]\s*['"]?(\d{2,5})\b/i,
];

/** `npm init` writes a test script that only fails; that one is no test suite. */
function nodeTests(scripts: Record<string, string>): TestsFound | undefined {
  const test = scripts.test;
  return typeof test === 'string' && test.trim() !== '' && !/no test specified/.test(test) ? { source: 'scripts.test' } : undefined;
}
