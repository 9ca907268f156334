import { defineConfig } from 'vitest/config';

/** Where CI asks for a machine-readable summary of the run (see .ci/run). */
const summary = process.env.VITEST_SUMMARY;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // NOTE: most of a run's time was spent importing mathjs, TF.js and the
    // library again for every test file. Without isolation each worker
    // imports them once and runs its files one after another; the tests
    // share no mutable state but the activation registry, and every test
    // that defines an activation gives it a name of its own.
    isolate: false,
    // NOTE: vitest's default leaves one of this machine's two cores idle
    // (it keeps a core for itself); two workers take the suite from about
    // 50 s to about 41 s here.
    maxWorkers: 2,
    reporters: summary ? ['default', ['json', { outputFile: summary }]] : ['default'],
  },
});
