import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';

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
  ])('%s', (_name, source, port) => {
    expect(mainOf(source)).toMatchObject({ listens: true, port });
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
