import { stages } from '../harness/dockerfile-shape.js';
import { dockerfileOf, renderFixture } from '../harness/golden.js';
import { allCases } from '../harness/fixture-cases.js';
import { narrow } from '../harness/narrow.js';

/**
 * The runs of the fixtures with the plain shape these checks describe (one build stage, one runtime
 * copying only from it), as their case files list them; every fixture's output is checked byte for
 * byte in fixtures-expected.test.ts.
 */
const PLAIN = ['hello', 'make-project', 'cmake-project', 'zlib-dynamic', 'tcp-server'];
const CASES = allCases(['c'])
  .filter((testCase) => PLAIN.includes(testCase.fixture))
  .map((testCase) => [testCase.fixture, testCase.choices, testCase.detect] as const);

describe.each(CASES)('C render: %s %j', (fixture, choices, detect) => {
  const result = renderFixture('c', fixture, choices, detect);
  const [build, runtime, ...rest] = stages(dockerfileOf(result.files));

  test('installs packages before copying the source, and only in the builder', () => {
    expect(rest).toEqual([]);
    const install = build!.findIndex((instruction) => instruction.args.includes('apt-get install'));
    const source = build!.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
    if (narrow(result.plan, 'c').c.builderPackages.length > 0) expect(install).toBeLessThan(source);
    // The base image's own name (distroless/cc) is no tool; what the stage runs or copies must hold none.
    expect(runtime!.slice(1).some((instruction) => /\b(gcc|cc|make|cmake|-dev)\b/.test(instruction.args))).toBe(false);
  });

  test('the runtime copies only from the build stage and runs the binary as non-root in exec form', () => {
    for (const copy of runtime!.filter((instruction) => instruction.keyword === 'COPY')) expect(copy.args).toMatch(/^--from=build /);
    expect(runtime!.filter((instruction) => instruction.keyword === 'USER').at(-1)!.args).toBe('65532:65532');
    expect(JSON.parse(runtime!.find((instruction) => instruction.keyword === 'ENTRYPOINT')!.args)).toEqual(result.plan.entrypoint);
  });

  test('a pipe in a RUN only ever runs under pipefail', () => {
    let pipefail = false;
    for (const instruction of build!) {
      if (instruction.keyword === 'SHELL') pipefail = instruction.args.includes('pipefail');
      if (instruction.keyword === 'RUN' && / \| /.test(instruction.args)) expect(pipefail).toBe(true);
    }
  });
});
