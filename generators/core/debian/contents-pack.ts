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
  const commands: Record<string, string> = {};
  const pkgConfig: Record<string, string> = {};
  const headerFiles = new Map<string, string>();
  const commandOwners = new Map<string, Set<string>>();
  const dev = new Map<string, string>();
  const runtime = new Map<string, string>();
  const archives = new Set<string>();
  for (const { path, packages } of entries) {
    const library = LIBRARY.exec(path);
    if (library) {
      const [, name, kind] = library as unknown as [string, string, string];
      if (kind === 'so') dev.set(name, choose(packages, `lib${name}`));
      else if (kind === 'a') archives.add(name);
      else if (!runtime.has(name)) runtime.set(name, choose(packages, `lib${name}`));
      continue;
    }
    const command = COMMAND.exec(path)?.[1];
    if (command !== undefined) {
      // /bin and /usr/bin, and one path listed twice (once per index), all count: one choice among them all.
      commandOwners.set(command, new Set([...(commandOwners.get(command) ?? []), ...packages]));
      continue;
    }
    const module = PKG_CONFIG.exec(path)?.[1];
    if (module !== undefined) {
      pkgConfig[module] = choose(packages, module);
      continue;
    }
    const header = HEADER.exec(path)?.[1];
    if (header !== undefined && !headerFiles.has(header)) headerFiles.set(header, choose(packages, header.replace(/\.\w+$/, '').replace(/.*\//, '')));
  }
  for (const [command, owners] of commandOwners) commands[command] = choose([...owners], command);
  const libraries: Record<string, readonly [string, string, boolean]> = {};
  for (const [name, devPackage] of dev) {
    // libevent.so links libevent-2.1.so.7: a runtime name with a version is the same library.
    const runtimePackage =
      runtime.get(name) ?? [...runtime].find(([other]) => other.startsWith(`${name}-`) && /^[\d.]+$/.test(other.slice(name.length + 1)))?.[1];
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
