import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Rendering real PDFs with a 10 MB CJK font takes a moment on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A browser page or a server answers in milliseconds here, but in seconds on a loaded shared 2-core machine: polls
    // wait up to 15 s (they return as soon as the condition holds).
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    globalSetup: ['./tests/helpers/buildDist.ts'],
    reporters: ['default', './tests/helpers/plainSummaryReporter.ts'],
  },
});
