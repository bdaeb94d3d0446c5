import { buildObservations, deniedFolders, parseProcNet, runObservations } from '../../generators/verify/observations.js';
import { sayVerify } from '../../generators/verify/verify-report.js';
import { choosePackage, headerPackage, packContents } from '../../generators/core/debian/contents-pack.js';
import { commandPackage, debianLibrary, includePackage, pkgConfigPackage } from '../../generators/core/debian/contents.js';

describe("what verify reads from the container's /proc/net and output", () => {
  // As `cat /proc/net/tcp /proc/net/tcp6` prints them: 0.0.0.0:8081 and 127.0.0.1:6060 listening, one established, then [::]:9090.
  const procNet = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65532        0 1234 1 0000000000000000 100 0 0 10 0',
    '   1: 0100007F:17AC 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65532        0 1235 1 0000000000000000 100 0 0 10 0',
    '   2: 0100007F:1F91 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000 65532        0 1236 1 0000000000000000 20 4 30 10 -1',
    '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000000000000000000000000000:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 65532        0 1237 1 0000000000000000 100 0 0 10 0',
  ].join('\n');

  test('listening sockets, loopback ones marked', () => {
    expect(parseProcNet(procNet)).toEqual([
      { port: 6060, loopback: true },
      { port: 8081, loopback: false },
      { port: 9090, loopback: false },
    ]);
  });

  test('a port other than the planned one becomes --port; loopback-only gets advice, not a correction', () => {
    const observed = runObservations({
      listeners: parseProcNet(procNet),
      running: true,
      exitCode: 0,
      logs: '',
      plannedPort: 3000,
      workdir: '/app',
      writableSupported: true,
    });
    expect(observed[0]).toMatchObject({ correction: { kind: 'port', port: 8081 } });
    expect(sayVerify('en', observed[0]!.seen)).toMatch(/8081, 9090, not on 3000/);
    expect(sayVerify('en', observed[1]!.advice!)).toMatch(/0\.0\.0\.0/);
    // In French too: the ports and the advice as the catalog says them.
    expect(sayVerify('fr', observed[0]!.seen)).toBe('le processus écoute sur le port 8081, 9090, pas sur le 3000 prévu');
    expect(sayVerify('fr', observed[1]!.advice!)).toMatch(/^faites-le écouter sur 0\.0\.0\.0/);
    expect(
      runObservations({ listeners: parseProcNet(procNet), running: true, exitCode: 0, logs: '', plannedPort: 8081, workdir: '/app', writableSupported: true }),
    ).toHaveLength(1);
  });

  test("EACCES lines in Node's, Python's and Go's words name the folder to hand to the runtime user", () => {
    const logs = [
      "Error: EACCES: permission denied, open 'static/app.min.js'",
      "Error: EACCES: permission denied, mkdir '/app/uploads'",
      "PermissionError: [Errno 13] Permission denied: 'instance/app.db'",
      'open data/cache.json: permission denied',
      "Error: EACCES: permission denied, open '/etc/hosts'",
      "Error: EACCES: permission denied, mkdir '/etc/todos'",
    ].join('\n');
    // /etc itself never: only the folder the app wanted, /etc/todos.
    expect(deniedFolders(logs, '/app')).toEqual(['/etc/todos', 'data', 'instance', 'static', 'uploads']);
    expect(deniedFolders("EACCES: permission denied, open 'db.sqlite'", '/app')).toEqual(['.']);
  });

  test("a build's missing header, pkg-config module and command, each to the Debian package that ships it", () => {
    const log = [
      'tty.c:31:10: fatal error: curses.h: No such file or directory',
      "configure: error: Package requirements (libevent_core >= 2) were not met:\nNo package 'libevent_core' found",
      'make[1]: yacc: No such file or directory',
      '/bin/sh: 1: gperf: not found',
    ].join('\n');
    expect(buildObservations(log).map((observation) => observation.correction)).toEqual([
      { kind: 'build-package', package: 'libncurses-dev' },
      { kind: 'build-package', package: 'libevent-dev' },
      { kind: 'build-package', package: 'gperf' },
      { kind: 'build-package', package: 'bison' },
    ]);
    expect(buildObservations('      Error: pg_config executable not found.')[0]).toMatchObject({ correction: { package: 'libpq-dev' } });
    expect(buildObservations('configure: error: "yacc not found"')[0]).toMatchObject({ correction: { package: 'bison' } });
    expect(buildObservations('configure: error: cannot find required curses/ncurses library')[0]).toMatchObject({ correction: { package: 'libncurses-dev' } });
    expect(sayVerify('en', buildObservations("No package 'libpcre' found")[0]!.advice!)).toMatch(/no Debian 13 package ships libpcre\.pc/);
  });
});

