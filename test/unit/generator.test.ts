import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import DockerfileGenerator from '../../generators/app/index.js';
import { cliOptions } from '../harness/cli-options.js';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from '../harness/project.js';
import { PIPELINE } from '../../generators/pipeline/index.js';

const cli = cliOptions;

const runIn = (fixture: string, language = 'go') =>
  helpers.run(DockerfileGenerator as never).inTmpDir((dir) => cpSync(fixturePath(language, fixture), dir, { recursive: true }));

describe('yeoman generator', () => {
  test('non-interactive: asks nothing and writes exactly what the pure pipeline renders', async () => {
    const result = await runIn('stdlib-mod').withOptions({ cli: cli({ yes: true }), interactive: false } as never);
    expect(result.askedQuestions).toEqual([]);
    const expected = PIPELINE.generate(PIPELINE.detect(takeSnapshot(result.cwd), {}), {}, { templatesDir });
    for (const file of expected.files) expect(readFileSync(join(result.cwd, file.path), 'utf8')).toBe(file.content);
  });

  test('interactive: answers to the runtime and port prompts shape the Dockerfile', async () => {
    const result = await runIn('stdlib-mod')
      .withOptions({ cli: cli(), interactive: true } as never)
      .withAnswers({ runtime: 'slim', port: 9999 });
    expect(result.askedQuestions.map((question) => question.name)).toEqual(['runtime', 'port']);
    const dockerfile = readFileSync(join(result.cwd, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM debian:13-slim AS runtime');
    expect(dockerfile).toContain('EXPOSE 9999');
  });

  test('a prompt whose flag is given is not asked', async () => {
    const result = await runIn('stdlib-mod')
      .withOptions({ cli: cli({ runtime: 'distroless', port: 7000 }), interactive: true } as never)
      .withAnswers({});
    expect(result.askedQuestions).toEqual([]);
    expect(readFileSync(join(result.cwd, 'Dockerfile'), 'utf8')).toContain('EXPOSE 7000');
  });

  test('several mains: the main prompt comes first, and the port prompt follows the chosen main', async () => {
    const worker = await runIn('two-mains')
      .withOptions({ cli: cli(), interactive: true } as never)
      .withAnswers({ main: 'cmd/worker', runtime: 'scratch' });
    expect(worker.askedQuestions.map((question) => question.name)).toEqual(['main', 'runtime']);
    expect(readFileSync(join(worker.cwd, 'Dockerfile'), 'utf8')).not.toContain('EXPOSE');

    const api = await runIn('two-mains')
      .withOptions({ cli: cli(), interactive: true } as never)
      .withAnswers({ main: 'cmd/api', runtime: 'scratch', port: 8081 });
    expect(api.askedQuestions.map((question) => question.name)).toEqual(['main', 'runtime', 'port']);
    expect(api.askedQuestions.find((question) => question.name === 'port')?.answer).toBe(8081);
  });

  test('Node: the runtime prompt offers no scratch, and the answers reach the Dockerfile', async () => {
    let runtimeChoices: { value: string; disabled: string | false }[] = [];
    const result = await runIn('express-app', 'node')
      .withOptions({ cli: cli(), interactive: true } as never)
      .withAnswers(
        { runtime: 'slim', port: 4321 },
        {
          callback: (answer: unknown, { question }: { question: { name: string; choices?: unknown } }) => {
            if (question.name === 'runtime') runtimeChoices = question.choices as typeof runtimeChoices;
            return answer;
          },
        },
      );
    expect(result.askedQuestions.map((question) => question.name)).toEqual(['runtime', 'port']);
    expect(runtimeChoices.find((choice) => choice.value === 'scratch')?.disabled).toBe('a Node app needs the node runtime');
    const dockerfile = readFileSync(join(result.cwd, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM node:26-slim AS runtime');
    expect(dockerfile).toContain('EXPOSE 4321');
    expect(dockerfile).toContain('CMD ["node", "server.js"]');
  });
});
