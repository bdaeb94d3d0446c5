import { posix } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';
import type { PythonFacts } from './types.js';
import { firstPort } from '../../core/detect/ports.js';

export type PythonEntry = Pick<PythonFacts, 'entry' | 'entrySource' | 'entryNeedsShell' | 'framework' | 'listens' | 'port' | 'portSource'>;

/** `$PORT` in an entry is replaced by the planned port, and the image sets PORT too. */
export const PORT_TOKEN = '$PORT';

interface EntryInputs {
  readonly snapshot: ProjectSnapshot;
  readonly dependencies: readonly string[];
  readonly scripts: Readonly<Record<string, string>>;
}

const SKIP_DIRS = /(^|\/)(\.|venv\/|env\/|site-packages\/|node_modules\/|tests?\/|docs\/|build\/|dist\/)/;

/**
 * What runs, in the order a Python host would look: a Procfile `web:` line, the project's console
 * scripts, Django, an ASGI/WSGI app under a server the project depends on, then main.py, app.py,
 * __main__.py, and last a boot.sh.
 */
export function pythonEntry({ snapshot, dependencies, scripts }: EntryInputs): PythonEntry {
  const sources = snapshot.files.filter((file) => file.endsWith('.py') && !SKIP_DIRS.test(file)).map((file) => ({ file, text: snapshot.read(file) ?? '' }));
  const depends = (name: string) => dependencies.includes(name);
  const codePort = firstPort(sources, PORT_PATTERNS);

  const procfile = snapshot.read('Procfile');
  const web = procfile === undefined ? undefined : /^web:\s*(.+)$/m.exec(procfile)?.[1]?.trim();
  if (web) {
    const argv = procfileWords(web);
    const port = flagPort(argv.join(' ')) ?? codePort;
    return { entry: argv, entrySource: 'Procfile web:', entryNeedsShell: false, listens: true, ...portOf(port, 'Procfile'), framework: frameworkOf(sources) };
  }

  const scriptNames = Object.keys(scripts);
  if (scriptNames.length > 0) {
    const name = scriptNames[0]!;
    const module = scripts[name]!.split(':')[0]!.replace(/\./g, '/');
    const own = sources.filter(
      ({ file }) => file === `${module}.py` || file === `src/${module}.py` || file.startsWith(`${module}/`) || file.startsWith(`src/${module}/`),
    );
    const listens = own.some(({ text }) => listensIn(text));
    return {
      entry: [name],
      entrySource: `[project.scripts] ${name}`,
      entryNeedsShell: false,
      listens,
      ...(listens ? portOf(firstPort(own, PORT_PATTERNS)) : {}),
    };
  }

  const django = djangoApp(snapshot, sources);
  if (django) {
    const entry = depends('gunicorn')
      ? ['gunicorn', '--bind', `0.0.0.0:${PORT_TOKEN}`, django.wsgi]
      : ['python', 'manage.py', 'runserver', `0.0.0.0:${PORT_TOKEN}`, '--noreload'];
    return { entry, entrySource: `Django (${django.source})`, entryNeedsShell: false, framework: 'django', listens: true, ...portOf(codePort) };
  }

  for (const [framework, constructor, server] of [
    ['fastapi', 'FastAPI', 'uvicorn'],
    ['starlette', 'Starlette', 'uvicorn'],
    ['flask', 'Flask', 'gunicorn'],
  ] as const) {
    if (!depends(framework)) continue;
    const app = appObject(sources, constructor);
    if (!app || !depends(server)) continue;
    const entry =
      server === 'uvicorn' ? ['uvicorn', app.target, '--host', '0.0.0.0', '--port', PORT_TOKEN] : ['gunicorn', '--bind', `0.0.0.0:${PORT_TOKEN}`, app.target];
    return { entry, entrySource: `${constructor} app ${app.target} under ${server}`, entryNeedsShell: false, framework, listens: true, ...portOf(codePort) };
  }

  for (const file of ['main.py', 'app.py', '__main__.py']) {
    const text = snapshot.read(file);
    if (text === undefined) continue;
    const listens = listensIn(text);
    return {
      entry: ['python', file === '__main__.py' ? '.' : file],
      entrySource: file,
      entryNeedsShell: false,
      framework: frameworkOf(sources),
      listens,
      ...(listens ? portOf(firstPort([{ file, text }], PORT_PATTERNS)) : {}),
    };
  }
  const packageMain = snapshot.files.find((file) => /^(src\/)?[A-Za-z_][A-Za-z0-9_]*\/__main__\.py$/.test(file));
  if (packageMain) {
    const module = posix.basename(posix.dirname(packageMain));
    const listens = sources.filter(({ file }) => posix.dirname(file) === posix.dirname(packageMain)).some(({ text }) => listensIn(text));
    return { entry: ['python', '-m', module], entrySource: packageMain, entryNeedsShell: false, listens, ...(listens ? portOf(codePort) : {}) };
  }
  if (snapshot.files.includes('boot.sh')) {
    const port = flagPort(snapshot.read('boot.sh') ?? '') ?? codePort;
    return { entry: ['./boot.sh'], entrySource: 'boot.sh', entryNeedsShell: true, listens: true, ...portOf(port, 'boot.sh') };
  }
  throw new UserError('no entry point found: add a Procfile `web:` line, [project.scripts] in pyproject.toml, or a main.py or app.py');
}

