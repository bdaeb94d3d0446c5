import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, ModifiableInstruction, type Dockerfile } from 'dockerfile-ast';
import { parseDockerfile } from '../../generators/core/lint/parse.js';
import { packageRoot } from '../../generators/util/package-root.js';

/**
 * parseDockerfile keeps each instruction's tokens instead of letting dockerfile-ast tokenize them
 * nine times. That must change nothing a reader sees: every accessor the lint model and the guard
 * use gives what the untouched parser gave, on every golden and on the shapes that make tokenizing
 * subtle (escapes, comments inside continuations, heredocs, ONBUILD, another escape character).
 */
const TRICKY: readonly string[] = [
  'FROM debian:13-slim AS base\nRUN apt-get update \\\n# a comment inside\n  && apt-get install -y curl \\\n\n  && echo done\n',
  'FROM debian:13-slim\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<-END /etc/x\n\tline\nEND\n',
  'FROM debian:13-slim\nONBUILD RUN echo $HOME\nONBUILD COPY --chown=1:1 . /app\n',
  '# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN dir `\n  c:\\ && echo `$x\n',
  'FROM debian:13-slim\nENV A=1 B="two words" C=$A\nARG D=${A:-x}\nCOPY --from=build --chmod=755 ["a b", "/c d"]\nCMD ["node", "x.js"]\nHEALTHCHECK --interval=5s CMD ["true"]\n',
  'FROM debian:13-slim\nRUN echo \\ \nRUN echo "unterminated\nRUN \\\n',
];

function goldens(): string[] {
  const root = join(packageRoot, 'test/fixtures');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'Dockerfile' && entry.parentPath.includes('.expected'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

/** What a reader can see of a parsed file, as plain data. */
function view(dockerfile: Dockerfile): unknown[] {
  return dockerfile.getInstructions().map((instruction) => ({
    keyword: instruction.getKeyword(),
    range: instruction.getRange(),
    content: instruction.getRawArgumentsContent(),
    arguments: instruction.getArguments().map((argument) => [argument.getValue(), argument.getRange()]),
    flags: instruction instanceof ModifiableInstruction ? instruction.getFlags().map((flag) => [flag.getName(), flag.getValue()]) : [],
    variables: instruction.getVariables().map((variable) => variable.getName()),
    twice: instruction.getArguments().length,
  }));
}

const CASES = [...TRICKY, ...goldens()];
// Read with the untouched parser before parseDockerfile changes anything.
const before = CASES.map((content) => view(DockerfileParser.parse(content)));

describe('parseDockerfile', () => {
  test('has goldens to compare', () => expect(CASES.length).toBeGreaterThan(TRICKY.length + 10));

  test.each(CASES.map((content, index) => [index, content] as const))('case %i reads as the untouched parser reads it', (index, content) => {
    expect(view(parseDockerfile(content))).toEqual(before[index]);
  });

  test('a caller that changes the list it got does not change what the next caller gets', () => {
    const [run] = parseDockerfile('FROM debian:13-slim\nRUN echo one two\n').getInstructions().slice(1);
    run!.getArguments().splice(0);
    expect(run!.getArguments().map((argument) => argument.getValue())).toEqual(['echo', 'one', 'two']);
  });
});
