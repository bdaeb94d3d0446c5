import type { Choices } from '../../generators/core/types.js';
import { stages } from '../harness/dockerfile-shape.js';
import { dockerfileOf, renderFixture } from '../harness/golden.js';
import { allCases } from '../harness/fixture-cases.js';
import { narrow } from '../harness/narrow.js';

/**
 * The runs of the fixtures with the plain shape these checks describe (one build stage, one runtime
 * copying only from it), as their case files list them; every fixture's output is checked byte for
 * byte in fixtures-expected.test.ts.
 */
const PLAIN = ['lone-main', 'stdlib-mod', 'vendored', 'two-mains'];
const CASES = allCases(['go'])
  .filter((testCase) => PLAIN.includes(testCase.fixture))
  .map((testCase) => [testCase.fixture, testCase.choices, testCase.detect] as const);

const render = (fixture: string, choices: Choices) => renderFixture('go', fixture, choices);

describe.each(CASES)('Go render: %s %j', (fixture, choices) => {
  const result = render(fixture, choices);
  const dockerfile = dockerfileOf(result.files);

  test('has a build stage and a runtime stage whose last USER is non-root before an exec-form ENTRYPOINT', () => {
    const [build, runtime, ...rest] = stages(dockerfile);
    expect(rest).toEqual([]);
    expect(build![0]!.args).toBe(`${result.plan.builderImage} AS build`);
    expect(runtime![0]!.args).toBe(`${result.plan.runtimeImage} AS runtime`);
    const users = runtime!.filter((instruction) => instruction.keyword === 'USER');
    expect(users.at(-1)!.args).toBe('65532:65532');
    const entrypoints = runtime!.filter((instruction) => instruction.keyword === 'ENTRYPOINT');
    expect(entrypoints).toHaveLength(1);
    expect(JSON.parse(entrypoints[0]!.args)).toEqual(result.plan.entrypoint);
    expect(runtime!.findIndex((instruction) => instruction.keyword === 'USER')).toBeLessThan(runtime!.indexOf(entrypoints[0]!));
  });

  test('pins every base image and never uses latest', () => {
    for (const stage of stages(dockerfile)) {
      const image = stage[0]!.args.split(' ')[0]!;
      if (image !== 'scratch') expect(image).toMatch(/^[^:@]+[:@][^:]+$/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  test('copies module files and downloads before copying the source', () => {
    const build = stages(dockerfile)[0]!;
    const sourceCopy = build.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === '. .');
    expect(sourceCopy).toBeGreaterThan(0);
    const manifests = narrow(result.plan, 'go').go.manifests;
    if (narrow(result.plan, 'go').go.downloadDeps) {
      const manifestCopy = build.findIndex((instruction) => instruction.keyword === 'COPY' && instruction.args === `${manifests.join(' ')} ./`);
      expect(manifestCopy).toBeGreaterThan(0);
      expect(manifestCopy).toBeLessThan(sourceCopy);
    }
    const download = build.findIndex((instruction) => instruction.args.includes('go mod download'));
    if (narrow(result.plan, 'go').go.downloadDeps) expect(download).toBeLessThan(sourceCopy);
    else expect(download).toBe(-1);
  });

  test('the final stage copies only from the build stage and runs no toolchain', () => {
    const runtime = stages(dockerfile)[1]!;
    for (const instruction of runtime.filter((item) => item.keyword === 'COPY')) expect(instruction.args).toMatch(/^--from=build /);
    expect(runtime.some((instruction) => /\b(go|gcc|apt-get install)\b/.test(instruction.args))).toBe(false);
  });

  test('keeps .git, secrets and the Dockerfile itself out of the build context, but not vendor/ or go.sum', () => {
    const ignore = result.files.find((file) => file.path === '.dockerignore')!.content.split('\n');
    for (const pattern of ['.git', '.env', '**/Dockerfile*', '**/.dockerignore']) expect(ignore).toContain(pattern);
    expect(ignore.filter((line) => !line.startsWith('#') && /vendor|go\.sum|go\.mod/.test(line))).toEqual([]);
  });
});
