/**
 * Packages that compile native code at install time, and the Debian runtime libraries their
 * binaries load. Packages that ship prebuilt binaries for linux-x64 from npm itself (sharp, bcrypt 6)
 * are absent: they need no toolchain.
 */
export const NATIVE_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  'better-sqlite3': [],
  sqlite3: [],
  bcrypt: [],
  argon2: [],
  'node-sass': [],
  canvas: ['libcairo2', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2'],
  zeromq: [],
  'cpu-features': [],
  'utf-8-validate': [],
  bufferutil: [],
};
