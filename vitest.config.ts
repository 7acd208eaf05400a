import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // most test files wait on sockets and child processes, not the CPU: 3 workers on 2 cores
    maxWorkers: 3,
  },
});
