import { posix } from 'node:path';

/**
 * Where a web framework's application object lives, the way the frameworks' guides write it: a
 * module-level `app = Flask(__name__)` / `app = FastAPI()`, in a module, a package
 * (`app/main.py`, `flaskr/__init__.py`) or under `src/`; or an application factory
 * (`def create_app():` building it), either called at module level (`app = create_app()` in
 * wsgi.py) or left for the server to call.
 */
export interface AppTarget {
  /** The import path the server loads: "app.main:app", "flaskr:create_app". */
  readonly target: string;
  /** The attribute is a factory: gunicorn calls it (`module:f()`), uvicorn takes `--factory`. */
  readonly factory: boolean;
  readonly file: string;
  /** The module lives under src/: importable only with src on the path. */
  readonly underSrc: boolean;
}

interface Source {
  readonly file: string;
  readonly text: string;
}

/** Conventional homes first at each depth, so `wsgi.py` wins over a helper that also builds an app. */
const CONVENTIONAL = ['wsgi.py', 'asgi.py', 'main.py', 'app.py', '__init__.py', 'server.py', 'application.py'];

const rank = (file: string) => {
  const index = CONVENTIONAL.indexOf(posix.basename(file));
  return index === -1 ? CONVENTIONAL.length : index;
};

export function moduleOf(file: string): string {
  return file
    .replace(/^src\//, '')
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .replace(/\//g, '.');
}

export function findApp(sources: readonly Source[], constructor: string): AppTarget | undefined {
  const ordered = [...sources].sort((a, b) => depth(a.file) - depth(b.file) || rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  const at = (file: string, attribute: string, factory: boolean): AppTarget => ({
    target: `${moduleOf(file)}:${attribute}`,
    factory,
    file,
    underSrc: file.startsWith('src/'),
  });

  const direct = new RegExp(`^(\\w+)\\s*(?::\\s*[\\w.\\[\\]]+\\s*)?=\\s*(?:\\w+\\.)?${constructor}\\s*\\(`, 'm');
  for (const { file, text } of ordered) {
    const variable = direct.exec(text)?.[1];
    if (variable) return at(file, variable, false);
  }

  // Factories: a top-level def whose body builds the app.
  const factories = new Map<string, string>();
  for (const { file, text } of ordered) {
    for (const match of text.matchAll(/^def (\w+)\s*\([^)]*\)[^:]*:\n((?:[ \t]+.*\n|[ \t]*\n)*)/gm)) {
      if (new RegExp(`\\b${constructor}\\s*\\(`).test(match[2]!) && !factories.has(match[1]!)) factories.set(match[1]!, file);
    }
  }
  if (factories.size === 0) return undefined;
  const names = [...factories.keys()].join('|');
  const called = new RegExp(`^(\\w+)\\s*=\\s*(?:[\\w.]+\\.)?(?:${names})\\s*\\(`, 'm');
  for (const { file, text } of ordered) {
    const variable = called.exec(text)?.[1];
    if (variable) return at(file, variable, false);
  }
  const [name, file] = [...factories][0]!;
  return at(file, name, true);
}

const depth = (file: string) => file.replace(/^src\//, '').split('/').length;
