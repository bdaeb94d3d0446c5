import TestSequencer from '@jest/test-sequencer';

/**
 * Jest's own order (failed first, then slowest by its timing cache, then largest file), except that a
 * suite known to run longest on a clean machine starts first: the multi-platform suite builds arm64
 * stand-ins and images under QEMU for many minutes, and started last it would run alone at the end
 * while the other worker idles. CI's clean clone has no timing cache to tell Jest so.
 */
const LONGEST = [/\/integration\/ship\.test\.ts$/];

export default class LongestFirst extends TestSequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const longest = sorted.filter((test) => LONGEST.some((pattern) => pattern.test(test.path)));
    return [...longest, ...sorted.filter((test) => !longest.includes(test))];
  }
}
