import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const detect = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/src/svc', files)), 'python');
const dockerfile = (files: Record<string, string>) =>
  PIPELINE.generate(PIPELINE.detect(memorySnapshot('/src/svc', files)), {}, { templatesDir }).files[0]!.content;

const FASTAPI_APP = 'from fastapi import FastAPI\n\napp = FastAPI(title="svc")\n';
const FLASK_FACTORY =
  'from flask import Flask\n\n\ndef create_app(test_config=None):\n    app = Flask(__name__, instance_relative_config=True)\n    return app\n';

describe('the app object, where the framework guides put it', () => {
  test.each([
    [
      'FastAPI in a package, app/main.py',
      { 'requirements.txt': 'fastapi\nuvicorn\n', 'app/__init__.py': '', 'app/main.py': FASTAPI_APP },
      ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '$PORT'],
    ],
    [
      'FastAPI with a type annotation',
      { 'requirements.txt': 'fastapi\nuvicorn\n', 'main.py': 'from fastapi import FastAPI\napi: FastAPI = FastAPI()\n' },
      ['uvicorn', 'main:api', '--host', '0.0.0.0', '--port', '$PORT'],
    ],
    [
      'a Flask factory left for gunicorn to call',
      { 'requirements.txt': 'flask\ngunicorn\n', 'flaskr/__init__.py': FLASK_FACTORY },
      ['gunicorn', '--bind', '0.0.0.0:$PORT', 'flaskr:create_app()'],
    ],
    [
      'a Flask factory called in wsgi.py',
      { 'requirements.txt': 'flask\ngunicorn\n', 'flaskr/__init__.py': FLASK_FACTORY, 'wsgi.py': 'from flaskr import create_app\n\napp = create_app()\n' },
      ['gunicorn', '--bind', '0.0.0.0:$PORT', 'wsgi:app'],
    ],
    [
      'a FastAPI factory: uvicorn --factory',
      { 'requirements.txt': 'fastapi\nuvicorn\n', 'svc/__init__.py': '', 'svc/app.py': 'from fastapi import FastAPI\n\ndef build():\n    return FastAPI()\n' },
      ['uvicorn', '--factory', 'svc.app:build', '--host', '0.0.0.0', '--port', '$PORT'],
    ],
  ])('%s', (_name, files, expected) => {
    const facts = detect(files);
    expect(facts.entry).toEqual(expected);
    expect([facts.listens, facts.port]).toEqual([true, 8000]);
  });

  test('under src/: the server is told where the package is unless the project installs it', () => {
    const files = { 'src/shop/__init__.py': '', 'src/shop/main.py': FASTAPI_APP };
    expect(detect({ ...files, 'requirements.txt': 'fastapi\nuvicorn\n' }).entry).toEqual([
      'uvicorn',
      'shop.main:app',
      '--host',
      '0.0.0.0',
      '--port',
      '$PORT',
      '--app-dir',
      'src',
    ]);
    const installed = detect({
      ...files,
      'pyproject.toml':
        '[project]\nname = "shop"\ndependencies = ["fastapi", "uvicorn"]\n[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n',
    });
    expect(installed.entry).toEqual(['uvicorn', 'shop.main:app', '--host', '0.0.0.0', '--port', '$PORT']);
  });

  test('an app with no server among the dependencies: one line naming the server to add', () => {
    expect(() => detect({ 'requirements.txt': 'fastapi\n', 'app/main.py': FASTAPI_APP })).toThrow(UserError);
    expect(() => detect({ 'requirements.txt': 'fastapi\n', 'app/main.py': FASTAPI_APP })).toThrow(
      /FastAPI app app\.main:app found, but uvicorn is not among the dependencies/,
    );
  });
});

