import type { ProjectSnapshot } from '../core/types.js';

/** How each language reads an environment variable by a literal name. */
const READS = [
  // Node: process.env.NAME, process.env['NAME'], Bun.env.NAME, import.meta.env.NAME
  /\b(?:process\.env|Bun\.env|import\.meta\.env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\])/g,
  // Python: os.environ['NAME'], os.environ.get('NAME'), os.getenv('NAME'), env('NAME'), config('NAME')
  /\b(?:os\.environ(?:\.get)?|os\.getenv|environ\.get|getenv|env|config|env\.str|env\.db_url|env\.url)\s*[([]\s*['"]([A-Z][A-Z0-9_]*)['"]/g,
  // Go: os.Getenv("NAME"), os.LookupEnv("NAME"), viper.GetString("NAME")
  /\b(?:os\.Getenv|os\.LookupEnv|syscall\.Getenv)\s*\(\s*"([A-Z][A-Z0-9_]*)"/g,
  // Prisma: url = env("DATABASE_URL")
  /\benv\s*\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g,
  // C: getenv("NAME")
  /\bgetenv\s*\(\s*"([A-Z][A-Z0-9_]*)"/g,
];

const CODE = /\.(go|py|js|mjs|cjs|ts|mts|cts|jsx|tsx|c|h|prisma)$/;

/** Every environment variable name the service's code reads by a literal name, in first-seen order. */
export function envReads(snapshot: ProjectSnapshot): string[] {
  const names = new Set<string>();
  for (const file of snapshot.files) {
    if (!CODE.test(file) || /(^|\/)(node_modules|vendor|dist|build|\.next|test|tests|__tests__)\//.test(file) || /\.(test|spec)\.[jt]sx?$/.test(file)) continue;
    const text = snapshot.read(file) ?? '';
    for (const pattern of READS) for (const match of text.matchAll(pattern)) names.add((match[1] ?? match[2])!);
  }
  return [...names];
}
