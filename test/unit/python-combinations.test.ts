import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { takeSnapshot } from '../../generators/core/detect/snapshot.js';
import { UserError } from '../../generators/core/errors.js';
import { PIPELINE } from '../../generators/pipeline/index.js';
import { packageRoot, templatesDir } from '../../generators/util/package-root.js';
import { fixtureNames } from '../harness/fixture-cases.js';

/**
 * Every Python fixture with every runtime, profile, registry and --explain language: each run ends in
 * a Dockerfile that passes the lint gate, or in a one-line refusal of that runtime; never in the lint
 * gate's internal error (a uv project once failed DL3042 with every option but --portable).
 */
const FIXTURES = join(packageRoot, 'test/fixtures/python');
const fixtures = fixtureNames('python');
const runtimes = [undefined, 'distroless', 'slim', 'scratch'] as const;
const explains = [undefined, 'en', 'fr'] as const;

describe.each(fixtures)('%s', (fixture) => {
  const facts = PIPELINE.detect(takeSnapshot(join(FIXTURES, fixture)));
  const combinations = runtimes.flatMap((runtime) =>
    [false, true].flatMap((portable) =>
      [undefined, 'mirror.example.com/hub'].flatMap((registry) => explains.map((explain) => ({ choices: { runtime, portable, registry }, explain }))),
    ),
  );

  test(`${combinations.length} combinations: a linted Dockerfile or a one-line refusal`, () => {
    const outcomes = combinations.map(({ choices, explain }) => {
      try {
        const files = PIPELINE.generate(facts, choices, { templatesDir, explain });
        return files.files.some((file) => file.path === 'Dockerfile' && file.content.includes('ENTRYPOINT')) ? 'dockerfile' : 'no entrypoint';
      } catch (error) {
        return error instanceof UserError && !/[\r\n]/.test(error.message) ? 'refused' : `internal: ${(error as Error).message}`;
      }
    });
    expect(outcomes.filter((outcome) => outcome !== 'dockerfile' && outcome !== 'refused')).toEqual([]);
    // The default runtime always generates; only a runtime asked for may be refused.
    expect(outcomes.filter((outcome, index) => combinations[index]!.choices.runtime === undefined && outcome !== 'dockerfile')).toEqual([]);
  });
});
