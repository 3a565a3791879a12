import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'site/**/*.test.ts', 'widget/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Builds in tests/build take seconds each and share two cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 10_000,
  },
})
