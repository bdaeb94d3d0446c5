import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { sayNote } from '../harness/notes.js';

const GO_MOD = 'module example.com/svc\n\ngo 1.24\n\nrequire github.com/gin-gonic/gin v1.8.1\n';
const main = (imports: string, body: string) => `package main\n\nimport (\n${imports}\n)\n\nfunc main() {\n${body}\n}\n`;
const mainOf = (source: string) => narrow(PIPELINE.detect(memorySnapshot('/work/svc', { 'go.mod': GO_MOD, 'main.go': source })), 'go').mains[0]!;

describe('Go ports where servers write them', () => {
  test.each([
    [
      'flag.Int default',
      main(
        '\t"flag"\n\t"fmt"\n\t"net/http"',
        '\tport := flag.Int("port", 9000, "port to serve on")\n\tflag.Parse()\n\thttp.ListenAndServe(fmt.Sprintf(":%d", *port), nil)',
      ),
      9000,
    ],
    [
      'flag.IntVar default',
      main(
        '\t"flag"\n\t"fmt"\n\t"net/http"',
        '\tvar port int\n\tflag.IntVar(&port, "http-port", 7070, "port")\n\tflag.Parse()\n\thttp.ListenAndServe(fmt.Sprintf(":%d", port), nil)',
      ),
      7070,
    ],
    [
      'flag.String addr default',
      main(
        '\t"flag"\n\t"net/http"',
        '\taddr := flag.String("addr", "0.0.0.0:8443", "http service address")\n\tflag.Parse()\n\thttp.ListenAndServe(*addr, nil)',
      ),
      8443,
    ],
    [
      'pflag IntVarP with a shorthand',
      main(
        '\t"fmt"\n\t"net/http"\n\tflag "github.com/spf13/pflag"',
        '\tvar port int\n\tflag.IntVarP(&port, "port", "p", 9090, "port")\n\tflag.Parse()\n\thttp.ListenAndServe(fmt.Sprintf(":%d", port), nil)',
      ),
      9090,
    ],
    [
      'gin Run() with no address: its default',
      main('\t"github.com/gin-gonic/gin"', '\tr := gin.Default()\n\tr.GET("/ping", func(c *gin.Context) { c.String(200, "pong") })\n\tr.Run()'),
      8080,
    ],
    ['gin Run(":3000")', main('\t"github.com/gin-gonic/gin"', '\trouter := gin.Default()\n\trouter.Run(":3000")'), 3000],
    [
      'echo Start(":1323")',
      main(
        '\t"net/http"\n\n\t"github.com/labstack/echo/v4"',
        '\te := echo.New()\n\te.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "hi") })\n\te.Logger.Fatal(e.Start(":1323"))',
      ),
      1323,
    ],
    [
      'go-micro Address(":8082") beside its registry\'s address',
      main(
        '\t"github.com/micro/go-micro/v2"\n\t"github.com/micro/go-micro/v2/registry"\n\t"github.com/micro/go-micro/v2/registry/etcd"',
        '\treg := etcd.NewRegistry(registry.Addrs("etcd:2379"))\n\tsvc := micro.NewService(micro.Name("user"), micro.Address(":8082"), micro.Registry(reg))\n\tsvc.Init()\n\t_ = svc.Run()',
      ),
      8082,
    ],
    ['go-micro v4 web service', main('\t"go-micro.dev/v4/web"', '\tsvc := web.NewService(web.Name("gateway"), web.Address(":4000"))\n\t_ = svc.Run()'), 4000],
  ])('%s', (_name, source, port) => {
    expect(mainOf(source)).toMatchObject({ listens: true, port });
  });

  test('go-micro bound to 127.0.0.1, as many of its examples are: the loopback note names the line', () => {
    const source = main('\t"github.com/micro/go-micro/v2"', '\tsvc := micro.NewService(\n\t\tmicro.Address("127.0.0.1:8082"),\n\t)\n\t_ = svc.Run()');
    const facts = PIPELINE.detect(memorySnapshot('/work/svc', { 'go.mod': GO_MOD, 'main.go': source }));
    expect(narrow(facts, 'go').mains[0]).toMatchObject({ listens: true, port: 8082 });
    expect(facts.notes.map(sayNote)).toContain(
      'main.go:9 binds 127.0.0.1: inside a container only the container itself can reach that, so the published port answers nothing; bind 0.0.0.0 (or read the address from HOST).',
    );
  });

  test('gin Run() says where its port comes from', () => {
    const found = mainOf(main('\t"github.com/gin-gonic/gin"', '\tr := gin.Default()\n\tr.Run()'));
    expect(found.portSource).toMatch(/gin's default for Run\(\)/);
  });

  test('a .Run() or .Start() in a program that uses neither gin nor echo is no listener', () => {
    expect(mainOf(main('\t"os/exec"', '\texec.Command("true").Run()')).listens).toBe(false);
  });

  test('a flag that is not an address is no port', () => {
    const found = mainOf(main('\t"flag"\n\t"net/http"\n\t"os"', '\tflag.Int("workers", 4000, "n")\n\thttp.ListenAndServe(":"+os.Getenv("PORT"), nil)'));
    expect([found.listens, found.port]).toEqual([true, undefined]);
  });
});

describe('cgo through a dependency', () => {
  const GORM_SQLITE =
    'module example.com/notes\n\ngo 1.24\n\nrequire (\n\tgithub.com/jinzhu/gorm v1.9.16\n)\n\nrequire (\n\tgithub.com/jinzhu/inflection v1.0.0 // indirect\n\tgithub.com/mattn/go-sqlite3 v1.14.27 // indirect\n)\n';
  const SERVER = main(
    '\t"net/http"\n\n\t"github.com/jinzhu/gorm"\n\t_ "github.com/jinzhu/gorm/dialects/sqlite"',
    '\tdb, _ := gorm.Open("sqlite3", "notes.db")\n\tdefer db.Close()\n\thttp.ListenAndServe(":8080", nil)',
  );
  const generate = (files: Record<string, string>, pruned: string[] = []) => {
    const facts = PIPELINE.detect(memorySnapshot('/work/notes', files, pruned));
    return { facts: narrow(facts, 'go'), plan: narrow(PIPELINE.plan(facts, {}), 'go') };
  };

  test('go-sqlite3 required indirectly (through gorm): cgo, distroless base, and a note naming it', () => {
    const { facts, plan } = generate({ 'go.mod': GORM_SQLITE, 'main.go': SERVER });
    expect([facts.cgo, facts.cgoModules.map((found) => found.module), plan.runtime, plan.runtimeImage, plan.go.cgo]).toEqual([
      true,
      ['github.com/mattn/go-sqlite3'],
      'distroless',
      'gcr.io/distroless/base-debian13:nonroot',
      true,
    ]);
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/github\.com\/mattn\/go-sqlite3 is cgo: the build has CGO_ENABLED=1/);
  });

  test('vendored: vendor/modules.txt names it', () => {
    const { facts } = generate(
      {
        'go.mod': 'module example.com/notes\n\ngo 1.24\n',
        'main.go': SERVER,
        'vendor/modules.txt': '# github.com/mattn/go-sqlite3 v1.14.27\n## explicit; go 1.19\ngithub.com/mattn/go-sqlite3\n',
      },
      ['vendor'],
    );
    expect(facts.cgo).toBe(true);
  });

  test('a module that compiles against a system library: its -dev package in the builder, its library in a slim runtime', () => {
    const goMod = 'module example.com/thumbs\n\ngo 1.24\n\nrequire gopkg.in/gographics/imagick.v3 v3.7.0\n';
    const { plan } = generate({ 'go.mod': goMod, 'main.go': server });
    expect([plan.runtime, plan.go.builderPackages, plan.go.runtimePackages]).toEqual(['slim', ['libmagickwand-7-dev'], ['libmagickwand-7.q16-10']]);
    expect(() => PIPELINE.plan(PIPELINE.detect(memorySnapshot('/work/thumbs', { 'go.mod': goMod, 'main.go': server })), { runtime: 'distroless' })).toThrow(
      /--runtime distroless: the program loads libmagickwand-7\.q16-10, which distroless base lacks; use slim/,
    );
  });

  test('pure-Go sqlite (modernc.org/sqlite) needs no cgo', () => {
    const { facts, plan } = generate({ 'go.mod': 'module example.com/notes\n\ngo 1.24\n\nrequire modernc.org/sqlite v1.34.0\n', 'main.go': server });
    expect([facts.cgo, plan.runtime]).toEqual([false, 'scratch']);
  });
});

