/** Small, dependency-free readers for Go source: enough to find packages, imports and ports. */

const stripComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');

export function packageName(source: string): string | undefined {
  return /^\s*package\s+([A-Za-z_]\w*)/m.exec(stripComments(source))?.[1];
}

export function hasMainFunc(source: string): boolean {
  return /^func\s+main\s*\(\s*\)/m.test(source);
}

/** Import paths, from both `import "x"` and grouped `import ( ... )` forms. */
export function imports(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const single = /^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"/gm;
  const grouped = /^\s*import\s*\(([\s\S]*?)\)/gm;
  for (const match of code.matchAll(single)) found.push(match[1]!);
  for (const match of code.matchAll(grouped)) {
    for (const line of match[1]!.matchAll(/(?:[\w.]+\s+)?"([^"]+)"/g)) found.push(line[1]!);
  }
  return found;
}

/** Standard-library import paths have no dot in their first element. */
export const isStdlib = (importPath: string) => !importPath.split('/')[0]!.includes('.');

const LISTEN_CALL = /\b(?:ListenAndServe(?:TLS)?|Listen|ListenTCP|Serve)\s*\(|\bAddr\s*:/;
/**
 * gin's `r.Run(...)`, echo's `e.Start(...)` and go-micro's `micro.Address(...)` (its RPC server, or
 * its web service): a listener only in a file that uses the framework.
 */
const FRAMEWORK_LISTEN = [
  { imports: /"github\.com\/gin-gonic\/gin"/, call: /\.Run(?:TLS)?\s*\(/ },
  { imports: /"github\.com\/labstack\/echo(?:\/v\d+)?"/, call: /\.Start(?:TLS|AutoTLS)?\s*\(/ },
  { imports: /"(?:go-micro\.dev\/v\d+|github\.com\/(?:micro|asim)\/go-micro(?:\/v\d+)?)(?:\/web)?"/, call: /\b(?:micro|server|web)\.Address\s*\(/ },
];

export function listens(source: string): boolean {
  const code = stripComments(source);
  return LISTEN_CALL.test(code) || FRAMEWORK_LISTEN.some((framework) => framework.imports.test(code) && framework.call.test(code));
}

/** Flags whose default is where the server listens: port, addr, listen, bind, http... */
const ADDRESS_FLAG = String.raw`"(?:[\w.-]*(?:port|addr|address|listen|bind)[\w.-]*|http)"`;
/** `flag.Int("port", 9000, ...)`, `flag.IntVar(&p, "port", 9000, ...)`, pflag's `IntVarP(&p, "port", "p", 9000, ...)`. */
const INT_FLAG = new RegExp(String.raw`\b(?:Int|Int64|Uint|Uint16)(?:Var)?P?\(\s*(?:&[\w.]+\s*,\s*)?${ADDRESS_FLAG}\s*,\s*(?:"\w?"\s*,\s*)?(\d{2,5})\s*,`, 'i');
/** `flag.String("addr", ":8080", ...)` and the same forms. */
const STRING_FLAG = new RegExp(String.raw`\bString(?:Var)?P?\(\s*(?:&[\w.]+\s*,\s*)?${ADDRESS_FLAG}\s*,\s*(?:"\w?"\s*,\s*)?"(?:[\w.\-[\]]*:)?(\d{2,5})"`, 'i');

/** Where a port comes from when the code has no literal for it: a flag's default, or a framework's own default. */
export function portFromFlagsOrFramework(source: string): { port: number; how: string } | undefined {
  const code = stripComments(source);
  for (const [pattern, how] of [
    [INT_FLAG, 'a flag default'],
    [STRING_FLAG, 'a flag default'],
  ] as const) {
    const value = Number(pattern.exec(code)?.[1]);
    if (value >= 1 && value <= 65535) return { port: value, how };
  }
  // gin's Run() with no address listens on $PORT, else :8080.
  if (FRAMEWORK_LISTEN[0]!.imports.test(code) && /\.Run\s*\(\s*\)/.test(code))
    return { port: 8080, how: "gin's default for Run() (it reads PORT, which the image sets)" };
  return undefined;
}

/** The first port literal near a listen call, e.g. `":8080"`, `"0.0.0.0:9000"` or a PORT default. */
export function portLiteral(source: string): number | undefined {
  const code = stripComments(source);
  const candidates = [
    /(?:ListenAndServe(?:TLS)?|Listen)\s*\([^)]*?"(?:[\w.\-[\]]*):(\d{2,5})"/,
    // go-micro's server address, before other host:port literals (its registry's, etcd at :2379).
    /\b(?:micro|server|web)\.Address\s*\(\s*"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /Addr\s*:\s*"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /"(?:0\.0\.0\.0|localhost|127\.0\.0\.1|\[::\])?:(\d{2,5})"/,
    /(?:PORT|[Pp]ort)\b[^\n]*?"(\d{2,5})"/,
    // A named constant or a config default: `defaultPort = 8080`, `const Port = ":8080"`, `Port: 8080` in a
    // config struct's literal, viper's `SetDefault("server.port", 8080)`.
    /\b(?!\w*(?:DB|Db|Redis|REDIS|Mysql|MYSQL|Postgres|POSTGRES|Pg|PG|Smtp|SMTP|Mongo|MONGO|Metrics|METRICS|Grpc|GRPC|Debug|DEBUG))\w*(?:PORT|Port)\w*\s*(?:int\s*|uint16\s*|string\s*)?(?::?=|:)\s*"?(?:[\w.\-[\]]*:)?(\d{2,5})\b"?/,
    /\bSetDefault\s*\(\s*"(?!(?:db|database|redis|mysql|postgres|pg|mongo|smtp|mail|metrics|grpc|debug)\b)(?:[\w-]*\.)*(?:port|addr|address|listen)"\s*,\s*"?(?:[\w.\-[\]]*:)?(\d{2,5})"?\s*\)/i,
  ];
  for (const pattern of candidates) {
    const value = Number(pattern.exec(code)?.[1]);
    if (value >= 1 && value <= 65535) return value;
  }
  return undefined;
}
