import type { Choices } from '../../generators/core/types.js';
import { stages } from '../harness/dockerfile-shape.js';
import { caseName, dockerfileOf, goldenPairs, renderFixture } from '../harness/golden.js';
import { narrow } from '../harness/narrow.js';

const CASES: readonly [fixture: string, choices: Choices][] = [
  ['hello', {}],
  ['hello', { runtime: 'slim' }],
  ['make-project', {}],
  ['cmake-project', {}],
  ['zlib-dynamic', {}],
  ['zlib-dynamic', { runtime: 'distroless' }],
  ['zlib-dynamic', { runtime: 'slim' }],
  ['tcp-server', {}],
  ['tcp-server', { probe: true }],
];

describe.each(CASES)('C render: %s %j', (fixture, choices) => {
  const result = renderFixture('c', fixture, choices);
  const [build, runtime, ...rest] = stages(dockerfileOf(result.files));

  test('matches its golden files', () => {
    for (const { actual, golden } of goldenPairs('c', caseName(fixture, choices), result.files)) expect(actual).toBe(golden);
  });

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
