import type { PlanBase, TestsFound } from '../types.js';

/**
 * The `test` stage, when the project has tests. Under --portable it is left out, and the header says
 * why: the legacy builder builds every stage, so the tests would run, and could fail, on every build.
 */
export function testStage(tests: TestsFound | undefined, command: string, portable: boolean | undefined): Pick<PlanBase, 'test' | 'testOmitted'> {
  if (!tests) return { testOmitted: false };
  if (portable) return { testOmitted: true };
  return { test: { command, source: tests.source }, testOmitted: false };
}
