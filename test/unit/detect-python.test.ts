import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { lineSatisfies, pythonVersion } from '../../generators/languages/python/version.js';
import { procfileWords } from '../../generators/languages/python/procfile.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { sayNote } from '../harness/notes.js';

const project = (files: Record<string, string>) => narrow(PIPELINE.detect(memorySnapshot('/src/svc', files), { language: 'python' }), 'python');
const MAIN = { 'main.py': 'print("hi")\n' };

describe('Python dependencies', () => {
  test('requirements.txt with -r and -c includes: every file, relative to the one that includes it', () => {
    const facts = project({
      ...MAIN,
      'requirements.txt': '# pinned\n-r requirements/base.txt\n-c constraints.txt\nrequests[socks]>=2.31 ; python_version > "3.8"  # http\n',
      'requirements/base.txt': 'Flask_SQLAlchemy==3.1\n--requirement common.txt\n-e git+https://example.com/x.git#egg=x\n',
      'requirements/common.txt': 'gunicorn\n',
      'constraints.txt': 'urllib3<3\n',
    });
    expect(facts.dependencySource).toBe('requirements');
    expect(facts.dependencyFiles).toEqual(['requirements.txt', 'requirements/base.txt', 'requirements/common.txt', 'constraints.txt']);
    expect(facts.dependencies).toEqual(['flask-sqlalchemy', 'gunicorn', 'urllib3', 'requests']);
  });

  test.each([
    [
      'PEP 621',
      { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.110", "uvicorn[standard]"]\n' },
      'pyproject',
      ['pyproject.toml'],
      ['fastapi', 'uvicorn'],
    ],
    [
      'poetry',
      { 'pyproject.toml': '[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.12"\nDjango = "^5"\n', 'poetry.lock': '' },
      'poetry',
      ['pyproject.toml', 'poetry.lock'],
      ['django'],
    ],
    [
      'uv',
      { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["flask"]\n', 'uv.lock': 'version = 1\n' },
      'uv',
      ['pyproject.toml', 'uv.lock'],
      ['flask'],
    ],
    [
      'pdm',
      { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["flask"]\n[tool.pdm]\n', 'pdm.lock': '' },
      'pdm',
      ['pyproject.toml', 'pdm.lock'],
      ['flask'],
    ],
    [
      'Pipfile',
      { Pipfile: '[packages]\nflask = "*"\n"psycopg2" = "==2.9.10"\n', 'Pipfile.lock': '{}' },
      'pipfile',
      ['Pipfile', 'Pipfile.lock'],
      ['flask', 'psycopg2'],
    ],
    ['setup.cfg', { 'setup.cfg': '[options]\ninstall_requires =\n    flask>=3\n    gunicorn\n' }, 'setup.cfg', ['setup.cfg'], ['flask', 'gunicorn']],
    [
      'setup.py',
      { 'setup.py': 'from setuptools import setup\nsetup(name="svc", install_requires=["flask", "gunicorn>=22"])\n' },
      'setup.py',
      [],
      ['flask', 'gunicorn'],
    ],
  ])('%s', (_name, files, source, dependencyFiles, dependencies) => {
    const facts = project({ ...MAIN, ...files });
    expect([facts.dependencySource, facts.dependencyFiles, facts.dependencies]).toEqual([source, dependencyFiles, dependencies]);
  });

  test('compiled dependencies name the system packages they need', () => {
    const facts = project({ ...MAIN, 'requirements.txt': 'psycopg2==2.9.10\nlxml\n' });
    expect(facts.compiled).toEqual([
      { name: 'psycopg2', builderPackages: ['libpq-dev'], runtimePackages: ['libpq5'] },
      { name: 'lxml', builderPackages: [], runtimePackages: [] },
    ]);
  });
});

describe('the Python version', () => {
  test.each([
    [undefined, '3.12.4\n', undefined, '3.12', '.python-version'],
    [undefined, undefined, 'python-3.11.9', '3.11', 'runtime.txt'],
    ['>=3.10,<3.13', undefined, undefined, '3.12', 'requires-python ">=3.10,<3.13"'],
    ['~=3.11', undefined, undefined, '3.13', 'requires-python "~=3.11"'],
    ['==3.11.*', undefined, undefined, '3.11', 'requires-python "==3.11.*"'],
    [undefined, undefined, undefined, '3.13', 'default'],
  ])('requires-python %s, .python-version %s, runtime.txt %s -> %s', (requires, file, runtime, version, source) => {
    expect(pythonVersion(requires, file, runtime)).toEqual({ version, source });
  });

  test('PEP 440 clauses, checked against every patch of a line', () => {
    expect(lineSatisfies('3.12', '>=3.12.4')).toBe(true);
    expect(lineSatisfies('3.13', '<3.13')).toBe(false);
    expect(lineSatisfies('3.13', '!=3.13.*')).toBe(false);
    expect(lineSatisfies('3.12', '~=3.12.1')).toBe(true);
    expect(lineSatisfies('3.13', '~=3.12.1')).toBe(false);
  });
});

describe('the Python entry point', () => {
  test('a Procfile web: line wins, with $PORT kept for the plan and the port read from its flags', () => {
    const facts = project({
      'requirements.txt': 'flask\ngunicorn\n',
      Procfile: 'worker: celery -A app worker\nweb: gunicorn app:app --bind 0.0.0.0:${PORT} -b :9000\n',
      'app.py': 'app = Flask(__name__)\n',
    });
    expect(facts.entry).toEqual(['gunicorn', 'app:app', '--bind', '0.0.0.0:$PORT', '-b', ':9000']);
    expect([facts.listens, facts.port, facts.entrySource]).toEqual([true, 9000, 'Procfile web:']);
  });

  test('Procfile words: quotes are kept as one word, shell syntax is refused', () => {
    expect(procfileWords(`uvicorn main:app --host "0.0.0.0" --port $PORT`)).toEqual(['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '$PORT']);
    for (const line of ['gunicorn app:app | tee log', 'gunicorn app:app; rm -rf /', 'gunicorn $APP', 'gunicorn $(cat app)', 'run > out']) {
      expect(() => procfileWords(line)).toThrow(/needs a shell/);
    }
  });

  test('[project.scripts] names a console script; its module says whether it listens', () => {
    const facts = project({
      'pyproject.toml': '[project]\nname = "tool"\ndependencies = []\n[project.scripts]\ntool = "tool.cli:main"\n[build-system]\nrequires = ["setuptools"]\n',
      'tool/cli.py': 'def main():\n    print("done")\n',
    });
    expect([facts.entry, facts.listens, facts.installable]).toEqual([['tool'], false, true]);
  });

  test('Django: gunicorn on the WSGI_APPLICATION when it is a dependency, else runserver with a note', () => {
    const files = { 'manage.py': '', 'proj/settings.py': "WSGI_APPLICATION = 'proj.wsgi.application'\n" };
    expect(project({ ...files, 'requirements.txt': 'Django\ngunicorn\n' }).entry).toEqual(['gunicorn', '--bind', '0.0.0.0:$PORT', 'proj.wsgi:application']);
    const bare = project({ ...files, 'requirements.txt': 'Django\n' });
    expect(bare.entry).toEqual(['python', 'manage.py', 'runserver', '0.0.0.0:$PORT', '--noreload']);
    expect(bare.notes.map(sayNote).join(' ')).toMatch(/runserver`, which is for development/);
  });

  test('FastAPI under uvicorn and Flask under gunicorn, when those servers are dependencies', () => {
    const fastapi = project({
      'requirements.txt': 'fastapi\nuvicorn\n',
      'app/main.py': 'from fastapi import FastAPI\napi = FastAPI()\n',
      'app/__init__.py': '',
    });
    expect(fastapi.entry).toEqual(['uvicorn', 'app.main:api', '--host', '0.0.0.0', '--port', '$PORT']);
    expect(fastapi.framework).toBe('fastapi');
    const flask = project({ 'requirements.txt': 'Flask\ngunicorn\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' });
    expect(flask.entry).toEqual(['gunicorn', '--bind', '0.0.0.0:$PORT', 'app:app']);
    // Flask without gunicorn runs its file, as its author does.
    expect(project({ 'requirements.txt': 'Flask\n', 'app.py': 'app = Flask(__name__)\napp.run(host="0.0.0.0", port=5000)\n' })).toMatchObject({
      entry: ['python', 'app.py'],
      port: 5000,
      listens: true,
    });
  });

  test.each([
    [{ 'main.py': 'from http.server import HTTPServer\nHTTPServer(("", 8123), H).serve_forever()\n', 'app.py': '' }, ['python', 'main.py'], 8123],
    [
      { 'app.py': 'import os\nfrom wsgiref.simple_server import make_server\nmake_server("", int(os.environ.get("PORT", "7000")), app)\n' },
      ['python', 'app.py'],
      7000,
    ],
    [{ '__main__.py': 'print(1)\n' }, ['python', '.'], undefined],
    [{ 'src/svc/__main__.py': 'print(1)\n', 'pyproject.toml': '[project]\nname = "svc"\n' }, ['python', '-m', 'svc'], undefined],
  ])('%j runs %j', (files, entry, port) => {
    const facts = project(files);
    expect([facts.entry, facts.port]).toEqual([entry, port]);
  });

  test('boot.sh is a last resort, and it needs a shell', () => {
    const facts = project({ 'requirements.txt': 'gunicorn\n', 'boot.sh': '#!/bin/sh\nexec gunicorn app:app --bind 0.0.0.0:5005\n' });
    expect([facts.entry, facts.entryNeedsShell, facts.port]).toEqual([['./boot.sh'], true, 5005]);
    expect(facts.notes.map(sayNote).join('\n')).toMatch(/ends with `exec gunicorn app:app --bind 0\.0\.0\.0:5005`, so the server replaces the shell as PID 1/);
    const noExec = project({ 'requirements.txt': 'gunicorn\n', 'boot.sh': '#!/bin/bash\nflask db upgrade\ngunicorn -b :5000 app:app\n# done\n' });
    expect(noExec.notes.map(sayNote).join('\n')).toMatch(
      /its last command `gunicorn -b :5000 app:app` is not exec'd, so the shell stays PID 1 .*write `exec` before it/,
    );
  });

  test('tests: unittest by default, pytest when it is a dependency', () => {
    expect(project({ ...MAIN, 'tests/test_app.py': '' }).tests).toEqual({ source: '1 test file (unittest)' });
    expect(project({ ...MAIN, 'requirements.txt': 'pytest\n', 'test_a.py': '', 'b_test.py': '' }).tests).toEqual({ source: '2 test files (pytest)' });
  });
});

describe('pytest declared for development: the test stage installs that declaration', () => {
  const APP = { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n', 'tests/test_app.py': 'def test_x():\n    assert True\n' };
  const PROJECT = '[project]\nname = "svc"\nversion = "1"\ndependencies = ["flask", "gunicorn"]\n';
  const testStageOf = (files: Record<string, string>) => {
    const result = PIPELINE.generate(PIPELINE.detect(memorySnapshot('/src/svc', { ...APP, ...files })), {}, { templatesDir });
    const dockerfile = result.files.find((file) => file.path === 'Dockerfile')!.content;
    return {
      source: result.facts.tests?.source,
      stage: dockerfile
        .slice(dockerfile.indexOf('AS test'))
        .split('\n\n')[0]!
        .match(/^(RUN| {4}\/).*$/gm),
    };
  };
  const pip = '/usr/bin/python3.13 -m pip --python /opt/venv/bin/python install';

  test.each([
    [
      'a PEP 735 group',
      { 'pyproject.toml': `${PROJECT}\n[dependency-groups]\nlint = ["ruff"]\ntest = ["pytest>=8", "pytest-cov"]\n` },
      '--group test',
      '[dependency-groups] test in pyproject.toml',
    ],
    [
      'requirements-dev.txt',
      { 'requirements.txt': 'flask\ngunicorn\n', 'requirements-dev.txt': '-r requirements.txt\npytest==8.3.4\n' },
      '-r requirements-dev.txt',
      'requirements-dev.txt',
    ],
    [
      "uv's dev-dependencies",
      { 'pyproject.toml': `${PROJECT}\n[tool.uv]\ndev-dependencies = ["pytest>=8.3", "httpx; python_version>'3.8'"]\n` },
      "'pytest>=8.3' httpx",
      '[tool.uv] dev-dependencies in pyproject.toml',
    ],
    [
      'an extra',
      { 'pyproject.toml': `${PROJECT}\n[project.optional-dependencies]\ntest = ["pytest ~= 8.0", "git+https://example.com/x.git"]\n` },
      "'pytest~=8.0'",
      'the test extra in pyproject.toml',
    ],
    [
      'a Poetry group',
      {
        'pyproject.toml':
          '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nflask = "^3.0"\ngunicorn = "*"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n',
      },
      'pytest',
      '[tool.poetry.group.dev] in pyproject.toml',
    ],
    ['Pipfile dev-packages', { Pipfile: '[packages]\nflask = "*"\ngunicorn = "*"\n\n[dev-packages]\npytest = "*"\n' }, 'pytest', '[dev-packages] in Pipfile'],
  ])('%s', (_name, files, install, where) => {
    const { source, stage } = testStageOf(files);
    expect(source).toBe(`1 test file (pytest, from ${where})`);
    expect(stage).toEqual([expect.stringMatching(/^RUN --mount=type=cache/), `    ${pip} ${install}`, 'RUN /opt/venv/bin/python -m pytest']);
  });

  test("Poetry's test requirements go unpinned, and a note says so; Pipfile's versions are kept", () => {
    const poetry =
      '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nflask = "^3.0"\ngunicorn = "*"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n';
    const facts = PIPELINE.detect(memorySnapshot('/src/svc', { ...APP, 'pyproject.toml': poetry }));
    expect(facts.notes.map(sayNote)).toContain(
      "The test stage installs pytest from [tool.poetry.group.dev] in pyproject.toml by name, at the index's newest versions: its version syntax is not pip's.",
    );
    // Pipfile's "==8.3.4" is PEP 440 already: kept, and nothing to admit.
    const pipfile = PIPELINE.detect(
      memorySnapshot('/src/svc', { ...APP, Pipfile: '[packages]\nflask = "*"\ngunicorn = "*"\n\n[dev-packages]\npytest = "==8.3.4"\n' }),
    );
    expect(narrow(pipfile, 'python').testInstall).toEqual({
      kind: 'requirements',
      requirements: ['pytest==8.3.4'],
      source: '[dev-packages] in Pipfile',
      unpinned: false,
    });
    expect(pipfile.notes.map(sayNote).filter((note) => note.startsWith('The test stage installs'))).toEqual([]);
    const pep621 = PIPELINE.detect(
      memorySnapshot('/src/svc', { ...APP, 'pyproject.toml': `${PROJECT}\n[project.optional-dependencies]\ntest = ["pytest>=8"]\n` }),
    );
    expect(pep621.notes.map(sayNote).filter((note) => note.startsWith('The test stage installs'))).toEqual([]);
  });

  test('pytest among the app dependencies needs no install; no pytest anywhere is unittest', () => {
    expect(testStageOf({ 'pyproject.toml': PROJECT.replace('"gunicorn"', '"gunicorn", "pytest"') }).stage).toEqual(['RUN /opt/venv/bin/python -m pytest']);
    expect(testStageOf({ 'pyproject.toml': PROJECT }).stage).toEqual(['RUN /opt/venv/bin/python -m unittest discover']);
  });
});
