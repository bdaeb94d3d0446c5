import type { CLibrary } from './types.js';
import { own } from '../../core/own.js';
import { debianLibrary, pkgConfigPackage } from '../../core/debian/contents.js';

/** Libraries that come with libc itself: nothing to install, and static linking works. */
export const LIBC_PARTS = new Set(['c', 'm', 'pthread', 'dl', 'rt', 'util', 'resolv', 'crypt', 'iconv', 'intl']);

type Row = Omit<CLibrary, 'name'>;

/** Terminal descriptions curses reads at run time; debian:13-slim has them (ncurses-base), distroless not. */
const TERMINFO = ['/usr/share/terminfo'];

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
  ncurses: { devPackage: 'libncurses-dev', runtimePackage: 'libncursesw6', staticOk: false, runtimeData: TERMINFO },
  bz2: { devPackage: 'libbz2-dev', runtimePackage: 'libbz2-1.0', staticOk: true },
  bzip2: { devPackage: 'libbz2-dev', runtimePackage: 'libbz2-1.0', staticOk: true },
  lzma: { devPackage: 'liblzma-dev', runtimePackage: 'liblzma5', staticOk: true },
  zstd: { devPackage: 'libzstd-dev', runtimePackage: 'libzstd1', staticOk: true },
  lz4: { devPackage: 'liblz4-dev', runtimePackage: 'liblz4-1', staticOk: true },
  archive: { devPackage: 'libarchive-dev', runtimePackage: 'libarchive13t64', staticOk: false },
  curses: { devPackage: 'libncurses-dev', runtimePackage: 'libncursesw6', staticOk: false, runtimeData: TERMINFO },
  ncursesw: { devPackage: 'libncurses-dev', runtimePackage: 'libncursesw6', staticOk: false, runtimeData: TERMINFO },
  tinfo: { devPackage: 'libncurses-dev', runtimePackage: 'libncursesw6', staticOk: false, runtimeData: TERMINFO },
  readline: { devPackage: 'libreadline-dev', runtimePackage: 'libreadline8t64', staticOk: false, runtimeData: TERMINFO },
  event: { devPackage: 'libevent-dev', runtimePackage: 'libevent-2.1-7t64', staticOk: true },
  event_core: { devPackage: 'libevent-dev', runtimePackage: 'libevent-2.1-7t64', staticOk: true },
  event_extra: { devPackage: 'libevent-dev', runtimePackage: 'libevent-2.1-7t64', staticOk: true },
  event_pthreads: { devPackage: 'libevent-dev', runtimePackage: 'libevent-2.1-7t64', staticOk: true },
  ev: { devPackage: 'libev-dev', runtimePackage: 'libev4t64', staticOk: true },
  microhttpd: { devPackage: 'libmicrohttpd-dev', runtimePackage: 'libmicrohttpd12t64', staticOk: false },
  ssh: { devPackage: 'libssh-dev', runtimePackage: 'libssh-4', staticOk: false },
  pcap: { devPackage: 'libpcap-dev', runtimePackage: 'libpcap0.8t64', staticOk: false },
  zmq: { devPackage: 'libzmq3-dev', runtimePackage: 'libzmq5', staticOk: false },
  mosquitto: { devPackage: 'libmosquitto-dev', runtimePackage: 'libmosquitto1', staticOk: false },
  xml2: { devPackage: 'libxml2-dev', runtimePackage: 'libxml2', staticOk: false },
  'xml-2.0': { devPackage: 'libxml2-dev', runtimePackage: 'libxml2', staticOk: false },
  expat: { devPackage: 'libexpat1-dev', runtimePackage: 'libexpat1', staticOk: true },
  yaml: { devPackage: 'libyaml-dev', runtimePackage: 'libyaml-0-2', staticOk: true },
  'yaml-0.1': { devPackage: 'libyaml-dev', runtimePackage: 'libyaml-0-2', staticOk: true },
  'json-c': { devPackage: 'libjson-c-dev', runtimePackage: 'libjson-c5', staticOk: true },
  cjson: { devPackage: 'libcjson-dev', runtimePackage: 'libcjson1', staticOk: true },
  'protobuf-c': { devPackage: 'libprotobuf-c-dev', runtimePackage: 'libprotobuf-c1', staticOk: true },
  config: { devPackage: 'libconfig-dev', runtimePackage: 'libconfig11', staticOk: true },
  confuse: { devPackage: 'libconfuse-dev', runtimePackage: 'libconfuse2', staticOk: true },
  jpeg: { devPackage: 'libjpeg-dev', runtimePackage: 'libjpeg62-turbo', staticOk: true },
  turbojpeg: { devPackage: 'libturbojpeg0-dev', runtimePackage: 'libturbojpeg0', staticOk: true },
  sdl2: { devPackage: 'libsdl2-dev', runtimePackage: 'libsdl2-2.0-0', staticOk: false },
  pq: { devPackage: 'libpq-dev', runtimePackage: 'libpq5', staticOk: false },
  postgresql: { devPackage: 'libpq-dev', runtimePackage: 'libpq5', staticOk: false },
  mariadb: { devPackage: 'libmariadb-dev', runtimePackage: 'libmariadb3', staticOk: false },
  mysqlclient: { devPackage: 'libmariadb-dev', runtimePackage: 'libmariadb3', staticOk: false },
  hiredis: { devPackage: 'libhiredis-dev', runtimePackage: 'libhiredis1.1.0', staticOk: true },
  gmp: { devPackage: 'libgmp-dev', runtimePackage: 'libgmp10', staticOk: true },
  mpfr: { devPackage: 'libmpfr-dev', runtimePackage: 'libmpfr6', staticOk: true },
  gsl: { devPackage: 'libgsl-dev', runtimePackage: 'libgsl28', staticOk: true },
  gslcblas: { devPackage: 'libgsl-dev', runtimePackage: 'libgsl28', staticOk: true },
  sodium: { devPackage: 'libsodium-dev', runtimePackage: 'libsodium23', staticOk: true },
  ffi: { devPackage: 'libffi-dev', runtimePackage: 'libffi8', staticOk: true },
  uuid: { devPackage: 'uuid-dev', runtimePackage: 'libuuid1', staticOk: true },
  cap: { devPackage: 'libcap-dev', runtimePackage: 'libcap2', staticOk: true },
  seccomp: { devPackage: 'libseccomp-dev', runtimePackage: 'libseccomp2', staticOk: true },
  magic: { devPackage: 'libmagic-dev', runtimePackage: 'libmagic1t64', staticOk: false },
  'glib-2.0': { devPackage: 'libglib2.0-dev', runtimePackage: 'libglib2.0-0t64', staticOk: false },
  glib: { devPackage: 'libglib2.0-dev', runtimePackage: 'libglib2.0-0t64', staticOk: false },
  jemalloc: { devPackage: 'libjemalloc-dev', runtimePackage: 'libjemalloc2', staticOk: false },
  cmocka: { devPackage: 'libcmocka-dev', runtimePackage: 'libcmocka0', staticOk: true },
};

/**
 * The table first (its rows know which static archives link alone and what curses reads at run
 * time); then Debian's own Contents index, for the whole archive: a -l name by its libX.so and
 * libX.so.N, a pkg-config or CMake name by its .pc file. Those link dynamically: an archive alone
 * does not say what else it needs.
 */
export function lookupLibrary(name: string): CLibrary | undefined {
  const key = name.toLowerCase();
  const row = own(TABLE, key) ?? own(TABLE, key.replace(/^lib/, ''));
  if (row) return { name, ...row };
  const linked = debianLibrary(name.replace(/^lib/, '')) ?? debianLibrary(key.replace(/^lib/, ''));
  if (linked) return { name, devPackage: linked[0], runtimePackage: linked[1], staticOk: false };
  const devPackage = pkgConfigPackage(name) ?? pkgConfigPackage(key) ?? pkgConfigPackage(`lib${key}`);
  const runtime = devPackage && debianLibrary(key.replace(/^lib/, '').replace(/-[\d.]+$/, ''));
  return devPackage && runtime ? { name, devPackage, runtimePackage: runtime[1], staticOk: false } : undefined;
}
