import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import { imageName } from '../../core/render/quote.js';
import type { ProjectSnapshot, TestsFound } from '../../core/types.js';
import type { NodeFacts } from './types.js';
import { readPackageJson } from './manifest.js';
import { NATIVE_PACKAGES } from './native.js';
import { firstPort } from '../../core/detect/ports.js';
import { packageManager } from './package-manager.js';
import { startCommand } from './start.js';
import { nodeVersion } from './version.js';
import type { DetectOptions } from '../../core/types.js';
import { findMember, scopedSnapshot, workspaceMembers, type WorkspaceMember } from './workspaces.js';
import { own } from '../../core/own.js';

const INSTALL_CONFIG_FILES = ['pnpm-workspace.yaml', '.yarnrc.yml', '.pnpmfile.cjs'];
const SOURCE = /\.(c|m)?(j|t)sx?$/;

export function detectNode(root: ProjectSnapshot, options: DetectOptions = {}): NodeFacts {
  const rootPkg = readPackageJson(root);
  const notes: string[] = [];
  const workspaces = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : (rootPkg.workspaces?.packages ?? []);
  const members = workspaceMembers(root, workspaces);
  const member = options.workspace === undefined ? undefined : findMember(members, options.workspace);
  // Everything about the app is read from the member's folder; the lockfile and manager stay the root's.
  const snapshot = member ? scopedSnapshot(root, member.dir) : root;
  const pkg = member ? readPackageJson(snapshot, `${member.dir}/package.json`) : rootPkg;
  const scripts = pkg.scripts ?? {};
  const dependencies = pkg.dependencies ?? {};
  const devDependencies = pkg.devDependencies ?? {};

  const version = nodeVersion(pkg.engines?.node ?? rootPkg.engines?.node, root.read('.nvmrc'), root.read('.node-version'));
  const manager = packageManager(root, rootPkg.packageManager);
  if (manager.name === 'yarn-berry') checkBerryLinker(root.read('.yarnrc.yml') ?? '');
  if (member && manager.name !== 'npm') throw new UserError(`--workspace with ${manager.name} is not supported yet; npm workspaces are`);
  if (!manager.lockfile) notes.push(`No lockfile: ${manager.name} resolves versions at build time, so builds are not reproducible. Commit a lockfile.`);

  const typescript = snapshot.files.includes('tsconfig.json') || 'typescript' in devDependencies || 'typescript' in dependencies;
  const buildScript = typeof scripts.build === 'string';
  const statedOutDir = buildScript && typescript ? tsOutDir(snapshot.read('tsconfig.json')) : undefined;
  const outDir = buildScript ? (statedOutDir ?? 'dist') : undefined;
  if (buildScript && statedOutDir === undefined) {
    notes.push(
      `The build's output folder is assumed to be dist/ (${typescript ? 'tsconfig.json names no outDir' : 'a JavaScript build names none'}); if it writes elsewhere, set compilerOptions.outDir in tsconfig.json.`,
    );
  }
  if (typescript && !buildScript) notes.push('TypeScript without a "build" script: the image runs the files as they are.');

  const exists = (path: string) => snapshot.files.includes(posix.normalize(path));
  const compiled = (path: string) => compiledPath(path, outDir, typescript);
  const start = withWorkspaceHint(() => startCommand(scripts, pkg.main, exists, compiled), member, members);
  // npm's own default is `node server.js`; any other file found by name is this tool's guess, and says so.
  if (scripts.start === undefined && start.source.startsWith('default entry') && start.source !== 'default entry server.js') {
    notes.push(
      `No scripts.start and no main: the image runs ${start.args.at(-1)!}, the first of the usual entry files found; make scripts.start \`node <file>\` to choose.`,
    );
  }
  // A start script this tool cannot run as node itself was passed over: say what runs instead.
  if (scripts.start !== undefined && !start.source.startsWith('scripts.start')) {
    notes.push(
      `scripts.start ${JSON.stringify(scripts.start)} is not \`node <file>\`, so the image runs ${start.args.at(-1)!} (from the ${start.source}) instead; if that is wrong, make scripts.start \`node <file>\`.`,
    );
  }

  const entry = start.args.at(-1)!;
  const sources = sourcesFor(snapshot, entry, outDir);
  const listener = sources.find(({ text }) => /\.listen\s*\(|createServer\s*\(|\bserve\s*\(\s*\{/.test(text));
  const port = firstPort(sources, PORT_PATTERNS);

  const nativeAddons = Object.keys(dependencies).flatMap((name) => {
    const runtimePackages = own(NATIVE_PACKAGES, name);
    return runtimePackages ? [{ name, runtimePackages }] : [];
  });
  const gyp = snapshot.files.find((file) => posix.basename(file) === 'binding.gyp');
  if (gyp) nativeAddons.push({ name: gyp, runtimePackages: [] });

  if (!member && (workspaces.length > 0 || root.files.includes('pnpm-workspace.yaml'))) {
    const listed = members.map((item) => item.name).join(', ') || workspaces.join(', ') || 'pnpm-workspace.yaml';
    notes.push(`This is a workspace root (${listed}); the image runs the root package. Use --workspace NAME for one member.`);
  }
  const rootExists = (path: string) => root.files.includes(path);

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
    installFiles: ['package.json', ...(manager.lockfile ? [manager.lockfile] : []), ...INSTALL_CONFIG_FILES.filter(rootExists)],
    productionDependencies: Object.keys(dependencies).length,
    buildScript,
    typescript,
    outDir,
    start: start.args,
    startSource: start.source,
    listens: listener !== undefined,
    port: listener ? port?.port : undefined,
    portSource: listener ? port?.file : undefined,
    nativeAddons,
    workspaces,
    // npm ci checks the whole lockfile, so every member's manifest is needed before the install.
    workspace: member && { name: member.name, dir: member.dir, manifests: members.map((item) => `${item.dir}/package.json`) },
    // Only with a build step is dist/ output; without one it may be the very code that runs.
    buildOutputDirs: outDir
      ? [...new Set([outDir, ...['dist', 'build', 'out'].filter((dir) => snapshot.files.some((file) => file.startsWith(dir + '/')))])].map((dir) =>
          member ? `${member.dir}/${dir}` : dir,
        )
      : [],
    notes,
  };
}

/**
 * Yarn 2+ defaults to Plug'n'Play, which has no node_modules to ship and needs node started with its
 * loader; only the node-modules linker is generated for now, so anything else is refused plainly.
 */
function checkBerryLinker(yarnrc: string): void {
  if (!/^\s*nodeLinker\s*:\s*["']?node-modules["']?\s*$/m.test(yarnrc)) {
    throw new UserError("Yarn Plug'n'Play is not supported yet: set `nodeLinker: node-modules` in .yarnrc.yml");
  }
  if (/^\s*yarnPath\s*:/m.test(yarnrc)) throw new UserError('.yarnrc.yml yarnPath is not supported yet: remove it and pin Yarn with the packageManager field');
}

/** A workspace root usually has no entry of its own: say which members there are to choose from. */
function withWorkspaceHint<T>(find: () => T, member: WorkspaceMember | undefined, members: readonly WorkspaceMember[]): T {
  try {
    return find();
  } catch (error) {
    if (member || members.length === 0 || !(error instanceof UserError)) throw error;
    throw new UserError(`this is a workspace root with no entry of its own; choose a member with --workspace (${members.map((item) => item.name).join(', ')})`);
  }
}

export const isNodeProject = (snapshot: ProjectSnapshot) => snapshot.files.includes('package.json');

/** tsconfig.json's outDir, read leniently (it allows comments and trailing commas). */
function tsOutDir(text: string | undefined): string | undefined {
  const outDir = text && /"outDir"\s*:\s*"([^"]+)"/.exec(text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))?.[1];
  if (!outDir) return undefined;
  const folder = posix.normalize(outDir).replace(/^\.\/|\/$/g, '');
  // The runtime copies this folder out of the build stage: the project itself, or anything outside
  // it, would ship the build stage's dev dependencies and sources.
  if (folder === '' || folder === '.' || posix.isAbsolute(folder) || folder === '..' || folder.startsWith('../')) {
    throw new UserError(`tsconfig.json outDir ${JSON.stringify(outDir)} is not a folder inside the project; the image copies the build output from it`);
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
function sourcesFor(snapshot: ProjectSnapshot, entry: string, outDir: string | undefined) {
  const original = outDir && entry.startsWith(outDir + '/') ? entry.slice(outDir.length + 1).replace(/\.(m|c)?js$/, '.ts') : entry;
  const candidates = [entry, original, `src/${original}`, ...snapshot.files.filter((file) => file.startsWith('src/') && SOURCE.test(file))];
  return [...new Set(candidates)].filter((file) => snapshot.files.includes(file)).map((file) => ({ file, text: snapshot.read(file) ?? '' }));
}

/** `.listen(3000)`, `PORT || 3000`, `port: 3000`. */
const PORT_PATTERNS = [/\.listen\s*\(\s*(\d{2,5})\b/, /PORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})/, /\bport\s*[:=]\s*['"]?(\d{2,5})\b/i];

/** `npm init` writes a test script that only fails; that one is no test suite. */
function nodeTests(scripts: Record<string, string>): TestsFound | undefined {
  const test = scripts.test;
  return typeof test === 'string' && test.trim() !== '' && !/no test specified/.test(test) ? { source: 'scripts.test' } : undefined;
}