const portOf = (found: { port: number; file: string } | number | undefined, file?: string) =>
  found === undefined ? {} : typeof found === 'number' ? { port: found, portSource: file } : { port: found.port, portSource: found.file };

/**
 * A Procfile line as argv. Only what exec form can say is accepted: words, quotes, and $PORT; pipes,
 * `&&`, redirections and other variables need a shell, which would then be PID 1 instead of the app.
 */
export function procfileWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3]!);
  const withPort = words.map((word) => word.replace(/\$\{PORT\}|\$PORT\b/g, PORT_TOKEN));
  const shellOnly = withPort.find((word) => /[|&;<>`]|\$\(/.test(word) || /\$(?!PORT\b)/.test(word));
  if (shellOnly !== undefined)
    throw new UserError(`Procfile web: "${line}" needs a shell (${JSON.stringify(shellOnly)}); write it as one command so the app runs as PID 1`);
  return withPort;
}

const listensIn = (text: string) =>
  /\b(HTTPServer|ThreadingHTTPServer|make_server|serve_forever|uvicorn\.run|\.run\s*\(\s*(host|port|debug)|\.bind\s*\(\s*\(|web\.run_app|serve\s*\()/.test(
    text,
  );

/** `os.environ.get("PORT", "8000")`, `getenv("PORT", 8000)`, `port=5000`, `HTTPServer(("", 8000), …)`. */
const PORT_PATTERNS = [
  /environ(?:\.get\s*\(|\[)\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/,
  /getenv\s*\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/,
  /\bport\s*=\s*(\d{2,5})\b/i,
  /\(\s*['"][^'"]*['"]\s*,\s*(\d{2,5})\s*\)/,
];

/** A port a command names in its flags: --port 8000, --bind 0.0.0.0:8000, -b :8000. */
function flagPort(command: string): number | undefined {
  const match = /(?:--port[=\s]+|(?:--bind|-b)[=\s]+\S*:)(\d{2,5})\b/.exec(command);
  const port = Number(match?.[1]);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function djangoApp(snapshot: ProjectSnapshot, sources: readonly { file: string; text: string }[]): { wsgi: string; source: string } | undefined {
  if (!snapshot.files.includes('manage.py')) return undefined;
  for (const { file, text } of sources) {
    const setting = /^WSGI_APPLICATION\s*=\s*['"]([\w.]+)\.(\w+)['"]/m.exec(text);
    if (setting) return { wsgi: `${setting[1]}:${setting[2]}`, source: `${file} WSGI_APPLICATION` };
  }
  return undefined;
}

/** `app = FastAPI(...)` in app/main.py gives "app.main:app" for the server to import. */
function appObject(sources: readonly { file: string; text: string }[], constructor: string): { target: string } | undefined {
  const ordered = [...sources].sort((a, b) => a.file.split('/').length - b.file.split('/').length || a.file.localeCompare(b.file));
  for (const { file, text } of ordered) {
    const variable = new RegExp(`^(\\w+)\\s*=\\s*(?:\\w+\\.)?${constructor}\\s*\\(`, 'm').exec(text)?.[1];
    if (variable)
      return {
        target: `${file
          .replace(/^src\//, '')
          .replace(/\.py$/, '')
          .replace(/\//g, '.')}:${variable}`,
      };
  }
  return undefined;
}

function frameworkOf(sources: readonly { text: string }[]): PythonFacts['framework'] {
  const text = sources.map((source) => source.text).join('\n');
  if (/\bFastAPI\s*\(/.test(text)) return 'fastapi';
  if (/\bStarlette\s*\(/.test(text)) return 'starlette';
  if (/\bFlask\s*\(/.test(text)) return 'flask';
  return undefined;
}
