import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Builds in tests/build take seconds each and share two cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 10_000,
    // One temporary folder per run, removed at its end.
    globalSetup: ['tests/temp-folder.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit and API',
          include: ['server/**/*.test.ts', 'site/**/*.test.ts', 'widget/**/*.test.ts', 'lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
        },
      },
      {
        // The API tests once more with every record in PostgreSQL: both stores answer the same.
        extends: true,
        test: {
          name: 'API on PostgreSQL',
          include: ['server/routes/**/*.test.ts'],
          env: { TEST_STORE: 'postgres' },
          setupFiles: ['server/store/postgres-test-setup.ts'],
        },
      },
    ],
  },
})
