import type { Message } from '../../core/explain/messages.js';
import { GO_MESSAGES } from './messages.js';
import { posix } from 'node:path';
import { loopbackBind, loopbackNote } from '../../core/detect/loopback.js';
import { UserError } from '../../core/errors.js';
import { imageName } from '../../core/render/quote.js';
import type { ProjectSnapshot, TestsFound } from '../../core/types.js';
import type { GoFacts, GoMain } from './types.js';
import { cgoModules } from './cgo-modules.js';
import { dataPathsNote } from '../../core/detect/data-paths.js';
import { goDataPaths } from './data-paths.js';
import { portFromConfig } from '../../core/detect/config-port.js';
import { minorLine, newerLine, parseGoMod, type GoMod } from './go-mod.js';
import { GO_LINES_AS_OF, oldestSupportedGo } from './policy.js';
import { parseGoWork, type GoWork } from './go-work.js';
import { hasMainFunc, imports, isStdlib, listens, packageName, portByName, portFromFlagsOrFramework, portLiteral } from './go-source.js';
import { ERRORS } from '../../core/explain/error-messages.js';

/** Newest Go line we know to be released; used only when the project names none. */
export const DEFAULT_GO_VERSION = '1.26';

const BUILD_OUTPUT_DIRS = ['bin', 'dist', 'build', 'out', 'tmp'];

export const isGoProject = (snapshot: ProjectSnapshot) => snapshot.files.some((file) => file === 'go.mod' || isGoSource(file));

const isGoSource = (file: string) =>
  file.endsWith('.go') &&
  !file.endsWith('_test.go') &&
  !file.split('/').some((part) => part === 'testdata' || part.startsWith('_') || (part.startsWith('.') && part !== '.'));

