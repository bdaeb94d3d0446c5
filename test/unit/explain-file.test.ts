// Issue 30: `create-dockerfile explain FILE` explains any Dockerfile, not only ours. The ten files in
// test/fixtures/explain are written the way others write them (the course's steps, hadolint's and
// BuildKit's documented patterns, a Windows image with its escape directive).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { explainDockerfile, type ExplainedInstruction } from '../../generators/core/explain/explain-file.js';
import { explainedText } from '../../generators/core/explain/explain-file-text.js';
import { FILE_MESSAGES } from '../../generators/core/explain/file-messages.js';
import { say } from '../../generators/core/explain/say.js';
import { LINT_MESSAGES, sayFinding } from '../../generators/core/lint/messages.js';
import { runCli } from '../harness/project.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'explain');
const FILES = readdirSync(DIR).filter((file) => file.endsWith('.Dockerfile'));
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const explained = (file: string) => explainDockerfile(read(file));
const at = (file: string, line: number): ExplainedInstruction => explained(file).instructions.find((item) => item.line === line)!;
const ids = (item: ExplainedInstruction) => item.verdicts.map((verdict) => `${verdict.kind} ${verdict.message.id}`);

test('ten Dockerfiles written elsewhere', () => expect(FILES).toHaveLength(10));

describe.each(FILES)('%s', (file) => {
  test('one explanation per instruction and per parser directive, in line order, none unknown', () => {
    const parsed = DockerfileParser.parse(read(file));
    const expected = [
      ...parsed.getDirectives().map((item) => item.getRange().start.line + 1),
      ...parsed.getInstructions().map((item) => item.getRange().start.line + 1),
    ];
    const result = explained(file).instructions;
    expect(result.map((item) => item.line)).toEqual(expected);
    expect(result.filter((item) => item.what.id === 'explain.what.unknown')).toEqual([]);
  });

  test('every sentence has its French, different from the English', () => {
    for (const item of explained(file).instructions) {
      for (const message of [item.what, ...item.verdicts.map((verdict) => verdict.message)]) {
        const english = say(FILE_MESSAGES.catalog, 'en', message.id, message.args);
        expect([message.id, say(FILE_MESSAGES.catalog, 'fr', message.id, message.args)]).not.toEqual([message.id, english]);
      }
      for (const finding of item.findings) expect(sayFinding(finding, 'fr')).not.toEqual(sayFinding(finding, 'en'));
    }
  });
});

test('the single-stage course step: the whole context copied before the install, which reinstalls on every edit', () => {
  expect(ids(at('01-single-stage.Dockerfile', 4))).toEqual(['note explain.copy.everything', 'fix explain.copy.install-after']);
  expect(at('01-single-stage.Dockerfile', 4).verdicts[1]!.message.args).toEqual({ line: 5 });
  expect(ids(at('01-single-stage.Dockerfile', 2))).toContain('note explain.from.single');
});

test('the multi-stage step: manifests first, the source after the install, a scratch final stage copying from build', () => {
  expect(ids(at('02-multi-stage.Dockerfile', 6))).toEqual(['note explain.copy.everything', 'good explain.copy.install-before']);
  expect(ids(at('02-multi-stage.Dockerfile', 9))).toEqual(['good explain.from.final-two']);
  expect(at('02-multi-stage.Dockerfile', 10).what).toEqual({ id: 'explain.what.COPY.from', args: { sources: '/out/app', destination: '/app', from: 'build' } });
  expect(ids(at('02-multi-stage.Dockerfile', 11))).toEqual(['good explain.user.numeric']);
});

test("hadolint's bad patterns: each said, with the lint rule on its line", () => {
  const file = '05-hadolint-bad.Dockerfile';
  expect(ids(at(file, 1))).toContain('fix explain.from.untagged');
  expect(at(file, 1).findings.map((finding) => finding.rule)).toEqual(['DL3006']);
  expect(ids(at(file, 2))).toEqual(['fix explain.maintainer.label']);
  expect(ids(at(file, 3))).toContain('fix explain.run.apt-update-alone');
  expect(at(file, 4).findings.map((finding) => finding.rule)).toEqual(['DL3027']);
  expect(ids(at(file, 5))).toContain('fix explain.run.apt-recommends');
  expect(
    at(file, 5)
      .findings.map((finding) => finding.rule)
      .sort(),
  ).toEqual(['DL3009', 'DL3014', 'DL3015']);
  expect(ids(at(file, 6))).toEqual(['fix explain.add.plain']);
  expect(ids(at(file, 7))).toEqual(expect.arrayContaining(['note explain.run.cd', 'fix explain.run.pipe-to-shell']));
  expect(ids(at(file, 9))).toEqual(['fix explain.user.root']);
  expect(at(file, 9).findings.map((finding) => finding.rule)).toEqual(['DL3002']);
  expect(ids(at(file, 10))).toEqual(['fix explain.cmd.shell']);
});

test('a heredoc RUN and a heredoc COPY: the script is the body, the destination ends the opening line', () => {
  const file = '06-heredoc.Dockerfile';
  expect(at(file, 1).what.id).toBe('explain.directive.syntax');
  expect(ids(at(file, 3))).toEqual(['note explain.run.shell', 'note explain.run.heredoc', 'good explain.run.apt-clean']);
  expect(at(file, 3).end).toBe(7);
  expect(at(file, 8).what).toEqual({ id: 'explain.what.COPY.heredoc', args: { sources: '<<CONFIG', destination: '/etc/app.conf' } });
  // The body is file content, not arguments: no "COPY of 5 sources" nor "relative destination".
  expect(at(file, 8).findings).toEqual([]);
});

