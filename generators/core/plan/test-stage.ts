import type { Plan, TestsFound } from '../types.js';

/**
 * The `test` stage, when the project has tests. Under --portable it is left out, and the header says
 * why: the legacy builder builds every stage, so the tests would run, and could fail, on every build.
 */
export function testStage(tests: TestsFound | undefined, command: string, portable: boolean | undefined): Pick<Plan, 'test' | 'testOmitted'> {
  if (!tests) return { testOmitted: false };
  if (portable) return { testOmitted: true };
  return { test: { command, source: tests.source }, testOmitted: false };
}

/** C: how each build system runs the project's tests, in the build stage's /src. */
export function cTestCommand(buildSystem: string, makeTarget?: string): string {
  if (buildSystem === 'cmake') return 'ctest --test-dir build --output-on-failure';
  if (buildSystem === 'meson') return 'meson test -C build --print-errorlogs';
  return `make ${makeTarget ?? 'test'}`;
}
