import { defineConfig } from 'vitest/config';

// Two tiers: unit tests sit beside the code; integration tests run on a real database
// (PGlite by default, PostgreSQL when ATHAR_TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/integration/global-setup.ts'],
        },
      },
    ],
  },
});
