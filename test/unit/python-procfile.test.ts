import { describe, expect, test } from '@jest/globals';
import { memorySnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { startScript } from '../../generators/languages/python/procfile.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { narrow } from '../harness/narrow.js';
import { sayNote } from '../harness/notes.js';

const FLASK = { 'requirements.txt': 'flask\ngunicorn\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };
const facts = (procfile: string) => narrow(PIPELINE.detect(memorySnapshot('/src/blog', { ...FLASK, Procfile: procfile })), 'python');

describe('a Procfile run by sh: release steps, several commands, the server exec-ed last', () => {
  test.each([
    [
      'several commands joined by ;',
      'flask db upgrade; flask translate compile; gunicorn app:app',
      'flask db upgrade; flask translate compile; exec gunicorn app:app',
    ],
    ['joined by &&', 'flask db upgrade && gunicorn -w 2 app:app', 'flask db upgrade && exec gunicorn -w 2 app:app'],
    [
      'a ; inside quotes is not a separator',
      `python -c "print('a'); print('b')"; gunicorn app:app`,
      `python -c "print('a'); print('b')"; exec gunicorn app:app`,
    ],
    ['a trailing ;', 'gunicorn app:app;', 'exec gunicorn app:app;'],
    ['exec already there', 'flask db upgrade; exec gunicorn app:app', 'flask db upgrade; exec gunicorn app:app'],
    [
      'a leading assignment stays before exec',
      'flask db upgrade; FORWARDED_ALLOW_IPS=* gunicorn app:app',
      'flask db upgrade; FORWARDED_ALLOW_IPS=* exec gunicorn app:app',
    ],
    ['a variable other than PORT', 'gunicorn -w $WEB_CONCURRENCY app:app', 'exec gunicorn -w $WEB_CONCURRENCY app:app'],
  ])('%s', (_name, web, script) => {
    expect(startScript(web, undefined)).toEqual({ script, server: 'gunicorn' });
  });

  test('a release line runs first and stops the start when it fails; several release commands fail as one', () => {
    expect(startScript('gunicorn app:app', 'flask db upgrade').script).toBe('flask db upgrade || exit; exec gunicorn app:app');
    expect(startScript('gunicorn app:app', 'flask db upgrade; flask translate compile').script).toBe(
      '{ flask db upgrade; flask translate compile; } || exit; exec gunicorn app:app',
    );
  });

  test.each([
    [
      'a server before another command',
      'gunicorn app:app && echo done',
      /starts `gunicorn app:app` before `echo done`, which would run only once the server stops/,
    ],
    ['manage.py runserver before another command', 'python manage.py runserver 0.0.0.0:8000; echo bye', /starts `python manage\.py runserver/],
    ['a pipe', 'gunicorn app:app | tee log', /uses "\|"; this tool runs commands joined by ; or && only/],
    ['a redirection', 'gunicorn app:app > log', /uses ">"/],
    ['a background job', 'worker & gunicorn app:app', /uses "&"/],
    ['||', 'flask db upgrade || gunicorn app:app', /uses "\|\|"/],
    ['a command substitution', 'gunicorn -w $(nproc) app:app', /uses "\$\(\.\.\.\)"/],
    ['backticks', 'gunicorn -w `nproc` app:app', /uses "\$\(\.\.\.\)"/],
    ['a quote never closed', `flask db upgrade; gunicorn "app:app`, /has a quote that is never closed/],
    ['no command at all', ' ; ; ', /runs no command/],
  ])('refused with one line: %s', (_name, web, message) => {
    expect(() => startScript(web, undefined)).toThrow(UserError);
    expect(() => startScript(web, undefined)).toThrow(message);
  });

  test('the facts: sh runs the script, the port is gunicorn default (set as PORT), a note says why slim', () => {
    const found = facts('release: flask db upgrade\nweb: flask translate compile; gunicorn app:app\n');
    expect([found.entry, found.entryNeedsShell, found.entrySource, found.port]).toEqual([
      ['/bin/sh', '-c', 'flask db upgrade || exit; flask translate compile; exec gunicorn app:app'],
      true,
      'Procfile release: and web:',
      8000,
    ]);
    expect(found.notes.map(sayNote).join('\n')).toMatch(
      /release line runs before the web line: .* needs a shell \(slim, not distroless\); the server is exec'd and is PID 1\. With several replicas/,
    );
  });

  test('the plan: slim, with sh as the command and the release line first', () => {
    const plan = PIPELINE.plan(facts('release: flask db upgrade\nweb: gunicorn app:app --bind 0.0.0.0:$PORT\n'), {});
    expect([plan.runtime, plan.entrypoint.slice(0, 2), plan.entrypoint[2], plan.nextCommand.includes('--init')]).toEqual([
      'slim',
      ['/bin/sh', '-c'],
      'flask db upgrade || exit; exec gunicorn app:app --bind 0.0.0.0:8000',
      false,
    ]);
    expect(PIPELINE.say(plan.runtimeReason)).toMatch(/Procfile release: and web: needs a shell/);
  });

  test('one plain command with no release line stays exec form, on distroless', () => {
    const found = facts('web: gunicorn app:app --bind 0.0.0.0:$PORT\n');
    expect([found.entry, found.entryNeedsShell]).toEqual([['gunicorn', 'app:app', '--bind', '0.0.0.0:$PORT'], false]);
    expect(PIPELINE.plan(found, {}).runtime).toBe('distroless');
  });
});

describe("gunicorn's config file", () => {
  const withConfig = (config: string, procfile?: string) =>
    narrow(
      PIPELINE.detect(memorySnapshot('/src/blog', { ...FLASK, 'gunicorn.conf.py': config, ...(procfile === undefined ? {} : { Procfile: procfile }) })),
      'python',
    );

  test('a unix socket there: the image adds --bind 0.0.0.0:$PORT (the command line wins), on gunicorn default port, and says so', () => {
    const found = withConfig('bind = "unix:/run/gunicorn.sock"\nworkers = 3\n', 'web: gunicorn -c gunicorn.conf.py app:app\n');
    expect([found.entry, found.port]).toEqual([['gunicorn', '--bind', '0.0.0.0:$PORT', '-c', 'gunicorn.conf.py', 'app:app'], 8000]);
    expect(found.notes.map(sayNote).join('\n')).toMatch(
      /gunicorn\.conf\.py:1 binds unix:\/run\/gunicorn\.sock, which nothing outside the container reaches: .*--bind 0\.0\.0\.0:PORT/,
    );
    expect(found.notes.map(sayNote).join('\n')).not.toMatch(/guess/);
  });

  test('loopback in a list, with a shell entry: --bind goes at the end of the exec-ed server', () => {
    const found = withConfig("bind = ['127.0.0.1:8000']\n", 'web: flask db upgrade; gunicorn app:app;\n');
    expect(found.entry).toEqual(['/bin/sh', '-c', 'flask db upgrade; exec gunicorn app:app --bind 0.0.0.0:$PORT']);
  });

  test('a reachable address there is the port', () => {
    const found = withConfig('bind = "0.0.0.0:5000"\n', 'web: gunicorn app:app\n');
    expect([found.entry, found.port, found.portSource]).toEqual([['gunicorn', 'app:app'], 5000, 'gunicorn.conf.py bind']);
  });

  test('the generated command already says --bind: the file is overridden, and no loopback note', () => {
    const found = withConfig('bind = "127.0.0.1:8000"\n');
    expect(found.entry).toEqual(['gunicorn', '--bind', '0.0.0.0:$PORT', 'app:app']);
    expect(found.notes.map(sayNote).join('\n')).not.toMatch(/127\.0\.0\.1/);
  });
});
