import { engineProblem } from '../../generators/verify/docker.js';

/**
 * Integration suites call this in beforeAll: with no engine every test fails with one line saying
 * why. They never skip, so a machine without Docker can never pass them silently.
 */
export async function requireEngine(): Promise<void> {
  const problem = await engineProblem();
  if (problem) throw new Error(`integration tests need a Docker engine: ${problem}`);
}
