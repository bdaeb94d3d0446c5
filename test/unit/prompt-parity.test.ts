import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import DockerfileGenerator from '../../generators/app/index.js';
import { cliOptions } from '../harness/cli-options.js';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { RUNTIMES, type Runtime } from '../../generators/core/types.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { templatesDir } from '../../generators/util/package-root.js';
import { fixturePath } from '../harness/project.js';
import { casesOf, fixtureNames } from '../harness/fixture-cases.js';

/**
 * One rule, one place: the runtime prompt offers exactly the runtimes the planner accepts, and
 * taking the prompts' defaults writes exactly what --yes writes. Every fixture × every runtime.
 */

const cli = cliOptions;

/** The two projects the bugs were found on, written as such projects are. */
const EXTRA: Record<string, Record<string, string>> = {
  // PaaS style: the platform sets PORT, the code names no fallback. The prompt once offered 8080 here while --yes wrote 3000.
  'node-env-port': {
    'package.json': JSON.stringify({ name: 'paas-api', version: '1.0.0', scripts: { start: 'node index.js' }, dependencies: { express: '^4.21.2' } }, null, 2),
    'index.js': "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(process.env.PORT);\n",
  },
  // canvas loads cairo and pango from the system; distroless cannot have them, and the prompt once offered it.
  'node-canvas': {
    'package.json': JSON.stringify({ name: 'thumbs', version: '1.0.0', main: 'server.js', dependencies: { canvas: '^3.1.0' } }, null, 2),
    'server.js':
      "const http = require('http');\nconst { createCanvas } = require('canvas');\nhttp.createServer((req, res) => res.end(createCanvas(10, 10).toBuffer())).listen(8080);\n",
  },
  // A C server whose port the code does not name: no default on either path.
  'c-unnamed-port': {
    'server.c':
      '#include <sys/socket.h>\n#include <netinet/in.h>\nint main(int argc, char **argv) { int s = socket(AF_INET, SOCK_STREAM, 0); struct sockaddr_in a = {0}; a.sin_port = htons(atoi(argv[1])); bind(s, (void *)&a, sizeof a); listen(s, 1); return 0; }\n',
  },
};

interface Case {
  readonly name: string;
  readonly source: string;
  readonly workspace?: string;
}

function cases(): Case[] {
  const fromFixtures = PIPELINE.languages.flatMap((language) =>
    fixtureNames(language.id).map((fixture) => ({
      name: `${language.id}/${fixture}`,
      source: fixturePath(language.id, fixture),
      // The member its case file builds (npm-workspaces: packages/api).
      workspace: casesOf(language.id, fixture)[0]!.detect.workspace,
    })),
  );
  const root = mkdtempSync(join(tmpdir(), 'cdf-parity-'));
  const extra = Object.entries(EXTRA).map(([name, files]) => {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
    return { name, source: dir };
  });
  return [...fromFixtures, ...extra];
}

describe.each(cases())('prompt/planner parity: $name', ({ source, workspace }) => {
  const facts = PIPELINE.detect(takeSnapshot(source), { workspace });
  const accepted = (runtime: Runtime) => {
    try {
      PIPELINE.plan(facts, { runtime });
      return true;
    } catch (error) {
      if (error instanceof UserError) return false;
      throw error;
    }
  };

  test('the runtime prompt offers exactly the runtimes the planner accepts', async () => {
    let offered: { value: Runtime; disabled: string | false }[] = [];
    await runPrompts(source, workspace, {}, (name, question) => {
      if (name === 'runtime') offered = question.choices as typeof offered;
    });
    expect(Object.fromEntries(offered.map((choice) => [choice.value, choice.disabled === false]))).toEqual(
      Object.fromEntries(RUNTIMES.map((runtime) => [runtime, accepted(runtime)])),
    );
  });

  test.each(RUNTIMES)('runtime %s: accepting every other default writes what --yes --runtime writes', async (runtime) => {
    if (!accepted(runtime)) return;
    let portDefault: unknown = 'not asked';
    const { written, yes } = await runPrompts(source, workspace, { runtime }, (name, question) => {
      if (name === 'port') portDefault = question.default;
    });
    expect(portDefault).toBe(yes.plan.listens ? yes.plan.port : 'not asked');
    for (const file of yes.files) expect([file.path, written[file.path]]).toEqual([file.path, file.content]);
  });
});

/**
 * Runs the generator as a terminal user would, answering only `answers` and taking every other
 * default; `yes` is what the pipeline writes for the same folder with `--yes` and the same answers.
 */
async function runPrompts(
  source: string,
  workspace: string | undefined,
  answers: Record<string, unknown>,
  seen: (name: string, question: { choices?: unknown; default?: unknown }) => void,
) {
  let yes: ReturnType<typeof PIPELINE.generate> | undefined;
  const result = await helpers
    .run(DockerfileGenerator as never)
    .inTmpDir((dir) => {
      cpSync(source, dir, { recursive: true });
      yes = PIPELINE.generate(PIPELINE.detect(takeSnapshot(dir), { workspace }), answers, { templatesDir });
    })
    .withOptions({ cli: cli({ workspace }), interactive: true } as never)
    .withAnswers(answers, {
      callback: (answer: unknown, { question }: { question: { name: string; choices?: unknown; default?: unknown } }) => {
        seen(question.name, question);
        return answer;
      },
    });
  const files = Object.fromEntries(['Dockerfile', '.dockerignore'].map((path) => [path, readFileSync(join(result.cwd, path), 'utf8')]));
  return { written: files, yes: yes! };
}
