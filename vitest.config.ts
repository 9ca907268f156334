import { defineConfig } from 'vitest/config';

/** Where CI asks for a machine-readable summary of the run (see .ci/run). */
const summary = process.env.VITEST_SUMMARY;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: summary ? ['default', ['json', { outputFile: summary }]] : ['default'],
  },
});
