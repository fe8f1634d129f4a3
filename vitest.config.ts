import { defineConfig } from 'vitest/config';

/**
 * Four projects, one command (`npm test`):
 * - unit: next to the modules they test (src/**);
 * - integration: a real host on 127.0.0.1:0, real SQLite files in temp folders, stock y-websocket clients;
 * - fuzz: generated bad input (WebSocket, HTTP, imports) against a real host process (tests/fuzz);
 * - e2e: the built renderer in Debian's Chromium through playwright-core.
 * Integration, fuzz and e2e run their files one at a time: the machine has two cores and each file starts hosts.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/shell/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Generated bad input against a real host (issue #7); FUZZ_RUNS raises the runs per property.
          name: 'fuzz',
          include: ['tests/fuzz/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/e2e/support/setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page's answer to a key press or a sync can take seconds while the other projects load
          // both cores (they run at the same time); a poll fails only if it never comes.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
