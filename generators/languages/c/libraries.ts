import type { CLibrary } from './types.js';
import { own } from '../../core/own.js';

/** Libraries that come with libc itself: nothing to install, and static linking works. */
export const LIBC_PARTS = new Set(['c', 'm', 'pthread', 'dl', 'rt', 'util', 'resolv', 'crypt']);

type Row = Omit<CLibrary, 'name'>;

/**
 * Linked names (-lz, pkg-config zlib, CMake ZLIB) mapped to Debian 13 packages. staticOk means the
 * -dev package's .a links with no further libraries; libcurl, for one, would drag in a dozen.
 */
const TABLE: Record<string, Row> = {
  z: { devPackage: 'zlib1g-dev', runtimePackage: 'zlib1g', staticOk: true },
  zlib: { devPackage: 'zlib1g-dev', runtimePackage: 'zlib1g', staticOk: true },
  curl: { devPackage: 'libcurl4-openssl-dev', runtimePackage: 'libcurl4t64', staticOk: false },
  libcurl: { devPackage: 'libcurl4-openssl-dev', runtimePackage: 'libcurl4t64', staticOk: false },
  ssl: { devPackage: 'libssl-dev', runtimePackage: 'libssl3t64', staticOk: false },
  crypto: { devPackage: 'libssl-dev', runtimePackage: 'libssl3t64', staticOk: false },
  openssl: { devPackage: 'libssl-dev', runtimePackage: 'libssl3t64', staticOk: false },
  sqlite3: { devPackage: 'libsqlite3-dev', runtimePackage: 'libsqlite3-0', staticOk: true },
  uv: { devPackage: 'libuv1-dev', runtimePackage: 'libuv1t64', staticOk: true },
  libuv: { devPackage: 'libuv1-dev', runtimePackage: 'libuv1t64', staticOk: true },
  pcre2: { devPackage: 'libpcre2-dev', runtimePackage: 'libpcre2-8-0', staticOk: true },
  'pcre2-8': { devPackage: 'libpcre2-dev', runtimePackage: 'libpcre2-8-0', staticOk: true },
  png: { devPackage: 'libpng-dev', runtimePackage: 'libpng16-16t64', staticOk: false },
  libpng: { devPackage: 'libpng-dev', runtimePackage: 'libpng16-16t64', staticOk: false },
  jansson: { devPackage: 'libjansson-dev', runtimePackage: 'libjansson4', staticOk: true },
  ncurses: { devPackage: 'libncurses-dev', runtimePackage: 'libncursesw6', staticOk: false },
};

export function lookupLibrary(name: string): CLibrary | undefined {
  const key = name.toLowerCase();
  const row = own(TABLE, key) ?? own(TABLE, key.replace(/^lib/, ''));
  return row && { name, ...row };
}
