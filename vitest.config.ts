import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Rendering real PDFs with a 10 MB CJK font takes a moment on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./tests/helpers/buildDist.ts'],
    reporters: ['default', './tests/helpers/plainSummaryReporter.ts'],
  },
});
