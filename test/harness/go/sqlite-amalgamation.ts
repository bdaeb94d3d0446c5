import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The node-sqlite3 release whose package bundles SQLite's amalgamation (sqlite-autoconf-3440200). */
const NODE_SQLITE3 = 'sqlite3@5.1.7';

/**
 * Debian repacks go-sqlite3 without the SQLite amalgamation upstream bundles, and makes it link the
 * system libsqlite3 instead. Upstream's module compiles SQLite itself (that is why a program that
 * uses it needs only gcc and glibc), so the tests' proxy puts it back as upstream lays it out:
 * sqlite3-binding.c/.h holding the amalgamation unless USE_LIBSQLITE3, and sqlite3_libsqlite3.go
 * behind the libsqlite3 build tag. The amalgamation comes from the sqlite3 npm package, reachable here.
 */
export async function upstreamGoSqlite3(debianFiles: (name: string) => Buffer): Promise<Record<string, Buffer>> {
  const dir = join(tmpdir(), 'cdf-sqlite-amalgamation-3440200');
  if (!existsSync(join(dir, 'sqlite3.c'))) {
    mkdirSync(dir, { recursive: true });
    await execa('npm', ['pack', NODE_SQLITE3, '--silent'], { cwd: dir });
    const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))!;
    await execa('tar', ['-xzf', tarball, '--strip-components=2', 'package/deps/sqlite-autoconf-3440200.tar.gz'], { cwd: dir });
    await execa(
      'tar',
      ['-xzf', 'sqlite-autoconf-3440200.tar.gz', '--strip-components=1', 'sqlite-autoconf-3440200/sqlite3.c', 'sqlite-autoconf-3440200/sqlite3.h'],
      {
        cwd: dir,
      },
    );
  }
  const guard = (body: Buffer, otherwise: string) =>
    Buffer.concat([Buffer.from('#ifndef USE_LIBSQLITE3\n'), body, Buffer.from(`\n#else // USE_LIBSQLITE3\n${otherwise}#endif\n`)]);
  return {
    'sqlite3-binding.c': guard(
      readFileSync(join(dir, 'sqlite3.c')),
      '// If users really want to link against the system sqlite3 we\n// need to make this file a noop.\n',
    ),
    'sqlite3-binding.h': guard(readFileSync(join(dir, 'sqlite3.h')), '#include <sqlite3.h>\n'),
    'sqlite3_libsqlite3.go': Buffer.concat([Buffer.from('//go:build libsqlite3\n// +build libsqlite3\n\n'), debianFiles('sqlite3_libsqlite3.go')]),
  };
}
