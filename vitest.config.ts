import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    // The web page computes in workers; under CI load a curve or its steps can take seconds, not the 1 s default.
    expect: { poll: { timeout: 20_000 } },
    reporters: ['default', './test/summaryReporter.ts'],
  },
});