test('the escape directive continues lines with a backtick; ONBUILD names its trigger; SHELL changes what runs RUN', () => {
  const file = '07-escape-onbuild.Dockerfile';
  expect(at(file, 1).what).toEqual({ id: 'explain.directive.escape', args: { name: 'escape', value: '`' } });
  expect([at(file, 3).line, at(file, 3).end]).toEqual([3, 4]);
  expect(at(file, 5).findings).toEqual([]);
  expect(at(file, 6).what).toEqual({ id: 'explain.what.ONBUILD', args: { trigger: 'COPY . C:\\app' } });
  expect(at(file, 8).verdicts[0]!.message).toEqual({ id: 'explain.run.shell-custom', args: { shell: 'powershell -Command', line: 7 } });
});

test('BuildKit mounts, platform arguments and a digest-pinned distroless base', () => {
  const file = '08-buildkit-mounts.Dockerfile';
  expect(at(file, 1).what.id).toBe('explain.what.ARG.global');
  expect(ids(at(file, 2))).toEqual(['note explain.from.variable', 'note explain.from.platform', 'note explain.from.named']);
  expect(at(file, 3).what).toEqual({ id: 'explain.what.ARG.platform', args: { name: 'TARGETOS, TARGETARCH' } });
  expect(ids(at(file, 9))).toEqual([
    'note explain.run.shell',
    'good explain.run.secret-mount',
    'good explain.run.ssh-mount',
    'good explain.run.cache-mount',
    'note explain.run.bind-mount',
  ]);
  expect(ids(at(file, 15))).toEqual(['good explain.from.digest', 'good explain.from.distroless', 'good explain.from.final-two']);
  expect(ids(at(file, 16))).toEqual(['good explain.copy.from-stage', 'good explain.copy.link']);
});

test('a CMD after an ENTRYPOINT is its arguments; a shell HEALTHCHECK needs a shell in the image', () => {
  const file = '09-c-server.Dockerfile';
  expect(ids(at(file, 14))).toEqual(['good explain.cmd.exec']);
  expect(ids(at(file, 15))).toEqual(['note explain.cmd.after-entrypoint']);
  expect(ids(at(file, 12))).toEqual(['note explain.healthcheck.shell']);
});

test('secrets in ARG and ENV are said, by name, with the lint rule', () => {
  const file = '10-node-naive.Dockerfile';
  expect(ids(at(file, 2))).toEqual(['fix explain.arg.secret']);
  expect(ids(at(file, 3))).toEqual(['fix explain.env.secret']);
  expect(at(file, 3).verdicts[0]!.message.args).toEqual({ name: 'API_KEY' });
  expect(at(file, 3).findings.map((finding) => finding.rule)).toEqual(['SecretsUsedInArgOrEnv']);
});

test('the French text: typography and the lint rule in French', () => {
  const text = explainedText('Dockerfile', explained('10-node-naive.Dockerfile'), 'fr');
  expect(text.split('\n')[0]).toBe('Dockerfile : 8 instructions, 1 étape, 6 remarques du lint.');
  expect(text).toContain(
    "    lint SecretsUsedInArgOrEnv : Pas de données sensibles dans ARG ou ENV : ENV API_KEY garderait un secret dans l'historique de l'image\n",
  );
  expect(text).toContain('ligne 8 : CMD npm start\n');
});

test('every lint rule has its summary in both languages', async () => {
  const { RULES } = await import('../../generators/core/lint/index.js');
  for (const rule of RULES) {
    expect(LINT_MESSAGES.catalog.en).toHaveProperty([`lint.${rule.id}`]);
    expect(LINT_MESSAGES.catalog.fr[`lint.${rule.id}` as keyof typeof LINT_MESSAGES.catalog.fr]).not.toBe(
      LINT_MESSAGES.catalog.en[`lint.${rule.id}` as keyof typeof LINT_MESSAGES.catalog.en],
    );
  }
});

describe('the command', () => {
  test('explain FILE --lang fr prints French and exits 0, findings or not', async () => {
    const run = await runCli(['explain', join(DIR, '05-hadolint-bad.Dockerfile'), '--lang', 'fr']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^.*05-hadolint-bad\.Dockerfile : 10 instructions, 1 étape, 12 remarques du lint\.\n/);
    expect(run.stdout).toContain('    à revoir : Dépréciée : écrivez plutôt LABEL org.opencontainers.image.authors="...".\n');
  });

  test('a missing file, an unknown language or two files: one line, exit 2 or 1', async () => {
    const missing = await runCli(['explain', join(DIR, 'nope.Dockerfile')]);
    expect([missing.exitCode, missing.stderr]).toEqual([1, `create-dockerfile: ${join(DIR, 'nope.Dockerfile')}: cannot read (ENOENT)`]);
    const lang = await runCli(['explain', join(DIR, '01-single-stage.Dockerfile'), '--lang', 'de']);
    expect([lang.exitCode, lang.stderr]).toEqual([2, 'create-dockerfile: --lang must be one of en, fr, not "de" (see --help)']);
    const two = await runCli(['explain', 'a', 'b']);
    expect(two.exitCode).toBe(2);
  });
});