describe('servers that come with an extra', () => {
  test.each([
    ['requirements.txt fastapi[standard]', { 'requirements.txt': 'fastapi[standard]==0.115.11\n' }],
    ['PEP 621 fastapi[all]', { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi[all]>=0.110"]\n' }],
    [
      "Poetry's table extras",
      {
        'pyproject.toml':
          '[tool.poetry]\nname = "svc"\npackage-mode = false\n[tool.poetry.dependencies]\npython = "^3.13"\nfastapi = { version = "^0.115", extras = ["standard"] }\n',
        'poetry.lock': '',
      },
    ],
    ['Pipfile table extras', { Pipfile: '[packages]\nfastapi = {version = "*", extras = ["standard"]}\n' }],
  ])("%s: FastAPI's own `fastapi run` serves the app, as its deployment guide does", (_name, files) => {
    const facts = detect({ ...files, 'app/main.py': FASTAPI_APP });
    expect(facts.dependencies).toEqual(expect.arrayContaining(['fastapi', 'uvicorn', 'fastapi-cli']));
    expect(facts.entry).toEqual(['fastapi', 'run', 'app/main.py', '--port', '$PORT']);
    expect(facts.entrySource).toBe('FastAPI app app.main:app under fastapi run');
  });

  test('fastapi run is told an attribute not called app; a factory stays with uvicorn --factory, which fastapi run cannot call', () => {
    const deps = { 'requirements.txt': 'fastapi[standard]\n' };
    expect(detect({ ...deps, 'main.py': 'from fastapi import FastAPI\napi = FastAPI()\n' }).entry).toEqual([
      'fastapi',
      'run',
      'main.py',
      '--port',
      '$PORT',
      '--app',
      'api',
    ]);
    const factory = detect({ ...deps, 'main.py': 'from fastapi import FastAPI\n\ndef create_app():\n    app = FastAPI()\n    return app\n' });
    expect(factory.entry.slice(0, 2)).toEqual(['uvicorn', '--factory']);
  });

  test('Poetry package-mode = false, uv package = false, pdm distribution = false: dependencies only, no project install', () => {
    for (const tool of ['[tool.poetry]\npackage-mode = false\n', '[tool.uv]\npackage = false\n', '[tool.pdm]\ndistribution = false\n']) {
      const facts = detect({
        'pyproject.toml': `[project]\nname = "svc"\ndependencies = ["flask", "gunicorn"]\n${tool}[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n`,
        'wsgi.py': 'from flask import Flask\napp = Flask(__name__)\n',
      });
      expect(facts.installable).toBe(false);
    }
  });
});

const DJANGO = {
  'requirements.txt': 'Django==4.2\ngunicorn\nwhitenoise\n',
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
  'mysite/__init__.py': '',
  'mysite/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
  'mysite/asgi.py': 'from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n',
};
const settings = (staticRoot: string) =>
  `from pathlib import Path\nimport os\nBASE_DIR = Path(__file__).resolve().parent.parent\nWSGI_APPLICATION = "mysite.wsgi.application"\nSTATIC_URL = "static/"\n${staticRoot}\n`;

describe('Django', () => {
  test.each([
    ['BASE_DIR / "staticfiles"', 'STATIC_ROOT = BASE_DIR / "staticfiles"', 'staticfiles'],
    ["os.path.join(BASE_DIR, 'static', 'root')", "STATIC_ROOT = os.path.join(BASE_DIR, 'static', 'root')", 'static/root'],
    ['str(BASE_DIR / "assets")', 'STATIC_ROOT = str(BASE_DIR / "assets")', 'assets'],
  ])('STATIC_ROOT = %s: collectstatic in the build, its folder copied to the runtime', (_name, line, root) => {
    const files = { ...DJANGO, 'mysite/settings.py': settings(line) };
    const facts = detect(files);
    expect([facts.entry, facts.collectStatic?.root]).toEqual([['gunicorn', '--bind', '0.0.0.0:$PORT', 'mysite.wsgi:application'], root]);
    const text = dockerfile(files);
    const collect = text.indexOf('RUN /opt/venv/bin/python manage.py collectstatic --noinput');
    expect([collect > text.indexOf('COPY . .'), text.includes(`COPY --from=build /app/${root} ./${root}`)]).toEqual([true, true]);
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/migrations are not run at build time.*manage\.py migrate/);
  });

  test('no STATIC_ROOT: no collectstatic', () => {
    expect(dockerfile({ ...DJANGO, 'mysite/settings.py': settings('') })).not.toMatch(/collectstatic/);
  });

  test('a STATIC_ROOT this tool cannot read is refused with what to write', () => {
    expect(() => detect({ ...DJANGO, 'mysite/settings.py': settings('STATIC_ROOT = env("STATIC_ROOT")') })).toThrow(
      /STATIC_ROOT env\("STATIC_ROOT"\): .*write it as BASE_DIR \/ "staticfiles"/,
    );
    expect(() => detect({ ...DJANGO, 'mysite/settings.py': settings('STATIC_ROOT = BASE_DIR / ".." / "www"') })).toThrow(UserError);
  });

  test('ASGI under uvicorn when uvicorn and not gunicorn is a dependency', () => {
    const facts = detect({ ...DJANGO, 'requirements.txt': 'Django\nuvicorn\n', 'mysite/settings.py': settings('') });
    expect([facts.entry, facts.port]).toEqual([['uvicorn', 'mysite.asgi:application', '--host', '0.0.0.0', '--port', '$PORT'], 8000]);
  });
});

describe('each lock tool reads its own lock, at the version the project asks for, checking its hashes', () => {
  const APP = { 'wsgi.py': 'from flask import Flask\napp = Flask(__name__)\n' };
  const pyproject = '[project]\nname = "svc"\nrequires-python = ">=3.13"\ndependencies = ["flask", "gunicorn"]\n';
  test.each([
    [
      'Poetry',
      { 'pyproject.toml': `${pyproject}[tool.poetry]\npackage-mode = false\n`, 'poetry.lock': '' },
      /-m venv \/opt\/poetry && \/opt\/poetry\/bin\/pip install poetry==2\.5\.1 && VIRTUAL_ENV=\/opt\/venv POETRY_VIRTUALENVS_CREATE=false \/opt\/poetry\/bin\/poetry sync --no-root --only main --no-interaction$/m,
    ],
    ['uv', { 'pyproject.toml': pyproject, 'uv.lock': '' }, /^ {4}uv sync --locked --no-dev --no-install-project$/m],
    [
      'PDM',
      { 'pyproject.toml': pyproject, 'pdm.lock': '' },
      /'pdm\[locked\]==2\.29\.3' && VIRTUAL_ENV=\/opt\/venv PDM_CHECK_UPDATE=false \/opt\/pdm\/bin\/pdm sync --prod --no-self --no-editable$/m,
    ],
    [
      'Pipenv',
      { Pipfile: '[packages]\nflask = "*"\ngunicorn = "*"\n', 'Pipfile.lock': '{"default": {}}' },
      /pipenv==2026\.10\.3 && \/opt\/pipenv\/bin\/pipenv requirements --hash > \/tmp\/requirements\.txt && \S+ -m pip --python \/opt\/venv\/bin\/python install --require-hashes -r \/tmp\/requirements\.txt$/m,
    ],
  ])('%s', (_name, files, command) => {
    const text = dockerfile({ ...files, ...APP });
    expect(text).toMatch(command);
    // Nothing exports the lock without its hashes any more.
    expect(text).not.toMatch(/--without-hashes|--no-hashes/);
  });

  test("uv comes from its own image, as uv's Docker guide has it, with its settings for the build stage only; pip's index arguments are not declared for it", () => {
    const text = dockerfile({ 'pyproject.toml': pyproject, 'uv.lock': '', ...APP });
    expect(text).toContain('COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /uvx /bin/\n');
    expect(text).toContain(
      'ENV UV_PROJECT_ENVIRONMENT=/opt/venv \\\n    UV_PYTHON=/usr/bin/python3.13 \\\n    UV_PYTHON_DOWNLOADS=never \\\n    UV_COMPILE_BYTECODE=1 \\\n    UV_LINK_MODE=copy\n',
    );
    expect(text).not.toMatch(/ARG PIP_|pip\.conf/);
    // The build stage's ENV never reaches the runtime, which begins at the next FROM.
    expect(text.slice(text.lastIndexOf('FROM '))).not.toContain('UV_');
  });

  test.each([
    [
      '[tool.uv] required-version, exact',
      { 'pyproject.toml': `${pyproject}[tool.uv]\nrequired-version = "==0.9.11"\n`, 'uv.lock': '' },
      'ghcr.io/astral-sh/uv:0.9.11',
      'as [tool.uv] required-version in pyproject.toml asks (==0.9.11)',
    ],
    [
      '[tool.uv] required-version, a range the default fits',
      { 'pyproject.toml': `${pyproject}[tool.uv]\nrequired-version = ">=0.5"\n`, 'uv.lock': '' },
      'ghcr.io/astral-sh/uv:0.13.9',
      'as [tool.uv] required-version in pyproject.toml asks (>=0.5)',
    ],
    [
      'uv.toml',
      { 'pyproject.toml': pyproject, 'uv.toml': 'required-version = ">=0.8,<0.10"\n', 'uv.lock': '' },
      'ghcr.io/astral-sh/uv:0.8.0',
      'the lowest version required-version in uv.toml allows (>=0.8,<0.10)',
    ],
    [
      "poetry.lock's own header",
      {
        'pyproject.toml': `${pyproject}[tool.poetry]\npackage-mode = false\n`,
        'poetry.lock': '# This file is automatically @generated by Poetry 2.1.2 and should not be changed by hand.\n',
      },
      'poetry==2.1.2 ',
      'as poetry.lock, written by that Poetry asks (==2.1.2)',
    ],
    [
      'requires-poetry',
      { 'pyproject.toml': `${pyproject}[tool.poetry]\npackage-mode = false\nrequires-poetry = ">=1.8,<2.3"\n`, 'poetry.lock': '' },
      'poetry==1.8.0 ',
      'the lowest version [tool.poetry] requires-poetry in pyproject.toml allows',
    ],
    [
      'no request',
      { 'pyproject.toml': pyproject, 'pdm.lock': '' },
      "'pdm[locked]==2.29.3'",
      'the default, since the project asks for no version; the RUN line that installs it asks for one',
    ],
  ])('%s', (_name, files, installed, said) => {
    const text = dockerfile({ ...files, ...APP });
    expect(text).toContain(installed);
    expect(text.replace(/\n# /g, ' ')).toContain(said);
  });

  test('Poetry with no lock locks first', () => {
    expect(dockerfile({ 'pyproject.toml': `${pyproject}[tool.poetry]\npackage-mode = false\n`, ...APP })).toMatch(
      /poetry lock --no-interaction && VIRTUAL_ENV=\/opt\/venv POETRY_VIRTUALENVS_CREATE=false \/opt\/poetry\/bin\/poetry sync/,
    );
  });
});
