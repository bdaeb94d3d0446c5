import { lint, RULES } from '../../generators/core/lint/index.js';

/** Findings as [rule, line] pairs: the whole list must match, so a false positive fails too. */
const findings = (content: string) => lint(content).map((finding) => [finding.rule, finding.line]);

const CLEAN_TAIL = 'USER 65532\nCMD ["/app"]\n';

const CORPUS: readonly [name: string, dockerfile: string, expected: [string, number][]][] = [
  ['a clean two-stage file', `FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nFROM scratch AS runtime\nCOPY --from=build /out/app /app\n${CLEAN_TAIL}`, []],
  [
    'relative WORKDIR first',
    `FROM debian:13-slim\nWORKDIR app\n${CLEAN_TAIL}`,
    [
      ['DL3000', 2],
      ['WorkdirRelativePath', 2],
    ],
  ],
  ['relative WORKDIR after an absolute one is still DL3000 only', `FROM debian:13-slim\nWORKDIR /srv\nWORKDIR app\n${CLEAN_TAIL}`, [['DL3000', 3]]],
  ['no USER at all', 'FROM debian:13-slim\nCMD ["bash"]\n', [['DL3002', 1]]],
  ['USER root last', 'FROM debian:13-slim\nUSER 65532\nUSER root\nCMD ["bash"]\n', [['DL3002', 3]]],
  ['an untagged base', `FROM debian\n${CLEAN_TAIL}`, [['DL3006', 1]]],
  ['latest', `FROM debian:latest\n${CLEAN_TAIL}`, [['DL3007', 1]]],
  ['a stage used as a base needs no tag', `FROM debian:13-slim AS base\nFROM base\n${CLEAN_TAIL}`, []],
  [
    'apt-get without cleanup, -y or --no-install-recommends',
    `FROM debian:13-slim\nRUN apt-get update && apt-get install curl\n${CLEAN_TAIL}`,
    [
      ['DL3009', 2],
      ['DL3014', 2],
      ['DL3015', 2],
    ],
  ],
  [
    'apt-get done right',
    `FROM debian:13-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n${CLEAN_TAIL}`,
    [],
  ],
  [
    'apt with a cache mount needs no rm',
    `FROM debian:13-slim\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y --no-install-recommends curl\n${CLEAN_TAIL}`,
    [],
  ],
  ['ADD of a local file', `FROM debian:13-slim\nWORKDIR /app\nADD app.py .\n${CLEAN_TAIL}`, [['DL3020', 3]]],
  ['COPY of several files into a non-directory', `FROM debian:13-slim\nWORKDIR /app\nCOPY a b dest\n${CLEAN_TAIL}`, [['DL3021', 3]]],
  [
    'COPY --from an unknown or later stage',
    `FROM debian:13-slim AS one\nWORKDIR /a\nCOPY --from=two /x /x\nFROM debian:13-slim AS two\n${CLEAN_TAIL}`,
    [['DL3022', 3]],
  ],
  ['COPY --from its own stage', `FROM debian:13-slim AS one\nWORKDIR /a\nCOPY --from=one /x /y\n${CLEAN_TAIL}`, [['DL3023', 3]]],
  [
    'a duplicate stage name',
    `FROM debian:13-slim AS one\nFROM debian:13-slim AS one\n${CLEAN_TAIL}`,
    [
      ['DL3024', 2],
      ['DuplicateStageName', 2],
    ],
  ],
  [
    'shell-form CMD and ENTRYPOINT',
    'FROM debian:13-slim\nUSER 65532\nENTRYPOINT /app\nCMD run now\n',
    [
      ['DL3025', 3],
      ['JSONArgsRecommended', 3],
      ['DL3025', 4],
      ['JSONArgsRecommended', 4],
    ],
  ],
  ['apt instead of apt-get', `FROM debian:13-slim\nRUN apt install -y curl\n${CLEAN_TAIL}`, [['DL3027', 2]]],
  ['pip keeping its cache', `FROM python:3.13-slim\nRUN pip install flask\n${CLEAN_TAIL}`, [['DL3042', 2]]],
  ['pip with a cache mount', `FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n${CLEAN_TAIL}`, []],
  ['COPY to a relative path before WORKDIR', `FROM debian:13-slim\nCOPY app.sh .\n${CLEAN_TAIL}`, [['DL3045', 2]]],
  [
    'two CMDs and two ENTRYPOINTs',
    'FROM debian:13-slim\nUSER 65532\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]\nCMD ["x"]\nCMD ["y"]\n',
    [
      ['DL4004', 4],
      ['DL4003', 6],
    ],
  ],
  ['a pipe without pipefail', `FROM debian:13-slim\nRUN curl -s x | sh\n${CLEAN_TAIL}`, [['DL4006', 2]]],
  [
    'a pipe under SHELL pipefail, and || is no pipe',
    `FROM debian:13-slim\nRUN true || false\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s x | sh\n${CLEAN_TAIL}`,
    [],
  ],
  [
    'stage name casing and AS casing',
    `FROM debian:13-slim as Build\n${CLEAN_TAIL}`,
    [
      ['FromAsCasing', 1],
      ['StageNameCasing', 1],
    ],
  ],
  ['a reserved stage name', `FROM debian:13-slim AS scratch\n${CLEAN_TAIL}`, [['ReservedStageName', 1]]],
  [
    'an undefined variable, then a defined one',
    `FROM debian:13-slim\nWORKDIR $APP_HOME\nENV APP_HOME=/srv\nWORKDIR $APP_HOME\n${CLEAN_TAIL}`,
    [['UndefinedVar', 2]],
  ],
  [
    'variables the builder does not expand: exec-form ENTRYPOINT and CMD, HEALTHCHECK (the program or its shell reads them)',
    `FROM debian:13-slim\nUSER 65532\nHEALTHCHECK CMD ["/bin/sh", "-c", "test -n $PROBE"]\nENTRYPOINT ["/bin/sh", "-c", "exec app -w $WEB_CONCURRENCY"]\nCMD ["$ARGS"]\n`,
    [],
  ],
  [
    'an undefined variable in COPY and EXPOSE',
    `FROM debian:13-slim\nCOPY $SRC /app\nEXPOSE $PORT\n${CLEAN_TAIL}`,
    [
      ['UndefinedVar', 2],
      ['UndefinedVar', 3],
    ],
  ],
  ['an undeclared ARG in FROM (its tag is still a tag)', `FROM debian:$TAG\n${CLEAN_TAIL}`, [['UndefinedArgInFrom', 1]]],
  ['a declared ARG in FROM', `ARG TAG=13-slim\nFROM debian:\${TAG}\n${CLEAN_TAIL}`, []],
  [
    'secrets in ARG and ENV',
    `ARG NPM_TOKEN\nFROM debian:13-slim\nENV DB_PASSWORD=x API_KEY=y PORT=1\n${CLEAN_TAIL}`,
    [
      ['SecretsUsedInArgOrEnv', 1],
      ['SecretsUsedInArgOrEnv', 3],
      ['SecretsUsedInArgOrEnv', 3],
    ],
  ],
];

describe('lint rules', () => {
  test.each(CORPUS)('%s', (_name, dockerfile, expected) => {
    const sortKey = (pair: (string | number)[]) => `${String(pair[1]).padStart(4, '0')} ${pair[0]}`;
    expect(findings(dockerfile).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      [...expected].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });

  test('every rule is exercised by a failing case in the corpus', () => {
    const fired = new Set(CORPUS.flatMap(([, , expected]) => expected.map(([rule]) => rule)));
    expect(RULES.map((rule) => rule.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  test('findings carry the rule summary and the detail', () => {
    expect(lint('FROM debian:latest\nUSER 65532\n')[0]!.message).toBe('Using latest is prone to errors: debian:latest uses latest');
  });
});
