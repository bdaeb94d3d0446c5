import type { ProjectSnapshot } from '../../core/types.js';

/**
 * Files a Go program opens at run time by a path relative to where it runs: templates, static
 * assets, config files, migrations. They are not compiled in, so the image needs them next to the
 * program, at the same relative path, unless `//go:embed` already put them in the binary.
 */
export interface DataPath {
  /** A folder or a file at the project's root, as the code names it: "templates", "config.yml". */
  readonly path: string;
  /** The source file that names it. */
  readonly source: string;
}

/** Calls whose string argument is a path the program reads (gin, echo, net/http, viper, html/template, os). */
const LOADERS =
  /\b(?:LoadHTMLGlob|LoadHTMLFiles|Static|StaticFS|StaticFile|File|Dir|AddConfigPath|SetConfigFile|ParseGlob|ParseFiles|ReadFile|ReadDir|Open|OpenFile|Load)\s*\(\s*"([^"]+)"/g;
/** Any other string literal that reads as a relative path: "./config/local.yml", "migrations/". */
const PATH_LITERAL = /"((?:\.\/)?[A-Za-z0-9_][A-Za-z0-9_.-]*\/[^"\s]*|\.\/[A-Za-z0-9_][A-Za-z0-9_.-]*)"/g;
const DATA_FILE = /\.(ya?ml|json|toml|ini|conf|cfg|html?|tmpl|gohtml|sql|csv|txt|properties)$/;
/** Kept out of the image whatever the code says: secrets and the build's own files. */
const NEVER = /^(\.env.*|.*\.(pem|key)|go\.(mod|sum)|vendor|\.git)$/;

export function dataPaths(snapshot: ProjectSnapshot, sources: readonly { file: string; text: string }[]): DataPath[] {
  const embedded = new Set(
    sources.flatMap(({ text }) => [...text.matchAll(/^\/\/go:embed\s+(.+)$/gm)].flatMap((match) => match[1]!.split(/\s+/).map(firstSegment))),
  );
  const found = new Map<string, string>();
  for (const { file, text } of sources) {
    // golang-migrate names its folder as a URL: "file://migrations".
    const fileUrls = [...text.matchAll(/"file:\/\/([^"/][^"]*)"/g)].map((match) => match[1]!);
    const literals = [...text.matchAll(LOADERS), ...text.matchAll(PATH_LITERAL)].map((match) => match[1]!);
    for (const literal of [...literals, ...fileUrls]) {
      if (/^(\/|\.\.|[a-z]+:\/\/)/.test(literal)) continue;
      const segment = firstSegment(literal);
      if (!segment || embedded.has(segment) || NEVER.test(segment) || found.has(segment)) continue;
      if (isDataFolder(snapshot, segment) || (snapshot.files.includes(segment) && DATA_FILE.test(segment))) found.set(segment, file);
    }
  }
  return [...found].map(([path, source]) => ({ path, source })).sort((a, b) => a.path.localeCompare(b.path));
}

const firstSegment = (path: string) =>
  path
    .replace(/^\.\//, '')
    .split('/')[0]!
    .replace(/[*?[].*$/, '');

/** A folder of the project with files in it and no Go code: data, not a package. */
function isDataFolder(snapshot: ProjectSnapshot, dir: string): boolean {
  const inside = snapshot.files.filter((file) => file.startsWith(`${dir}/`));
  return inside.length > 0 && !inside.some((file) => file.endsWith('.go'));
}