export function detectGo(snapshot: ProjectSnapshot): GoFacts {
  const notes: Message[] = [];
  const workText = snapshot.read('go.work');
  const work = workText === undefined ? undefined : workspaceOf(snapshot, parseGoWork(workText));
  const goModText = snapshot.read('go.mod');
  const goMod = work?.goMod ?? (goModText === undefined ? undefined : parseGoMod(goModText));

  const sources = snapshot.files.filter(isGoSource).map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  if (sources.length === 0) throw new UserError(ERRORS.message('error.detect.go-source-files'));

  const mainDirs = new Set<string>();
  for (const { file, text } of sources) {
    if (packageName(text) === 'main' && hasMainFunc(text) && (!work || work.contains(file))) mainDirs.add(posix.dirname(file));
  }
  const mains = [...mainDirs].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)));
  if (mains.length === 0) throw new UserError(ERRORS.message('error.detect.main-package-found'));
  const loopback = loopbackBind(sources);
  if (loopback) notes.push(loopbackNote(loopback));

  const allImports = sources.flatMap(({ text }) => imports(text));
  const vendorList = snapshot.pruned.includes('vendor') ? snapshot.read('vendor/modules.txt') : undefined;
  // A vendor/ written before Go 1.14 has no `## explicit` lines, and the patched lines check it against
  // go.mod (older ones did not): such a tree is often stale, so the modules come from the proxy instead.
  const staleVendor = vendorList !== undefined && goMod !== undefined && goMod.hasRequires && !/^## explicit/m.test(vendorList);
  if (staleVendor) notes.push(GO_MESSAGES.message('note.go.vendor-unchecked'));
  const vendored = vendorList !== undefined && !staleVendor;
  const modules = [...(goMod?.requires ?? []), ...(vendored ? vendoredModules(snapshot.read('vendor/modules.txt')!) : [])];
  const withCgo = cgoModules([...new Set(modules)]);
  for (const found of withCgo)
    notes.push(
      found.runtimePackages.length
        ? GO_MESSAGES.message('note.go.cgo-libraries', { module: found.module, packages: found.runtimePackages.join(', ') })
        : GO_MESSAGES.message('note.go.cgo', { module: found.module }),
    );
  const cgo = allImports.includes('C') || withCgo.length > 0;
  if (!goMod) {
    const external = allImports.filter((path) => path !== 'C' && !isStdlib(path));
    if (external.length > 0) {
      throw new UserError(ERRORS.message('error.detect.go-mod-yet', { value: String(external[0]) }));
    }
    notes.push(GO_MESSAGES.message('note.go.no-go-mod'));
  }

  if (vendored) notes.push(GO_MESSAGES.message('note.go.vendor'));
  if (work) notes.push(GO_MESSAGES.message('note.go.work', { count: work.uses.length, modules: work.uses.join(', ') }));

  let goVersion = DEFAULT_GO_VERSION;
  let goVersionSource: GoFacts['goVersionSource'] = 'default';
  if (goMod?.go) {
    goVersion = minorLine(goMod.go);
    goVersionSource = 'go.mod';
    if (goMod.toolchain && newerLine(goVersion, minorLine(goMod.toolchain)) !== goVersion) {
      goVersion = minorLine(goMod.toolchain);
      goVersionSource = 'toolchain';
    }
    // go.mod's go line is a minimum: a line Go no longer patches builds with the oldest one it does.
    const supported = oldestSupportedGo(goVersion);
    if (supported !== goVersion) {
      notes.push(GO_MESSAGES.message('note.go.unsupported-line', { line: goVersion, supported, asOf: GO_LINES_AS_OF }));
      goVersion = supported;
    }
  }

  const data = goDataPaths(snapshot, sources);
  if (data.length > 0) notes.push(dataPathsNote(data));
  const mainInfo = mains.map((dir) => describeMain(dir, programFiles(dir, sources, goMod?.module)));
  // A server whose code names no port may take it from a config file it loads at run time.
  const config = mainInfo.some((main) => main.listens && main.port === undefined) ? portFromConfig(snapshot, data) : undefined;
  if (config) {
    for (const [index, main] of mainInfo.entries())
      if (main.listens && main.port === undefined) mainInfo[index] = { ...main, port: config.port, portSource: config.source };
    notes.push(GO_MESSAGES.message(config.guess ? 'note.go.config-port-guess' : 'note.go.config-port', { port: config.port, source: config.source }));
  }
  const tlsCapable = allImports.some((path) => ['net/http', 'crypto/tls', 'net/smtp'].includes(path) || !isStdlib(path));
  const loadsZones = sources.some(({ text }) => /\btime\.LoadLocation\s*\(|\bTZ\b/.test(text)) && !allImports.includes('time/tzdata');

  return {
    language: 'go',
    projectName: imageName((work ? '' : posix.basename(goMod?.module ?? '')) || posix.basename(snapshot.root)),
    modulePath: goMod?.module,
    goVersion,
    goVersionSource,
    hasGoMod: goMod !== undefined,
    hasGoSum: work ? work.manifests.some((file) => file.endsWith('.sum')) : snapshot.files.includes('go.sum'),
    hasRequires: goMod?.hasRequires ?? false,
    vendored,
    mains: mainInfo,
    cgo,
    cgoModules: withCgo,
    dataPaths: data,
    needsCaCerts: tlsCapable,
    needsZoneinfo: loadsZones,
    ...(work ? { workspace: { uses: work.uses, manifests: work.manifests } } : {}),
    tests: goTests(snapshot),
    buildOutputDirs: BUILD_OUTPUT_DIRS.filter(
      (dir) => snapshot.files.some((file) => file.startsWith(dir + '/')) && !sources.some(({ file }) => file.startsWith(dir + '/')),
    ),
    notes,
  };
}

/**
 * A go.work workspace read as one project: the Go line of go.work, every used module's requirements,
 * and the go.work, go.work.sum, go.mod and go.sum files the download step copies.
 */
