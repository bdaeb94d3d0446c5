import { describe, expect, test } from '@jest/globals';
import { portFromConfig } from '../../generators/core/detect/config-port.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const from = (files: Record<string, string>, paths = Object.keys(files)) =>
  portFromConfig(
    memorySnapshot('/src/app', files),
    paths.map((path) => ({ path, source: 'main.go' })),
  );

describe('a port read from the config file a server loads', () => {
  test.each([
    [
      'conf/app.ini',
      '[app]\nPrefixUrl = http://127.0.0.1:8000\n\n[server]\nRunMode = debug\nHttpPort = 8001\n\n[database]\nHost = 127.0.0.1:3306\n',
      8001,
      '[server] HttpPort',
    ],
    ['config.yml', 'server:\n  host: 0.0.0.0\n  port: 9090\ndatabase:\n  port: 5432\n', 9090, '[server] port'],
    ['config.yaml', 'database:\n  port: 5432\nhttp:\n  addr: ":7000" # the public listener\n', 7000, '[http] addr'],
    ['application.yml', 'server.port: 8443\nspring.datasource.url: jdbc:postgresql://db:5432/x\n', 8443, '[server] port'],
    ['settings.toml', 'title = "x"\n[web]\nlisten = "0.0.0.0:8088"\n[redis]\naddr = "redis:6379"\n', 8088, '[web] listen'],
    ['config.json', '{"db": {"port": 5432}, "server": {"port": 4000}}', 4000, '[server] port'],
    ['app.ini', 'DB_PORT = 5432\nREDIS_PORT = 6379\nHTTP_PORT = 3001\n', 3001, 'HTTP_PORT'],
  ])('%s', (file, text, port, key) => {
    expect(from({ [file]: text })).toEqual({ port, source: `${file} (${key})`, guess: false });
  });

  test('only the ports of other services (a database, a cache, metrics): none', () => {
    expect(from({ 'config.yml': 'database:\n  port: 5432\nredis:\n  port: 6379\nmetrics:\n  port: 9100\n' })).toBeUndefined();
  });

  test('two listening ports: the server section wins, and it is said to be a guess', () => {
    expect(from({ 'config.yml': 'port: 3000\nserver:\n  port: 8080\n' })).toEqual({ port: 8080, source: 'config.yml ([server] port)', guess: true });
  });

  test('files the program does not open are not read, nor example configs in a folder it opens', () => {
    const snapshot = { 'config/example.yml': 'port: 1234\n', 'other.yml': 'port: 4321\n' };
    expect(from(snapshot, ['config'])).toBeUndefined();
  });

  test('a Go server that names no port takes the config file it loads, with a note naming the file and --port', () => {
    const facts = PIPELINE.detect(
      memorySnapshot('/src/svc', {
        'go.mod': 'module example.com/svc\n\ngo 1.24\n',
        'main.go':
          'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tdata, _ := os.ReadFile("conf/app.ini")\n\t_ = data\n\tport := 0\n\thttp.ListenAndServe(fmt.Sprintf(":%d", port), nil)\n}\n',
        'conf/app.ini': '[server]\nHttpPort = 8000\n[database]\nPort = 3306\n',
      }),
    );
    const plan = PIPELINE.plan(facts, {});
    expect([narrow(facts, 'go').mains[0]!.port, plan.port]).toEqual([8000, 8000]);
    expect(plan.notes.map(sayNote).join('\n')).toContain(
      'Port 8000 is read from conf/app.ini ([server] HttpPort), the config the program loads at run time; --port settles it',
    );
  });
});