const server = 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n';

describe('module proxies and private modules', () => {
  const files = { 'go.mod': GO_MOD, 'go.sum': '', 'main.go': main('\t"github.com/gin-gonic/gin"', '\tgin.Default().Run()') };
  const dockerfile = (choices: { portable?: boolean } = {}) =>
    PIPELINE.generate(PIPELINE.detect(memorySnapshot('/work/svc', files)), choices, { templatesDir }).files[0]!.content;

  test('GOPROXY, GOPRIVATE, GONOPROXY, GONOSUMDB and GOFLAGS are build arguments of the build stage only; netrc is a secret of the download', () => {
    const text = dockerfile();
    const [build, runtime] = text.split(/^FROM .* AS runtime$/m) as [string, string];
    expect([...build.matchAll(/^ARG (\w+)$/gm)].map((match) => match[1])).toEqual(['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOFLAGS']);
    expect(runtime).not.toMatch(/^(ARG|ENV) GO/m);
    expect(build).toMatch(/--mount=type=secret,id=netrc,target=\/root\/\.netrc \\\n\s+go mod download$/m);
  });

  test('--portable: the arguments stay, the secret and cache mounts go', () => {
    const text = dockerfile({ portable: true });
    expect([/^ARG GOPROXY$/m.test(text), /--mount/.test(text)]).toEqual([true, false]);
  });
});

