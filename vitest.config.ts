import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['src/server/test/pglite-template.ts'],
    // CI collects a JSON report of every run to print the totals (.ci/totals.mjs).
    reporters: process.env.TEST_RESULTS_DIR ? ['default', 'json'] : ['default'],
    outputFile: { json: `${process.env.TEST_RESULTS_DIR ?? 'test-results'}/vitest.json` },
  },
});
