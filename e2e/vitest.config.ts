import { defineConfig } from 'vitest/config';

/**
 * Browser specs: one real server (embedded PostgreSQL + demo data + the built web app) for the
 * whole run, started by the global setup; files run one after another because they share the
 * demo committees. One Chromium serves every file (support/shared-browser.ts).
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts', 'e2e/support/shared-browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    maxWorkers: 1,
    // A page waits for the server and a lazily loaded chunk; on a busy machine that exceeds 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
