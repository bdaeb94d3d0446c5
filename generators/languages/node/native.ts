/**
 * Packages that compile native code at install time: the Debian -dev packages the compile needs in
 * the builder (beyond the full node image's build-essential and python3), and the runtime libraries
 * their binaries load. Packages that ship prebuilt binaries for linux-x64 from npm itself (sharp,
 * bcrypt 6) are absent: they need no toolchain.
 */
export interface NativePackage {
  readonly build: readonly string[];
  readonly runtime: readonly string[];
}

/** node-gyp before v10 imports distutils, which Python 3.12 dropped; setuptools puts it back. */
const GYP = ['python3-setuptools'];

export const NATIVE_PACKAGES: Readonly<Record<string, NativePackage>> = {
  'better-sqlite3': { build: GYP, runtime: [] },
  sqlite3: { build: GYP, runtime: [] },
  bcrypt: { build: GYP, runtime: [] },
  argon2: { build: GYP, runtime: [] },
  'node-sass': { build: GYP, runtime: [] },
  canvas: {
    build: [...GYP, 'libcairo2-dev', 'libpango1.0-dev', 'libjpeg-dev', 'libgif-dev', 'librsvg2-dev'],
    runtime: ['libcairo2', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2'],
  },
  zeromq: { build: GYP, runtime: [] },
  'cpu-features': { build: GYP, runtime: [] },
  'utf-8-validate': { build: GYP, runtime: [] },
  bufferutil: { build: GYP, runtime: [] },
};
