import { defineConfig } from 'vitest/config';
import path from 'node:path';

// CI collects each run's results as JSON (ATHAR_TEST_REPORT_DIR) to print one total at the end.
const reportDir = process.env.ATHAR_TEST_REPORT_DIR;
const reporting = reportDir
  ? {
      reporters: ['default', 'json'],
      outputFile: { json: path.join(reportDir, `vitest-${process.pid}-${Date.now()}.json`) },
    }
  : {};

// Two tiers: unit tests sit beside the code; integration tests run on a real database
// (PGlite by default, PostgreSQL when ATHAR_TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    ...reporting,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/*.test.ts', 'web/src/**/*.test.ts'],
          testTimeout: 30_000,
        },
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
      {
        // The desk in Debian's chromium (test/e2e/harness.ts): each file starts its own athar.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/integration/global-setup.ts'],
        },
      },
    ],
  },
});
