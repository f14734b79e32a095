// Three layers of tests: unit (no browser), build (the real `astro build` output), browser (Chromium).
import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.unit.config.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      unitProject,
      {
        extends: false,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One Chromium at a time keeps a two-core machine responsive.
          fileParallelism: false,
          // A condition the page meets in its own time: polled for up to ten seconds, so that a busy machine
          // makes a test slower, never wrong.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
