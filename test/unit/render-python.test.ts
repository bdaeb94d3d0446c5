import type { Choices } from '../../generators/core/types.js';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { stages } from '../harness/dockerfile-shape.js';
import { dockerfileOf, renderFixture } from '../harness/golden.js';
import { allCases } from '../harness/fixture-cases.js';
import { narrow } from '../harness/narrow.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

/**
 * The runs of the fixtures with the plain shape these checks describe (one build stage, one runtime
 * copying only from it), as their case files list them; every fixture's output is checked byte for
 * byte in fixtures-expected.test.ts.
 */
const PLAIN = ['stdlib-server', 'requirements-app', 'pyproject-app', 'procfile-app', 'compiled-app', 'flask-gunicorn'];
const CASES = allCases(['python'])
  .filter((testCase) => PLAIN.includes(testCase.fixture))
  .map((testCase) => [testCase.fixture, testCase.choices, testCase.detect] as const);

describe.each(CASES)('Python render: %s %j', (fixture, choices, detect) => {
  const result = renderFixture('python', fixture, choices, detect);
  const dockerfile = dockerfileOf(result.files);

  test('the venv is made by the interpreter the runtime has, and only the venv and the app reach the runtime', () => {
    const [build, runtime] = stages(dockerfile);
    const venv = build!.find((instruction) => instruction.keyword === 'RUN' && / -m venv /.test(instruction.args))!;
    const interpreter = result.plan.runtime === 'distroless' ? '/usr/bin/python3.13' : '/usr/local/bin/python3';
    expect(venv.args).toBe(`${interpreter} -m venv --without-pip /opt/venv`);
    expect(build![0]!.args).toBe(`${result.plan.runtime === 'distroless' ? 'debian:13-slim' : result.plan.builderImage} AS build`);
    const copies = runtime!.filter((instruction) => instruction.keyword === 'COPY').map((instruction) => instruction.args);
    expect(copies).toEqual(['--from=build /opt/venv /opt/venv', '. .']);
    expect(runtime!.filter((instruction) => instruction.keyword === 'RUN' && /pip|gcc|apt-get install.*-dev/.test(instruction.args))).toEqual([]);
    const env = runtime!.find((instruction) => instruction.keyword === 'ENV')!.args;
    expect(env).toMatch(/PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VIRTUAL_ENV=\/opt\/venv PATH=\/opt\/venv\/bin:/);
    expect(runtime!.filter((instruction) => instruction.keyword === 'USER').at(-1)!.args).toBe('65532:65532');
    expect(JSON.parse(runtime!.find((instruction) => instruction.keyword === 'ENTRYPOINT')!.raw)).toEqual(result.plan.entrypoint);
  });

  test('dependencies install before the source is copied, with the private index as build arguments only', () => {
    const [build] = stages(dockerfile);
    const install = build!.findIndex((instruction) => instruction.keyword === 'RUN' && / -r /.test(instruction.args));
    const source = build!.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
    if (install >= 0) expect(install).toBeLessThan(source);
    expect(dockerfile).not.toMatch(/^ENV .*PIP_/m);
    if (install >= 0)
      expect(build!.filter((instruction) => instruction.keyword === 'ARG').map((instruction) => instruction.args)).toEqual([
        'PIP_INDEX_URL',
        'PIP_EXTRA_INDEX_URL',
        'PIP_TRUSTED_HOST',
      ]);
  });
});

describe('Python plans', () => {
  const plan = (files: Record<string, string>, choices: Choices = {}) => {
    const facts = PIPELINE.detect(memorySnapshot('/src/svc', files), { language: 'python' });
    return narrow(PIPELINE.plan(facts, choices), 'python');
  };

  test('Flask and gunicorn in requirements.txt with `web: gunicorn app:app`: gunicorn itself is the ENTRYPOINT, no shell', () => {
    const result = renderFixture('python', 'flask-gunicorn', {});
    expect(result.plan.entrypoint).toEqual(['/opt/venv/bin/gunicorn', 'app:app']);
    const entrypoint = stages(dockerfileOf(result.files))
      .at(-1)!
      .find((instruction) => instruction.keyword === 'ENTRYPOINT')!;
    expect(JSON.parse(entrypoint.raw)).toEqual(['/opt/venv/bin/gunicorn', 'app:app']);
    expect(dockerfileOf(result.files)).not.toMatch(/^(CMD|ENTRYPOINT) \["(\/bin\/)?(ba)?sh"/m);
  });

  test('$PORT in a Procfile becomes the planned port, --port included, and the image sets PORT too', () => {
    const files = { 'requirements.txt': 'uvicorn\n', Procfile: 'web: uvicorn main:app --host 0.0.0.0 --port $PORT\n', 'main.py': '' };
    expect(plan(files).entrypoint).toEqual(['/opt/venv/bin/uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8000']);
    expect(plan(files, { port: 9100 }).entrypoint.at(-1)).toBe('9100');
  });

  test('distroless needs Python 3.13 (Debian 13), no system libraries and no shell; otherwise slim, saying why', () => {
    const main = { 'main.py': 'print(1)\n' };
    expect(plan(main)).toMatchObject({ runtime: 'distroless', runtimeImage: 'gcr.io/distroless/python3-debian13:nonroot', builderImage: 'debian:13-slim' });
    const older = plan({ ...main, '.python-version': '3.12\n' });
    expect(older).toMatchObject({ runtime: 'slim', runtimeImage: 'python:3.12-slim', builderImage: 'python:3.12-slim' });
    expect(PIPELINE.say(older.runtimeReason)).toMatch(/distroless python3 has Python 3\.13 and the project asks for 3\.12/);
    const libpq = plan({ ...main, 'requirements.txt': 'psycopg2==2.9.10\n' });
    expect(libpq).toMatchObject({ runtime: 'slim', builderImage: 'python:3.13', python: { builderPackages: ['libpq-dev'], runtimePackages: ['libpq5'] } });
    expect(plan({ 'requirements.txt': 'gunicorn\n', 'boot.sh': '#!/bin/sh\nexec gunicorn app:app\n' })).toMatchObject({
      runtime: 'slim',
      entrypoint: ['/app/boot.sh'],
    });
    expect(() => plan({ ...main, '.python-version': '3.12\n' }, { runtime: 'distroless' })).toThrow(
      /--runtime distroless: distroless python3 has Python 3\.13/,
    );
  });

  test('the distroless builder installs Python, headers and a compiler from apt only when there is something to install', () => {
    expect(plan({ 'main.py': 'print(1)\n' }).python.builderPackages).toEqual(['python3.13', 'python3.13-venv', 'python3-pip']);
    expect(plan({ 'main.py': 'print(1)\n', 'requirements.txt': 'x\n' }).python.builderPackages).toEqual([
      'python3.13',
      'python3.13-venv',
      'python3-pip',
      'python3.13-dev',
      'gcc',
      'libc6-dev',
    ]);
  });

  test('a project with tests gets a test stage running them with the venv python', () => {
    expect(plan({ 'main.py': 'print(1)\n', 'tests/test_main.py': '' }).test).toEqual({
      command: '/opt/venv/bin/python -m unittest discover',
      source: '1 test file (unittest)',
    });
  });
});
