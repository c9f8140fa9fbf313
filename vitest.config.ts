import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: vitest would otherwise load its ESM build for our files and its CJS build
  // for yoga and graphql-ws, and `instanceof GraphQLError` would fail across the two.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    // The summary reporter prints the plain "N passed, N failed" line that CI reads.
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
