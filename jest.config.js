// ESM + TypeScript through ts-jest; run with node --experimental-vm-modules (see package.json scripts).
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
  // execa's signal-exit keeps an emitter on process; Jest's soft global cleanup recurses on it.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  // Fixtures are projects of their own: their package.json names (two workspaces' @shop/api) are not modules here.
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/'],
};
export default {
  testSequencer: '<rootDir>/test/harness/sequencer.mjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/harness/integration-env.ts'],
    },
  ],
};
