import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Browser and crash tests drive Chromium and real servers on 2 shared cores: generous, never a timing assertion.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Browser and crash tests start servers and Chromium: two cores, so keep files from piling up.
    maxWorkers: 2,
  },
});
