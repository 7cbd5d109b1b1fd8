import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongRunningFirst } from './test/support/sequencer.ts';

/**
 * Four suites, all run by `npm test` (vitest run):
 * - unit: pure rules next to the code they test (server/**, shared/**, reference/**, web/src/**, and test/web,
 *   which holds the web app against the server); no database.
 * - api: integration tests over HTTP (app.inject) on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
 * - security: the authorization matrix, API fuzzing, crash safety, concurrency, several processes and web
 *   security (test/security); small counts here, full counts in the stress suite.
 * - e2e: browser tests (Playwright driving Debian's Chromium), two files at a time, after the others (the long walk first:
 *   test/support/sequencer.ts).
 */
export default defineConfig({
  test: {
    passWithNoTests: true,
    sequence: { sequencer: LongRunningFirst },
    // Vitest's default (one worker fewer than the cores) runs a single file at a time on a 2-core machine;
    // API test files spend much of their time waiting on the database, so two run well side by side.
    maxWorkers: Math.min(8, Math.max(2, availableParallelism())),
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
            'reference/**/*.test.ts',
            'cli/**/*.test.ts',
            'web/src/**/*.test.{ts,tsx}',
            // Tests that hold the web app against the server (the navigation against the access policy).
            'test/web/**/*.test.ts',
            // The benchmark's own logic (merging partial runs into the committed results).
            'bench/**/*.test.ts',
          ],
          environment: 'node',
          // One module graph per worker, not per file: the files share no mutable state (no module mocks, no
          // stubbed globals), and loading the server's modules again for every file was a tenth of the run.
          isolate: false,
          // Generous: a shared 2-core machine can be slow; the tests never time things.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          globalSetup: ['test/support/pglite-template.ts'],
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          // Each file opens its own database (PGlite in memory takes a few seconds to initialise).
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'security',
          globalSetup: ['test/support/pglite-template.ts'],
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['test/support/pglite-template.ts'],
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // After the unit and API suites have finished with the CPU; two files at a time, since a browser test
          // spends most of its time waiting on its own server and browser.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      // Volumes and faults at full size: `npm run test:stress`, never part of `npm test`.
      ...(process.env.STEWARD_STRESS
        ? [
            {
              test: {
                name: 'stress',
                include: ['test/stress/**/*.test.ts'],
                environment: 'node',
                testTimeout: 1_800_000,
                hookTimeout: 600_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
