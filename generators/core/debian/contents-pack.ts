/**
 * The shape of Debian's Contents index the C builder reads, reduced to three maps: a command, a
 * pkg-config module and a header, each to the package that ships it. Pure, so the packer script and
 * the tests share it.
 */
export interface ContentsEntry {
  /** `usr/include/zlib.h` */
  readonly path: string;
  /** Every package that ships the path, without its section. */
  readonly packages: readonly string[];
}

export interface PackedContents {
  /** `bison` → `bison`; `pkg-config` → `pkgconf`. */
  readonly commands: Record<string, string>;
  /** `libevent` → `libevent-dev`. */
  readonly pkgConfig: Record<string, string>;
  /** `zlib.h` → `zlib1g-dev`; `openssl/` → `libssl-dev` when every header under it is that package's. */
  readonly headers: Record<string, string>;
  /** A linker name (`-lpcre2-8`) → [the -dev package with libX.so, the runtime package with libX.so.N, whether a libX.a ships]. */
  readonly libraries: Record<string, readonly [dev: string, runtime: string, staticArchive: boolean]>;
}

const COMMAND = /^(?:usr\/)?s?bin\/([^/]+)$/;
const PKG_CONFIG = /^usr\/(?:lib\/x86_64-linux-gnu|lib|share)\/pkgconfig\/([^/]+)\.pc$/;
const LIBRARY = /^usr\/lib\/x86_64-linux-gnu\/lib([^/]+?)\.(so|a|so\.\d+)$/;
const HEADER = /^usr\/include\/(?:x86_64-linux-gnu\/)?(.+\.(?:h|hh|hpp|hxx))$/;

/**
 * One package of several that ship the same file: the one named like the file, then a -dev package
 * (headers and .pc files), then the plainest name (no `-guile`, `++` or `-dbg` variant): the shortest.
 */
export function choosePackage(packages: readonly string[], name: string): string {
  const plain = (candidate: string) => candidate.replace(/-dev$/, '');
  return [...packages].sort(
    (a, b) =>
      Number(plain(b) === name) - Number(plain(a) === name) ||
      Number(b.endsWith('-dev')) - Number(a.endsWith('-dev')) ||
      a.length - b.length ||
      a.localeCompare(b),
  )[0]!;
}

export function packContents(entries: readonly ContentsEntry[], choose: (packages: readonly string[], name: string) => string): PackedContents {
  // A path may be listed by both indexes, and a name by several paths (/bin and /usr/bin, libX.so.1
  // and libX.so.2): every owner of a key is gathered first, then one choice is made among them all.
  const gathered = { commands: new Map<string, Set<string>>(), pkgConfig: new Map<string, Set<string>>(), headers: new Map<string, Set<string>>() };
  const dev = new Map<string, Set<string>>();
  const runtime = new Map<string, Set<string>>();
  const archives = new Set<string>();
  const gather = (map: Map<string, Set<string>>, key: string, packages: readonly string[]) => map.set(key, new Set([...(map.get(key) ?? []), ...packages]));
  for (const { path, packages } of entries) {
    const library = LIBRARY.exec(path);
    if (library) {
      const [, name, kind] = library as unknown as [string, string, string];
      if (kind === 'so') gather(dev, name, packages);
      else if (kind === 'a') archives.add(name);
      else gather(runtime, name, packages);
      continue;
    }
    const command = COMMAND.exec(path)?.[1];
    const module = PKG_CONFIG.exec(path)?.[1];
    const header = HEADER.exec(path)?.[1];
    if (command !== undefined) gather(gathered.commands, command, packages);
    else if (module !== undefined) gather(gathered.pkgConfig, module, packages);
    else if (header !== undefined) gather(gathered.headers, header, packages);
  }
  const chosen = (map: Map<string, Set<string>>, nameOf: (key: string) => string) =>
    new Map([...map].map(([key, owners]) => [key, choose([...owners], nameOf(key))] as const));
  const commands = Object.fromEntries(chosen(gathered.commands, (command) => command));
  const pkgConfig = Object.fromEntries(chosen(gathered.pkgConfig, (module) => module));
  const headerFiles = chosen(gathered.headers, (header) => header.replace(/\.\w+$/, '').replace(/.*\//, ''));
  const devPackages = chosen(dev, (name) => `lib${name}`);
  const runtimePackages = chosen(runtime, (name) => `lib${name}`);
  const libraries: Record<string, readonly [string, string, boolean]> = {};
  for (const [name, devPackage] of devPackages) {
    // libevent.so links libevent-2.1.so.7: a runtime name with a version is the same library.
    const runtimePackage =
      runtimePackages.get(name) ?? [...runtimePackages].find(([other]) => other.startsWith(`${name}-`) && /^[\d.]+$/.test(other.slice(name.length + 1)))?.[1];
    if (runtimePackage !== undefined) libraries[name] = [devPackage, runtimePackage, archives.has(name)];
  }
  return { commands, pkgConfig, headers: compactHeaders(headerFiles), libraries };
}

/**
 * A folder's headers collapse to `folder/` when one package ships every header under it, at any
 * depth (`boost/asio/` when `boost/` is shared); a header in a shared folder is kept by its path.
 */
function compactHeaders(files: ReadonlyMap<string, string>): Record<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const [file, pkg] of files) for (const folder of folders(file)) owners.set(folder, (owners.get(folder) ?? new Set()).add(pkg));
  const headers: Record<string, string> = {};
  for (const [file, pkg] of files) {
    const single = folders(file).find((folder) => owners.get(folder)!.size === 1);
    headers[single ?? file] = pkg;
  }
  return headers;
}

/** `a/b/c.h` → `a/`, `a/b/`: outermost first. */
const folders = (file: string) =>
  file
    .split('/')
    .slice(0, -1)
    .map((_, index, parts) => `${parts.slice(0, index + 1).join('/')}/`);

/** The package that ships a header as `#include <name>` names it: the file itself, else the nearest folder packed whole. */
export function headerPackage(headers: Readonly<Record<string, string>>, include: string): string | undefined {
  for (const key of [include, ...folders(include).reverse()]) if (Object.hasOwn(headers, key)) return headers[key];
  return undefined;
}
