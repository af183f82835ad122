import { defineConfig } from 'vitest/config';

/**
 * Four projects, one runner. Integration tests get DynamoDB Local and the SES emulator from a global
 * setup; e2e tests get the whole local stack and drive headless Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/emulators.global.ts'],
          setupFiles: ['test/support/integration-env.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/local-stack.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Pages answer after network round trips and deliberate pauses (announcements wait 1 s).
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: two cores are shared with DynamoDB Local, the API and Vite.
          fileParallelism: false,
        },
      },
    ],
  },
});
