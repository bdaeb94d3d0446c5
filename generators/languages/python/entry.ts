import { say } from '../../core/explain/say.js';
import type { Message } from '../../core/explain/messages.js';
import { PYTHON_MESSAGES } from './messages.js';
import { posix } from 'node:path';
import { NothingToRunError, UserError } from '../../core/errors.js';
import type { ProjectSnapshot } from '../../core/types.js';
import type { PythonFacts } from './types.js';
import { firstPort } from '../../core/detect/ports.js';
import { findApp, moduleOf } from './apps.js';
import { needsShell, PORT_TOKEN, procfileLines, procfileWords, programOf, startScript } from './procfile.js';
import { ERRORS } from '../../core/explain/error-messages.js';

export type PythonEntry = Pick<PythonFacts, 'entry' | 'entrySource' | 'entryNeedsShell' | 'framework' | 'listens' | 'port' | 'portSource' | 'collectStatic'> & {
  readonly notes?: readonly Message[];
};

interface EntryInputs {
  readonly snapshot: ProjectSnapshot;
  readonly dependencies: readonly string[];
  readonly scripts: Readonly<Record<string, string>>;
  /** The project installs into the venv, so a src/ package imports without help. */
  readonly installable?: boolean;
}

const SKIP_DIRS = /(^|\/)(\.|venv\/|env\/|site-packages\/|node_modules\/|tests?\/|docs\/|build\/|dist\/)/;

/**
 * What runs, in the order a Python host would look: a Procfile `web:` line, the project's console
 * scripts, Django, an ASGI/WSGI app under a server the project depends on, then main.py, app.py,
 * __main__.py, and last a boot.sh.
 */
export function pythonEntry(inputs: EntryInputs): PythonEntry {
  const sources = inputs.snapshot.files
    .filter((file) => file.endsWith('.py') && !SKIP_DIRS.test(file))
    .map((file) => ({ file, text: inputs.snapshot.read(file) ?? '' }));
  const entry = firstEntry(inputs, sources);
  // Facts compose: Django's collectstatic belongs to the image whatever starts it (a Procfile, a script).
  const django = entry.collectStatic === undefined ? djangoApp(inputs.snapshot, sources) : undefined;
  return django?.staticRoot ? { ...entry, collectStatic: django.staticRoot } : entry;
}

type Sources = readonly { file: string; text: string }[];
type MissingServer = { readonly constructor: string; readonly target: string; readonly server: string };

/** Servers a Procfile line may start, by the distribution that installs each command. */
const SERVER_DISTRIBUTIONS: Readonly<Record<string, string>> = {
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  'waitress-serve': 'waitress',
  granian: 'granian',
};

function firstEntry(inputs: EntryInputs, sources: Sources): PythonEntry {
  const { snapshot, dependencies } = inputs;
  const codePort = firstPort(sources, PORT_PATTERNS);
  const { web, release } = procfileLines(snapshot.read('Procfile') ?? '');
  // A server the Procfile starts but no dependency installs would fail at the image's first start.
  const server = web === undefined ? undefined : programOf(web);
  const distribution = server !== undefined && Object.hasOwn(SERVER_DISTRIBUTIONS, server) ? SERVER_DISTRIBUTIONS[server]! : undefined;
  if (web && (distribution === undefined || dependencies.includes(distribution))) {
    const port = flagPort(web) ?? codePort;
    if (release !== undefined || needsShell(web)) return shellEntry(web, release, port, frameworkOf(sources));
    const argv = procfileWords(web);
    return { entry: argv, entrySource: 'Procfile web:', entryNeedsShell: false, listens: true, ...portOf(port, 'Procfile'), framework: frameworkOf(sources) };
  }
  if (!web) return otherEntry(inputs, sources, codePort);
  let found: PythonEntry;
  try {
    found = otherEntry(inputs, sources, codePort);
  } catch (error) {
    if (!(error instanceof NothingToRunError)) throw error;
    throw new UserError(ERRORS.message('error.entry.procfile-web-starts', { server: String(server), distribution: String(distribution) }));
  }
  const skipped = PYTHON_MESSAGES.message('note.python.procfile-uninstalled', { server: server!, distribution: distribution!, entry: found.entrySource });
  return { ...found, notes: [skipped, ...(found.notes ?? [])] };
}

/**
 * Without a Procfile: a console script that serves; Django; a framework app under its installed
 * server; a console script that does not serve (a helper that prints and exits waits behind the
 * app); main.py, app.py, __main__.py; a package's __main__; boot.sh.
 */