describe("Debian's Contents index, packed", () => {
  test('a path listed twice, by different packages, is chosen among all its owners, not by the last line read', () => {
    const packed = packContents(
      [
        { path: 'usr/include/x86_64-linux-gnu/sys/auxv.h', packages: ['libc6-dev-i386'] },
        { path: 'usr/include/sys/auxv.h', packages: ['libc6-dev'] },
        { path: 'usr/lib/x86_64-linux-gnu/libkrb5.so', packages: ['libkrb5-dev'] },
        { path: 'usr/lib/x86_64-linux-gnu/libkrb5.so.26', packages: ['libkrb5-26t64-heimdal'] },
        { path: 'usr/lib/x86_64-linux-gnu/libkrb5.so.3', packages: ['libkrb5-3'] },
      ],
      choosePackage,
    );
    expect(packed.headers).toEqual({ 'sys/': 'libc6-dev' });
    expect(packed.libraries).toEqual({ krb5: ['libkrb5-dev', 'libkrb5-3', false] });
  });

  test('the plainest of several packages, a -dev one for headers', () => {
    expect(choosePackage(['make-guile', 'make'], 'make')).toBe('make');
    expect(choosePackage(['libfoo1', 'libfoo-dev'], 'foo')).toBe('libfoo-dev');
  });

  test('a folder one package owns whole collapses to one key; a shared one keeps its files', () => {
    const packed = packContents(
      [
        { path: 'usr/include/openssl/ssl.h', packages: ['libssl-dev'] },
        { path: 'usr/include/openssl/evp.h', packages: ['libssl-dev'] },
        { path: 'usr/include/linux/a.h', packages: ['linux-libc-dev'] },
        { path: 'usr/include/linux/b.h', packages: ['libb-dev'] },
        { path: 'usr/bin/bison', packages: ['bison'] },
        { path: 'usr/lib/x86_64-linux-gnu/pkgconfig/libedit.pc', packages: ['libedit-dev'] },
        { path: 'usr/lib/x86_64-linux-gnu/libedit.so', packages: ['libedit-dev'] },
        { path: 'usr/lib/x86_64-linux-gnu/libedit.so.2', packages: ['libedit2'] },
      ],
      choosePackage,
    );
    expect(packed.headers).toEqual({ 'openssl/': 'libssl-dev', 'linux/a.h': 'linux-libc-dev', 'linux/b.h': 'libb-dev' });
    expect(headerPackage(packed.headers, 'openssl/x509.h')).toBe('libssl-dev');
    expect(packed).toMatchObject({
      commands: { bison: 'bison' },
      pkgConfig: { libedit: 'libedit-dev' },
      libraries: { edit: ['libedit-dev', 'libedit2', false] },
    });
  });

  test('the shipped data answers for the whole archive', () => {
    expect(includePackage('mariadb/mysql.h')).toBe('libmariadb-dev');
    expect(includePackage('sodium.h')).toBe('libsodium-dev');
    expect(pkgConfigPackage('gtk4')).toBe('libgtk-4-dev');
    expect(commandPackage('protoc')).toBe('protobuf-compiler');
    expect(commandPackage('yacc')).toBe('bison');
    // Listed by two packages in two places (the i386 multilib copy first): one choice among every owner.
    expect(includePackage('sys/auxv.h')).toBe('libc6-dev');
    expect(debianLibrary('krb5')).toEqual(['libkrb5-dev', 'libkrb5-3', false]);
  });
});
