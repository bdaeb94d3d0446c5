import { failingLines, stepOf } from '../../generators/verify/build.js';
import { hostOf } from '../../generators/verify/engine-host.js';
import { instructionText } from '../../generators/verify/history.js';
import { bar, formatReport } from '../../generators/verify/verify-report.js';
import { savedPercent } from '../../generators/core/explain/numbers.js';
import { VERIFY_MESSAGES } from '../../generators/core/explain/verify-messages.js';
import { parseCliArgs } from '../../generators/cli/args.js';
import { psEntries } from '../../generators/verify/verify-compose.js';
import { UsageError } from '../../generators/core/errors.js';
import { createProgress } from '../../generators/verify/progress.js';

describe('build output', () => {
  test('step headers from BuildKit and from the legacy builder', () => {
    expect(stepOf('#7 [build 3/4] COPY . .')).toBe('[build 3/4] COPY . .');
    expect(stepOf('#5 [1/4] FROM docker.io/library/golang:1.26')).toBe('[1/4] FROM docker.io/library/golang:1.26');
    expect(stepOf('Step 3/9 : RUN make')).toBe('[3/9] RUN make');
    expect(stepOf('#7 CACHED')).toBeUndefined();
    expect(stepOf('#7 0.512 compiling')).toBeUndefined();
  });

  test("BuildKit: the failing step's own lines, without timestamps or digests, then the final error", () => {
    const log = [
      '#6 [build 3/4] COPY . .',
      '#6 DONE 0.1s',
      '#7 [build 4/4] RUN go build -o /out/app .',
      '#7 sha256:daf8b0cde1606a7f0b958eb003a7fe4935a7f669aa16078d0e453f0718511847',
      '#7 0.914 ./main.go:12:7: syntax error: unexpected :=',
      '#7 ERROR: executor failed running [/bin/sh -c go build]: exit code: 1',
      'ERROR: executor failed running [/bin/sh -c go build]: exit code: 1',
    ].join('\n');
    const lines = failingLines(log);
    expect(lines).toContain('./main.go:12:7: syntax error: unexpected :=');
    expect(lines).not.toContain('COPY . .');
    expect(lines.some((line) => line.includes('sha256:'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^ERROR: executor failed/);
  });

  test('legacy builder: everything after the last step header', () => {
    const log =
      'Step 3/4 : COPY . .\n ---> abc\nStep 4/4 : RUN make\n ---> Running in 1\nmain.c:3:1: error: expected ;\nThe command returned a non-zero code: 2';
    expect(failingLines(log)).toEqual([
      'Step 4/4 : RUN make',
      ' ---> Running in 1',
      'main.c:3:1: error: expected ;',
      'The command returned a non-zero code: 2',
    ]);
  });
});

describe('image history', () => {
  test.each([
    ['/bin/sh -c #(nop)  USER 65532:65532', 'USER 65532:65532'],
    ['RUN |2 A=1 B=2 /bin/sh -c make # buildkit', 'RUN make'],
    ['/bin/sh -c apt-get update', 'RUN apt-get update'],
    ['EXPOSE map[8080/tcp:{}]', 'EXPOSE 8080/tcp'],
    ['HEALTHCHECK &{["CMD" "/nodejs/bin/node" "-e" "x"] "30s" "3s" "10s" "0s" \'\\x03\'}', 'HEALTHCHECK ["CMD" "/nodejs/bin/node" "-e" "x"]'],
    ['COPY /out/app /usr/local/bin/app # buildkit', 'COPY /out/app /usr/local/bin/app'],
  ])('%s -> %s', (createdBy, expected) => expect(instructionText(createdBy)).toBe(expected));
});

describe('where a published port answers', () => {
  test.each([
    [undefined, '127.0.0.1', true],
    ['unix:///var/run/docker.sock', '127.0.0.1', true],
    ['tcp://10.1.2.3:2376', '10.1.2.3', false],
    ['ssh://deploy@build.example.com', 'build.example.com', false],
    ['tcp://localhost:2375', '127.0.0.1', true],
  ])('%s', (endpoint, host, local) => expect(hostOf(endpoint)).toEqual({ host, local }));
});

describe('the report', () => {
  test('bars are proportional, and anything non-empty shows', () => {
    expect(bar(100, 100, 10)).toBe('█'.repeat(10));
    expect(bar(50, 100, 10)).toBe('█'.repeat(5));
    expect(bar(1, 1_000_000, 10)).toBe('▏');
    expect(bar(0, 100)).toBe('');
  });

  const say = VERIFY_MESSAGES.message;
  const REPORT = {
    checks: [
      { name: say('check.build'), ok: true, detail: say('check.build.ok', { seconds: 12.5 }) },
      { name: say('check.starts'), ok: false, detail: say('smoke.exited', { code: 3, port: 8080 }) },
    ],
    sizes: [{ label: 'report.size.final', bytes: 6_025_599 }],
    layers: [],
    comparison: { naive: { label: 'report.size.naive', bytes: 971_515_487 }, generated: { label: 'report.size.generated', bytes: 6_025_599 } },
  } as const;

  test('the reduction and the sizes it is computed from are printed together', () => {
    const text = formatReport(REPORT);
    expect(text).toMatch(/^ {2}FAIL {2}starts +the container exited at once \(exit code 3\) instead of serving port 8080$/m);
    expect(text).toMatch(/^ {2}PASS {2}build +built in 12\.5 s$/m);
    // 1 - 6,025,599 / 971,515,487 = 0.99380; 971,515,487 / 6,025,599 = 161.23
    expect(text).toContain('reduction: 99.4 % (161.2 times smaller)');
    expect(savedPercent(200, 50)).toBe(75);
    expect(text).toMatch(/naive single stage +971515487 bytes +971\.52 MB/);
    expect(text).toMatch(/verify: 1 check failed\n$/);
  });

  test('in French: every line from the catalog, fractions with a comma', () => {
    const text = formatReport(REPORT, 'fr');
    expect(text).toMatch(/^ {2}ÉCHEC {2}démarre +le conteneur s’est arrêté aussitôt \(code de sortie 3\) au lieu de servir le port 8080$/m);
    expect(text).toMatch(/^ {2}OK {5}build +construite en 12,5 s$/m);
    expect(text).toContain('réduction : 99,4 % (161,2 fois plus petite)');
    expect(text).toMatch(/naïve, une seule étape +971515487 octets +971,52 Mo/);
    expect(text).toMatch(/verify : 1 vérification a échoué\n$/);
    expect(text).not.toMatch(/\b(the|with|failed|passed|times|bytes)\b/);
  });
});

describe('verify and explain flags', () => {
  test('--explain alone means English; a directory after it stays the directory', () => {
    expect(parseCliArgs(['--explain'])).toMatchObject({ explain: 'en', dir: '.' });
    expect(parseCliArgs(['--explain', 'fr', 'app'])).toMatchObject({ explain: 'fr', dir: 'app' });
    expect(parseCliArgs(['--explain', 'app'])).toMatchObject({ explain: 'en', dir: 'app' });
    expect(() => parseCliArgs(['--explain=de'])).toThrow(/--explain must be one of en, fr/);
  });

  test('--probe and --no-probe: on, off, or left to the mode (on under --compose); both at once is refused', () => {
    expect(parseCliArgs(['--probe']).probe).toBe(true);
    expect(parseCliArgs(['--no-probe']).probe).toBe(false);
    expect(parseCliArgs([]).probe).toBeUndefined();
    expect(() => parseCliArgs(['--probe', '--no-probe'])).toThrow(new UsageError('--probe and --no-probe contradict each other; pick one'));
  });

  test('--compare and --keep need --verify, which cannot go with --dry-run', () => {
    expect(() => parseCliArgs(['--compare'])).toThrow(/--compare goes with --verify/);
    expect(() => parseCliArgs(['--keep'])).toThrow(/--keep goes with --verify/);
    expect(() => parseCliArgs(['--verify', '--json'])).toThrow(/cannot go with --dry-run or --json/);
    expect(parseCliArgs(['--verify', '--compare', '--keep'])).toMatchObject({ verify: true, compare: true, keep: true });
  });
});

describe('build progress', () => {
  const stream = (isTTY: boolean) => {
    let written = '';
    return { isTTY, columns: 60, write: (chunk: string) => ((written += chunk), true), text: () => written };
  };

  test('on a terminal, one line redrawn in place and cut to the width', () => {
    const out = stream(true);
    const progress = createProgress('building', out as never);
    progress.step('[build 1/2] FROM golang:1.26');
    progress.step(`[build 2/2] RUN ${'x'.repeat(100)}`);
    progress.done(true, 1.25);
    const redraws = out.text().split('\r\u001b[2K').filter(Boolean);
    expect(redraws).toHaveLength(3);
    expect(redraws[1]!.length).toBeLessThanOrEqual(59);
    expect(redraws[2]).toBe('building: done in 1.3 s (2 steps)\n');
  });

  test('in a log, one line per step and nothing overwritten', () => {
    const out = stream(false);
    const progress = createProgress('building', out as never);
    progress.step('[build 1/2] FROM golang:1.26');
    progress.done(false, 0.5);
    expect(out.text()).toBe('building...\n  [build 1/2] FROM golang:1.26\nbuilding: FAILED in 0.5 s (1 step)\n');
  });
});

describe('compose ps, as verify reads it', () => {
  test('one JSON object per line (compose 2.21+) or one array (older); a missing health is none', () => {
    const lines = '{"Service":"api","State":"running","Health":"healthy"}\n{"Service":"worker","State":"exited","Health":""}\n';
    const expected = [
      { Service: 'api', State: 'running', Health: 'healthy' },
      { Service: 'worker', State: 'exited', Health: '' },
    ];
    expect(psEntries(lines)).toEqual(expected);
    expect(
      psEntries(
        JSON.stringify([
          { Service: 'api', State: 'running', Health: 'healthy' },
          { Service: 'worker', State: 'exited' },
        ]),
      ),
    ).toEqual(expected);
    expect(psEntries('\n')).toEqual([]);
  });
});
