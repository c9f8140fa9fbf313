import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The summary reporter prints the plain "N passed, N failed" line that CI reads.
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
