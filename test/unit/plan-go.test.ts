import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import type { Choices } from '../../generators/core/types.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const server = 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const cgoServer = 'package main\n// #include <stdlib.h>\nimport "C"\nimport "net/http"\nfunc main() { http.ListenAndServe(":8080", nil) }\n';
const plan = (files: Record<string, string>, choices: Choices = {}) => narrow(PIPELINE.plan(PIPELINE.detect(memorySnapshot('/x/svc', files)), choices), 'go');
const goMod = 'module example.com/svc\ngo 1.26\n';

describe('Go planning', () => {
  test('no cgo: scratch by default, static build flags, non-root user, exec-form entrypoint', () => {
    const result = plan({ 'go.mod': goMod, 'main.go': server });
    expect(result).toMatchObject({ runtime: 'scratch', runtimeImage: 'scratch', builderImage: 'golang:1.26', user: '65532:65532', port: 8080 });
    expect(result.go).toMatchObject({ cgo: false, downloadDeps: false, manifests: ['go.mod'], binaryPath: '/usr/local/bin/svc', caCerts: true });
    expect(result.go.buildFlags).toBe('-trimpath -ldflags="-s -w"');
    expect(result.entrypoint).toEqual(['/usr/local/bin/svc']);
    expect(result.nextCommand).toBe('docker build -t svc . && docker run --rm -p 8080:8080 svc');
  });

  test('cgo: distroless base (glibc) by default, and scratch is refused', () => {
    const result = plan({ 'go.mod': goMod, 'main.go': cgoServer });
    expect(result).toMatchObject({ runtime: 'distroless', runtimeImage: 'gcr.io/distroless/base-debian13:nonroot' });
    expect(PIPELINE.say(result.runtimeReason)).toMatch(/glibc/);
    expect(() => plan({ 'go.mod': goMod, 'main.go': cgoServer }, { runtime: 'scratch' })).toThrow(/cgo/);
  });

  test('a chosen runtime says it was chosen, and distroless/slim carry what they lack', () => {
    const distroless = plan({ 'go.mod': goMod, 'main.go': server }, { runtime: 'distroless' });
    expect(distroless).toMatchObject({ runtimeImage: 'gcr.io/distroless/static-debian13:nonroot' });
    expect(PIPELINE.say(distroless.runtimeReason)).toBe('you chose distroless over the default scratch');
    expect(distroless.go.caCerts).toBe(false);
    const slim = plan({ 'go.mod': goMod, 'main.go': server }, { runtime: 'slim' });
    expect(slim).toMatchObject({ runtimeImage: 'debian:13-slim' });
    expect(slim.go).toMatchObject({ caCerts: true, createUser: true });
  });

  test('dependencies: go.sum copied first and downloaded; vendored builds use -mod=vendor and download nothing', () => {
    const withDeps = plan({ 'go.mod': goMod + 'require x.io/y v1.2.3\n', 'go.sum': 'x.io/y v1.2.3 h1:abc=\n', 'main.go': server });
    expect(withDeps.go).toMatchObject({ manifests: ['go.mod', 'go.sum'], downloadDeps: true });
    const vendored = narrow(
      PIPELINE.plan(
        PIPELINE.detect(
          memorySnapshot(
            '/x/svc',
            { 'go.mod': goMod + 'require x.io/y v1.2.3\n', 'main.go': server, 'vendor/modules.txt': '# x.io/y v1.2.3\n## explicit\nx.io/y\n' },
            ['vendor'],
          ),
        ),
        {},
      ),
      'go',
    );
    expect(vendored.go).toMatchObject({ downloadDeps: false });
    expect(vendored.go.buildFlags).toContain('-mod=vendor');
  });

  test('zoneinfo is embedded with -tags=timetzdata except on distroless, which has tzdata', () => {
    const zones = 'package main\nimport ("fmt"; "time")\nfunc main() { l, _ := time.LoadLocation("Asia/Tokyo"); fmt.Println(l) }\n';
    expect(plan({ 'main.go': zones }).go.buildFlags).toContain('-tags=timetzdata');
    expect(plan({ 'main.go': zones }, { runtime: 'distroless' }).go.buildFlags).not.toContain('timetzdata');
  });

  test('several mains: the first by default, --main picks another, an unknown one is refused', () => {
    const files = { 'go.mod': goMod, 'cmd/api/main.go': server, 'cmd/worker/main.go': 'package main\nfunc main() {}\n' };
    expect(plan(files).go.mainPackage).toBe('./cmd/api');
    const worker = plan(files, { main: './cmd/worker/' });
    expect(worker.go).toMatchObject({ mainPackage: './cmd/worker', binaryName: 'worker' });
    expect(worker.port).toBeUndefined();
    expect(() => plan(files, { main: 'cmd/nope' })).toThrow(/not a main package here \(found: cmd\/api, cmd\/worker\)/);
  });

  test('a listener with no port literal defaults to 8080 with a note; --port overrides', () => {
    const dynamic = 'package main\nimport ("net/http"; "os")\nfunc main() { http.ListenAndServe(os.Getenv("ADDR"), nil) }\n';
    const result = plan({ 'main.go': dynamic });
    expect(result.port).toBe(8080);
    expect(result.notes.map(sayNote).join('\n')).toMatch(/8080 is a guess.*--port settles it/);
    expect(plan({ 'main.go': dynamic }, { port: 9000 }).port).toBe(9000);
  });

  test('a lone main initialises a module named after its binary', () => {
    expect(plan({ 'http.go': server }).go).toMatchObject({ initModule: 'svc', manifests: [] });
  });
});
