import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // E2E files start a server and Chromium; keep them from starving unit tests on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