function otherEntry(inputs: EntryInputs, sources: Sources, codePort: ReturnType<typeof firstPort>): PythonEntry {
  const { snapshot, scripts } = inputs;
  const scriptNames = Object.keys(scripts);
  const script = scriptNames.length > 0 ? scriptEntry(scriptNames[0]!, scripts, sources) : undefined;
  if (script?.listens) return script;
  const web = webEntry(inputs, sources, codePort);
  if ('entry' in web) return web;
  if (script) return script;
  const { missingServer } = web;

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
      notes: missingServer.map((missing) => PYTHON_MESSAGES.message('note.python.missing-server', missing)),
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
  const [missing] = missingServer;
  if (missing)
    // The same sentence as the note, in the user's language.
    throw new UserError((locale) => say(PYTHON_MESSAGES.catalog, locale, 'note.python.missing-server', missing));
  throw new NothingToRunError(ERRORS.message('error.entry.entry-point-found'));
}

/** `[project.scripts] name = "module:function"`: it serves when its module's files listen. */
function scriptEntry(name: string, scripts: Readonly<Record<string, string>>, sources: Sources): PythonEntry {
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

/** Django, then an ASGI/WSGI app under a server the project depends on; else the apps whose server is missing. */
function webEntry(
  { snapshot, dependencies, installable = false }: EntryInputs,
  sources: Sources,
  codePort: ReturnType<typeof firstPort>,
): PythonEntry | { readonly missingServer: readonly MissingServer[] } {
  const depends = (name: string) => dependencies.includes(name);
  const django = djangoApp(snapshot, sources);
  if (django) {
    const asgi = !depends('gunicorn') && depends('uvicorn') && django.asgi;
    const entry = depends('gunicorn')
      ? ['gunicorn', '--bind', `0.0.0.0:${PORT_TOKEN}`, django.wsgi]
      : asgi
        ? ['uvicorn', django.asgi, '--host', '0.0.0.0', '--port', PORT_TOKEN]
        : ['python', 'manage.py', 'runserver', `0.0.0.0:${PORT_TOKEN}`, '--noreload'];
    const server = entry[0] === 'python' ? undefined : entry[0]!;
    return {
      entry,
      entrySource: `Django (${asgi ? django.asgiSource : django.source})`,
      entryNeedsShell: false,
      framework: 'django',
      listens: true,
      ...(codePort ? portOf(codePort) : server ? serverDefault(server) : {}),
      collectStatic: django.staticRoot,
      notes: [PYTHON_MESSAGES.message('note.python.migrations')],
    };
  }

  // A framework app whose server is not installed: a note when another entry runs, the error when none does.
  const missingServer: MissingServer[] = [];
  for (const [framework, constructor, server] of [
    ['fastapi', 'FastAPI', 'uvicorn'],
    ['starlette', 'Starlette', 'uvicorn'],
    ['flask', 'Flask', 'gunicorn'],
  ] as const) {
    if (!depends(framework)) continue;
    const app = findApp(sources, constructor);
    if (!app) continue;
    if (!depends(server)) {
      missingServer.push({ constructor, target: app.target, server });
      continue;
    }
    // A src/ layout that is not installed imports from src/ only when the server is told so.
    const srcFlag = app.underSrc && !installable;
    // `fastapi[standard]` brings FastAPI's own command, which its docs deploy with: `fastapi run FILE`
    // finds the package root from the file and runs uvicorn in-process on 0.0.0.0 (no factories).
    const fastapiRun = framework === 'fastapi' && depends('fastapi-cli') && !app.factory;
    const attribute = app.target.split(':')[1]!;
    const entry = fastapiRun
      ? ['fastapi', 'run', app.file, '--port', PORT_TOKEN, ...(attribute === 'app' ? [] : ['--app', attribute])]
      : server === 'uvicorn'
        ? ['uvicorn', ...(app.factory ? ['--factory'] : []), app.target, '--host', '0.0.0.0', '--port', PORT_TOKEN, ...(srcFlag ? ['--app-dir', 'src'] : [])]
        : ['gunicorn', '--bind', `0.0.0.0:${PORT_TOKEN}`, ...(srcFlag ? ['--chdir', 'src'] : []), app.factory ? `${app.target}()` : app.target];
    const how = app.factory ? `the factory ${app.target}()` : `app ${app.target}`;
    return {
      entry,
      entrySource: `${constructor} ${how} under ${fastapiRun ? 'fastapi run' : server}`,
      entryNeedsShell: false,
      framework,
      listens: true,
      ...(codePort ? portOf(codePort) : serverDefault(server)),
    };
  }

  return { missingServer };
}

/** gunicorn and uvicorn are started on $PORT, which the image sets: 8000, both servers' own default. */
export const serverDefault = (server: string) => ({ port: 8000, portSource: `${server}'s default port, which the image sets as PORT (--port changes it)` });

/** A Procfile of several commands or a release line, run by sh at every start (see startScript). */
function shellEntry(
  web: string,
  release: string | undefined,
  port: number | { port: number; file: string } | undefined,
  framework: PythonFacts['framework'],
): PythonEntry {
  const { script, server } = startScript(web, release);
  return {
    entry: ['/bin/sh', '-c', script],
    entrySource: release === undefined ? 'Procfile web: (several commands)' : 'Procfile release: and web:',
    entryNeedsShell: true,
    listens: true,
    framework,
    ...(port !== undefined ? portOf(port, 'Procfile') : server === 'gunicorn' || server === 'uvicorn' ? serverDefault(server) : {}),
    notes: [
      PYTHON_MESSAGES.message(release === undefined ? 'note.python.procfile-several' : 'note.python.procfile-release', { script }),
      // The image's user owns nothing under /app: steps that write there (SQLite, compiled catalogs) fail.
      PYTHON_MESSAGES.message('note.python.procfile-user'),
    ],
  };
}

const portOf = (found: { port: number; file: string } | number | undefined, file?: string) =>
  found === undefined ? {} : typeof found === 'number' ? { port: found, portSource: file } : { port: found.port, portSource: found.file };

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
  // `--port 8000`, `--bind 0.0.0.0:8000`, and the default of `--port ${PORT:-8000}`.
  const match = /(?:--port[=\s]+|(?:--bind|-b)[=\s]+\S*:)(?:\$\{PORT:?-)?(\d{2,5})\b/.exec(command);
  const port = Number(match?.[1]);
  return port >= 1 && port <= 65535 ? port : undefined;
}

interface DjangoApp {
  readonly wsgi: string;
  readonly source: string;
  readonly asgi?: string;
  readonly asgiSource?: string;
  readonly staticRoot?: { readonly root: string; readonly source: string };
}

function djangoApp(snapshot: ProjectSnapshot, sources: readonly { file: string; text: string }[]): DjangoApp | undefined {
  if (!snapshot.files.includes('manage.py')) return undefined;
  for (const { file, text } of sources) {
    const setting = /^WSGI_APPLICATION\s*=\s*['"]([\w.]+)\.(\w+)['"]/m.exec(text);
    if (!setting) continue;
    const asgi = /^ASGI_APPLICATION\s*=\s*['"]([\w.]+)\.(\w+)['"]/m.exec(text);
    const asgiFile = `${setting[1]!.split('.')[0]}/asgi.py`;
    return {
      wsgi: `${setting[1]}:${setting[2]}`,
      source: `${file} WSGI_APPLICATION`,
      ...(asgi
        ? { asgi: `${asgi[1]}:${asgi[2]}`, asgiSource: `${file} ASGI_APPLICATION` }
        : snapshot.files.includes(asgiFile)
          ? { asgi: `${moduleOf(asgiFile)}:application`, asgiSource: asgiFile }
          : {}),
      staticRoot: staticRoot(file, text),
    };
  }
  return undefined;
}

/**
 * STATIC_ROOT as settings files write it, relative to BASE_DIR (the folder of manage.py):
 * `BASE_DIR / "staticfiles"`, `os.path.join(BASE_DIR, "static")`, `str(BASE_DIR / "static")`.
 */
function staticRoot(file: string, text: string): { root: string; source: string } | undefined {
  const line = /^STATIC_ROOT\s*=\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (line === undefined || /^None\b/.test(line)) return undefined;
  const parts =
    /^(?:str\()?\s*BASE_DIR\s*((?:\/\s*['"][\w.-]+['"]\s*)+)\)?\s*$/.exec(line)?.[1]?.match(/[\w.-]+/g) ??
    /^os\.path\.join\(\s*BASE_DIR\s*((?:,\s*['"][\w.-]+['"]\s*)+)\)\s*$/.exec(line)?.[1]?.match(/[\w.-]+/g);
  if (!parts || parts.some((part) => part === '..')) return { root: '', source: `${file} STATIC_ROOT ${line}` };
  return { root: parts.join('/'), source: `${file} STATIC_ROOT` };
}

function frameworkOf(sources: readonly { text: string }[]): PythonFacts['framework'] {
  const text = sources.map((source) => source.text).join('\n');
  if (/\bFastAPI\s*\(/.test(text)) return 'fastapi';
  if (/\bStarlette\s*\(/.test(text)) return 'starlette';
  if (/\bFlask\s*\(/.test(text)) return 'flask';
  return undefined;
}
