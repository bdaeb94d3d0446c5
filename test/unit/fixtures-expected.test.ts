import { describe, expect, test } from '@jest/globals';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { generateServices } from '../../generators/services/generate.js';
import { templatesDir } from '../../generators/util/package-root.js';
import type { GeneratedFile } from '../../generators/core/types.js';
import { allCases, expectedFiles, expectedPairs, fixtureSnapshot, type FixtureCase } from '../harness/fixture-cases.js';

/**
 * Every fixture folder is a test case, found by listing the fixtures: what the tool writes for it must
 * be, byte for byte, what its `.expected` folder holds. A new fixture with no expected files fails
 * until they are recorded (UPDATE_GOLDEN=1) and reviewed.
 */
const KINDS = [...PIPELINE.languages.map((language) => language.id), 'services'];

function generate(testCase: FixtureCase): readonly GeneratedFile[] {
  const snapshot = fixtureSnapshot(testCase);
  if (testCase.kind === 'services')
    return generateServices(snapshot, testCase.choices, { templatesDir }, testCase.services ?? { compose: false, bake: false }).files;
  return PIPELINE.generate(PIPELINE.detect(snapshot, testCase.detect), testCase.choices, { templatesDir }).files;
}

describe.each(allCases(KINDS).map((testCase) => [`${testCase.kind}/${testCase.fixture} ${testCase.name}`, testCase] as const))('%s', (_label, testCase) => {
  const files = generate(testCase);
  const pairs = expectedPairs(testCase, files);

  test('writes exactly the files its expected folder holds', () => {
    expect(pairs.map((pair) => pair.path).sort()).toEqual(expectedFiles(testCase));
  });

  test.each(pairs.map((pair) => [pair.path, pair] as const))('%s is byte-identical to the expected one', (_path, pair) => {
    expect(pair.actual).toBe(pair.expected);
  });
});
