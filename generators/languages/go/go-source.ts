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

/**
 * Port patterns by how surely they name the listener, tried tier by tier over all of a program's
 * files: a literal in a listen call anywhere beats a constant that merely has Port in its name.
 */
const PORT_TIERS: readonly (readonly RegExp[])[] = [
  [
    /(?:ListenAndServe(?:TLS)?|Listen)\s*\([^)]*?"(?:[\w.\-[\]]*):(\d{2,5})"/,
    // go-micro's server address, before other host:port literals (its registry's, etcd at :2379).
    /\b(?:micro|server|web)\.Address\s*\(\s*"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /Addr\s*:\s*"(?:[\w.\-[\]]*):(\d{2,5})"/,
    /"(?:0\.0\.0\.0|localhost|127\.0\.0\.1|\[::\])?:(\d{2,5})"/,
    // `port := "8080"`, `getEnv("PORT", "8080")`, `shared.Port("9000")`; not a field of another value (`info.Port = "22"`), nor another service's.
    /(?:(?<![.\w])|\.(?=\w*(?:PORT|Port)\s*\())(?!\w*(?:SSH|Ssh|ssh|DB|Db|db|Redis|redis|Mysql|mysql|Postgres|postgres|Smtp|smtp|Mongo|mongo))\w*(?:PORT|[Pp]ort)\b[^\n]*?"(\d{2,5})"/,
  ],
  [
    // A named constant or a config default: `defaultPort = 8080`, `const Port = ":8080"`, `Port: 8080` in a
    // config struct's literal; never a field of some other value (`info.Port = "22"`), nor another service's.
    /(?<![.\w])(?!\w*(?:DB|Db|Redis|REDIS|Mysql|MYSQL|Postgres|POSTGRES|Pg|PG|Smtp|SMTP|Mongo|MONGO|Metrics|METRICS|Grpc|GRPC|Debug|DEBUG|SSH|Ssh))\w*(?:PORT|Port)\w*\s*(?:int\s*|uint16\s*|string\s*)?(?::?=|:)\s*"?(?:[\w.\-[\]]*:)?(\d{2,5})\b"?/,
    /\bSetDefault\s*\(\s*"(?!(?:db|database|redis|mysql|postgres|pg|mongo|smtp|mail|metrics|grpc|debug|ssh)\b)(?:[\w-]*\.)*(?:port|addr|address|listen)"\s*,\s*"?(?:[\w.\-[\]]*:)?(\d{2,5})"?\s*\)/i,
    // A flag or env struct's tag: go-flags' `long:"listen" default:"8081"`, caarlos0/env's `env:"PORT" envDefault:"8080"`.
    /\b\w*(?:Port|Addr|Listen|Bind)\w*\s+\w+\s+`[^`]*\b(?:env)?[Dd]efault:"(?:[\w.\-[\]]*:)?(\d{2,5})"/,
  ],
];

/** A listen call and its arguments: net/http's, gin's Run, echo's Start, net.Listen. */
const LISTEN_ARGUMENTS = /(?:ListenAndServe(?:TLS)?|\bListen|\.Run(?:TLS)?|\.Start(?:TLS)?)\s*\(([^\n]*)\)/g;
/** `options.HTTPPort`, `cfg.Server.Addr`, `port`: the names a listen call passes its address by. */
const ADDRESS_NAME = /\b([A-Za-z_]\w*(?:Port|PORT|port|Addr|ADDR|addr|Address|Listen))\b/g;

/**
 * The port a listen call passes by name, followed to where the name gets its value in the
 * program's files: a flag struct's tag (`HTTPPort uint \`long:"listen" default:"8081"\``), an env
 * struct's `envDefault`, a constant or a field's default (`HTTPPort: 8081`).
 */
export function portByName(
  listening: readonly string[],
  program: readonly { file: string; text: string }[],
): { port: number; file: string; name: string } | undefined {
  const names = new Set(
    listening.flatMap((text) =>
      [...stripComments(text).matchAll(LISTEN_ARGUMENTS)].flatMap((call) => [...call[1]!.matchAll(ADDRESS_NAME)].map((match) => match[1]!)),
    ),
  );
  for (const name of names)
    for (const { file, text } of program) {
      const code = stripComments(text);
      const tag = new RegExp(String.raw`\b${name}\s+[\w.*\[\]]+\s+\`[^\`]*\b(?:env)?[Dd]efault:"(?:[\w.\-[\]]*:)?(\d{2,5})"`).exec(code);
      const value = new RegExp(String.raw`(?<![.\w])${name}\s*(?:int\s*|uint16?\s*|string\s*)?(?::?=|:)\s*"?(?:[\w.\-[\]]*:)?(\d{2,5})\b`).exec(code);
      const port = Number((tag ?? value)?.[1]);
      if (port >= 1 && port <= 65535) return { port, file, name };
    }
  return undefined;
}

/** The first port of a tier's patterns in one file, e.g. `":8080"`, `"0.0.0.0:9000"` or a PORT default. */
export function portLiteral(source: string, tier = 0): number | undefined {
  const code = stripComments(source);
  for (const pattern of PORT_TIERS[tier] ?? []) {
    const value = Number(pattern.exec(code)?.[1]);
    if (value >= 1 && value <= 65535) return value;
  }
  return undefined;
}