function workspaceOf(snapshot: ProjectSnapshot, work: GoWork) {
  const modules = work.uses.map((dir) => {
    const file = posix.join(dir, 'go.mod');
    const text = snapshot.read(file);
    if (text === undefined) throw new UserError(ERRORS.message('error.detect.go-work-uses', { dir }));
    return { dir, goMod: parseGoMod(text) };
  });
  const manifests = [
    'go.work',
    ...(snapshot.files.includes('go.work.sum') ? ['go.work.sum'] : []),
    ...work.uses.flatMap((dir) => [posix.join(dir, 'go.mod'), ...(snapshot.files.includes(posix.join(dir, 'go.sum')) ? [posix.join(dir, 'go.sum')] : [])]),
  ];
  const local = new Set(modules.map((module) => module.goMod.module));
  const goMod: GoMod = {
    module: modules[0]!.goMod.module,
    go: work.go ?? modules.map((module) => module.goMod.go).find(Boolean),
    hasRequires: modules.some((module) => module.goMod.requires.some((path) => !local.has(path))),
    requires: [...new Set(modules.flatMap((module) => module.goMod.requires))].filter((path) => !local.has(path)),
  };
  const contains = (file: string) => work.uses.some((dir) => dir === '.' || file.startsWith(`${dir}/`));
  return { uses: work.uses, manifests, goMod, contains };
}

/** The modules vendor/modules.txt lists (`# path version` lines). */
const vendoredModules = (text: string) => [...text.matchAll(/^# (\S+) v\S+/gm)].map((match) => match[1]!);

/** `go test ./...` has something to run when the module has test files outside testdata. */
function goTests(snapshot: ProjectSnapshot): TestsFound | undefined {
  const count = snapshot.files.filter((file) => file.endsWith('_test.go') && !file.split('/').includes('testdata')).length;
  return count === 0 ? undefined : { source: `${count} *_test.go file${count === 1 ? '' : 's'}` };
}

/** Packages of its own a program may import before the search stops: enough for any service's layout. */
const PACKAGES_FOLLOWED = 64;

/**
 * A main package's files, then those of the module's own packages it imports, transitively (the
 * server in internal/server, its defaults in internal/config): the program, not one folder of it.
 * Another main package is never reached, as Go cannot import one.
 */
export function programFiles(dir: string, sources: readonly { file: string; text: string }[], module: string | undefined): { file: string; text: string }[] {
  const byDir = new Map<string, { file: string; text: string }[]>();
  for (const source of sources) byDir.set(posix.dirname(source.file), [...(byDir.get(posix.dirname(source.file)) ?? []), source]);
  const order = [dir];
  for (let index = 0; index < order.length && order.length < PACKAGES_FOLLOWED; index++) {
    if (module === undefined) break;
    for (const path of (byDir.get(order[index]!) ?? []).flatMap(({ text }) => imports(text))) {
      if (!path.startsWith(`${module}/`)) continue;
      const imported = path.slice(module.length + 1);
      if (byDir.has(imported) && !order.includes(imported)) order.push(imported);
    }
  }
  return order.flatMap((folder) => byDir.get(folder) ?? []);
}

/** A main package's listener and port, read from the program's own files: another main's port is no hint. */
function describeMain(dir: string, own: readonly { file: string; text: string }[]): GoMain {
  if (!own.some(({ text }) => listens(text))) return { dir, listens: false };
  // Literals near a listen call, then a flag's default or the framework's, then named constants and config defaults, then any literal.
  // The main package's own files and those that listen come first: a literal there is the listener's.
  const near = own.filter(({ file, text }) => posix.dirname(file) === dir || listens(text));
  const literal = (tier: number, files = own) => {
    for (const { file, text } of files) {
      const port = portLiteral(text, tier);
      if (port !== undefined) return { dir, listens: true, port, portSource: file };
    }
    return undefined;
  };
  const flag = () => {
    for (const { file, text } of own) {
      const found = portFromFlagsOrFramework(text);
      if (found) return { dir, listens: true, port: found.port, portSource: `${file} (${found.how})` };
    }
    return undefined;
  };
  const named = () => {
    const found = portByName(
      own.filter(({ text }) => listens(text)).map(({ text }) => text),
      own,
    );
    return found && { dir, listens: true, port: found.port, portSource: `${found.file} (${found.name}, passed to the listen call)` };
  };
  const mainFiles = own.filter(({ file }) => posix.dirname(file) === dir);
  const found = literal(0, mainFiles) ?? named() ?? literal(0, near) ?? flag() ?? literal(1) ?? literal(0);
  if (found) return found;
  return { dir, listens: true };
}
