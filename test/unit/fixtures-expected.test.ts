import { describe, expect, test } from '@jest/globals';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { generateServices } from '../../generators/services/generate.js';
import { templatesDir } from '../../generators/util/package-root.js';
import type { GeneratedFile, PlanBase } from '../../generators/core/types.js';
import { DockerfileParser } from 'dockerfile-ast';
import { allCases, expectedFiles, expectedPairs, fixtureSnapshot, type FixtureCase } from '../harness/fixture-cases.js';

/**
 * Every fixture folder is a test case, found by listing the fixtures: what the tool writes for it must
 * be, byte for byte, what its `.expected` folder holds. A new fixture with no expected files fails
 * until they are recorded (UPDATE_GOLDEN=1) and reviewed.
 */
const KINDS = [...PIPELINE.languages.map((language) => language.id), 'services'];

function generate(testCase: FixtureCase): { files: readonly GeneratedFile[]; plans: readonly { plan: PlanBase; dockerfile: string }[] } {
  const snapshot = fixtureSnapshot(testCase);
  if (testCase.kind === 'services') {
    const result = generateServices(snapshot, testCase.choices, { templatesDir }, testCase.services ?? { compose: false, bake: false });
    return { files: result.files, plans: result.services.map((service) => ({ plan: service.plan, dockerfile: dockerfileIn(service.files) })) };
  }
  const result = PIPELINE.generate(PIPELINE.detect(snapshot, testCase.detect), testCase.choices, { templatesDir });
  return { files: result.files, plans: [{ plan: result.plan, dockerfile: dockerfileIn(result.files) }] };
}

const dockerfileIn = (files: readonly GeneratedFile[]) => files.find((file) => file.path.endsWith('Dockerfile'))!.content;

/** The Dockerfile's ARGs with no default, each once, as dockerfile-ast reads them. */
const argsWithoutDefault = (dockerfile: string) => [
  ...new Set(
    DockerfileParser.parse(dockerfile)
      .getARGs()
      .flatMap((arg) => {
        const property = arg.getProperty();
        return property && property.getValue() === null ? [property.getName()] : [];
      }),
  ),
];

describe.each(allCases(KINDS).map((testCase) => [`${testCase.kind}/${testCase.fixture} ${testCase.name}`, testCase] as const))('%s', (_label, testCase) => {
  const { files, plans } = generate(testCase);
  const pairs = expectedPairs(testCase, files);

  test('the plan lists exactly the build arguments its Dockerfile declares with no default (what compose and bake pass)', () => {
    for (const { plan, dockerfile } of plans) expect(plan.buildArgs).toEqual(argsWithoutDefault(dockerfile));
  });

  test('writes exactly the files its expected folder holds', () => {
    expect(pairs.map((pair) => pair.path).sort()).toEqual(expectedFiles(testCase));
  });

  test.each(pairs.map((pair) => [pair.path, pair] as const))('%s is byte-identical to the expected one', (_path, pair) => {
    expect(pair.actual).toBe(pair.expected);
  });
});
