/** Tests run against a real MongoDB-wire database (see test/support/globalSetup.ts). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  maxWorkers: 2,
  // Tests wait for conditions, not for a time budget; this only stops a test that hangs (a busy 2-core machine runs a long flow in well over 30 s).
  testTimeout: 120000,
};
