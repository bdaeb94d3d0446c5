/**
 * Modules whose packages are cgo: a program that links one needs CGO_ENABLED=1, gcc in the
 * builder and glibc at run time, even with no `import "C"` of its own (go-sqlite3 through gorm's
 * sqlite driver is the usual case). Some also compile against a system library, whose -dev
 * package the builder installs and whose runtime package the image then needs (so it is slim).
 * Pure-Go alternatives (modernc.org/sqlite, glebarez/sqlite) are not listed: they need no cgo.
 */
export interface CgoModule {
  readonly module: string;
  readonly builderPackages: readonly string[];
  readonly runtimePackages: readonly string[];
}

const SELF_CONTAINED = [
  // Each bundles its C sources (the sqlite amalgamation, librdkafka, zstd): gcc is enough.
  'github.com/mattn/go-sqlite3',
  'github.com/confluentinc/confluent-kafka-go',
  'github.com/confluentinc/confluent-kafka-go/v2',
  'github.com/DataDog/zstd',
  'github.com/valyala/gozstd',
];

const WITH_LIBRARIES: Readonly<Record<string, { readonly builder: readonly string[]; readonly runtime: readonly string[] }>> = {
  'gopkg.in/gographics/imagick.v3': { builder: ['libmagickwand-7-dev'], runtime: ['libmagickwand-7.q16-10'] },
  'gopkg.in/gographics/imagick.v2': { builder: ['libmagickwand-6.q16-dev'], runtime: ['libmagickwand-6.q16-7t64'] },
  'github.com/h2non/bimg': { builder: ['libvips-dev'], runtime: ['libvips42t64'] },
  'github.com/davidbyttow/govips/v2': { builder: ['libvips-dev'], runtime: ['libvips42t64'] },
  'github.com/linxGnu/grocksdb': { builder: ['librocksdb-dev'], runtime: ['librocksdb9.10'] },
  'github.com/google/gopacket': { builder: ['libpcap-dev'], runtime: ['libpcap0.8t64'] },
};

/** The cgo modules among a module list (go.mod's requires, vendor/modules.txt). */
export function cgoModules(modules: readonly string[]): CgoModule[] {
  return modules.flatMap((module): CgoModule[] => {
    if (SELF_CONTAINED.includes(module)) return [{ module, builderPackages: [], runtimePackages: [] }];
    const libraries = WITH_LIBRARIES[module];
    return libraries ? [{ module, builderPackages: libraries.builder, runtimePackages: libraries.runtime }] : [];
  });
}