describe('files a program opens at run time', () => {
  const detect = (files: Record<string, string>) =>
    narrow(PIPELINE.detect(memorySnapshot('/work/site', { 'go.mod': 'module example.com/site\n\ngo 1.24\n', ...files })), 'go');
  const web = (body: string, extra = '') =>
    `package main\n\nimport (\n\t"net/http"\n\t"os"\n\t"html/template"\n)\n${extra}\nfunc main() {\n${body}\n\thttp.ListenAndServe(":8080", nil)\n}\n`;

  test.each([
    [
      'gin LoadHTMLGlob and Static',
      'r.LoadHTMLGlob("templates/*")\n\tr.Static("/assets", "./assets")',
      { 'templates/index.tmpl': 'x', 'assets/app.js': 'x' },
      ['assets', 'templates'],
    ],
    [
      'http.Dir and a config file path',
      'http.Handle("/", http.FileServer(http.Dir("public")))\n\tos.ReadFile("./config/local.yml")',
      { 'public/index.html': 'x', 'config/local.yml': 'x' },
      ['config', 'public'],
    ],
    ['viper config at the root', 'viper.SetConfigFile("config.yaml")', { 'config.yaml': 'port: 8080\n' }, ['config.yaml']],
    [
      'golang-migrate file:// URL',
      'm, _ := migrate.New("file://migrations", os.Getenv("DATABASE_URL"))\n\t_ = m',
      { 'migrations/0001.up.sql': 'x' },
      ['migrations'],
    ],
  ])('%s', (_name, body, files, expected) => {
    expect(detect({ 'main.go': web(`\t${body}`), ...files }).dataPaths.map((found) => found.path)).toEqual(expected);
  });

  test('embedded folders, Go packages, missing folders, parents and secrets are not copied', () => {
    const facts = detect({
      'main.go': web(
        '\tos.ReadFile("static/a.css")\n\tos.ReadFile("internal/x")\n\tos.ReadFile("nowhere/x")\n\tos.ReadFile("../shared/x.yml")\n\tgodotenv.Load(".env")',
        '//go:embed static\nvar static embed.FS\n',
      ),
      'static/a.css': 'x',
      'internal/db.go': 'package internal\n',
      '.env': 'SECRET=1\n',
    });
    expect(facts.dataPaths).toEqual([]);
  });

  test('the plan copies each under /app, the working directory, and the summary says so', () => {
    const facts = PIPELINE.detect(
      memorySnapshot('/work/site', {
        'go.mod': 'module example.com/site\n\ngo 1.24\n',
        'main.go': web('\ttemplate.ParseGlob("templates/*.html")'),
        'templates/a.html': 'x',
      }),
    );
    const text = PIPELINE.generate(facts, {}, { templatesDir }).files[0]!.content;
    expect(text).toMatch(/^WORKDIR \/app\nCOPY templates \.\/templates$/m);
    expect(narrow(facts, 'go').notes.map(sayNote).join('\n')).toMatch(
      /templates \(named in main\.go\) is read at run time and not compiled in: the image holds it under \/app/,
    );
  });
});
