// Issue 30: the course's ladder as real Dockerfiles, derived from what the tool generates for the
// project. What each step's file holds is checked from its parse tree; the integration test builds them.
import { VERIFY_MESSAGES } from '../../generators/core/explain/verify-messages.js';
import { From } from 'dockerfile-ast';
import { parseDockerfile } from '../../generators/core/lint/parse.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { ladderSteps } from '../../generators/pipeline/ladder-steps.js';
import type { LadderStep } from '../../generators/core/ladder.js';
import type { Choices } from '../../generators/core/types.js';
import { ladderTable, type LadderRow } from '../../generators/verify/ladder/run-ladder.js';
import { fixtureSnapshot } from '../harness/fixture-cases.js';

const stepsOf = (kind: string, fixture: string, locale: 'en' | 'fr' = 'en', choices: Choices = {}) =>
  ladderSteps({ facts: PIPELINE.detect(fixtureSnapshot({ kind, fixture })), choices, render: { templatesDir }, locale });

/** The last stage's base image and the USER instructions it still has (commented ones are not instructions). */
function finalStage(step: LadderStep): { image: string; users: string[]; stages: number } {
  const instructions = parseDockerfile(step.dockerfile!).getInstructions();
  const froms = instructions.filter((instruction): instruction is From => instruction instanceof From);
  const lastFrom = instructions.indexOf(froms.at(-1)!);
  const users = instructions.slice(lastFrom + 1).filter((instruction) => instruction.getKeyword() === 'USER');
  return { image: froms.at(-1)!.getImage()!, users: users.map((user) => user.getArgumentsContent()!), stages: froms.length };
}

test('Go: single stage on golang, multi-stage still on golang, slim, scratch, then USER 65532', () => {
  const steps = stepsOf('go', 'stdlib-mod');
  expect(steps.map((step) => step.file)).toEqual([
    '1-single.Dockerfile',
    '2-multi.Dockerfile',
    '3-slim.Dockerfile',
    '4-minimal.Dockerfile',
    '5-nonroot.Dockerfile',
    '6-hardened.Dockerfile',
  ]);
  const [single, multi, slim, minimal, nonroot, hardened] = steps;
  expect(finalStage(single!)).toEqual({ image: expect.stringMatching(/^golang:1\.\d+$/), users: [], stages: 1 });
  expect(finalStage(multi!)).toEqual({ image: finalStage(single!).image, users: [], stages: 2 });
  expect(finalStage(slim!)).toEqual({ image: 'debian:13-slim', users: [], stages: 2 });
  expect(finalStage(minimal!)).toEqual({ image: 'scratch', users: [], stages: 2 });
  expect(finalStage(nonroot!).users).toEqual(['65532:65532']);
  expect(minimal!.changed).toBe('ladder.changed.scratch');
  expect([hardened!.dockerfile, hardened!.runFlags]).toEqual([undefined, ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL']]);
});

test('Node: the build image is already slim, so the slim step says it does not apply', () => {
  const steps = stepsOf('node', 'express-app');
  const slim = steps.find((step) => step.id === 'slim')!;
  expect(slim.skipped?.id).toBe('ladder.skip.builder-slim');
  expect(finalStage(steps.find((step) => step.id === 'minimal')!).image).toMatch(/^gcr\.io\/distroless\/nodejs\d+-debian13:nonroot$/);
});

test('each step file starts with what it changed, in the chosen language', () => {
  const french = stepsOf('python', 'flask-gunicorn', 'fr');
  const header = french[1]!.dockerfile!.split('\n').slice(0, 2);
  expect(header.join(' ').replace(/ # /, ' ')).toBe(
    "# Étape 2 sur 6 de l’échelle : multi-étapes. Une étape de build, puis une étape d'exécution qui ne copie que le résultat, toujours depuis l'image de build.",
  );
  expect(french[2]!.dockerfile).toContain('# (échelle : l’étape 5, non-root, la remet) USER');
  // The generated comments are French too (--explain fr).
  expect(french[4]!.dockerfile).toContain("# L'image finale tourne sous l'utilisateur");
});

test('the table: sizes, the reduction from the step before, a skipped step says why', () => {
  const steps = stepsOf('node', 'express-app');
  const rows: LadderRow[] = steps.map((step, index) =>
    step.skipped
      ? { step, built: false }
      : {
          step,
          built: true,
          bytes: [300e6, 200e6, 0, 150e6, 150e6, 150e6][index],
          layers: 5,
          seconds: 2,
          user: index >= 4 ? '65532:65532' : '',
          ran: { ok: true, summary: VERIFY_MESSAGES.message('smoke.exit.zero') },
        },
  );
  const table = ladderTable(rows, 'en', 'express-app', 'ladder');
  expect(table[0]).toBe('The ladder on express-app: each step built and run (Dockerfiles in ladder):');
  expect(table.find((line) => line.startsWith('2 multi-stage'))).toMatch(/^2 multi-stage +200\.00 +5 +2\.0 +root +-33\.3 % +runs$/);
  expect(table.find((line) => line.startsWith('3 slim base'))).toMatch(/does not apply: the build image node:\d+-slim is already slim/);
  expect(table.find((line) => line.startsWith('5 non-root'))).toMatch(/65532:65532 += +runs$/);
  expect(table.at(-1)).toBe('From step 1 to step 6: 300.00 MB to 150.00 MB, 2.0 times smaller.');
});

/** The final stage's run settings: ENV names and values, and the EXPOSEd ports, read from the parse tree. */
function runSettings(dockerfile: string): { env: Record<string, string>; expose: string[] } {
  const instructions = parseDockerfile(dockerfile).getInstructions();
  const last = instructions.indexOf(instructions.filter((instruction) => instruction instanceof From).at(-1)!);
  const env: Record<string, string> = {};
  const expose: string[] = [];
  for (const instruction of instructions.slice(last)) {
    if (instruction.getKeyword() === 'EXPOSE') expose.push(...instruction.getArguments().map((argument) => argument.getValue()));
    if (instruction.getKeyword() === 'ENV')
      for (const property of (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties())
        env[property.getName()] = property.getValue() ?? '';
  }
  return { env, expose };
}

// A trial repository's step 1 listened on its default port, not the plan's: the naive file now sets
// the run up as the generated one does (PORT, a framework's HOST, --env), in every language.
test.each([
  ['go', 'stdlib-mod'],
  ['c', 'tcp-server'],
  ['node', 'express-app'],
  ['node', 'nest-app'],
  ['python', 'flask-gunicorn'],
])("%s/%s: step 1 is set up to run as step 5 is: the same port, its environment, the user's --env", (kind, fixture) => {
  const steps = stepsOf(kind, fixture, 'en', { env: [{ name: 'GREETING', value: 'hello there' }] });
  const [single, nonroot] = [runSettings(steps[0]!.dockerfile!), runSettings(steps[4]!.dockerfile!)];
  expect(single.expose).toEqual(nonroot.expose);
  expect(nonroot.expose.length).toBeGreaterThan(0);
  expect(single.env.PORT).toBe(nonroot.env.PORT);
  // The value as docker reads it, quotes removed.
  expect([single.env.GREETING, nonroot.env.GREETING]).toEqual(['hello there', 'hello there']);
  // Every variable step 5 sets for the program is set in step 1 too, but for the runtime's own paths.
  for (const [name, value] of Object.entries(nonroot.env).filter(
    ([name]) => !['PATH', 'VIRTUAL_ENV', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'NODE_ENV'].includes(name),
  ))
    expect([name, single.env[name]]).toEqual([name, value]);
});
